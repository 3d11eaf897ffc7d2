"""6. Many commissions: the Start page (the work queue) with 10 and with 10,000 stored assessments, `vigil import` of
1,000 orders and `vigil assess` of 1,000 files.

- First paint: a new browser page on a warm server until the queue's "1–25 of N" line is drawn (median of 5).
- Server run: the Start page's script run in AppTest over the same data folder (median of 10 after 3 warm-ups;
  wall clock and CPU time of this process).
- Import and assess: the `vigil` command in a child process, wall clock (median of 3).
"""

from __future__ import annotations

import csv
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Browser

from bench import web
from bench.common import Row, median, ms, ratio
from tests.support.app_server import ROOT, AppServer
from vigil.assessment_file import read_assessment
from vigil.catalog import load_catalog
from vigil.models.assessment import Assessment, Meta, new_id

SIZES = (10, 10_000)
PAINT_TRIES = 5
RUNS = 10
ORDERS = 1_000
FILES = 1_000
VIGIL = str(Path(sys.executable).with_name("vigil"))


def _scenarios() -> list[Assessment]:
    catalog = load_catalog()
    return [read_assessment(p, catalog)[0] for p in sorted((ROOT / "tests" / "scenarios").glob("*.json"))]


def _fill(folder: Path, count: int) -> None:
    """``count`` assessments (the scenarios, cycled, each its own id, title and reference) in a SQLite store."""
    from vigil.store.sql import open_store

    folder.mkdir(parents=True, exist_ok=True)
    store = open_store(f"sqlite:///{folder / 'vigil.sqlite3'}")
    base = _scenarios()
    batch = []
    for i in range(count):
        a = base[i % len(base)]
        meta = Meta(title=f"{a.meta.title} {i}", reference=f"K-2026-{i:05d}", language="en")
        batch.append(a.model_copy(update={"id": new_id(), "meta": meta, "revision": 0}))
        if len(batch) == 500:
            store.create_many(batch)
            batch = []
    store.create_many(batch)
    store.close()


def _first_paint(b: Browser, server: AppServer, count: int) -> list[float]:
    # the pager says "1–25 of 10000" (numbers as Python formats them)
    want = f"1–{min(count, 25)} of {count}"
    out = []
    for _ in range(PAINT_TRIES + 1):
        ctx = web.new_context(b)
        try:
            page = ctx.new_page()
            t0 = time.perf_counter()
            page.goto(server.url)
            page.wait_for_function("want => document.body.innerText.includes(want)", arg=want, polling="raf",
                                   timeout=web.TIMEOUT_MS)
            out.append(time.perf_counter() - t0)
            web.wait_idle(page)
        finally:
            ctx.close()
    return out[1:]  # the first visit warms the server


def _server_run(folder: Path) -> list[tuple[float, float]]:
    from streamlit.testing.v1 import AppTest

    logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)
    old = os.environ.get("VIGIL_DATA_DIR")
    os.environ["VIGIL_DATA_DIR"] = str(folder)
    try:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        out = []
        for i in range(3 + RUNS):
            w0, c0 = time.perf_counter(), time.process_time()
            at.run()
            if i >= 3:
                out.append((time.perf_counter() - w0, time.process_time() - c0))
        assert not at.exception, [e.value for e in at.exception]
    finally:
        if old is None:
            os.environ.pop("VIGIL_DATA_DIR", None)
        else:
            os.environ["VIGIL_DATA_DIR"] = old
    return out


def _orders(path: Path) -> None:
    relations = ["child", "spouse_partner", "parent", "sibling"]
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["reference", "title", "person_name", "born", "died", "commissioner", "relatives"])
        for i in range(ORDERS):
            rel = "; ".join(f"Relative {i}-{k} | {relations[k % 4]} | r{k}@example.com" for k in range(3))
            w.writerow([f"O-{i:05d}", f"Farewell clip {i}", f"Soldier {i}", "1990-01-01", "2026-06-01",
                        "close_family", rel])


def _timed(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - t0
    if done.returncode != 0:
        raise RuntimeError(f"{cmd[1]} failed ({done.returncode}): {done.stderr[-500:]}")
    return elapsed


def run(b: Browser) -> list[Row]:
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="vigil-bench-queue-") as name:
        tmp = Path(name)
        paint: dict[int, float] = {}
        server_run: dict[int, tuple[float, float]] = {}
        for count in SIZES:
            folder = tmp / f"data{count}"
            t0 = time.perf_counter()
            _fill(folder, count)
            print(f"    filled {count} assessments in {time.perf_counter() - t0:.0f} s", flush=True)
            server = AppServer(folder, log=tmp / f"app{count}.log")
            server.start()
            try:
                paint[count] = median(_first_paint(b, server, count))
            finally:
                server.stop()
            samples = _server_run(folder)
            server_run[count] = (median([s[0] for s in samples]), median([s[1] for s in samples]))
        small, big = SIZES
        what = "6 Start page (work queue)"
        rows += [
            Row(what, f"first paint, {small} stored (median of {PAINT_TRIES})", ms(paint[small])),
            Row(what, f"first paint, {big:,} stored", ms(paint[big]), "<= 1.5 s"),
            Row(what, f"first paint ratio {big:,} / {small}", ratio(paint[big], paint[small]), "<= 1.3x"),
            Row(what, f"server run, {small} stored (median of {RUNS}; CPU)",
                f"{ms(server_run[small][0])} ({ms(server_run[small][1])} CPU)"),
            Row(what, f"server run, {big:,} stored", f"{ms(server_run[big][0])} ({ms(server_run[big][1])} CPU)"),
            Row(what, f"server run ratio {big:,} / {small}", ratio(server_run[big][0], server_run[small][0]),
                "<= 1.3x"),
        ]
        env = {**os.environ, "VIGIL_DATA_DIR": str(tmp / "import")}
        env.pop("VIGIL_DATABASE_URL", None)
        orders = tmp / "orders.csv"
        _orders(orders)
        imports = []
        for _ in range(3):
            shutil.rmtree(tmp / "import", ignore_errors=True)
            imports.append(_timed([VIGIL, "import", str(orders)], env))
        files = tmp / "files"
        files.mkdir()
        for i, a in enumerate(_scenarios() * (FILES // 10)):
            (files / f"a{i:04d}.json").write_text(a.model_copy(update={"id": new_id()}).model_dump_json(),
                                                  encoding="utf-8")
        assess = [_timed([VIGIL, "assess", str(files), "--format", "csv"], env) for _ in range(3)]
        rows += [
            Row("6 Bulk intake", f"vigil import of {ORDERS:,} orders (CSV, 3 relatives each; median of 3)",
                f"{median(imports):.2f} s"),
            Row("6 Bulk intake", f"vigil assess of {FILES:,} files --format csv (median of 3)",
                f"{median(assess):.2f} s", "< 10 s"),
        ]
    return rows
