"""Bounded work: documents are made in worker processes with a time and a memory limit, so one large document
can never stall the app server for everyone else."""

from __future__ import annotations

import datetime as dt
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.render.fixtures import full_assessment, studio_checklist
from tests.ui.support import start_app, write_checklist
from vigil.render import RenderError, consent_form_pdf, report_pdf
from vigil.render import compile as compiling

TODAY = dt.date(2026, 12, 1)
CHECKLIST = studio_checklist()


@pytest.fixture
def fresh_workers() -> Iterator[None]:
    compiling._POOL.close()
    yield
    compiling._POOL.close()


def _workers() -> list[int]:
    return [w.process.pid for w in compiling._POOL._all if w.alive]


def test_documents_are_made_outside_the_server_process(fresh_workers: None) -> None:
    pdf = report_pdf(CHECKLIST, full_assessment(), "en", TODAY)
    assert pdf.startswith(b"%PDF")
    assert _workers() and os.getpid() not in _workers()


def test_a_document_over_its_time_is_stopped_and_the_next_is_made(
    fresh_workers: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(compiling, "RENDER_SECONDS", 0.01)
    with pytest.raises(RenderError, match=r"longer than 0\.01 seconds") as err:
        consent_form_pdf(CHECKLIST, full_assessment(people=200), "en", TODAY)
    assert "\n" not in str(err.value)
    with pytest.raises(RenderError, match=r"länger als 0\.01 Sekunden"):
        consent_form_pdf(CHECKLIST, full_assessment(people=200), "de", TODAY)
    monkeypatch.setattr(compiling, "RENDER_SECONDS", 60.0)
    assert consent_form_pdf(CHECKLIST, full_assessment(), "en", TODAY).startswith(b"%PDF")


def test_a_document_over_its_memory_is_stopped_and_the_next_is_made(
    fresh_workers: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(compiling, "RENDER_MEMORY_BYTES", 450 * 1024**2)  # a 2,000-person form needs ~0.7 GB
    with pytest.raises(RenderError, match="more memory than Vigil allows"):
        consent_form_pdf(CHECKLIST, full_assessment(people=2000), "en", TODAY)
    assert consent_form_pdf(CHECKLIST, full_assessment(), "en", TODAY).startswith(b"%PDF")


def test_another_session_stays_responsive_while_a_large_document_renders(
    fresh_workers: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outcome: list[object] = []

    def large() -> None:
        try:
            outcome.append(consent_form_pdf(CHECKLIST, full_assessment(people=1000), "en", TODAY))
        except RenderError as exc:
            outcome.append(exc)

    render = threading.Thread(target=large)
    render.start()
    for _ in range(600):  # the large document's worker has started
        if _workers():
            break
        time.sleep(0.05)
    (heavy,) = _workers()
    os.kill(heavy, signal.SIGSTOP)  # however long it takes, it is still rendering while the others go on
    try:
        # another session: the app's Start page, and a document of its own
        monkeypatch.setenv("VIGIL_DATA_DIR", str(tmp_path / "data"))
        monkeypatch.setenv("VIGIL_CHECKLISTS", str(write_checklist(tmp_path / "checklists").parent))
        at = start_app()
        assert not at.exception
        assert at.button(key="vigil.start.create")
        assert report_pdf(CHECKLIST, full_assessment(), "en", TODAY).startswith(b"%PDF")
        assert render.is_alive() and not outcome  # ... all while the large document is still rendering
    finally:
        os.kill(heavy, signal.SIGCONT)
    render.join(timeout=120)
    assert outcome and isinstance(outcome[0], bytes | RenderError)
