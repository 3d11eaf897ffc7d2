"""Content Credentials (C2PA) on the finished media: build the manifest, sign it offline, read it back.

``manifest`` is pure (assessment in, manifest definition out); ``certs`` makes or loads the signing material;
``formats`` recognises the media; ``stamp`` signs; ``verify`` reads back; ``cli`` wires ``vigil stamp`` and
``vigil verify``. Every error a user can fix is a ``CredentialsError`` whose text is one line.
"""

from __future__ import annotations


class CredentialsError(Exception):
    """A problem the user can fix; ``str(error)`` is one line naming what is wrong and what to do."""


class CertificateError(CredentialsError):
    """The signing certificate or key cannot be used."""


class FormatError(CredentialsError):
    """The file is not a kind of media that Vigil can stamp."""


class StampRefused(CredentialsError):
    """The assessment's verdict does not allow a stamp (``stop``), or needs a confirmation (``resolve_first``)."""

    def __init__(self, message: str, reasons: list[str], needs_confirmation: bool) -> None:
        super().__init__(message)
        self.reasons = reasons
        self.needs_confirmation = needs_confirmation
