"""Service outcomes: each figure as docs/outcomes.md defines it, and small groups hidden."""

from __future__ import annotations

from datetime import date, timedelta

from spinewise.core.outcomes import (
    MIN_GROUP,
    CheckInFact,
    Course,
    PsfsFact,
    meaningful_pain_change,
    report_table,
    retained,
    service_outcomes,
    sessions,
)

START = date(2026, 1, 5)  # a Monday
AS_OF = START + timedelta(weeks=10)


def course(
    pathway: str = "medium",
    last_day: int = 41,
    pain: tuple[int, int] = (6, 3),
    psfs: tuple[float, float] | None = (3.0, 6.0),
    flag_on: int | None = None,
    start: date = START,
) -> Course:
    """A person checking in every day from day 0 to ``last_day``, a session on 3 of them a
    week, pain moving from the first to the second value in week 6."""
    checkins = [
        CheckInFact(
            day=start + timedelta(days=d),
            pain=pain[1] if d >= 35 else pain[0],
            sessions_done=1 if d % 7 in (0, 2, 4) else 0,
            red_flags=d == flag_on,
        )
        for d in range(last_day + 1)
    ]
    ratings = []
    if psfs is not None:
        ratings = [
            PsfsFact(week_start=start, score=psfs[0], activities=3),
            PsfsFact(week_start=start + timedelta(weeks=5), score=psfs[1], activities=3),
        ]
    return Course(
        pathway=pathway,  # type: ignore[arg-type]
        start=start,
        sessions_per_week=3,
        baseline_pain=pain[0],
        checkins=checkins,
        psfs=ratings,
    )


def report(courses: list[Course]) -> dict[str, object]:
    result = service_outcomes(courses, START, START + timedelta(days=30), AS_OF)
    return {row.pathway: row for row in result.rows}


def test_a_pathway_with_fewer_than_ten_people_shows_nothing_but_that() -> None:
    rows = report([course("high")] * (MIN_GROUP - 1) + [course("low")] * MIN_GROUP)
    high = rows["high"]
    assert high.suppressed and high.started is None  # type: ignore[attr-defined]
    assert high.pain_change is None and high.escalations is None  # type: ignore[attr-defined]
    assert rows["low"].started == MIN_GROUP  # type: ignore[attr-defined]
    _, table = report_table(service_outcomes(
        [course("high")] * (MIN_GROUP - 1), START, START + timedelta(days=30), AS_OF
    ))  # fmt: skip
    assert table[2][1:] == ["fewer than 10", *["suppressed"] * 7]


def test_there_is_no_total_row_to_subtract_a_small_group_from() -> None:
    headings, rows = report_table(service_outcomes([], START, START, AS_OF))
    assert [row[0] for row in rows] == [
        "Light-touch plan", "Graded exercise programme", "Exercise programme with extra support"
    ]  # fmt: skip
    assert headings[0] == "Pathway"


def test_retention_counts_people_who_still_check_in_that_week_or_later() -> None:
    stayed = course()
    left_in_week_3 = course(last_day=16)
    assert retained(stayed, 6) and retained(left_in_week_3, 3)
    assert not retained(left_in_week_3, 4)
    rows = report([stayed] * 6 + [left_in_week_3] * 4)
    medium = rows["medium"]
    assert medium.retention[2].percent == 100  # type: ignore[attr-defined]
    assert medium.retention[4].percent == 60  # type: ignore[attr-defined]


def test_weeks_not_yet_over_are_left_out_of_retention() -> None:
    recent = [course(start=AS_OF - timedelta(days=20), last_day=19)] * MIN_GROUP
    result = service_outcomes(recent, START, AS_OF, AS_OF)
    medium = result.rows[1]
    assert medium.retention[2] is not None and medium.retention[6] is None


def test_adherence_is_sessions_done_of_sessions_planned_in_weeks_over() -> None:
    done, planned = sessions(course(), AS_OF)
    assert (done, planned) == (18, 18)
    done, planned = sessions(course(last_day=13), AS_OF)
    assert (done, planned) == (6, 18)


def test_meaningful_pain_change_needs_two_points_and_thirty_percent() -> None:
    assert meaningful_pain_change(6, 4)
    assert not meaningful_pain_change(6, 4.5)
    assert not meaningful_pain_change(8, 6)  # 2 points but 25%
    assert not meaningful_pain_change(3, 5)  # worse is not an improvement


def test_pain_and_function_change_at_week_6() -> None:
    better = course(pain=(6, 3), psfs=(3, 6))
    same = course(pain=(6, 5), psfs=(3, 4))
    rows = report([better] * 7 + [same] * 3)
    medium = rows["medium"]
    assert (medium.pain_change.count, medium.pain_change.of) == (7, 10)  # type: ignore[attr-defined]
    assert (medium.function_change.count, medium.function_change.of) == (7, 10)  # type: ignore[attr-defined]


def test_people_who_left_before_week_6_are_not_counted_in_the_change_shares() -> None:
    rows = report([course()] * 10 + [course(last_day=20, psfs=None)] * 5)
    medium = rows["medium"]
    assert medium.started == 15 and medium.pain_change.of == 10  # type: ignore[attr-defined]


def test_escalations_count_people_with_a_new_warning_sign() -> None:
    rows = report([course(flag_on=10)] * 2 + [course()] * 8)
    assert rows["medium"].escalations == 2  # type: ignore[attr-defined]


def test_only_programmes_started_in_the_range_count() -> None:
    late = course(start=START + timedelta(days=40))
    result = service_outcomes([late] * 12, START, START + timedelta(days=30), AS_OF)
    assert all(row.suppressed for row in result.rows)


def test_extra_sessions_in_one_week_do_not_make_up_for_a_missed_week() -> None:
    busy = course()
    doubled = [
        c.model_copy(update={"sessions_done": 2}) if c.day < START + timedelta(days=7) else c
        for c in busy.checkins
        if c.day < START + timedelta(days=7) or c.day >= START + timedelta(days=14)
    ]
    done, planned = sessions(busy.model_copy(update={"checkins": doubled}), AS_OF)
    assert (done, planned) == (15, 18)  # week 1 capped at 3, week 2 missed
