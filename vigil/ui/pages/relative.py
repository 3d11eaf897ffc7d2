"""The page a relative reaches through their private link (``?k=<token>``): the plan in plain words, the items
asked, their answer, their signature, their withdrawal. Nothing else of Vigil is drawn: no navigation, no other
assessment, no notes, no verdict, no other people (``app.py`` routes ``?k=`` here alone, before anything else).
"""

from __future__ import annotations

import datetime as dt

from vigil.ui import relative_view


def render() -> None:
    relative_view.page(dt.datetime.now(dt.UTC).replace(microsecond=0))
