"""Shared building blocks of the checklist and assessment models."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints

_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")


def _check_id(value: str) -> str:
    if not _ID_RE.match(value):
        raise ValueError(
            f"{value!r} is not a valid id: use lower-case letters, digits and underscores, starting with a letter"
        )
    return value


Id = Annotated[str, AfterValidator(_check_id)]
"""A stable machine id: lower_snake_case."""

Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


def _without_nul(value: str) -> str:
    """NUL characters (they come along with some pastes) mean nothing in text and no database stores them."""
    return value.replace("\x00", "")


ShortText = Annotated[str, AfterValidator(_without_nul), StringConstraints(max_length=2_000)]
LongText = Annotated[str, AfterValidator(_without_nul), StringConstraints(max_length=50_000)]

LText = dict[str, str]
"""Localized text: language code -> text. The catalog checks every declared language is present."""


def pick(text: LText | None, lang: str, fallback: str = "en") -> str:
    """The text in ``lang``, else the fallback language, else any language, else ''."""
    if not text:
        return ""
    if lang in text:
        return text[lang]
    if fallback in text:
        return text[fallback]
    return next(iter(text.values()))


class Strict(BaseModel):
    """Base for content models: unknown keys are an authoring mistake, not something to ignore."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Severity(StrEnum):
    blocker = "blocker"
    serious = "serious"
    caution = "caution"
    info = "info"

    @property
    def rank(self) -> int:
        return {"blocker": 3, "serious": 2, "caution": 1, "info": 0}[self.value]


class VerdictId(StrEnum):
    stop = "stop"
    resolve_first = "resolve_first"
    proceed_with_conditions = "proceed_with_conditions"
    ready = "ready"

    @property
    def rank(self) -> int:
        """Higher is worse."""
        return {"ready": 0, "proceed_with_conditions": 1, "resolve_first": 2, "stop": 3}[self.value]

    @staticmethod
    def for_severity(severity: Severity) -> VerdictId:
        return {
            Severity.blocker: VerdictId.stop,
            Severity.serious: VerdictId.resolve_first,
            Severity.caution: VerdictId.proceed_with_conditions,
            Severity.info: VerdictId.ready,
        }[severity]
