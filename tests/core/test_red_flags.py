"""Triage as a whole: fired flags carry their evidence and level, the most urgent wins."""

from __future__ import annotations

from collections.abc import Callable

from spinewise.core.intake import History, Intake, RedFlags
from spinewise.core.knowledge import knowledge
from spinewise.core.levels import Level
from spinewise.core.triage import fired_flags, triage_intake

IntakeFactory = Callable[..., Intake]


def test_the_neutral_intake_is_self_care(make_intake: IntakeFactory) -> None:
    assert fired_flags(make_intake()) == []
    triage = triage_intake(make_intake())
    assert triage.level is Level.SELF_CARE and triage.allows_plan


def test_a_fired_flag_names_its_answers_level_and_sources(make_intake: IntakeFactory) -> None:
    intake = make_intake(**{"red_flags.fever": True, "red_flags.urinary_symptoms": True})
    fired = {flag.id: flag for flag in fired_flags(intake)}
    assert set(fired) == {"spinal_infection", "kidney_infection"}
    for flag_id, flag in fired.items():
        assert flag.evidence and flag.sources
        assert flag.level is knowledge().red_flags[flag_id].level


def test_the_most_urgent_level_wins_and_its_advice_comes_first(
    make_intake: IntakeFactory,
) -> None:
    intake = make_intake(**{"red_flags.fever": True, "red_flags.saddle_numbness": True})
    triage = triage_intake(intake)
    assert triage.level is Level.EMERGENCY
    assert [f.level for f in triage.flags] == sorted(
        (f.level for f in triage.flags), key=lambda level: -level.rank
    )
    assert "saddle" in triage.advice and "urgent care line" not in triage.advice
    assert len(triage.reasons) == 2  # the urgent reason is still listed


def test_thoracic_pain_alone_in_an_adult_is_self_care(make_intake: IntakeFactory) -> None:
    # Mechanical upper back pain with every safety answer "no" stays self-care (DESIGN.md),
    # while the thoracic safety questions are still asked (questionnaire tests).
    intake = make_intake(areas=["upper_back_centre"], pain_qualities=["stiffness"])
    assert triage_intake(intake).level is Level.SELF_CARE


def test_cough_worsening_alone_is_not_a_red_flag(make_intake: IntakeFactory) -> None:
    # Sciatica is often worse on coughing (vignette P03 is self-care).
    assert triage_intake(make_intake(worse_with=["cough_sneeze"])).level is Level.SELF_CARE


def test_a_child_gets_soon_and_no_plan(make_intake: IntakeFactory) -> None:
    triage = triage_intake(make_intake(age=13))
    assert triage.level is Level.SOON and not triage.allows_plan
    assert "gentle plan" not in triage.advice and "GP" in triage.advice


def test_emergency_advice_uses_the_configured_number(make_intake: IntakeFactory) -> None:
    intake = make_intake(**{"red_flags.chest_pain": True})
    assert "112" in triage_intake(intake, emergency_number="112").advice
    assert "{emergency_number}" not in triage_intake(intake).advice


def test_self_care_counts_the_safety_questions_asked(make_intake: IntakeFactory) -> None:
    plain = triage_intake(make_intake()).reasons[0]
    asked = len(RedFlags.model_fields) + len(History.model_fields)  # not pregnant: no more
    assert asked == 47
    assert f"{asked} safety questions" in plain
