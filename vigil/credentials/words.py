"""The words for what a file's Content Credentials say, shared by ``vigil verify`` and the app."""

from __future__ import annotations

import datetime as dt

from vigil import i18n
from vigil.credentials.manifest import IPTC
from vigil.credentials.verify import Status, Verification
from vigil.i18n.formats import format_date


def _date(value: object, lang: str) -> str:
    try:
        return format_date(dt.date.fromisoformat(str(value)), lang)
    except ValueError:
        return str(value)


def _source_label(lang: str, value: str | None) -> str:
    if value is None:
        return "-"
    short = value.removeprefix(IPTC)
    key = f"cred.source.{short}"
    return i18n.t(lang, key) if key in i18n.strings("en") else i18n.t(lang, "cred.source.other", value=value)


def verification_lines(v: Verification, lang: str) -> list[str]:
    """What a verification found, as lines of plain text in ``lang`` (text from the file made inert)."""
    t = i18n.t
    lines = [t(lang, f"cred.verify.{v.status.value}")]
    if v.status == Status.none:
        return lines
    if v.signer or v.issuer:
        signer = ", ".join(x for x in (v.signer, v.issuer) if x)
        lines.append(t(lang, "cred.verify.trusted" if v.trusted else "cred.verify.untrusted", signer=signer))
    lines += [t(lang, "cred.verify.problem", problem=p) for p in v.problems]
    if v.title:
        lines.append(t(lang, "cred.verify.title", title=v.title))
    if v.actions:
        action = " → ".join(t(lang, f"cred.action.{a}") if f"cred.action.{a}" in i18n.strings("en") else a
                            for a in v.actions)
        lines.append(t(lang, "cred.verify.action", action=action, source=_source_label(lang, v.digital_source_type)))
    a = v.assessment
    if a:
        checklist = a.get("checklist") or {}
        verdict = str(a.get("verdict", ""))
        verdict_label = i18n.t(lang, f"verdict.{verdict}") if f"verdict.{verdict}" in i18n.strings("en") else verdict
        lines.append(t(lang, "cred.verify.assessment", reference=a.get("reference", ""),
                       checklist=checklist.get("id", ""), version=checklist.get("version", ""),
                       verdict=verdict_label, date=_date(a.get("stamped_on"), lang)))
        lines.append(t(lang, "cred.verify.fingerprint",
                       fingerprint=(a.get("assessment_fingerprint") or {}).get("hash", "")))
        if a.get("consent_record"):
            lines.append(t(lang, "cred.verify.consent", hash=(a.get("consent_record") or {}).get("hash", "")))
    if v.training_opt_out:
        lines.append(t(lang, "cred.verify.training"))
    return [_printable(line) for line in lines]


def _printable(text: str) -> str:
    """Text from a file shown in a terminal: control characters (escape sequences) made visible."""
    return "".join(c if c.isprintable() or c == " " else f"\\x{ord(c):02x}" for c in text)
