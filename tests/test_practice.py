"""The practice lists in a checklist are data and validated; templates never keep what is personal."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from vigil.catalog import load_catalog
from vigil.models.assessment import Answer, Assessment
from vigil.models.checklist import Checklist
from vigil.practice import settle, start, template_from

CHECKLIST = load_catalog().latest()[0]


def _with(**changes: object) -> dict[str, object]:
    data = CHECKLIST.model_dump(mode="json", by_alias=True)
    data.update(changes)
    return data


@pytest.mark.parametrize(("changes", "message"), [
    ({"practice": ["no_such_question"]}, "'no_such_question' is not a question"),
    ({"practice": ["people"]}, "people register"),
    ({"personal": ["nowhere"]}, "neither a section nor a question"),
    ({"practice": ["retention"], "personal": ["data_step"]}, "both name ['retention']"),
])
def test_practice_and_personal_lists_are_checked(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Checklist.model_validate(_with(**changes))
    assert message in str(caught.value)


def test_the_shipped_checklist_names_practice_questions_about_the_makers_own_work() -> None:
    assert {"machine_mark", "visible_label", "retention", "withdrawal", "aftercare", "made_in"} <= set(
        CHECKLIST.practice)
    assert {"person_name", "people", "consent_in_life"} <= CHECKLIST.personal_questions()


def test_a_template_leaves_out_personal_answers_and_dont_knows() -> None:
    a = start(CHECKLIST, title="x", language="en")
    a.answers.update({"person_name": Answer(text="Erna"), "commercial": Answer(choice="no"),
                      "machine_mark": Answer(dont_know=True), "consent_in_life": Answer(choice="yes")})
    assert set(template_from(CHECKLIST, a, "t").answers) == {"commercial"}


def test_settle_drops_only_changed_marks() -> None:
    from vigil.models.profile import PracticeDefaults

    defaults = PracticeDefaults(checklist=start(CHECKLIST, title="", language="en").checklist,
                                answers={"machine_mark": Answer(choice="yes"), "aftercare": Answer(choice="no")})
    a: Assessment = start(CHECKLIST, title="x", language="en", defaults=defaults)
    assert settle(a) is a
    a.answers["aftercare"] = Answer(choice="yes")
    assert set(settle(a).prefilled) == {"machine_mark"}
    del a.answers["machine_mark"]
    assert settle(a).prefilled == {}
