"""Annotator: label Arabic news articles, right to left, and make training data."""

__version__ = "0.1.0"
