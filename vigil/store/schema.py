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
from sqlalchemy import JSON, Column, DateTime, Index, Integer, MetaData, Table, Text
from sqlalchemy.dialects.postgresql import JSONB

from vigil.i18n import t
from vigil.models.assessment import Assessment, utc_now
from vigil.store import UnreadableError, UnstorableTextError
from vigil.upgrade import upgrade

metadata = MetaData()
assessments = Table(
    "assessments",
    metadata,
    Column("id", Text, primary_key=True),
    Column("checklist_id", Text, nullable=False),
    Column("checklist_version", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("revision", Integer, nullable=False),
    Column("created", DateTime(timezone=True), nullable=False),
    Column("updated", DateTime(timezone=True), nullable=False),
    Column("document", JSON().with_variant(JSONB(), "postgresql"), nullable=False),
)
Index("ix_assessments_updated", assessments.c.updated)

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
        raise UnstorableTextError(t("en", "store.unstorable_text"))
    return JsonText(doc)


def columns(stored: Assessment, doc: JsonText, now: dt.datetime) -> dict[str, Any]:
    return {
        "checklist_id": stored.checklist.id,
        "checklist_version": stored.checklist.version,
        "title": stored.meta.title,
        "revision": stored.revision,
        "updated": now,
        "document": doc,
    }


def stamped(assessment: Assessment, revision: int) -> Assessment:
    meta = assessment.meta.model_copy(update={"updated": utc_now()})
    return assessment.model_copy(update={"revision": revision, "meta": meta})


def load(doc: Any) -> Assessment:
    """A stored document as an assessment, upgraded to the current format version (vigil.upgrade)."""
    try:
        raw = json.loads(doc) if isinstance(doc, str) else doc
        if not isinstance(raw, dict):
            raise UnreadableError(t("en", "store.unreadable"))
        return Assessment.model_validate(upgrade(raw))
    except (ValidationError, ValueError, RecursionError):
        raise UnreadableError(t("en", "store.unreadable")) from None
