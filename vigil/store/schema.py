"""The ``assessments`` table and how an assessment becomes a row and back.

A few columns serve the list of saved assessments; the whole assessment is one JSON document (``jsonb`` on
PostgreSQL), serialized once by pydantic and handed to the database as it is.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Column, Date, Index, Integer, MetaData, Table, Text

from vigil.models.assessment import FORMAT_VERSION, Assessment, utc_now
from vigil.store import UnreadableError, UnstorableTextError
from vigil.store.migrations.columns import json_document, key, moment, number, text
from vigil.store.summary import SUMMARY_VERSION, Summary
from vigil.upgrade import NewerFormatError, upgrade

metadata = MetaData()
"""The schema this version works with: what the migrations in ``migrations/versions`` build (a test compares them)."""
assessments = Table(
    "assessments", metadata,
    key("id"), text("checklist_id"), text("checklist_version"), text("title"), number("revision"),
    moment("created"), moment("updated"), json_document(),
    # The summary the work queue lists, sorts and filters by (written at each save; ``vigil.store.summary``).
    Column("reference", Text, nullable=False, server_default=""),
    Column("search", Text, nullable=False, server_default=""),
    Column("format_version", Integer, nullable=True),
    Column("summary_state", Text, nullable=False, server_default="pending"),
    Column("summary_version", Integer, nullable=False, server_default="0"),
    Column("verdict", Text, nullable=True),
    Column("answered", Integer, nullable=True),
    Column("required", Integer, nullable=True),
    Column("unanswered", Integer, nullable=True),
    Column("not_asked", Integer, nullable=True),
    Column("next_due", Date, nullable=True),
)
Index("ix_assessments_updated", assessments.c.updated)
Index("ix_assessments_verdict", assessments.c.verdict, assessments.c.updated)
Index("ix_assessments_next_due", assessments.c.next_due)
Index("ix_assessments_reference", assessments.c.reference)
Index("ix_assessments_unanswered", assessments.c.unanswered)
Index("ix_assessments_not_asked", assessments.c.not_asked)
Index("ix_assessments_summary_state", assessments.c.summary_state, assessments.c.summary_version)

# the practice (vigil.store.practice_sql): the maker profile and the practice defaults, one row each; templates
settings = Table("settings", metadata, key("name"), number("revision"), moment("updated"), json_document())
templates = Table("templates", metadata, key("id"), text("name"), moment("created"), moment("updated"), json_document())
Index("ix_templates_name", templates.c.name)

# the consent link index (vigil.store.links): a private link's token by its SHA-256 only, and each consent
# record's head (migration 0004)
consent_links = Table(
    "consent_links", metadata,
    key("token_sha256"), text("assessment_id"), text("person_id"), text("link_id"), moment("created"),
)
Index("ix_consent_links_assessment_id", consent_links.c.assessment_id)
consent_heads = Table("consent_heads", metadata, key("assessment_id"), number("count"), text("head"))

# A NUL character inside a JSON string: "\u0000" preceded by an even number of backslashes.
_NUL_ESCAPE = re.compile(r"(?<!\\)(?:\\\\)*\\u0000")


class JsonText(str):
    """A document already serialized (by pydantic, in one fast pass): handed to the database as it is."""

    __slots__ = ()


def dumps(value: Any) -> str:
    if isinstance(value, JsonText):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def loads(text: str) -> Any:
    """The engine's JSON reader. A stored document it cannot parse (a number of 5,000 digits, nesting too deep) is
    handed on as text, so that ``load`` refuses it calmly instead of the read failing inside the driver."""
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return text


def as_utc(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def document(assessment: Assessment) -> JsonText:
    doc = assessment.model_dump_json()
    if "\\u0000" in doc and _NUL_ESCAPE.search(doc):
        raise UnstorableTextError()
    return JsonText(doc)


def columns(stored: Assessment, doc: JsonText, now: dt.datetime, summary: Summary) -> dict[str, Any]:
    return {
        "checklist_id": stored.checklist.id,
        "checklist_version": stored.checklist.version,
        "revision": stored.revision,
        "updated": now,
        "document": doc,
        **summary_columns(summary),
    }


def summary_columns(summary: Summary, state: str = "ok") -> dict[str, Any]:
    return {
        "title": summary.title,
        "reference": summary.reference,
        "search": summary.search,
        "format_version": summary.format_version,
        "summary_state": state,
        "summary_version": SUMMARY_VERSION,
        "verdict": summary.verdict.value if summary.verdict is not None else None,
        "answered": summary.answered,
        "required": summary.required,
        "unanswered": summary.unanswered,
        "not_asked": summary.not_asked,
        "next_due": summary.next_due,
    }


def stamped(assessment: Assessment, revision: int) -> Assessment:
    meta = assessment.meta.model_copy(update={"updated": utc_now()})
    return assessment.model_copy(update={"revision": revision, "meta": meta})


def raw_format_version(doc: Any) -> Any:
    if isinstance(doc, str | bytes):
        try:
            doc = json.loads(doc)
        except ValueError:
            return None
    return doc.get("format_version") if isinstance(doc, dict) else None


def newer_format(version: Any) -> bool:
    return isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION


def load(doc: Any) -> Assessment:
    """The stored document as an assessment, upgraded to the current format version (vigil.upgrade). Raises
    ``UnreadableError`` (``reason`` ``newer`` or ``damaged``): a document in a newer format is refused even when its
    fields happen to parse, so that it is never saved back in this version's older format."""
    try:
        raw = json.loads(doc) if isinstance(doc, str | bytes) else doc
        if not isinstance(raw, dict):
            raise UnreadableError(reason="damaged")
        if newer_format(raw.get("format_version")):
            raise NewerFormatError(raw["format_version"])
        return Assessment.model_validate(upgrade(raw))
    except NewerFormatError:
        raise UnreadableError(reason="newer") from None
    except (ValidationError, ValueError, RecursionError):
        raise UnreadableError(reason="damaged") from None
