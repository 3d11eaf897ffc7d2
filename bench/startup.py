"""4. Cold start: from starting the server process to the start page's heading visible in Chromium (median of 3).

The browser is already running; each try starts a new ``streamlit run`` on the same data folder (one saved
assessment, so the start page lists it) and opens a new page. The bare app's cold start is shown beside it.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from playwright.sync_api import Browser

from bench import web
from bench.common import Row, median, ms, ratio
from bench.fixture import LANG, full_assessment, shipped_checklist, write_spec
from tests.support.app_server import ROOT, AppServer
from vigil.i18n import t
from vigil.models.common import pick

TRIES = 3


def _cold(b: Browser, server: AppServer, heading: tuple[int, str]) -> tuple[float, float]:
    """Seconds to healthy, and to the heading visible."""
    t0 = time.perf_counter()
    server.start()
    healthy = time.perf_counter() - t0
    ctx = web.new_context(b)
    try:
        page = ctx.new_page()
        page.goto(server.url)
        web.wait_heading(page, *heading)
        shown = time.perf_counter() - t0
    finally:
        ctx.close()
        server.stop()
    return healthy, shown


def run(b: Browser) -> list[Row]:
    checklist = shipped_checklist()
    with tempfile.TemporaryDirectory(prefix="vigil-bench-") as name:
        tmp = Path(name)
        web.data_dir_with(tmp / "data", [full_assessment(checklist)])
        spec = write_spec(checklist, full_assessment(checklist), tmp / "spec.json")
        real = [_cold(b, AppServer(tmp / "data", log=tmp / "app.log"), (1, t(LANG, "ui.start.title")))
                for _ in range(TRIES)]
        bare = [_cold(b, AppServer(tmp / "bare", script=ROOT / "bench" / "bare_app.py",
                                   env={"VIGIL_BENCH_SPEC": str(spec)}, log=tmp / "bare.log"),
                      (1, pick(checklist.title, LANG)))
                for _ in range(TRIES)]
    what = "4 Cold start"
    m_real, m_bare = median([s for _, s in real]), median([s for _, s in bare])
    return [
        Row(what, f"process start -> start page heading visible, median of {TRIES}", ms(m_real), "<= 3 s"),
        Row(what, "  of which process start -> /_stcore/health ok", ms(median([h for h, _ in real]))),
        Row(what, "bare app: process start -> heading visible", ms(m_bare)),
        Row(what, "ratio app / bare", ratio(m_real, m_bare)),
    ]
