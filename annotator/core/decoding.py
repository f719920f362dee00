"""Turning the bytes of an imported file into the text that is stored, or a clear refusal."""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

from annotator.core.errors import AnnotatorError

# One message for an empty file and for one with nothing visible in it: both hold no article.
NO_TEXT = "the file holds no text: it is empty, or holds only spaces and invisible characters"


class DecodeError(AnnotatorError, ValueError):
    """Bytes that cannot become an article's text; the message names the problem."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    had_bom: bool
    newline: str  # "lf", "crlf", "cr", "mixed" or "none": what the file used, recorded in meta


def newline_style(text: str) -> str:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    kinds = [name for name, n in (("crlf", crlf), ("cr", cr), ("lf", lf)) if n]
    if not kinds:
        return "none"
    return kinds[0] if len(kinds) == 1 else "mixed"


def is_blank(text: str) -> bool:
    """Nothing visible: empty, or only whitespace and invisible format characters (ZERO
    WIDTH SPACE, RIGHT-TO-LEFT MARK, ...). Stops at the first visible character."""
    return all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in text)


def decode_article(data: bytes, encoding: str | None = None) -> DecodedText:
    """Decode ``data`` as UTF-8 (BOM optional) unless the user named another encoding.

    The text is kept exactly as decoded, line endings included; only the BOM, which is
    a signature of the encoding and not part of the text, is removed.
    """
    if not data:
        raise DecodeError(NO_TEXT)
    had_bom = False
    if encoding is None:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            encoding, had_bom = "utf-16", True
        else:
            encoding = "utf-8"
            if data.startswith(codecs.BOM_UTF8):
                data, had_bom = data[len(codecs.BOM_UTF8):], True
        if encoding == "utf-8" and b"\x00" in data:
            at = data.index(b"\x00")
            raise DecodeError(
                f"byte {at} is NUL: this looks like a binary file or UTF-16 without a BOM, "
                "not UTF-8 text (name the encoding with --encoding)"
            )
    try:
        text = data.decode(encoding)
    except LookupError:
        raise DecodeError(f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as err:
        raise DecodeError(
            f"not valid {err.encoding} at byte {err.start} ({err.reason}); if the file uses "
            "another encoding, name it with --encoding (for example --encoding cp1256)"
        ) from None
    if text.startswith("\ufeff"):
        text, had_bom = text[1:], True
    if is_blank(text):
        raise DecodeError(NO_TEXT)
    return DecodedText(text, encoding, had_bom, newline_style(text))
