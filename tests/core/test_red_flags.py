"""Each red flag fires on its answers, alone or in its combination, and not without them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from spinewise.core.intake import Intake
from spinewise.core.knowledge import knowledge
from spinewise.core.levels import Level
from spinewise.core.red_flags import RULES
from spinewise.core.triage import fired_flags, triage_intake

IntakeFactory = Callable[..., Intake]

# flag id -> (answers that fire it, the same case with the deciding answer "no")
CASES: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "cauda_equina": (
        {"red_flags.saddle_numbness": True},
        {"red_flags.saddle_numbness": False},
    ),
    "bilateral_leg_symptoms": (
        {"red_flags.both_legs_symptoms": True},
        {"red_flags.both_legs_symptoms": False},
    ),
    "major_trauma": ({"red_flags.major_trauma": True}, {"red_flags.major_trauma": False}),
    "heart_attack": (
        {"red_flags.breathless": True, "red_flags.sweating_nausea": True},
        {"red_flags.breathless": True, "red_flags.sweating_nausea": False},
    ),
    "aortic_dissection": ({"red_flags.tearing_pain": True}, {"red_flags.tearing_pain": False}),
    "aortic_aneurysm_rupture": (
        {"onset": "sudden", "red_flags.faint_dizzy": True},
        {"onset": "sudden", "red_flags.faint_dizzy": False},
    ),
    "lung_clot_or_collapse": (
        {"red_flags.breathless": True, "red_flags.pain_on_breathing": True},
        {"red_flags.breathless": False, "red_flags.pain_on_breathing": True},
    ),
    "severe_abdominal_pain": (
        {
            "areas": ["abdomen", "lower_back_centre"],
            "intensity": 8,
            "red_flags.sweating_nausea": True,
        },
        {"areas": ["abdomen", "lower_back_centre"], "intensity": 8},
    ),
    "cancer_with_nerve_symptoms": (
        {"history.cancer": True, "red_flags.leg_weakness": True},
        {"history.cancer": True, "red_flags.leg_weakness": False},
    ),
    "infection_with_nerve_symptoms": (
        {"red_flags.fever": True, "red_flags.unsteady_walking": True},
        {"red_flags.fever": False, "red_flags.unsteady_walking": True},
    ),
    "spinal_infection": ({"red_flags.fever": True}, {"red_flags.fever": False}),
    "kidney_infection": (
        {"red_flags.fever": True, "red_flags.urinary_symptoms": True},
        {"red_flags.fever": False, "red_flags.urinary_symptoms": True},
    ),
    "infection_risk": (
        {"history.iv_drug_use": True, "red_flags.night_pain": True},
        {"history.iv_drug_use": False, "red_flags.night_pain": True},
    ),
    "cancer_history": ({"history.cancer": True}, {"history.cancer": False}),
    "weight_loss": ({"red_flags.weight_loss": True}, {"red_flags.weight_loss": False}),
    "night_pain": ({"red_flags.night_pain": True}, {"red_flags.night_pain": False}),
    "new_non_mechanical_pain_over_50": (
        {"age": 55, "time_pattern": ["constant"], "worse_with": [], "better_with": []},
        {"age": 45, "time_pattern": ["constant"], "worse_with": [], "better_with": []},
    ),
    "fragility_fracture": (
        {"history.osteoporosis": True, "injury": "minor_fall"},
        {"history.osteoporosis": False, "injury": "minor_fall"},
    ),
    "spinal_deformity": ({"red_flags.deformity": True}, {"red_flags.deformity": False}),
    "progressive_weakness": (
        {"red_flags.leg_weakness": True, "red_flags.weakness_worsening": True},
        {"red_flags.leg_weakness": True, "red_flags.weakness_worsening": False},
    ),
    "spinal_cord_symptoms": (
        {"red_flags.unsteady_walking": True},
        {"red_flags.unsteady_walking": False},
    ),
    "shingles": ({"red_flags.rash_band": True}, {"red_flags.rash_band": False}),
    "possible_aneurysm": (
        {"red_flags.pulsating_abdomen": True},
        {"red_flags.pulsating_abdomen": False},
    ),
    "gallbladder_warning": ({"red_flags.jaundice": True}, {"red_flags.jaundice": False}),
    "breathless": ({"red_flags.breathless": True}, {"red_flags.breathless": False}),
    "faint": ({"red_flags.faint_dizzy": True}, {"red_flags.faint_dizzy": False}),
    "under_16": ({"age": 14}, {"age": 16}),
    "inflammatory_pattern": (
        {
            "age": 28,
            "duration_days": 180,
            "time_pattern": ["morning_stiffness_long", "wakes_second_half_night"],
            "better_with": ["exercise"],
        },
        {"age": 28, "duration_days": 180, "time_pattern": [], "better_with": ["exercise"]},
    ),
    "not_improving": (
        {"duration_days": 60, "trend": "same"},
        {"duration_days": 60, "trend": "better"},
    ),
    "stable_leg_weakness": ({"red_flags.leg_weakness": True}, {"red_flags.leg_weakness": False}),
    "infection_risk_factor": (
        {"history.immunosuppressed": True},
        {"history.immunosuppressed": False},
    ),
    "urinary_symptoms": (
        {"red_flags.urinary_symptoms": True},
        {"red_flags.urinary_symptoms": False},
    ),
    "gallbladder_pattern": ({"worse_with": ["fatty_meals"]}, {"worse_with": ["sitting"]}),
    "severe_worsening": ({"intensity": 9, "trend": "worse"}, {"intensity": 9, "trend": "same"}),
}


def test_every_red_flag_in_the_content_has_a_rule_and_a_test_case() -> None:
    flag_ids = set(knowledge().red_flags)
    assert flag_ids == set(RULES)
    assert flag_ids == set(CASES)


def test_the_neutral_intake_fires_no_flag(make_intake: IntakeFactory) -> None:
    assert fired_flags(make_intake()) == []
    assert triage_intake(make_intake()).level is Level.SELF_CARE


@pytest.mark.parametrize("flag_id", sorted(CASES))
def test_flag_fires_on_its_answers(flag_id: str, make_intake: IntakeFactory) -> None:
    fires, _ = CASES[flag_id]
    intake = make_intake(**fires)
    fired = {flag.id: flag for flag in fired_flags(intake)}
    assert flag_id in fired
    flag = fired[flag_id]
    assert flag.evidence, "a fired flag names the answers behind it"
    assert flag.level is knowledge().red_flags[flag_id].level
    assert triage_intake(intake).level.rank >= flag.level.rank


@pytest.mark.parametrize("flag_id", sorted(CASES))
def test_flag_stays_quiet_when_its_answer_is_no(flag_id: str, make_intake: IntakeFactory) -> None:
    _, quiet = CASES[flag_id]
    assert flag_id not in {flag.id for flag in fired_flags(make_intake(**quiet))}


@pytest.mark.parametrize(
    ("changes", "level"),
    [
        ({"red_flags.chest_pain": True}, Level.EMERGENCY),
        ({"red_flags.bladder_change": True}, Level.EMERGENCY),
        ({"red_flags.bowel_change": True}, Level.EMERGENCY),
        ({"red_flags.sexual_dysfunction": True}, Level.EMERGENCY),
        ({"red_flags.very_unwell": True}, Level.EMERGENCY),
        ({"red_flags.coughing_blood": True}, Level.EMERGENCY),
        (
            {"areas": ["lower_back_centre", "leg_below_knee_left", "leg_below_knee_right"]},
            Level.EMERGENCY,
        ),
        ({"history.cancer": True, "red_flags.unsteady_walking": True}, Level.EMERGENCY),
        ({"history.aortic_aneurysm": True, "intensity": 9}, Level.EMERGENCY),
        ({"history.long_term_steroids": True, "onset": "sudden"}, Level.URGENT),
        ({"age": 75, "injury": "lifting"}, Level.URGENT),
        ({"areas": ["upper_back_left"], "pain_qualities": ["burning", "band_like"]}, Level.URGENT),
    ],
)
def test_combinations_reach_their_level(
    changes: dict[str, Any], level: Level, make_intake: IntakeFactory
) -> None:
    assert triage_intake(make_intake(**changes)).level is level


def test_thoracic_pain_alone_in_an_adult_is_self_care(make_intake: IntakeFactory) -> None:
    # Mechanical upper back pain with every safety answer "no" stays self-care (DESIGN.md),
    # while the thoracic safety questions are still asked (questionnaire tests).
    intake = make_intake(areas=["upper_back_centre"], pain_qualities=["stiffness"])
    assert triage_intake(intake).level is Level.SELF_CARE


def test_cough_worsening_alone_is_not_a_red_flag(make_intake: IntakeFactory) -> None:
    # Sciatica is often worse on coughing (vignette P03 is self-care); the flag matters in
    # combination with cancer, age over 50 with constant pain, or weight loss.
    assert triage_intake(make_intake(worse_with=["cough_sneeze"])).level is Level.SELF_CARE


def test_emergency_advice_uses_the_configured_number(make_intake: IntakeFactory) -> None:
    intake = make_intake(**{"red_flags.chest_pain": True})
    assert "112" in triage_intake(intake, emergency_number="112").advice
    assert "{emergency_number}" not in triage_intake(intake).advice
