"""What every `vigil` sub-command shares: exit codes, the one-line user error, reading an assessment file."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from vigil.assessment_file import AssessmentFileError, read_assessment
from vigil.catalog import ChecklistError, load_catalog
from vigil.models.assessment import Assessment
from vigil.models.checklist import Checklist

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    """A problem the user can fix; printed as one line, exit code 2."""


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
