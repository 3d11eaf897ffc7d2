"""A small studio checklist built in code (with document bindings) and realistic assessments over it.

The documents must not depend on the shipped checklist's question ids, so their tests use this one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.support.tiny import option, question, text
from vigil.models.assessment import Answer, Assessment, ChecklistPin, Evidence, Meta, OpenItem, Person
from vigil.models.checklist import Checklist

TODAY = dt.date(2026, 11, 22)
STAMP = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)

HOSTILE = [
    '#read("/etc/passwd")',
    "*x* $y$ <z>",
    "<script>alert(1)</script>",
    "] #panic(\"boom\") [",
    "\u202eevil right-to-left override\u202c",
]
NAMES = {
    "german": "Jürgen Weiß",
    "russian": "Пётр Ильич",
    "ukrainian": "Олена Ґудзь",
    "arabic": "فاطمة الزهراء",
    "chinese": "王秀英",
}
HIDDEN_TEXT = "HIDDENANSWERTEXT"


def _t(en: str, de: str | None = None) -> dict[str, str]:
    return text(en, de if de is not None else f"{en} (de)")


def _q(qid: str, kind: str, dimension: str, en: str, de: str, **extra: Any) -> dict[str, Any]:
    return question(qid, kind, dimension, text=_t(en, de), help=_t("Help."), rationale=_t("Why it matters."),
                    sources=["kug"], **extra)


def _opt(oid: str, en: str, de: str) -> dict[str, Any]:
    return option(oid, en, de)


STUDIO: dict[str, Any] = {
    "id": "studio",
    "version": "2026.11",
    "title": _t("Memorial media check", "Prüfung für Gedenkmedien"),
    "description": _t("Checks before making memorial media."),
    "languages": ["en", "de"],
    "law_as_of": "2026-11-01",
    "notice": _t("This is guidance, not legal advice.", "Dies ist eine Orientierungshilfe, keine Rechtsberatung."),
    "dimensions": [
        {"id": "wishes", "title": _t("The person's wishes", "Der Wille der Person"), "description": _t("x")},
        {"id": "family", "title": _t("Relatives", "Angehörige"), "description": _t("x")},
        {"id": "media", "title": _t("What is made", "Was entsteht"), "description": _t("x")},
        {"id": "data", "title": _t("Data and retention", "Daten und Aufbewahrung"), "description": _t("x")},
    ],
    "sections": [
        {"id": "person", "title": _t("The person", "Die Person"), "questions": [
            _q("person_name", "short_text", "wishes", "What was the person's name?", "Wie hieß die Person?",
               allow_dont_know=False),
            _q("born", "date", "wishes", "When was the person born?", "Wann wurde die Person geboren?",
               required=False),
            _q("died", "date", "wishes", "When did the person die?", "Wann ist die Person gestorben?"),
            _q("consent_in_life", "yes_no", "wishes", "Did the person agree in life?",
               "Hat die Person zu Lebzeiten zugestimmt?"),
        ]},
        {"id": "plan", "title": _t("What will be made", "Was entstehen soll"), "questions": [
            _q("medium", "single_choice", "media", "What will you make?", "Was möchten Sie erstellen?", options=[
                _opt("photo", "An animated photo", "Ein animiertes Foto"),
                _opt("voice", "A voice clone", "Ein Stimmklon"),
                _opt("avatar", "A talking avatar", "Ein sprechender Avatar"),
            ]),
            _q("secret", "long_text", "media", "Which voice recordings will you use?",
               "Welche Aufnahmen verwenden Sie?", required=False,
               visible_if={"equals": {"question": "medium", "value": "voice"}}),
            _q("description", "long_text", "media", "What will the person say or do?",
               "Was wird die Person sagen oder tun?"),
            _q("new_words", "yes_no", "media", "Will the person say words they never said?",
               "Wird die Person Worte sagen, die sie nie gesagt hat?"),
            _q("audience", "multi_choice", "media", "Who will see it?", "Wer wird es sehen?", options=[
                _opt("family", "The close family", "Die engste Familie"),
                _opt("friends", "Friends", "Freunde"),
                _opt("public", "The public", "Die Öffentlichkeit"),
            ]),
            _q("commercial", "yes_no", "media", "Will it be used commercially?", "Wird es kommerziell genutzt?"),
        ]},
        {"id": "family", "title": _t("Relatives", "Angehörige"), "questions": [
            _q("relatives", "people", "family", "Who are the relatives and what do they say?",
               "Wer sind die Angehörigen und was sagen sie?", fields=[
                   {"id": "name", "kind": "short_text", "label": _t("Name", "Name"), "required": True},
                   {"id": "relation", "kind": "single_choice", "label": _t("Relation", "Beziehung"), "options": [
                       _opt("child", "Child", "Kind"), _opt("spouse", "Spouse", "Ehepartner"),
                       _opt("sibling", "Sibling", "Geschwister"), _opt("other", "Other", "Andere"),
                   ]},
                   {"id": "position", "kind": "single_choice", "label": _t("Position", "Haltung"), "options": [
                       _opt("agrees", "Agrees", "Stimmt zu"), _opt("objects", "Objects", "Ist dagegen"),
                       _opt("not_asked", "Not yet asked", "Noch nicht gefragt"),
                   ]},
                   {"id": "note", "kind": "long_text", "label": _t("Note", "Notiz")},
               ]),
            _q("commissioner", "short_text", "family", "Who commissioned the work?", "Wer hat es beauftragt?"),
        ]},
        {"id": "data", "title": _t("Data", "Daten"), "questions": [
            _q("retention", "single_choice", "data", "How long will the material be kept?",
               "Wie lange wird das Material aufbewahrt?", options=[
                   _opt("delivery", "Deleted after delivery", "Nach der Übergabe gelöscht"),
                   _opt("one_year", "One year", "Ein Jahr"),
                   _opt("forever", "Without limit", "Unbegrenzt"),
               ]),
            _q("withdrawal", "long_text", "data", "How can relatives withdraw?",
               "Wie können Angehörige widerrufen?"),
        ]},
    ],
    "rules": [
        {"id": "objection", "severity": "blocker", "dimension": "family",
         "when": {"count_people": {"question": "relatives", "where": [{"field": "position", "in": ["objects"]}]}},
         "message": _t("A close relative objects.", "Ein naher Angehöriger ist dagegen."),
         "action": _t("Talk with the family; do not go ahead against the objection.",
                      "Sprechen Sie mit der Familie."), "sources": ["kug"]},
        {"id": "not_asked", "severity": "serious", "dimension": "family",
         "when": {"count_people": {"question": "relatives", "where": [{"field": "position", "in": ["not_asked"]}]}},
         "message": _t("A relative has not been asked yet.", "Ein Angehöriger wurde noch nicht gefragt."),
         "action": _t("Ask them before you begin.", "Fragen Sie vorher."), "sources": ["kug"]},
        {"id": "label_voice", "severity": "caution", "dimension": "media",
         "when": {"equals": {"question": "new_words", "value": "yes"}},
         "message": _t("New words must be labelled.", "Neue Worte müssen gekennzeichnet werden."),
         "action": _t("Label it clearly as an AI re-creation.", "Kennzeichnen Sie es."), "sources": ["ai_act"]},
        {"id": "keep_forever", "severity": "caution", "dimension": "data",
         "when": {"equals": {"question": "retention", "value": "forever"}},
         "message": _t("The material is kept without limit.", "Unbegrenzte Aufbewahrung."),
         "action": _t("Agree a deletion date with the family.", "Vereinbaren Sie ein Löschdatum."),
         "sources": ["kug"]},
    ],
    "sources": [
        {"id": "kug", "title": "Kunsturhebergesetz § 22", "url": "https://www.gesetze-im-internet.de/kunsturhg/__22.html"},
        {"id": "ai_act", "title": "Regulation (EU) 2024/1689, Art. 50", "publisher": "EUR-Lex", "date": "2024",
         "url": "https://eur-lex.europa.eu/eli/reg/2024/1689/oj"},
    ],
    "jurisdictions": [
        {"id": "de", "name": _t("Germany", "Deutschland"),
         "requires": _t("Relatives must consent for ten years after the death.",
                        "Zehn Jahre nach dem Tod müssen die Angehörigen einwilligen."),
         "sources": ["kug"], "as_of": "2026-11-01", "relevant_if": {"answered": "person_name"}},
        {"id": "us_ny", "name": _t("New York"), "requires": _t("Never shown in these tests."),
         "sources": ["kug"], "as_of": "2026-11-01",
         "relevant_if": {"equals": {"question": "commercial", "value": "not_applicable"}}},
    ],
    "documents": {
        "person_name": "person_name", "born": "born", "died": "died", "medium": "medium",
        "description": "description", "new_words": "new_words", "audience": "audience",
        "commercial": "commercial", "retention": "retention", "withdrawal": "withdrawal",
        "people": "relatives", "commissioner": "commissioner", "people_name_field": "name",
        "people_relation_field": "relation", "people_position_field": "position",
        "people_declined_options": ["objects"],
    },
}


def studio_checklist() -> Checklist:
    return Checklist.model_validate(STUDIO)


def _pin() -> ChecklistPin:
    return ChecklistPin(id="studio", version="2026.11")


LONG_NOTE = (
    "We spoke with the family at the kitchen table for about an hour and went through every part of the plan. "
    "They asked many careful questions about where the recordings would be stored, who could see them and "
    "whether the voice model could ever be used again for anything else. "
) * 6


def relatives(count: int, position: str = "agrees") -> list[Person]:
    names = list(NAMES.values())
    relations = ["child", "spouse", "sibling", "other"]
    out = []
    for i in range(count):
        name = names[i] if i < len(names) else f"Relative Number {i + 1}"
        out.append(Person(id=f"p{i:02d}", values={
            "name": name, "relation": relations[i % 4], "position": position,
            "note": LONG_NOTE if i % 3 == 0 else "Happy to help.",
        }))
    return out


def full_assessment(people: int = 20, *, position: str = "agrees", person_name: str = "Anna Schmidt",
                    hostile: bool = True) -> Assessment:
    """Every question answered, many people, long notes, hostile text in notes, a hidden answer kept."""
    bad = " ".join(HOSTILE) if hostile else "Plain note."
    answers = {
        "person_name": Answer(text=person_name),
        "born": Answer(date=dt.date(1941, 3, 2)),
        "died": Answer(date=dt.date(2024, 6, 9)),
        "consent_in_life": Answer(choice="yes", note=bad, evidence=[
            Evidence(file_name="letter-1998.pdf", sha256="a" * 64, date=dt.date(1998, 5, 1),
                     description="A letter in her own hand"),
        ]),
        "medium": Answer(choice="photo", note=LONG_NOTE),
        "secret": Answer(text=HIDDEN_TEXT),  # hidden: medium is not "voice"
        "description": Answer(text="A short animated greeting for the 90th birthday of her sister, with her "
                                   "smile and a wave."),
        "new_words": Answer(choice="yes"),
        "audience": Answer(choices=["family", "friends"]),
        "commercial": Answer(choice="no"),
        "relatives": Answer(people=relatives(people, position)),
        "commissioner": Answer(text="Jürgen Weiß"),
        "retention": Answer(choice="delivery"),
        "withdrawal": Answer(dont_know=True),
    }
    return Assessment(
        checklist=_pin(),
        meta=Meta(title="Birthday greeting", assessor="Studio Lindenblatt",
                  created=dt.datetime(2026, 11, 1, tzinfo=dt.UTC), updated=dt.datetime(2026, 11, 20, tzinfo=dt.UTC)),
        answers=answers,
        open_items={"withdrawal": OpenItem(question_id="withdrawal", what="Agree how relatives can withdraw",
                                           who="Jürgen Weiß", due=dt.date(2026, 12, 1))},
    )


def empty_assessment() -> Assessment:
    return Assessment(checklist=_pin(), meta=Meta(created=dt.datetime(2026, 11, 1, tzinfo=dt.UTC),
                                                  updated=dt.datetime(2026, 11, 1, tzinfo=dt.UTC)))
