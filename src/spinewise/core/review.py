"""The weekly review: how the week went, and next week's plan re-tailored to it.

Pain is compared on the 0-10 scale. Getting better counts when pain falls by at least 2
points AND 30% of the earlier value (Ostelo 2008); getting worse needs a smaller change,
1.5 points (the minimal important change is smaller for worsening than for improvement;
clinical reference §8b). Function (PSFS) counts too: a fall of 2 points in the average of
three activities, or 3 points when fewer are rated (Abbott and Schmitt 2014).

Verdicts, first match wins:
- ``retriage``: a new warning sign was reported; the caller must run triage again.
- ``see_clinician``: a weekly average of 8 or more; severe pain (7+) that got worse; pain
  worse over two consecutive weeks; or no real improvement from the start by the last week.
- ``regress``: pain or leg pain worse than last week, function fallen, or two or more
  flare-ups.
- ``hold``: fewer than half of the planned sessions done.
- ``progress``: otherwise: pain and leg symptoms stable or better, with good adherence.
  Only this verdict unlocks harder exercises for the next week.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from statistics import fmean
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from spinewise.core.intake import describe_red_flags
from spinewise.core.journal import DailyEntry, PsfsRating, psfs_needed_change
from spinewise.core.plan import (
    MAX_STAGE,
    MIN_STAGE,
    Prescription,
    Programme,
    Week,
    build_week,
    dosage_of,
    make_sessions,
    smaller_dose,
    with_dosage,
)
from spinewise.core.wording import counted, number, percent

Verdict = Literal["progress", "hold", "regress", "see_clinician", "retriage"]
# What every face (web, CLI, PDF) calls each verdict.
VERDICT_LABELS: dict[Verdict, str] = {
    "progress": "Step up",
    "hold": "Hold steady",
    "regress": "Ease off",
    "see_clinician": "See a clinician",
    "retriage": "Check again: new warning sign",
}

MIN_POINTS = 2.0
MIN_FRACTION = 0.3
WORSE_POINTS = 1.5  # worsening that matters is smaller than improvement (reference §8b)
SEVERE_WEEK = 8.0  # a weekly average this high needs a clinician whatever the trend
SEVERE_PAIN = 7.0  # severe pain that is also getting worse needs a clinician
RECOVERED_PAIN = 1.0  # 0-1 counts as recovered (PACE), so no "improvement" is needed
FLARE_UPS_TO_REGRESS = 2


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class WeeklyReview(_Frozen):
    week_number: int = Field(ge=1)
    verdict: Verdict
    reasons: list[str]
    message: str
    mean_pain: float | None
    mean_leg_pain: float | None = Field(
        default=None, description="Mean leg pain of the week's check-ins that rated it."
    )
    compared_with: float | None = Field(description="Last week's mean pain (or the baseline).")
    baseline_pain: float
    sessions_planned: int
    sessions_done: int
    flare_ups: int
    checkins: int
    new_red_flags: list[str]

    @property
    def label(self) -> str:
        return VERDICT_LABELS[self.verdict]


class RetriageRequired(Exception):
    """The plan cannot be adjusted: a new warning sign means triage must be run again."""

    def __init__(self, review: WeeklyReview) -> None:
        self.review = review
        super().__init__(
            "new warning sign(s) reported: "
            + ", ".join(review.new_red_flags)
            + "; run triage again before the next session"
        )


def is_meaningful(before: float, after: float) -> bool:
    """At least 2 points and at least 30% of the earlier value, in either direction."""
    change = abs(after - before)
    return change >= MIN_POINTS and change >= MIN_FRACTION * before


def meaningfully_worse(before: float, after: float) -> bool:
    """Worse by 1.5 points or more (the change that matters is smaller when pain rises)."""
    return after - before >= WORSE_POINTS - 1e-9


def meaningfully_better(before: float, after: float) -> bool:
    return after < before and is_meaningful(before, after)


def _fmt(value: float) -> str:
    return number(value)


def _change(before: float, after: float) -> str:
    points = abs(after - before)
    share = f" ({percent(100 * points / before)})" if before else ""
    return f"{counted(points, 'point')}{share}"


def _mean_for(week: int, history: list[WeeklyReview], baseline: float) -> float | None:
    """Mean pain of an earlier week from the history; week 0 is the baseline."""
    if week <= 0:
        return baseline
    for review in history:
        if review.week_number == week:
            return review.mean_pain
    return None


def _leg_mean_for(week: int, history: list[WeeklyReview]) -> float | None:
    return next((r.mean_leg_pain for r in history if r.week_number == week), None)


def _function_fall(
    ratings: Sequence[PsfsRating], start: date, end: date
) -> tuple[float, float, float] | None:
    """(before, now, points needed) when this week's PSFS fell by a real change."""
    dated = sorted(
        ((r.week_start, r) for r in ratings if r.week_start is not None), key=lambda p: p[0]
    )
    now = [r for day, r in dated if start <= day <= end]
    before = [r for day, r in dated if day < start]
    if not now or not before:
        return None
    this, last = now[-1], before[-1]
    needed = psfs_needed_change(min(len(this.activities), len(last.activities)))
    if last.mean - this.mean >= needed - 1e-9:
        return last.mean, this.mean, needed
    return None


def _flag_names(names: list[str]) -> str:
    return "; ".join(describe_red_flags(names))


def review_week(
    programme: Programme,
    week_number: int,
    checkins: list[DailyEntry],
    baseline_pain: float,
    history: list[WeeklyReview] | None = None,
    ratings: Sequence[PsfsRating] = (),
) -> WeeklyReview:
    """Reviews one week from its check-ins (those dated inside the week count).

    ``history`` holds the reviews of earlier weeks; without it, last week is compared
    with the baseline only for week 1, and the two-week trend cannot be judged.
    ``ratings`` are the person's PSFS ratings: a real fall in function this week eases off.
    """
    week = programme.week(week_number)
    history = history or []
    inside = sorted((c for c in checkins if week.start <= c.day <= week.end), key=lambda c: c.day)
    planned = len(week.sessions)
    done = sum(c.sessions_done for c in inside)
    flare_ups = sum(c.flare_up for c in inside)
    red_flags = list(dict.fromkeys(name for c in inside for name in c.new_red_flags))
    mean = fmean(c.pain for c in inside) if inside else None
    legs = [c.leg_pain for c in inside if c.leg_pain is not None]
    leg_mean = fmean(legs) if legs else None
    last = _mean_for(week_number - 1, history, baseline_pain)
    before_last = _mean_for(week_number - 2, history, baseline_pain)
    last_leg = _leg_mean_for(week_number - 1, history)

    def review(verdict: Verdict, reasons: list[str], message: str) -> WeeklyReview:
        return WeeklyReview(
            week_number=week_number,
            verdict=verdict,
            reasons=reasons,
            message=message,
            mean_pain=None if mean is None else round(mean, 2),
            mean_leg_pain=None if leg_mean is None else round(leg_mean, 2),
            compared_with=last,
            baseline_pain=baseline_pain,
            sessions_planned=planned,
            sessions_done=done,
            flare_ups=flare_ups,
            checkins=len(inside),
            new_red_flags=red_flags,
        )

    adherence = f"{done} of {planned} planned sessions done."
    if red_flags:
        return review(
            "retriage",
            [f"New warning sign(s) reported: {_flag_names(red_flags)}."],
            "You told us about something new that needs checking. Please answer the safety "
            "questions again now, before your next session, and follow the advice you get.",
        )
    if mean is None:
        return review(
            "hold",
            ["No check-ins this week, so there is nothing to judge the plan by.", adherence],
            "No check-ins this week - that is fine. Next week stays the same; a quick "
            "check-in after each session helps us tailor the plan to you.",
        )

    now = f"Average pain this week {_fmt(mean)}/10"
    see_someone = (
        "Please book an appointment with your GP or a physiotherapist so they can take a "
        "look. Until then, keep moving gently and stick to the exercises that feel comfortable."
    )
    if mean >= SEVERE_WEEK:
        return review(
            "see_clinician",
            [f"{now}: {_fmt(SEVERE_WEEK)} or more is severe, whatever the trend."],
            f"Your pain has been severe this week. {see_someone}",
        )
    if mean >= SEVERE_PAIN and last is not None and meaningfully_worse(last, mean):
        return review(
            "see_clinician",
            [f"{now}, up from {_fmt(last)}: severe and {_change(last, mean)} worse."],
            f"Your pain is severe and getting worse. {see_someone}",
        )
    if (
        week_number >= 2
        and last is not None
        and before_last is not None
        and mean >= last >= before_last
        and meaningfully_worse(before_last, mean)
    ):
        return review(
            "see_clinician",
            [
                f"{now}, up from {_fmt(before_last)} two weeks ago and {_fmt(last)} last "
                f"week: {_change(before_last, mean)} worse over two weeks."
            ],
            f"Your pain has been getting worse for two weeks in a row. {see_someone}",
        )
    if (
        week_number >= len(programme.weeks)
        and mean > RECOVERED_PAIN
        and not meaningfully_better(baseline_pain, mean)
    ):
        return review(
            "see_clinician",
            [
                f"{now} after {counted(week_number, 'week')}, against {_fmt(baseline_pain)} at the "
                f"start: less than the 2 points and 30% that count as a real improvement."
            ],
            "You have put in six weeks, and your pain has not eased as much as we hoped. "
            "That is worth a proper look: please book an appointment with your GP or a "
            "physiotherapist, and take this plan and your check-ins with you.",
        )
    if last is not None and meaningfully_worse(last, mean):
        return review(
            "regress",
            [f"{now}, up from {_fmt(last)}: {_change(last, mean)} worse.", adherence],
            "A harder week happens to most people and it does not mean harm. Next week "
            "eases off, with gentler versions and fewer sets, and then we build up again.",
        )
    if leg_mean is not None and last_leg is not None and meaningfully_worse(last_leg, leg_mean):
        return review(
            "regress",
            [
                f"Average leg pain this week {_fmt(leg_mean)}/10, up from {_fmt(last_leg)}: "
                f"{_change(last_leg, leg_mean)} worse.",
                f"{now}.",
                adherence,
            ],
            "Your leg symptoms were worse this week, so next week eases off and the harder "
            "exercises wait. If your leg becomes weak or numb, check in straight away.",
        )
    fall = _function_fall(ratings, week.start, week.end)
    if fall is not None:
        before, now_psfs, needed = fall
        return review(
            "regress",
            [
                f"Your activity ratings fell from {_fmt(before)} to {_fmt(now_psfs)}: "
                f"{counted(needed, 'point')} or more is a real change.",
                f"{now}.",
                adherence,
            ],
            "Everyday activities were harder this week, so next week eases off a little "
            "before we build up again.",
        )
    if flare_ups >= FLARE_UPS_TO_REGRESS:
        return review(
            "regress",
            [f"{flare_ups} flare-ups this week.", f"{now}.", adherence],
            "Flare-ups are common and usually settle. Next week eases off a little while "
            "things calm down; your flare-up plan (week 4's read) can help meanwhile.",
        )
    if done * 2 < planned:
        return review(
            "hold",
            [f"{adherence} Fewer than half, so the plan stays where it is.", f"{now}."],
            f"Life gets busy. You did {done} of {planned} sessions, so next week stays the "
            "same and you get another go at it. Even one short session counts.",
        )
    trend = (
        f"{now}, down from {_fmt(last)}."
        if last is not None and mean < last
        else f"{now}, steady."
        if last is None or mean == last
        else f"{now}, up a little from {_fmt(last)} (less than the 1.5 points that matter)."
    )
    return review(
        "progress",
        [trend, adherence],
        f"Well done: {done} of {planned} sessions. Next week steps up a little.",
    )


# Below: re-tailoring the plan after a verdict. Not part of the triage path, so the
# mutation run (make mutation) leaves it out.
# pragma: no mutate block
_ADJUSTMENTS: dict[str, str] = {
    "progress": "Stepped up after a good week: harder versions or a little more of each.",
    "hold": "Kept the same as last week, so you can settle into it.",
    "regress": "Eased off after a harder week: gentler versions and fewer sets.",
    "see_clinician": ("Kept the same while you get your back checked; no stepping up until then."),
}


def cap_load(week: Week, limit: int) -> Week:
    """Trims doses (largest first), then exercises, until the week's load is within limit."""
    if not week.sessions:
        return week
    items: list[Prescription] = list(week.sessions[0].exercises)
    count = len(week.sessions)
    while count * sum(item.load for item in items) > limit:
        index = max(range(len(items)), key=lambda i: items[i].load)
        smaller = smaller_dose(dosage_of(items[index]))
        if smaller is not None:
            items[index] = with_dosage(items[index], smaller)
        elif len(items) > 1:
            items.pop(index)
        else:
            break
    days = [session.weekday for session in week.sessions]
    return week.model_copy(update={"sessions": make_sessions(week.start, days, items)})


def apply_review(programme: Programme, review: WeeklyReview) -> Programme:
    """The programme with the weeks after the reviewed one re-tailored to the verdict.

    The next week moves one stage up (progress), stays (hold, see_clinician) or moves one
    stage down (regress; its total load never rises above the reviewed week's). Later weeks
    carry on from there, except after see_clinician, which holds every remaining week.
    The next week is now confirmed; the later ones stay planned until their own turn.
    Raises RetriageRequired for a retriage verdict.
    """
    if review.verdict == "retriage":
        raise RetriageRequired(review)
    number = review.week_number
    current = programme.week(number)
    if number >= len(programme.weeks):
        return programme
    shift = {"progress": 1, "hold": 0, "see_clinician": 0, "regress": -1}[review.verdict]
    stage = max(MIN_STAGE, min(MAX_STAGE, current.stage + shift))
    basis = programme.basis
    next_week = build_week(basis, number + 1, stage, adjustment=_ADJUSTMENTS[review.verdict])
    if review.verdict == "regress":
        next_week = cap_load(next_week, current.load)
    growth = 0 if review.verdict == "see_clinician" else 1
    later = [
        build_week(basis, week.number, stage + growth * (week.number - number - 1), confirmed=False)
        for week in programme.weeks
        if week.number > number + 1
    ]
    weeks = [week for week in programme.weeks if week.number <= number]
    return programme.model_copy(update={"weeks": [*weeks, next_week, *later]})
