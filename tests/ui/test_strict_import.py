"""The app's import box uses the strict reader: a calm message naming what is wrong, nothing stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.tiny import assessment, complete_fine
from tests.ui.support import assert_ok, start_app
from vigil.assessment_file import to_json
from vigil.models.assessment import FORMAT_VERSION
from vigil.store.sql import open_store

GOOD = to_json(assessment(**complete_fine()))


def _with(old: str, new: str) -> bytes:
    assert old in GOOD
    return GOOD.replace(old, new, 1).encode()


def _people(n: int) -> bytes:
    data = json.loads(GOOD)
    data["answers"]["relatives"]["people"] = [{"id": f"p{i}", "values": {}} for i in range(n)]
    return json.dumps(data).encode()


BAD = {
    "nan": (_with('"number": 80.0', '"number": NaN'), "holds NaN"),
    "huge_integer": (_with('"number": 80.0', '"number": ' + "9" * 5000), "5,000 digits"),
    "lone_surrogate": (_with('"title": ""', '"title": "Oma \\ud800"'), "broken character"),
    "duplicate_key": (_with('"revision": 0', '"revision": 0, "revision": 5'), "'revision' appears twice"),
    "byte_order_mark": (b"\xef\xbb\xbf" + GOOD.encode(), "byte-order mark"),
    "format_version_string": (_with(f'"format_version": {FORMAT_VERSION}', '"format_version": "1"'),
                              "whole number from 1"),
    "twenty_thousand_people": (_people(20_000), "lists 20,000 people"),
}


def _texts(at) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(str(e.value) for kind in ("warning", "text") for e in getattr(at, kind))


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_strict_refusal_is_a_calm_message_and_changes_nothing(name: str, tiny_checklists: Path) -> None:
    data, message = BAD[name]
    at = start_app()
    uploader = next(u for u in at.file_uploader if u.key and u.key.startswith("vigil.start.upload"))
    uploader.set_value((f"{name}.json", data, "application/json")).run()
    assert_ok(at)
    shown = _texts(at)
    assert "could not be opened" in shown
    assert message in shown
    assert open_store().list() == []
