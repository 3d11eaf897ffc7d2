"""A tiny checklist built in code, for table-driven engine tests that must not move when the content grows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from vigil.models.assessment import Answer, Assessment, ChecklistPin, Person
from vigil.models.checklist import Checklist

TODAY = dt.date(2026, 11, 22)


def text(en: str, de: str | None = None) -> dict[str, str]:
    """A string in English and German (German made up from the English unless given)."""
    return {"en": en, "de": de if de is not None else f"DE: {en}"}


def question(qid: str, kind: str, dimension: str = "wishes", **extra: Any) -> dict[str, Any]:
    """A question with made-up text, help and rationale; ``extra`` adds or replaces fields."""
    return {
        "id": qid,
        "kind": kind,
        "dimension": dimension,
        "text": text(f"Question {qid}?"),
        "help": text(f"Help for {qid}."),
        "rationale": text(f"Why {qid} matters."),
        "sources": ["s1"],
        **extra,
    }


def option(oid: str, en: str, de: str | None = None) -> dict[str, Any]:
    return {"id": oid, "label": text(en, de)}


def checklist_data(checklist_id: str, sections: list[dict[str, Any]], **more: Any) -> dict[str, Any]:
    """A whole checklist around ``sections``: one dimension ("wishes") and one source ("s1") unless ``more``
    replaces them (rules, jurisdictions, documents...)."""
    return {
        "id": checklist_id, "version": "2026.1", "title": text(checklist_id), "description": text("For tests."),
        "languages": ["en", "de"], "law_as_of": "2026-11-01", "notice": text("Not legal advice."),
        "dimensions": [{"id": "wishes", "title": text("Wishes"), "description": text("Own wishes.")}],
        "sources": [{"id": "s1", "title": "Source one", "url": "https://example.org/s1"}],
        "sections": sections, **more,
    }


_t, _q = text, question  # the short names the tiny checklist below (and tests/ui/support.py) use


TINY: dict[str, Any] = {
    "id": "tiny",
    "version": "2026.1",
    "title": _t("Tiny"),
    "description": _t("A tiny checklist for tests."),
    "languages": ["en", "de"],
    "law_as_of": "2026-11-01",
    "notice": _t("Not legal advice."),
    "dimensions": [
        {"id": "wishes", "title": _t("Wishes"), "description": _t("Own wishes.")},
        {"id": "family", "title": _t("Family"), "description": _t("Relatives.")},
        {"id": "media", "title": _t("Media"), "description": _t("What is made.")},
    ],
    "sections": [
        {
            "id": "made",
            "title": _t("What is made"),
            "questions": [
                _q("medium", "single_choice", "media", options=[
                    {"id": "photo", "label": _t("Animated photo")},
                    {"id": "voice", "label": _t("Voice clone")},
                    {"id": "bot", "label": _t("Chatbot")},
                ]),
                _q("voice_lines", "long_text", "media", required=False,
                   visible_if={"equals": {"question": "medium", "value": "voice"}}),
                _q("platforms", "multi_choice", "media", required=False, options=[
                    {"id": "youtube", "label": _t("YouTube")},
                    {"id": "tiktok", "label": _t("TikTok")},
                ]),
            ],
        },
        {
            "id": "person",
            "title": _t("The person"),
            "questions": [
                _q("age_at_death", "number", "wishes", min=0, max=130),
                _q("died_on", "date", "wishes", required=False),
                _q("consent", "yes_no", "wishes"),
                _q("forbade", "yes_no", "wishes", unknown_severity="caution"),
            ],
        },
        {
            "id": "relatives",
            "title": _t("Relatives"),
            "visible_if": {"not": {"equals": {"question": "consent", "value": "not_applicable"}}},
            "questions": [
                _q("relatives", "people", "family", fields=[
                    {"id": "name", "kind": "short_text", "label": _t("Name"), "required": True},
                    {"id": "position", "kind": "single_choice", "label": _t("Position"), "options": [
                        {"id": "agrees", "label": _t("Agrees")},
                        {"id": "objects", "label": _t("Objects")},
                        {"id": "not_asked", "label": _t("Not asked")},
                    ]},
                ]),
            ],
        },
    ],
    "rules": [
        {"id": "forbidden", "when": {"equals": {"question": "forbade", "value": "yes"}}, "severity": "blocker",
         "dimension": "wishes", "message": _t("The person forbade it."), "action": _t("Do not make it."),
         "sources": ["s1"]},
        {"id": "objection", "severity": "blocker", "dimension": "family",
         "when": {"count_people": {"question": "relatives", "where": [{"field": "position", "in": ["objects"]}]}},
         "message": _t("A relative objects."), "action": _t("Talk with the family."), "sources": ["s1"]},
        {"id": "not_asked", "severity": "serious", "dimension": "family",
         "when": {"count_people": {"question": "relatives", "where": [{"field": "position", "in": ["not_asked"]}]}},
         "message": _t("A relative was not asked."), "action": _t("Ask them."), "sources": ["s1"]},
        {"id": "minor", "severity": "blocker", "dimension": "wishes",
         "when": {"number": {"question": "age_at_death", "op": "lt", "value": 18}},
         "message": _t("The person was a child."), "action": _t("Do not publish."), "sources": ["s1"]},
        {"id": "label_voice", "severity": "caution", "dimension": "media",
         "when": {"equals": {"question": "medium", "value": "voice"}},
         "message": _t("A voice clone must be labelled."), "action": _t("Label it."), "sources": ["s1"]},
        {"id": "recent", "severity": "caution", "dimension": "wishes",
         "when": {"years_since": {"question": "died_on", "op": "lt", "value": 10}},
         "message": _t("Died less than ten years ago."), "action": _t("Ask the relatives."), "sources": ["s1"]},
        {"id": "on_tiktok", "severity": "info", "dimension": "media",
         "when": {"in": {"question": "platforms", "values": ["tiktok"]}},
         "message": _t("TikTok has its own rules."), "action": _t("Read them."), "sources": ["s1"]},
    ],
    "sources": [{"id": "s1", "title": "Source one", "url": "https://example.org/s1"}],
    "jurisdictions": [
        {"id": "de", "name": _t("Germany"), "requires": _t("Relatives consent."), "sources": ["s1"],
         "as_of": "2026-11-01", "relevant_if": {"answered": "relatives"}},
    ],
    "examples": [],
}


def tiny_checklist() -> Checklist:
    return Checklist.model_validate(TINY)


def assessment(**answers: Answer) -> Assessment:
    return Assessment(checklist=ChecklistPin(id="tiny", version="2026.1"), answers=dict(answers))


def people(*positions: str) -> Answer:
    return Answer(people=[Person(values={"name": f"P{i}", "position": p}) for i, p in enumerate(positions)])


def complete_fine() -> dict[str, Answer]:
    """Every required question answered, nothing of concern."""
    return {
        "medium": Answer(choice="photo"),
        "age_at_death": Answer(number=80),
        "consent": Answer(choice="yes"),
        "forbade": Answer(choice="no"),
        "relatives": people("agrees"),
    }
