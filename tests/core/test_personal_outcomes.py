"""The outcomes a person sees: pain interference, the recovery screen, PSFS and sessions done,
each over the programme weeks with a meaningful change marked against its threshold."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from spinewise.core.assessment import assess
from spinewise.core.instruments import packaged_instrument
from spinewise.core.intake import Intake, load_intake
from spinewise.core.journal import (
    DailyEntry,
    InterferenceRating,
    JournalError,
    PsfsActivity,
    PsfsRating,
    journal_window,
    parse_interference,
)
from spinewise.core.knowledge import knowledge
from spinewise.core.personal_outcomes import (
    INTERFERENCE_THRESHOLD,
    PSFS_THRESHOLD,
    meaningful_pain_change,
    personal_outcomes,
    score_interference,
)
from spinewise.core.plan import Preferences, Programme, build_programme
from spinewise.core.rescreen import rescreen

VIGNETTES = Path(__file__).parents[1] / "vignettes"
START = date(2026, 1, 5)  # a Monday
WORRIED = {
    "leg_pain": "yes", "pain_elsewhere": "no", "daily_tasks": "quite_a_lot",
    "fear_of_harm": "yes", "worry": "often", "catastrophising": "often",
    "low_mood": "mostly", "bothersome": "a_lot",
}  # fmt: skip


def plan_for(case: str) -> Programme:
    intake = load_intake(VIGNETTES / f"{case}.json")
    assert isinstance(intake, Intake)
    return build_programme(assess(intake), intake, Preferences(), START)


def week(n: int) -> date:
    return START + timedelta(weeks=n - 1)


def rated(n: int, pain: int, enjoyment: int, activity: int) -> InterferenceRating:
    return InterferenceRating(week_start=week(n), pain=pain, enjoyment=enjoyment, activity=activity)


def psfs(n: int, *scores: int) -> PsfsRating:
    return PsfsRating(
        week_start=week(n),
        activities=[PsfsActivity(name=f"activity {i}", score=s) for i, s in enumerate(scores)],
    )


# --- The instrument ------------------------------------------------------------------------------


def test_the_rating_is_an_instrument_in_our_own_words_scored_as_the_mean_of_three() -> None:
    instrument = packaged_instrument("pain_interference")
    assert [item.id for item in instrument.items] == ["pain", "enjoyment", "activity"]
    assert all(len(item.options) == 11 for item in instrument.items)
    assert instrument.validated is False and "Spinewise" in instrument.copyright
    assert "krebs_2009_peg" in instrument.sources
    result = score_interference(rated(1, 5, 2, 4))
    assert result.scores == {"mean": 3.67} and result.maximums == {"mean": 10.0}
    assert result.band == "some"


@pytest.mark.parametrize(
    ("answers", "band"), [((3, 3, 3), "little"), ((7, 7, 7), "a_lot"), ((4, 3, 3), "some")]
)
def test_the_bands_only_put_the_average_into_words(
    answers: tuple[int, int, int], band: str
) -> None:
    assert score_interference(rated(1, *answers)).band == band


def test_a_rating_follows_the_journal_date_rule_and_is_kept_by_its_monday() -> None:
    window = journal_window(date(2026, 1, 14))
    rating = parse_interference(
        {"week_start": "2026-01-14", "pain": 4, "enjoyment": 3, "activity": 5}, window=window
    )
    assert rating.week_start == date(2026, 1, 12)
    with pytest.raises(JournalError) as error:
        parse_interference(
            {"week_start": "2026-01-15", "pain": 11, "enjoyment": "3"}, window=window
        )
    assert {field for field, _ in error.value.problems} == {"pain", "enjoyment", "activity"}
    with pytest.raises(JournalError) as future:
        parse_interference(
            {"week_start": "2026-01-19", "pain": 1, "enjoyment": 1, "activity": 1}, window=window
        )
    assert future.value.problems[0][0] == "week_start"


# --- Thresholds at their boundaries --------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "latest", "meaningful"),
    [
        (6.0, 4.0, True),  # 2 points, 33%: both rules met
        (6.0, 4.01, False),  # 1.99 points: short of 2
        (8.0, 5.6, True),  # 2.4 points is exactly 30% of 8
        (8.0, 5.61, False),  # 2.39 points is under 30% of 8
        (6.33, 4.33, True),  # 2 points computed from rounded means still counts
        (6.67, 4.67, False),  # 2 points, but 30% of 6.67 is 2.001
        (3.0, 5.0, True),  # worsening counts by the same rule
        (0.0, 2.0, True),
    ],
)
def test_pain_interference_counts_at_2_points_and_30_percent(
    first: float, latest: float, meaningful: bool
) -> None:
    assert meaningful_pain_change(first, latest) is meaningful


def test_the_borrowed_threshold_says_so_and_every_threshold_has_known_sources() -> None:
    assert INTERFERENCE_THRESHOLD.note is not None
    assert "Borrowed from the 0-10 pain scale" in INTERFERENCE_THRESHOLD.note
    assert "ostelo_2008" in INTERFERENCE_THRESHOLD.sources
    outcomes = personal_outcomes(programme=None, interference=[], psfs=[], entries=[])
    for measure in outcomes.measures:
        if measure.threshold is not None:
            assert set(measure.threshold.sources) <= set(knowledge().sources)


@pytest.mark.parametrize(
    ("first", "latest", "meaningful"),
    [((4, 4, 4), (6, 6, 6), True), ((4, 4, 4), (5, 6, 6), False), ((3,), (6,), True)],
)
def test_psfs_counts_at_2_points_for_three_activities_and_3_for_fewer(
    first: tuple[int, ...], latest: tuple[int, ...], meaningful: bool
) -> None:
    outcomes = personal_outcomes(
        programme=None, interference=[], psfs=[psfs(1, *first), psfs(3, *latest)], entries=[]
    )
    change = outcomes.measure("psfs").change
    assert change is not None and change.meaningful is meaningful
    assert change.direction == "better"
    assert "3 points when fewer" in PSFS_THRESHOLD.rule


def test_one_activity_moving_2_points_is_not_enough() -> None:
    outcomes = personal_outcomes(
        programme=None, interference=[], psfs=[psfs(1, 3), psfs(2, 5)], entries=[]
    )
    change = outcomes.measure("psfs").change
    assert change is not None and not change.meaningful
    assert "not yet" in change.verdict


# --- Over the weeks ------------------------------------------------------------------------------


def test_interference_over_weeks_marks_a_meaningful_improvement() -> None:
    programme = plan_for("S02")
    outcomes = personal_outcomes(
        programme=programme,
        interference=[rated(1, 7, 6, 6), rated(3, 5, 5, 5), rated(6, 3, 3, 4)],
        psfs=[],
        entries=[],
        until=week(6) + timedelta(days=6),
    )
    measure = outcomes.measure("pain_interference")
    assert [(p.week, p.value) for p in measure.points] == [(1, 6.33), (3, 5.0), (6, 3.33)]
    assert measure.change is not None
    assert (measure.change.direction, measure.change.meaningful) == ("better", True)
    assert measure.change.verdict.endswith("3 points better, a meaningful change.")


def test_a_rerating_of_the_same_week_replaces_it_and_future_weeks_wait() -> None:
    outcomes = personal_outcomes(
        programme=plan_for("S02"),
        interference=[rated(1, 7, 7, 7), rated(1, 2, 2, 2), rated(4, 1, 1, 1)],
        psfs=[],
        entries=[],
        until=week(2),
    )
    measure = outcomes.measure("pain_interference")
    assert [(p.week, p.value) for p in measure.points] == [(1, 2.0)]
    assert measure.change is None


def test_the_screen_is_shown_from_the_assessment_and_each_rescreen_with_its_band() -> None:
    before = plan_for("S02")
    assert before.pathway is not None
    at_assessment = before.pathway.screen
    programme, _ = rescreen(before, 3, WORRIED, week(3))
    measure = personal_outcomes(
        programme=programme,
        interference=[],
        psfs=[],
        entries=[],
        assessment_screen=at_assessment,
    ).measure("recovery_screen")
    assert [(p.week, p.value) for p in measure.points] == [(0, 4.0), (3, 7.0)]
    assert [p.band for p in measure.points] == ["medium", "high"]
    assert measure.change is not None and measure.change.meaningful
    assert measure.change.direction == "worse"
    assert measure.threshold is not None and "not been validated" in (measure.threshold.note or "")


def test_adherence_is_sessions_done_of_planned_and_never_marked() -> None:
    programme = plan_for("S02")
    planned = len(programme.weeks[0].sessions)
    entries = [DailyEntry(day=week(1), pain=3, sessions_done=planned)]
    entries.append(DailyEntry(day=week(2), pain=3, sessions_done=0))
    measure = personal_outcomes(
        programme=programme, interference=[], psfs=[], entries=entries, until=week(2)
    ).measure("adherence")
    assert [(p.week, p.value) for p in measure.points] == [(1, 100.0), (2, 0.0)]
    assert measure.threshold is None
    assert measure.change is not None and not measure.change.meaningful


def test_nothing_logged_gives_empty_measures() -> None:
    outcomes = personal_outcomes(programme=None, interference=[], psfs=[], entries=[])
    assert outcomes.empty and outcomes.weeks == []
    assert [m.id for m in outcomes.measures] == [
        "pain_interference",
        "recovery_screen",
        "psfs",
        "adherence",
    ]


def test_a_programme_starting_midweek_keeps_that_weeks_rating_as_week_1() -> None:
    wednesday = START + timedelta(days=2)
    intake = load_intake(VIGNETTES / "S02.json")
    assert isinstance(intake, Intake)
    programme = build_programme(assess(intake), intake, Preferences(), wednesday)
    outcomes = personal_outcomes(
        programme=programme,
        interference=[rated(1, 5, 5, 5), rated(2, 3, 3, 3)],
        psfs=[psfs(1, 4, 4, 4), psfs(2, 6, 6, 6)],
        entries=[],
        until=week(2) + timedelta(days=6),
    )
    assert [p.week for p in outcomes.measure("pain_interference").points] == [1, 2]
    function = outcomes.measure("psfs")
    assert [p.week for p in function.points] == [1, 2]
    assert function.change is not None and function.change.meaningful
