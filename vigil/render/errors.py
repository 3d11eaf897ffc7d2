"""The two errors the documents can raise, each with a calm one-line message for the user."""

from __future__ import annotations


class RenderError(Exception):
    """A document could not be made. ``str(error)`` is one line the user can act on."""


class FontMissingError(RenderError):
    """Some characters cannot be shown with the fonts on this machine; the message names them and the fix."""
