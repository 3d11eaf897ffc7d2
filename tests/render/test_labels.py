"""The label kit built from the answers: names, dates only when known, consent only when settled."""

from __future__ import annotations

from tests.render.fixtures import NAMES, TODAY, empty_assessment, full_assessment
from vigil.models.checklist import Checklist
from vigil.render import LabelKit, label_kit
from vigil.render.labels import DIGITAL_SOURCE_TYPE, label_kit_text


def test_kit_with_consent_settled(checklist: Checklist) -> None:
    kit = label_kit(checklist, full_assessment(people=3), "en", TODAY)
    assert isinstance(kit, LabelKit)
    assert kit.consent_stated
    assert "AI re-creation of Anna Schmidt (1941–2024), made with the consent of the family." in kit.credits
    assert "Made by Studio Lindenblatt." in kit.credits
    assert "Anna Schmidt (1941–2024)" in kit.caption
    assert "not a real recording" in kit.caption
    assert kit.on_screen
    assert [p.platform.split(" ")[0] for p in kit.platforms] == ["YouTube", "TikTok", "Meta"]
    assert all(p.steps and p.source for p in kit.platforms)
    assert DIGITAL_SOURCE_TYPE in kit.c2pa_manifest
    assert any("c2patool" in s for s in kit.c2pa_steps)


def test_no_consent_claim_when_a_relative_objects(checklist: Checklist) -> None:
    kit = label_kit(checklist, full_assessment(people=3, position="objects"), "en", TODAY)
    assert not kit.consent_stated
    assert "consent" not in kit.credits and "consent" not in kit.caption
    assert any("consent" in n for n in kit.notes)


def test_no_consent_claim_when_someone_was_not_asked(checklist: Checklist) -> None:
    kit = label_kit(checklist, full_assessment(people=2, position="not_asked"), "de", TODAY)
    assert not kit.consent_stated
    assert "Einwilligung" not in kit.credits


def test_dates_only_when_known(checklist: Checklist) -> None:
    a = full_assessment(people=1)
    del a.answers["born"]
    kit = label_kit(checklist, a, "en", TODAY)
    assert "(died 2024)" in kit.credits
    assert "1941" not in kit.credits
    del a.answers["died"]
    kit = label_kit(checklist, a, "en", TODAY)
    assert "(" not in kit.credits
    assert any("years" in n for n in kit.notes)


def test_empty_assessment_uses_a_general_wording(checklist: Checklist) -> None:
    kit = label_kit(checklist, empty_assessment(), "en", TODAY)
    assert "a person who has died" in kit.caption
    assert not kit.consent_stated
    de = label_kit(checklist, empty_assessment(), "de", TODAY)
    assert "KI-Nachbildung von einem verstorbenen Menschen" in de.credits


def test_names_in_other_scripts_and_text_output(checklist: Checklist) -> None:
    for name in NAMES.values():
        kit = label_kit(checklist, full_assessment(people=1, person_name=name), "en", TODAY)
        assert name in kit.credits
        text = label_kit_text(kit)
        assert name in text and "YouTube" in text


def test_kit_is_german_in_german(checklist: Checklist) -> None:
    kit = label_kit(checklist, full_assessment(people=1), "de", TODAY)
    assert kit.language == "de"
    assert kit.credits.startswith("KI-Nachbildung von Anna Schmidt (1941–2024), entstanden mit Einwilligung")
    assert "Hochladen" in kit.platforms[0].steps[0]


def test_right_to_left_name_is_isolated_so_the_years_keep_their_order(checklist: Checklist) -> None:
    kit = label_kit(checklist, full_assessment(people=1, person_name=NAMES["arabic"]), "en", TODAY)
    assert f"\u2068{NAMES['arabic']}\u2069 (1941–2024)" in kit.credits
    latin = label_kit(checklist, full_assessment(people=1), "en", TODAY)
    assert "\u2068" not in latin.credits  # nothing invisible added to left-to-right names
