"""One module per page; each exposes ``render()`` and holds no logic of its own."""
