"""The result as a person reads it on a phone: a one-line verdict, three points, and the
rest grouped so that no advice is given twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from spinewise.core.assessment import Assessment, assess
from spinewise.core.intake import load_intake
from spinewise.core.knowledge import knowledge
from spinewise.core.result import SHOWN_CAUSES, summarise

VIGNETTES = Path(__file__).parents[1] / "vignettes"


def _assessed(vignette: str) -> Assessment:
    return assess(load_intake(VIGNETTES / f"{vignette}.json"), emergency_number="112")


@pytest.mark.parametrize("vignette", ["P01", "P02", "P06", "P18", "P20", "P22"])
def test_a_plan_result_leads_with_what_to_do_now_when_to_see_a_gp_and_when_to_call(
    vignette: str,
) -> None:
    summary = summarise(_assessed(vignette), "112")
    assert [p.kind for p in summary.points] == ["now", "gp", "emergency"]
    assert [p.heading for p in summary.points] == [
        "What to do now",
        "When to see a GP",
        "When to call 112",
    ]
    assert "\n" not in summary.headline and len(summary.headline) <= 60
    assert all(len(p.text.split()) <= 70 for p in summary.points)


def test_a_soon_verdict_says_when_to_see_a_gp_in_the_words_of_its_warning_sign() -> None:
    assessment = _assessed("P20")  # not improving: book a GP or physiotherapist
    gp = summarise(assessment, "112").points[1].text
    assert gp == assessment.triage.flags[0].advice


def test_with_several_soon_signs_the_first_says_when_and_the_others_are_kept_below() -> None:
    assessment = _assessed("P18")  # not improving, and an inflammatory pattern
    summary = summarise(assessment, "112")
    advice = [f.advice for f in assessment.triage.flags]
    assert summary.points[1].text == advice[0]
    assert summary.further_advice == advice[1:] and summary.further_advice


@pytest.mark.parametrize("vignette", ["P07", "P08", "P12", "P17"])
def test_an_emergency_or_urgent_result_keeps_its_own_advice_as_the_only_point(
    vignette: str,
) -> None:
    assessment = _assessed(vignette)
    summary = summarise(assessment, "112")
    assert [(p.kind, p.text) for p in summary.points] == [("now", assessment.triage.advice)]
    assert summary.causes == [] and summary.other_habits == [] and summary.top_cause is None


def test_a_childs_result_offers_no_plan_in_what_to_do_now() -> None:
    now = summarise(_assessed("P21"), "112").points[0].text
    assert "plan" not in now


def test_a_habit_that_goes_with_a_shown_cause_is_told_once_beside_that_cause() -> None:
    assessment = _assessed("P01")  # sitting, posture and no strength training
    summary = summarise(assessment, "112")
    beside = {item.cause.id: item.habit.id for item in summary.causes if item.habit}
    assert beside == {
        "sedentary_lifestyle": "sitting_too_long",
        "weak_core": "skipping_strength_training",
        "poor_posture": "ignoring_posture",
    }
    assert [m.id for m in summary.other_habits] == ["relying_on_painkillers"]
    told = [i.habit.tip for i in summary.causes if i.habit] + [m.tip for m in summary.other_habits]
    assert sorted(told) == sorted(m.tip for m in assessment.mistakes)  # each tip once


def test_the_top_cause_is_the_most_likely_and_at_most_four_are_shown() -> None:
    assessment = _assessed("P01")
    summary = summarise(assessment, "112")
    assert summary.top_cause == assessment.causes[0]
    assert len(summary.causes) == min(SHOWN_CAUSES, len(assessment.causes))


def test_every_habit_that_names_a_cause_names_one_that_exists() -> None:
    kb = knowledge()
    linked = {m.cause for m in kb.mistakes.values() if m.cause is not None}
    assert linked and linked <= set(kb.causes)
