"""Layout and words at the widths people use: the Start page's queue choices show their whole value, in the page's language, at 1280 px; an empty date field speaks the page's language."""

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


AFTER_JS = "el => getComputedStyle(el, '::after').content"


def test_an_empty_date_field_reads_tt_mm_jjjj_in_german_and_still_takes_a_date(app: Page) -> None:
    checklist = load_catalog().latest()[0]
    d = Driver(app, checklist)
    d.set_language("de")
    aid = d.begin("Datumstest")
    d.click_keyed(f"vigil.step.{aid}.person")
    field = app.locator('[data-testid="stDateInput"]').first
    day = field.locator('[data-type="day"]')
    expect(day).to_have_attribute("data-vigil-ph", "TT")
    assert [field.locator(f'[data-type="{t}"]').evaluate(AFTER_JS) for t in ("day", "month", "year")] == [
        '"TT"', '"MM"', '"JJJJ"']
    shot(app, "de-31-date-placeholder")
    d._date(field, "1941-03-07")
    expect(day).to_have_text("07")
    assert day.evaluate(AFTER_JS) == "none"  # a typed date shows its digits, not the letters
