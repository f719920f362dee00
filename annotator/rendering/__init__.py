"""Drawing an article for people to look at (an HTML page); not an interchange format."""
