"""Shared fixtures: a data folder of its own per test, the shipped scenarios, local signing material."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from vigil.assessment_file import read_assessment
from vigil.catalog import load_catalog
from vigil.credentials.certs import SigningMaterial, local_material
from vigil.engine import evaluate
from vigil.models.assessment import Assessment
from vigil.models.checklist import Checklist
from vigil.models.results import Evaluation

TODAY = dt.date(2026, 12, 1)
SCENARIOS = Path(__file__).parent.parent / "scenarios"
READY = "private-animated-photo-recorded-consent.json"
RESOLVE_FIRST = "funeral-clip-wishes-unknown.json"
STOP = "soldier-farewell-mother-objects.json"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "vigil-data"
    monkeypatch.setenv("VIGIL_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def local() -> SigningMaterial:
    return local_material(dt.datetime.now(dt.UTC))


def scenario(name: str) -> tuple[Assessment, Checklist, Evaluation]:
    assessment, checklist = read_assessment(SCENARIOS / name, load_catalog())
    return assessment, checklist, evaluate(checklist, assessment, TODAY)


def personal_strings(assessment: Assessment) -> set[str]:
    """Every piece of free text in the assessment that could name someone (title, maker, answers, people)."""
    found = {assessment.meta.title, assessment.meta.assessor}
    for answer in assessment.answers.values():
        found |= {answer.text or "", answer.note}
        for person in answer.people or []:
            found |= {v for v in person.values.values() if v}
    return {s.strip() for s in found if s and len(s.strip()) >= 4}
