"""Interchange formats, one module each. Readers yield records; writers stream from the store."""
