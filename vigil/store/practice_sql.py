"""The practice's own records in the store: the maker profile and the practice defaults (table ``settings``, one
row each) and the templates (table ``templates``), read and written in the store's ``Database``; ``SqlStore`` adds
the assessments.

A record this version cannot read (written by a newer Vigil) is treated as absent for reading and never
overwritten: saving over it raises ``UnreadableError``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from sqlalchemy import delete, insert, select, update

from vigil.models.profile import MakerProfile, PracticeDefaults, Template
from vigil.store import NotFoundError, UnreadableError
from vigil.store.database import Database
from vigil.store.schema import JsonText, settings, templates

PROFILE = "profile"
_M = TypeVar("_M", bound=BaseModel)


def _defaults_name(checklist_id: str) -> str:
    return f"practice:{checklist_id}"


def _parse(model: type[_M], doc: Any) -> _M:
    try:
        return model.model_validate_json(doc) if isinstance(doc, str) else model.model_validate(doc)
    except ValidationError:
        raise UnreadableError(reason="newer") from None


class PracticeTables(Database):
    """Profile, practice defaults and templates."""

    # ------------------------------------------------------------------ settings (one row per name)

    def _setting(self, name: str) -> Any | None:
        with self._session(), self._engine.connect() as conn:
            return conn.execute(select(settings.c.document).where(settings.c.name == name)).scalar_one_or_none()

    def _put_setting(self, name: str, value: BaseModel) -> None:
        doc = JsonText(value.model_dump_json())
        now = dt.datetime.now(dt.UTC)
        with self._session(write=True), self._engine.begin() as conn:
            current = conn.execute(select(settings.c.revision, settings.c.document)
                                   .where(settings.c.name == name)).one_or_none()
            if current is None:
                conn.execute(insert(settings).values(name=name, revision=1, updated=now, document=doc))
                return
            _parse(type(value), current.document)  # a record a newer Vigil wrote is never written over
            conn.execute(update(settings).where(settings.c.name == name)
                         .values(revision=current.revision + 1, updated=now, document=doc))

    def profile(self) -> MakerProfile:
        """The maker profile (empty until it is saved once)."""
        doc = self._setting(PROFILE)
        return MakerProfile() if doc is None else _parse(MakerProfile, doc)

    def save_profile(self, profile: MakerProfile) -> None:
        self._put_setting(PROFILE, profile)

    def practice_defaults(self, checklist_id: str) -> PracticeDefaults | None:
        doc = self._setting(_defaults_name(checklist_id))
        return None if doc is None else _parse(PracticeDefaults, doc)

    def save_practice_defaults(self, defaults: PracticeDefaults) -> None:
        self._put_setting(_defaults_name(defaults.checklist.id), defaults)

    # ------------------------------------------------------------------ templates

    def templates(self) -> list[Template]:
        """Every readable template, by name."""
        query = select(templates.c.document).order_by(templates.c.name, templates.c.id)
        with self._session(), self._engine.connect() as conn:
            docs = conn.execute(query).scalars().all()
        return list(_readable(docs))

    def template(self, template_id: str) -> Template:
        return _parse(Template, self._one(select(templates.c.document).where(templates.c.id == template_id)))

    def save_template(self, template: Template) -> Template:
        now = dt.datetime.now(dt.UTC)
        doc = JsonText(template.model_dump_json())
        with self._session(write=True), self._engine.begin() as conn:
            conn.execute(insert(templates).values(id=template.id, name=template.name, created=template.created,
                                                  updated=now, document=doc))
        return template

    def delete_template(self, template_id: str) -> None:
        with self._session(write=True), self._engine.begin() as conn:
            gone = conn.execute(delete(templates).where(templates.c.id == template_id)).rowcount
        if not gone:
            raise NotFoundError()


def _readable(docs: Any) -> Iterator[Template]:
    for doc in docs:
        try:
            yield _parse(Template, doc)
        except UnreadableError:
            continue
