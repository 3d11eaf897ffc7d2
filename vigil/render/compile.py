"""Compile a Typst template with its data: the ONLY place Typst is asked to run.

All data reaches the template as one JSON string (``sys.inputs.data``); the template reads it with
``json(bytes(sys.inputs.data))``. User text is therefore never Typst source and cannot run as markup.

Typst runs in child processes (``vigil.render.worker``), at most ``WORKERS`` at a time, each with an
address-space limit (``RENDER_MEMORY_BYTES``) and each request with a time limit (``RENDER_SECONDS``): one
document can never stall the app server or take its memory. A worker that runs out of time or memory is ended
and the user gets a calm ``RenderError``; the next document gets a fresh worker. Workers live as long as the
server, so each builds its font set once.
"""

from __future__ import annotations

import atexit
import datetime as dt
import json
import os
import queue
import re
import select
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import typst

from vigil import i18n
from vigil.render.errors import RenderError
from vigil.render.fonts import FONT_DIRS, font_dirs_of, missing_font_error
from vigil.render.worker import HEADER, write_frame

WORKERS = 2
"""Documents made at the same time (more wait their turn); the machine this runs on has two cores."""
RENDER_SECONDS = 60.0
"""Time one document may take; the largest assessment the reader accepts takes about a second."""
RENDER_MEMORY_BYTES = 2 * 1024**3
"""Address space of one worker: about 0.3 GB when idle, 0.35 GB for the largest assessment the reader accepts
(100 people, long notes); a 2,000-person form needs 0.7 GB, the 20,000-person import once took 4.9 GB."""

_MISSING_GLYPH = re.compile(r"the text `\"(.+?)\"` could not be displayed", re.DOTALL)
_DISALLOWED = re.compile(r"disallowed codepoint `\"(.+?)\"`", re.DOTALL)


def _templates_dir() -> Path:
    folder = resources.files(__package__).joinpath("templates")
    return Path(str(folder))


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def field_of(payload: Any, char: str) -> str | None:
    """Where ``char`` occurs in a document's data, as the user knows the place: the question whose answer or
    note holds it, or the column of the people table (the first such place). None when no place has a name."""
    def places(value: Any, label: str | None) -> Iterator[str | None]:
        if isinstance(value, str):
            if char in value:
                yield label
        elif isinstance(value, list):
            for item in value:
                yield from places(item, label)
        elif isinstance(value, dict):
            question = value.get("text")
            if isinstance(question, str) and ("answer" in value or "note" in value):
                label = question
            columns = value.get("columns")
            for key, item in value.items():
                if key == "rows" and isinstance(columns, list) and isinstance(item, list):
                    for row in item:
                        for n, cell in enumerate(row if isinstance(row, list) else [row]):
                            heading = columns[n] if n < len(columns) and isinstance(columns[n], str) else label
                            yield from places(cell, heading)
                elif key != "text" or label is not question:
                    yield from places(item, label)

    return next((label for label in places(payload, None) if label), None)


def _first_char(quoted: str) -> str:
    """The character Typst could not show, from the text it quoted (escapes such as ``\\u{1f33b}`` read): the
    first one outside ASCII, since the quoted run can begin with letters that were fine."""
    text = re.sub(r"\\u\{([0-9a-fA-F]+)\}", lambda m: chr(int(m.group(1), 16)), quoted)
    return next((c for c in text if not c.isascii()), text[:1])


class _OutOfTime(Exception):
    pass


class _OutOfMemory(Exception):
    pass


class _Worker:
    """One ``python -m vigil.render.worker`` child and its pipes."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "vigil.render.worker", "--memory", str(RENDER_MEMORY_BYTES)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, close_fds=True,
        )

    @property
    def alive(self) -> bool:
        return self.process.poll() is None

    def run(self, request: bytes, seconds: float) -> bytes:
        """Send one request, wait at most ``seconds`` for its answer."""
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        try:
            write_frame(self.process.stdin, request)  # type: ignore[arg-type]
        except (BrokenPipeError, OSError):
            raise _OutOfMemory from None
        deadline = time.monotonic() + seconds
        fd = self.process.stdout.fileno()
        head = self._read(fd, HEADER.size, deadline)
        (size,) = HEADER.unpack(head)
        return self._read(fd, size, deadline)

    def _read(self, fd: int, size: int, deadline: float) -> bytes:
        chunks: list[bytes] = []
        left = size
        while left:
            wait = deadline - time.monotonic()
            if wait <= 0 or not select.select([fd], [], [], wait)[0]:
                raise _OutOfTime
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:  # the worker died: the address-space limit ends it when Typst cannot allocate
                raise _OutOfMemory
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)

    def end(self) -> None:
        if self.alive:
            self.process.kill()
        self.process.wait()
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None:
                pipe.close()


class _Pool:
    """Up to ``WORKERS`` workers, started when first needed; a caller waits for a free one."""

    def __init__(self) -> None:
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self._lock = threading.Lock()
        self._started = 0
        self._all: list[_Worker] = []

    def _take(self) -> _Worker:
        with self._lock:
            try:
                return self._idle.get_nowait()
            except queue.Empty:
                if self._started < WORKERS:
                    self._started += 1
                    worker = _Worker()
                    self._all.append(worker)
                    return worker
        return self._idle.get()

    def _give_back(self, worker: _Worker) -> None:
        self._idle.put(worker)

    def _retire(self, worker: _Worker) -> None:
        worker.end()
        with self._lock:
            self._started -= 1
            self._all.remove(worker)
            if self._idle.empty() and self._started < WORKERS:
                # someone may be waiting in _take for an idle worker: give them a fresh one
                self._started += 1
                fresh = _Worker()
                self._all.append(fresh)
                self._idle.put(fresh)

    def run(self, request: bytes, seconds: float) -> bytes:
        worker = self._take()
        if not worker.alive:
            self._retire(worker)
            worker = self._take()
        try:
            answer = worker.run(request, seconds)
        except BaseException:
            self._retire(worker)
            raise
        self._give_back(worker)
        return answer

    def close(self) -> None:
        with self._lock:
            for worker in self._all:
                worker.end()
            self._all.clear()
            self._started = 0
            self._idle = queue.LifoQueue()


_POOL = _Pool()
atexit.register(_POOL.close)


def compile_pdf(
    template: str,
    payload: dict[str, Any],
    *,
    lang: str = "en",
    names: Sequence[str] = (),
    fonts: typst.Fonts | None = None,
    timestamp: dt.datetime | None = None,
) -> bytes:
    """Compile ``templates/<template>`` with ``payload`` into a tagged PDF/UA-1 document, in a worker process.

    ``names`` are the people's names in the payload, so a missing-font message can say "in the names".
    ``fonts`` is a font set made by ``vigil.render.fonts.make_fonts`` (default: the machine's Noto folders).
    A fixed ``timestamp`` gives byte-identical output for identical input. Raises ``RenderError`` when the
    document takes longer than ``RENDER_SECONDS`` or more memory than ``RENDER_MEMORY_BYTES``.
    """
    folder = _templates_dir()
    data = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    font_dirs = FONT_DIRS if fonts is None else font_dirs_of(fonts)
    request = json.dumps({
        "template": str(folder / template), "root": str(folder), "data": data, "font_dirs": list(font_dirs),
        "timestamp": None if timestamp is None else int(timestamp.timestamp()),
    }, ensure_ascii=False).encode("utf-8")
    try:
        answer = _POOL.run(request, RENDER_SECONDS)
    except _OutOfTime:
        raise RenderError(i18n.t(lang, "render.too_slow", seconds=f"{RENDER_SECONDS:g}")) from None
    except _OutOfMemory:
        raise RenderError(i18n.t(lang, "render.too_big")) from None
    kind, body = answer[:1], answer[1:]
    if kind == b"P":
        return body
    if kind == b"M":
        raise RenderError(i18n.t(lang, "render.too_big"))
    message = body.decode("utf-8", "replace")
    found = _MISSING_GLYPH.search(message) or _DISALLOWED.search(message)
    if found:
        char = _first_char(found.group(1))
        field = field_of(payload, char)
        if found.re is _DISALLOWED:
            where = i18n.t(lang, "fonts.in_field", field=field) if field else i18n.t(lang, "doc.error.in_text")
            raise RenderError(i18n.t(lang, "fonts.disallowed", code=f"{ord(char):04X}", where=where))
        raise missing_font_error(char, _strings(payload), names, lang, field=field, font_dirs=font_dirs)
    first = message.strip().splitlines()[0] if message.strip() else "?"
    raise RenderError(i18n.t(lang, "doc.error.render", detail=first[:200]))
