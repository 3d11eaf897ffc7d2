"""Sign-in for maker pages when Vigil is served beyond one machine.

Only when the server is configured for it (an ``[auth]`` section in ``.streamlit/secrets.toml``: an OpenID Connect
provider, used through Streamlit's ``st.login``): then every maker page needs a signed-in user, and, when
``[vigil] team`` lists e-mail addresses or ``@domains``, one of them. Without ``[auth]`` (Vigil on 127.0.0.1 for
one person) nothing changes. A relative's link page never asks for sign-in: the link is their key to their own
page and nothing else. One database is one team: every member sees every assessment in it.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from vigil.i18n import t
from vigil.ui import language


def _secrets_section(name: str) -> dict[str, object]:
    try:
        section = st.secrets.get(name)
    except (FileNotFoundError, KeyError, OSError, ValueError):
        return {}
    except Exception:  # streamlit's own "no secrets" error
        return {}
    return dict(section) if section is not None else {}


def configured() -> bool:
    return bool(_secrets_section("auth"))


def in_team(email: str, team: Sequence[str]) -> bool:
    """Whether ``email`` is listed, or its domain as ``@domain`` (no list: every signed-in user)."""
    if not team:
        return True
    address = email.strip().lower()
    domain = "@" + address.rsplit("@", 1)[-1] if "@" in address else ""
    entries = {x.strip().lower() for x in team}
    return address in entries or (bool(domain) and domain in entries)


def _lang() -> str:
    return language.initial_language(st.context.cookies.get(language.COOKIE), st.context.locale)


def gate() -> bool:
    """True when the maker pages may be drawn; otherwise draws the sign-in page and returns False."""
    if not configured():
        return True
    lang = _lang()
    if st.user.is_logged_in:
        team = _secrets_section("vigil").get("team", [])
        email = str(st.user.get("email") or st.user.get("sub") or "")
        if in_team(email, team if isinstance(team, list) else []):
            with st.sidebar:
                st.caption(t(lang, "signin.as", who=email))
                st.button(t(lang, "signin.out"), on_click=st.logout, key="vigil.signout")
            return True
        st.title("Vigil", anchor=False)
        st.warning(t(lang, "signin.not_in_team", who=email), icon=":material/lock:")
        st.button(t(lang, "signin.out"), on_click=st.logout, key="vigil.signout")
        return False
    st.title("Vigil", anchor=False)
    st.write(t(lang, "signin.why"))
    st.button(t(lang, "signin.in"), on_click=st.login, type="primary", key="vigil.signin")
    return False
