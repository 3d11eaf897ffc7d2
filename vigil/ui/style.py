"""A few layout touches Streamlit's theme cannot express. Fixed CSS only: no user text ever goes in here."""

from __future__ import annotations

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


def scroll_to_top() -> None:
    """After moving to another section, start reading at its top."""
    st.html(SCROLL_TOP, unsafe_allow_javascript=True)
