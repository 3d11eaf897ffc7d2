"""The family consent form: a plain-language letter and a tick box per permission, for each relative."""

from __future__ import annotations

import datetime as dt
from typing import Any

from vigil.models.assessment import Assessment
from vigil.models.checklist import Checklist
from vigil.models.common import pick
from vigil.render.facts import Facts
from vigil.render.labels import LabelKit
from vigil.render.strings import template_strings
from vigil.render.text import doc, format_date, isolate

PERMISSIONS = ("likeness", "voice", "new_words", "public", "commercial", "retention")


def consent_payload(checklist: Checklist, assessment: Assessment, facts: Facts, kit: LabelKit,
                    lang: str, today: dt.date) -> dict[str, Any]:
    name = isolate(facts.person_name) if facts.person_name else doc(lang, "unknown_person")
    undecided = doc(lang, "undecided")
    maker = assessment.meta.assessor.strip()

    def value(v: str | None) -> str:
        return v if v else undecided

    plan = [
        (doc(lang, "consent.medium"), value(facts.medium)),
        (doc(lang, "consent.description", name=name), value(facts.description)),
        (doc(lang, "consent.new_words", name=name), value(facts.new_words)),
        (doc(lang, "consent.audience"), value(facts.audience)),
        (doc(lang, "consent.labelling"), doc(lang, "consent.labelling_value", label=kit.on_screen)),
        (doc(lang, "consent.commercial"), value(facts.commercial)),
        (doc(lang, "consent.retention"), value(facts.retention)),
        (doc(lang, "consent.withdrawal"), facts.withdrawal or doc(
            lang, "consent.withdrawal_default", maker=isolate(maker) or doc(lang, "consent.the_maker"))),
    ]
    # someone who has said no is not handed a form to sign: their no stands, and the form would press them
    signers = [{"name": isolate(p.name), "relation": p.relation} for p in facts.people if not p.declined]
    declined = [isolate(p.name) for p in facts.people if p.declined]
    if not facts.people:
        signers = [{"name": "", "relation": ""}, {"name": "", "relation": ""}]
    return {
        "lang": lang,
        "s": template_strings(lang),
        "doc_title": doc(lang, "consent.doc_title", name=facts.person_name or pick(checklist.title, lang)),
        "header": f"{doc(lang, 'consent.title')} · {name}",
        "to": doc(lang, "consent.to", name=name),
        "intro": doc(lang, "consent.intro", name=name),
        "plan": [{"label": k, "value": v} for k, v in plan],
        "permissions": [doc(lang, f"consent.perm.{p}", name=name) for p in PERMISSIONS],
        "signers": signers,
        "declined_note": doc(lang, "consent.declined", names=", ".join(declined)) if declined else "",
        "maker": maker,
        "closing": doc(lang, "consent.closing"),
        "regards": doc(lang, "consent.regards", maker=isolate(maker)),
        "prepared": doc(lang, "consent.prepared", date=format_date(today, lang)),
        "notice": pick(checklist.notice, lang),
    }
