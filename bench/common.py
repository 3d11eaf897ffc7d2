"""Small shared pieces: statistics, result rows, the environment line."""

from __future__ import annotations

import math
import os
import platform
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass
class Row:
    """One line of the table. ``target`` is informative only: the benchmark never passes or fails."""

    measurement: str
    figure: str
    value: str
    target: str = ""


def median(xs: Sequence[float]) -> float:
    return statistics.median(xs)


def p95(xs: Sequence[float]) -> float:
    """Nearest-rank 95th percentile."""
    ordered = sorted(xs)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def ms(seconds: float) -> str:
    value = seconds * 1000
    return f"{value:.2f} ms" if value < 10 else f"{value:.1f} ms"


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b > 0 else "n/a"


def environment() -> list[str]:
    import streamlit
    import typst

    try:
        from importlib.metadata import version

        typst_version = version("typst")
        playwright_version = version("playwright")
    except Exception:
        typst_version = getattr(typst, "__version__", "?")
        playwright_version = "?"
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):  # noqa: SIM115
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return [
        f"CPUs: {os.cpu_count()} ({cpu})",
        f"Python: {sys.version.split()[0]} ({platform.platform()})",
        f"Streamlit: {streamlit.__version__}   Typst (python): {typst_version}   Playwright: {playwright_version}",
    ]


def table(rows: Sequence[Row]) -> str:
    head = Row("Measurement", "Figure", "Value", "Target")
    all_rows = [head, *rows]
    w = [max(len(getattr(r, f)) for r in all_rows) for f in ("measurement", "figure", "value", "target")]

    def line(r: Row) -> str:
        return (f"| {r.measurement.ljust(w[0])} | {r.figure.ljust(w[1])} | {r.value.rjust(w[2])} "
                f"| {r.target.ljust(w[3])} |")

    sep = "|" + "|".join("-" * (n + 2) for n in w) + "|"
    return "\n".join([line(head), sep, *(line(r) for r in rows)])
