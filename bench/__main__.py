"""`make bench` (`.venv/bin/python -m bench`): every measurement, then one table. Figures only: no assertions,
no pass or fail; the target column says what we aim for."""

from __future__ import annotations

import os
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # bench/ imports tests.support (the app server helper)


def main() -> None:  # `python -m bench queue` runs only the work-queue measurements
    from bench import browser, memory, queue, report, rerun, startup, web
    from bench.common import Row, environment, table

    started = time.perf_counter()
    print("Vigil benchmarks: `make bench` (runs `.venv/bin/python -m bench` from the repository root)")
    for line in environment():
        print("  " + line)
    print(f"  Load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print()
    rows: list[Row] = []

    def step(name: str, fn: Callable[[], list[Row]]) -> None:
        t0 = time.perf_counter()
        print(f"... {name}", flush=True)
        try:
            rows.extend(fn())
        except Exception as exc:  # a broken measurement is reported, the others still run
            traceback.print_exc()
            rows.append(Row(name, "could not be measured", type(exc).__name__))
        print(f"    {time.perf_counter() - t0:.0f} s", flush=True)

    only = set(sys.argv[1:])
    if not only:
        step("1 Report PDF", report.run)
        step("2 Rerun (AppTest)", rerun.run)
    with web.browser() as b:
        if not only:
            step("3 Browser clicks", lambda: browser.run(b))
            step("4 Cold start", lambda: startup.run(b))
            step("5 Server memory", lambda: memory.run(b))
        if not only or "queue" in only:
            step("6 Work queue and bulk intake", lambda: queue.run(b))
    print()
    print(table(rows))
    print()
    print(f"Load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; "
          f"total {time.perf_counter() - started:.0f} s. Figures only: nothing here passes or fails.")
    print("Wall-clock figures move with the machine's load (see the load averages); CPU-time figures and the "
          "ratios against the bare app, measured side by side, are the steadier ones.")


main()
