"""Vigil in the browser: `streamlit run app.py`. Page config and navigation only; the rest is vigil.ui."""

import streamlit as st

from vigil.ui import frame, shell

st.set_page_config(page_title="Vigil", page_icon="🕯️", layout="wide")
ctx = shell.prepare()
navigation = st.navigation(shell.pages(ctx))
frame.sidebar(ctx, navigation.url_path)
frame.banner(ctx)
navigation.run()
