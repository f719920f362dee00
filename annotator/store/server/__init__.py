"""The team server's store: the same project, kept in a PostgreSQL database (``ServerStore``)."""
