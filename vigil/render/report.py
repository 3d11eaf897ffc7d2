"""The assessment report: the data the report template lays out."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from vigil import i18n
from vigil.assessment_file import fingerprint
from vigil.consent import person_words
from vigil.models.checklist import Checklist
from vigil.models.common import Severity, pick
from vigil.models.kinds import spec
from vigil.models.results import ConsentNeed, Evaluation
from vigil.render.consent import rows
from vigil.render.input import DocumentInput
from vigil.render.payload import logo_of
from vigil.render.report_model import (
    AnswerSection,
    Chart,
    ChartRow,
    ConsentPerson,
    ConsentRule,
    ConsentSection,
    Cover,
    Finding,
    FindingGroup,
    Jurisdiction,
    OpenItem,
    People,
    QuestionAnswer,
    Reason,
    ReportPayload,
    SignOff,
    Source,
    Verdict,
)
from vigil.render.strings import template_strings
from vigil.render.text import answer_text, doc, format_date, format_month, isolate


def _finding_groups(checklist: Checklist, evaluation: Evaluation, lang: str,
                    numbers: dict[str, int]) -> list[FindingGroup]:
    groups = []
    for sev in sorted(Severity, key=lambda s: -s.rank):
        items = [
            Finding(message=i18n.words(f.message, lang), action=i18n.words(f.action, lang),
                    sources=_refs(f.sources, numbers))
            for f in evaluation.findings
            if f.severity == sev
        ]
        if items:
            groups.append(FindingGroup(severity=sev.value, title=doc(lang, f"report.sev.{sev.value}"), items=items))
    return groups


def _refs(ids: list[str], numbers: dict[str, int]) -> str:
    """Sources cited by their number in the report's list ("[3, 12]"): each source is written out once."""
    cited = sorted({numbers[i] for i in ids if i in numbers})
    return f"[{', '.join(str(n) for n in cited)}]" if cited else ""


def _chart(checklist: Checklist, evaluation: Evaluation, lang: str) -> Chart:
    rows = []
    alt_items = []
    for d in evaluation.dimensions:
        title = pick(checklist.dimension(d.id).title, lang)
        status = i18n.t(lang, f"status.{d.status.value}")
        ratio = 1.0 if d.required == 0 else d.answered / d.required
        rows.append(ChartRow(title=title, status=d.status.value, status_label=status,
                             answered=d.answered, required=d.required, ratio=round(ratio, 4)))
        alt_items.append(doc(lang, "report.chart_item", title=title, status=status,
                             answered=d.answered, required=d.required))
    return Chart(rows=rows, alt=doc(lang, "report.chart_alt", items="; ".join(alt_items)))


def _answers(inp: DocumentInput) -> list[AnswerSection]:
    """Per section, its visible questions with their answers. A question with nothing to remark (answered, no note,
    no evidence) is ``plain``: the template runs these together as compact question-and-answer lines."""
    lang = inp.lang
    sections = []
    for section in inp.checklist.sections:
        questions = []
        for q in section.questions:
            if q.id not in inp.questions:
                continue
            answer = inp.answers.get(q.id)
            text = answer_text(q, answer, lang)
            if spec(q.kind).field == "people" and answer is not None and answer.is_answered:
                text = doc(lang, "report.people_answer", count=len(answer.people or []))
            note = answer.note.strip() if answer else ""
            evidence = [
                doc(lang, "report.evidence_item", file=e.file_name, sha=e.sha256[:16])
                + (f", {format_date(e.date, lang)}" if e.date else "")
                + (f": {e.description}" if e.description.strip() else "")
                for e in (answer.evidence if answer else [])
            ]
            dont_know = bool(answer and answer.dont_know)
            answered = answer is not None and answer.is_answered
            questions.append(QuestionAnswer(
                text=pick(q.text, lang), answer=text, dont_know=dont_know,
                plain=answered and not dont_know and not note and not evidence, note=note, evidence=evidence,
            ))
        if questions:
            sections.append(AnswerSection(title=pick(section.title, lang), questions=questions))
    return sections


def _people(inp: DocumentInput) -> People:
    """The register as a compact table of the columns that matter: name, relation, position (as the checklist's
    ``documents`` bindings name them); the whole register when the checklist binds none of them."""
    b = inp.checklist.documents
    pq = inp.questions.get(b.people) if b.people else None
    bound = [b.people_name_field, b.people_relation_field, b.people_position_field]
    fields = [f for f in pq.fields if f.id in bound] if pq is not None else []
    if not fields:
        return People(columns=inp.facts.people_columns, rows=[p.cells for p in inp.facts.people])
    index = {f.id: i for i, f in enumerate(pq.fields)} if pq is not None else {}
    return People(columns=[pick(f.label, inp.lang) for f in fields],
                  rows=[[p.cells[index[f.id]] for f in fields] for p in inp.facts.people])


def _cited(inp: DocumentInput) -> list[str]:
    """The ids of the sources the report cites, by number, for what it states: its findings, the rules on who must
    agree and the law that applies. (A question's own sources back the checklist, not a statement of the report;
    listing them made a private case's report carry some fifty sources no line of it cites.)"""
    ids: list[str] = []
    for f in inp.evaluation.findings:
        ids += f.sources
    for r in inp.evaluation.rights:
        ids += r.sources
    for j in inp.checklist.jurisdictions:
        if j.id in inp.evaluation.jurisdictions:
            ids += j.sources
    return list(dict.fromkeys(ids))


def _site(url: str) -> str:
    """The address as printed: the site's name only; the PDF link keeps the whole address."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def _source_date(raw: str, lang: str) -> str:
    """A source's date as the reader writes dates ("10. Juni 2026"); a month ("2026-06") as month and year; a
    year, or anything else the source gives, as it is."""
    try:
        return format_date(dt.date.fromisoformat(raw), lang)
    except ValueError:
        pass
    try:
        return format_month(dt.date.fromisoformat(raw + "-01"), lang) if len(raw) == 7 else raw
    except ValueError:
        return raw


def _sources(inp: DocumentInput) -> list[Source]:
    cited = set(_cited(inp))
    out: list[Source] = []
    for s in inp.checklist.sources:
        if s.id not in cited:
            continue
        parts = [s.title]
        if s.publisher:
            parts.append(s.publisher)
        if s.date:
            parts.append(_source_date(s.date, inp.lang))
        text = ". ".join(parts) + "."
        if s.language != inp.lang:
            text += " " + doc(inp.lang, "report.in_language", language=doc(inp.lang, f"language.{s.language}"))
        url = s.url or ""
        out.append(Source(id=s.id, number=str(len(out) + 1), text=text, url=url, site=_site(url)))
    return out


def _consent(checklist: Checklist, evaluation: Evaluation, lang: str, numbers: dict[str, int]) -> ConsentSection:
    """Who must agree, per person, and the rules that apply (worked out by vigil.consent)."""
    people = []
    for pc in evaluation.consent:
        who, need, position = (i18n.words(x, lang) for x in person_words(checklist, pc))
        people.append(ConsentPerson(who=who, need=need, position=position))
    rights = [ConsentRule(reason=i18n.words(r.reason, lang), sources=_refs(r.sources, numbers),
                          as_of=doc(lang, "report.as_of", date=format_date(r.as_of, lang)))
              for r in evaluation.rights]
    return ConsentSection(people=people, rights=rights, exempt=[i18n.words(x, lang) for x in evaluation.exempt])


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
            who, need, position = person_words(inp.checklist, pc)
            # under "Who has said no" their position would only repeat the heading, and "ask them" reads oddly of
            # someone who has answered: only a refusal the law gives weight to says so
            weighty = pc.need == ConsentNeed.required
            words = (who, need, position) if not declined else (who, need) if weighty else (who,)
            out.append(" · ".join(i18n.words(x, inp.lang) for x in words if x))
        return out
    out = []
    for p in inp.facts.people:
        if p.agreed or p.declined != declined:
            continue
        label = " · ".join(x for x in (isolate(p.name), p.relation, "" if declined else p.position) if x)
        out.append(label or doc(inp.lang, "family.unnamed"))
    return out


def _cover(inp: DocumentInput) -> Cover:
    lang, checklist, maker = inp.lang, inp.checklist, inp.maker
    return Cover(
        person=inp.facts.person_name or doc(lang, "report.not_recorded"),
        assessment=inp.assessment.meta.title.strip(),
        maker=" · ".join(x.strip() for x in (maker.name, maker.organisation) if x.strip())
        or doc(lang, "report.not_recorded"),
        reference=inp.reference,
        date=format_date(inp.today, lang),
        checklist=doc(lang, "report.checklist_value", title=pick(checklist.title, lang),
                      id=checklist.id, version=checklist.version),
        law_as_of=format_date(checklist.law_as_of, lang),
        fingerprint=fingerprint(inp.assessment),
    )


def _verdict(inp: DocumentInput) -> Verdict:
    """The verdict, why (its first reason) and what remains."""
    lang, evaluation = inp.lang, inp.evaluation
    verdict = evaluation.verdict.id.value
    return Verdict(
        id=verdict,
        label=i18n.t(lang, f"verdict.{verdict}"),
        text=doc(lang, f"report.verdict_text.{verdict}"),
        progress=doc(lang, "report.progress", answered=evaluation.progress.answered,
                     required=evaluation.progress.required),
        reasons=[Reason(message=i18n.words(f.message, lang), action=i18n.words(f.action, lang))
                 for f in evaluation.verdict.reasons[:1]],
        next=[Reason(message=i18n.words(f.message, lang), action=i18n.words(f.action, lang))
              for f in evaluation.verdict.next],
    )


def _open_items(inp: DocumentInput) -> list[OpenItem]:
    lang = inp.lang
    return [OpenItem(question=pick(o.question, lang), what=o.what, who=o.who,
                     due=format_date(o.due, lang) if o.due else "",
                     done=doc(lang, "report.yes") if o.done else doc(lang, "report.no"))
            for o in inp.evaluation.open_items]


def _jurisdictions(inp: DocumentInput, numbers: dict[str, int]) -> list[Jurisdiction]:
    lang = inp.lang
    return [Jurisdiction(name=pick(j.name, lang), requires=pick(j.requires, lang), sources=_refs(j.sources, numbers),
                         as_of=doc(lang, "report.as_of", date=format_date(j.as_of, lang)))
            for j in inp.checklist.jurisdictions if j.id in inp.evaluation.jurisdictions]


def report_payload(inp: DocumentInput) -> ReportPayload:
    checklist, evaluation, facts, lang = inp.checklist, inp.evaluation, inp.facts, inp.lang
    title_name = facts.person_name or pick(checklist.title, lang)
    sources = _sources(inp)
    numbers = {src.id: n for n, src in enumerate(sources, start=1)}
    return ReportPayload(
        lang=lang,
        s=template_strings(lang),
        doc_title=doc(lang, "report.doc_title", name=title_name),
        header=f"{doc(lang, 'report.title')} · {isolate(title_name)}",
        footer_note=inp.footer(),
        logo=logo_of(inp),
        cover=_cover(inp),
        verdict=_verdict(inp),
        to_agree=_people_where(inp, declined=False),
        declined=_people_where(inp, declined=True),
        plan=rows(inp.plan.statements),
        chart=_chart(checklist, evaluation, lang),
        findings=_finding_groups(checklist, evaluation, lang, numbers),
        open_items=_open_items(inp),
        people=_people(inp),
        consent=_consent(checklist, evaluation, lang, numbers),
        sections=_answers(inp),
        jurisdictions=_jurisdictions(inp, numbers),
        labels=inp.kit,
        sources=sources,
        signoff=[
            SignOff(role=doc(lang, "report.role.maker"), name=inp.maker.name.strip()),
            SignOff(role=doc(lang, "report.role.commissioner"), name=facts.commissioner or ""),
            SignOff(role=doc(lang, "report.role.estate"), name=""),
        ],
        notice=pick(checklist.notice, lang),
    )
