# ruff: noqa: E501  (the tables keep one row per line)
"""The daily check-in's re-triage (``core/checkin.py``), as tables.

Each row is a saved assessment (the neutral intake with the named changes, or none at all)
and the warning signs ticked today; the verdict is what re-triage must say.
"""

from __future__ import annotations

from typing import Any

import pytest

from spinewise.core.checkin import (
    CHECKIN_GROUPS,
    PREGNANCY_GROUP,
    checkin_choice_groups,
    checkin_groups,
    checkin_questions,
    retriage,
)
from spinewise.core.intake import PregnancySigns
from spinewise.core.knowledge import knowledge
from spinewise.core.levels import Level
from spinewise.core.questionnaire import questionnaire

NO_SIGNS = dict.fromkeys(PregnancySigns.model_fields, False)
PREGNANT: dict[str, Any] = {"pregnant_weeks": 30, "pregnancy": NO_SIGNS}
NO_ASSESSMENT = None  # a person who checks in without a saved assessment

# fmt: off

def _id(value: object) -> str:
    """Stable test ids: a set's order changes with the hash seed of each xdist worker."""
    if isinstance(value, set | frozenset):
        return ",".join(sorted(map(str, value)))
    return str(value)


RETRIAGE: list[tuple[str, dict[str, Any] | None, list[str], Level | None, set[str]]] = [
    # case, saved answers (None: no assessment), new today, level (None: nothing new), flags that fire
    ("nothing new", {}, [], None, set()),
    ("nothing new, no assessment", NO_ASSESSMENT, [], None, set()),
    ("a fever", {}, ["fever"], Level.URGENT, {"spinal_infection"}),
    ("a fever, no assessment", NO_ASSESSMENT, ["fever"], Level.URGENT, {"spinal_infection"}),
    ("saddle numbness, no assessment", NO_ASSESSMENT, ["saddle_numbness"], Level.EMERGENCY, {"cauda_equina"}),
    ("night sweats, no assessment", NO_ASSESSMENT, ["night_sweats"], Level.SOON, {"night_sweats"}),
    ("new leg weakness counts as worsening", {}, ["leg_weakness"], Level.URGENT, {"progressive_weakness"}),
    ("worsening weakness", {}, ["weakness_worsening"], Level.URGENT, {"progressive_weakness"}),
    ("a new sign adds to the saved ones", {"red_flags.urinary_symptoms": True}, ["fever"], Level.URGENT, {"spinal_infection", "kidney_infection"}),
    ("a saved sign stays", {"red_flags.night_sweats": True}, ["weight_loss"], Level.URGENT, {"weight_loss", "night_sweats"}),
    ("the saved age still counts", {"age": 70}, ["pulsating_abdomen"], Level.URGENT, {"known_aneurysm"}),
    ("pregnant: bleeding", PREGNANT, ["bleeding"], Level.EMERGENCY, {"pregnancy_warning"}),
    ("pregnant: waves of pain", PREGNANT, ["contractions"], Level.EMERGENCY, {"pregnancy_warning"}),
    ("pregnant: a fever", PREGNANT, ["fever"], Level.EMERGENCY, {"pregnancy_warning", "spinal_infection"}),
    ("pregnant: night sweats only", PREGNANT, ["night_sweats"], Level.SOON, {"night_sweats"}),
]
# fmt: on


@pytest.mark.parametrize(("case", "saved", "new", "level", "fired"), RETRIAGE, ids=_id)
def test_a_new_warning_sign_re_triages_at_once(
    case: str,
    saved: dict[str, Any] | None,
    new: list[str],
    level: Level | None,
    fired: set[str],
    make_intake: Any,
) -> None:
    base = None if saved is None else make_intake(**saved)
    result = retriage(base, new)
    if level is None:
        assert result is None, case
        return
    assert result is not None and result.level is level, case
    assert {flag.id for flag in result.flags} == fired, case


def test_pregnancy_signs_reach_the_evidence(make_intake: Any) -> None:
    result = retriage(make_intake(**PREGNANT), ["bleeding", "fluid_leak"])
    assert result is not None
    [flag] = [f for f in result.flags if f.id == "pregnancy_warning"]
    assert flag.evidence == [
        "30 weeks pregnant",
        f"you said: {PregnancySigns.model_fields['bleeding'].description}",
        f"you said: {PregnancySigns.model_fields['fluid_leak'].description}",
    ]


# fmt: off
REFUSED: list[tuple[str, dict[str, Any] | None, list[str], str]] = [
    ("not a warning sign", {}, ["feeling_sad"], "not a check-in question: feeling_sad"),
    ("two unknown names", {}, ["sad", "fever", "tired"], "not a check-in question: sad, tired"),
    ("a pregnancy sign when not pregnant", {}, ["bleeding"], "not a check-in question: bleeding"),
    ("a pregnancy sign without an assessment", NO_ASSESSMENT, ["bleeding"], "not a check-in question: bleeding"),
    ("a health-background answer", {}, ["cancer"], "not a check-in question: cancer"),
]
# fmt: on


@pytest.mark.parametrize(("case", "saved", "new", "message"), REFUSED, ids=_id)
def test_only_the_check_in_questions_are_accepted(
    case: str, saved: dict[str, Any] | None, new: list[str], message: str, make_intake: Any
) -> None:
    base = None if saved is None else make_intake(**saved)
    with pytest.raises(ValueError) as raised:
        retriage(base, new)
    assert str(raised.value) == message, case


def test_re_triage_uses_the_knowledge_base_and_number_it_is_given(make_intake: Any) -> None:
    kb = knowledge()
    changed = kb.model_copy(
        update={
            "red_flags": {
                **kb.red_flags,
                "night_sweats": kb.red_flags["night_sweats"].model_copy(
                    update={"level": Level.URGENT, "advice": "Call {emergency_number}."}
                ),
            }
        }
    )
    result = retriage(make_intake(), ["night_sweats"], kb=changed, emergency_number="112")
    assert result is not None and (result.level, result.advice) == (Level.URGENT, "Call 112.")
    default = retriage(make_intake(), ["chest_pain"], emergency_number="112")
    assert default is not None and "Call 112 now" in default.advice


# --- what is asked ---------------------------------------------------------------------------
# fmt: off
GROUPS: list[tuple[str, dict[str, Any] | None, list[str]]] = [
    ("no assessment", NO_ASSESSMENT, ["nerves", "chest", "general", "pain"]),
    ("not pregnant", {}, ["nerves", "chest", "general", "pain"]),
    ("a man", {"sex": "male"}, ["nerves", "chest", "general", "pain"]),
    ("pregnant", PREGNANT, ["nerves", "chest", "general", "pain", "pregnancy"]),
]
# fmt: on


@pytest.mark.parametrize(("case", "saved", "groups"), GROUPS, ids=_id)
def test_pregnancy_signs_are_asked_only_in_pregnancy(
    case: str, saved: dict[str, Any] | None, groups: list[str], make_intake: Any
) -> None:
    base = None if saved is None else make_intake(**saved)
    assert [group.id for group in checkin_groups(base)] == groups, case
    asked = [name for name, _ in checkin_questions(base)]
    assert asked == [name for group in checkin_groups(base) for name in group.flags]
    grouped = checkin_choice_groups(base)
    assert [question for question, _ in grouped] == [g.question for g in checkin_groups(base)]
    assert [name for _, items in grouped for name, _ in items] == asked


@pytest.mark.parametrize(
    ("name", "field"),
    [
        ("fever", "red_flags.fever"),
        ("leg_weakness", "red_flags.leg_weakness"),
        ("bleeding", "pregnancy.bleeding"),
    ],
)
def test_each_re_check_is_worded_as_in_the_questionnaire(
    name: str, field: str, make_intake: Any
) -> None:
    label = questionnaire().label(field)
    assert (name, label) in checkin_questions(make_intake(**PREGNANT))
    items = [item for _, group in checkin_choice_groups(make_intake(**PREGNANT)) for item in group]
    assert (name, label) in items


def test_every_check_in_group_is_distinct_and_pregnancy_is_last() -> None:
    names = [name for group in (*CHECKIN_GROUPS, PREGNANCY_GROUP) for name in group.flags]
    assert len(names) == len(set(names))
    assert PREGNANCY_GROUP.flags == tuple(PregnancySigns.model_fields)
