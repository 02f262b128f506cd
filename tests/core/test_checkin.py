"""The daily re-check asks every warning sign that can appear after the assessment, grouped
so it stays quick, and re-triages at once (NICE NG59 1.1.1)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from spinewise.core.checkin import (
    CHECKIN_FLAGS,
    CHECKIN_GROUPS,
    PREGNANCY_GROUP,
    checkin_choice_groups,
    checkin_groups,
    checkin_questions,
    retriage,
)
from spinewise.core.intake import Intake, PregnancySigns, RedFlags
from spinewise.core.levels import Level

IntakeFactory = Callable[..., Intake]
PREGNANT: dict[str, Any] = {
    "pregnant_weeks": 30,
    "pregnancy": dict.fromkeys(PregnancySigns.model_fields, False),
}


def test_every_warning_sign_is_asked_again_in_exactly_one_group() -> None:
    asked = [name for group in CHECKIN_GROUPS for name in group.flags]
    assert sorted(asked) == sorted(RedFlags.model_fields)
    assert set(PREGNANCY_GROUP.flags) == set(PregnancySigns.model_fields)
    assert set(CHECKIN_FLAGS) == set(RedFlags.model_fields) | set(PregnancySigns.model_fields)


def test_the_groups_stay_quick() -> None:
    assert len(CHECKIN_GROUPS) <= 4
    assert all(group.question.endswith("?") for group in CHECKIN_GROUPS)


def test_pregnancy_signs_are_asked_only_in_pregnancy(make_intake: IntakeFactory) -> None:
    assert PREGNANCY_GROUP not in checkin_groups(make_intake())
    assert PREGNANCY_GROUP in checkin_groups(make_intake(**PREGNANT))
    assert len(checkin_choice_groups(make_intake(**PREGNANT))) == len(CHECKIN_GROUPS) + 1


def test_each_sign_is_worded_as_in_the_questionnaire() -> None:
    questions = dict(checkin_questions())
    assert questions["chest_pain"].startswith("New pain, pressure, tightness or heaviness")


def test_nothing_new_means_no_retriage(make_intake: IntakeFactory) -> None:
    assert retriage(make_intake(), []) is None


@pytest.mark.parametrize(
    ("sign", "level"),
    [
        ("saddle_numbness", Level.EMERGENCY),
        ("both_legs_symptoms", Level.EMERGENCY),
        ("chest_pain", Level.EMERGENCY),
        ("leg_weakness", Level.URGENT),  # new since the assessment: counts as worsening
        ("weakness_worsening", Level.URGENT),
        ("fever", Level.URGENT),
        ("night_pain", Level.URGENT),
        ("calf_swelling", Level.URGENT),
        ("night_sweats", Level.SOON),
    ],
)
def test_a_new_sign_retriages_at_once(sign: str, level: Level, make_intake: IntakeFactory) -> None:
    result = retriage(make_intake(), [sign])
    assert result is not None and result.level is level


def test_a_pregnancy_sign_at_a_check_in_is_an_emergency(make_intake: IntakeFactory) -> None:
    result = retriage(make_intake(**PREGNANT), ["bleeding"])
    assert result is not None and result.level is Level.EMERGENCY


def test_a_sign_that_does_not_apply_is_refused(make_intake: IntakeFactory) -> None:
    with pytest.raises(ValueError, match="bleeding"):
        retriage(make_intake(), ["bleeding"])  # not pregnant
    with pytest.raises(ValueError, match="sore_toe"):
        retriage(make_intake(), ["sore_toe"])


def test_without_an_assessment_the_sign_is_judged_on_its_own() -> None:
    result = retriage(None, ["bladder_change"])
    assert result is not None and result.level is Level.EMERGENCY
