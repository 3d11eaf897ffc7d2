"""The README's "How the code is laid out" block and the tree stay in step: every module at the top of the package
and every sub-package is named there, and every path it names exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def layout_block() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("## How the code is laid out")
    return text[text.index("```", start) + 3:text.index("```", text.index("```", start) + 3)]


def named_paths(block: str) -> set[str]:
    """The paths the block names at the start of a line (``vigil/engine.py``, ``vigil/store/``)."""
    return {m.group(1).rstrip("/") for m in re.finditer(r"^(\S+)", block, re.M)}


def test_every_top_level_module_and_sub_package_is_named() -> None:
    block = layout_block()
    named = named_paths(block)
    wanted = {f"vigil/{p.name}" for p in (ROOT / "vigil").glob("*.py") if p.stem not in ("__init__", "__main__")}
    wanted |= {f"vigil/{p.name}" for p in (ROOT / "vigil").iterdir()
               if p.is_dir() and (p / "__init__.py").exists() and p.name != "checklists"}
    # a module is named by its path at the start of a line, or by its file name in a line about its neighbours
    missing = sorted(w for w in wanted if w not in named and not re.search(rf"\b{re.escape(Path(w).name)}\b", block))
    assert not missing, f"name these in the README's layout block: {missing}"


def test_every_path_the_block_names_exists() -> None:
    for path in named_paths(layout_block()):
        if "*" in path:
            assert list(ROOT.glob(path)), path
        else:
            assert (ROOT / path).exists(), f"the README's layout names {path}, which is not in the tree"


def test_the_check_sees_a_missing_module() -> None:
    assert "vigil/engine.py" in named_paths(layout_block())
    assert "vigil/nonexistent.py" not in named_paths(layout_block())
