"""``vigil report | consent-form | labels`` in process (one run in a subprocess): exit codes, files, one-line
errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.render.conftest import pdf_text
from tests.render.shipped import shipped_assessment, shipped_checklist
from tests.support.cli import vigil, vigil_subprocess
from vigil.assessment_file import to_json
from vigil.models.assessment import Answer


@pytest.fixture(scope="module")
def assessment_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    checklist = shipped_checklist()
    path = tmp_path_factory.mktemp("cli") / "assessment.json"
    path.write_text(to_json(shipped_assessment(checklist)), encoding="utf-8")
    return path


@pytest.mark.parametrize(("command", "title"), [("report", "Prüfbericht"),
                                                ("consent-form", "Einwilligungserklärung"),
                                                ("family-summary", "Ein Erinnerungswerk"),
                                                ("labels", "Kennzeichnungs-Set")])
def test_commands_write_pdfs(assessment_file: Path, tmp_path: Path, command: str, title: str) -> None:
    out = tmp_path / "out.pdf"
    result = vigil(command, str(assessment_file), "-o", str(out), "--lang", "de", "--today", "2026-11-22")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    text = pdf_text(out.read_bytes())
    assert title in text
    if shipped_checklist().documents.person_name:
        assert "Jürgen Weiß" in text


def test_labels_prints_the_texts(assessment_file: Path) -> None:
    result = vigil("labels", str(assessment_file), "--today", "2026-11-22")
    assert result.returncode == 0, result.stderr
    assert "AI re-creation" in result.stdout
    # nothing says where it is published: no platform's steps; nor that the files carry no mark: C2PA stays
    assert "YouTube" not in result.stdout and "TikTok" not in result.stdout
    assert "trainedAlgorithmicMedia" in result.stdout
    assert "c2patool" in result.stdout


def test_labels_give_steps_only_for_the_platforms_chosen(tmp_path: Path) -> None:
    checklist = shipped_checklist()
    a = shipped_assessment(checklist)
    a.answers["audience"] = Answer(choice="public")
    a.answers["platforms"] = Answer(choices=["tiktok", "website"])
    a.answers["machine_mark"] = Answer(choice="no")
    path = tmp_path / "a.json"
    path.write_text(to_json(a), encoding="utf-8")
    result = vigil("labels", str(path), "--today", "2026-11-22")
    assert result.returncode == 0, result.stderr
    assert "TikTok" in result.stdout and "YouTube" not in result.stdout and "Meta" not in result.stdout
    assert "c2patool" not in result.stdout  # the plan has no machine-readable mark


@pytest.mark.parametrize("args", [
    ["report", "no-such-file.json", "-o", "x.pdf"],
    ["consent-form", "{file}", "-o", "/no/such/folder/out.pdf"],
    ["report", "{file}", "-o", "{tmp}"],
    ["labels", "{tmp}"],
])
def test_errors_are_one_line_and_exit_2(assessment_file: Path, tmp_path: Path, args: list[str]) -> None:
    filled = [a.format(file=assessment_file, tmp=tmp_path) for a in args]
    result = vigil(*filled)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("vigil: ")
    assert "Traceback" not in result.stderr


def test_not_an_assessment(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    result = vigil_subprocess("report", str(bad), "-o", str(tmp_path / "out.pdf"))
    assert result.returncode == 2
    assert "not valid JSON" in result.stderr
    assert not (tmp_path / "out.pdf").exists()


def test_output_is_required_for_report(assessment_file: Path) -> None:
    result = vigil("report", str(assessment_file))
    assert result.returncode == 2  # argparse usage error
    assert "-o" in result.stderr
