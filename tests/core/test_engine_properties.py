"""Properties that hold for every valid intake, checked with hypothesis."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from intake_strategies import intake_data

from spinewise.core.assessment import assess
from spinewise.core.intake import RedFlags, parse_intake

FLAG_NAMES = sorted(RedFlags.model_fields)


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
