"""Arabic on terminals that cannot shape or order it.

Most terminals print code points in logical order, unjoined: Arabic comes out reversed
and in isolated letter forms. For those, and only when printing to such a terminal (never
to a pipe or a file), text is reshaped (arabic-reshaper) and put in display order
(python-bidi). Terminals that do their own bidi (VTE 0.76+, mlterm) get the text as it is.
"""

from __future__ import annotations

import os
import re
from typing import IO

_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def terminal_does_bidi() -> bool:
    if os.environ.get("ANNOTATOR_TERMINAL_BIDI") in ("1", "yes"):
        return True
    if os.environ.get("ANNOTATOR_TERMINAL_BIDI") in ("0", "no"):
        return False
    vte = os.environ.get("VTE_VERSION", "")
    return (vte.isdigit() and int(vte) >= 7600) or os.environ.get("TERM", "").startswith("mlterm")


def needs_reshaping(stream: IO[str], mode: str = "auto") -> bool:
    if mode in ("always", "never"):
        return mode == "always"
    return stream.isatty() and not terminal_does_bidi()


def for_terminal(text: str) -> str:
    """``text`` shaped and in visual order, for a terminal without bidi support."""
    if not _ARABIC.search(text):
        return text
    import arabic_reshaper
    from bidi.algorithm import get_display  # the pure-Python one: it also mirrors brackets

    return get_display(arabic_reshaper.reshape(text))
