"""What every `vigil` sub-command shares: exit codes, the one-line user error, reading an assessment file."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Any, TextIO

from vigil.assessment_file import AssessmentFileError, read_assessment
from vigil.catalog import ChecklistError, load_catalog
from vigil.models.assessment import Assessment
from vigil.models.checklist import Checklist

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    """A problem the user can fix; printed as one line, exit code 2."""


# Control characters a terminal acts on instead of showing: C0 (escape, bell, backspace, carriage return...)
# except newline and tab, DEL, and C1 (0x9b starts a control sequence on some terminals).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidirectional embeddings and overrides: they reorder what follows on the line ("Trojan Source"). Isolates stay:
# their effect ends with the isolate, and Vigil's own texts wrap names in them.
_BIDI = re.compile("[\u202a-\u202e]")


def terminal_safe(text: str) -> str:
    """``text`` with every control character written out (``\\x1b``) and every bidirectional override too
    (``\\u202e``), so that user text printed to a terminal is shown, never obeyed (no colours, cursor moves,
    title changes, lines overwritten or reordered)."""
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    return _BIDI.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def one_line(text: str) -> str:
    """User text that must stay on its line (a name, a question): ``terminal_safe``, with newlines and tabs
    written out too, so it cannot start a line of its own that reads like Vigil's."""
    return terminal_safe(text).replace("\n", "\\n").replace("\t", "\\t")


def say(text: object, *, err: bool = False) -> None:
    """Print one message or text to stdout (or stderr): the only way the command line prints user text."""
    out: TextIO = sys.stderr if err else sys.stdout
    print(terminal_safe(str(text)), file=out)


def say_json(value: Any) -> None:
    """Print ``value`` as indented JSON; control characters in strings become ``\\u00XX`` escapes (still JSON)."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    print(_CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text))


def load_assessment(path: str) -> tuple[Assessment, Checklist]:
    """Read an assessment file and the checklist it pins, or raise ``CliError`` with one line."""
    try:
        catalog = load_catalog()
    except ChecklistError as exc:
        raise CliError(f"the shipped checklists have problems; run 'vigil validate'. First: {exc.problems[0]}") \
            from None
    try:
        return read_assessment(Path(path), catalog)
    except AssessmentFileError as exc:
        raise CliError(f"{path}: {exc}") from None


def parse_date(value: str) -> dt.date:
    """An argparse type for ``--today``."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2026-11-22") from None
