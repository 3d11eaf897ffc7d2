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


def _cold(b: Browser, server: AppServer, heading: tuple[int, str]) -> tuple[float, float, float]:
    """Seconds to healthy, to the heading visible, and for a second page once the server is warm."""
    t0 = time.perf_counter()
    server.start()
    healthy = time.perf_counter() - t0
    ctx = web.new_context(b)
    try:
        page = ctx.new_page()
        page.goto(server.url)
        web.wait_heading(page, *heading)
        shown = time.perf_counter() - t0
        web.wait_idle(page)
        t1 = time.perf_counter()
        second = ctx.new_page()
        second.goto(server.url)
        web.wait_heading(second, *heading)
        warm = time.perf_counter() - t1
    finally:
        ctx.close()
        server.stop()
    return healthy, shown, warm


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
    m_real, m_bare = median([s for _, s, _ in real]), median([s for _, s, _ in bare])
    return [
        Row(what, f"process start -> start page heading visible, median of {TRIES}", ms(m_real), "<= 3 s"),
        Row(what, "  of which process start -> /_stcore/health ok", ms(median([h for h, _, _ in real]))),
        Row(what, "  a second page once warm (new tab -> heading)", ms(median([w for _, _, w in real]))),
        Row(what, "  first run: load_catalog() (parse + validate the checklist)", ms(_catalog_seconds())),
        Row(what, "bare app: process start -> heading visible", ms(m_bare)),
        Row(what, "bare app: a second page once warm", ms(median([w for _, _, w in bare]))),
        Row(what, "ratio app / bare (cold)", ratio(m_real, m_bare)),
    ]


def _catalog_seconds() -> float:
    """What the first session pays once per process to read the checklists (median of 3 in this process)."""
    from vigil.catalog import load_catalog

    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        load_catalog()
        times.append(time.perf_counter() - t0)
    return median(times)
