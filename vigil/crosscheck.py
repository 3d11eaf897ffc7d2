"""Whether a checklist's items fit together: ids unique and existing, conditions naming what exists and fits,
document bindings, every string in every declared language. Problems carry their path in the file; the catalog
turns paths into line numbers only when there are problems to show."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel

from vigil.lawcheck import law_problems
from vigil.models.checklist import CHOICE_KINDS, Checklist, PeopleFieldKind, Question, QuestionKind
from vigil.models.common import Loc
from vigil.models.conditions import Condition, Ref, references
from vigil.models.kinds import kinds_holding, spec
from vigil.support import support_problems

ProblemKind = Literal["yaml", "schema", "reference", "translation", "unreachable"]



@dataclass
class CrossChecker:
    """Checks that the items fit together; problems are kept with their path, located later if there are any."""

    checklist: Checklist
    problems: list[tuple[Loc, str, ProblemKind]] = field(default_factory=list)

    def report(self, loc: Loc, message: str, kind: ProblemKind = "reference") -> None:
        self.problems.append((loc, message, kind))

    def run(self) -> list[tuple[Loc, str, ProblemKind]]:
        self.check_unique_ids()
        self.check_questions()
        self.check_conditions()
        self.check_refs_elsewhere()
        self.check_documents()
        for loc, message in [*law_problems(self.checklist), *support_problems(self.checklist)]:
            self.report(loc, message)
        self.check_translations(self.checklist, ())
        return self.problems

    # ids ----------------------------------------------------------------
    def check_unique_ids(self) -> None:
        c = self.checklist
        groups: list[tuple[str, list[tuple[Loc, str]]]] = [
            ("dimension", [(("dimensions", i, "id"), d.id) for i, d in enumerate(c.dimensions)]),
            ("section", [(("sections", i, "id"), s.id) for i, s in enumerate(c.sections)]),
            ("question", [(("sections", i, "questions", j, "id"), q.id)
                          for i, s in enumerate(c.sections) for j, q in enumerate(s.questions)]),
            ("rule", [(("rules", i, "id"), r.id) for i, r in enumerate(c.rules)]),
            ("source", [(("sources", i, "id"), s.id) for i, s in enumerate(c.sources)]),
            ("jurisdiction", [(("jurisdictions", i, "id"), j.id) for i, j in enumerate(c.jurisdictions)]),
            ("example", [(("examples", i, "id"), e.id) for i, e in enumerate(c.examples)]),
        ]
        for i, s in enumerate(c.sections):
            for j, q in enumerate(s.questions):
                base: Loc = ("sections", i, "questions", j)
                groups.append(("option", [((*base, "options", k, "id"), o.id) for k, o in enumerate(q.options)]))
                groups.append(("field", [((*base, "fields", k, "id"), f.id) for k, f in enumerate(q.fields)]))
                for k, f in enumerate(q.fields):
                    groups.append(("option", [((*base, "fields", k, "options", m, "id"), o.id)
                                              for m, o in enumerate(f.options)]))
        for what, items in groups:
            seen: set[str] = set()
            for loc, ident in items:
                if ident in seen:
                    self.report(loc, f"the {what} id {ident!r} is used twice; ids must be unique")
                seen.add(ident)

    # questions -------------------------------------------------------------
    def check_questions(self) -> None:
        c = self.checklist
        dims = {d.id for d in c.dimensions}
        for i, s in enumerate(c.sections):
            for j, q in enumerate(s.questions):
                base: Loc = ("sections", i, "questions", j)
                if q.dimension not in dims:
                    self.report((*base, "dimension"), f"no dimension {q.dimension!r}; known: {sorted(dims)}")
                self.check_ids(base, "sources", q.sources, {x.id for x in c.sources}, "source")
                self.check_ids(base, "examples", q.examples, {x.id for x in c.examples}, "example")
                if spec(q.kind).authored_options and len(q.options) < 2:
                    self.report((*base, "options"), f"a {q.kind.value} question needs at least two options")
                if not spec(q.kind).authored_options and q.options:
                    self.report((*base, "options"), f"a {q.kind.value} question takes no options"
                                + (" (yes, no and not applicable are built in)" if q.kind == "yes_no" else ""))
                if spec(q.kind).authored_fields and not q.fields:
                    self.report((*base, "fields"), "a people register needs its fields (name, relation, ...)")
                if not spec(q.kind).authored_fields and q.fields:
                    self.report((*base, "fields"), "only a people register has fields")
                for k, f in enumerate(q.fields):
                    if f.kind in (PeopleFieldKind.single_choice, PeopleFieldKind.multi_choice) and len(f.options) < 2:
                        self.report((*base, "fields", k, "options"), f"a {f.kind.value} field needs two options")
                if (q.min is not None or q.max is not None) and spec(q.kind).field != "number":
                    self.report((*base, "min" if q.min is not None else "max"),
                                "min and max apply to number questions only")

    def check_ids(self, base: Loc, key: str, ids: Sequence[str], known: set[str], what: str) -> None:
        for k, ident in enumerate(ids):
            if ident not in known:
                self.report((*base, key, k), f"no {what} {ident!r} in this checklist")

    def check_refs_elsewhere(self) -> None:
        c = self.checklist
        dims = {d.id for d in c.dimensions}
        sources = {x.id for x in c.sources}
        examples = {x.id for x in c.examples}
        for i, r in enumerate(c.rules):
            if r.dimension not in dims:
                self.report(("rules", i, "dimension"), f"no dimension {r.dimension!r}; known: {sorted(dims)}")
            self.check_ids(("rules", i), "sources", r.sources, sources, "source")
            self.check_ids(("rules", i), "examples", r.examples, examples, "example")
        for i, j in enumerate(c.jurisdictions):
            self.check_ids(("jurisdictions", i), "sources", j.sources, sources, "source")
        for i, e in enumerate(c.examples):
            self.check_ids(("examples", i), "sources", e.sources, sources, "source")

    # conditions ------------------------------------------------------------
    def _conditions(self) -> Iterator[tuple[Loc, Condition, set[str] | None]]:
        """Every condition with its location and the questions it may name (None: any question)."""
        c = self.checklist
        earlier: set[str] = set()
        for i, s in enumerate(c.sections):
            if s.visible_if is not None:
                yield ("sections", i, "visible_if"), s.visible_if, set(earlier)
            for j, q in enumerate(s.questions):
                if q.visible_if is not None:
                    yield ("sections", i, "questions", j, "visible_if"), q.visible_if, set(earlier)
                earlier.add(q.id)
        for i, r in enumerate(c.rules):
            yield ("rules", i, "when"), r.when, None
        for i, jur in enumerate(c.jurisdictions):
            yield ("jurisdictions", i, "relevant_if"), jur.relevant_if, None
        if c.law is not None:
            facts = c.law.facts
            yield ("law", "facts", "public"), facts.public, None
            yield ("law", "facts", "commercial"), facts.commercial, None
            for key in ("distribution", "surprise"):
                if getattr(facts, key) is not None:
                    yield ("law", "facts", key), getattr(facts, key), None
            for aspect, cond in facts.aspects.items():
                yield ("law", "facts", "aspects", aspect.value), cond, None
            for i, right in enumerate(c.law.rights):
                if right.applies_if is not None:
                    yield ("law", "rights", i, "applies_if"), right.applies_if, None
                if right.waived_if is not None:
                    yield ("law", "rights", i, "waived_if"), right.waived_if, None
            for i, duty in enumerate(c.law.duties):
                yield ("law", "duties", i, "applies_if"), duty.applies_if, None
                if duty.met_if is not None:
                    yield ("law", "duties", i, "met_if"), duty.met_if, None

    def check_conditions(self) -> None:
        questions = {q.id: q for q in self.checklist.questions()}
        for loc, cond, allowed in self._conditions():
            for ref in references(cond):
                self.check_ref(loc, ref, questions, allowed)

    def check_ref(self, loc: Loc, ref: Ref, questions: dict[str, Any], allowed: set[str] | None) -> None:
        where = (*loc, *ref.path)
        q = questions.get(ref.question)
        if q is None:
            self.report(where, f"no question {ref.question!r} in this checklist")
            return
        if allowed is not None and ref.question not in allowed:
            self.report(where, f"visible_if may only name questions asked before this one; "
                               f"{ref.question!r} comes later (or is this question itself)")
        expected = None if ref.expects == "any" else CHOICE_KINDS if ref.expects == "choice" else kinds_holding(
            ref.expects)
        if expected is not None and q.kind not in expected:
            self.report(where, f"{ref.question!r} is a {q.kind.value} question; this condition needs "
                               + " or ".join(k.value for k in expected))
            return
        if ref.expects == "choice":
            for v in ref.values:
                if v not in q.option_ids():
                    self.report(where, f"{ref.question!r} has no option {v!r}; options: {list(q.option_ids())}")
        if ref.field is not None:
            fld = next((f for f in q.fields if f.id == ref.field), None)
            if fld is None:
                self.report(where, f"the register {ref.question!r} has no field {ref.field!r}")
            elif fld.options:
                opts = [o.id for o in fld.options]
                for v in ref.values:
                    if v not in opts:
                        self.report(where, f"field {ref.field!r} has no option {v!r}; options: {opts}")

    # document bindings -------------------------------------------------------
    def check_documents(self) -> None:
        c = self.checklist
        questions = {q.id: q for q in c.questions()}
        kinds = {
            "person_name": (QuestionKind.short_text,),
            "born": (QuestionKind.date, QuestionKind.number, QuestionKind.short_text),
            "died": (QuestionKind.date, QuestionKind.number, QuestionKind.short_text),
            "people": (QuestionKind.people,),
            "commissioner": (QuestionKind.short_text, QuestionKind.single_choice),
            "medium": (QuestionKind.multi_choice, QuestionKind.single_choice),
            "label": (QuestionKind.single_choice,),
            "retention_date": (QuestionKind.date,),
            "withdrawal_contact": (QuestionKind.short_text, QuestionKind.long_text),
        }
        bindings = c.documents.model_dump()
        for key, qid in bindings.items():
            if not isinstance(qid, str) or key.startswith("people_"):
                continue
            q = questions.get(qid)
            if q is None:
                self.report(("documents", key), f"no question {qid!r} in this checklist")
            elif key in kinds and q.kind not in kinds[key]:
                self.report(("documents", key), f"{qid!r} is a {q.kind.value} question; expected "
                                                 + " or ".join(k.value for k in kinds[key]))
        self._check_meanings(questions)
        register = questions.get(c.documents.people or "")
        position = next((f for f in register.fields if f.id == c.documents.people_position_field), None) \
            if register is not None else None
        for key in ("people_declined_options", "people_agreed_options"):
            for i, option in enumerate(getattr(c.documents, key)):
                if position is None or option not in {o.id for o in position.options}:
                    self.report(("documents", key, i),
                                f"the people register's position field has no option {option!r}")
        for key in ("people_name_field", "people_relation_field", "people_position_field"):
            fid = bindings[key]
            if fid is None:
                continue
            if register is None or fid not in {f.id for f in register.fields}:
                self.report(("documents", key), f"the people register has no field {fid!r}")

    def _check_meanings(self, questions: dict[str, Question]) -> None:
        b = self.checklist.documents
        owner = {"silent_media": b.medium, "voice_media": b.medium, "no_words": b.new_words,
                 "own_words": b.new_words, "new_words": b.new_words, "private_audience": b.audience,
                 "commercial_audience": b.audience, "no_label": b.label, "fixed_date": b.retention,
                 "no_withdrawal": b.withdrawal}
        for key, ids in b.meanings.model_dump().items():
            q = questions.get(owner[key] or "")
            for i, oid in enumerate(ids):
                if q is None or oid not in q.option_ids():
                    self.report(("documents", "meanings", key, i),
                                f"the question bound for this meaning has no option {oid!r}")

    # translations ------------------------------------------------------------
    def check_translations(self, model: BaseModel, loc: Loc) -> None:
        langs = self.checklist.languages
        for name, info in type(model).model_fields.items():
            value = getattr(model, name)
            key = info.alias or name
            self._check_value(value, (*loc, key), langs)

    def _check_value(self, value: Any, loc: Loc, langs: list[str]) -> None:
        if isinstance(value, BaseModel):
            self.check_translations(value, loc)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                self._check_value(item, (*loc, i), langs)
        elif isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values()):
            for lang in langs:
                if not value.get(lang, "").strip():
                    self.report(loc, f"the {lang!r} text is missing", "translation")
            for lang in value:
                if lang not in langs:
                    self.report(loc, f"language {lang!r} is not declared in 'languages' {langs}", "translation")
