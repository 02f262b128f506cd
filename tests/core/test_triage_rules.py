# ruff: noqa: E501  (the tables keep one row per line)
"""How fired flags become one verdict: ``core/triage.py``, ``core/levels.py``, ``core/stopping.py``.

Tables in the style of ``test_red_flag_rules.py``: each row starts from the neutral intake
(a woman of 30 with a week of ordinary lower back ache, every safety answer "no") and
changes only what it names. The mutation runs (``make mutation``, ``make mutation-ast``)
check that changing any condition here makes some row fail.
"""

from __future__ import annotations

from typing import Any

import pytest

from spinewise.core.intake import Intake, Screening, screening_so_far
from spinewise.core.knowledge import knowledge
from spinewise.core.levels import Level, most_urgent
from spinewise.core.stopping import Stop, stop_reason
from spinewise.core.triage import fired_flags, triage_intake


def yes(*names: str) -> dict[str, bool]:
    return {f"red_flags.{name}": True for name in names}


def had(*names: str) -> dict[str, bool]:
    return {f"history.{name}": True for name in names}


def _advice(flag_id: str, number: str = "999") -> str:
    return knowledge().red_flags[flag_id].advice.format(emergency_number=number).strip()


SOON_FOOTER = (
    " In the meantime you can follow the gentle plan below. Get help at once if you notice "
    "any of the warning signs, and call {n} for numbness around your genitals "
    "or bottom, bladder or bowel changes, chest pain or trouble breathing."
)

# --- levels: the order that makes "the most urgent level wins" -----------------------------
# fmt: off
LEVELS: list[tuple[Level, int, str, str, bool]] = [
    # level, rank, label, short label, exercise advice allowed
    (Level.SELF_CARE, 0, "Safe to look after at home", "Self-care", True),
    (Level.SOON, 1, "Book a doctor or physiotherapist within 1-2 weeks", "See a clinician soon", True),
    (Level.URGENT, 2, "Get medical help today", "Urgent: today", False),
    (Level.EMERGENCY, 3, "Emergency: call for help now", "Emergency", False),
]
MOST_URGENT: list[tuple[list[Level], Level]] = [
    ([], Level.SELF_CARE),
    ([Level.SOON], Level.SOON),
    ([Level.SOON, Level.SELF_CARE], Level.SOON),
    ([Level.SELF_CARE, Level.URGENT, Level.SOON], Level.URGENT),
    ([Level.EMERGENCY, Level.URGENT], Level.EMERGENCY),
    ([Level.URGENT, Level.EMERGENCY, Level.SOON], Level.EMERGENCY),
]
# fmt: on


@pytest.mark.parametrize(("level", "rank", "label", "short", "exercise"), LEVELS)
def test_each_level_has_its_rank_labels_and_exercise_rule(
    level: Level, rank: int, label: str, short: str, exercise: bool
) -> None:
    assert (level.rank, level.label, level.short_label, level.allows_exercise) == (
        rank,
        label,
        short,
        exercise,
    )


@pytest.mark.parametrize(("levels", "expected"), MOST_URGENT)
def test_the_most_urgent_level_wins(levels: list[Level], expected: Level) -> None:
    assert most_urgent(levels) is expected


# --- triage: level, advice and reasons ------------------------------------------------------
# fmt: off
VERDICTS: list[tuple[str, dict[str, Any], Level, bool]] = [
    # case, changes, level, plan allowed
    ("nothing", {}, Level.SELF_CARE, True),
    ("a soon flag", yes("night_sweats"), Level.SOON, True),
    ("a soon flag with no plan (a child)", {"age": 15}, Level.SOON, False),
    ("a soon flag from the later answers", {"worse_with": ["fatty_meals"]}, Level.SOON, True),
    ("an urgent flag", yes("weight_loss"), Level.URGENT, False),
    ("urgent beats soon", yes("weight_loss", "night_sweats"), Level.URGENT, False),
    ("an emergency flag", yes("saddle_numbness"), Level.EMERGENCY, False),
    ("emergency beats urgent and soon", yes("saddle_numbness", "weight_loss", "night_sweats"), Level.EMERGENCY, False),
]
# fmt: on


@pytest.mark.parametrize(("case", "changes", "level", "plan"), VERDICTS, ids=lambda x: str(x))
def test_the_verdict_is_the_most_urgent_fired_level(
    case: str, changes: dict[str, Any], level: Level, plan: bool, make_intake: Any
) -> None:
    triage = triage_intake(make_intake(**changes))
    assert (triage.level, triage.label, triage.allows_plan) == (level, level.label, plan), case


def test_fired_flags_come_most_urgent_first_then_in_content_order(make_intake: Any) -> None:
    intake = make_intake(**yes("night_sweats", "weight_loss", "saddle_numbness", "night_pain"))
    assert [f.id for f in fired_flags(intake)] == [
        "cauda_equina",
        "weight_loss",
        "night_pain",
        "night_sweats",
    ]


def test_a_fired_flag_carries_the_content_and_the_rule_evidence(make_intake: Any) -> None:
    [flag] = fired_flags(make_intake(age=15), emergency_number="112")
    content = knowledge().red_flags["under_16"]
    assert flag.model_dump() == {
        "id": "under_16",
        "name": content.name,
        "level": Level.SOON,
        "evidence": ["age 15"],
        "advice": _advice("under_16", "112"),
        "sources": content.sources,
        "no_plan": True,
    }


def test_self_care_says_why_and_names_the_emergency_number(make_intake: Any) -> None:
    triage = triage_intake(make_intake(), emergency_number="112")
    assert triage.flags == []
    assert triage.reasons == ["No warning signs in your answers to the 47 safety questions."]
    assert triage.advice.startswith("Your answers show none of the warning signs")
    assert "Call 112 if you get numbness" in triage.advice
    assert triage.advice.endswith("get chest pain or struggle to breathe.")


def test_a_screening_that_stopped_early_is_judged_by_the_screening_rules_only() -> None:
    screening = screening_so_far(
        {
            "schema": "spinewise.intake/2",
            "areas": ["lower_back_centre"],
            "age": 30,
            "sex": "male",
            "duration_days": 3,
            "onset": "gradual",
            "injury": "none",
            "intensity": 4,
            "trend": "same",
            "red_flags": {"saddle_numbness": True},
        }
    )
    assert isinstance(screening, Screening) and not isinstance(screening, Intake)
    assert [f.id for f in fired_flags(screening)] == ["cauda_equina"]


def test_the_reasons_list_every_fired_flag_with_its_evidence(make_intake: Any) -> None:
    triage = triage_intake(make_intake(**yes("very_unwell", "fever")))
    flags = knowledge().red_flags
    assert triage.reasons == [
        f"{flags['serious_infection'].name}: you said: confusion, great drowsiness or feeling "
        "very unwell; you said: a high temperature, or feeling hot and shivery.",
        f"{flags['spinal_infection'].name}: you said: a high temperature, or feeling hot and shivery.",
    ]


def test_the_advice_is_the_top_level_advice_each_once_in_order(make_intake: Any) -> None:
    # Two emergency flags: both pieces of advice, joined by a space; the urgent one is left out.
    triage = triage_intake(make_intake(**yes("saddle_numbness", "chest_pain", "weight_loss")))
    assert triage.advice == f"{_advice('cauda_equina')} {_advice('heart_attack')}"


def test_urgent_advice_is_the_flag_advice_alone(make_intake: Any) -> None:
    triage = triage_intake(make_intake(**yes("weight_loss")), emergency_number="112")
    assert triage.advice == _advice("weight_loss", "112")


def test_soon_advice_adds_the_gentle_plan_footer_with_the_number(make_intake: Any) -> None:
    triage = triage_intake(make_intake(**yes("night_sweats")), emergency_number="112")
    assert triage.advice == _advice("night_sweats", "112") + SOON_FOOTER.format(n="112")


def test_soon_advice_for_a_child_has_no_plan_footer(make_intake: Any) -> None:
    triage = triage_intake(make_intake(age=15))
    assert triage.advice == _advice("under_16")


def test_triage_reads_the_knowledge_base_it_is_given(make_intake: Any) -> None:
    kb = knowledge()
    changed = kb.model_copy(
        update={
            "red_flags": {
                **kb.red_flags,
                "night_sweats": kb.red_flags["night_sweats"].model_copy(
                    update={"level": Level.URGENT, "advice": "Test advice {emergency_number}."}
                ),
            }
        }
    )
    triage = triage_intake(make_intake(**yes("night_sweats")), kb=changed, emergency_number="1")
    assert (triage.level, triage.advice) == (Level.URGENT, "Test advice 1.")


# --- when the questionnaire stops -----------------------------------------------------------
# fmt: off
STOPS: list[tuple[str, dict[str, Any], bool, Stop | None]] = [
    # case, changes, every safety question answered, stop
    ("emergency, safety pages unfinished", yes("saddle_numbness"), False, Stop.EMERGENCY),
    ("emergency, safety pages done", yes("saddle_numbness"), True, Stop.EMERGENCY),
    ("urgent, safety pages unfinished", yes("weight_loss"), False, None),
    ("urgent, safety pages done", yes("weight_loss"), True, Stop.URGENT),
    ("child, safety pages unfinished", {"age": 15}, False, None),
    ("child, safety pages done", {"age": 15}, True, Stop.CHILD),
    ("child with an urgent sign", {"age": 15, **yes("weight_loss")}, True, Stop.URGENT),
    ("age 16, safety pages done", {"age": 16}, True, None),
    ("soon, safety pages done", yes("night_sweats"), True, None),
    ("self-care, safety pages done", {}, True, None),
    ("self-care, safety pages unfinished", {}, False, None),
]
# fmt: on


@pytest.mark.parametrize(("case", "changes", "complete", "stop"), STOPS, ids=lambda x: str(x))
def test_the_questions_stop_only_when_the_answer_is_clear(
    case: str, changes: dict[str, Any], complete: bool, stop: Stop | None, make_intake: Any
) -> None:
    assert stop_reason(make_intake(**changes), safety_complete=complete) is stop, case
