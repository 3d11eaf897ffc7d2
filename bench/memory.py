"""5. Server memory: VmRSS of the ``streamlit run`` process with 1 and with 20 open sessions, each a browser page
on its own open assessment (the full one) in the questionnaire. The bare app with the same numbers of pages
shows what Streamlit itself costs per session.
"""

from __future__ import annotations

import gc
import tempfile
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Browser, Page

from bench import web
from bench.common import Row
from bench.fixture import LANG, full_assessment, shipped_checklist, write_spec
from tests.support.app_server import ROOT, AppServer
from vigil.models.assessment import new_id
from vigil.models.common import pick

SESSIONS = 20
SETTLE_MS = 2_000


def _mib(kib: float) -> str:
    return f"{kib / 1024:.1f} MiB"


def _measure(b: Browser, server: AppServer, open_page: Callable[[Page, int], None]) -> tuple[int, int, int]:
    """RSS in KiB: idle after start, with 1 session, with SESSIONS sessions."""
    server.start()
    ctx = web.new_context(b)
    pages: list[Page] = []
    try:
        idle = server.rss_kib()
        for i in range(SESSIONS):
            page = ctx.new_page()
            open_page(page, i)
            pages.append(page)
            if i == 0:
                page.wait_for_timeout(SETTLE_MS)
                one = server.rss_kib()
        pages[-1].wait_for_timeout(SETTLE_MS)
        many = server.rss_kib()
    finally:
        ctx.close()
        server.stop()
        gc.collect()
    return idle, one, many


def run(b: Browser) -> list[Row]:
    checklist = shipped_checklist()
    full = full_assessment(checklist)
    title = pick(checklist.title, LANG)
    with tempfile.TemporaryDirectory(prefix="vigil-bench-") as name:
        tmp = Path(name)
        ids = web.data_dir_with(tmp / "data", [full.model_copy(update={"id": new_id()}) for _ in range(SESSIONS)])
        server = AppServer(tmp / "data", log=tmp / "app.log")

        def real_page(page: Page, i: int) -> None:
            web.open_assessment(page, server, ids[i], title)

        real = _measure(b, server, real_page)
        spec = write_spec(checklist, full, tmp / "spec.json")
        bare_server = AppServer(tmp / "bare", script=ROOT / "bench" / "bare_app.py",
                                env={"VIGIL_BENCH_SPEC": str(spec)}, log=tmp / "bare.log")

        def bare_page(page: Page, i: int) -> None:
            page.goto(bare_server.url)
            web.wait_heading(page, 1, title)
            web.wait_idle(page)

        bare = _measure(b, bare_server, bare_page)
    what = "5 Server memory (VmRSS)"
    per = (real[2] - real[1]) / (SESSIONS - 1)
    bare_per = (bare[2] - bare[1]) / (SESSIONS - 1)
    return [
        Row(what, "idle after start (no session)", _mib(real[0])),
        Row(what, "1 session on an open assessment (questionnaire)", _mib(real[1])),
        Row(what, f"{SESSIONS} sessions, each on its own open assessment", _mib(real[2])),
        Row(what, "per extra session", _mib(per), "<= 5 MB"),
        Row(what, f"bare app: 1 / {SESSIONS} sessions", f"{_mib(bare[1])} / {_mib(bare[2])}"),
        Row(what, "bare app: per extra session", _mib(bare_per)),
    ]
