"""Properties that hold for every valid intake, checked with hypothesis."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from intake_strategies import intake_data

from spinewise.core.assessment import assess
from spinewise.core.intake import (
    DETAIL_FIELDS,
    History,
    Intake,
    RedFlags,
    Screening,
    parse_intake,
    screening_so_far,
)
from spinewise.core.levels import Level
from spinewise.core.triage import triage_intake

FLAG_NAMES = sorted(RedFlags.model_fields)
# Every health-background answer that can make a warning sign likelier (the everyday
# answers offered beside a warning sign are excluded: they must never raise anything).
RISK_NAMES = sorted(set(History.model_fields) - {"usual_leaks", "usual_breathlessness"})


@settings(max_examples=300, deadline=None)
@given(intake_data())
def test_any_valid_intake_is_assessed(data: dict[str, Any]) -> None:
    result = assess(parse_intake(data))
    assert result.triage.reasons and result.triage.advice
    if not result.allows_exercise:
        assert result.causes == [] and result.mistakes == []
    scores = [cause.score for cause in result.causes]
    assert scores == sorted(scores, reverse=True)


@settings(max_examples=300, deadline=None)
@given(intake_data(), st.sampled_from(FLAG_NAMES))
def test_answering_yes_to_one_more_safety_question_never_lowers_the_level(
    data: dict[str, Any], flag: str
) -> None:
    before = assess(parse_intake(data)).triage.level
    data["red_flags"][flag] = True
    after = assess(parse_intake(data)).triage.level
    assert after.rank >= before.rank


@settings(max_examples=200, deadline=None)
@given(intake_data(), st.sampled_from(RISK_NAMES))
def test_one_more_risk_factor_never_lowers_the_level(data: dict[str, Any], risk: str) -> None:
    before = assess(parse_intake(data)).triage.level
    data["history"][risk] = True
    assert assess(parse_intake(data)).triage.level.rank >= before.rank


@settings(max_examples=200, deadline=None)
@given(intake_data())
def test_everyday_answers_never_raise_the_level(data: dict[str, Any]) -> None:
    data["history"].update(usual_leaks=False, usual_breathlessness=False)
    before = assess(parse_intake(data)).triage.level
    data["history"].update(usual_leaks=True, usual_breathlessness=True)
    assert assess(parse_intake(data)).triage.level is before


@settings(max_examples=300, deadline=None)
@given(intake_data())
def test_emergency_and_urgent_verdicts_are_settled_by_the_safety_answers(
    data: dict[str, Any],
) -> None:
    # The details come after the safety pages, so they can add a "see someone soon" flag
    # but never make or unmake an urgent or emergency verdict.
    full = triage_intake(parse_intake(data)).level
    screening_only = {k: v for k, v in data.items() if k not in DETAIL_FIELDS}
    early = triage_intake(screening_so_far(screening_only)).level
    if Level.URGENT.rank <= max(full.rank, early.rank):
        assert full is early


@settings(max_examples=200, deadline=None)
@given(intake_data())
def test_a_stopped_intake_is_never_given_a_plan(data: dict[str, Any]) -> None:
    screening_only = {k: v for k, v in data.items() if k not in DETAIL_FIELDS}
    try:
        parsed = parse_intake(screening_only)
    except Exception:
        return  # the questionnaire would have carried on: nothing to check
    assert isinstance(parsed, Screening) and not isinstance(parsed, Intake)
    assert not assess(parsed).allows_exercise and assess(parsed).causes == []


@settings(max_examples=100, deadline=None)
@given(intake_data())
def test_the_assessment_is_deterministic(data: dict[str, Any]) -> None:
    intake = parse_intake(data)
    assert assess(intake) == assess(parse_intake(data))
    assert assess(intake).to_json_dict() == assess(intake).to_json_dict()


@settings(max_examples=100, deadline=None)
@given(intake_data())
def test_an_intake_survives_a_json_round_trip(data: dict[str, Any]) -> None:
    intake = parse_intake(data)
    again = parse_intake(intake.model_dump(mode="json", by_alias=True))
    assert again == intake
