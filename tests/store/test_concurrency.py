"""One store object serves every session of an app server (threads): no lost update, no crossed wires."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from tests.store.samples import sample
from vigil.models.assessment import Answer
from vigil.store import StaleWriteError
from vigil.store.sql import SqlStore


def test_sessions_saving_their_own_assessments_in_parallel(store: SqlStore) -> None:
    created = [store.create(sample(title=f"session {i}")) for i in range(6)]

    def session(index: int) -> int:
        a = store.get(created[index].id)
        for step in range(15):
            a.answers["voice_lines"] = Answer(text=f"session {index} step {step}")
            a = store.save(a)
        return a.revision

    with ThreadPoolExecutor(max_workers=6) as pool:
        revisions = list(pool.map(session, range(6)))
    assert revisions == [16] * 6
    for i, a in enumerate(created):
        back = store.get(a.id)
        assert back.meta.title == f"session {i}"
        assert back.answers["voice_lines"].text == f"session {i} step 14"


def test_tabs_racing_on_one_assessment_never_lose_an_update(store: SqlStore) -> None:
    created = store.create(sample())
    tabs = 4
    start = threading.Barrier(tabs)
    wins: list[int] = []
    stale = 0
    lock = threading.Lock()

    def tab(index: int) -> None:
        nonlocal stale
        copy = store.get(created.id)
        copy.answers["voice_lines"] = Answer(text=f"tab {index}")
        start.wait()
        try:
            store.save(copy)
        except StaleWriteError as exc:
            assert exc.expected == 1
            assert exc.actual == 2
            with lock:
                stale += 1
        else:
            with lock:
                wins.append(index)

    threads = [threading.Thread(target=tab, args=(i,)) for i in range(tabs)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(wins) == 1
    assert stale == tabs - 1
    back = store.get(created.id)
    assert back.revision == 2
    assert back.answers["voice_lines"].text == f"tab {wins[0]}"
