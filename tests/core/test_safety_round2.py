"""The cases a clinician's review and new users found in round 1, each now a test.

Under-triage: each must reach at least the level named. Over-triage: each must stay below
the emergency level it wrongly reached (and at the level named). The issue that reported
them is issue 9 ("Safety round 2").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from spinewise.core.checkin import retriage
from spinewise.core.intake import Intake, PregnancySigns
from spinewise.core.levels import Level
from spinewise.core.questionnaire import questionnaire
from spinewise.core.triage import triage_intake

IntakeFactory = Callable[..., Intake]
NO_SIGNS = dict.fromkeys(PregnancySigns.model_fields, False)


def _pregnant(weeks: int, **signs: bool) -> dict[str, Any]:
    return {"pregnant_weeks": weeks, "pregnancy": {**NO_SIGNS, **signs}}


UNDER_TRIAGED: list[tuple[str, dict[str, Any], Level]] = [
    (
        "sudden severe flank pain at 66 with high blood pressure (aneurysm)",
        {
            "age": 66,
            "sex": "male",
            "areas": ["lower_back_left", "flank_left"],
            "onset": "sudden",
            "intensity": 8,
            "history.heart_risk": True,
            "red_flags.sudden_severe": True,
        },
        Level.EMERGENCY,
    ),
    (
        "upper back pain on effort, eased by rest (angina)",
        {"age": 58, "areas": ["upper_back_centre"], "red_flags.exertion_pain": True},
        Level.URGENT,
    ),
    (
        "a swollen calf without breathlessness (clot in the leg)",
        {"red_flags.calf_swelling": True},
        Level.URGENT,
    ),
    (
        "pain on breathing in after a long journey (clot in the lung)",
        {
            "areas": ["upper_back_right"],
            "red_flags.pain_on_breathing": True,
            "history.recent_immobility": True,
        },
        Level.EMERGENCY,
    ),
    ("pregnancy: pain in waves at 32 weeks", _pregnant(32, contractions=True), Level.EMERGENCY),
    ("pregnancy: bleeding", _pregnant(20, bleeding=True), Level.EMERGENCY),
    ("pregnancy: fluid leaking", _pregnant(34, fluid_leak=True), Level.EMERGENCY),
    (
        "pregnancy: bad headache with blurred vision",
        _pregnant(36, preeclampsia_signs=True),
        Level.EMERGENCY,
    ),
    ("pregnancy: a fever", {**_pregnant(28), "red_flags.fever": True}, Level.EMERGENCY),
    ("drenching night sweats", {"red_flags.night_sweats": True}, Level.SOON),
    (
        "sudden severe pain on a blood thinner",
        {"history.anticoagulants": True, "red_flags.sudden_severe": True},
        Level.EMERGENCY,
    ),
    (
        "long-term steroids and a sneeze",
        {"age": 72, "history.long_term_steroids": True, "injury": "cough_sneeze"},
        Level.URGENT,
    ),
    (
        "kidney stone: pain in waves into the groin",
        {"areas": ["flank_right", "groin"], "red_flags.colicky_pain": True},
        Level.URGENT,
    ),
    (
        "recent spine injection and pain getting worse",
        {"history.recent_spinal_surgery": True, "trend": "worse"},
        Level.URGENT,
    ),
]


@pytest.mark.parametrize(("case", "changes", "level"), UNDER_TRIAGED, ids=lambda x: str(x))
def test_cases_that_were_under_triaged_now_reach_their_level(
    case: str, changes: dict[str, Any], level: Level, make_intake: IntakeFactory
) -> None:
    assert triage_intake(make_intake(**changes)).level.rank >= level.rank, case


OVER_TRIAGED: list[tuple[str, dict[str, Any], Level]] = [
    (
        "upper back pain spreading to the neck at 45",
        {"age": 45, "areas": ["upper_back_centre", "neck"]},
        Level.SELF_CARE,
    ),
    (
        "felt something tear while lifting, at 30",
        {"injury": "lifting", "onset": "sudden", "red_flags.tearing_pain": True},
        Level.SELF_CARE,
    ),
    (
        "felt something tear while lifting, at 45",
        {"age": 45, "injury": "lifting", "onset": "sudden", "red_flags.tearing_pain": True},
        Level.URGENT,
    ),
    ("out of breath from asthma", {"history.usual_breathlessness": True}, Level.SELF_CARE),
    (
        "long-standing, stable pain in both legs",
        {
            "age": 68,
            "areas": ["lower_back_centre", "leg_below_knee_left", "leg_below_knee_right"],
            "duration_days": 400,
        },
        Level.SOON,
    ),
    ("a slip from standing", {"injury": "minor_fall"}, Level.SELF_CARE),
    ("everyday stress leaks", {"history.usual_leaks": True}, Level.SELF_CARE),
    (
        "a pulse felt in the tummy of a slim 30-year-old",
        {"red_flags.pulsating_abdomen": True},
        Level.SOON,
    ),
    ("a treated minor skin cancer", {"history.minor_skin_cancer": True}, Level.SELF_CARE),
    (
        "breast cancer years ago, mechanical lower back ache that is improving",
        {"age": 52, "history.cancer": True, "trend": "better"},
        Level.SOON,
    ),
]


@pytest.mark.parametrize(("case", "changes", "level"), OVER_TRIAGED, ids=lambda x: str(x))
def test_cases_that_were_over_triaged_now_get_a_proportionate_level(
    case: str, changes: dict[str, Any], level: Level, make_intake: IntakeFactory
) -> None:
    assert triage_intake(make_intake(**changes)).level is level, case


def test_a_child_gets_no_plan_after_the_adult_age_notice(make_intake: IntakeFactory) -> None:
    triage = triage_intake(make_intake(age=13))
    assert triage.level is Level.SOON and not triage.allows_plan


def test_new_leg_weakness_at_a_check_in_is_urgent_not_soon(make_intake: IntakeFactory) -> None:
    result = retriage(make_intake(), ["leg_weakness"])
    assert result is not None and result.level is Level.URGENT


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("areas", "mid_back_centre"),
        ("areas", "ribs_left"),
        ("areas", "groin"),
        ("injury", "cough_sneeze"),
        ("worse_with", "resting"),
        ("episodes", "before_recovered"),
        ("painkiller_effect", "help"),
    ],
)
def test_the_questionnaire_can_say_what_it_could_not(field: str, value: str) -> None:
    assert value in {o.value for o in questionnaire().question(field).options}
