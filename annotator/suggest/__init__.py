"""Suggesters: rules, the gazetteer and a model learned from the project propose spans, stored
as the reserved annotator ``suggested``, which annotators accept or reject. No Qt here."""
