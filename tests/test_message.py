"""Messages (vigil.models.message): the pure layer says what it means as a key and typed parameters, and
``vigil.i18n.words`` at the edges puts it in words, in English and German alike."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from vigil.i18n import words
from vigil.models.message import Joined, Label, Message, message

ROOT = Path(__file__).resolve().parent.parent
PURE = ["vigil/engine.py", "vigil/consent.py", "vigil/consent_findings.py", "vigil/duty_findings.py"]


def test_plain_parameters_are_filled_in_as_they_are() -> None:
    assert words(message("finding.incomplete.message", count=3), "en") == "3 required questions are not answered yet."
    assert words(message("finding.incomplete.message", count=3), "de") == "3 Pflichtfragen sind noch nicht beantwortet."
    assert words(message("consent.unverified", text="it is {0.__class__}"), "en") == "Not confirmed: it is {0.__class__}"
    assert words(message("consent.unverified", text=2.5), "de") == "Nicht bestätigt: 2.5"


def test_an_authored_text_is_picked_per_language_with_english_as_fallback() -> None:
    said = message("consent.unverified", text={"en": "a court may differ", "de": "ein Gericht mag es anders sehen"})
    assert words(said, "en") == "Not confirmed: a court may differ"
    assert words(said, "de") == "Nicht bestätigt: ein Gericht mag es anders sehen"
    assert words(message("consent.unverified", text={"en": "only English"}), "de") == "Nicht bestätigt: only English"
    assert words({"en": "Rule", "de": "Regel"}, "de") == "Regel"


def test_a_nested_message_is_put_in_words_in_the_same_language() -> None:
    said = message("consent.who", name=message("consent.unnamed"),
                   words=message("lawfacts.through_alone", guardian="Renate Berger"))
    assert words(said, "en") == "someone not yet named (represented by Renate Berger)"
    assert words(said, "de") == "eine noch nicht benannte Person (vertreten durch Renate Berger)"


@pytest.mark.parametrize(("items", "en", "de"), [
    ([], "", ""),
    (["Renate"], "Renate", "Renate"),
    (["Renate", "Julia"], "Renate and Julia", "Renate und Julia"),
    (["Renate", "Julia", "Mia"], "Renate, Julia and Mia", "Renate, Julia und Mia"),
])
def test_names_are_joined_with_the_languages_and(items: list[str], en: str, de: str) -> None:
    names = Joined(items=list(items), how="and")
    assert (words(names, "en"), words(names, "de")) == (en, de)


def test_the_other_joins_use_the_languages_separators() -> None:
    tiers = [{"en": "children", "de": "Kinder"}, {"en": "spouse", "de": "Ehegatte"}]
    assert words(Joined(items=list(tiers), how="or"), "en") == "children or spouse"
    assert words(Joined(items=list(tiers), how="or"), "de") == "Kinder oder Ehegatte"
    assert words(Joined(items=list(tiers), how="list"), "de") == "Kinder, Ehegatte"
    status = Joined(items=[message("consent.stance.agrees", who="Renate"),
                           message("consent.stance.not_asked", who="Julia")], how="status")
    assert words(status, "en") == "Renate agrees; Julia has not been asked yet"
    assert words(status, "de") == "Renate stimmt zu; Julia wurde noch nicht gefragt"
    sentences = Joined(items=[message("consent.use_assumed"), message("consent.unverified", text="x")],
                       how="sentences")
    assert words(sentences, "en") == ("Until you say who will see it, Vigil assumes it may be shown publicly. "
                                      "Not confirmed: x")
    assert words(sentences, "de").endswith("öffentlich gezeigt werden könnte. Nicht bestätigt: x")
    assert words(Joined(items=[], how="sentences"), "en") == ""


def test_an_option_label_is_written_in_lower_case_inside_an_english_sentence_only() -> None:
    child = Label(text={"en": "Child", "de": "Kind"})
    assert (words(child, "en"), words(child, "de")) == ("child", "Kind")
    assert words(Label(text="Other"), "en") == "other"
    said = message("consent.who", name="Julia Berger", words=child)
    assert (words(said, "en"), words(said, "de")) == ("Julia Berger (child)", "Julia Berger (Kind)")


def test_a_message_is_data_that_survives_a_json_round_trip() -> None:
    said = message("consent.sentence", head={"en": "Under a law", "de": "Nach einem Gesetz"},
                   tail=Joined(items=[message("consent.stance.agrees", who=Label(text={"en": "Spouse"}))],
                               how="status"))
    again = Message.model_validate_json(said.model_dump_json())
    assert again == said
    assert words(again, "en") == "Under a law: spouse agrees."


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{a.name}" for a in node.names}
    return names


@pytest.mark.parametrize("module", PURE)
def test_the_pure_layer_does_not_import_the_words(module: str) -> None:
    found = {name for name in _imports(ROOT / module) if name == "vigil.i18n" or name.startswith("vigil.i18n.")}
    assert not found, f"{module} imports {sorted(found)}: it should say a Message and leave words to the edges"


def test_evaluating_loads_no_interface_strings() -> None:
    code = "import sys, vigil.engine; print(sorted(m for m in sys.modules if m.startswith('vigil.i18n')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"
