"""Widgets bound to the draft: a widget takes its first value from the draft, and each user action changes the
draft through one callback that names the one question (or ``META``) it may change. Date widgets offer one range."""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from vigil.ui.session import Session

EARLIEST = dt.date(1800, 1, 1)
LATEST = dt.date(2200, 12, 31)


def first_value(key: str, value: Any) -> None:
    """Give a widget its value from the draft the first time it is drawn."""
    if key not in st.session_state:
        st.session_state[key] = value


def change(session: Session, touches: str, mutate: Any, *args: Any) -> None:
    """Apply one user action to the draft; ``touches`` names the one question (or ``META``) it may change."""
    session.change(lambda a: mutate(a, *args), (touches,))
