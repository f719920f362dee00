"""Merging, comparison, adjudication and agreement (pure Python over the store)."""
