"""``vigil assess``: evaluate an assessment file and print the verdict, as text or JSON."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

from vigil import i18n
from vigil.cli import batch
from vigil.cli.common import EXIT_OK, EXIT_USAGE, CliError, load_assessment, parse_date
from vigil.cli.stores import catalog_or_fail
from vigil.engine import evaluate
from vigil.models.checklist import Checklist
from vigil.models.common import pick
from vigil.models.results import Evaluation


def evaluation_json(checklist: Checklist, evaluation: Evaluation, lang: str) -> dict[str, Any]:
    def finding(f: Any) -> dict[str, Any]:
        return {
            "id": f.id,
            "severity": f.severity.value,
            "dimension": f.dimension,
            "message": pick(f.message, lang),
            "action": pick(f.action, lang),
            "sources": f.sources,
        }

    return {
        "checklist": {"id": checklist.id, "version": checklist.version},
        "verdict": evaluation.verdict.id.value,
        "verdict_label": i18n.t(lang, f"verdict.{evaluation.verdict.id.value}"),
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
    }


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
        lines.append(f"  [{t(lang, f'severity.{f.severity.value}')}] {pick(f.message, lang)}")
        lines.append(f"      {t(lang, 'cli.assess.action', action=pick(f.action, lang))}")
    if not evaluation.findings:
        lines.append("  " + t(lang, "cli.assess.none"))
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
        print(json.dumps(evaluation_json(checklist, evaluation, args.lang), ensure_ascii=False, indent=2))
    else:
        print(evaluation_text(checklist, evaluation, args.lang))
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
