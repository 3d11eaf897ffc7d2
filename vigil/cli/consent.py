"""``vigil consent-record FILE``: print an assessment's consent record and verify its hash chain.

Exit 0 when the chain is intact (and holds every ``--expect`` entry hash, e.g. from a relative's receipt),
1 naming the first bad entry, 2 when the file cannot be used.
"""

from __future__ import annotations

import argparse
import json
from functools import partial

from vigil import i18n
from vigil.cli.common import EXIT_INVALID, EXIT_OK, CliError, load_assessment, one_line, say
from vigil.models.assessment import Assessment
from vigil.models.checklist import Checklist
from vigil.models.consent_record import MAKER, ConsentEntry, verify


def register_names(checklist: Checklist, assessment: Assessment) -> dict[str, str]:
    """Person id -> name, from the people register."""
    b = checklist.documents
    answer = assessment.answers.get(b.people or "")
    if answer is None or not answer.people or not b.people_name_field:
        return {}
    out: dict[str, str] = {}
    for p in answer.people:
        value = p.values.get(b.people_name_field)
        out[p.id] = value if isinstance(value, str) else ""
    return out


def entry_line(entry: ConsentEntry, names: dict[str, str], lang: str) -> str:
    def who(pid: str) -> str:
        if pid == MAKER:
            return i18n.t(lang, "cli.consent.maker")
        return one_line(names.get(pid) or pid)

    t = partial(i18n.t, lang)
    by = t("cli.consent.by", who=who(entry.who)) if entry.who == entry.person else \
        t("cli.consent.by_for", who=who(entry.who), person=who(entry.person))
    parts = [f"{entry.seq:>3}  {entry.at.isoformat()}  {t(f'cli.consent.kind.{entry.kind.value}')}", by]
    if entry.answer is not None:
        a = entry.answer
        parts.append(t(f"consent.response.{a.response.value}"))
        if a.agreed:
            parts.append("[" + ", ".join(a.agreed) + "]")
        if a.signature is not None:
            parts.append(t("cli.consent.signed", name=one_line(a.signature.full_name)))
        if a.question:
            parts.append(t("cli.consent.question", text=one_line(a.question)))
    if entry.expires is not None:
        parts.append(t("cli.consent.until", date=entry.expires.isoformat()))
    line = "  ".join(parts)
    details = [t("cli.consent.hash", hash=entry.hash)]
    if entry.plan_fingerprint:
        details.append(t("cli.consent.plan", fingerprint=entry.plan_fingerprint[:16]))
    if entry.shown_sha256:
        details.append(t("cli.consent.text", sha256=entry.shown_sha256[:16]))
    return line + "\n       " + "  ".join(details)


def cmd_consent_record(args: argparse.Namespace) -> int:
    assessment, checklist = load_assessment(args.file)
    lang: str = args.lang
    record = assessment.consent_record
    names = register_names(checklist, assessment)
    say(i18n.t(lang, "cli.consent.header", id=assessment.id, count=len(record.entries)))
    for entry in record.entries:
        say(entry_line(entry, names, lang))
    problem = verify(record)
    if problem is not None:
        say(i18n.t(lang, "cli.consent.broken",
                     problem=i18n.t(lang, f"consent.problem.{problem.reason}", seq=problem.seq)))
        return EXIT_INVALID
    hashes = {e.hash for e in record.entries}
    for expected in args.expect or []:
        if expected.lower() not in hashes:
            say(i18n.t(lang, "cli.consent.expected_missing", hash=expected))
            return EXIT_INVALID
    say(i18n.t(lang, "cli.consent.intact", count=len(record.entries), head=record.head))
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("consent-record", help="print an assessment's consent record and verify its hash chain")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--expect", action="append", metavar="HASH",
                   help="an entry hash that must be in the record (e.g. from a relative's receipt); repeatable")
    p.add_argument("--lang", choices=list(i18n.available_languages()), default="en")
    p.set_defaults(func=cmd_consent_record)
    register_receipt(sub)


def cmd_consent_receipt(args: argparse.Namespace) -> int:
    from pathlib import Path

    from vigil.render.receipt import receipt
    from vigil.render.receipt_pdf import receipt_pdf

    assessment, _checklist = load_assessment(args.file)
    if verify(assessment.consent_record) is not None:
        raise CliError(f"{args.file}: the consent record has been changed; run 'vigil consent-record' to see where")
    maker = assessment.maker.name or assessment.meta.assessor
    data = receipt(assessment, args.person, maker)
    if data is None:
        raise CliError(f"{args.file}: the person {args.person!r} has not answered through Vigil")
    if args.output.endswith(".json"):
        Path(args.output).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    else:
        pdf = receipt_pdf(assessment, args.person)
        assert pdf is not None
        Path(args.output).write_bytes(pdf)
    return EXIT_OK


def register_receipt(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("consent-receipt", help="a person's consent receipt: JSON (ISO/IEC 27560 shape) or PDF")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--person", required=True, help="the person's id in the register")
    p.add_argument("-o", "--output", required=True, help="receipt.json or receipt.pdf")
    p.set_defaults(func=cmd_consent_receipt)
