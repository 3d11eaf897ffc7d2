"""The disclosure label kit: the words to put on the work, and how to label it on platforms and in the file.

The platform and C2PA facts come from Vigil's research brief (sections 3.5 and 3.6) with a source line each;
nothing marked unverified there is stated here as fact.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from vigil import i18n
from vigil.credentials.formats import FORMATS
from vigil.models.assessment import StampRecord
from vigil.render.facts import Facts
from vigil.render.text import doc, format_date, isolate

DIGITAL_SOURCE_TYPE = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"

PLATFORMS: tuple[tuple[str, str, int], ...] = (
    # (key, platform name, number of steps); the steps and the source line are document strings
    # (``doc.labels.<key>.step<n>``, ``doc.labels.<key>.source``), so a German kit cites in German
    ("youtube", "YouTube", 3),
    ("tiktok", "TikTok", 4),
    ("meta", "Meta (Facebook, Instagram, Threads)", 3),
)
C2PA_STEPS = 5


class PlatformGuide(BaseModel):
    model_config = ConfigDict(frozen=True)

    platform: str
    steps: list[str]
    source: str


class LabelKit(BaseModel):
    """Everything a maker needs to label the work, in one language."""

    model_config = ConfigDict(frozen=True)

    language: str
    on_screen: str
    """A short label to show on the work itself."""
    caption: str
    """A caption or description text for where the work is posted."""
    credits: str
    """A line for the credits."""
    consent_stated: bool
    """Whether the texts say the family consented (only when their agreement is recorded and settled)."""
    notes: list[str]
    """Why something is left out of the texts (e.g. consent not yet settled, dates unknown)."""
    platforms: list[PlatformGuide]
    c2pa_steps: list[str]
    c2pa_manifest: str
    """A manifest definition for c2patool, as JSON text."""
    c2pa_source: str
    stamped: list[str] = []
    """One line per Content Credentials stamp recorded on the assessment (``vigil stamp``)."""


def manifest_json() -> str:
    """A c2patool manifest definition that marks the file as made by a trained algorithm."""
    manifest = {
        "claim_generator": "vigil-label-kit",
        "assertions": [
            {
                "label": "c2pa.actions",
                "data": {"actions": [{"action": "c2pa.created", "digitalSourceType": DIGITAL_SOURCE_TYPE}]},
            }
        ],
    }
    return json.dumps(manifest, indent=1)


def _span(facts: Facts, lang: str) -> str:
    if facts.born and facts.died:
        return doc(lang, "labels.span_both", born=facts.born, died=facts.died)
    if facts.died:
        return doc(lang, "labels.span_died", died=facts.died)
    return ""


def stamp_lines(stamps: Sequence[StampRecord], lang: str) -> list[str]:
    """"Content Credentials were put on the finished file on ..." for each recorded stamp."""
    labels = {f.media_type: f.label for f in FORMATS}
    return [
        i18n.t(lang, "cred.doc.stamped", date=format_date(r.date, lang), format=labels.get(r.media_type, r.media_type),
               sha256=r.sha256[:16], signer=isolate(_common_name(r.signer)),
               fingerprint=r.assessment_fingerprint[:16])
        for r in stamps
    ]


def _common_name(subject: str) -> str:
    for part in subject.split(","):
        if part.startswith("CN="):
            return part[3:]
    return subject


def kit_from(facts: Facts, maker: str, lang: str, stamps: Sequence[StampRecord] = (), *,
             platforms: list[str] | None = None, provenance: bool = True) -> LabelKit:
    """Build the kit from facts already read. ``platforms`` limits the platform guides to those chosen (None: all);
    ``provenance`` False leaves out the C2PA steps (the plan does not call for a machine-readable mark, and no
    stamp is recorded)."""
    provenance = provenance or bool(stamps)
    name = isolate(facts.person_name) if facts.person_name else doc(lang, "labels.unnamed")
    subject = doc(lang, "labels.subject", name=name, span=_span(facts, lang))
    notes: list[str] = []
    if not facts.person_name:
        notes.append(doc(lang, "labels.note_no_name"))
    if not (facts.born and facts.died):
        notes.append(doc(lang, "labels.note_dates"))
    consent = facts.family_consent_settled
    if consent:
        credits = doc(lang, "labels.credits_consent", subject=subject)
        caption = doc(lang, "labels.caption_consent", subject=subject)
    else:
        credits = doc(lang, "labels.credits", subject=subject)
        caption = doc(lang, "labels.caption", subject=subject)
        notes.append(doc(lang, "labels.note_no_consent"))
    if maker.strip():
        credits = f"{credits} {doc(lang, 'labels.made_by', maker=isolate(maker.strip()))}"
    guides = [
        PlatformGuide(
            platform=title,
            steps=[doc(lang, f"labels.{key}.step{i}") for i in range(1, count + 1)],
            source=doc(lang, f"labels.{key}.source"),
        )
        for key, title, count in PLATFORMS
        if platforms is None or key in platforms
    ]
    return LabelKit(
        language=lang,
        on_screen=doc(lang, "labels.on_screen"),
        caption=caption,
        credits=credits,
        consent_stated=consent,
        notes=notes,
        platforms=guides,
        c2pa_steps=[doc(lang, f"labels.c2pa.step{i}") for i in range(1, C2PA_STEPS + 1)] if provenance else [],
        c2pa_manifest=manifest_json() if provenance else "",
        c2pa_source=doc(lang, "labels.c2pa.source") if provenance else "",
        stamped=stamp_lines(stamps, lang),
    )


def label_kit_text(kit: LabelKit) -> str:
    """The kit as plain text (for the command line)."""
    lang = kit.language
    lines = [
        doc(lang, "labels.on_screen_title") + ":", f"  {kit.on_screen}", "",
        doc(lang, "labels.caption_title") + ":", f"  {kit.caption}", "",
        doc(lang, "labels.credits_title") + ":", f"  {kit.credits}",
    ]
    if kit.notes:
        lines += ["", *[f"  ({n})" for n in kit.notes]]
    for p in kit.platforms:
        lines += ["", f"{p.platform}:"] + [f"  {i}. {s}" for i, s in enumerate(p.steps, 1)]
        lines.append(f"  {doc(lang, 'source')}: {p.source}")
    if kit.c2pa_steps:
        lines += ["", doc(lang, "labels.c2pa_title") + ":", *(f"  {line}" for line in kit.stamped)]
        lines += [f"  {i}. {s}" for i, s in enumerate(kit.c2pa_steps, 1)]
        lines += ["", *("  " + line for line in kit.c2pa_manifest.splitlines())]
        lines.append(f"  {doc(lang, 'source')}: {kit.c2pa_source}")
    return "\n".join(lines)
