"""What the learned suggester's models and proposals are called, readable without loading the
model's libraries (numpy, CRFsuite): the window asks on every document it opens."""

from __future__ import annotations

ORIGIN = "model:crf"  # the origin of the learned suggester's proposals


def model_name(annotator: str) -> str:
    """The name of ``annotator``'s model in the project's ``models`` table."""
    return f"crf:{annotator}"
