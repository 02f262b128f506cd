"""The six-week programme: what a person following it would notice."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from spinewise.core.assessment import assess
from spinewise.core.content_loader import ContentError, content_dir
from spinewise.core.education import load_education, load_habit_tips, reading_for
from spinewise.core.exercises import Condition, load_exercises
from spinewise.core.intake import Intake, PregnancySigns, complete_intake, load_intake
from spinewise.core.knowledge import knowledge
from spinewise.core.levels import Level
from spinewise.core.plan import (
    NoProgrammeError,
    Preferences,
    Programme,
    build_programme,
    person_conditions,
    programme_id,
)
from spinewise.core.plan.basis import nerve_root_leg_pain

VIGNETTES = Path(__file__).parents[1] / "vignettes"
START = date(2025, 3, 3)  # a Monday
ALL_IDS = sorted(path.stem for path in VIGNETTES.glob("P*.json"))


def _intake(vignette: str) -> Intake:
    return load_intake(VIGNETTES / f"{vignette}.json")


def _changed(vignette: str, **changes: Any) -> Intake:
    data = json.loads((VIGNETTES / f"{vignette}.json").read_text())
    for key, value in changes.items():
        section, _, field = key.partition("__")
        if field:
            data[section][field] = value
        else:
            data[key] = value
    return complete_intake(data)


def _plan(intake: Intake, prefs: Preferences | None = None) -> Programme:
    return build_programme(assess(intake), intake, prefs or Preferences(), START)


def _exercise_ids(programme: Programme) -> set[str]:
    return {
        item.exercise_id
        for week in programme.weeks
        for session in week.sessions
        for item in session.exercises
    }


PLANNABLE = [v for v in ALL_IDS if assess(_intake(v)).allows_exercise]
NOT_PLANNABLE = [v for v in ALL_IDS if v not in PLANNABLE]


def test_vignettes_cover_both_outcomes() -> None:
    assert "P01" in PLANNABLE and "P07" in NOT_PLANNABLE
    assert len(PLANNABLE) >= 8


@pytest.mark.parametrize("vignette", PLANNABLE)
def test_every_self_care_or_soon_vignette_gets_a_fitting_programme(vignette: str) -> None:
    intake = _intake(vignette)
    assessment = assess(intake)
    programme = _plan(intake)
    library = load_exercises()
    wanted = {"both": {"lower", "upper"}, None: {"lower", "upper"}}.get(
        assessment.region, {str(assessment.region)}
    )
    top_causes = {cause.id for cause in assessment.causes[:4]}

    assert [week.number for week in programme.weeks] == [1, 2, 3, 4, 5, 6]
    assert [week.phase_name for week in programme.weeks] == [
        "Calm things down",
        "Calm things down",
        "Build",
        "Build",
        "Strengthen",
        "Strengthen",
    ]
    for week in programme.weeks:
        assert len(week.sessions) == 5  # default five days a week
        for session in week.sessions:
            assert START <= session.date <= programme.end
            assert session.estimated_minutes <= 15
            for item in session.exercises:
                assert wanted & set(library[item.exercise_id].regions)
                assert item.why.startswith(("Chosen for your", "Added to ease"))
            if assessment.region == "both":
                regions = {r for item in session.exercises for r in item.regions}
                assert {"lower", "upper"} <= regions
            if top_causes:
                assert any(set(item.serves) & top_causes for item in session.exercises)


@pytest.mark.parametrize("vignette", NOT_PLANNABLE)
def test_emergency_urgent_and_child_vignettes_get_no_programme(vignette: str) -> None:
    intake = _intake(vignette)
    assessment = assess(intake)
    with pytest.raises(NoProgrammeError) as caught:
        build_programme(assessment, intake, Preferences(), START)
    assert caught.value.triage == assessment.triage
    assert caught.value.triage.level in (Level.URGENT, Level.EMERGENCY) or intake.is_child


def test_p01_mixes_lower_and_upper_and_explains_each_choice() -> None:
    programme = _plan(_intake("P01"))
    assert programme.region == "both"
    first = programme.weeks[0].sessions[0]
    lower = [item for item in first.exercises if item.regions == ["lower"]]
    upper = [item for item in first.exercises if item.regions == ["upper"]]
    assert lower and upper
    assert "Chosen for your lower back" in lower[0].why
    assert "Chosen for your upper back" in upper[0].why
    # P01 sits 9 hours a day and rarely breaks it up: a break every 30 minutes.
    assert programme.movement_breaks is not None
    assert programme.movement_breaks.every_minutes == 30
    assert programme.movement_breaks.days == ["mon", "tue", "wed", "thu", "fri"]
    habits = {habit.id for habit in programme.habits}
    assert {"walking", "movement_breaks", "screen_setup", "painkillers"} <= habits


def test_soon_gets_a_gentle_programme_and_the_booking_advice() -> None:
    intake = _intake("P20")
    assessment = assess(intake)
    assert assessment.triage.level is Level.SOON
    programme = _plan(intake)
    assert programme.advice == assessment.triage.advice
    assert "appointment" in (programme.advice or "")
    levels = {
        week.number: {item.level for s in week.sessions for item in s.exercises}
        for week in programme.weeks
    }
    assert levels[1] == levels[2] == {"gentle"}
    assert all("hard" not in found for found in levels.values())
    assert any(left.id == "side_plank" for left in programme.left_out)


def test_self_care_programme_has_no_booking_advice_but_a_safety_note() -> None:
    programme = _plan(_intake("P01"))
    assert programme.advice is None
    assert "Stop an exercise if pain spreads down a leg" in programme.safety_note


def test_programme_id_is_stable_and_depends_on_inputs() -> None:
    intake = _intake("P01")
    first, second = _plan(intake), _plan(intake)
    assert first == second
    assert first.id == programme_id(intake, Preferences(), START)
    assert first.id != build_programme(assess(intake), intake, Preferences(), date(2025, 3, 4)).id
    assert first.id != _plan(intake, Preferences(minutes_per_day=20)).id


def test_severe_pain_starts_gentle_and_avoids_moves_for_severe_pain() -> None:
    intake = _changed("P02", intensity=8)
    programme = _plan(intake)
    library = load_exercises()
    for week in programme.weeks[:2]:
        assert {item.level for s in week.sessions for item in s.exercises} == {"gentle"}
    for exercise_id in _exercise_ids(programme):
        assert "acute_severe_pain" not in library[exercise_id].contraindications
    assert programme.weeks[0].walking_minutes < _plan(_intake("P02")).weeks[0].walking_minutes


def test_low_fitness_starts_with_the_easiest_version_and_never_goes_hard() -> None:
    average = _plan(_intake("P02"))
    low = _plan(_intake("P02"), Preferences(fitness="low"))
    assert "wall_plank" in {i.exercise_id for i in low.weeks[0].sessions[0].exercises}
    assert "knee_plank" in {i.exercise_id for i in average.weeks[0].sessions[0].exercises}
    assert all(item.level != "hard" for w in low.weeks for s in w.sessions for item in s.exercises)


def test_progression_follows_harder_links_in_later_phases() -> None:
    programme = _plan(_intake("P02"), Preferences(fitness="high"))
    week1 = {i.exercise_id for i in programme.weeks[0].sessions[0].exercises}
    week3 = {i.exercise_id for i in programme.weeks[2].sessions[0].exercises}
    week5 = {i.exercise_id for i in programme.weeks[4].sessions[0].exercises}
    assert "knee_plank" in week1 and "plank" in week3 and "side_plank" in week5


def test_doses_grow_within_a_phase() -> None:
    programme = _plan(_intake("P02"))
    week1 = {i.exercise_id: i for i in programme.weeks[0].sessions[0].exercises}
    week2 = {i.exercise_id: i for i in programme.weeks[1].sessions[0].exercises}
    assert week1.keys() == week2.keys()
    assert all(week2[key].load > week1[key].load for key in week1)


def test_steady_nerve_leg_pain_is_offered_the_gentle_nerve_glide() -> None:
    programme = _plan(_intake("P03"))  # below the knee, shooting, 6/10, not getting worse
    assert programme.basis.conditions == []
    assert "sciatic_nerve_glide" in _exercise_ids(programme)


@pytest.mark.parametrize(
    ("changes", "flaring"),
    [
        ({"intensity": 6, "trend": "same"}, False),
        ({"intensity": 6, "trend": "better"}, False),
        ({"intensity": 7, "trend": "same"}, True),  # 7/10 is where a flare starts
        ({"intensity": 6, "trend": "worse"}, True),
        ({"intensity": 3, "trend": "worse"}, True),
    ],
)
def test_a_sciatica_flare_is_nerve_leg_pain_that_is_severe_or_getting_worse(
    changes: dict[str, object], flaring: bool
) -> None:
    intake = _changed("P03", **changes)
    assert (Condition.SCIATICA_FLARE in person_conditions(intake)) is flaring


def test_a_flare_rules_out_the_nerve_glide_and_deep_folds() -> None:
    programme = _plan(_changed("P03", trend="worse"))
    assert "sciatica_flare" in programme.basis.conditions
    assert not {"sciatic_nerve_glide", "knee_to_chest", "childs_pose"} & _exercise_ids(programme)
    assert {"sciatic_nerve_glide", "childs_pose"} <= {left.id for left in programme.left_out}


@pytest.mark.parametrize(
    ("areas", "qualities", "nerve"),
    [
        (["lower_back_centre", "leg_below_knee_left"], ["dull_ache"], True),
        (["lower_back_centre", "leg_above_knee_left"], ["shooting"], True),
        (["lower_back_centre", "leg_above_knee_left"], ["tingling"], True),
        (["lower_back_centre", "leg_above_knee_left"], ["dull_ache", "sharp"], False),
        (["lower_back_centre", "buttock_left"], ["shooting", "tingling"], False),
    ],
)
def test_only_leg_pain_that_sounds_like_a_nerve_can_flare(
    areas: list[str], qualities: list[str], nerve: bool
) -> None:
    intake = _changed("P03", areas=areas, pain_qualities=qualities, intensity=8)
    assert nerve_root_leg_pain(intake) is nerve
    assert (Condition.SCIATICA_FLARE in person_conditions(intake)) is nerve


@pytest.mark.parametrize(
    ("changes", "condition", "ruled_out"),
    [
        (
            {"pregnant_weeks": 26, "pregnancy": dict.fromkeys(PregnancySigns.model_fields, False)},
            "pregnancy_over_20_weeks",
            "glute_bridge",
        ),
        ({"history__osteoporosis": True}, "osteoporosis", "thoracic_extension"),
        ({"history__long_term_steroids": True}, "osteoporosis", "open_book_rotation"),
    ],
)
def test_conditions_rule_out_contraindicated_exercises(
    changes: dict[str, Any], condition: str, ruled_out: str
) -> None:
    intake = _changed("P01", **changes)
    programme = _plan(intake)
    assert condition in programme.basis.conditions
    assert ruled_out not in _exercise_ids(programme)
    assert ruled_out in {left.id for left in programme.left_out}


def test_missing_equipment_rules_exercises_out() -> None:
    programme = _plan(_intake("P02"), Preferences(equipment=["chair"]))
    library = load_exercises()
    for exercise_id in _exercise_ids(programme):
        assert set(library[exercise_id].equipment) <= {"none", "chair"}
    reasons = {left.id: left.reasons for left in programme.left_out}
    assert "Needs a mat or soft floor, which is not in your equipment list." in reasons["plank"]


def test_sessions_land_on_the_chosen_days_and_fit_the_minutes() -> None:
    prefs = Preferences(minutes_per_day=5, days_per_week=3)
    programme = _plan(_intake("P01"), prefs)
    for week in programme.weeks:
        assert [s.weekday for s in week.sessions] == ["mon", "wed", "fri"]
        for session in week.sessions:
            assert session.seconds <= 5 * 60 and session.estimated_minutes <= 5
            assert session.exercises


def test_relaxation_is_added_for_stress_or_muscle_tension_only() -> None:
    tense = _plan(_intake("P05"))  # stress 8, muscle tension
    calm = _plan(_intake("P02"))
    assert any(i.kind == "relaxation" for i in tense.weeks[0].sessions[0].exercises)
    assert {habit.id for habit in tense.habits} >= {"wind_down"}
    assert all(i.kind != "relaxation" for w in calm.weeks for s in w.sessions for i in s.exercises)


def test_walking_goal_grows_week_by_week_from_a_start_matched_to_the_person() -> None:
    programme = _plan(_intake("P01"))
    minutes = [week.walking_minutes for week in programme.weeks]
    assert minutes == sorted(minutes) and minutes[0] < minutes[-1] <= 30
    active = _plan(_intake("P06"))  # exercises five days a week, mild pain
    assert active.weeks[0].walking_minutes > minutes[0]
    assert all(
        i.kind != "aerobic" for w in programme.weeks for s in w.sessions for i in s.exercises
    )


def test_no_movement_breaks_for_people_who_sit_little() -> None:
    programme = _plan(_intake("P02"))  # sits 4 hours a day
    assert programme.movement_breaks is None
    assert "movement_breaks" not in {habit.id for habit in programme.habits}


def test_habit_tips_never_claim_a_correct_posture() -> None:
    for tip in load_habit_tips().values():
        text = f"{tip.title} {tip.text}".lower()
        assert "correct posture" not in text and "good posture" not in text


def test_one_education_item_a_week_with_known_sources() -> None:
    programme = _plan(_intake("P01"))
    items = [week.education for week in programme.weeks]
    assert [item.week for item in items] == [1, 2, 3, 4, 5, 6]
    assert len({item.id for item in items}) == 6
    known = knowledge().sources
    assert all(source in known for item in items for source in item.sources)
    assert "rarely serious" in items[0].title
    assert "bed rest" in items[1].summary
    painkillers = items[4].body.lower()
    assert "paracetamol on its own is not recommended" in painkillers
    assert "lowest dose" in painkillers and "pharmacist" in painkillers
    assert "not a routine treatment" in painkillers  # opioids are not suggested
    assert "when to get help" in items[5].title


def test_education_file_with_an_unknown_source_fails_loudly(tmp_path: Path) -> None:
    shutil.copy(content_dir() / "education.yaml", tmp_path / "education.yaml")
    path = tmp_path / "education.yaml"
    path.write_text(path.read_text().replace("[nice_ng59, slater_2019]", "[made_up]"))
    with pytest.raises(ContentError, match="unknown source id 'made_up'"):
        load_education(tmp_path)


def test_education_file_missing_a_week_fails_loudly(tmp_path: Path) -> None:
    text = (content_dir() / "education.yaml").read_text()
    (tmp_path / "education.yaml").write_text(text.replace("- week: 6", "- week: 5"))
    with pytest.raises(ContentError, match="no general item for week"):
        load_education(tmp_path)


def test_education_file_with_two_reads_for_the_same_readers_fails_loudly(
    tmp_path: Path,
) -> None:
    text = (content_dir() / "education.yaml").read_text()
    doubled = text.replace("  lasting: weeks\n", "  lasting: months\n")
    assert doubled != text
    (tmp_path / "education.yaml").write_text(doubled)
    with pytest.raises(ContentError, match="more than one item for the same readers"):
        load_education(tmp_path)


@pytest.mark.parametrize(
    ("level", "days", "read"),
    [
        ("self_care", 0, "what_back_pain_is"),
        ("self_care", 41, "what_back_pain_is"),
        ("self_care", 42, "when_it_takes_longer"),  # six weeks
        ("self_care", 83, "when_it_takes_longer"),
        ("self_care", 84, "living_with_longer_lasting_pain"),  # twelve weeks
        ("soon", 3, "while_you_wait_to_be_seen"),
        ("soon", 400, "while_you_wait_to_be_seen"),  # the verdict matters more
    ],
)
def test_the_first_read_fits_the_verdict_and_how_long_the_pain_has_lasted(
    level: str, days: int, read: str
) -> None:
    assert reading_for(1, level, days).id == read


def test_a_plan_opens_with_the_read_for_that_person() -> None:
    persistent = _plan(_changed("P01", duration_days=200, trend="better"))
    assert persistent.weeks[0].education.id == "living_with_longer_lasting_pain"
    assert persistent.weeks[1].education.id == "why_staying_active_helps"


@pytest.mark.parametrize(
    "bad",
    [
        {"timezone": "Mars/Olympus"},
        {"minutes_per_day": 3},
        {"days_per_week": 8},
        {"session_time": "25:00"},
        {"days_per_week": 3, "session_days": ["mon", "tue"]},
        {"equipment": ["trampoline"]},
    ],
)
def test_invalid_preferences_are_rejected(bad: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        Preferences.model_validate(bad)


def test_programme_json_names_its_schema() -> None:
    data = _plan(_intake("P01")).to_json_dict()
    assert data["schema"] == "spinewise.programme/1"
    assert len(data["weeks"]) == 6  # type: ignore[arg-type]
    json.dumps(data)


def test_only_week_one_is_set_the_rest_wait_for_their_review() -> None:
    programme = _plan(_intake("P01"))
    assert [week.confirmed for week in programme.weeks] == [True] + [False] * 5
    assert programme.weeks[0].planned_note is None
    note = programme.week(4).planned_note or ""
    assert "end of week 3" in note and "stable or better" in note
