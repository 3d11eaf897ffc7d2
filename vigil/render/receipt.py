"""A consent receipt for one person: their latest answer as a JSON-LD document shaped like the consent records and
receipts of ISO/IEC TS 27560:2023 as the W3C Data Privacy Vocabulary (DPV) guide implements them.

Unconfirmed: the standard itself is not public; the field names follow the DPVCG guide "Consent Records and
Receipts as per ISO/IEC TS 27560:2023 using DPV" (2024) and its examples, and the receipt has not been validated
against the DPV schemas. The ``vigil:`` fields are Vigil's own: the entry's place in the hash chain, so a receipt
can be checked against the record (``vigil consent-record FILE --expect <entry hash>``).
"""

from __future__ import annotations

from typing import Any

from vigil.models.assessment import Assessment
from vigil.models.consent_record import ConsentEntry, EntryKind, Response
from vigil.render.consent import PERMISSIONS

CONTEXT = {
    "dpv": "https://w3id.org/dpv#",
    "dct": "http://purl.org/dc/terms/",
    "vigil": "urn:vigil:consent:",
}
_STATUS = {
    Response.agrees: "dpv:ConsentGiven",
    Response.agrees_in_part: "dpv:ConsentGiven",
    Response.objects: "dpv:ConsentRefused",
    Response.needs_time: "dpv:ConsentRequested",
    Response.question: "dpv:ConsentRequested",
}


def latest_entry(assessment: Assessment, person: str) -> ConsentEntry | None:
    found = [e for e in assessment.consent_record.entries if e.person == person
             and e.kind in (EntryKind.answer_recorded, EntryKind.withdrawn)]
    return found[-1] if found else None


def receipt(assessment: Assessment, person: str, maker: str) -> dict[str, Any] | None:
    """The receipt of ``person``'s latest answer or withdrawal; None when they have not answered."""
    entry = latest_entry(assessment, person)
    if entry is None:
        return None
    answer = entry.answer
    status = "dpv:ConsentWithdrawn" if answer is None else _STATUS[answer.response]
    agreed = answer.agreed if answer is not None else []
    return {
        "@context": CONTEXT,
        "@type": "dpv:ConsentReceipt",
        "dct:identifier": f"{assessment.id}-{entry.seq}",
        "dct:conformsTo": "https://w3id.org/dpv/schema/dpv-27560#receipt",
        "dct:created": entry.at.isoformat(),
        "dct:publisher": maker,
        "dpv:hasRecordOfActivity": {
            "@type": "dpv:ConsentRecord",
            "dct:identifier": f"{assessment.id}/{person}",
            "dct:conformsTo": "https://w3id.org/dpv/schema/dpv-27560#record",
            "dpv:hasConsentStatus": status,
            "dpv:isIndicatedBy": answer.signature.full_name if answer is not None and answer.signature else "",
            "dpv:isIndicatedAtTime": entry.at.isoformat(),
            "dpv:hasIndicationMethod": "simple electronic signature (typed full name and a ticked declaration)"
            if answer is not None and answer.signature else "",
            "dpv:hasPurpose": [{"dct:identifier": item, "vigil:agreed": item in agreed} for item in PERMISSIONS],
            "dpv:hasNotice": {"vigil:sha256": entry.shown_sha256, "dct:language": entry.lang},
            "vigil:question": answer.question if answer is not None else "",
            "vigil:channel": answer.channel if answer is not None else "",
        },
        "vigil:chain": {
            "assessment": assessment.id,
            "seq": entry.seq,
            "entry_hash": entry.hash,
            "prev": entry.prev,
            "plan_fingerprint": entry.plan_fingerprint,
        },
    }
