"""Vigil: check consent, family wishes and disclosure before making media of someone who has died."""

__version__ = "0.1.0"
