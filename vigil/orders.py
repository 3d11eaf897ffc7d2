"""Order lists: many commissions at once, as CSV or JSON Lines, each becoming an assessment from the practice
defaults. Pure (no store, no clock: the caller passes ``today``).

One order per row: ``reference``, ``title``, ``person_name``, ``born``, ``died``, ``commissioner`` and
``relatives``. In JSON Lines ``relatives`` is a list of ``{"name", "relation", "contact"}``; in CSV it is one cell,
``Name | relation | contact; Name | relation | contact``. A relation or commissioner is given by its option id or
its label in any language of the checklist (``child``, ``Kind``). A bad row is reported with its line number and
nothing of it is used; the other rows are unaffected.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator

from vigil.models.assessment import Answer, Assessment, Maker, Person
from vigil.models.checklist import Checklist, Option
from vigil.models.profile import PracticeDefaults
from vigil.practice import start
from vigil.validation import assessment_problems

COLUMNS = ("reference", "title", "person_name", "born", "died", "commissioner", "relatives")
MAX_ORDER_BYTES = 20 * 1_048_576
MAX_RELATIVES = 100

Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2_000)]


class Relative(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2_000)]
    relation: Text = ""
    contact: Text = ""


class Order(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reference: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2_000)]
    title: Text = ""
    person_name: Text = ""
    born: dt.date | None = None
    died: dt.date | None = None
    commissioner: Text = ""
    relatives: list[Relative] = Field(default_factory=list, max_length=MAX_RELATIVES)

    @field_validator("born", "died", mode="before")
    @classmethod
    def _empty_date(cls, value: object) -> object:
        return None if value in ("", None) else value


class OrderError(Exception):
    """The whole list cannot be read (wrong columns, not UTF-8, too big): nothing of it is used."""


@dataclass(frozen=True)
class Problem:
    line: int
    message: str


def _csv_relatives(cell: str) -> list[dict[str, str]]:
    out = []
    for entry in (e for e in cell.split(";") if e.strip()):
        parts = [p.strip() for p in entry.split("|")]
        out.append(dict(zip(("name", "relation", "contact"), parts, strict=False)))
        if len(parts) > 3:
            raise ValueError(f"relatives: {entry.strip()!r} has more than name | relation | contact")
    return out


def _rows_csv(text: str) -> Iterator[tuple[int, dict[str, object] | str]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    unknown = [c for c in header if c not in COLUMNS]
    if unknown or "reference" not in header:
        raise OrderError(f"line 1: the columns must be among {', '.join(COLUMNS)} and include reference"
                         + (f"; unknown: {', '.join(repr(c) for c in unknown)}" if unknown else ""))
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield line, f"not a readable CSV row ({exc})"
            return
        if None in row:
            yield line, "more cells than columns"
            continue
        data: dict[str, object] = {k: v for k, v in row.items() if v not in (None, "")}
        try:
            if "relatives" in data:
                data["relatives"] = _csv_relatives(str(data["relatives"]))
        except ValueError as exc:
            yield line, str(exc)
            continue
        yield line, data


def _rows_jsonl(text: str) -> Iterator[tuple[int, dict[str, object] | str]]:
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            value = json.loads(raw)
        except ValueError as exc:
            yield number, f"not valid JSON ({exc.args[0] if exc.args else 'unreadable'})"
            continue
        yield number, value if isinstance(value, dict) else "each line must be one JSON object"


def read_orders(data: bytes, kind: str) -> Iterator[tuple[int, Order | str]]:
    """Each row's line number and its order, or what is wrong with it. ``kind`` is ``csv`` or ``jsonl``."""
    if len(data) > MAX_ORDER_BYTES:
        raise OrderError(f"the list is larger than {MAX_ORDER_BYTES // 1_048_576} MB; split it")
    try:
        text = data.decode("utf-8-sig" if kind == "csv" else "utf-8")
    except UnicodeDecodeError:
        raise OrderError("the list is not UTF-8 text; save it as UTF-8 and try again") from None
    rows = _rows_csv(text) if kind == "csv" else _rows_jsonl(text)
    for line, row in rows:
        if isinstance(row, str):
            yield line, row
            continue
        try:
            yield line, Order.model_validate(row)
        except ValidationError as exc:
            first = exc.errors(include_url=False)[0]
            where = ".".join(str(x) for x in first["loc"]) or "row"
            yield line, f"{where}: {first['msg']}"


def _option(options: list[Option], given: str, what: str) -> str:
    wanted = given.strip().casefold()
    for o in options:
        if wanted == o.id or wanted in {label.casefold() for label in o.label.values()}:
            return o.id
    raise ValueError(f"{what} {given!r} is not one of: {', '.join(o.id for o in options)}")


def order_assessment(checklist: Checklist, order: Order, *, today: dt.date, language: str = "en",
                     defaults: PracticeDefaults | None = None, maker: Maker | None = None) -> Assessment:
    """The assessment for one order, from the practice defaults. Raises ``ValueError`` naming what is wrong."""
    if order.born and order.died and order.died < order.born:
        raise ValueError(f"died: {order.died} is before born {order.born}")
    if order.died and order.died > today:
        raise ValueError(f"died: {order.died} is in the future")
    a = start(checklist, title=order.title or order.reference, language=language, maker=maker, defaults=defaults)
    a.meta.reference = order.reference
    b = checklist.documents
    if b.person_name and order.person_name:
        a.answers[b.person_name] = Answer(text=order.person_name)
    for qid, day in ((b.born, order.born), (b.died, order.died)):
        if qid and day:
            a.answers[qid] = Answer(date=day)
    if order.commissioner:
        if not b.commissioner:
            raise ValueError("commissioner: this checklist has no commissioner question")
        q = checklist.question(b.commissioner)
        a.answers[q.id] = Answer(choice=_option(q.options, order.commissioner, "commissioner"))
    if order.relatives:
        a.answers.update(_relatives(checklist, order.relatives))
    problems = assessment_problems(checklist, a)
    if problems:
        raise ValueError(problems[0])
    return a


def _relatives(checklist: Checklist, relatives: list[Relative]) -> dict[str, Answer]:
    b = checklist.documents
    if not (b.people and b.people_name_field):
        raise ValueError("relatives: this checklist has no people register")
    q = checklist.question(b.people)
    fields = {f.id: f for f in q.fields}
    relation = fields.get(b.people_relation_field or "")
    people = []
    for i, r in enumerate(relatives, start=1):
        values: dict[str, str | list[str] | None] = {b.people_name_field: r.name}
        if r.relation:
            if relation is None:
                raise ValueError("relatives: this register has no relation field")
            values[relation.id] = _option(relation.options, r.relation, f"relatives {i}: relation")
        if r.contact:
            if "contact" not in fields:
                raise ValueError("relatives: this register has no contact field")
            values["contact"] = r.contact
        people.append(Person(values=values))
    return {q.id: Answer(people=people)}
