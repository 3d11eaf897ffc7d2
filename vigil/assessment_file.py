"""Read and write the assessment file (``"format": "vigil-assessment"``), with one-line errors."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from vigil.catalog import Catalog
from vigil.models.assessment import FORMAT, Assessment
from vigil.models.checklist import Checklist
from vigil.upgrade import NewerFormatError, upgrade
from vigil.validation import assessment_problems

MAX_FILE_BYTES = 2 * 1024 * 1024


class AssessmentFileError(ValueError):
    """The file cannot be used as an assessment. ``str(error)`` is one line for the user."""

    def __init__(self, message: str) -> None:
        # keys and values from the file may appear in the message: keep it one short line
        line = " ".join(message.split())
        super().__init__(line if len(line) <= 300 else line[:299] + "…")


def _describe_validation(exc: ValidationError) -> str:
    errors = exc.errors(include_url=False)
    first = errors[0]
    where = ".".join(str(x) for x in first["loc"]) or "(top level)"
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"the file's content is not valid at {where}: {first['msg']}{more}"


def _too_big(size: int) -> str:
    return (f"the file is {size / 1_048_576:.1f} MB; assessment files are at most "
            f"{MAX_FILE_BYTES // 1_048_576} MB")


def parse_assessment(data: bytes, catalog: Catalog) -> tuple[Assessment, Checklist]:
    """Parse and check an assessment file's bytes. Raises ``AssessmentFileError`` with a one-line reason."""
    if len(data) > MAX_FILE_BYTES:
        raise AssessmentFileError(_too_big(len(data)))
    try:
        raw: Any = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise AssessmentFileError("the file is not UTF-8 text; is it really a Vigil assessment (.json)?") from None
    except json.JSONDecodeError as exc:
        raise AssessmentFileError(
            f"the file is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except RecursionError:
        raise AssessmentFileError("the file is nested too deeply to be a Vigil assessment") from None
    if not isinstance(raw, dict):
        raise AssessmentFileError("the file is JSON but not a Vigil assessment (expected an object)")
    fmt = raw.get("format")
    if fmt != FORMAT:
        shown = "missing" if fmt is None else repr(fmt)[:60]
        raise AssessmentFileError(
            f"this is not a Vigil assessment file (its \"format\" is {shown}, expected {FORMAT!r})"
        )
    try:
        raw = upgrade(raw)
    except NewerFormatError as exc:
        raise AssessmentFileError(str(exc)) from None
    try:
        assessment = Assessment.model_validate(raw)
    except ValidationError as exc:
        raise AssessmentFileError(_describe_validation(exc)) from None
    pin = assessment.checklist
    if not catalog.versions(pin.id):
        raise AssessmentFileError(f"the file uses the checklist {pin.id!r}, which this Vigil does not have")
    if not catalog.has(pin.id, pin.version):
        known = ", ".join(catalog.versions(pin.id))
        raise AssessmentFileError(
            f"the file uses version {pin.version} of the checklist {pin.id!r}; this Vigil has {known}"
        )
    checklist = catalog.get(pin.id, pin.version)
    problems = assessment_problems(checklist, assessment)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise AssessmentFileError(f"the file does not fit its checklist: {problems[0]}{more}")
    return assessment, checklist


def read_assessment(path: Path, catalog: Catalog) -> tuple[Assessment, Checklist]:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise AssessmentFileError(_too_big(size))
        data = path.read_bytes()
    except FileNotFoundError:
        raise AssessmentFileError(f"there is no file {str(path)!r}") from None
    except IsADirectoryError:
        raise AssessmentFileError(f"{str(path)!r} is a folder, not an assessment file") from None
    except OSError as exc:
        raise AssessmentFileError(f"cannot read {str(path)!r}: {exc.strerror}") from None
    return parse_assessment(data, catalog)


def to_json(assessment: Assessment) -> str:
    """The assessment as the documented file format (pretty, stable key order)."""
    return json.dumps(assessment.model_dump(mode="json"), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def canonical_bytes(assessment: Assessment) -> bytes:
    """The canonical form that the report's fingerprint is taken of."""
    return json.dumps(
        assessment.model_dump(mode="json"), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    ).encode("utf-8")


def fingerprint(assessment: Assessment) -> str:
    """SHA-256 of the canonical JSON: anyone holding the file can check a report was made from it."""
    return hashlib.sha256(canonical_bytes(assessment)).hexdigest()
