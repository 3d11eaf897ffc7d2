"""Vigil in the browser: `streamlit run app.py`. Page config and navigation only; the rest is vigil.ui."""

import streamlit as st

from vigil.ui import frame, relative_view, shell, signin
from vigil.ui.pages import relative

st.set_page_config(page_title="Vigil", page_icon="🕯️", layout="wide")
if relative_view.requested():  # a relative's private link: their page alone, whatever the path
    st.navigation([st.Page(relative.render, title="Vigil", url_path="relative", default=True)],
                  position="hidden").run()
elif signin.gate():  # sign-in only when the server is configured for it (.streamlit/secrets.toml [auth])
    ctx = shell.prepare()
    navigation = st.navigation(shell.pages(ctx))
    frame.sidebar(ctx, navigation.url_path)
    frame.banner(ctx)
    navigation.run()
