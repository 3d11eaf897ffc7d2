"""Store timings (no assertions): ``.venv/bin/python -m tests.store.bench_store``.

A realistic large assessment (20 relatives, 40 long answers, ~60 KiB of JSON) saved and read 200 times on an
SQLite file and on a throwaway local PostgreSQL server. Prints median and p95 in milliseconds.
"""

from __future__ import annotations

import logging
import statistics
import tempfile
import time
from collections.abc import Callable

from tests.store.samples import sample
from tests.support.postgres import PostgresServer
from vigil.models.assessment import Answer, Assessment, Person
from vigil.store.sql import open_store

RUNS = 200


def big_assessment() -> Assessment:
    a = sample()
    a.answers["relatives"] = Answer(people=[
        Person(values={"name": f"Person {i}", "position": "agrees", "note": "x" * 200}) for i in range(20)
    ])
    for i in range(40):
        a.answers[f"q{i}"] = Answer(text="Some longer answer text. " * 40, note="A note " * 30)
    return a


def _times(action: Callable[[], object]) -> tuple[float, float]:
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(RUNS * 0.95)]


def measure(url: str, label: str) -> None:
    store = open_store(url)
    current = [store.create(big_assessment())]

    def save() -> None:
        current[0] = store.save(current[0])

    for _ in range(10):
        save()
    save_median, save_p95 = _times(save)
    get_median, get_p95 = _times(lambda: store.get(current[0].id))
    list_median, list_p95 = _times(store.list)
    size = len(current[0].model_dump_json()) / 1024
    print(f"| {label} | {size:.0f} KiB | {save_median:.2f} / {save_p95:.2f} | {get_median:.2f} / {get_p95:.2f} "
          f"| {list_median:.2f} / {list_p95:.2f} |")
    store.close()


def main() -> None:
    logging.disable(logging.WARNING)
    print("| store | document | save ms (median / p95) | get ms | list ms |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        measure(f"sqlite:///{folder}/vigil.sqlite3", "SQLite file (WAL, synchronous=FULL)")
    server = PostgresServer.start_new()
    try:
        measure(server.create_database("bench"), "PostgreSQL 15, local (test server: fsync off)")
    finally:
        server.remove()


if __name__ == "__main__":
    main()
