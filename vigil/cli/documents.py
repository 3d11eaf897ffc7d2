"""``vigil report``, ``vigil consent-form``, ``vigil family-summary`` and ``vigil labels``: the documents from the
command line, made through the registry of documents (``vigil.render.documents.DOCUMENTS``).

Added to the command line by ``register``. Domain errors become ``CliError`` (one line, exit 2).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from vigil import i18n
from vigil.cli import common as vigil_cli
from vigil.render.documents import DOCUMENTS
from vigil.render.errors import RenderError
from vigil.render.input import document_input, label_kit
from vigil.render.labels import label_kit_text


def _render(kind: str, args: argparse.Namespace) -> bytes:
    assessment, checklist = vigil_cli.load_assessment(args.file)
    try:
        inp = document_input(checklist, assessment, args.lang, args.today,
                             share_positions=bool(getattr(args, "share_positions", False)))
        return DOCUMENTS[kind].render(inp)
    except RenderError as exc:
        raise vigil_cli.CliError(str(exc)) from None


def _write(path: str, data: bytes) -> None:
    target = Path(path)
    try:
        target.write_bytes(data)
    except IsADirectoryError:
        raise vigil_cli.CliError(f"{path!r} is a folder; give a file name such as report.pdf") from None
    except FileNotFoundError:
        raise vigil_cli.CliError(f"cannot write {path!r}: the folder {str(target.parent)!r} does not exist") \
            from None
    except OSError as exc:
        raise vigil_cli.CliError(f"cannot write {path!r}: {exc.strerror}") from None


def cmd_report(args: argparse.Namespace) -> int:
    _write(args.output, _render("report", args))
    return vigil_cli.EXIT_OK


def cmd_consent_form(args: argparse.Namespace) -> int:
    _write(args.output, _render("consent", args))
    return vigil_cli.EXIT_OK


def cmd_family_summary(args: argparse.Namespace) -> int:
    _write(args.output, _render("family", args))
    return vigil_cli.EXIT_OK


def cmd_labels(args: argparse.Namespace) -> int:
    if args.output:
        _write(args.output, _render("labels", args))
        return vigil_cli.EXIT_OK
    assessment, checklist = vigil_cli.load_assessment(args.file)
    vigil_cli.say(label_kit_text(label_kit(checklist, assessment, args.lang, args.today)))
    sys.stdout.flush()
    return vigil_cli.EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    langs = list(i18n.available_languages())

    def common(p: argparse.ArgumentParser, output_required: bool) -> None:
        p.add_argument("file", metavar="FILE", help="an assessment file (.json)")
        p.add_argument("-o", "--output", metavar="OUT.pdf", required=output_required,
                       help="where to write the PDF")
        p.add_argument("--lang", choices=langs, default="en")
        p.add_argument("--today", type=vigil_cli.parse_date, default=dt.date.today(),
                       help="evaluate and date the document as of this day (YYYY-MM-DD)")

    p = sub.add_parser("report", help="write the assessment report as a PDF")
    common(p, True)
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("consent-form", help="write the consent form for the family as a PDF")
    common(p, True)
    p.set_defaults(func=cmd_consent_form)

    p = sub.add_parser("family-summary", help="write the one-page summary for the family as a PDF")
    common(p, True)
    p.add_argument("--share-positions", action="store_true",
                   help="show each relative's position (off: the family does not see each other's answers)")
    p.set_defaults(func=cmd_family_summary)

    p = sub.add_parser("labels", help="print the disclosure label texts (with -o: write the label kit PDF)")
    common(p, False)
    p.set_defaults(func=cmd_labels)

