"""User text printed by the command line is shown, never obeyed by the terminal: control characters and escape
sequences come out written as ``\\x1b`` (one helper, ``vigil.cli.common.say``, prints everything)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.tiny import complete_fine
from tests.ui.support import write_checklist
from vigil.assessment_file import to_json
from vigil.models.assessment import Answer, Assessment, ChecklistPin, Meta

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = "Oma\x1b]0;pwned\x07 \x1b[31mRED\x1b[0m\r\x9b2J\x08\x7f Grete"
RAW = ("\x1b", "\x07", "\r", "\x9b", "\x08", "\x7f")


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    folder = write_checklist(tmp_path / "checklists").parent
    return subprocess.run([sys.executable, "-m", "vigil", *args], capture_output=True, cwd=ROOT, timeout=120,
                          env={**os.environ, "VIGIL_CHECKLISTS": str(folder)})


def hostile_file(tmp_path: Path, **extra_answers: object) -> Path:
    answers = {**complete_fine(), "person_name": Answer(text=HOSTILE)}
    a = Assessment(checklist=ChecklistPin(id="tiny", version="2026.1"), meta=Meta(title=HOSTILE), answers=answers)
    data = json.loads(to_json(a))
    data["answers"].update(extra_answers)
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def assert_shown_not_obeyed(output: bytes) -> None:
    text = output.decode("utf-8")
    for raw in RAW:
        assert raw not in text, repr(raw)


def test_labels_show_control_characters_written_out(tmp_path: Path) -> None:
    result = run(tmp_path, "labels", str(hostile_file(tmp_path)))
    assert result.returncode == 0, result.stderr
    assert_shown_not_obeyed(result.stdout)
    assert b"Oma\\x1b]0;pwned\\x07 \\x1b[31mRED\\x1b[0m\\x0d\\x9b2J\\x08\\x7f Grete" in result.stdout


@pytest.mark.parametrize("fmt", [[], ["--format", "json"]])
def test_assess_output_is_safe(tmp_path: Path, fmt: list[str]) -> None:
    result = run(tmp_path, "assess", *fmt, str(hostile_file(tmp_path)))
    assert result.returncode == 0, result.stderr
    assert_shown_not_obeyed(result.stdout)
    if fmt:
        json.loads(result.stdout)  # still JSON


def test_an_error_echoing_a_key_is_safe(tmp_path: Path) -> None:
    result = run(tmp_path, "assess", str(hostile_file(tmp_path, **{"x\x1b[2J\x1b]0;pwned\x07": {"choice": "a"}})))
    assert result.returncode == 2
    assert_shown_not_obeyed(result.stderr)
    assert b"x\\x1b[2J\\x1b]0;pwned\\x07" in result.stderr


def test_terminal_safe_keeps_lines_tabs_and_every_script() -> None:
    from vigil.cli.common import terminal_safe

    text = "Zeile 1\n\tГрета 洛特 لوتا 👩‍👩"
    assert terminal_safe(text) == text
    assert terminal_safe("a\x1bb\x00c") == "a\\x1bb\\x00c"
