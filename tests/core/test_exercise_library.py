"""The exercise loader and look-ups in ``spinewise.core.exercises``."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from spinewise.core.content_loader import ContentError
from spinewise.core.exercises import (
    SWITCH_SIDE_SECONDS,
    Exercise,
    default_path,
    exercises_for,
    get_exercise,
    illustration_svg,
    load_exercises,
    timer_plan,
)
from spinewise.core.knowledge import knowledge


def _library_copy(tmp_path: Path, edit: Any = None) -> Path:
    """A copy of exercises.yaml (and its drawings) in tmp_path, optionally edited."""
    entries = yaml.safe_load(default_path().read_text(encoding="utf-8"))
    if edit is not None:
        edit(entries)
    target = tmp_path / "exercises.yaml"
    target.write_text(yaml.safe_dump(entries, sort_keys=False), encoding="utf-8")
    shutil.copytree(default_path().parent / "illustrations", tmp_path / "illustrations")
    return target


def _by_id(entries: list[dict[str, Any]], exercise_id: str) -> dict[str, Any]:
    return next(entry for entry in entries if entry["id"] == exercise_id)


def _problems(exc: pytest.ExceptionInfo[ContentError]) -> dict[str, str]:
    return dict(exc.value.problems)


def test_loads_in_file_order() -> None:
    entries = yaml.safe_load(default_path().read_text(encoding="utf-8"))
    assert list(load_exercises()) == [entry["id"] for entry in entries]


def test_an_unchanged_copy_loads_the_same_exercises(tmp_path: Path) -> None:
    assert load_exercises(_library_copy(tmp_path)) == load_exercises()


def test_get_exercise_returns_the_model() -> None:
    plank = get_exercise("plank")
    assert isinstance(plank, Exercise)
    assert plank.name == "Plank"


def test_unknown_id_is_a_key_error_that_names_it() -> None:
    with pytest.raises(KeyError, match="no exercise with id 'planck'"):
        get_exercise("planck")


def test_filters_by_region_and_cause() -> None:
    upper = exercises_for(region="upper")
    assert upper and all("upper" in e.regions for e in upper)
    assert "wall_angel" in {e.id for e in upper}
    assert "glute_bridge" not in {e.id for e in upper}

    sciatica = exercises_for(cause="sciatica")
    assert "sciatic_nerve_glide" in {e.id for e in sciatica}
    assert all("sciatica" in e.causes for e in sciatica)

    both = exercises_for(region="lower", cause="weak_core")
    assert both and all("lower" in e.regions and "weak_core" in e.causes for e in both)
    assert exercises_for() == list(load_exercises().values())
    assert exercises_for(region="sideways") == []


def test_illustration_svg_returns_the_drawing_text() -> None:
    svg = illustration_svg("childs_pose")
    assert svg.startswith("<svg") and "<title" in svg and "Child's pose" in svg
    with pytest.raises(KeyError):
        illustration_svg("no_such_exercise")


# --- timing -------------------------------------------------------------------------------


def test_estimated_seconds_for_a_hold() -> None:
    plank = get_exercise("plank")  # 3 × hold 20s, rest 40s
    assert plank.estimated_seconds == 3 * 20 + 2 * 40


def test_estimated_seconds_for_reps_uses_the_pace_per_rep() -> None:
    bridge = get_exercise("glute_bridge")  # 2 × 10 reps at 4 s, rest 45s
    assert bridge.estimated_seconds == 2 * 10 * 4 + 45


def test_estimated_seconds_counts_both_sides_and_the_side_change() -> None:
    side = get_exercise("side_plank")  # 2 × hold 15s each side, rest 30s
    assert side.estimated_seconds == 2 * 15 * 2 + 30 + 2 * SWITCH_SIDE_SECONDS


def test_walking_is_timed_in_minutes() -> None:
    walking = get_exercise("walking")
    assert walking.estimated_seconds == (walking.dosage.minutes or 0) * 60


def test_timer_plan_alternates_sets_and_rests() -> None:
    steps = timer_plan(get_exercise("plank"))
    assert [s.kind for s in steps] == ["work", "rest", "work", "rest", "work"]
    assert steps[0].label == "Set 1 of 3 — hold 20s"
    assert steps[1].label == "Rest 40s"


def test_timer_plan_for_one_side_at_a_time() -> None:
    steps = timer_plan(get_exercise("side_plank"))
    work = [s for s in steps if s.kind == "work"]
    assert [(s.set_number, s.side) for s in work] == [
        (1, "first"),
        (1, "second"),
        (2, "first"),
        (2, "second"),
    ]
    assert any(s.kind == "switch" for s in steps)


# --- a broken file fails loudly with file, field and reason ------------------------------


def test_malformed_field_names_file_exercise_field_and_reason(tmp_path: Path) -> None:
    def break_it(entries: list[dict[str, Any]]) -> None:
        _by_id(entries, "plank")["level"] = "extreme"

    path = _library_copy(tmp_path, break_it)
    with pytest.raises(ContentError) as exc:
        load_exercises(path)
    assert exc.value.file == str(path)
    assert "plank.level" in _problems(exc)
    assert "gentle" in _problems(exc)["plank.level"]
    assert str(path) in str(exc.value) and "plank.level" in str(exc.value)


def test_both_reps_and_hold_is_rejected(tmp_path: Path) -> None:
    def break_it(entries: list[dict[str, Any]]) -> None:
        _by_id(entries, "plank")["dosage"]["reps"] = 10

    with pytest.raises(ContentError) as exc:
        load_exercises(_library_copy(tmp_path, break_it))
    assert "exactly one of reps, hold_seconds or minutes" in _problems(exc)["plank.dosage"]


def test_unknown_field_and_unknown_contraindication_are_rejected(tmp_path: Path) -> None:
    def break_it(entries: list[dict[str, Any]]) -> None:
        _by_id(entries, "cat_cow")["colour"] = "blue"
        _by_id(entries, "cat_cow")["contraindications"] = ["bad_mood"]

    with pytest.raises(ContentError) as exc:
        load_exercises(_library_copy(tmp_path, break_it))
    problems = _problems(exc)
    assert "cat_cow.colour" in problems
    assert "cat_cow.contraindications.0" in problems


def test_unknown_cause_and_region_are_rejected(tmp_path: Path) -> None:
    def break_it(entries: list[dict[str, Any]]) -> None:
        _by_id(entries, "chin_tuck")["causes"] = ["bad_luck"]
        _by_id(entries, "chin_tuck")["regions"] = ["middle"]

    with pytest.raises(ContentError) as exc:
        load_exercises(_library_copy(tmp_path, break_it))
    assert {"chin_tuck.causes.0", "chin_tuck.regions.0"} <= set(_problems(exc))


def test_reps_without_a_pace_are_rejected(tmp_path: Path) -> None:
    def break_it(entries: list[dict[str, Any]]) -> None:
        del _by_id(entries, "glute_bridge")["seconds_per_rep"]

    with pytest.raises(ContentError, match="seconds_per_rep is required"):
        load_exercises(_library_copy(tmp_path, break_it))


def test_invalid_yaml_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "exercises.yaml"
    path.write_text("- id: plank\n  name: [unclosed\n", encoding="utf-8")
    with pytest.raises(ContentError, match="not valid YAML") as exc:
        load_exercises(path)
    assert exc.value.file == str(path)


def test_a_mapping_instead_of_a_list_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "exercises.yaml"
    path.write_text("plank: {}\n", encoding="utf-8")
    with pytest.raises(ContentError, match="expected a list of exercises"):
        load_exercises(path)


def test_duplicate_ids_are_rejected(tmp_path: Path) -> None:
    def break_it(entries: list[dict[str, Any]]) -> None:
        entries.append(dict(_by_id(entries, "walking")))

    with pytest.raises(ContentError, match="duplicate id"):
        load_exercises(_library_copy(tmp_path, break_it))


def test_harder_link_to_a_missing_exercise_is_rejected(tmp_path: Path) -> None:
    def break_it(entries: list[dict[str, Any]]) -> None:
        _by_id(entries, "side_plank")["harder"] = "one_arm_plank"

    with pytest.raises(ContentError) as exc:
        load_exercises(_library_copy(tmp_path, break_it))
    assert "unknown exercise id 'one_arm_plank'" in _problems(exc)["side_plank.harder"]


def test_links_that_do_not_point_back_are_rejected(tmp_path: Path) -> None:
    def break_it(entries: list[dict[str, Any]]) -> None:
        _by_id(entries, "wall_angel")["easier"] = "chin_tuck"

    with pytest.raises(ContentError) as exc:
        load_exercises(_library_copy(tmp_path, break_it))
    assert "as its harder version" in _problems(exc)["wall_angel.easier"]


def test_an_easier_version_must_not_be_a_harder_level(tmp_path: Path) -> None:
    def break_it(entries: list[dict[str, Any]]) -> None:
        _by_id(entries, "knee_plank")["level"] = "hard"

    with pytest.raises(ContentError) as exc:
        load_exercises(_library_copy(tmp_path, break_it))
    assert "plank.easier" in _problems(exc)


def test_a_missing_drawing_is_rejected(tmp_path: Path) -> None:
    path = _library_copy(tmp_path)
    (tmp_path / "illustrations" / "bird_dog.svg").unlink()
    with pytest.raises(ContentError) as exc:
        load_exercises(path)
    assert "missing drawing" in _problems(exc)["bird_dog.illustration"]


def test_sources_are_cited_by_id_and_shown_as_sources_yaml_writes_them() -> None:
    entries = yaml.safe_load(default_path().read_text(encoding="utf-8"))
    known = knowledge().sources
    for entry in entries:
        shown = [(s.title, s.url) for s in load_exercises()[entry["id"]].sources]
        assert shown == [(known[i].title, str(known[i].url)) for i in entry["sources"]]


def test_an_unknown_source_id_or_one_without_a_link_is_rejected(tmp_path: Path) -> None:
    def break_it(entries: list[dict[str, Any]]) -> None:
        _by_id(entries, "plank")["sources"] = ["nice_ng59", "made_up_2031"]
        _by_id(entries, "cat_cow")["sources"] = ["seed_guide"]  # in sources.yaml, no link

    with pytest.raises(ContentError) as exc:
        load_exercises(_library_copy(tmp_path, break_it))
    problems = exc.value.problems
    assert ("plank.sources", "'made_up_2031' is not a source id in sources.yaml") in problems
    assert ("cat_cow.sources", "'seed_guide' has no link in sources.yaml") in problems


def test_a_source_written_out_instead_of_cited_by_id_is_rejected(tmp_path: Path) -> None:
    def break_it(entries: list[dict[str, Any]]) -> None:
        _by_id(entries, "plank")["sources"] = [{"title": "A title", "url": "https://a.example"}]

    with pytest.raises(ContentError) as exc:
        load_exercises(_library_copy(tmp_path, break_it))
    assert "plank.sources" in _problems(exc)
