# ruff: noqa: E501  (the tables keep one row per line)
"""The weekly review's verdicts (``core/review.py``), pinned as tables against the code as it is.

These rows hold today's thresholds: a real improvement is at least 2 points AND at least
30% of the earlier value; a real worsening is 1.5 points (clinical reference §8b); "see a
clinician" for a weekly average of 8 or more, severe pain (7+) that got really worse, two
weeks of worsening, or no real improvement by the last week (unless pain is 1/10 or less);
"regress" after a worse week, worse leg pain, a real fall in function (PSFS: 2 points for
three activities, 3 for fewer) or two flare-ups; "hold" below half the planned sessions.
When the clinical thresholds change, change the rows here with them (one row per case).
Weekly means come from whole-number check-ins (5 and 6 make 5.5).

The programme is vignette P01's with four sessions a week, so that exactly half is possible.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from spinewise.core.assessment import assess
from spinewise.core.intake import load_intake
from spinewise.core.journal import DailyEntry as CheckIn
from spinewise.core.journal import PsfsActivity, PsfsRating
from spinewise.core.plan import Preferences, Programme, build_programme
from spinewise.core.review import (
    RetriageRequired,
    WeeklyReview,
    is_meaningful,
    meaningfully_better,
    meaningfully_worse,
    review_week,
)

VIGNETTES = Path(__file__).parents[1] / "vignettes"
START = date(2025, 3, 3)
PLANNED = 4


@pytest.fixture(scope="module")
def programme() -> Programme:
    intake = load_intake(VIGNETTES / "P01.json")
    built = build_programme(assess(intake), intake, Preferences(days_per_week=PLANNED), START)
    assert len(built.weeks) == 6 and all(len(w.sessions) == PLANNED for w in built.weeks)
    return built


def _history(means: dict[int, float], legs: dict[int, float] | None = None) -> list[WeeklyReview]:
    return [
        WeeklyReview(
            week_number=number,
            verdict="progress",
            reasons=[],
            message="",
            mean_pain=mean,
            mean_leg_pain=(legs or {}).get(number),
            compared_with=None,
            baseline_pain=0,
            sessions_planned=PLANNED,
            sessions_done=PLANNED,
            flare_ups=0,
            checkins=1,
            new_red_flags=[],
        )
        for number, mean in means.items()
    ]


def _checkins(
    programme: Programme,
    week: int,
    pains: list[int],
    done: int,
    flare_ups: int = 0,
    new: list[str] | None = None,
    legs: list[int] | None = None,
) -> list[CheckIn]:
    start = programme.week(week).start
    return [
        CheckIn(
            day=start + timedelta(days=i),
            pain=pain,
            sessions_done=done if i == 0 else 0,
            flare_up=i < flare_ups,
            leg_pain=legs[i] if legs else None,
            new_red_flags=(new or []) if i == 0 else [],
        )
        for i, pain in enumerate(pains)
    ]


def _rating(week_start: date, *scores: int) -> PsfsRating:
    names = ["Sitting at work", "Lifting my child", "Running"]
    return PsfsRating(
        week_start=week_start,
        activities=[PsfsActivity(name=n, score=s) for n, s in zip(names, scores, strict=False)],
    )


# --- what counts as a meaningful change --------------------------------------------------------
# fmt: off
MEANINGFUL: list[tuple[float, float, bool, bool, bool]] = [
    # before, after, a real change (2 points and 30%), really worse (1.5 up), really better
    (5, 3, True, False, True),        # 2 points, 40%
    (5, 3.01, False, False, False),   # 1.99 points
    (3, 5, True, True, False),        # 2 points up, 67%
    (3, 4.5, False, True, False),     # 1.5 up: worse already, though not a 2-point change
    (3, 4.49, False, False, False),   # 1.49 up
    (10, 7, True, False, True),       # 3 points, exactly 30%
    (10, 7.01, False, False, False),  # 2.99 points, under 30%
    (8, 6, False, False, False),      # 2 points but only 25%
    (8, 5.6, True, False, True),      # 2.4 points, exactly 30%
    (8, 9.5, False, True, False),     # 1.5 up from 8
    (0, 2, True, True, False),        # from nothing, 2 points is enough
    (0, 1.5, False, True, False),
    (0, 1.49, False, False, False),
    (5, 5, False, False, False),      # no change
]
# fmt: on


@pytest.mark.parametrize(("before", "after", "meaningful", "worse", "better"), MEANINGFUL)
def test_improvement_needs_two_points_and_thirty_percent_worsening_one_and_a_half(
    before: float, after: float, meaningful: bool, worse: bool, better: bool
) -> None:
    assert is_meaningful(before, after) is meaningful
    assert meaningfully_worse(before, after) is worse
    assert meaningfully_better(before, after) is better


# --- verdicts, first match wins ----------------------------------------------------------------
Row = tuple[str, int, list[int], dict[int, float], float, dict[str, Any], str]
FULL: dict[str, Any] = {"done": PLANNED}
W2 = START + timedelta(weeks=1)  # week 2's first day
# fmt: off
VERDICTS: list[Row] = [
    # case, week, pains this week, earlier weeks' means, baseline, extra, verdict
    # retriage: any new warning sign, before anything else
    ("a new warning sign", 2, [2], {1: 3}, 5, {**FULL, "new": ["fever"]}, "retriage"),
    ("a new warning sign in a severe week", 3, [9], {1: 3, 2: 5}, 3, {**FULL, "new": ["fever"]}, "retriage"),
    ("no check-ins", 2, [], {1: 3}, 5, FULL, "hold"),
    # see a clinician: a severe week, whatever the trend
    ("a week at 8/10", 2, [8], {1: 8}, 8, FULL, "see_clinician"),
    ("a week at 7.8/10", 2, [8, 8, 8, 8, 7], {1: 7.8}, 8, FULL, "progress"),
    # see a clinician: severe (7+) and 1.5 points worse than last week
    ("7/10, 1.5 worse than last week", 3, [7], {1: 6, 2: 5.5}, 6, FULL, "see_clinician"),
    ("6.5/10, 1.5 worse than last week", 3, [6, 7], {1: 6, 2: 5}, 6, FULL, "regress"),
    ("7/10, 1 worse than last week", 3, [7], {1: 7, 2: 6}, 7, FULL, "progress"),
    # see a clinician: worse over two weeks, each week no better than the last
    ("worse over two weeks (from the baseline)", 2, [5, 6], {1: 4}, 3, FULL, "see_clinician"),
    ("worse over two weeks (from week 1)", 3, [5, 6], {1: 3, 2: 4}, 6, FULL, "see_clinician"),
    ("this week equal to last", 2, [5, 6], {1: 5.5}, 3, FULL, "see_clinician"),
    ("last week equal to the week before", 2, [5, 6], {1: 3}, 3, FULL, "see_clinician"),
    ("1.5 over two weeks", 2, [4, 5], {1: 4}, 3, FULL, "see_clinician"),
    ("1.4 over two weeks", 2, [4, 5], {1: 4}, 3.1, FULL, "progress"),
    ("better this week than last", 2, [5], {1: 5.5}, 3, FULL, "progress"),
    ("better last week than the week before", 3, [5, 6], {1: 4.5, 2: 4}, 3, FULL, "regress"),
    ("week 1 cannot look back two weeks", 1, [6], {}, 4.5, FULL, "regress"),
    ("no review of last week", 3, [6], {1: 3}, 3, FULL, "progress"),
    ("no review of the week before last", 3, [7], {2: 6}, 3, FULL, "progress"),
    # see a clinician: no real improvement from the start by the last week
    ("week 6, not improved", 6, [5], {5: 5}, 6, FULL, "see_clinician"),
    ("week 5, not improved", 5, [5], {4: 5}, 6, FULL, "progress"),
    ("week 6, really better", 6, [4], {5: 4}, 6, FULL, "progress"),
    ("week 6, at 1/10: recovered", 6, [1], {5: 1}, 2, FULL, "progress"),
    ("week 6, at 1.5/10: not recovered", 6, [1, 2], {5: 1.5}, 2, FULL, "see_clinician"),
    # regress: 1.5 points worse than last week
    ("1.5 worse than last week", 2, [5, 6], {1: 4}, 5, FULL, "regress"),
    ("1.4 worse than last week", 2, [5, 5, 5, 6, 6], {1: 4}, 5, FULL, "progress"),
    ("worse than the baseline in week 1", 1, [6, 7], {}, 5, FULL, "regress"),
    # regress: leg pain 1.5 points worse than last week's
    ("leg pain 1.5 worse", 2, [4, 4], {1: 4}, 5, {**FULL, "legs": [5, 6], "last_leg": 4}, "regress"),
    ("leg pain 1 worse", 2, [4, 4], {1: 4}, 5, {**FULL, "legs": [5, 5], "last_leg": 4}, "progress"),
    ("leg pain without last week's", 2, [4, 4], {1: 4}, 5, {**FULL, "legs": [9, 9]}, "progress"),
    # regress: a real fall in function
    ("three activities down 2", 2, [4], {1: 4}, 5, {**FULL, "ratings": [_rating(START, 6, 6, 6), _rating(W2, 4, 4, 4)]}, "regress"),
    ("three activities down 1.67", 2, [4], {1: 4}, 5, {**FULL, "ratings": [_rating(START, 6, 6, 6), _rating(W2, 4, 4, 5)]}, "progress"),
    ("one activity down 3", 2, [4], {1: 4}, 5, {**FULL, "ratings": [_rating(START, 7), _rating(W2, 4)]}, "regress"),
    ("one activity down 2", 2, [4], {1: 4}, 5, {**FULL, "ratings": [_rating(START, 6), _rating(W2, 4)]}, "progress"),
    ("function rated only this week", 2, [4], {1: 4}, 5, {**FULL, "ratings": [_rating(W2, 1, 1, 1)]}, "progress"),
    ("function better", 2, [4], {1: 4}, 5, {**FULL, "ratings": [_rating(START, 4, 4, 4), _rating(W2, 7, 7, 7)]}, "progress"),
    # regress: two flare-ups
    ("two flare-ups", 1, [4, 4, 4], {}, 5, {**FULL, "flare_ups": 2}, "regress"),
    ("one flare-up", 1, [4, 4, 4], {}, 5, {**FULL, "flare_ups": 1}, "progress"),
    # hold: fewer than half the planned sessions
    ("1 of 4 sessions", 2, [4], {1: 4}, 5, {"done": 1}, "hold"),
    ("2 of 4 sessions (exactly half)", 2, [4], {1: 4}, 5, {"done": 2}, "progress"),
    ("flare-ups come before adherence", 2, [4, 4], {1: 4}, 5, {"done": 0, "flare_ups": 2}, "regress"),
]
# fmt: on


def _run(programme: Programme, row: Row) -> WeeklyReview:
    _, week, pains, means, baseline, extra, _ = row
    checkins = _checkins(
        programme,
        week,
        pains,
        extra["done"],
        extra.get("flare_ups", 0),
        extra.get("new"),
        extra.get("legs"),
    )
    legs = {week - 1: extra["last_leg"]} if "last_leg" in extra else None
    history = _history(means, legs)
    return review_week(programme, week, checkins, baseline, history, extra.get("ratings", ()))


@pytest.mark.parametrize("row", VERDICTS, ids=lambda row: row[0])
def test_each_verdict_is_reached_exactly_when_its_rule_holds(
    programme: Programme, row: Row
) -> None:
    assert _run(programme, row).verdict == row[-1]


# --- what each verdict says --------------------------------------------------------------------
# fmt: off
REASONS: list[tuple[Row, list[str]]] = [
    (("retriage", 2, [2], {1: 3}, 5, {**FULL, "new": ["fever", "bladder_change"]}, "retriage"),
     ["New warning sign(s) reported: A high temperature, or feeling hot and shivery; New trouble peeing that is not normal for you (hard to start, can't go, can't feel it, or wetting yourself without warning)."]),
    (("two weeks worse", 3, [5, 6], {1: 3, 2: 4}, 6, FULL, "see_clinician"),
     ["Average pain this week 5.5/10, up from 3 two weeks ago and 4 last week: 2.5 points (83%) worse over two weeks."]),
    (("two weeks worse from 0", 2, [3], {1: 1}, 0, FULL, "see_clinician"),
     ["Average pain this week 3/10, up from 0 two weeks ago and 1 last week: 3 points worse over two weeks."]),
    (("last week", 6, [5], {5: 5}, 6, FULL, "see_clinician"),
     ["Average pain this week 5/10 after 6 weeks, against 6 at the start: less than the 2 points and 30% that count as a real improvement."]),
    (("regress", 2, [5], {1: 3}, 5, FULL, "regress"),
     ["Average pain this week 5/10, up from 3: 2 points (67%) worse.", "4 of 4 planned sessions done."]),
    (("flare-ups", 1, [4, 4, 4], {}, 5, {**FULL, "flare_ups": 2}, "regress"),
     ["2 flare-ups this week.", "Average pain this week 4/10.", "4 of 4 planned sessions done."]),
    (("hold", 2, [4], {1: 4}, 5, {"done": 1}, "hold"),
     ["1 of 4 planned sessions done. Fewer than half, so the plan stays where it is.", "Average pain this week 4/10."]),
    (("no check-ins", 2, [], {1: 4}, 5, FULL, "hold"),
     ["No check-ins this week, so there is nothing to judge the plan by.", "0 of 4 planned sessions done."]),
    (("down", 2, [3], {1: 4}, 5, FULL, "progress"),
     ["Average pain this week 3/10, down from 4.", "4 of 4 planned sessions done."]),
    (("steady", 2, [4], {1: 4}, 5, FULL, "progress"),
     ["Average pain this week 4/10, steady.", "4 of 4 planned sessions done."]),
    (("steady without last week", 3, [4], {}, 5, FULL, "progress"),
     ["Average pain this week 4/10, steady.", "4 of 4 planned sessions done."]),
    (("up a little", 2, [4, 5], {1: 4}, 5, FULL, "progress"),
     ["Average pain this week 4.5/10, up a little from 4 (less than the 1.5 points that matter).", "4 of 4 planned sessions done."]),
    (("severe week", 2, [8], {1: 8}, 8, FULL, "see_clinician"),
     ["Average pain this week 8/10: 8 or more is severe, whatever the trend."]),
    (("function fell", 2, [4], {1: 4}, 5, {**FULL, "ratings": [_rating(START, 6, 6, 6), _rating(W2, 4, 4, 4)]}, "regress"),
     ["Your activity ratings fell from 6 to 4: 2 points or more is a real change.", "Average pain this week 4/10.", "4 of 4 planned sessions done."]),
    (("severe and worse", 3, [7], {1: 6, 2: 5.5}, 6, FULL, "see_clinician"),
     ["Average pain this week 7/10, up from 5.5: severe and 1.5 points (27%) worse."]),
]
# fmt: on


@pytest.mark.parametrize(
    ("row", "reasons"), REASONS, ids=lambda x: x[0] if isinstance(x, tuple) else ""
)
def test_each_verdict_gives_its_reasons(programme: Programme, row: Row, reasons: list[str]) -> None:
    review = _run(programme, row)
    assert (review.verdict, review.reasons) == (row[-1], reasons)


MESSAGES: dict[str, tuple[Row, str]] = {
    "retriage": (
        ("", 2, [2], {1: 3}, 5, {**FULL, "new": ["fever"]}, "retriage"),
        "You told us about something new that needs checking. Please answer the safety "
        "questions again now, before your next session, and follow the advice you get.",
    ),
    "no check-ins": (
        ("", 2, [], {1: 3}, 5, FULL, "hold"),
        "No check-ins this week - that is fine. Next week stays the same; a quick "
        "check-in after each session helps us tailor the plan to you.",
    ),
    "two weeks worse": (
        ("", 2, [5, 6], {1: 4}, 3, FULL, "see_clinician"),
        "Your pain has been getting worse for two weeks in a row. Please book an "
        "appointment with your GP or a physiotherapist so they can take a look. Until "
        "then, keep moving gently and stick to the exercises that feel comfortable.",
    ),
    "not improved": (
        ("", 6, [5], {5: 5}, 6, FULL, "see_clinician"),
        "You have put in six weeks, and your pain has not eased as much as we hoped. "
        "That is worth a proper look: please book an appointment with your GP or a "
        "physiotherapist, and take this plan and your check-ins with you.",
    ),
    "worse week": (
        ("", 2, [5], {1: 3}, 5, FULL, "regress"),
        "A harder week happens to most people and it does not mean harm. Next week "
        "eases off, with gentler versions and fewer sets, and then we build up again.",
    ),
    "flare-ups": (
        ("", 1, [4, 4], {}, 5, {**FULL, "flare_ups": 2}, "regress"),
        "Flare-ups are common and usually settle. Next week eases off a little while "
        "things calm down; your flare-up plan (week 4's read) can help meanwhile.",
    ),
    "few sessions": (
        ("", 2, [4], {1: 4}, 5, {"done": 1}, "hold"),
        "Life gets busy. You did 1 of 4 sessions, so next week stays the "
        "same and you get another go at it. Even one short session counts.",
    ),
    "leg pain worse": (
        ("", 2, [4, 4], {1: 4}, 5, {**FULL, "legs": [5, 6], "last_leg": 4}, "regress"),
        "Your leg symptoms were worse this week, so next week eases off and the harder "
        "exercises wait. If your leg becomes weak or numb, check in straight away.",
    ),
    "function fell": (
        (
            "",
            2,
            [4],
            {1: 4},
            5,
            {**FULL, "ratings": [_rating(START, 6, 6, 6), _rating(W2, 4, 4, 4)]},
            "regress",
        ),
        "Everyday activities were harder this week, so next week eases off a little "
        "before we build up again.",
    ),
    "progress": (
        ("", 2, [4], {1: 4}, 5, FULL, "progress"),
        "Well done: 4 of 4 sessions. Next week steps up a little.",
    ),
}


@pytest.mark.parametrize("case", sorted(MESSAGES))
def test_each_verdict_says_what_to_do(programme: Programme, case: str) -> None:
    row, message = MESSAGES[case]
    review = _run(programme, row)
    assert (review.verdict, review.message) == (row[-1], message)


def test_the_review_reports_the_numbers_behind_the_verdict(programme: Programme) -> None:
    checkins = _checkins(programme, 2, [1, 1, 2], done=3, flare_ups=1, new=None)
    review = review_week(programme, 2, checkins, 5, _history({1: 4}))
    assert review.model_dump() == {
        "week_number": 2,
        "verdict": "progress",
        "reasons": review.reasons,
        "message": review.message,
        "mean_pain": 1.33,
        "mean_leg_pain": None,
        "compared_with": 4,
        "baseline_pain": 5,
        "sessions_planned": PLANNED,
        "sessions_done": 3,
        "flare_ups": 1,
        "checkins": 3,
        "new_red_flags": [],
    }


def test_leg_pain_is_reported_to_two_decimals(programme: Programme) -> None:
    checkins = _checkins(programme, 2, [4, 4, 4], done=PLANNED, legs=[1, 2, 2])
    review = review_week(programme, 2, checkins, 5, _history({1: 4}))
    assert review.mean_leg_pain == 1.67


def test_a_rating_dated_on_the_weeks_last_day_is_this_weeks(programme: Programme) -> None:
    # Programme weeks start on the programme's first day, not on a Monday, so a rating's
    # week can start on the last day of a programme week; it is that week's rating.
    week = programme.week(2)
    ratings = [_rating(START, 6, 6, 6), _rating(week.end, 4, 4, 4)]
    checkins = _checkins(programme, 2, [4], done=PLANNED)
    review = review_week(programme, 2, checkins, 5, _history({1: 4}), ratings)
    assert review.verdict == "regress"


@pytest.mark.parametrize(
    ("offset", "counted"),
    [(-1, False), (0, True), (6, True), (7, False)],
    ids=["day before", "first day", "last day", "day after"],
)
def test_only_check_ins_inside_the_week_count(
    programme: Programme, offset: int, counted: bool
) -> None:
    week = programme.week(2)
    assert week.end == week.start + timedelta(days=6)
    checkin = CheckIn(day=week.start + timedelta(days=offset), pain=9, sessions_done=1)
    assert review_week(programme, 2, [checkin], 5).checkins == int(counted)


def test_the_same_new_sign_on_two_days_is_listed_once(programme: Programme) -> None:
    start = programme.week(1).start
    checkins = [
        CheckIn(day=start + timedelta(days=1), pain=3, new_red_flags=["fever", "night_sweats"]),
        CheckIn(day=start, pain=3, new_red_flags=["night_sweats"]),
    ]
    review = review_week(programme, 1, checkins, 5)
    assert review.new_red_flags == ["night_sweats", "fever"]


def test_retriage_cannot_be_applied_to_the_plan(programme: Programme) -> None:
    row: Row = ("", 2, [2], {1: 3}, 5, {**FULL, "new": ["fever", "night_sweats"]}, "retriage")
    review = _run(programme, row)
    error = RetriageRequired(review)
    assert error.review is review
    assert str(error) == (
        "new warning sign(s) reported: fever, night_sweats; run triage again before the next session"
    )
