"""The root of every error Annotator raises on purpose.

Each layer's errors derive from ``AnnotatorError`` (the store's ``StoreError``, the readers'
``FormatError``, the command line's ``UserError``, review's ``MergeError``...), and each
message is one line naming the file and the problem. The command line and the window catch
this root, in one place each; anything else escaping is a bug and keeps its traceback.
"""


class AnnotatorError(Exception):
    """A problem to tell the user in one line (bad input, a damaged project, a full disk)."""
