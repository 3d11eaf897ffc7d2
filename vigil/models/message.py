"""A message: what the pure layer says, as a key and typed parameters, never as words.

The engine and the consent derivation describe a finding (or a person's result) as a ``Message``; the edges (the
app, the documents, the command line) turn it into words in the user's language with ``vigil.i18n.words``. A
parameter is plain data, an authored ``LText`` (picked per language), a nested ``Message``, a ``Joined`` list (the
separators and the word for "and" belong to the language) or a ``Label`` (an option label inside a sentence,
which some languages write in lower case).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from vigil.models.common import LText


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Message(_Frozen):
    """The interface string ``key`` (``vigil/i18n/<lang>/*.json``) with its parameters."""

    key: str
    params: dict[str, Param] = Field(default_factory=dict)


JoinHow = Literal["and", "or", "list", "status", "sentences"]
"""How items are joined: "a, b and c", "a or b", "a, b", "a; b", or sentences one after the other."""


class Joined(_Frozen):
    """Items joined the way the language joins them (``consent.and``, ``consent.or``, ``consent.list_separator``,
    ``consent.status_separator``, ``consent.sentences``)."""

    items: list[Param]
    how: JoinHow


class Label(_Frozen):
    """An option label (a relation, a role) inside a sentence: in lower case where the language writes it so
    (``consent.relation_lower``). ``text`` is the authored label, or the raw option id when it has none."""

    text: LText | str


Param = str | int | float | LText | Message | Joined | Label
"""What a message's parameter can be."""

Text = LText | Message | Joined
"""A text of a result: authored (``LText``, e.g. a checklist rule's message) or said by the pure layer."""


def message(key: str, /, **params: Param) -> Message:
    """``Message(key, params)``, written like a call to ``i18n.t``."""
    return Message(key=key, params=params)


Message.model_rebuild()
Joined.model_rebuild()
