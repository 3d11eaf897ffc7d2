"""``vigil validate``: check checklist files; print each problem located, or a summary per checklist.

``--deep`` adds the reachability check (vigil/reachability.py): every rule can fire, every jurisdiction can apply."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from vigil import i18n
from vigil.catalog import Problem, check_file, checklist_files, default_directory, locate
from vigil.cli.common import EXIT_INVALID, EXIT_OK, CliError, say, say_json
from vigil.i18n.formats import tn
from vigil.models.checklist import Checklist
from vigil.models.common import Severity
from vigil.reachability import unreachable


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
        "law_as_of": checklist.law_as_of.isoformat(),
        "law": None if checklist.law is None else {
            "as_of": checklist.law.as_of.isoformat(),
            "rights": {r.id: {"jurisdiction": r.jurisdiction, "as_of": r.as_of.isoformat(),
                              "unverified": r.unverified is not None} for r in checklist.law.rights},
            "duties": [d.id for d in checklist.law.duties],
        },
    }


def cmd_validate(args: argparse.Namespace) -> int:
    files = _files(args.paths)
    if not files:
        raise CliError("no checklist files (*.yaml) to validate")
    all_problems: list[Problem] = []
    summaries = []
    for path in files:
        checklist, problems = check_file(path)
        if checklist is not None and not problems and args.deep:
            problems = locate(path, [(loc, message, "unreachable")
                                     for loc, message in unreachable(checklist, dt.date.today())])
        all_problems += problems
        if checklist is not None:
            summaries.append(summary(checklist, problems))
    for p in all_problems:
        say(p, err=True)
    if args.json:
        say_json({"checklists": summaries})
    elif not all_problems:
        say(tn(args.lang, "cli.valid", len(files)))
    if all_problems:
        say(tn(args.lang, "cli.invalid", len(all_problems)), err=True)
        return EXIT_INVALID
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("validate", help="check checklist files (default: the checklists Vigil ships)")
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--json", action="store_true", help="print a summary per checklist as JSON")
    p.add_argument("--deep", action="store_true",
                   help="also search for answers that make each rule fire and each jurisdiction apply (slower)")
    p.add_argument("--lang", choices=list(i18n.available_languages()), default="en")
    p.set_defaults(func=cmd_validate)
