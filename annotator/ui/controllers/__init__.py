"""The window's behaviour, one controller a concern: each knows the workspace, the article view
and the operation wrapper, never the window."""
