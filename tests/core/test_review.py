"""The weekly review: verdicts, their reasons and next week's adjusted plan."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError

from spinewise.core.assessment import assess
from spinewise.core.exercises import LEVEL_ORDER
from spinewise.core.intake import load_intake
from spinewise.core.journal import DailyEntry
from spinewise.core.plan import Preferences, Programme, Week, build_programme
from spinewise.core.review import (
    RetriageRequired,
    Verdict,
    WeeklyReview,
    apply_review,
    is_meaningful,
    review_week,
)

VIGNETTES = Path(__file__).parents[1] / "vignettes"
START = date(2025, 3, 3)


@pytest.fixture(scope="module")
def programme() -> Programme:
    intake = load_intake(VIGNETTES / "P01.json")
    return build_programme(assess(intake), intake, Preferences(), START)


def _week(
    programme: Programme, number: int, pains: list[float], done: int = 5, **extra: object
) -> list[DailyEntry]:
    """Check-ins on the first days of a week, with ``done`` sessions in total."""
    week = programme.week(number)
    checkins = []
    for offset, pain in enumerate(pains):
        checkins.append(
            DailyEntry.model_validate(
                {
                    "day": week.start + timedelta(days=offset),
                    "pain": pain,
                    "sessions_done": done if offset == 0 else 0,
                    **(extra if offset == len(pains) - 1 else {}),
                }
            )
        )
    return checkins


def _review(programme: Programme, number: int, mean: float, verdict: Verdict) -> WeeklyReview:
    return WeeklyReview(
        week_number=number,
        verdict=verdict,
        reasons=[],
        message="",
        mean_pain=mean,
        compared_with=None,
        baseline_pain=5,
        sessions_planned=5,
        sessions_done=5,
        flare_ups=0,
        checkins=3,
        new_red_flags=[],
    )


@pytest.mark.parametrize(
    ("before", "after", "meaningful"),
    [(5, 3, True), (8, 6, False), (8, 5, True), (2, 0, True), (4, 5, False), (3, 5, True)],
)
def test_meaningful_change_needs_two_points_and_thirty_percent(
    before: float, after: float, meaningful: bool
) -> None:
    assert is_meaningful(before, after) is meaningful


def test_improving_with_good_adherence_progresses(programme: Programme) -> None:
    review = review_week(programme, 1, _week(programme, 1, [5, 4, 4]), baseline_pain=5)
    assert review.verdict == "progress"
    assert review.mean_pain == pytest.approx(4.33, abs=0.01)
    assert "4.3/10, down from 5" in review.reasons[0]
    assert "5 of 5 planned sessions" in review.reasons[1]


def test_a_new_red_flag_asks_for_triage_again(programme: Programme) -> None:
    checkins = _week(programme, 2, [3, 3], new_red_flags=["bladder_change"])
    review = review_week(programme, 2, checkins, baseline_pain=5)
    assert review.verdict == "retriage"
    assert review.new_red_flags == ["bladder_change"]
    assert "trouble peeing" in review.reasons[0]
    with pytest.raises(RetriageRequired):
        apply_review(programme, review)


def test_unknown_red_flag_names_are_rejected() -> None:
    with pytest.raises(ValidationError, match="not asked at check-in"):
        DailyEntry(day=START, pain=3, new_red_flags=["feeling_sad"])


def test_few_sessions_hold_with_encouragement_not_blame(programme: Programme) -> None:
    review = review_week(programme, 1, _week(programme, 1, [5, 5], done=2), baseline_pain=5)
    assert review.verdict == "hold"
    assert "2 of 5 planned sessions" in review.reasons[0]
    assert "Even one short session counts" in review.message
    assert "fail" not in review.message.lower() and "should" not in review.message.lower()


def test_meaningfully_worse_than_last_week_regresses(programme: Programme) -> None:
    history = [_review(programme, 1, 3.0, "progress")]
    review = review_week(programme, 2, _week(programme, 2, [5, 5]), 5, history)
    assert review.verdict == "regress"
    assert review.reasons[0] == "Average pain this week 5/10, up from 3: 2 points (67%) worse."


def test_two_flare_ups_regress(programme: Programme) -> None:
    checkins = _week(programme, 1, [4, 4, 4])
    checkins = [c.model_copy(update={"flare_up": i > 0}) for i, c in enumerate(checkins)]
    review = review_week(programme, 1, checkins, baseline_pain=5)
    assert review.verdict == "regress" and review.reasons[0] == "2 flare-ups this week."


def test_worse_two_weeks_running_means_see_a_clinician(programme: Programme) -> None:
    history = [_review(programme, 1, 3.0, "progress"), _review(programme, 2, 4.0, "progress")]
    review = review_week(programme, 3, _week(programme, 3, [5, 6]), 3, history)
    assert review.verdict == "see_clinician"
    assert "up from 3 two weeks ago and 4 last week" in review.reasons[0]
    assert "GP or a physiotherapist" in review.message


def test_no_real_improvement_by_week_six_means_see_a_clinician(programme: Programme) -> None:
    history = [_review(programme, 5, 5.0, "progress")]
    review = review_week(programme, 6, _week(programme, 6, [5, 5]), 6, history)
    assert review.verdict == "see_clinician"
    assert "against 6 at the start" in review.reasons[0]
    improved = review_week(programme, 6, _week(programme, 6, [2, 2]), 6, history)
    assert improved.verdict == "progress"


def test_small_changes_are_not_treated_as_worse(programme: Programme) -> None:
    history = [_review(programme, 1, 4.0, "progress")]
    review = review_week(programme, 2, _week(programme, 2, [5, 5]), 5, history)
    assert review.verdict == "progress"
    assert "less than the 1.5 points that matter" in review.reasons[0]


def test_check_ins_outside_the_week_do_not_count(programme: Programme) -> None:
    outside = DailyEntry(day=START - timedelta(days=1), pain=9, sessions_done=5, flare_up=True)
    review = review_week(programme, 1, [outside], baseline_pain=5)
    assert review.checkins == 0 and review.verdict == "hold"


def _levels(week: Week) -> list[int]:
    return [LEVEL_ORDER[item.level] for item in week.sessions[0].exercises]


def test_progress_steps_the_next_week_up(programme: Programme) -> None:
    review = review_week(programme, 2, _week(programme, 2, [4, 4]), baseline_pain=5)
    adjusted = apply_review(programme, review)
    assert adjusted.weeks[:2] == programme.weeks[:2]
    assert adjusted.week(3).stage == 3
    assert "Stepped up" in (adjusted.week(3).adjustment or "")
    assert max(_levels(adjusted.week(3))) > max(_levels(programme.week(2)))


def test_hold_repeats_this_week_on_next_weeks_dates(programme: Programme) -> None:
    review = review_week(programme, 2, _week(programme, 2, [4], done=1), baseline_pain=5)
    adjusted = apply_review(programme, review)
    this, following = adjusted.week(2), adjusted.week(3)
    assert following.stage == this.stage
    assert following.sessions[0].exercises == this.sessions[0].exercises
    assert following.start == this.start + timedelta(days=7)
    assert adjusted.week(4).stage == 3  # the plan carries on one step at a time


def test_regress_eases_off_and_never_raises_the_load(programme: Programme) -> None:
    history = [_review(programme, 2, 3.0, "progress")]
    review = review_week(programme, 3, _week(programme, 3, [6, 6]), 5, history)
    assert review.verdict == "regress"
    adjusted = apply_review(programme, review)
    assert adjusted.week(4).load <= programme.week(3).load
    assert max(_levels(adjusted.week(4))) <= max(_levels(programme.week(3)))
    assert "Eased off" in (adjusted.week(4).adjustment or "")


def test_see_clinician_holds_every_remaining_week(programme: Programme) -> None:
    review = _review(programme, 3, 6.0, "see_clinician")
    adjusted = apply_review(programme, review)
    assert {week.stage for week in adjusted.weeks[3:]} == {3}


def test_the_last_week_has_nothing_to_adjust(programme: Programme) -> None:
    assert apply_review(programme, _review(programme, 6, 2.0, "progress")) == programme


@pytest.mark.parametrize("verdict", ["progress", "hold", "regress", "see_clinician"])
def test_a_review_sets_the_next_week_and_leaves_later_weeks_planned(
    programme: Programme, verdict: Verdict
) -> None:
    adjusted = apply_review(programme, _review(programme, 2, 4.0, verdict))
    assert adjusted.week(3).confirmed and adjusted.week(3).planned_note is None
    assert not any(week.confirmed for week in adjusted.weeks[3:])
    assert [week.confirmed for week in adjusted.weeks[:2]] == [True, False]
