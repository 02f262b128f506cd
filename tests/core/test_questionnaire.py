"""The questionnaire is data that covers every intake field, and parses answers strictly."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, get_args

import pytest
from pydantic import BaseModel

from spinewise.core.intake import Intake
from spinewise.core.questionnaire import (
    AnswerError,
    answers_to_intake,
    intake_to_answers,
    is_visible,
    parse_answer,
    questionnaire,
)
from spinewise.core.triage import triage_intake


def _leaf_fields(model: type[BaseModel], prefix: str = "") -> dict[str, Any]:
    leaves: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        key = field.alias or name
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            leaves.update(_leaf_fields(annotation, f"{prefix}{key}."))
        elif key != "schema":
            leaves[f"{prefix}{key}"] = annotation
    return leaves


def _enum_of(annotation: Any) -> type[StrEnum] | None:
    for candidate in (annotation, *get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, StrEnum):
            return candidate
    return None


def test_every_intake_field_is_asked_exactly_once() -> None:
    asked = [q.field for q in questionnaire().questions]
    assert sorted(asked) == sorted(_leaf_fields(Intake))


def test_option_values_match_the_intake_choices() -> None:
    leaves = _leaf_fields(Intake)
    for question in questionnaire().questions:
        enum = _enum_of(leaves[question.field])
        if enum is not None:
            assert sorted(o.value for o in question.options) == sorted(e.value for e in enum)


def test_every_safety_question_is_in_a_safety_step_that_cannot_be_hidden() -> None:
    for step in questionnaire().steps:
        for question in step.questions:
            if question.field.startswith("red_flags."):
                assert step.kind == "safety"
                assert question.show_if is None and not question.optional


def test_pregnancy_is_only_asked_when_it_can_apply() -> None:
    question = questionnaire().question("pregnant_weeks")
    assert is_visible(question, {"sex": "female"})
    assert not is_visible(question, {"sex": "male"})


@pytest.mark.parametrize(
    ("field", "raw", "expected"),
    [
        ("age", "42", 42),
        ("habits.sitting_hours", "7.5", 7.5),
        ("onset_severe", "Yes", True),
        ("red_flags.fever", "n", False),
        ("areas", "lower_back_centre, upper_back_left", ["lower_back_centre", "upper_back_left"]),
        ("worse_with", "", []),
        ("pregnant_weeks", "", None),
        ("sex", "female", "female"),
    ],
)
def test_answers_are_parsed(field: str, raw: str, expected: Any) -> None:
    assert parse_answer(questionnaire().question(field), raw) == expected


@pytest.mark.parametrize(
    ("field", "raw", "message"),
    [
        ("age", "forty", "enter a number"),
        ("age", "4.5", "whole number"),
        ("intensity", "11", "from 0 to 10"),
        ("red_flags.fever", "maybe", "yes or no"),
        ("sex", "robot", "choose one of"),
        ("areas", "", "at least one"),
        ("areas", "elbow", "not one of the choices"),
        ("age", "", "please answer"),
    ],
)
def test_bad_answers_say_what_to_fix(field: str, raw: str, message: str) -> None:
    with pytest.raises(AnswerError, match=message):
        parse_answer(questionnaire().question(field), raw)


def test_answers_round_trip_through_an_intake(make_intake: Any) -> None:
    intake = make_intake(**{"red_flags.fever": True, "habits.sport": "tennis"})
    rebuilt = answers_to_intake(intake_to_answers(intake))
    assert rebuilt == intake
    assert triage_intake(rebuilt).level == triage_intake(intake).level
