"""Helpers for the UI tests: a small checklist on disk, an in-memory store, and a generic form filler
that answers whatever the checklist asks (so the flows keep working as the shipped content grows)."""

from __future__ import annotations

import copy
import datetime as dt
import functools
import json
import os
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from tests.support.tiny import TINY, _q, _t
from vigil.catalog import Catalog, load_catalog
from vigil.engine import evaluate
from vigil.models.assessment import Assessment
from vigil.models.checklist import Checklist, PeopleFieldKind, Question, QuestionKind
from vigil.models.results import Evaluation
from vigil.store import NotFoundError, StaleWriteError, StoredAssessment, StoreUnavailableError
from vigil.store.sql import open_store

APP = str(Path(__file__).resolve().parents[2] / "app.py")
TIMEOUT = 60


def ui_checklist() -> dict[str, Any]:
    """The tiny test checklist plus what the app shows: a name, an example, support, document bindings."""
    data = copy.deepcopy(TINY)
    person = next(s for s in data["sections"] if s["id"] == "person")
    person["questions"].insert(0, _q("person_name", "short_text", "wishes", allow_dont_know=False,
                                     examples=["ex_sad", "ex_good"]))
    data["examples"] = [
        {"id": "ex_sad", "title": _t("A sad case"), "year": 2024, "kind": "harm",
         "summary": _t("SUMMARY-OF-A-DEATH"), "sources": ["s1"], "describes_death": True},
        {"id": "ex_good", "title": _t("A good case"), "year": 2025, "kind": "good_practice",
         "summary": _t("SUMMARY-OF-GOOD-PRACTICE"), "sources": ["s1"]},
    ]
    data["support"] = [
        {"name": _t("Helpline EN"), "description": _t("Listens."), "contact": _t("0800 111"), "languages": ["en"],
         "region": _t("UK")},
        {"name": _t("Telefonseelsorge"), "description": _t("Hört zu."), "contact": _t("0800 111 0 111"),
         "languages": ["de"], "region": _t("DE")},
    ]
    data["documents"] = {"person_name": "person_name", "people": "relatives", "people_name_field": "name",
                         "people_position_field": "position"}
    return data


def write_checklist(folder: Path, data: dict[str, Any] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "tiny.yaml"
    path.write_text(json.dumps(data or ui_checklist(), ensure_ascii=False), encoding="utf-8")  # JSON is YAML
    return path


@functools.cache
def _catalog(directory: str | None) -> Catalog:
    return load_catalog(Path(directory) if directory else None)


def catalog() -> Catalog:
    """The checklists the app sees (loading the shipped one takes seconds: once per folder)."""
    return _catalog(os.environ.get("VIGIL_CHECKLISTS"))


def checklist_for(at: AppTest) -> Checklist:
    assessment = stored(at)
    return catalog().get(assessment.checklist.id, assessment.checklist.version)


# --------------------------------------------------------------------------- the app


def start_app() -> AppTest:
    return AppTest.from_file(APP, default_timeout=TIMEOUT).run()


def switch_page(at: AppTest, page_id: str) -> AppTest:
    """Go to a page on the next run. Pages are ``render(ctx)`` callables (vigil/ui/shell.py), not files, so
    AppTest.switch_page (which takes a file) cannot name them: set the page's hash (its url path) instead."""
    at._page_hash = calc_hash(page_id)
    return at


def queue_table(at: AppTest) -> Any:
    """The Start page's queue as a pandas DataFrame (Title, Reference, Verdict, Progress, ...), or None."""
    return at.dataframe[0].value if len(at.dataframe) else None


def choose_row(at: AppTest, title: str) -> AppTest:
    """Choose the queue's row with this title, as a click on it does (its actions appear below the table)."""
    index = list(queue_table(at)["Title"]).index(title)
    at.session_state[at.dataframe[0].key] = {"selection": {"rows": [index], "columns": [], "cells": []}}
    return at.run()


def assert_ok(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def new_assessment(at: AppTest, title: str = "Test") -> str:
    at.text_input(key="vigil.start.title").input(title).run()
    at.button(key="vigil.start.create").click().run()
    assert_ok(at)
    return str(at.query_params["a"])


def assessment_id(at: AppTest) -> str:
    return str(at.query_params["a"])


def stored(at: AppTest) -> Assessment:
    return open_store().get(assessment_id(at))


def evaluation(at: AppTest) -> Evaluation:
    assessment = stored(at)
    checklist = catalog().get(assessment.checklist.id, assessment.checklist.version)
    return evaluate(checklist, assessment, dt.date.today())


def key(at: AppTest, *parts: str) -> str:
    state = at.session_state["vigil"]
    return ".".join(("w", assessment_id(at), str(state.generation), state.lang, *parts))


def current_section(at: AppTest) -> str:
    return str(at.session_state["vigil"].sections[assessment_id(at)])


def has_widget(at: AppTest, kind: str, widget_key: str) -> bool:
    return any(w.key == widget_key for w in getattr(at, kind))


# --------------------------------------------------------------------------- answering generically


def answer(at: AppTest, q: Question) -> None:
    """Give ``q`` a plain, valid answer through its widget."""
    k = key(at, "q", q.id)
    if q.kind == QuestionKind.yes_no:
        at.radio(key=k).set_value("yes").run()
    elif q.kind == QuestionKind.single_choice:
        at.radio(key=k).set_value(q.options[0].id).run()
    elif q.kind == QuestionKind.multi_choice:
        at.multiselect(key=k).set_value([q.options[0].id]).run()
    elif q.kind == QuestionKind.short_text:
        at.text_input(key=k).input("Anna Müller").run()
    elif q.kind == QuestionKind.long_text:
        at.text_area(key=k).input("Some words, written by the family.").run()
    elif q.kind == QuestionKind.number:
        value = q.min if q.min is not None and q.min > 30 else 70.0
        at.number_input(key=k).set_value(value if q.max is None else min(value, q.max)).run()
    elif q.kind == QuestionKind.date:
        at.date_input(key=k).set_value(dt.date(1950, 5, 17)).run()
    elif q.kind == QuestionKind.people:
        add_person(at, q)
    assert_ok(at)


def add_person(at: AppTest, q: Question, values: dict[str, str] | None = None) -> str:
    before = {p.id for p in (stored(at).answers.get(q.id) or _empty()).people or []}
    at.button(key=key(at, "padd", q.id)).click().run()
    people = stored(at).answers[q.id].people or []
    pid = next(p.id for p in people if p.id not in before)
    for f in q.fields:
        if f.id == "guardian" and f.id not in (values or {}):
            continue  # only a minor child answers through a guardian
        k = key(at, "p", q.id, pid, f.id)
        wanted = (values or {}).get(f.id)
        if f.kind == PeopleFieldKind.single_choice:
            at.selectbox(key=k).set_value(wanted or f.options[0].id).run()
        elif f.kind == PeopleFieldKind.multi_choice:
            at.multiselect(key=k).set_value([wanted] if wanted else [f.options[0].id]).run()
        elif f.kind == PeopleFieldKind.date:
            at.date_input(key=k).set_value(dt.date(1990, 1, 1)).run()
        elif f.kind == PeopleFieldKind.long_text:
            at.text_area(key=k).input(wanted or "Lives nearby").run()
        else:
            at.text_input(key=k).input(wanted or "Jana Nowak").run()
    assert_ok(at)
    return pid


def _empty() -> Any:
    from vigil.models.assessment import Answer

    return Answer()


def answer_section(at: AppTest) -> list[str]:
    """Answer every visible, not yet answered question of the current section (new ones may appear)."""
    done: list[str] = []
    for _ in range(200):
        ev = evaluation(at)
        section = current_section(at)
        checklist = checklist_for(at)
        result = ev.section(section)
        answers = stored(at).answers
        todo = [q for q in checklist.sections[[s.id for s in checklist.sections].index(section)].questions
                if q.id in result.visible_questions and q.id not in done
                and not (q.id in answers and (answers[q.id].is_answered or answers[q.id].dont_know))]
        if not todo:
            return done
        answer(at, todo[0])
        done.append(todo[0].id)
    raise AssertionError("the section never ran out of questions")


def fill_everything(at: AppTest) -> list[str]:
    """Walk every section with Next, answering everything shown; ends on the results page."""
    seen: list[str] = []
    for _ in range(100):
        seen.append(current_section(at))
        answer_section(at)
        if has_widget(at, "button", "vigil.q.next"):
            at.button(key="vigil.q.next").click().run()
            assert_ok(at)
        else:
            at.button(key="vigil.q.results").click().run()
            assert_ok(at)
            return seen
    raise AssertionError("the questionnaire never ended")


# --------------------------------------------------------------------------- an in-memory store


class MemoryStore:
    """The store contract in memory, for fast unit tests of the session logic. ``down`` simulates faults."""

    def __init__(self) -> None:
        self.rows: dict[str, Assessment] = {}
        self.down = False

    def _check(self) -> None:
        if self.down:
            raise StoreUnavailableError("down for the test", "locked")

    def create(self, assessment: Assessment) -> Assessment:
        self._check()
        stored = assessment.model_copy(deep=True, update={"revision": 1})
        self.rows[stored.id] = stored
        return stored.model_copy(deep=True)

    def get(self, assessment_id: str) -> Assessment:
        self._check()
        if assessment_id not in self.rows:
            raise NotFoundError(assessment_id)
        return self.rows[assessment_id].model_copy(deep=True)

    def save(self, assessment: Assessment) -> Assessment:
        self._check()
        current = self.rows.get(assessment.id)
        if current is None:
            raise NotFoundError(assessment.id)
        if current.revision != assessment.revision:
            raise StaleWriteError(assessment.id, assessment.revision, current.revision)
        stored = assessment.model_copy(deep=True, update={"revision": assessment.revision + 1})
        self.rows[stored.id] = stored
        return stored.model_copy(deep=True)

    def delete(self, assessment_id: str) -> None:
        self._check()
        self.rows.pop(assessment_id, None)

    def list(self) -> list[StoredAssessment]:
        self._check()
        return [StoredAssessment(a.id, a.meta.title, a.checklist.id, a.checklist.version, a.meta.updated,
                                 a.revision) for a in self.rows.values()]
