"""The plan in statements: what will be made, of whom, for whom, and what happens to it, from the answers alone.

One function (``build_plan``) reads the checklist's document bindings and the visible answers and returns typed
statements in the reader's language. The consent form, the family summary and the report all state the plan
through it. A statement whose answer is missing reads "not yet decided"; nothing is said by default. What the plan
includes, rules out or leaves open (voice, new words, sharing beyond the family, commercial use) is kept as a
``Known`` value, so a document asks only about what the plan includes or cannot rule out.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from vigil.models.assessment import Answer
from vigil.models.checklist import Checklist, Question
from vigil.render.text import answer_text, doc, format_date, isolate, year_of


class Known(StrEnum):
    """What the answers say about one part of the plan."""

    yes = "yes"
    no = "no"
    open = "open"
    """Not answered, or answered in a way that does not rule it in or out."""


class Topic(StrEnum):
    made = "made"
    description = "description"
    of_whom = "of_whom"
    audience = "audience"
    platforms = "platforms"
    words = "words"
    voice = "voice"
    label = "label"
    commercial = "commercial"
    keep_source = "keep_source"
    keep_model = "keep_model"
    keep_work = "keep_work"
    deletion = "deletion"
    withdraw_who = "withdraw_who"
    withdraw_contact = "withdraw_contact"
    withdraw_from = "withdraw_from"
    withdraw_copies = "withdraw_copies"


KEEPING = (Topic.keep_source, Topic.keep_model, Topic.keep_work, Topic.deletion)
WITHDRAWING = (Topic.withdraw_who, Topic.withdraw_contact, Topic.withdraw_from, Topic.withdraw_copies)


class Statement(BaseModel):
    model_config = ConfigDict(frozen=True)

    topic: Topic
    label: str
    """What the statement is about, in the reader's language ("Who will see it")."""
    text: str
    """What the answers say, or "not yet decided"."""
    decided: bool


class Plan(BaseModel):
    model_config = ConfigDict(frozen=True)

    lang: str
    person_name: str | None
    """The person's name as entered (not isolated), or None."""
    statements: list[Statement]
    likeness: Known
    voice: Known
    new_words: Known
    beyond_family: Known
    commercial: Known
    retention_decided: bool
    """Whether the answers say how long the source material and models are kept."""
    withdrawal_offered: Known
    platforms: list[str]
    """The option ids of the platforms chosen (empty when none are, or it is family only)."""
    provenance: Known
    """Whether the files will carry a machine-readable mark of being AI-made."""

    def get(self, topic: Topic) -> Statement | None:
        return next((s for s in self.statements if s.topic == topic), None)

    def part(self, topics: tuple[Topic, ...]) -> list[Statement]:
        return [s for s in self.statements if s.topic in topics]


def _choices(answer: Answer | None) -> list[str]:
    if answer is None or not answer.is_answered:
        return []
    if answer.choices:
        return list(answer.choices)
    return [answer.choice] if answer.choice else []


def build_plan(checklist: Checklist, questions: dict[str, Question], answers: dict[str, Answer],
               lang: str) -> Plan:
    """The plan from the visible questions (``questions``, by id) and their effective answers."""
    b = checklist.documents
    m = b.meanings
    undecided = doc(lang, "undecided")

    def bound(qid: str | None) -> tuple[Question, Answer] | None:
        """The visible question and its answer, when it is answered (a "don't know" is not an answer)."""
        if qid is None or qid not in questions:
            return None
        answer = answers.get(qid)
        if answer is None or not answer.is_answered:
            return None
        return questions[qid], answer

    def words_of(qid: str | None) -> str | None:
        got = bound(qid)
        return None if got is None else (answer_text(got[0], got[1], lang).strip() or None)

    def picked(qid: str | None) -> list[str]:
        got = bound(qid)
        return [] if got is None else _choices(got[1])

    name = words_of(b.person_name)
    shown = isolate(name) if name else doc(lang, "unknown_person")
    statements: list[Statement] = []

    def say(topic: Topic, text: str | None, **params: object) -> None:
        statements.append(Statement(topic=topic, label=doc(lang, f"plan.{topic.value}", name=shown, **params),
                                    text=text if text else undecided, decided=bool(text)))

    # what, of whom ------------------------------------------------------------------------------------------
    media = picked(b.medium)
    say(Topic.made, words_of(b.medium))
    say(Topic.description, words_of(b.description))
    of_whom = None
    if name:
        born, died = (year_of(questions[q], answers.get(q)) if q and q in questions else None
                      for q in (b.born, b.died))
        span = f" ({born}–{died})" if born and died else (f" (†{died})" if died else "")
        of_whom = f"{isolate(name)}{span}"
    say(Topic.of_whom, of_whom)

    # for whom -------------------------------------------------------------------------------------------------
    audience = picked(b.audience)
    say(Topic.audience, words_of(b.audience))
    beyond = Known.open
    if audience:
        beyond = Known.no if all(a in m.private_audience for a in audience) else Known.yes
    platforms = picked(b.platforms) if beyond != Known.no else []
    if beyond != Known.no:
        say(Topic.platforms, words_of(b.platforms))
    mark = picked(b.provenance)
    provenance = Known.yes if "yes" in mark else Known.no if "no" in mark else Known.open

    # words and voice ------------------------------------------------------------------------------------------
    words = picked(b.new_words)
    new_words = Known.open
    if words:
        if any(w in m.new_words for w in words):
            new_words = Known.yes
        elif all(w in m.no_words or w in m.own_words for w in words):
            new_words = Known.no
    say(Topic.words, words_of(b.new_words))

    voice = Known.open
    if media and any(x in m.voice_media for x in media):
        voice = Known.yes
    elif (media and all(x in m.silent_media for x in media)) or (words and all(w in m.no_words for w in words)):
        voice = Known.no
    voice_text = None if voice == Known.open else doc(lang, f"plan.voice_{voice.value}", name=shown)
    say(Topic.voice, voice_text)
    likeness = Known.open
    if media:
        likeness = Known.no if all(x in m.voice_media for x in media) else Known.yes

    # label ------------------------------------------------------------------------------------------------------
    say(Topic.label, words_of(b.label))

    # commercial use ---------------------------------------------------------------------------------------------
    commercial = Known.open
    paid = picked(b.commercial)
    if any(a in m.commercial_audience for a in audience) or "yes" in paid:
        commercial = Known.yes
    elif "no" in paid:
        commercial = Known.no
    commercial_text = None if commercial == Known.open else doc(lang, f"plan.commercial_{commercial.value}")
    if commercial == Known.open and paid:
        commercial_text = words_of(b.commercial)
    say(Topic.commercial, commercial_text)

    # what is kept, for how long, deleted how ----------------------------------------------------------------
    kept = words_of(b.retention)
    if kept and any(r in m.fixed_date for r in picked(b.retention)):
        date = bound(b.retention_date)
        kept = (doc(lang, "plan.until_date", date=format_date(date[1].date, lang))
                if date is not None and date[1].date is not None else None)
    say(Topic.keep_source, kept)
    say(Topic.keep_model, kept)
    say(Topic.keep_work, words_of(b.work_retention))
    say(Topic.deletion, words_of(b.deletion))

    # how to withdraw ---------------------------------------------------------------------------------------
    who = picked(b.withdrawal)
    offered = Known.open if not who else (Known.no if all(w in m.no_withdrawal for w in who) else Known.yes)
    say(Topic.withdraw_who, words_of(b.withdrawal))
    if offered != Known.no:
        say(Topic.withdraw_contact, words_of(b.withdrawal_contact))
        say(Topic.withdraw_from, words_of(b.withdrawal_effect))
        say(Topic.withdraw_copies, words_of(b.shared_copies))

    return Plan(lang=lang, person_name=name, statements=statements, likeness=likeness, voice=voice,
                new_words=new_words, beyond_family=beyond, commercial=commercial,
                retention_decided=kept is not None, withdrawal_offered=offered, platforms=platforms,
                provenance=provenance)
