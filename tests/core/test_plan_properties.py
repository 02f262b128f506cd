"""Properties of every programme: safety rules that hold for any person and preferences.

Intakes are built by mutating the self-care and "soon" vignettes: pain, pregnancy, bone
health, surgery, leg symptoms, stress and sitting vary; the red-flag answers do not (a
red flag means no programme, which test_plan.py covers).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from spinewise.core.assessment import assess
from spinewise.core.exercises import load_exercises
from spinewise.core.intake import Intake, PregnancySigns, complete_intake
from spinewise.core.plan import Preferences, Programme, build_programme
from spinewise.core.plan.weeks import build_week
from spinewise.core.review import WeeklyReview, apply_review

VIGNETTES = Path(__file__).parents[1] / "vignettes"
BASES = ["P01", "P02", "P03", "P04", "P05", "P06", "P18", "P20", "P22"]
BASE_DATA = {name: json.loads((VIGNETTES / f"{name}.json").read_text()) for name in BASES}
LEG_AREAS = ["leg_above_knee_left", "leg_below_knee_right", "buttock_left"]
EQUIPMENT = ["mat", "wall", "chair", "doorway", "foam_roller"]
START = date(2025, 3, 3)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def intakes(draw: st.DrawFn) -> Intake:
    data: dict[str, Any] = json.loads(json.dumps(BASE_DATA[draw(st.sampled_from(BASES))]))
    data["intensity"] = draw(st.integers(0, 10))
    if draw(st.booleans()):
        data["sex"] = "female"
        data["pregnant_weeks"] = draw(st.integers(1, 40))
        data["pregnancy"] = dict.fromkeys(PregnancySigns.model_fields, False)
    extra_areas = draw(st.lists(st.sampled_from(LEG_AREAS), unique=True, max_size=2))
    data["areas"] = list(dict.fromkeys([*data["areas"], *extra_areas]))
    qualities = draw(st.lists(st.sampled_from(["shooting", "tingling"]), unique=True))
    data["pain_qualities"] = list(dict.fromkeys([*data["pain_qualities"], *qualities]))
    for field in ("osteoporosis", "long_term_steroids", "recent_spinal_surgery"):
        data["history"][field] = draw(st.booleans())
    data["habits"]["stress"] = draw(st.integers(0, 10))
    data["habits"]["sitting_hours"] = draw(st.integers(0, 12))
    data["habits"]["exercise_days"] = draw(st.integers(0, 7))
    return complete_intake(data)


preferences = st.builds(
    Preferences,
    minutes_per_day=st.integers(5, 60),
    days_per_week=st.integers(2, 7),
    equipment=st.lists(st.sampled_from(EQUIPMENT), unique=True),
    fitness=st.sampled_from(["low", "average", "high"]),
)


def _programme(intake: Intake, prefs: Preferences) -> Programme:
    assessment = assess(intake)
    assume(assessment.triage.level.allows_exercise)
    return build_programme(assessment, intake, prefs, START)


def _conditions(intake: Intake) -> set[str]:
    """The person's conditions, derived here independently of the planner."""
    found = set()
    if (intake.pregnant_weeks or 0) > 20:
        found.add("pregnancy_over_20_weeks")
    if intake.history.osteoporosis or intake.history.long_term_steroids:
        found.add("osteoporosis")
    leg = any(area.value.startswith("leg_") for area in intake.areas)
    nerve = {q.value for q in intake.pain_qualities} & {"shooting", "tingling"}
    nerve_leg_pain = any("below_knee" in area.value for area in intake.areas) or (leg and nerve)
    if nerve_leg_pain and (intake.intensity >= 7 or intake.trend.value == "worse"):
        found.add("sciatica_flare")
    if intake.intensity >= 7:
        found.add("acute_severe_pain")
    if intake.history.recent_spinal_surgery:
        found.add("recent_spinal_surgery")
    return found


def _items(programme: Programme) -> list[tuple[int, str, str]]:
    return [
        (week.number, item.exercise_id, item.level)
        for week in programme.weeks
        for session in week.sessions
        for item in session.exercises
    ]


@FAST
@given(intakes(), preferences)
def test_each_week_of_a_plan_is_the_week_built_on_its_own(
    intake: Intake, prefs: Preferences
) -> None:
    """The builder shares work across the six weeks (rankings, each phase's choice, doses,
    prescriptions); a review rebuilds one week from the basis alone. Both give the same."""
    programme = _programme(intake, prefs)
    for week in programme.weeks:
        alone = build_week(programme.basis, week.number, week.number, confirmed=week.confirmed)
        assert alone == week


@FAST
@given(intakes(), preferences)
def test_no_contraindicated_or_unavailable_exercise_is_ever_prescribed(
    intake: Intake, prefs: Preferences
) -> None:
    programme = _programme(intake, prefs)
    conditions = _conditions(intake)
    have = {"none", *prefs.equipment}
    library = load_exercises()
    for _, exercise_id, _ in _items(programme):
        exercise = library[exercise_id]
        assert not conditions & {c.value for c in exercise.contraindications}, exercise_id
        assert set(exercise.equipment) <= have, exercise_id


@FAST
@given(intakes(), preferences)
def test_every_session_fits_the_minutes_and_has_an_exercise(
    intake: Intake, prefs: Preferences
) -> None:
    programme = _programme(intake, prefs)
    for week in programme.weeks:
        assert len(week.sessions) == prefs.days_per_week
        for session in week.sessions:
            assert session.exercises
            assert session.seconds <= prefs.minutes_per_day * 60
            assert session.estimated_minutes <= prefs.minutes_per_day


@FAST
@given(intakes(), preferences)
def test_severe_pain_and_soon_keep_the_first_weeks_gentle_and_soon_never_hard(
    intake: Intake, prefs: Preferences
) -> None:
    programme = _programme(intake, prefs)
    gentle_start = intake.intensity >= 7 or programme.level == "soon"
    for week_number, exercise_id, level in _items(programme):
        if gentle_start and week_number <= 2:
            assert level == "gentle", exercise_id
        if programme.level == "soon":
            assert level != "hard", exercise_id


def _regress(number: int) -> WeeklyReview:
    return WeeklyReview(
        week_number=number,
        verdict="regress",
        reasons=["test"],
        message="",
        mean_pain=6,
        compared_with=3,
        baseline_pain=5,
        sessions_planned=5,
        sessions_done=5,
        flare_ups=0,
        checkins=3,
        new_red_flags=[],
    )


@FAST
@given(
    intakes(),
    preferences,
    st.integers(1, 5),
    st.lists(st.sampled_from(["progress", "progress", "hold", "regress"]), min_size=4, max_size=4),
)
def test_weekly_load_never_rises_after_regress(
    intake: Intake, prefs: Preferences, week: int, earlier: list[str]
) -> None:
    programme = _programme(intake, prefs)
    # A regress after any week of the plan as built...
    for number in range(1, 6):
        adjusted = apply_review(programme, _regress(number))
        assert adjusted.week(number + 1).load <= programme.week(number).load
    # ...and after any mix of earlier verdicts.
    number = 1
    for verdict in earlier[: week - 1]:
        review = _regress(number).model_copy(update={"verdict": verdict})
        programme = apply_review(programme, review)
        number += 1
    before = programme.week(number).load
    adjusted = apply_review(programme, _regress(number))
    assert adjusted.week(number + 1).load <= before
    for session in adjusted.week(number + 1).sessions:
        assert session.seconds <= prefs.minutes_per_day * 60
