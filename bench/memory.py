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
BARE_SESSIONS = 6
BATCH = 4
"""Pages opened together, then waited for: quicker than one by one, gentler than all 19 at once."""
SETTLE_MS = 2_000


def _mib(kib: float) -> str:
    return f"{kib / 1024:.1f} MiB"


def _measure(b: Browser, server: AppServer, url: Callable[[int], str], ready: Callable[[Page], None],
             sessions: int = SESSIONS) -> tuple[int, int, int]:
    """RSS in KiB: idle after start, with 1 session, with ``sessions`` sessions. After the first, the other pages
    are opened a few at a time."""
    server.start()
    ctx = web.new_context(b)
    try:
        idle = server.rss_kib()
        first = ctx.new_page()
        first.goto(url(0))
        ready(first)
        first.wait_for_timeout(SETTLE_MS)
        one = server.rss_kib()
        for start in range(1, sessions, BATCH):
            batch = [ctx.new_page() for _ in range(start, min(start + BATCH, sessions))]
            for i, page in enumerate(batch, start=start):
                page.goto(url(i), wait_until="commit")
            for page in batch:
                page.bring_to_front()
                ready(page)
        first.wait_for_timeout(SETTLE_MS)
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

        def ready(page: Page) -> None:
            # pages in the background may get no animation frames: poll by time
            web.wait_heading(page, 1, title, timeout_ms=90_000, polling=100)
            web.wait_idle(page)

        real = _measure(b, server, lambda i: f"{server.url}/?a={ids[i]}", ready)
        spec = write_spec(checklist, full, tmp / "spec.json")
        bare_server = AppServer(tmp / "bare", script=ROOT / "bench" / "bare_app.py",
                                env={"VIGIL_BENCH_SPEC": str(spec)}, log=tmp / "bare.log")

        bare = _measure(b, bare_server, lambda i: bare_server.url, ready, BARE_SESSIONS)
    what = "5 Server memory (VmRSS)"
    per = (real[2] - real[1]) / (SESSIONS - 1)
    bare_per = (bare[2] - bare[1]) / (BARE_SESSIONS - 1)
    return [
        Row(what, "idle after start (no session yet)", _mib(real[0])),
        Row(what, "1 session on an open assessment (questionnaire)", _mib(real[1])),
        Row(what, f"{SESSIONS} sessions, each on its own open assessment", _mib(real[2])),
        Row(what, "per extra session", _mib(per), "<= 5 MB"),
        Row(what, f"bare app: 1 / {BARE_SESSIONS} sessions", f"{_mib(bare[1])} / {_mib(bare[2])}"),
        Row(what, "bare app: per extra session", _mib(bare_per)),
    ]
