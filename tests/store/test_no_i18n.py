"""The store speaks no language: it names its faults (``i18n_key``) and the edges say them (vigil/i18n/faults.py)."""

from __future__ import annotations

import ast
from pathlib import Path

import vigil.store

STORE = Path(vigil.store.__file__).parent


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module is not None:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_the_store_does_not_import_i18n() -> None:
    files = sorted(STORE.rglob("*.py"))
    assert len(files) > 5
    offenders = {
        str(path.relative_to(STORE)): sorted(n for n in _imports(path) if n == "vigil.i18n" or n.startswith(
            "vigil.i18n."))
        for path in files
    }
    assert {name: found for name, found in offenders.items() if found} == {}


def test_a_fault_is_an_english_sentence_for_logs_and_words_at_the_edge() -> None:
    from vigil.i18n.faults import fault_words
    from vigil.store import NotFoundError, StaleWriteError, StoreUnavailableError, UnreadableError
    from vigil.store.migrate import SchemaTooNewError

    assert str(NotFoundError()).endswith(".")
    assert fault_words(NotFoundError()) == "This assessment is not saved here (it may have been deleted)."
    assert "(locked)" in str(StoreUnavailableError(reason="locked"))
    assert fault_words(StoreUnavailableError(reason="busy"), "de") != fault_words(StoreUnavailableError(reason="busy"))
    assert "(newer)" in str(UnreadableError(reason="newer"))
    stale = StaleWriteError("id", expected=3, actual=4)
    assert str(stale) == fault_words(stale) == (
        "This assessment was changed in another tab or window (revision 4, this copy has 3).")
    assert "schema 9001" in fault_words(SchemaTooNewError(found="9001", head="0004"), "de")
