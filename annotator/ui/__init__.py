"""The Qt user interface: thin, calling the layers below. The only package that imports Qt."""
