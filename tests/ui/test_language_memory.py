"""The chosen language is remembered in a cookie even when the next click interrupts the rerun that would have
written it: the script stays on the page until the browser sends the cookie back (seen as a flaky reload in the
browser tests, where a quick next action cut the run short and the page came back in English)."""

from __future__ import annotations

from tests.ui.support import assert_ok, start_app


def _cookie_scripts(at) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(h.proto.body) for h in at.get("html") if "vigil_lang=" in str(h.proto.body)]


def test_the_cookie_script_stays_until_the_browser_has_the_cookie() -> None:
    at = start_app()
    assert not _cookie_scripts(at)  # nothing chosen: nothing remembered
    at.radio(key="vigil.lang_widget").set_value("de").run()
    assert_ok(at)
    assert _cookie_scripts(at)
    at.run()  # the next run (e.g. the one that interrupted the first) still carries it
    assert _cookie_scripts(at) and "vigil_lang=de;" in _cookie_scripts(at)[0]
