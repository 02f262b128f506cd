"""Progress over time: pain trend, adherence, function (PSFS) and baseline against now.

Pure statistics over what the journal stores; no I/O and no framework. The dashboard,
the clinician PDF and ``spinewise progress`` all read the same :class:`ProgressSummary`.

Rules (clinical reference §5):
- Pain is the 0-10 numeric rating. A change counts as meaningful when it is at least
  2 points AND at least 30% of the earlier value (Ostelo 2008), as in the weekly review.
- PSFS: the person names 1-3 activities and rates each 0 ("unable") to 10 ("as before");
  the score is the mean. A change of the mean counts at 2 points, a single activity at 3
  (the minimal detectable change printed on the form).

Choices, so every caller reads the numbers the same way:
- One entry per day: if the same day appears twice, the later entry in the list wins.
- The 7-day mean of a day is the mean pain of the entries dated in the 7 days ending on
  that day (the day and the 6 before it). Days without an entry are skipped, not counted
  as zero. It is None only when fewer than ``min_entries`` entries fall in the window
  (1 by default, so it always exists on a day with an entry).
- "Now" is the 7-day mean on the latest entry's day: the last point of the mean line.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from statistics import fmean
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from spinewise.core.intake import describe_red_flags
from spinewise.core.journal import (
    PSFS_ACTIVITY_CHANGE,
    DailyEntry,
    PsfsRating,
    psfs_needed_change,
)
from spinewise.core.plan import Programme
from spinewise.core.review import MIN_FRACTION, MIN_POINTS, is_meaningful
from spinewise.core.wording import counted, number
from spinewise.core.wording import percent as format_percent

WINDOW_DAYS = 7
RECENT_NOTES = 5

Direction = Literal["better", "worse", "same"]
BaselineSource = Literal["intake", "first_week"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# --- Results --------------------------------------------------------------------------------


class PainPoint(NamedTuple):
    """A day's pain and its trailing 7-day mean (or, downsampled, a bucket's means)."""

    day: date
    pain: float
    mean7: float | None


class Resolution(NamedTuple):
    """How many days, weeks or months one chart point stands for."""

    unit: Literal["day", "week", "month"]
    size: int = 1

    @property
    def label(self) -> str:
        """daily, weekly, monthly or e.g. 3-monthly."""
        adjective = {"day": "daily", "week": "weekly", "month": "monthly"}[self.unit]
        return adjective if self.size == 1 else f"{self.size}-{adjective}"


class PsfsPoint(NamedTuple):
    week: int
    mean: float


class WeekAdherence(_Frozen):
    number: int
    start: date
    end: date
    planned: int
    done: int
    ratio: float | None = Field(description="done / planned (can exceed 1); None if none planned.")
    checkins: int


class Comparison(_Frozen):
    """Pain at the start against pain now, judged by the 2-points-and-30% rule."""

    baseline: float | None
    baseline_source: BaselineSource | None
    now: float | None = Field(description="Mean pain of the 7 days ending at the last entry.")
    now_from: date | None
    now_to: date | None
    now_entries: int
    change: float | None = Field(description="now - baseline: negative means less pain.")
    percent: float | None = Field(description="change as a percentage of the baseline.")
    meaningful: bool
    direction: Direction
    needed: float | None = Field(description="Points of change that count as meaningful.")
    threshold: str
    verdict: str


class PsfsChange(_Frozen):
    first_week: int
    latest_week: int
    first: float
    latest: float
    change: float
    meaningful: bool
    direction: Direction
    activities_changed: list[str] = Field(
        description="Activities rated at both ends whose score moved 3 points or more."
    )
    verdict: str


class RedFlagDay(_Frozen):
    day: date
    flags: list[str]
    descriptions: list[str]


class Note(_Frozen):
    day: date
    text: str


class ProgressSummary(_Frozen):
    """Everything the dashboard, the clinician PDF and the CLI show about progress."""

    entries: int
    first_day: date | None
    last_day: date | None
    days_covered: int = Field(description="Calendar days from the first entry to the last.")
    series: list[PainPoint] = Field(description="Daily pain and 7-day mean, oldest first.")
    chart_series: list[PainPoint] = Field(description="series downsampled for charts.")
    chart_resolution: Resolution
    pain: Comparison
    adherence: list[WeekAdherence]
    sessions_done: int
    sessions_planned: int
    psfs: list[PsfsPoint]
    psfs_change: PsfsChange | None
    flare_ups: int
    red_flag_days: list[RedFlagDay] = Field(description="Check-ins that reported a warning sign.")
    mean_sitting_hours: float | None = Field(description="Over the last 7 days with entries.")
    recent_notes: list[Note]
    headline: str


# --- Helpers --------------------------------------------------------------------------------


def fmt(value: float) -> str:
    """1 decimal place at most: 6, 3.4, 0.5."""
    return number(value)


def normalise(entries: Iterable[DailyEntry]) -> list[DailyEntry]:
    """Oldest first, one per day (a later entry for the same day replaces the earlier)."""
    by_day: dict[date, DailyEntry] = {}
    for entry in entries:
        by_day[entry.day] = entry
    return [by_day[day] for day in sorted(by_day)]


def _direction(change: float) -> Direction:
    if abs(change) < 0.05:
        return "same"
    return "worse" if change > 0 else "better"


# --- Pain -----------------------------------------------------------------------------------


def pain_series(
    entries: Iterable[DailyEntry], window_days: int = WINDOW_DAYS, min_entries: int = 1
) -> list[PainPoint]:
    """(day, pain, trailing mean) per entry, oldest first. Linear in the number of entries.

    The trailing mean covers the entries dated in the ``window_days`` days ending on the
    day; it is None while fewer than ``min_entries`` of them exist.
    """
    if window_days < 1 or min_entries < 1:
        raise ValueError("window_days and min_entries must be at least 1")
    days = normalise(entries)
    points: list[PainPoint] = []
    total = 0
    left = 0
    for right, entry in enumerate(days):
        total += entry.pain
        while (entry.day - days[left].day).days >= window_days:
            total -= days[left].pain
            left += 1
        count = right - left + 1
        mean = round(total / count, 2) if count >= min_entries else None
        points.append(PainPoint(entry.day, entry.pain, mean))
    return points


def needed_change(baseline: float) -> float:
    """Points of change that count as meaningful from this baseline: max(2, 30%)."""
    return max(MIN_POINTS, MIN_FRACTION * baseline)


def _first_week_mean(days: list[DailyEntry]) -> float:
    first = days[0].day
    window = [d.pain for d in days if (d.day - first).days < WINDOW_DAYS]
    return round(fmean(window), 2)


def baseline_vs_now(entries: Iterable[DailyEntry], baseline_pain: float | None) -> Comparison:
    """Pain at the start against the mean of the 7 days ending at the latest entry.

    ``baseline_pain`` is usually the intake's pain score. Without it the mean of the first
    7 days of check-ins stands in (only once there are check-ins after that week).
    """
    days = normalise(entries)
    source: BaselineSource | None = "intake" if baseline_pain is not None else None
    baseline = baseline_pain
    if baseline is None and days and (days[-1].day - days[0].day).days >= WINDOW_DAYS:
        baseline, source = _first_week_mean(days), "first_week"
    rule = "at least 2 points and at least 30% of the starting score"
    if not days or baseline is None:
        why = "no check-ins yet" if not days else "no starting score to compare with yet"
        return Comparison(
            baseline=baseline,
            baseline_source=source,
            now=None,
            now_from=None,
            now_to=None,
            now_entries=0,
            change=None,
            percent=None,
            meaningful=False,
            direction="same",
            needed=None if baseline is None else round(needed_change(baseline), 2),
            threshold=f"A meaningful change is {rule}.",
            verdict=f"Cannot compare yet: {why}.",
        )
    last = days[-1].day
    since = date.fromordinal(max(1, last.toordinal() - (WINDOW_DAYS - 1)))
    recent = [d.pain for d in days if d.day >= since]
    now = round(fmean(recent), 2)
    change = round(now - baseline, 2)
    ratio = 100 * change / baseline if baseline else None
    # A baseline near zero makes the ratio overflow: then no percentage is given.
    percent = round(ratio, 1) if ratio is not None and math.isfinite(ratio) else None
    meaningful = is_meaningful(baseline, now)
    direction = _direction(change)
    needed = needed_change(baseline)
    threshold = (
        f"A meaningful change is {rule}: {counted(needed, 'point')} from a start of "
        f"{fmt(baseline)}."
    )
    started = "at the start" if source == "intake" else "in the first week of check-ins"
    head = f"Pain averages {fmt(now)}/10 over the last 7 days, against {fmt(baseline)} {started}"
    if direction == "same":
        verdict = f"{head}: no change."
    else:
        size = counted(abs(change), "point")
        if percent and round(abs(percent)):
            size += f" ({format_percent(abs(percent))})"
        kind = "a meaningful" if meaningful else "not yet a meaningful"
        word = "improvement" if direction == "better" else "worsening"
        verdict = f"{head}: {size} {direction}, {kind} {word}."
    return Comparison(
        baseline=round(baseline, 2),
        baseline_source=source,
        now=now,
        now_from=since,
        now_to=last,
        now_entries=len(recent),
        change=change,
        percent=percent,
        meaningful=meaningful,
        direction=direction,
        needed=round(needed, 2),
        threshold=threshold,
        verdict=verdict,
    )


# --- Downsampling -----------------------------------------------------------------------------


def _bucket_key(day: date, resolution: Resolution) -> int:
    if resolution.unit == "day":
        return day.toordinal()
    if resolution.unit == "week":
        return (day.toordinal() - 1) // 7  # ordinal 1 (1 Jan 0001) was a Monday
    return (day.year * 12 + day.month - 1) // resolution.size


def _bucket_count(series: Sequence[PainPoint], resolution: Resolution) -> int:
    return len({_bucket_key(point.day, resolution) for point in series})


def resolution_for(series: Sequence[PainPoint], max_points: int = 120) -> Resolution:
    """Daily while it fits in ``max_points``, then weekly, monthly, then n-monthly means."""
    if max_points < 2:
        raise ValueError("max_points must be at least 2")
    if len(series) <= max_points:
        return Resolution("day")
    for resolution in (Resolution("week"), Resolution("month")):
        if _bucket_count(series, resolution) <= max_points:
            return resolution
    first, last = series[0].day, series[-1].day
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    size = math.ceil(months / (max_points - 1))  # -1: buckets need not align with the start
    while _bucket_count(series, Resolution("month", size)) > max_points:
        size += 1
    # One bucket cannot keep both the first and the last day: take smaller buckets.
    while (
        size > 1
        and _bucket_count(series, Resolution("month", size)) < 2
        and _bucket_count(series, Resolution("month", size - 1)) <= max_points
    ):
        size -= 1
    return Resolution("month", size)


def downsample(series: Sequence[PainPoint], max_points: int = 120) -> list[PainPoint]:
    """At most ``max_points`` points, so a chart of years costs what a chart of weeks does.

    Up to ``max_points`` days stay daily; longer series become weekly (Monday-Sunday)
    means, then calendar-month means, then means of n months. Each bucket is dated at the
    middle of its entries; the first and last points keep the series' first and last days.
    Deterministic; the input must be oldest first (as ``pain_series`` returns it).
    """
    points = list(series)
    resolution = resolution_for(points, max_points)
    if resolution.unit == "day":
        return points
    buckets: dict[int, list[PainPoint]] = {}
    for point in points:
        buckets.setdefault(_bucket_key(point.day, resolution), []).append(point)
    out: list[PainPoint] = []
    for members in buckets.values():
        first, last = members[0].day, members[-1].day
        middle = first + timedelta(days=(last - first).days // 2)
        means = [p.mean7 for p in members if p.mean7 is not None]
        out.append(
            PainPoint(
                middle,
                round(fmean(p.pain for p in members), 2),
                round(fmean(means), 2) if means else None,
            )
        )
    if len(out) == 1:  # one bucket still spans the first to the last day, as a flat line
        out.append(out[0])
    out[0] = out[0]._replace(day=points[0].day)
    out[-1] = out[-1]._replace(day=points[-1].day)
    return out


# --- Adherence and function ---------------------------------------------------------------------


def weekly_adherence(
    entries: Iterable[DailyEntry], programme: Programme, until: date | None = None
) -> list[WeekAdherence]:
    """Sessions done against planned for each programme week that has started by ``until``.

    ``until`` defaults to the latest entry's day (no entries and no ``until``: no weeks),
    so weeks still to come are not shown as missed.
    """
    days = normalise(entries)
    if until is None:
        if not days:
            return []
        until = days[-1].day
    weeks = []
    for week in programme.weeks:
        if week.start > until:
            break
        inside = [d for d in days if week.start <= d.day <= week.end]
        planned = len(week.sessions)
        done = sum(d.sessions_done for d in inside)
        weeks.append(
            WeekAdherence(
                number=week.number,
                start=week.start,
                end=week.end,
                planned=planned,
                done=done,
                ratio=round(done / planned, 3) if planned else None,
                checkins=len(inside),
            )
        )
    return weeks


def _latest_by_week(ratings: Iterable[PsfsRating], start: date | None) -> dict[int, PsfsRating]:
    ratings = list(ratings)
    # Without a programme start, ratings dated only by week_start are numbered in order.
    undated = sorted({r.week_start for r in ratings if r.week is None and r.week_start})
    order = {day: index + 1 for index, day in enumerate(undated)}
    latest: dict[int, PsfsRating] = {}
    for rating in ratings:
        if rating.week is not None:
            week = rating.week
        elif start is not None and rating.week_start is not None:
            week = (rating.week_start - start).days // 7 + 1
        elif rating.week_start is not None:
            week = order[rating.week_start]
        else:  # pragma: no cover - the model requires week or week_start
            continue
        if week >= 1:
            latest[week] = rating
    return dict(sorted(latest.items()))


def psfs_by_week(ratings: Iterable[PsfsRating], start: date | None = None) -> list[PsfsPoint]:
    """(week, mean) per week, in week order; a later rating of the same week replaces one.

    A rating with only ``week_start`` is placed by ``start`` (the programme's first day);
    without it, such ratings are numbered in date order.
    """
    return [PsfsPoint(week, r.mean) for week, r in _latest_by_week(ratings, start).items()]


def psfs_change(ratings: Iterable[PsfsRating], start: date | None = None) -> PsfsChange | None:
    """First rated week against the latest; None with fewer than two rated weeks."""
    latest = _latest_by_week(ratings, start)
    if len(latest) < 2:
        return None
    weeks = list(latest.items())
    (first_week, first), (last_week, last) = weeks[0], weeks[-1]
    change = round(last.mean - first.mean, 2)
    needed = psfs_needed_change(min(len(first.activities), len(last.activities)))
    meaningful = abs(change) >= needed - 1e-9
    before = {a.name.casefold(): a.score for a in first.activities}
    moved = [
        a.name
        for a in last.activities
        if a.name.casefold() in before
        and abs(a.score - before[a.name.casefold()]) >= PSFS_ACTIVITY_CHANGE
    ]
    # Higher PSFS is better, unlike pain.
    direction: Direction = "same" if abs(change) < 0.05 else "better" if change > 0 else "worse"
    head = (
        f"Function (PSFS) {fmt(last.mean)}/10 in week {last_week}, "
        f"against {fmt(first.mean)} in week {first_week}"
    )
    if direction == "same":
        verdict = f"{head}: no change."
    else:
        kind = (
            "a real change"
            if meaningful
            else f"less than the {counted(needed, 'point')} that count"
        )
        verdict = f"{head}: {counted(abs(change), 'point')} {direction}, {kind}."
    return PsfsChange(
        first_week=first_week,
        latest_week=last_week,
        first=first.mean,
        latest=last.mean,
        change=change,
        meaningful=meaningful,
        direction=direction,
        activities_changed=moved,
        verdict=verdict,
    )


# --- Summary -------------------------------------------------------------------------------------


def _flag_descriptions(names: list[str]) -> list[str]:
    return describe_red_flags(names)


def _headline(days: list[DailyEntry], pain: Comparison) -> str:
    if not days:
        return "No check-ins yet. Log how you feel today to start your trend."
    span = (days[-1].day - days[0].day).days + 1
    checkins = f"{len(days)} check-in{'s' if len(days) != 1 else ''}"
    return f"{checkins} over {span} day{'s' if span != 1 else ''}. {pain.verdict}"


def summary(
    entries: Iterable[DailyEntry],
    programme: Programme | None,
    ratings: Iterable[PsfsRating],
    baseline: float | None,
    *,
    until: date | None = None,
    max_points: int = 120,
) -> ProgressSummary:
    """Everything about progress in one object (see the module docs for the rules).

    ``baseline`` is the starting pain (usually the intake's); ``until`` is "today" for the
    adherence table (default: the latest entry's day).
    """
    days = normalise(entries)
    series = pain_series(days)
    pain = baseline_vs_now(days, baseline)
    adherence = weekly_adherence(days, programme, until) if programme is not None else []
    start = programme.start if programme is not None else None
    # A rating dated after "today" (only possible in data from before the date rule) would
    # stretch the function chart to that week; it waits until its week comes.
    rating_list = [
        r for r in ratings if until is None or r.week_start is None or r.week_start <= until
    ]
    last = days[-1].day if days else None
    recent = [d for d in days if last is not None and (last - d.day).days < WINDOW_DAYS]
    sitting = [d.sitting_hours for d in recent if d.sitting_hours is not None]
    notes = [Note(day=d.day, text=d.note.strip()) for d in days if d.note.strip()]
    return ProgressSummary(
        entries=len(days),
        first_day=days[0].day if days else None,
        last_day=last,
        days_covered=(days[-1].day - days[0].day).days + 1 if days else 0,
        series=series,
        chart_series=downsample(series, max_points),
        chart_resolution=resolution_for(series, max_points),
        pain=pain,
        adherence=adherence,
        sessions_done=sum(w.done for w in adherence),
        sessions_planned=sum(w.planned for w in adherence),
        psfs=psfs_by_week(rating_list, start),
        psfs_change=psfs_change(rating_list, start),
        flare_ups=sum(d.flare_up for d in days),
        red_flag_days=[
            RedFlagDay(
                day=d.day, flags=d.new_red_flags, descriptions=_flag_descriptions(d.new_red_flags)
            )
            for d in days
            if d.new_red_flags
        ],
        mean_sitting_hours=round(fmean(sitting), 1) if sitting else None,
        recent_notes=notes[-RECENT_NOTES:][::-1],
        headline=_headline(days, pain),
    )
