"""Shared building blocks of the checklist and assessment models."""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum, auto
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints

from vigil.models.limits import LONG_TEXT_MAX, SHORT_TEXT_MAX

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


# Invisible format characters that come along with pastes and mean nothing in a name or a note, and that no
# font draws (a document must name a glyph for every character): the byte-order mark / zero-width no-break
# space, zero-width space, word joiner and invisible operators, Mongolian vowel separator, interlinear annotation
# marks and the language tag. Kept: zero-width (non-)joiner, the direction marks, embeddings and isolates (they
# change how Persian, Indic and right-to-left text and emoji sequences are written; the documents show them
# literally) and the visible format characters (Arabic number signs, soft hyphen).
_INVISIBLE = re.compile("[\x00\u180e\u200b\u2060-\u2064\ufeff\ufff9-\ufffb\U000e0001]")


def clean_text(value: str) -> str:
    """Text as the user meant it: NUL and invisible format characters removed (``_INVISIBLE``).

    Raises ``ValueError`` for a character that is not a character: a code point Unicode has not assigned (no
    font can show it) or half of a UTF-16 surrogate pair (a broken copy; no file or database can store it).
    """
    value = _INVISIBLE.sub("", value)
    if not value.isascii():
        for ch in value:
            category = unicodedata.category(ch)
            if category == "Cs":
                raise ValueError(f"holds a broken character (U+{ord(ch):04X}, half of a pair); please retype it")
            if category == "Cn":
                raise ValueError(f"holds U+{ord(ch):04X}, which is not a character in Unicode "
                                 f"{unicodedata.unidata_version}; please remove it")
    return value


ShortText = Annotated[str, AfterValidator(clean_text), StringConstraints(max_length=SHORT_TEXT_MAX)]
LongText = Annotated[str, AfterValidator(clean_text), StringConstraints(max_length=LONG_TEXT_MAX)]

LText = dict[str, str]
"""Localized text: language code -> text. The catalog checks every declared language is present."""

Loc = tuple[str | int, ...]
"""Where something is in a checklist file, as the path of keys and list positions that leads to it."""


def isolate(text: str) -> str:
    """User text wrapped in Unicode first-strong isolates, so a right-to-left name cannot reorder the
    words and numbers around it ("of فاطمة (1941–2024)" keeps its years in order). Text with no
    right-to-left character is returned as it is."""
    if any(unicodedata.bidirectional(c) in ("R", "AL", "RLE", "RLO", "RLI") for c in text):
        return f"\u2068{text}\u2069"
    return text


def pick(text: LText | None, lang: str, fallback: str = "en") -> str:
    """The text in ``lang``, else the fallback language, else any language, else ''."""
    if not text:
        return ""
    if lang in text:
        return text[lang]
    if fallback in text:
        return text[fallback]
    return next(iter(text.values()))


class Frozen(BaseModel):
    """Base for values Vigil works out (results, states, read-backs): immutable once made."""

    model_config = ConfigDict(frozen=True)


class Strict(BaseModel):
    """Base for content models: unknown keys are an authoring mistake, not something to ignore."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class WorstFirst(StrEnum):
    """A scale whose members are declared worst first: ``rank`` is higher for worse, 0 for the last."""

    @property
    def rank(self) -> int:
        members = list(type(self))
        return len(members) - 1 - members.index(self)


class Severity(WorstFirst):
    blocker = auto()
    serious = auto()
    caution = auto()
    info = auto()


class VerdictId(WorstFirst):
    stop = auto()
    resolve_first = auto()
    proceed_with_conditions = auto()
    ready = auto()

    @staticmethod
    def for_severity(severity: Severity) -> VerdictId:
        return {
            Severity.blocker: VerdictId.stop,
            Severity.serious: VerdictId.resolve_first,
            Severity.caution: VerdictId.proceed_with_conditions,
            Severity.info: VerdictId.ready,
        }[severity]
