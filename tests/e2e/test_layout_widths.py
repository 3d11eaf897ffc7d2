"""Layout at the widths people use: the Start page's queue choices show their whole value, in the page's language, at 1280 px."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.e2e.conftest import shot
from tests.e2e.driver import Driver
from vigil.catalog import load_catalog

CLIPPED_JS = "el => el.scrollWidth > el.clientWidth + 1"


def test_the_queues_sort_choice_is_not_cut_off_in_german(app: Page) -> None:
    d = Driver(app, load_catalog().latest()[0])
    d.set_language("de")
    sort = d.keyed("vigil.queue.sort.de").locator('input[role="combobox"]')
    expect(sort).to_have_value(d.t("ui.queue.sort.updated"))
    shot(app, "de-30-start-1280")
    assert not sort.evaluate(CLIPPED_JS), "the sort choice's value is cut off"
