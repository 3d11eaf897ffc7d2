"""Rows for spreadsheets and terminals: CSV or JSON Lines on stdout, user text made safe for both.

A cell that starts like a formula (``=``, ``+``, ``-``, ``@``) is prefixed with ``'`` so a spreadsheet shows it as
text; control characters and terminal escape sequences are written as ``\\xNN`` so they cannot steer a terminal.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def plain(text: str) -> str:
    """``text`` with control characters (escape sequences included) shown as ``\\xNN``; tabs and newlines kept."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def one_line(text: str) -> str:
    return plain(" ".join(text.split()))


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(cell(v) for v in value)
    text = plain(str(value))
    return "'" + text if text.startswith(_FORMULA) else text


def write(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], fmt: str, out: TextIO | None = None) -> None:
    """Write ``rows`` as ``csv`` (a header line, then one line per row) or ``jsonl`` (one JSON object per line)."""
    stream = out or sys.stdout
    if fmt == "csv":
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([cell(row.get(c)) for c in columns])
    else:
        for row in rows:
            stream.write(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False) + "\n")
