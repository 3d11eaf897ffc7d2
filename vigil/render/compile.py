"""Compile a Typst template with its data: the ONLY place Typst runs.

All data reaches the template as one JSON string (``sys.inputs.data``); the template reads it with
``json(bytes(sys.inputs.data))``. User text is therefore never Typst source and cannot run as markup.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import typst

from vigil import i18n
from vigil.render.errors import RenderError
from vigil.render.fonts import default_fonts, missing_font_error

_MISSING_GLYPH = re.compile(r"the text `\"(.+?)\"` could not be displayed", re.DOTALL)


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


def _first_char(quoted: str) -> str:
    """The first character Typst quoted, which may be written as an escape such as ``\\u{1f33b}``."""
    escaped = re.match(r"\\u\{([0-9a-fA-F]+)\}", quoted)
    return chr(int(escaped.group(1), 16)) if escaped else quoted[:1]


def compile_pdf(
    template: str,
    payload: dict[str, Any],
    *,
    lang: str = "en",
    names: Sequence[str] = (),
    fonts: typst.Fonts | None = None,
    timestamp: dt.datetime | None = None,
) -> bytes:
    """Compile ``templates/<template>`` with ``payload`` into a tagged PDF/UA-1 document.

    ``names`` are the people's names in the payload, so a missing-font message can say "in the names".
    A fixed ``timestamp`` gives byte-identical output for identical input.
    """
    folder = _templates_dir()
    data = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    stamp = None if timestamp is None else int(timestamp.timestamp())
    try:
        pdf: bytes = typst.compile(
            str(folder / template),
            root=str(folder),
            font_paths=fonts if fonts is not None else default_fonts(),
            sys_inputs={"data": data},
            pdf_standards=["ua-1"],
            timestamp=stamp,
        )
    except typst.TypstError as exc:
        message = str(exc)
        found = _MISSING_GLYPH.search(message)
        if found:
            raise missing_font_error(_first_char(found.group(1)), _strings(payload), names, lang) from None
        first = message.strip().splitlines()[0] if message.strip() else "?"
        raise RenderError(i18n.t(lang, "doc.error.render", detail=first[:200])) from None
    return pdf
