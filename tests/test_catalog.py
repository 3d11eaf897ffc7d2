"""Every class of checklist authoring mistake gives a located error: file, line, item path, message."""

from __future__ import annotations

from pathlib import Path

import pytest

from vigil.catalog import ChecklistError, check_file, load_catalog

VALID = Path(__file__).parent / "fixtures" / "valid-small.yaml"
BASE = VALID.read_text(encoding="utf-8")

# (name, text to find, replacement, expected item path fragment, expected message fragment)
MISTAKES = [
    ("typo_in_key", "        rationale: {en: The documents", "        rationle: {en: The documents",
     "questions[person_name].rationle", "unknown key 'rationle'"),
    ("missing_field", "        help: {en: As the family would write it., de: So wie die Familie ihn schreiben würde.}\n",
     "", "questions[person_name].help", "'help' is required"),
    ("wrong_type", "        allow_dont_know: false", "        allow_dont_know: maybe",
     "questions[person_name].allow_dont_know", "valid boolean"),
    ("bad_id", "      - id: person_name\n", "      - id: Person-Name\n",
     "questions[Person-Name].id", "not a valid id"),
    ("bad_kind", "        kind: yes_no", "        kind: yes_or_no", "questions[consent_in_life].kind", "Input should be"),
    ("duplicate_question_id", "      - id: consent_in_life", "      - id: person_name",
     "questions[person_name].id", "used twice"),
    ("unknown_question_in_rule", "question: consent_in_life, value", "question: consent_given, value",
     "rules[forbidden_in_life].when.equals", "no question 'consent_given'"),
    ("unknown_option_in_rule", 'value: "no"}}', 'value: "nein"}}',
     "rules[forbidden_in_life].when.equals", "has no option 'nein'"),
    ("visible_if_names_later_question", "        kind: yes_no\n",
     "        kind: yes_no\n        visible_if: {answered: relatives}\n",
     "questions[consent_in_life].visible_if.answered", "comes later"),
    ("condition_wrong_kind", 'when: {equals: {question: consent_in_life, value: "no"}}',
     "when: {number: {question: consent_in_life, op: lt, value: 3}}",
     "rules[forbidden_in_life].when.number", "is a yes_no question"),
    ("condition_two_keys", 'when: {equals: {question: consent_in_life, value: "no"}}',
     "when: {answered: person_name, dont_know: person_name}", "rules[forbidden_in_life].when",
     "exactly one of the keys"),
    ("condition_unknown_operator", 'when: {equals: {question: consent_in_life, value: "no"}}',
     "when: {equal: {question: consent_in_life, value: x}}", "rules[forbidden_in_life].when",
     "exactly one of the keys"),
    ("missing_translation", "    title: {en: Relatives, de: Angehörige}", "    title: {en: Relatives}",
     "sections[relatives].title", "'de' text is missing"),
    ("undeclared_language", "    title: {en: Relatives, de: Angehörige}",
     "    title: {en: Relatives, de: Angehörige, fr: Proches}", "sections[relatives].title",
     "language 'fr' is not declared"),
    ("unknown_dimension", "        dimension: consent\n        text: {en: Did", "        dimension: consnt\n        text: {en: Did",
     "questions[consent_in_life].dimension", "no dimension 'consnt'"),
    ("unknown_source", "        sources: [bgh_dietrich]\n  - id: relatives", "        sources: [bgh_dietrch]\n  - id: relatives",
     "questions[consent_in_life].sources[0]", "no source 'bgh_dietrch'"),
    ("unknown_people_field", "where: [{field: position, in: [objects]}]",
     "where: [{field: stance, in: [objects]}]", "rules[relative_objects].when.count_people.where[0]",
     "no field 'stance'"),
    ("unknown_people_option", "where: [{field: position, in: [objects]}]",
     "where: [{field: position, in: [refuses]}]", "rules[relative_objects].when.count_people.where[0]",
     "no option 'refuses'"),
    ("choice_with_one_option", "              - {id: objects, label: {en: Objects, de: Ist dagegen}}\n"
     "              - {id: not_asked, label: {en: Not yet asked, de: Noch nicht gefragt}}\n", "",
     "fields[position].options", "needs two options"),
    ("unknown_document_binding", "  person_name: person_name\n", "  person_name: full_name\n",
     "documents.person_name", "no question 'full_name'"),
    ("unknown_declined_option", "  people_position_field: position\n",
     "  people_position_field: position\n  people_declined_options: [refused]\n",
     "documents.people_declined_options[0]", "has no option 'refused'"),
    ("duplicate_yaml_key", "id: memorial_media\n", "id: memorial_media\nid: other\n", "", "duplicate key"),
    ("yaml_syntax", "languages: [en, de]\n", "languages: [en, de\n", "", "not valid YAML"),
    ("bad_version", 'version: "2026.11"', "version: latest", "version", "should match pattern"),
]


# where the error should point when it is not the changed line: a missing key is reported at its item
ANCHORS = {"missing_field": "      - id: person_name\n"}


def test_base_fixture_is_valid() -> None:
    checklist, problems = check_file(VALID)
    assert problems == []
    assert checklist is not None and checklist.id == "memorial_media"


@pytest.mark.parametrize(("name", "find", "replace", "path", "message"), MISTAKES, ids=[m[0] for m in MISTAKES])
def test_mistake_is_located(tmp_path: Path, name: str, find: str, replace: str, path: str, message: str) -> None:
    assert BASE.count(find) == 1, f"fixture text for {name} must occur exactly once"
    broken = BASE.replace(find, replace)
    target = tmp_path / f"{name}.yaml"
    target.write_text(broken, encoding="utf-8")
    _, problems = check_file(target)
    assert problems, f"{name}: no problem reported"
    matching = [p for p in problems if path in p.path and message in p.message]
    assert matching, f"{name}: expected {path!r} / {message!r}, got {[str(p) for p in problems]}"
    problem = matching[0]
    assert problem.file == str(target)
    # the line points at the changed text (or next to it, for YAML errors and removed keys)
    anchor = ANCHORS.get(name, find)
    changed_line = BASE[: BASE.index(anchor)].count("\n") + 1
    assert problem.line is not None
    assert abs(problem.line - changed_line) <= 3, str(problem)
    assert str(problem).startswith(f"{target}:{problem.line}: ")


def test_not_a_mapping(tmp_path: Path) -> None:
    target = tmp_path / "list.yaml"
    target.write_text("- just\n- a list\n", encoding="utf-8")
    _, problems = check_file(target)
    assert [p.message for p in problems] == ["a checklist file must be a mapping (id: ..., sections: ...)"]


def test_not_utf8(tmp_path: Path) -> None:
    target = tmp_path / "latin1.yaml"
    target.write_bytes("title: Gedenkmedien für Angehörige\n".encode("latin-1"))
    _, problems = check_file(target)
    assert "not UTF-8" in problems[0].message


def test_catalog_lists_every_problem_of_every_file(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(BASE.replace("kind: yes_no", "kind: yes_or_no"), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(BASE.replace('value: "no"}}', 'value: "nein"}}'), encoding="utf-8")
    with pytest.raises(ChecklistError) as err:
        load_catalog(tmp_path)
    files = {Path(p.file).name for p in err.value.problems}
    assert files == {"a.yaml", "b.yaml"}


def test_catalog_rejects_the_same_checklist_twice(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(BASE, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(BASE, encoding="utf-8")
    with pytest.raises(ChecklistError, match="defined twice"):
        load_catalog(tmp_path)


def test_empty_directory(tmp_path: Path) -> None:
    with pytest.raises(ChecklistError, match="no checklist files"):
        load_catalog(tmp_path)


def test_catalog_versions(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(BASE, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(BASE.replace('version: "2026.11"', 'version: "2026.12"'), encoding="utf-8")
    catalog = load_catalog(tmp_path)
    assert catalog.versions("memorial_media") == ["2026.11", "2026.12"]
    assert [c.version for c in catalog.latest()] == ["2026.12"]
    assert catalog.has("memorial_media", "2026.11")
    assert not catalog.has("memorial_media", "2025.1")
