"""Demo people for ``spinewise demo-data``: not part of the web app or the engine."""
