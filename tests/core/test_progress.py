"""Progress statistics: rolling means, baseline against now, adherence, PSFS, downsampling."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from statistics import fmean

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from spinewise.core.assessment import assess
from spinewise.core.intake import load_intake
from spinewise.core.journal import DailyEntry, PsfsActivity, PsfsRating
from spinewise.core.plan import Preferences, Programme, build_programme
from spinewise.core.progress import (
    PainPoint,
    baseline_vs_now,
    downsample,
    pain_series,
    psfs_by_week,
    psfs_change,
    resolution_for,
    summary,
    weekly_adherence,
)
from spinewise.core.review import WeeklyReview, review_week

START = date(2025, 3, 3)  # a Monday
VIGNETTES = Path(__file__).parents[1] / "vignettes"
WOBBLE = [0, 1, -1, 0, 1, 0, -1]  # a fixed day-to-day wobble, so fixtures are repeatable


def journal(first: float, last: float, days: int = 60, start: date = START) -> list[DailyEntry]:
    """A daily journal whose pain moves in a straight line from first to last, with wobble."""
    entries = []
    for i in range(days):
        trend = first + (last - first) * i / (days - 1)
        pain = max(0, min(10, round(trend + WOBBLE[i % 7])))
        entries.append(
            DailyEntry(day=start + timedelta(days=i), pain=pain, sessions_done=int(i % 7 < 4))
        )
    return entries


IMPROVING = journal(6.5, 2.5)
FLAT = journal(5, 5)
WORSENING = journal(4, 7.5)


@pytest.fixture(scope="module")
def programme() -> Programme:
    intake = load_intake(VIGNETTES / "P01.json")
    return build_programme(assess(intake), intake, Preferences(), START)


def entry(offset: int, pain: int, **extra: object) -> DailyEntry:
    return DailyEntry.model_validate({"day": START + timedelta(days=offset), "pain": pain, **extra})


# --- the rolling mean -------------------------------------------------------------------------


def test_rolling_mean_covers_the_entries_of_the_last_seven_days() -> None:
    series = pain_series(IMPROVING)
    assert len(series) == 60
    pains = [e.pain for e in IMPROVING]
    for index in (0, 3, 6, 7, 30, 59):
        window = pains[max(0, index - 6) : index + 1]
        assert series[index].mean7 == pytest.approx(fmean(window), abs=0.01)
        assert series[index].pain == pains[index]


def test_rolling_mean_skips_missing_days_instead_of_counting_them_as_zero() -> None:
    series = pain_series([entry(0, 8), entry(3, 4), entry(10, 2)])
    assert [p.mean7 for p in series] == [8, 6, 2]  # day 10's window (days 4-10) holds only itself


def test_a_later_entry_for_the_same_day_replaces_the_earlier() -> None:
    series = pain_series([entry(1, 3), entry(0, 5), entry(1, 7)])
    assert [(p.day, p.pain) for p in series] == [(START, 5), (START + timedelta(days=1), 7)]


def test_min_entries_leaves_the_mean_out_until_enough_entries() -> None:
    series = pain_series([entry(0, 4), entry(1, 6), entry(2, 8)], min_entries=3)
    assert [p.mean7 for p in series] == [None, None, 6]


# --- baseline against now ---------------------------------------------------------------------


def test_improving_journal_is_a_meaningful_improvement() -> None:
    result = baseline_vs_now(IMPROVING, 6)
    last_week = [e.pain for e in IMPROVING[-7:]]
    assert result.now == pytest.approx(fmean(last_week), abs=0.01)
    assert result.direction == "better"
    assert result.meaningful
    assert result.now is not None
    assert result.change == pytest.approx(result.now - 6, abs=0.01)
    assert "meaningful improvement" in result.verdict


def test_flat_journal_is_not_meaningful() -> None:
    result = baseline_vs_now(FLAT, 5)
    assert not result.meaningful
    assert abs(result.change or 0) < 1


def test_worsening_journal_is_a_meaningful_worsening() -> None:
    result = baseline_vs_now(WORSENING, 4)
    assert result.direction == "worse"
    assert result.meaningful
    assert "worsening" in result.verdict


@pytest.mark.parametrize(
    ("baseline", "now", "meaningful"),
    [
        (6, 4, True),  # 2 points, 33%
        (8, 6, False),  # 2 points but only 25%
        (8, 5, True),  # 3 points, 37.5%
        (3, 2, False),  # 33% but only 1 point
        (5, 5, False),
    ],
)
def test_two_points_and_thirty_percent_rule(baseline: int, now: int, meaningful: bool) -> None:
    entries = [entry(i, now) for i in range(7)]
    result = baseline_vs_now(entries, baseline)
    assert result.meaningful is meaningful
    assert result.needed == pytest.approx(max(2, 0.3 * baseline))


def test_without_a_baseline_the_first_week_stands_in() -> None:
    result = baseline_vs_now(WORSENING, None)
    assert result.baseline_source == "first_week"
    assert result.baseline == pytest.approx(fmean(e.pain for e in WORSENING[:7]), abs=0.01)
    too_short = baseline_vs_now(WORSENING[:5], None)
    assert too_short.now is None and not too_short.meaningful


def test_no_entries_cannot_compare() -> None:
    result = baseline_vs_now([], 6)
    assert result.now is None and result.direction == "same" and not result.meaningful


# --- adherence and the weekly review ----------------------------------------------------------


def test_weekly_adherence_counts_sessions_inside_each_programme_week(
    programme: Programme,
) -> None:
    weeks = weekly_adherence(IMPROVING[:42], programme)
    assert [w.number for w in weeks] == [1, 2, 3, 4, 5, 6]
    for week, planned in zip(weeks, programme.weeks, strict=True):
        assert week.planned == len(planned.sessions)
        assert week.done == 4  # four sessions logged every week
        assert week.checkins == 7
        assert week.ratio == pytest.approx(4 / len(planned.sessions), abs=0.001)


def test_weeks_not_started_are_not_shown_as_missed(programme: Programme) -> None:
    assert [w.number for w in weekly_adherence(IMPROVING[:10], programme)] == [1, 2]
    assert [w.number for w in weekly_adherence([], programme, until=START)] == [1]
    assert weekly_adherence([], programme) == []


def test_sixty_days_feed_the_weekly_review_the_same_numbers(programme: Programme) -> None:
    checkins = list(IMPROVING)
    adherence = weekly_adherence(IMPROVING, programme)
    history: list[WeeklyReview] = []
    for week in adherence:
        review = review_week(programme, week.number, checkins, 6, history)
        history.append(review)
        pains = [e.pain for e in IMPROVING if week.start <= e.day <= week.end]
        assert review.mean_pain == pytest.approx(fmean(pains), abs=0.01)
        assert review.sessions_done == week.done
        assert review.sessions_planned == week.planned
    assert history[-1].verdict == "progress"


# --- PSFS -------------------------------------------------------------------------------------


def rating(week: int | None, *scores: int, week_start: date | None = None) -> PsfsRating:
    names = ["Sitting at work", "Lifting my child", "Running"]
    return PsfsRating(
        week=week,
        week_start=week_start,
        activities=[{"name": n, "score": s} for n, s in zip(names, scores, strict=False)],
    )


def test_psfs_mean_per_week_and_a_later_rating_replaces_one() -> None:
    points = psfs_by_week([rating(3, 5, 6), rating(1, 2, 3, 4), rating(3, 6, 7)])
    assert points == [(1, 3.0), (3, 6.5)]


def test_psfs_week_start_dates_map_to_programme_weeks() -> None:
    ratings = [rating(None, 4, week_start=START), rating(None, 8, week_start=START + timedelta(14))]
    assert psfs_by_week(ratings, START) == [(1, 4.0), (3, 8.0)]
    assert psfs_by_week(ratings) == [(1, 4.0), (2, 8.0)]  # no programme: numbered in order


def test_psfs_change_uses_two_points_for_the_mean_and_three_for_an_activity() -> None:
    change = psfs_change([rating(1, 3, 4, 5), rating(6, 6, 6, 6)])
    assert change is not None
    assert change.change == 2.0 and change.meaningful and change.direction == "better"
    assert change.activities_changed == ["Sitting at work"]
    small = psfs_change([rating(1, 3, 4, 5), rating(6, 4, 6, 5)])
    assert small is not None and not small.meaningful
    assert psfs_change([rating(1, 3)]) is None


def test_fewer_than_three_activities_need_three_points() -> None:
    two = psfs_change([rating(1, 3, 4), rating(6, 6, 5)])
    assert two is not None and two.change == 2.0 and not two.meaningful
    assert "3 points" in two.verdict
    three = psfs_change([rating(1, 3, 4), rating(6, 6, 7)])
    assert three is not None and three.change == 3.0 and three.meaningful


@pytest.mark.parametrize(
    "data",
    [
        {"week": 1, "activities": []},
        {"week": 1, "activities": [{"name": f"a{i}", "score": 1} for i in range(4)]},
        {"week": 1, "activities": [{"name": "  ", "score": 1}]},
        {"week": 1, "activities": [{"name": "x" * 81, "score": 1}]},
        {"week": 1, "activities": [{"name": "a", "score": 11}]},
        {"week": 7, "activities": [{"name": "a", "score": 1}]},
        {"activities": [{"name": "a", "score": 1}]},
        {"week": 1, "activities": [{"name": "Walk", "score": 1}, {"name": "walk", "score": 2}]},
    ],
)
def test_invalid_psfs_ratings_are_rejected(data: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        PsfsRating.model_validate(data)


def test_daily_entry_rejects_bad_values() -> None:
    for bad in ({"pain": 11}, {"pain": -1}, {"sessions_done": -1}, {"note": "x" * 501}):
        with pytest.raises(ValidationError):
            DailyEntry.model_validate({"day": START, "pain": 3, **bad})
    with pytest.raises(ValidationError, match="not asked at check-in"):
        DailyEntry(day=START, pain=3, new_red_flags=["made_up"])


# --- downsampling -----------------------------------------------------------------------------


def test_short_series_stay_daily() -> None:
    series = pain_series(IMPROVING)
    assert downsample(series) == series
    assert resolution_for(series).label == "daily"


def test_ten_years_stay_bounded_and_keep_the_trend() -> None:
    years = journal(8, 2, days=3650)
    series = pain_series(years)
    points = downsample(series)
    assert len(points) <= 120
    assert resolution_for(series).label == "monthly"
    assert points[0].day == years[0].day and points[-1].day == years[-1].day
    assert [p.day for p in points] == sorted({p.day for p in points})
    assert points[0].pain > 7 and points[-1].pain < 3
    halves = len(points) // 2
    assert fmean(p.pain for p in points[:halves]) > fmean(p.pain for p in points[halves:])
    assert downsample(series) == points  # deterministic


@pytest.mark.parametrize(("days", "label"), [(121, "weekly"), (800, "weekly"), (900, "monthly")])
def test_resolution_steps_up_with_length(days: int, label: str) -> None:
    assert resolution_for(pain_series(journal(5, 5, days=days))).label == label


def test_very_long_or_tight_series_use_bigger_month_buckets() -> None:
    series = pain_series(journal(5, 5, days=3650))
    points = downsample(series, max_points=12)
    assert len(points) <= 12
    assert resolution_for(series, 12).unit == "month" and resolution_for(series, 12).size > 1


# --- the summary ------------------------------------------------------------------------------


def test_summary_bundles_everything_for_the_dashboard(programme: Programme) -> None:
    entries = [
        *IMPROVING[:40],
        IMPROVING[40].model_copy(update={"new_red_flags": ["fever"], "note": "Felt hot"}),
        *IMPROVING[41:],
    ]
    result = summary(entries, programme, [rating(1, 2, 3), rating(6, 6, 7)], 6)
    assert result.entries == 60 and result.days_covered == 60
    assert result.series == pain_series(entries)
    assert result.pain == baseline_vs_now(entries, 6)
    assert result.sessions_planned == sum(len(w.sessions) for w in programme.weeks)
    assert result.psfs_change is not None and result.psfs_change.meaningful
    assert [d.day for d in result.red_flag_days] == [IMPROVING[40].day]
    assert "high temperature" in result.red_flag_days[0].descriptions[0]
    assert result.recent_notes[0].text == "Felt hot"
    assert result.headline.startswith("60 check-ins over 60 days.")
    assert result.model_dump(mode="json")["series"][0][0] == START.isoformat()


def test_summary_of_nothing() -> None:
    result = summary([], None, [], None)
    assert result.entries == 0 and result.series == [] and result.chart_series == []
    assert "No check-ins yet" in result.headline


# --- properties -------------------------------------------------------------------------------

entries_strategy = st.lists(
    st.builds(
        lambda offset, pain, done, worst: DailyEntry(
            day=START + timedelta(days=offset), pain=pain, sessions_done=done, worst=worst
        ),
        st.integers(0, 4000),
        st.integers(0, 10),
        st.integers(0, 3),
        st.none() | st.integers(0, 10),
    ),
    max_size=150,
)


@settings(max_examples=60, deadline=None)
@given(
    entries=entries_strategy, baseline=st.none() | st.floats(0, 10), max_points=st.integers(2, 150)
)
def test_summary_and_downsample_never_crash(
    entries: list[DailyEntry], baseline: float | None, max_points: int
) -> None:
    result = summary(entries, None, [], baseline, max_points=max_points)
    assert len(result.chart_series) <= max_points
    assert result.entries == len({e.day for e in entries})
    for point in result.chart_series:
        assert 0 <= point.pain <= 10
        assert point.mean7 is None or 0 <= point.mean7 <= 10
    if result.chart_series:
        assert result.chart_series[0].day == result.series[0].day
        assert result.chart_series[-1].day == result.series[-1].day


@settings(max_examples=40, deadline=None)
@given(
    pains=st.lists(st.tuples(st.integers(0, 3000), st.floats(0, 10)), min_size=1, max_size=300),
    max_points=st.integers(2, 130),
)
def test_downsample_bounds_any_sorted_series(
    pains: list[tuple[int, float]], max_points: int
) -> None:
    by_day = {START + timedelta(days=d): p for d, p in pains}
    series = [PainPoint(day, pain, pain) for day, pain in sorted(by_day.items())]
    points = downsample(series, max_points)
    assert 1 <= len(points) <= max_points
    assert min(p.pain for p in series) - 0.005 <= min(p.pain for p in points)
    assert max(p.pain for p in points) <= max(p.pain for p in series) + 0.005  # means are rounded


def test_two_points_years_apart_keep_their_first_and_last_days() -> None:
    # Found by Hypothesis: with room for two points, one big bucket swallowed both ends.
    entries = [
        DailyEntry(day=date(2028, 1, 1), pain=0),
        DailyEntry(day=date(2031, 12, 1), pain=0),
    ]
    result = summary(entries, None, [], None, max_points=2)
    assert [p.day for p in result.chart_series] == [date(2028, 1, 1), date(2031, 12, 1)]


@settings(max_examples=60, deadline=None)
@given(
    days=st.lists(st.dates(), min_size=1, max_size=20, unique=True),
    until=st.none() | st.dates(),
)
def test_any_dates_at_all_never_crash_the_summary(days: list[date], until: date | None) -> None:
    # Rows dated 0001-01-01 or 9999-12-31 (stored before the date rule) must not break pages.
    entries = [DailyEntry(day=day, pain=3) for day in days]
    ratings = [
        PsfsRating(week_start=day, activities=[PsfsActivity(name="Sitting", score=4)])
        for day in days
    ]
    result = summary(entries, None, ratings, 5.0, until=until)
    assert result.entries == len(days)
