"""Running the ``vigil`` command line in tests: in process (fast; what most tests use), or in a subprocess (a few
tests, to show the installed entry point, ``python -m vigil`` and the real exit code work end to end)."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

from vigil.cli import main

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Result:
    """What a run printed and its exit code (the fields of ``subprocess.CompletedProcess`` that tests read)."""

    returncode: int
    stdout: str
    stderr: str


def vigil(*args: str, env: Mapping[str, str] | None = None) -> Result:
    """``vigil ARGS`` in this process: ``vigil.cli.main`` with stdout and stderr captured."""
    out, err = io.StringIO(), io.StringIO()
    with mock.patch.dict(os.environ, env or {}), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse: --help, or a usage error
            code = exc.code if isinstance(exc.code, int) else 2
    return Result(code, out.getvalue(), err.getvalue())


def vigil_subprocess(*args: str, env: Mapping[str, str] | None = None) -> Result:
    """``python -m vigil ARGS`` as a user runs it, from the top of the checkout."""
    done = subprocess.run([sys.executable, "-m", "vigil", *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **(env or {})}, timeout=120, stdin=subprocess.DEVNULL)
    return Result(done.returncode, done.stdout, done.stderr)
