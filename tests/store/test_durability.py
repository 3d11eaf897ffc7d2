"""A process killed (SIGKILL) right after ``save`` returned: the answer is in the database."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from vigil.store.sql import open_store

REPO = Path(__file__).resolve().parents[2]

_WRITER = textwrap.dedent(
    """
    import sys, time
    from tests.store.samples import sample
    from vigil.models.assessment import Answer
    from vigil.store.sql import open_store

    store = open_store(sys.argv[1])
    a = store.create(sample())
    for i in range(int(sys.argv[2])):
        a.answers["voice_lines"] = Answer(text=f"answer number {i}")
        a = store.save(a)
        print(a.id, a.revision, flush=True)  # the parent kills us as soon as it reads the last line
    time.sleep(60)
    """
)

_READER = textwrap.dedent(
    """
    import sys
    from vigil.store.sql import open_store

    a = open_store(sys.argv[1]).get(sys.argv[2])
    print(a.revision, a.answers["voice_lines"].text)
    """
)


def _run_python(code: str, *args: str, **kwargs: object) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=REPO, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)  # type: ignore[call-overload]


def test_an_answer_saved_just_before_a_kill_is_there_after_a_restart(store_url: str) -> None:
    saves = 20
    writer = _run_python(_WRITER, store_url, str(saves))
    assert writer.stdout is not None
    last = ""
    try:
        for _ in range(saves):
            last = writer.stdout.readline()
            assert last, writer.stderr.read() if writer.stderr else "writer ended early"
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
    assert writer.returncode == -signal.SIGKILL
    assessment_id, revision = last.split()
    assert revision == str(saves + 1)

    reader = _run_python(_READER, store_url, assessment_id)
    out, err = reader.communicate(timeout=60)
    assert reader.returncode == 0, err
    assert out.strip() == f"{saves + 1} answer number {saves - 1}"

    store = open_store(store_url)
    try:
        assert store.get(assessment_id).revision == saves + 1
    finally:
        store.close()
