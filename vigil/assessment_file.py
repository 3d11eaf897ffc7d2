"""Read and write the assessment file (``"format": "vigil-assessment"``), with one-line errors."""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import math
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from vigil.catalog import Catalog
from vigil.files import why_unreadable
from vigil.models.assessment import FORMAT, FORMAT_VERSION, Assessment
from vigil.models.checklist import Checklist
from vigil.models.limits import FILE_BYTES_MAX, NUMBER_DIGITS_MAX, PEOPLE_MAX, TEXT_TOTAL_MAX
from vigil.upgrade import NewerFormatError, upgrade
from vigil.validation import assessment_problems

MAX_FILE_BYTES = FILE_BYTES_MAX


class AssessmentFileError(ValueError):
    """The file cannot be used as an assessment. ``str(error)`` is one line for the user."""

    def __init__(self, message: str) -> None:
        # keys and values from the file may appear in the message: keep it one short line
        line = " ".join(message.split())
        super().__init__(line if len(line) <= 300 else line[:299] + "…")


def _shown(value: object) -> str:
    """A value from the file, quoted and short, for a message."""
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


def _where(loc: tuple[Any, ...]) -> str:
    """A field's place as the file spells it (``answers.relatives.people.0.values.name``), without pydantic's
    names for the branches of a union (``function-after[...]``, ``list[...]``, ``str``)."""
    parts = [str(x) for x in loc if not (isinstance(x, str) and (any(c in x for c in "[(<") or x in ("str", "list")))]
    return ".".join(parts) or "(top level)"


def _describe_validation(exc: ValidationError) -> str:
    errors = exc.errors(include_url=False)
    places = list(dict.fromkeys(_where(tuple(e["loc"])) for e in errors))  # a union reports each branch
    first = errors[0]
    more = f" (and {len(places) - 1} more)" if len(places) > 1 else ""
    msg = str(first["msg"]).removeprefix("Value error, ")
    return f"the file's content is not valid at {places[0]}: {msg}{more}"


def _too_big(size: int) -> str:
    return (f"the file is {size / 1_048_576:.1f} MB; assessment files are at most "
            f"{MAX_FILE_BYTES // 1_048_576} MB")


# ------------------------------------------------------------------ strict JSON: what Python's json lets through


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        twice = next(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
        raise AssessmentFileError(f"the key {_shown(twice)} appears twice in one object; which one is meant "
                                  "is unclear. Please keep one")
    return obj


def _constant(name: str) -> Any:
    raise AssessmentFileError(f"the file holds {name}, which is not a number; please give a number or leave it empty")


def _int(digits: str) -> int:
    if len(digits.lstrip("-")) > NUMBER_DIGITS_MAX:
        raise AssessmentFileError(f"the file holds a number with {len(digits.lstrip('-')):,} digits; numbers in "
                                  f"an assessment have at most {NUMBER_DIGITS_MAX}")
    return int(digits)


def _float(digits: str) -> float:
    value = float(digits)
    if not math.isfinite(value):
        raise AssessmentFileError(f"the file holds the number {digits[:30]}, which is too large; please give a "
                                  "smaller number")
    return value


def _walk_strings(raw: Any) -> None:
    """Every text in the file must be real characters, and all of them together within the limit."""
    total = 0
    stack: list[tuple[str, Any]] = [("", raw)]
    while stack:
        where, value = stack.pop()
        items: Any
        if isinstance(value, dict):
            items = value.items()
        elif isinstance(value, list):
            items = ((str(n), v) for n, v in enumerate(value))
        else:
            continue
        for key, item in items:
            path = f"{where}.{key}" if where else key
            for text in (key, item) if isinstance(item, str) else (key,):
                total += len(text)
                if not text.isascii() and any("\ud800" <= ch <= "\udfff" for ch in text):
                    raise AssessmentFileError(f"the text at {path} holds a broken character (half of a UTF-16 "
                                              "pair, like \\ud800); please retype it")
            if isinstance(item, dict | list):
                stack.append((path, item))
    if total > TEXT_TOTAL_MAX:
        raise AssessmentFileError(f"the file holds {total:,} characters of text; an assessment holds at most "
                                  f"{TEXT_TOTAL_MAX:,}")


def decode(data: bytes) -> dict[str, Any]:
    """The file's JSON object, strictly: UTF-8 without a byte-order mark, no duplicate keys, no NaN or
    Infinity, no absurd numbers, no broken characters, no more text than an assessment holds."""
    if len(data) > MAX_FILE_BYTES:
        raise AssessmentFileError(_too_big(len(data)))
    if data.startswith(codecs.BOM_UTF8):
        raise AssessmentFileError("the file starts with an invisible byte-order mark (BOM); please save it as "
                                  "UTF-8 without BOM and try again")
    try:
        raw: Any = json.loads(data.decode("utf-8"), object_pairs_hook=_object, parse_constant=_constant,
                              parse_int=_int, parse_float=_float)
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
    _walk_strings(raw)
    return raw


def check_format(raw: dict[str, Any]) -> None:
    """The file says it is an assessment in a format version this Vigil reads (1 to ``FORMAT_VERSION``)."""
    fmt = raw.get("format")
    if fmt != FORMAT:
        shown = "missing" if fmt is None else _shown(fmt)
        raise AssessmentFileError(
            f"this is not a Vigil assessment file (its \"format\" is {shown}, expected {FORMAT!r})"
        )
    if "format_version" not in raw:
        return
    version = raw["format_version"]
    if type(version) is not int or version < 1:
        raise AssessmentFileError(f"its \"format_version\" is {_shown(version)}; it must be a whole number from 1 "
                                  f"to {FORMAT_VERSION}")
    if version > FORMAT_VERSION:
        raise AssessmentFileError(
            f"this file was written by a newer Vigil (format version {version}); this Vigil reads version "
            f"{FORMAT_VERSION}. Please update Vigil to open it."
        )


def _check_people(assessment: Assessment) -> None:
    count = sum(len(a.people or []) for a in assessment.answers.values())
    if count > PEOPLE_MAX:
        raise AssessmentFileError(f"the file lists {count:,} people; an assessment holds at most {PEOPLE_MAX} "
                                  "(over all registers)")


def parse_assessment(data: bytes, catalog: Catalog, today: dt.date | None = None) -> tuple[Assessment, Checklist]:
    """Parse and check an assessment file's bytes. Raises ``AssessmentFileError`` with a one-line reason.

    ``today`` (default: the local date) is the day no date of birth or death may come after.
    """
    raw = decode(data)
    check_format(raw)
    try:
        raw = upgrade(raw)
    except NewerFormatError as exc:  # check_format has refused it already; kept for the upgrade's own rule
        raise AssessmentFileError(str(exc)) from None
    try:
        assessment = Assessment.model_validate(raw)
    except ValidationError as exc:
        raise AssessmentFileError(_describe_validation(exc)) from None
    _check_people(assessment)
    pin = assessment.checklist
    if not catalog.versions(pin.id):
        raise AssessmentFileError(f"the file uses the checklist {pin.id!r}, which this Vigil does not have")
    if not catalog.has(pin.id, pin.version):
        known = ", ".join(catalog.versions(pin.id))
        raise AssessmentFileError(
            f"the file uses version {pin.version} of the checklist {pin.id!r}; this Vigil has {known}"
        )
    checklist = catalog.get(pin.id, pin.version)
    problems = assessment_problems(checklist, assessment, today or dt.date.today())
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
    except OSError as exc:
        raise AssessmentFileError(why_unreadable(path, exc, "an assessment file")) from None
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
