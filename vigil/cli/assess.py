"""``vigil assess``: evaluate an assessment file and print the verdict, as text or JSON."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from vigil import i18n
from vigil.cli import batch
from vigil.cli.common import EXIT_OK, EXIT_USAGE, CliError, load_assessment, parse_date, say, say_json
from vigil.cli.stores import catalog_or_fail
from vigil.engine import evaluate
from vigil.models.checklist import Checklist
from vigil.models.common import pick
from vigil.models.results import Evaluation, LegalBasis


def evaluation_json(checklist: Checklist, evaluation: Evaluation, lang: str) -> dict[str, Any]:
    def finding(f: Any) -> dict[str, Any]:
        return {
            "id": f.id,
            "severity": f.severity.value,
            "dimension": f.dimension,
            "message": i18n.words(f.message, lang),
            "action": i18n.words(f.action, lang),
            "sources": f.sources,
        }

    cause = evaluation.verdict.cause
    return {
        "checklist": {"id": checklist.id, "version": checklist.version},
        "verdict": evaluation.verdict.id.value,
        "verdict_label": i18n.t(lang, f"verdict.{evaluation.verdict.id.value}"),
        "cause": finding(cause) if cause is not None else None,
        "next": [finding(f) for f in evaluation.verdict.next],
        "reasons": [finding(f) for f in evaluation.verdict.reasons],
        "dimensions": {d.id: d.status.value for d in evaluation.dimensions},
        "findings": [finding(f) for f in evaluation.findings],
        "open_items": [
            {"question_id": o.question_id, "question": pick(o.question, lang), "what": o.what, "who": o.who,
             "due": o.due.isoformat() if o.due else None, "done": o.done}
            for o in evaluation.open_items
        ],
        "progress": round(evaluation.progress.ratio, 4),
        "jurisdictions": evaluation.jurisdictions,
        "consent": [
            {"person_id": p.person_id, "name": p.name, "relation": p.relation, "roles": p.roles,
             "position": p.position, "guardian": p.guardian, "need": p.need.value, "reason": i18n.words(p.reason, lang),
             "basis": [_basis(b, lang) for b in p.basis]}
            for p in evaluation.consent
        ],
        "rights": [
            {"right": r.right, "jurisdiction": r.jurisdiction, "citation": pick(r.citation, lang),
             "holders": r.holders, "settled": r.settled, "reason": i18n.words(r.reason, lang), "sources": r.sources,
             "as_of": r.as_of.isoformat(), "unverified": pick(r.unverified, lang) or None}
            for r in evaluation.rights
        ],
        "exempt": [i18n.words(x, lang) for x in evaluation.exempt],
        "duties": evaluation.duties,
    }


def _basis(b: LegalBasis, lang: str) -> dict[str, Any]:
    return {"right": b.right, "jurisdiction": b.jurisdiction, "citation": pick(b.citation, lang),
            "effect": b.effect, "sources": b.sources, "as_of": b.as_of.isoformat(),
            "unverified": pick(b.unverified, lang) or None}


def evaluation_text(checklist: Checklist, evaluation: Evaluation, lang: str) -> str:
    t = i18n.t
    lines = [
        t(lang, "cli.assess.verdict", verdict=t(lang, f"verdict.{evaluation.verdict.id.value}")),
        t(lang, "cli.assess.progress", answered=evaluation.progress.answered,
          required=evaluation.progress.required),
        "",
        t(lang, "cli.assess.findings"),
    ]
    for f in evaluation.findings:
        lines.append(f"  [{t(lang, f'severity.{f.severity.value}')}] {i18n.words(f.message, lang)}")
        lines.append(f"      {t(lang, 'cli.assess.action', action=i18n.words(f.action, lang))}")
    if not evaluation.findings:
        lines.append("  " + t(lang, "cli.assess.none"))
    if evaluation.consent:
        lines += ["", t(lang, "cli.assess.consent")]
        for p in evaluation.consent:
            cites = ", ".join(pick(b.citation, lang) for b in p.basis)
            lines.append(f"  {p.name or t(lang, 'consent.unnamed')}: {t(lang, f'consent.need.{p.need.value}')}"
                         + (f" ({cites})" if cites else ""))
    lines += ["", t(lang, "cli.assess.dimensions")]
    for d in evaluation.dimensions:
        lines.append(f"  {pick(checklist.dimension(d.id).title, lang)}: {t(lang, f'status.{d.status.value}')}")
    lines += ["", t(lang, "cli.assess.open_items")]
    for o in evaluation.open_items:
        extra = ", ".join(x for x in (o.who, o.due.isoformat() if o.due else "") if x)
        lines.append(f"  - {pick(o.question, lang)}" + (f" ({extra})" if extra else ""))
    if not evaluation.open_items:
        lines.append("  " + t(lang, "cli.assess.none"))
    return "\n".join(lines)


def cmd_assess(args: argparse.Namespace) -> int:
    if args.format in ("csv", "jsonl"):
        bad = batch.assess_many(args.files, catalog_or_fail(), args.today, args.lang, args.format)
        return EXIT_USAGE if bad else EXIT_OK
    if len(args.files) != 1 or Path(args.files[0]).is_dir():
        raise CliError("several files or a folder are assessed with --format csv or --format jsonl "
                       "(one row per assessment)")
    assessment, checklist = load_assessment(args.files[0])
    evaluation = evaluate(checklist, assessment, args.today)
    if args.format == "json":
        say_json(evaluation_json(checklist, evaluation, args.lang))
    else:
        say(evaluation_text(checklist, evaluation, args.lang))
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("assess", help="evaluate assessment files and print the verdicts",
                       description="One file as text or JSON; files and folders as CSV or JSON Lines, one row per "
                                   "assessment (reference, verdict, progress, blockers, who must still agree).")
    p.add_argument("files", metavar="FILE|DIR", nargs="+")
    p.add_argument("--format", choices=["text", "json", "csv", "jsonl"], default="text")
    p.add_argument("--lang", choices=list(i18n.available_languages()), default="en")
    p.add_argument("--today", type=parse_date, default=dt.date.today(), help="evaluate as of this date (YYYY-MM-DD)")
    p.set_defaults(func=cmd_assess)
