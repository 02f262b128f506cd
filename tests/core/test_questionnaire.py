"""The questionnaire is data that covers every intake field, and parses answers strictly."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, get_args

import pytest
from pydantic import BaseModel

from spinewise.core.instruments import packaged_instrument
from spinewise.core.intake import RECOVERY_SCREEN, SAFETY_SECTIONS, Intake, safety_fields
from spinewise.core.questionnaire import (
    AnswerError,
    answers_to_intake,
    early_stop,
    intake_to_answers,
    is_visible,
    parse_answer,
    parse_checklist,
    questionnaire,
)
from spinewise.core.stopping import Stop
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


def _asked_fields() -> list[str]:
    return [field for step in questionnaire().steps for field in step.fields]


def test_every_intake_field_is_asked_exactly_once() -> None:
    leaves = _leaf_fields(Intake)
    leaves.pop("pregnancy")  # an object of pregnancy signs, asked item by item
    leaves.pop("recovery")  # the recovery screen's answers, asked item by item
    screen = packaged_instrument(RECOVERY_SCREEN)
    assert sorted(_asked_fields()) == sorted(
        [
            *leaves,
            *(f"pregnancy.{name}" for name in SAFETY_SECTIONS["pregnancy"].model_fields),
            *(f"recovery.{item.id}" for item in screen.items),
        ]
    )


def test_the_recovery_screen_comes_after_the_safety_questions_and_the_pain_details() -> None:
    ids = [step.id for step in questionnaire().steps]
    last_safety = max(i for i, step in enumerate(questionnaire().steps) if step.is_safety)
    assert ids.index("recovery") > last_safety
    assert ids.index("recovery") > ids.index("pain")
    assert ids.index("recovery") > ids.index("pattern")


def test_the_recovery_step_asks_the_screen_in_its_own_words_and_choices() -> None:
    screen = packaged_instrument(RECOVERY_SCREEN)
    step = questionnaire().step("recovery")
    assert [q.label for q in step.questions] == [item.text for item in screen.items]
    for question, item in zip(step.questions, screen.items, strict=True):
        assert [o.value for o in question.options] == [o.value for o in item.options]


def test_option_values_match_the_intake_choices() -> None:
    leaves = _leaf_fields(Intake)
    for question in questionnaire().questions:
        if question.type == "checklist" or question.field.startswith("recovery."):
            continue  # recovery choices are the screen's own (checked above)
        enum = _enum_of(leaves[question.field])
        if enum is not None:
            assert sorted(o.value for o in question.options) == sorted(e.value for e in enum)


def test_every_safety_answer_is_a_checklist_item_in_a_safety_step() -> None:
    safety = set(safety_fields(pregnant=True))
    for step in questionnaire().steps:
        for question in step.questions:
            fields = {item.field for item in question.items}
            if fields & safety:
                assert step.is_safety and question.type == "checklist"
                assert question.show_if is None and not question.optional
    in_safety_steps = {f for step in questionnaire().steps if step.is_safety for f in step.fields}
    assert in_safety_steps == safety


def test_safety_comes_right_after_where_it_hurts_and_who_you_are() -> None:
    kinds = [(step.id, step.is_safety) for step in questionnaire().steps]
    first_safety = next(i for i, (_, safety) in enumerate(kinds) if safety)
    last_safety = max(i for i, (_, safety) in enumerate(kinds) if safety)
    assert [step_id for step_id, _ in kinds[:first_safety]] == ["where", "about"]
    assert all(safety for _, safety in kinds[first_safety : last_safety + 1])


def test_only_the_pregnancy_safety_step_can_be_skipped_and_only_when_not_pregnant() -> None:
    steps = questionnaire().steps
    conditional = [step.id for step in steps if step.is_safety and step.show_if is not None]
    assert conditional == ["safety_pregnancy"]
    ids = lambda answers: [s.id for s in questionnaire().visible_steps(answers)]  # noqa: E731
    assert "safety_pregnancy" in ids({"pregnant_weeks": 20})
    assert "safety_pregnancy" not in ids({"pregnant_weeks": None})


def test_pregnancy_is_only_asked_when_it_can_apply() -> None:
    question = questionnaire().question("pregnant_weeks")
    assert is_visible(question, {"sex": "female"})
    assert not is_visible(question, {"sex": "male"})


def test_a_checklist_needs_an_explicit_answer_and_never_defaults() -> None:
    checklist = questionnaire().question("check_nerves")
    with pytest.raises(AnswerError, match="None of these"):
        parse_checklist(checklist, [])
    with pytest.raises(AnswerError, match="cannot be ticked with another"):
        parse_checklist(checklist, ["none", "red_flags.saddle_numbness"])
    with pytest.raises(AnswerError, match="not one of the choices"):
        parse_checklist(checklist, ["red_flags.chest_pain"])
    none = parse_checklist(checklist, ["none"])
    assert set(none) == {item.field for item in checklist.items} and not any(none.values())
    picked = parse_checklist(checklist, ["red_flags__bladder_change"])
    assert picked["red_flags.bladder_change"] and not picked["red_flags.saddle_numbness"]


def _about(**changes: Any) -> dict[str, Any]:
    answers: dict[str, Any] = {
        "areas": ["lower_back_centre"],
        "age": 40,
        "sex": "male",
        "pregnant_weeks": None,
        "duration_days": 5,
        "onset": "gradual",
        "injury": "none",
        "intensity": 4,
        "trend": "same",
    }
    return {**answers, **changes}


def _answer_step(answers: dict[str, Any], step_id: str, *yes: str) -> dict[str, Any]:
    checklist = questionnaire().step(step_id).questions[0]
    return {**answers, **parse_checklist(checklist, list(yes) or ["none"])}


def test_an_emergency_answer_on_the_first_safety_page_stops_the_questionnaire() -> None:
    answers = _answer_step(_about(), "safety_nerves", "red_flags.saddle_numbness")
    assert early_stop(answers) is Stop.EMERGENCY
    intake = answers_to_intake(answers)
    assert not isinstance(intake, Intake) and triage_intake(intake).level == "emergency"


def test_an_urgent_answer_finishes_the_safety_pages_then_stops() -> None:
    answers = _answer_step(_about(), "safety_nerves", "red_flags.weakness_worsening")
    assert early_stop(answers) is None  # more safety pages to come
    for step_id in ("safety_chest", "safety_sudden", "safety_general", "safety_background"):
        answers = _answer_step(answers, step_id)
    assert early_stop(answers) is Stop.URGENT


def test_a_child_finishes_the_safety_pages_then_stops() -> None:
    answers = _about(age=13)
    for step_id in (s.id for s in questionnaire().steps if s.is_safety and not s.show_if):
        answers = _answer_step(answers, step_id)
    assert early_stop(answers) is Stop.CHILD


def test_a_self_care_person_carries_on_to_the_details() -> None:
    answers = _about()
    for step_id in (s.id for s in questionnaire().steps if s.is_safety and not s.show_if):
        answers = _answer_step(answers, step_id)
    assert early_stop(answers) is None


def test_nothing_stops_before_the_first_questions_are_answered() -> None:
    assert early_stop({"areas": ["lower_back_centre"]}) is None


@pytest.mark.parametrize(
    ("field", "raw", "expected"),
    [
        ("age", "42", 42),
        ("habits.sitting_hours", "7.5", 7.5),
        ("habits.slouching", "Yes", True),
        ("habits.head_forward", "n", False),
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
        ("habits.slouching", "maybe", "yes or no"),
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
