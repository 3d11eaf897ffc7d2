"""Upgrades of the assessment file format: one function per format version, applied in order on the raw JSON
before it is validated. The file reader and the store call ``upgrade``; a version newer than this code is
refused (never rewritten in the older format).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from vigil.models.assessment import FORMAT_VERSION

Raw = dict[str, Any]


class NewerFormatError(ValueError):
    """The data was written by a newer Vigil."""

    def __init__(self, version: int) -> None:
        self.version = version
        super().__init__(
            f"this file was written by a newer Vigil (format version {version}); this Vigil reads version "
            f"{FORMAT_VERSION}. Please update Vigil to open it."
        )


# --------------------------------------------------------------------------- 1 -> 2

# Version 1 asked the maker for each person's "legal standing"; version 2 records facts only (relation and
# roles) and works out who must consent from the law. A standing that names a role becomes that role; the
# others ("consent required", "no formal standing", "unknown") were conclusions Vigil now draws itself.
_V1_STANDING_ROLES = {"heir": "heir", "rights_holder": "licence_holder"}
# Relations that were roles, and the one relation that is now two options.
_V1_RELATIONS: dict[str, tuple[str, str | None]] = {
    "spouse_partner": ("spouse", None),
    "heir_estate": ("other", "heir"),
    "licensee_agency": ("other", "licence_holder"),
}


def _person_v1_to_v2(values: Raw) -> Raw:
    out = {k: v for k, v in values.items() if k != "standing"}
    roles: list[str] = []
    relation = values.get("relation")
    if isinstance(relation, str) and relation in _V1_RELATIONS:
        out["relation"], role = _V1_RELATIONS[relation]
        if role:
            roles.append(role)
    standing = values.get("standing")
    if isinstance(standing, str) and standing in _V1_STANDING_ROLES:
        role = _V1_STANDING_ROLES[standing]
        if role not in roles:
            roles.append(role)
    if roles:
        out["roles"] = roles
    return out


# Version 1 also asked whether the commissioner "has a legal say"; version 2 asks for their roles (facts) and works
# out the say from them and their relation. A mandate is a role; "no" is "none of these"; "a relative or heir with
# a say" is the role "heir" for someone who is not family (for family, the relation carries the say and the roles
# are left for the maker to answer).
_FAMILY_COMMISSIONERS = {"close_family", "other_relative", "estate_or_heir"}


def _commissioner_v1_to_v2(answers: Raw) -> None:
    standing = answers.pop("commissioner_standing", None)
    if not isinstance(standing, dict):
        return
    commissioner = answers.get("commissioner")
    relation = commissioner.get("choice") if isinstance(commissioner, dict) else None
    roles = {"acting_for_holder": ["mandate"], "no_standing": ["none"]}.get(str(standing.get("choice")))
    if standing.get("choice") == "rights_holder" and relation not in _FAMILY_COMMISSIONERS:
        roles = ["heir"]
    rest = {k: v for k, v in standing.items() if k != "choice"}
    if roles is None and not any(rest.get(k) for k in ("dont_know", "note", "evidence")):
        return
    # a "don't know", the note and the evidence stay with the answer that takes its place
    answers["commissioner_roles"] = {**rest, "choices": roles}


def _v1_to_v2(raw: Raw) -> Raw:
    answers = raw.get("answers")
    if isinstance(answers, dict):
        _commissioner_v1_to_v2(answers)
        for answer in answers.values():
            people = answer.get("people") if isinstance(answer, dict) else None
            if not isinstance(people, list):
                continue
            for person in people:
                if isinstance(person, dict) and isinstance(person.get("values"), dict):
                    person["values"] = _person_v1_to_v2(person["values"])
    return {**raw, "format_version": 2}


UPGRADES: dict[int, Callable[[Raw], Raw]] = {1: _v1_to_v2}
"""From format version N to N + 1."""


def upgrade(raw: Raw) -> Raw:
    """``raw`` in the current format version. Anything that is not a version number is left for validation."""
    version = raw.get("format_version", 1)
    if not isinstance(version, int) or isinstance(version, bool):
        return raw
    if version > FORMAT_VERSION:
        raise NewerFormatError(version)
    while version < FORMAT_VERSION and version in UPGRADES:
        raw = UPGRADES[version](raw)
        version += 1
    return raw
