"""Pure-Python domain model and Arabic text rules. No Qt, no I/O."""

from annotator.core.model import (
    DEFAULT_LABELS,
    Annotator,
    Document,
    Label,
    Span,
    SpanError,
    check_span,
    text_sha256,
)

__all__ = [
    "DEFAULT_LABELS",
    "Annotator",
    "Document",
    "Label",
    "Span",
    "SpanError",
    "check_span",
    "text_sha256",
]
