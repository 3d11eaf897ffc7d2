"""Vigil in the browser: `streamlit run app.py` (or `make run`).

This file has two roles. Imported by `streamlit run`, it is the web server: ``app`` is Streamlit's own ASGI app
(served by Uvicorn) behind a check that every HTTP and websocket request names one of our hosts
(``vigil.hosts``: DNS rebinding). Run by Streamlit as the page script (``__name__ == "__main__"``), it sets up the
page and its navigation; the rest is vigil.ui.
"""

if __name__ == "__main__":
    import streamlit as st

    from vigil.ui import frame, navigation, relative_view, shell, signin
    from vigil.ui.pages import relative

    st.set_page_config(page_title="Vigil", page_icon="🕯️", layout="wide")
    if relative_view.requested():  # a relative's private link: their page alone, whatever the path
        bare = shell.bare()  # not prepare(): nothing else from the URL (?a=) is opened for a relative
        st.navigation([st.Page(lambda: relative.render(bare), title="Vigil", url_path="relative", default=True)],
                      position="hidden").run()
    elif signin.gate():  # sign-in only when the server is configured for it (.streamlit/secrets.toml [auth])
        ctx = shell.prepare()
        page = st.navigation(navigation.pages(ctx))
        frame.sidebar(ctx, page.url_path)
        frame.banner(ctx)
        page.run()
else:
    # Imported once here, in the server's main thread, before any page runs: two page runs importing pandas for
    # the first time at once (a chart and a table) can see it half-initialised ("partially initialized module").
    import altair  # noqa: F401
    import pandas  # noqa: F401
    from starlette.middleware import Middleware
    from starlette.middleware.trustedhost import TrustedHostMiddleware
    from streamlit import config
    from streamlit.starlette import App

    from vigil.hosts import allowed_hosts

    hosts = allowed_hosts(config.get_option("server.address"))
    app = App(__file__, middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=hosts, www_redirect=False)])
