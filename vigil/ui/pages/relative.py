"""The page a relative reaches through their private link (``?k=<token>``): the plan in plain words, the items
asked, their answer, their signature, their withdrawal. Nothing else of Vigil is drawn: no navigation, no other
assessment, no notes, no verdict, no other people (``app.py`` routes ``?k=`` here alone, before anything else).
"""

from __future__ import annotations

import datetime as dt

from vigil.ui import relative_view
from vigil.ui.shell import Context


def render(ctx: Context) -> None:
    """The page shows the link's language (``ctx.lang`` is not used) and keeps only ``ctx.state.consent``."""
    relative_view.page(ctx.state.consent, dt.datetime.now(dt.UTC).replace(microsecond=0))
