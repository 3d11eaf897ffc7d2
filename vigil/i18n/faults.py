"""What a store fault says to a person, in their language.

The store names its faults and speaks no language (``vigil.store.StoreError``: an ``i18n_key``, and the store's
own English ``detail`` when a fault has particulars for whoever runs Vigil); the edges (the command line, the
pages) turn them into words here.
"""

from __future__ import annotations

from typing import Protocol

from vigil.i18n import t


class Fault(Protocol):
    @property
    def i18n_key(self) -> str: ...

    @property
    def detail(self) -> str | None: ...


def fault_words(fault: Fault, lang: str = "en") -> str:
    """The store's own sentence when the fault has particulars (a setting, a schema step, a revision: in English,
    for whoever runs Vigil), else the interface string ``fault.i18n_key`` in ``lang``."""
    return fault.detail or t(lang, fault.i18n_key)
