"""A few layout touches Streamlit's theme cannot express. Fixed CSS only: no user text ever goes in here."""

from __future__ import annotations

import re

import streamlit as st

CSS = """
<style>
.st-key-vigil_steps button { justify-content: flex-start; text-align: left; }
.st-key-vigil_steps button p { white-space: normal; text-align: left; }
.st-key-vigil_steps button div { justify-content: flex-start; }
</style>
"""

SCROLL_TOP = """
<script>
(function () {
  const main = document.querySelector('[data-testid="stMain"]') || document.querySelector('section.main');
  if (main) { main.scrollTo({top: 0}); }
  window.scrollTo({top: 0});
})();
</script>
"""


def apply() -> None:
    st.html(CSS)


def scroll_to_top(section_id: str) -> None:
    """After moving to another section, start reading at its top.

    The section id (a checklist id: lower-case letters, digits, underscores) makes each script differ from
    the previous one, so the browser runs it again; ids of any other shape are left out.
    """
    marker = section_id if re.fullmatch(r"[a-z][a-z0-9_]*", section_id) else "section"
    with st.container(key=f"vigil_scroll_{marker}", height=1, border=False):  # a new element: the script runs
        st.html(f"<!-- {marker} -->{SCROLL_TOP}", unsafe_allow_javascript=True)
