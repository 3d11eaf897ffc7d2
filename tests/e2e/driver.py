"""Drives Vigil's pages in Chromium the way a person does: by the labels they read, in their language.

Labels come from the same strings the app uses (``vigil.i18n`` and the checklist), so the tests follow the
product's words rather than hard-coded copies of them.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

from playwright.sync_api import Locator, Page, expect

from vigil import i18n
from vigil.i18n.formats import widget_date_format
from vigil.models.assessment import Answer
from vigil.models.checklist import Checklist, Question, QuestionKind
from vigil.models.common import pick

IDLE_JS = """() => !document.querySelector(
    '[data-testid="stStatusWidgetRunningIcon"], [data-testid="stStatusWidgetRunningManIcon"], [data-stale="true"], [data-testid="stSkeleton"]')"""
BOX_CLASS = re.compile(r"^st-key-w-.+-box-([a-z][a-z0-9_]*)$")


def css_key(key: str) -> str:
    """The CSS class Streamlit gives an element with this widget key."""
    return "st-key-" + re.sub(r"[^a-zA-Z0-9_-]", "-", key.strip())


@dataclass
class Driver:
    page: Page
    checklist: Checklist
    lang: str = "en"
    answered: dict[str, Answer] = field(default_factory=dict)

    # ------------------------------------------------------------------ basics
    def t(self, key: str, **params: object) -> str:
        return i18n.t(self.lang, key, **params)

    def idle(self, settle_ms: int = 120) -> None:
        """Wait until Streamlit has finished the rerun that the last action started."""
        self.page.wait_for_timeout(settle_ms)
        self.page.wait_for_function(IDLE_JS, timeout=20_000)

    def keyed(self, key: str) -> Locator:
        return self.page.locator(f".{css_key(key)}")

    def click_keyed(self, key: str) -> None:
        self.keyed(key).locator("button").first.click()
        self.idle()

    def sidebar(self) -> Locator:
        return self.page.locator('[data-testid="stSidebar"]')

    def set_language(self, lang: str) -> None:
        self.sidebar().locator("label").filter(has_text=i18n.language_name(lang)).click()
        self.lang = lang
        self.idle()

    def go_page(self, page_key: str) -> None:
        self.sidebar().get_by_role("link", name=self.t(f"ui.page.{page_key}")).click()
        self.idle()

    # ------------------------------------------------------------------ start
    def begin(self, title: str) -> str:
        """Begin a new assessment; returns its id from the URL."""
        self.keyed("vigil.start.title").locator("input").fill(title)
        self.keyed("vigil.start.title").locator("input").press("Enter")
        self.idle()
        self.click_keyed("vigil.start.create")
        expect(self.page.get_by_role("heading", name=pick(self.checklist.title, self.lang))).to_be_visible()
        self.page.wait_for_url(re.compile(r"[?&]a="))
        return self.assessment_id()

    def choose_row(self, index: int = 0, row_px: int = 36) -> None:
        """Choose a row of the Start page's queue (a table drawn on a canvas) by a click on one of its cells."""
        grid = self.page.locator('[data-testid="stDataFrame"]').first
        expect(grid).to_be_visible()
        grid.scroll_into_view_if_needed()
        box = grid.bounding_box()
        assert box is not None
        self.page.mouse.click(box["x"] + box["width"] * 0.3, box["y"] + row_px * (index + 1) + row_px / 2)
        self.idle()

    def open_from_start(self, assessment_id: str, index: int = 0) -> None:
        """On Start: choose the queue's row ``index`` (0: the most recently changed) and open it."""
        self.choose_row(index)
        self.click_keyed(f"vigil.start.open.{assessment_id}")

    def assessment_id(self) -> str:
        match = re.search(r"[?&]a=([A-Za-z0-9_-]+)", self.page.url)
        assert match, self.page.url
        return match.group(1)

    # ------------------------------------------------------------------ questionnaire
    def shown_questions(self) -> list[str]:
        classes: list[str] = self.page.eval_on_selector_all(
            '[class*="-box-"]', "els => els.map(e => e.className)")
        found = []
        for cls in classes:
            for token in cls.split():
                m = BOX_CLASS.match(token)
                if m and m.group(1) not in found:
                    found.append(m.group(1))
        return found

    def wait_shown(self, expected: list[str], timeout_s: float = 10.0) -> list[str]:
        """The questions on the page once they match ``expected`` (or after the timeout, for the assertion)."""
        deadline = time.monotonic() + timeout_s
        shown = self.shown_questions()
        while shown != expected and time.monotonic() < deadline:
            self.page.wait_for_timeout(100)
            shown = self.shown_questions()
        return shown

    def box(self, qid: str) -> Locator:
        return self.page.locator(f'[class*="-box-{qid} "], [class$="-box-{qid}"]').first

    def section_heading(self, section_id: str) -> Locator:
        section = next(s for s in self.checklist.sections if s.id == section_id)
        return self.page.get_by_role("heading", name=pick(section.title, self.lang), exact=True)

    def open_section(self, aid: str, section_id: str, tries: int = 3) -> None:
        """Click the section's step and wait for its heading. On a busy machine a click that lands while the page
        is being redrawn can be lost (the button is replaced under the pointer); then it is clicked again."""
        heading = self.section_heading(section_id)
        for attempt in range(tries):
            self.click_keyed(f"vigil.step.{aid}.{section_id}")
            try:
                expect(heading).to_be_visible(timeout=7_000)
                return
            except AssertionError:
                if attempt == tries - 1:
                    raise

    def option_label(self, q: Question, option_id: str) -> str:
        if q.kind == QuestionKind.yes_no:
            return self.t(f"answer.{option_id}")
        return pick(next(o.label for o in q.options if o.id == option_id), self.lang)

    def _radio(self, box: Locator, label: str) -> None:
        box.locator('[data-testid="stRadio"] label').filter(
            has_text=re.compile(rf"^\s*{re.escape(label)}\s*$")).first.click()
        self.idle()

    def _text(self, target: Locator, text: str, multiline: bool) -> None:
        target.fill(text)
        target.press("Control+Enter" if multiline else "Enter")
        self.idle()

    def _date(self, field: Locator, value: str) -> None:
        """Type an ISO date into a date field's segments, in the order the language writes them (DD.MM.YYYY)."""
        year, month, day = value.split("-")
        parts = {"YYYY": (year, "year"), "MM": (month, "month"), "DD": (day, "day")}
        order = [parts[t] for t in re.split(r"[./-]", widget_date_format(self.lang))]
        field.locator(f'[data-type="{order[0][1]}"]').click()
        self.page.keyboard.type("".join(text for text, _ in order))
        self.page.keyboard.press("Enter")  # commits the typed date (Tab only moves to the calendar button)
        self.page.keyboard.press("Escape")
        self.idle()

    def answer(self, q: Question, a: Answer) -> None:
        box = self.box(q.id)
        if a.dont_know:
            self.dont_know(q)
        elif q.kind in (QuestionKind.single_choice, QuestionKind.yes_no):
            assert a.choice is not None
            self._radio(box, self.option_label(q, a.choice))
        elif q.kind == QuestionKind.multi_choice:
            for choice in a.choices or []:
                label = self.option_label(q, choice)
                box.locator('[data-testid="stMultiSelect"]').first.click()
                self.page.keyboard.type(label)
                self.page.get_by_role("option", name=label, exact=True).click()
                self.page.keyboard.press("Escape")
                self.idle()
        elif q.kind in (QuestionKind.short_text, QuestionKind.long_text):
            multiline = q.kind == QuestionKind.long_text
            self._text(box.locator("textarea" if multiline else "input[type='text']").first, a.text or "", multiline)
        elif q.kind == QuestionKind.number:
            self._text(box.locator("input[type='number']").first, f"{a.number:g}", False)
        elif q.kind == QuestionKind.date:
            assert a.date is not None
            self._date(box.locator('[data-testid="stDateInput"]').first, a.date.isoformat())
        elif q.kind == QuestionKind.people:
            for person in a.people or []:
                self.add_person(q, person.values)
        self.answered[q.id] = a

    def dont_know(self, q: Question) -> None:
        box = self.box(q.id)
        if q.kind in (QuestionKind.single_choice, QuestionKind.yes_no):
            self._radio(box, self.t("answer.dont_know"))
        else:
            box.get_by_text(self.t("ui.q.dont_know"), exact=True).click()
            self.idle()

    def open_item(self, q: Question, what: str, who: str) -> None:
        box = self.box(q.id)
        self._text(box.get_by_label(self.t("ui.open.what")), what, False)
        self._text(box.get_by_label(self.t("ui.open.who")), who, False)

    def add_person(self, q: Question, values: dict[str, str | None]) -> None:
        box = self.box(q.id)
        before = box.locator('[class*="-pc-"]').count()
        box.get_by_role("button", name=self.t("ui.people.add")).click()
        self.idle()
        card = box.locator('[class*="-pc-"]').nth(before)
        expect(card).to_be_visible()
        for fld in q.fields:
            value = values.get(fld.id)
            if value is None:
                continue
            label = pick(fld.label, self.lang)
            if fld.kind.value == "single_choice":
                option = pick(next(o.label for o in fld.options if o.id == value), self.lang)
                card.locator('[data-testid="stSelectbox"]').filter(has_text=label).first.locator(
                    'input[role="combobox"]').click()
                self.page.keyboard.type(option)
                self.page.get_by_role("option", name=option, exact=True).click()
                self.idle()
            elif fld.kind.value == "date":
                self._date(card.locator('[data-testid="stDateInput"]').filter(has_text=label).first, value)
            elif fld.kind.value == "long_text":
                self._text(card.locator('[data-testid="stTextArea"]').filter(has_text=label).locator("textarea"),
                           value, True)
            else:
                self._text(card.locator('[data-testid="stTextInput"]').filter(has_text=label).locator('input:not([type="date"])'),
                           value, False)

    def note(self, q: Question, text: str) -> None:
        box = self.box(q.id)
        box.get_by_text(self.t("ui.q.note_evidence")).first.click()
        self._text(box.get_by_label(self.t("ui.q.note")), text, True)

    def next(self) -> None:
        self.click_keyed("vigil.q.next")

    def to_results(self) -> None:
        self.click_keyed("vigil.q.results")

    def progress_text(self) -> str:
        return self.sidebar().locator('[data-testid="stProgress"]').inner_text()
