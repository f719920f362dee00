"""Tooltips that show names and span texts as written.

QToolTip renders any text that ``Qt.mightBeRichText`` takes for HTML: an annotator named
``<img src=y>`` would show a broken image and a span text ``<script>…`` nothing at all. The
text is escaped inside a tooltip that is explicitly rich, so Qt's guess has nothing to guess.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def plain_tooltip(text: str) -> str:
    # html.escape without importing html (its entity tables cost 2 ms of start-up): & first.
    body = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    body = body.replace("\r\n", "\n").replace("\n", "<br>")
    return f"<p style='white-space:pre'>{body}</p>"


def rejection_note(reviewers: list[str]) -> str:
    """Who rejected a span, as the span table and tooltips say it; empty if nobody did."""
    if not reviewers:
        return ""
    return QCoreApplication.translate("SpanTable", "rejected by %1").replace("%1", ", ".join(reviewers))
