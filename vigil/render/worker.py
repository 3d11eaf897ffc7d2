"""The child process that runs Typst: ``python -m vigil.render.worker --memory BYTES``.

It caps its own address space (``RLIMIT_AS``) first, then compiles one request after another from stdin and
answers on stdout, keeping each font set it has built (building one costs a few hundred ms). The app server
talks to it through ``vigil.render.compile``, which gives each request a time limit and replaces a worker that
ran out of time or memory. Nothing is printed: stdout carries only answers, stderr is discarded by the parent.

A request is one frame holding JSON: ``template``, ``root``, ``data`` (the payload as a JSON string),
``font_dirs`` and ``timestamp``. An answer is one frame: ``b"P"`` + PDF bytes, ``b"T"`` + Typst's error message,
or ``b"M"`` (out of memory). A frame is an 8-byte big-endian length, then that many bytes.
"""

from __future__ import annotations

import argparse
import json
import resource
import struct
import sys
from typing import Any, BinaryIO

HEADER = struct.Struct(">Q")


def write_frame(out: BinaryIO, payload: bytes) -> None:
    out.write(HEADER.pack(len(payload)))
    out.write(payload)
    out.flush()


def read_frame(inp: BinaryIO) -> bytes | None:
    head = inp.read(HEADER.size)
    if len(head) < HEADER.size:
        return None
    (size,) = HEADER.unpack(head)
    body = inp.read(size)
    return body if len(body) == size else None


def serve(inp: BinaryIO, out: BinaryIO) -> None:
    import typst

    from vigil.render.fonts import make_fonts

    fonts: dict[tuple[str, ...], Any] = {}
    while (frame := read_frame(inp)) is not None:
        request = json.loads(frame)
        dirs = tuple(request["font_dirs"])
        try:
            if dirs not in fonts:
                fonts[dirs] = make_fonts(dirs)
            pdf: bytes = typst.compile(
                request["template"], root=request["root"], font_paths=fonts[dirs],
                sys_inputs={"data": request["data"]}, pdf_standards=["ua-1"], timestamp=request["timestamp"],
            )
        except typst.TypstError as exc:
            write_frame(out, b"T" + str(exc).encode("utf-8", "replace"))
        except MemoryError:
            write_frame(out, b"M")
        else:
            write_frame(out, b"P" + pdf)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m vigil.render.worker")
    parser.add_argument("--memory", type=int, required=True, help="address-space limit in bytes")
    args = parser.parse_args()
    resource.setrlimit(resource.RLIMIT_AS, (args.memory, args.memory))
    try:
        serve(sys.stdin.buffer, sys.stdout.buffer)
    except MemoryError:
        sys.exit(3)


if __name__ == "__main__":
    main()
