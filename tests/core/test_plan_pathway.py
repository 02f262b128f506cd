"""The plan follows the pathway: lighter for low risk, lessons week by week for high risk."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from spinewise.core.assessment import assess
from spinewise.core.intake import Intake, load_intake
from spinewise.core.plan import Preferences, Programme, build_programme
from spinewise.core.plan.basis import lighter_days

VIGNETTES = Path(__file__).parents[1] / "vignettes"
START = date(2026, 1, 5)


def plan_for(case: str, prefs: Preferences | None = None) -> Programme:
    intake = load_intake(VIGNETTES / f"{case}.json")
    assert isinstance(intake, Intake)
    return build_programme(assess(intake), intake, prefs or Preferences(), START)


def test_low_risk_gets_at_most_three_short_sessions_a_week() -> None:
    plan = plan_for("S01", Preferences(days_per_week=6, minutes_per_day=30))
    assert plan.days == ["mon", "wed", "fri"]
    assert plan.minutes_per_day == 10
    assert all(s.estimated_minutes <= 10 for w in plan.weeks for s in w.sessions)
    assert plan.pathway is not None and plan.pathway.id == "low"


def test_the_same_person_unscreened_gets_the_programme_they_asked_for() -> None:
    plan = plan_for("P02", Preferences(days_per_week=6, minutes_per_day=30))
    assert len(plan.days) == 6 and plan.minutes_per_day == 30
    assert plan.pathway is not None and plan.pathway.id == "medium"


def test_medium_risk_has_no_lessons_and_keeps_the_chosen_days() -> None:
    plan = plan_for("S02")
    assert plan.days == ["mon", "tue", "wed", "thu", "fri"]
    assert all(not week.lessons for week in plan.weeks)


def test_high_risk_gets_a_lesson_with_a_task_every_week_in_order() -> None:
    plan = plan_for("S03")
    ids = [[lesson.id for lesson in week.lessons] for week in plan.weeks]
    assert ids == [
        ["hurt_not_harm"], ["pacing"], ["facing_one_activity"], ["sleep"],
        ["stress_and_breathing", "unhelpful_thoughts"], ["back_to_work"],
    ]  # fmt: skip
    assert plan.pathway is not None and plan.pathway.see_physio


def test_a_stored_programme_without_a_pathway_still_reads_back() -> None:
    data = plan_for("S03").to_json_dict()
    data.pop("pathway")
    data["basis"].pop("pathway")  # type: ignore[union-attr]
    for week in data["weeks"]:  # type: ignore[union-attr]
        week.pop("lessons")
    old = Programme.from_json_dict(data)
    assert old.basis.pathway == "medium" and old.pathway is None


def test_lighter_days_spread_the_sessions() -> None:
    assert lighter_days(["mon", "tue", "wed", "thu", "fri"], 3) == ["mon", "wed", "fri"]
    assert lighter_days(["tue", "thu", "sat", "sun"], 3) == ["tue", "thu", "sat"]
    assert lighter_days(["mon", "tue"], 3) == ["mon", "tue"]
    assert lighter_days(["mon", "tue", "wed", "thu"], None) == ["mon", "tue", "wed", "thu"]
