"""Normalised values of spans: dates to ISO dates, casualty phrases to counts, place names to
gazetteer entries. Pure Python below the store; the suggesters share these grammars."""
