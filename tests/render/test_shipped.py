"""The documents over the shipped checklist (whatever its questions are), fully answered, in every language."""

from __future__ import annotations

import pytest

from tests.render.conftest import page_count, pdf_text
from tests.render.fixtures import TODAY
from tests.render.shipped import answer_everything, shipped_checklist
from vigil import i18n
from vigil.engine import evaluate
from vigil.models.common import pick
from vigil.render import consent_form_pdf, label_kit, labels_pdf, report_pdf
from vigil.validation import assessment_problems


@pytest.mark.parametrize("lang", i18n.available_languages())
def test_fully_answered_shipped_checklist(lang: str) -> None:
    checklist = shipped_checklist()
    assessment = answer_everything(checklist, TODAY)
    assert assessment_problems(checklist, assessment) == []
    evaluation = evaluate(checklist, assessment, TODAY)

    text = pdf_text(report_pdf(checklist, assessment, lang, TODAY))
    for qid in evaluation.visible_questions:
        question = " ".join(pick(checklist.question(qid).text, lang).split())
        assert question in text, qid
    assert pick(checklist.notice, lang).split()[0] in text
    assert '#read("/etc/passwd")' in text or not any(
        checklist.question(q).kind == "yes_no" for q in evaluation.visible_questions)

    for render in (consent_form_pdf, labels_pdf):
        pdf = render(checklist, assessment, lang, TODAY)
        assert page_count(pdf) >= 1
    if checklist.documents.person_name:
        assert "Anna Schmidt" in label_kit(checklist, assessment, lang, TODAY).credits
