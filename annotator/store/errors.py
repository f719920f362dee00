class StoreError(Exception):
    """A database that cannot be used; the message names the file and the problem."""


class NewerDatabaseError(StoreError):
    """A database written by a newer Annotator; it is left untouched."""
