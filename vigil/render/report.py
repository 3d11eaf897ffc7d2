"""The assessment report: the data the report template lays out."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from vigil import i18n
from vigil.assessment_file import fingerprint
from vigil.consent import person_words
from vigil.models.assessment import Assessment
from vigil.models.checklist import Checklist, QuestionKind
from vigil.models.common import Severity, pick
from vigil.models.results import ConsentNeed, Evaluation
from vigil.render.consent import rows
from vigil.render.input import DocumentInput
from vigil.render.payload import logo_of
from vigil.render.strings import template_strings
from vigil.render.text import answer_text, doc, format_date, isolate


def _finding_groups(checklist: Checklist, evaluation: Evaluation, lang: str) -> list[dict[str, Any]]:
    groups = []
    for sev in sorted(Severity, key=lambda s: -s.rank):
        items = [
            {
                "message": pick(f.message, lang),
                "action": pick(f.action, lang),
                "sources": ", ".join(_source_title(checklist, s) for s in f.sources),
            }
            for f in evaluation.findings
            if f.severity == sev
        ]
        if items:
            groups.append({"severity": sev.value, "title": doc(lang, f"report.sev.{sev.value}"), "items": items})
    return groups


def _source_title(checklist: Checklist, sid: str) -> str:
    try:
        return checklist.source(sid).title
    except StopIteration:
        return sid


def _chart(checklist: Checklist, evaluation: Evaluation, lang: str) -> dict[str, Any]:
    rows = []
    alt_items = []
    for d in evaluation.dimensions:
        title = pick(checklist.dimension(d.id).title, lang)
        status = i18n.t(lang, f"status.{d.status.value}")
        ratio = 1.0 if d.required == 0 else d.answered / d.required
        rows.append({
            "title": title, "status": d.status.value, "status_label": status,
            "answered": d.answered, "required": d.required, "ratio": round(ratio, 4),
        })
        alt_items.append(doc(lang, "report.chart_item", title=title, status=status,
                             answered=d.answered, required=d.required))
    return {"rows": rows, "alt": doc(lang, "report.chart_alt", items="; ".join(alt_items))}


def _answers(checklist: Checklist, assessment: Assessment, evaluation: Evaluation,
             lang: str) -> list[dict[str, Any]]:
    visible = set(evaluation.visible_questions)
    sections = []
    for section in checklist.sections:
        questions = []
        for q in section.questions:
            if q.id not in visible:
                continue
            answer = assessment.answers.get(q.id)
            text = answer_text(q, answer, lang)
            if q.kind == QuestionKind.people and answer is not None and answer.is_answered:
                text = doc(lang, "report.people_answer", count=len(answer.people or []))
            questions.append({
                "text": pick(q.text, lang),
                "answer": text,
                "dont_know": bool(answer and answer.dont_know),
                "note": answer.note.strip() if answer else "",
                "evidence": [
                    doc(lang, "report.evidence_item", file=e.file_name, sha=e.sha256[:16])
                    + (f", {format_date(e.date, lang)}" if e.date else "")
                    + (f": {e.description}" if e.description.strip() else "")
                    for e in (answer.evidence if answer else [])
                ],
            })
        if questions:
            sections.append({"title": pick(section.title, lang), "questions": questions})
    return sections


def _cited(inp: DocumentInput) -> list[str]:
    """The ids of the sources the report cites: by its findings, its visible questions and its jurisdictions."""
    ids: list[str] = []
    for f in inp.evaluation.findings:
        ids += f.sources
    for qid in inp.evaluation.visible_questions:
        ids += inp.questions[qid].sources if qid in inp.questions else []
    for j in inp.checklist.jurisdictions:
        if j.id in inp.evaluation.jurisdictions:
            ids += j.sources
    return list(dict.fromkeys(ids))


def _site(url: str) -> str:
    """The address as printed: the site's name only; the PDF link keeps the whole address."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def _sources(inp: DocumentInput) -> list[dict[str, str]]:
    cited = set(_cited(inp))
    out = []
    for s in inp.checklist.sources:
        if s.id not in cited:
            continue
        parts = [s.title]
        if s.publisher:
            parts.append(s.publisher)
        if s.date:
            parts.append(s.date)
        text = ". ".join(parts) + "."
        if s.language != inp.lang:
            text += " " + doc(inp.lang, "report.in_language", language=doc(inp.lang, f"language.{s.language}"))
        url = s.url or ""
        out.append({"id": s.id, "text": text, "url": url, "site": _site(url)})
    return out


def consent_payload(checklist: Checklist, evaluation: Evaluation, lang: str) -> dict[str, Any]:
    """Who must agree, per person, and the rules that apply (worked out by vigil.consent)."""
    people = []
    for pc in evaluation.consent:
        who, need, position = person_words(checklist, pc, lang)
        people.append({"who": who, "need": need, "position": position})
    rights = [{"reason": pick(r.reason, lang),
               "sources": ", ".join(_source_title(checklist, s) for s in r.sources),
               "as_of": doc(lang, "report.as_of", date=format_date(r.as_of, lang))} for r in evaluation.rights]
    return {"people": people, "rights": rights, "exempt": [pick(x, lang) for x in evaluation.exempt]}


def _people_where(inp: DocumentInput, declined: bool) -> list[str]:
    """Who must still agree (someone with a say who has not agreed), or who has said no. From the per-person
    results of the evaluation when the checklist has law data; else from the register's positions."""
    b = inp.checklist.documents
    if inp.evaluation.consent:
        out = []
        for pc in inp.evaluation.consent:
            said_no = pc.position in b.people_declined_options
            if said_no != declined or pc.position in b.people_agreed_options:
                continue
            if not declined and pc.need == ConsentNeed.no_say:
                continue
            out.append(" · ".join(x for x in person_words(inp.checklist, pc, inp.lang) if x))
        return out
    out = []
    for p in inp.facts.people:
        if p.agreed or p.declined != declined:
            continue
        label = " · ".join(x for x in (isolate(p.name), p.relation, p.position) if x)
        out.append(label or doc(inp.lang, "family.unnamed"))
    return out


def report_payload(inp: DocumentInput) -> dict[str, Any]:
    checklist, assessment, evaluation, facts, lang, today = (
        inp.checklist, inp.assessment, inp.evaluation, inp.facts, inp.lang, inp.today)
    name = facts.person_name or doc(lang, "report.not_recorded")
    verdict = evaluation.verdict.id.value
    maker = inp.maker
    return {
        "lang": lang,
        "s": template_strings(lang),
        "doc_title": doc(lang, "report.doc_title", name=facts.person_name or pick(checklist.title, lang)),
        "header": f"{doc(lang, 'report.title')} · {isolate(facts.person_name or pick(checklist.title, lang))}",
        "footer_note": inp.who_asks(),
        "logo": None if logo_of(inp) is None else logo_of(inp).model_dump(),  # type: ignore[union-attr]
        "cover": {
            "person": name,
            "assessment": assessment.meta.title.strip(),
            "maker": " · ".join(x.strip() for x in (maker.name, maker.organisation) if x.strip())
            or doc(lang, "report.not_recorded"),
            "reference": inp.reference,
            "date": format_date(today, lang),
            "checklist": doc(lang, "report.checklist_value", title=pick(checklist.title, lang),
                             id=checklist.id, version=checklist.version),
            "law_as_of": format_date(checklist.law_as_of, lang),
            "fingerprint": fingerprint(assessment),
        },
        "verdict": {
            "id": verdict,
            "label": i18n.t(lang, f"verdict.{verdict}"),
            "text": doc(lang, f"report.verdict_text.{verdict}"),
            "progress": doc(lang, "report.progress", answered=evaluation.progress.answered,
                            required=evaluation.progress.required),
            "reasons": [{"message": pick(f.message, lang), "action": pick(f.action, lang)}
                        for f in evaluation.verdict.reasons[:1]],
            "next": [{"message": pick(f.message, lang), "action": pick(f.action, lang)}
                     for f in evaluation.verdict.next],
        },
        "consent": consent_payload(checklist, evaluation, lang),
        "to_agree": _people_where(inp, declined=False),
        "declined": _people_where(inp, declined=True),
        "plan": [r.model_dump() for r in rows(inp.plan.statements)],
        "chart": _chart(checklist, evaluation, lang),
        "findings": _finding_groups(checklist, evaluation, lang),
        "open_items": [
            {
                "question": pick(o.question, lang), "what": o.what, "who": o.who,
                "due": format_date(o.due, lang) if o.due else "",
                "done": doc(lang, "report.yes") if o.done else doc(lang, "report.no"),
            }
            for o in evaluation.open_items
        ],
        "people": {"columns": facts.people_columns, "rows": [p.cells for p in facts.people]},
        "sections": _answers(checklist, assessment, evaluation, lang),
        "jurisdictions": [
            {
                "name": pick(j.name, lang),
                "requires": pick(j.requires, lang),
                "sources": ", ".join(_source_title(checklist, s) for s in j.sources),
                "as_of": doc(lang, "report.as_of", date=format_date(j.as_of, lang)),
            }
            for j in checklist.jurisdictions
            if j.id in evaluation.jurisdictions
        ],
        "labels": inp.kit.model_dump(mode="json"),
        "sources": _sources(inp),
        "signoff": [
            {"role": doc(lang, "report.role.maker"), "name": maker.name.strip()},
            {"role": doc(lang, "report.role.commissioner"), "name": facts.commissioner or ""},
            {"role": doc(lang, "report.role.estate"), "name": ""},
        ],
        "notice": pick(checklist.notice, lang),
    }
