"""The ``vigil`` command line: the same engine as the app, for scripts and CI.

Domain errors become one clear line on stderr and an exit code: 0 ok, 1 invalid checklist, 2 unusable input.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from vigil import i18n
from vigil.catalog import Problem, check_file, checklist_files, default_directory
from vigil.cli_support import EXIT_INVALID, EXIT_OK, EXIT_USAGE, CliError, load_assessment, parse_date
from vigil.credentials.cli import register as register_credentials
from vigil.engine import evaluate
from vigil.models.assessment import Assessment
from vigil.models.checklist import Checklist
from vigil.models.common import Severity, pick
from vigil.models.results import Evaluation
from vigil.render.cli import register as register_documents

# --------------------------------------------------------------------------- validate


def _files(paths: Sequence[str]) -> list[Path]:
    if not paths:
        return checklist_files(default_directory())
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out += checklist_files(p)
        elif p.exists():
            out.append(p)
        else:
            raise CliError(f"there is no file or folder {raw!r}")
    return out


def summary(checklist: Checklist, problems: Sequence[Problem]) -> dict[str, Any]:
    """The ``validate --json`` summary of one checklist."""
    questions = checklist.questions()
    return {
        "id": checklist.id,
        "version": checklist.version,
        "languages": list(checklist.languages),
        "missing_translations": sum(1 for p in problems if p.kind == "translation"),
        "dimensions": len(checklist.dimensions),
        "sections": len(checklist.sections),
        "questions": len(questions),
        "questions_with_rationale": sum(1 for q in questions if any(v.strip() for v in q.rationale.values())),
        "questions_with_sources": sum(1 for q in questions if q.sources),
        "rules": {s.value: sum(1 for r in checklist.rules if r.severity == s) for s in Severity},
        "jurisdictions": [j.id for j in checklist.jurisdictions],
        "examples": len(checklist.examples),
        "sources": len(checklist.sources),
    }


def cmd_validate(args: argparse.Namespace) -> int:
    files = _files(args.paths)
    if not files:
        raise CliError("no checklist files (*.yaml) to validate")
    all_problems: list[Problem] = []
    summaries = []
    for path in files:
        checklist, problems = check_file(path)
        all_problems += problems
        if checklist is not None:
            summaries.append(summary(checklist, problems))
    for p in all_problems:
        print(p, file=sys.stderr)
    if args.json:
        print(json.dumps({"checklists": summaries}, ensure_ascii=False, indent=2))
    elif not all_problems:
        print(i18n.t(args.lang, "cli.valid", count=len(files)))
    if all_problems:
        print(i18n.t(args.lang, "cli.invalid", count=len(all_problems)), file=sys.stderr)
        return EXIT_INVALID
    return EXIT_OK


# --------------------------------------------------------------------------- assess


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
    assessment, checklist = load_assessment(args.file)
    evaluation = evaluate(checklist, assessment, args.today)
    if args.format == "json":
        print(json.dumps(evaluation_json(checklist, evaluation, args.lang), ensure_ascii=False, indent=2))
    else:
        print(evaluation_text(checklist, evaluation, args.lang))
    return EXIT_OK


# --------------------------------------------------------------------------- schema


def cmd_schema(args: argparse.Namespace) -> int:
    from vigil.models.checklist import Checklist as ChecklistModel

    model = ChecklistModel if args.kind == "checklist" else Assessment
    schema = model.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    print(json.dumps(schema, ensure_ascii=False, indent=2))
    return EXIT_OK


# --------------------------------------------------------------------------- parser


Command = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vigil",
        description="Check consent, family wishes and disclosure before making media of someone who has died.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    langs = list(i18n.available_languages())

    p = sub.add_parser("validate", help="check checklist files (default: every file in checklists/)")
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--json", action="store_true", help="print a summary per checklist as JSON")
    p.add_argument("--lang", choices=langs, default="en")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("assess", help="evaluate an assessment file and print the verdict")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--lang", choices=langs, default="en")
    p.add_argument("--today", type=parse_date, default=dt.date.today(), help="evaluate as of this date (YYYY-MM-DD)")
    p.set_defaults(func=cmd_assess)

    p = sub.add_parser("schema", help="print the JSON Schema of a checklist or an assessment file")
    p.add_argument("kind", choices=["checklist", "assessment"])
    p.set_defaults(func=cmd_schema)

    register_documents(sub)
    register_credentials(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Command = args.func
    try:
        return func(args)
    except CliError as exc:
        print(i18n.t("en", "cli.error.prefix", message=exc), file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # pragma: no cover - e.g. `vigil schema checklist | head`
        return EXIT_OK
