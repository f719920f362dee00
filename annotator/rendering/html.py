"""A standalone HTML page of one article, right to left, its spans highlighted, with a legend.

The browser shapes and orders the Arabic; the text goes in exactly as stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import IO

from annotator.core.model import UNKNOWN_LABEL_COLOR, Document, InvalidName, Label, Span, check_color


def _safe_color(color: str) -> str:
    """The colour if it is #rgb or #rrggbb, else grey: a project written before colours were
    checked (or changed by hand) must not put markup into a ``style`` attribute."""
    try:
        color = check_color(color)
    except InvalidName:
        return UNKNOWN_LABEL_COLOR
    # #rgb as #rrggbb: a highlight appends two digits of alpha to it.
    return "#" + "".join(2 * digit for digit in color[1:]) if len(color) == 4 else color


def _segments(text: str, spans: Sequence[Span]) -> list[tuple[int, int, list[Span]]]:
    """Cut the text where any span starts or ends; each piece lists the spans over it."""
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [s for s in spans if s.start <= a and b <= s.end]
        covering.sort(key=lambda s: (s.start, -s.end))
        pieces.append((a, b, covering))
    return pieces


def _piece_html(piece: str) -> str:
    return escape(piece).replace("\r\n", "\n").replace("\n", "<br>\n")


def write(document: Document, spans: Sequence[Span], labels: Sequence[Label], stream: IO[str]) -> None:
    colors = {label.name: _safe_color(label.color) for label in labels}
    body = []
    for a, b, covering in _segments(document.text, spans):
        piece = _piece_html(document.text[a:b])
        if not covering:
            body.append(piece)
            continue
        inner = covering[-1]  # the innermost span fills; outer ones show as underlines
        # Shadows, not borders or padding: they leave layout alone, so a highlight that
        # starts inside a word does not break the joining of its letters.
        shadows = [f"inset 0 -{3 * (i + 1)}px 0 {colors.get(s.label, UNKNOWN_LABEL_COLOR)}"
                   for i, s in enumerate(covering[:-1])]
        if any(s.start == a for s in covering):
            shadows.append("inset -2px 0 0 #333")  # right edge: where a span starts in RTL
        if any(s.end == b for s in covering):
            shadows.append("inset 2px 0 0 #333")
        style = f"background:{colors.get(inner.label, UNKNOWN_LABEL_COLOR)}55"
        if shadows:
            style += ";box-shadow:" + ",".join(shadows)
        title = "; ".join(f"{s.label} ({s.annotator})" for s in covering)
        body.append(f'<mark style="{escape(style)}" title="{escape(title)}">{piece}</mark>')
    legend = "".join(
        f'<li><span class="swatch" style="background:{escape(_safe_color(label.color))}"></span>'
        f'{escape(label.caption())}</li>'
        for label in labels
    )
    stream.write(
        f"""<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<title>{escape(document.title)}</title>
<style>
body {{ font-family: "Amiri", "Noto Naskh Arabic", serif; font-size: 20px; line-height: 2.1;
       max-width: 46em; margin: 2em auto; color: #111; background: #fff; }}
mark {{ color: inherit; padding: 0; }}
ul.legend {{ list-style: none; padding: 0; display: flex; gap: 1.5em; flex-wrap: wrap; font-size: 16px; }}
.swatch {{ display: inline-block; width: 1em; height: 1em; margin-inline-end: .4em; vertical-align: middle; }}
</style>
</head>
<body>
<h1>{escape(document.title)}</h1>
<ul class="legend">{legend}</ul>
<article>{"".join(body)}</article>
</body>
</html>
"""
    )
