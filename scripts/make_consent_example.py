"""Make docs/examples/consent-record-example.json (and a receipt) through the code paths the app uses.

Run: .venv/bin/python scripts/make_consent_example.py
A throwaway in-memory store and link index; the maker's links through ``vigil.consent_service.issue_link`` (as
the relatives step does), the relatives' answers through ``vigil.consent_actions`` and the store (as their page
does). The times are today's.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from vigil.assessment_file import parse_assessment, to_json
from vigil.catalog import load_catalog
from vigil.consent_actions import record_answer, withdraw
from vigil.consent_plan import page_text
from vigil.consent_service import issue_link, remember
from vigil.consent_state import links
from vigil.models.consent_record import RecordedAnswer, Response, Signature, verify
from vigil.render.receipt import receipt
from vigil.store.links import LinkIndex
from vigil.store.sql import open_store

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "tests" / "scenarios" / "documentary-voice-widow-not-asked.json"
OUT = ROOT / "docs" / "examples"


def main() -> None:
    catalog = load_catalog()
    assessment, checklist = parse_assessment(SOURCE.read_bytes(), catalog)
    store = open_store("sqlite://")
    index = LinkIndex(store.engine)
    a = store.create(assessment)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    widow, agency = [p.id for p in a.answers["people"].people or []]
    a, _ = issue_link(store, index, checklist, a, widow, "de", now + dt.timedelta(days=14), now)
    a, _ = issue_link(store, index, checklist, a, agency, "en", now + dt.timedelta(days=14), now)
    by_person = {info.person: info.id for info in links(a.consent_record).values()}

    def answer(a, person, response, agreed, name, question=""):  # type: ignore[no-untyped-def]
        shown = page_text(checklist, a, links(a.consent_record)[by_person[person]].lang, now.date())
        asked = [i.id for i in shown.items]
        given = RecordedAnswer(response=response, asked=asked, agreed=asked if agreed is None else agreed,
                               question=question,
                               signature=Signature(full_name=name, declaration=True) if name else None)
        stored = store.save(record_answer(checklist, a, by_person[person], given, shown, now))
        remember(index, stored)
        return stored

    a = answer(a, widow, Response.question, [], "", "Wer hört die Aufnahmen, bevor der Film fertig ist?")
    a = answer(a, widow, Response.agrees_in_part, ["likeness", "voice"], "Katrin Weißmüller")
    a = answer(a, agency, Response.agrees, None, "Jonas Brandt")
    a = store.save(withdraw(checklist, a, by_person[agency], now))
    remember(index, a)
    assert verify(a.consent_record, index.anchor(a.id)) is None
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "consent-record-example.json").write_text(to_json(a), encoding="utf-8")
    maker = a.maker.name or a.meta.assessor
    (OUT / "consent-receipt-example.json").write_text(
        json.dumps(receipt(a, widow, maker), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUT / 'consent-record-example.json'} ({len(a.consent_record.entries)} entries)")


if __name__ == "__main__":
    main()
