"""One module per page; each exposes ``render(ctx)`` (see vigil/ui/shell.py) and holds no logic of its own."""
