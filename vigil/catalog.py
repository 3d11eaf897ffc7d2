"""Find, load and check checklist files, with every problem located as ``file:line: item path: message``."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

from vigil.crosscheck import CrossChecker, ProblemKind
from vigil.models.checklist import Checklist
from vigil.models.common import Loc
from vigil.models.conditions import _TAGS

MAX_CHECKLIST_BYTES = 5_000_000


@dataclass(frozen=True)
class Problem:
    """One authoring mistake, with where it is."""

    file: str
    line: int | None
    path: str
    message: str
    kind: ProblemKind = "schema"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path or '(file)'}: {self.message}"


class ChecklistError(Exception):
    """A checklist file (or several) could not be used; ``problems`` says why and where."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def default_directory() -> Path:
    """``VIGIL_CHECKLISTS`` if set, else the checklists shipped inside the package (``vigil.checklists``, which
    is the top-level ``checklists/`` folder in a checkout)."""
    env = os.environ.get("VIGIL_CHECKLISTS")
    return Path(env) if env else Path(str(resources.files("vigil.checklists")))


def checklist_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.y*ml") if p.suffix in (".yaml", ".yml"))


# --------------------------------------------------------------------------- locating


def _line_of(root: Any, loc: Loc) -> int | None:
    """The 1-based line of the deepest node on ``loc`` that exists in the YAML tree."""
    node = root
    line: int | None = root.lc.line if isinstance(root, CommentedMap | CommentedSeq) else None
    for step in loc:
        if isinstance(node, CommentedMap) and step in node:
            line = node.lc.key(step)[0]
            node = node[step]
        elif isinstance(node, CommentedSeq) and isinstance(step, int) and 0 <= step < len(node):
            line = node.lc.item(step)[0]
            node = node[step]
        # otherwise: a step pydantic adds (a union tag) or one missing from the file: stay here
    return None if line is None else line + 1


def _readable(root: Any, loc: Loc) -> str:
    """``sections[consent].questions[consent_given].kind``: ids where the item has one, else indexes."""
    parts: list[str] = []
    node = root

    def index(label: object) -> None:
        if parts:
            parts[-1] += f"[{label}]"
        else:
            parts.append(f"[{label}]")

    for step in loc:
        if isinstance(node, CommentedSeq) and isinstance(step, int) and 0 <= step < len(node):
            item = node[step]
            label = item.get("id") if isinstance(item, CommentedMap) else None
            index(label if label is not None else step)
            node = item
        elif isinstance(node, CommentedMap) and step in node:
            parts.append(str(step))
            node = node[step]
        elif isinstance(node, CommentedMap) and step in _UNION_TAGS:
            continue  # the tag pydantic adds for a condition node; its key is already in the path
        elif isinstance(step, int):
            index(step)
            node = None
        else:
            parts.append(str(step))
            node = None
    return ".".join(parts)


_UNION_TAGS = set(_TAGS)  # the keys of condition nodes (vigil/models/conditions.py)


# --------------------------------------------------------------------------- loading


def _read_text(path: Path) -> tuple[str | None, list[Problem]]:
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_CHECKLIST_BYTES:
            return None, [Problem(name, None, "", f"the file is {size:,} bytes; the limit is "
                                  f"{MAX_CHECKLIST_BYTES:,}", "yaml")]
        return path.read_text(encoding="utf-8"), []
    except UnicodeDecodeError:
        return None, [Problem(name, None, "", "the file is not UTF-8 text", "yaml")]
    except OSError as exc:
        return None, [Problem(name, None, "", f"cannot read the file: {exc.strerror}", "yaml")]


def _parse(name: str, text: str, typ: str) -> tuple[Any, list[Problem]]:
    """Parse YAML. ``safe`` (libyaml, fast) for loading; ``rt`` keeps line numbers, used only to locate problems.

    Both refuse duplicate keys.
    """
    try:
        data = YAML(typ=typ, pure=False).load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        msg = " ".join(x for x in (exc.context, exc.problem) if x)
        return None, [Problem(name, line, "", f"this is not valid YAML: {msg}", "yaml")]
    if not isinstance(data, dict):
        return None, [Problem(name, 1, "", "a checklist file must be a mapping (id: ..., sections: ...)", "yaml")]
    return data, []


def _schema_problems(name: str, root: Any, exc: ValidationError) -> list[Problem]:
    problems = []
    for err in exc.errors(include_url=False):
        loc: Loc = tuple(err["loc"])
        msg = err["msg"]
        if err["type"] == "extra_forbidden":
            msg = f"unknown key {loc[-1]!r} (a typo?)"
        elif err["type"] == "missing":
            msg = f"{loc[-1]!r} is required here"
        problems.append(Problem(name, _line_of(root, loc), _readable(root, loc), msg, "schema"))
    return problems


def check_file(path: Path) -> tuple[Checklist | None, list[Problem]]:
    """Load one checklist file. Returns the checklist (when its shape is valid) and every problem found.

    A valid file is parsed once, quickly; the slower parse that knows line numbers runs only when there is a
    problem to locate.
    """
    name = str(path)
    text, problems = _read_text(path)
    if text is None:
        return None, problems
    data, problems = _parse(name, text, "safe")
    if data is None:  # libyaml is stricter in places (e.g. a "?" in flow style): the YAML 1.2 parser decides
        data, problems = _parse(name, text, "rt")
    if data is None:
        return None, problems
    try:
        checklist = Checklist.model_validate(data)
    except ValidationError as exc:
        root, _ = _parse(name, text, "rt")
        return None, _schema_problems(name, root, exc)
    found = CrossChecker(checklist).run()
    if not found:
        return checklist, []
    return checklist, _located(name, text, found)


def locate(path: Path, found: Sequence[tuple[Loc, str, ProblemKind]]) -> list[Problem]:
    """Problems found in a loaded checklist (by the cross-check or ``vigil validate --deep``), with their lines."""
    text, _problems = _read_text(path)
    return _located(str(path), text or "", found)


def _located(name: str, text: str, found: Sequence[tuple[Loc, str, ProblemKind]]) -> list[Problem]:
    root, _ = _parse(name, text, "rt")
    return [Problem(name, _line_of(root, loc), _readable(root, loc), message, kind) for loc, message, kind in found]


# --------------------------------------------------------------------------- the catalog


@dataclass
class Catalog:
    """The checklists available to the app and the command line, by id and version."""

    checklists: dict[tuple[str, str], Checklist]

    def get(self, checklist_id: str, version: str) -> Checklist:
        return self.checklists[(checklist_id, version)]

    def has(self, checklist_id: str, version: str) -> bool:
        return (checklist_id, version) in self.checklists

    def versions(self, checklist_id: str) -> list[str]:
        return sorted(v for (cid, v) in self.checklists if cid == checklist_id)

    def latest(self) -> list[Checklist]:
        """The newest version of each checklist, ordered by id."""
        best: dict[str, Checklist] = {}
        for (cid, _), c in sorted(self.checklists.items()):
            best[cid] = c
        return [best[k] for k in sorted(best)]


def load_catalog(directory: Path | None = None) -> Catalog:
    """Every checklist in ``directory``; raises ``ChecklistError`` listing every problem in every file."""
    directory = directory or default_directory()
    files = checklist_files(directory)
    if not files:
        raise ChecklistError([Problem(str(directory), None, "", "no checklist files (*.yaml) here", "yaml")])
    problems: list[Problem] = []
    found: dict[tuple[str, str], Checklist] = {}
    for path in files:
        checklist, file_problems = check_file(path)
        problems += file_problems
        if checklist is not None and not file_problems:
            key = (checklist.id, checklist.version)
            if key in found:
                problems.append(Problem(str(path), None, "id", f"checklist {key[0]} {key[1]} is defined twice"))
            found[key] = checklist
    if problems:
        raise ChecklistError(problems)
    return Catalog(found)
