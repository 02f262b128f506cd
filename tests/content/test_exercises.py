"""The exercise library content: complete, clinically cautious, and drawn for every exercise."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from spinewise.core.exercises import Condition, illustration_path, load_exercises

SVG = "{http://www.w3.org/2000/svg}"
SEED_EXERCISES = {
    "plank",
    "childs_pose",
    "glute_bridge",
    "pelvic_tilt",
    "wall_angel",
    "thoracic_extension",
    "foam_roll_upper_back",
    "shoulder_blade_squeeze",
}
REQUIRED = SEED_EXERCISES | {
    "knee_plank",
    "side_plank",
    "single_leg_bridge",
    "bird_dog",
    "dead_bug",
    "cat_cow",
    "knee_to_chest",
    "hip_flexor_stretch",
    "sciatic_nerve_glide",
    "chin_tuck",
    "doorway_chest_stretch",
    "prone_ytw",
    "open_book_rotation",
    "walking",
    "diaphragmatic_breathing",
    "progressive_relaxation",
}
# Held lying on the back: not advised beyond 20 weeks of pregnancy.
LONG_BACK_LYING = {
    "pelvic_tilt",
    "glute_bridge",
    "single_leg_bridge",
    "dead_bug",
    "knee_to_chest",
    "foam_roll_upper_back",
}
# Deep or loaded spinal flexion, strong extension over a support, or rolling on the spine.
# Fragile vertebrae (osteoporosis, long-term steroids): no end-range bending forward, no
# twisting, no pressure or forceful bending back over a roller or chair (clinical reference
# §6c; NOGG 2022). The same rule for every exercise that does any of these.
OSTEOPOROSIS_CAUTION = {
    "knee_to_chest": "bends the spine fully forward",
    "childs_pose": "bends the spine fully forward",
    "cat_cow": "rounds the spine fully forward",
    "open_book_rotation": "twists the spine",
    "seated_thoracic_rotation": "twists the spine",
    "foam_roll_upper_back": "presses on the spine and ribs",
    "thoracic_extension": "bends the upper back over a chair or roller",
}
KNEELING = {"knee_plank", "bird_dog", "cat_cow", "childs_pose", "hip_flexor_stretch"}
EXERCISE_IDS = list(load_exercises())


def test_library_has_the_seed_exercises_and_the_full_menu() -> None:
    exercises = load_exercises()
    assert set(exercises) >= SEED_EXERCISES
    assert set(exercises) >= REQUIRED
    assert len(exercises) >= 26


def test_both_back_regions_get_strength_and_mobility_choices() -> None:
    for region in ("lower", "upper"):
        kinds = {e.kind for e in load_exercises().values() if region in e.regions}
        assert {"strength", "mobility"} <= kinds, region


def test_every_seed_cause_is_served_by_some_exercise() -> None:
    served = {cause for e in load_exercises().values() for cause in e.causes}
    assert served >= {
        "muscle_strain",
        "herniated_disc",
        "sciatica",
        "weak_core",
        "sedentary_lifestyle",
        "poor_posture",
        "muscle_tension",
        "forward_head_posture",
        "repetitive_movements",
        "heavy_bags",
        "spinal_misalignment",
    }


def test_easier_and_harder_links_resolve_both_ways() -> None:
    exercises = load_exercises()
    for exercise in exercises.values():
        if exercise.harder:
            assert exercises[exercise.harder].easier == exercise.id
        if exercise.easier:
            assert exercises[exercise.easier].harder == exercise.id


def test_the_plank_family_is_a_ladder_from_the_wall_to_the_side_plank() -> None:
    exercises = load_exercises()
    chain, current = [], "wall_plank"
    while current:
        chain.append(current)
        current = exercises[current].harder or ""
    assert chain == ["wall_plank", "knee_plank", "plank", "side_plank"]


@pytest.mark.parametrize("exercise_id", sorted(LONG_BACK_LYING))
def test_long_back_lying_exercises_warn_after_20_weeks_of_pregnancy(exercise_id: str) -> None:
    assert Condition.PREGNANCY_OVER_20_WEEKS in load_exercises()[exercise_id].contraindications


def test_osteoporosis_rules_out_exactly_the_bending_twisting_and_pressing_exercises() -> None:
    ruled_out = {
        exercise_id
        for exercise_id, exercise in load_exercises().items()
        if Condition.OSTEOPOROSIS in exercise.contraindications
    }
    assert ruled_out == set(OSTEOPOROSIS_CAUTION)


@pytest.mark.parametrize("exercise_id", sorted(KNEELING))
def test_kneeling_exercises_warn_about_painful_knees(exercise_id: str) -> None:
    assert Condition.KNEE_PROBLEMS in load_exercises()[exercise_id].contraindications


def test_nerve_glide_and_deep_flexion_are_skipped_in_a_sciatica_flare() -> None:
    exercises = load_exercises()
    for exercise_id in ("sciatic_nerve_glide", "knee_to_chest", "childs_pose"):
        assert Condition.SCIATICA_FLARE in exercises[exercise_id].contraindications


def test_foam_rolling_says_upper_back_only_never_the_lower_back() -> None:
    roll = load_exercises()["foam_roll_upper_back"]
    assert roll.regions == ["upper"]
    text = " ".join([roll.purpose, *roll.steps, *roll.form_cues]).lower()
    assert "upper back only" in text
    assert "never" in text and "lower back" in text


def test_hard_exercises_are_not_offered_in_severe_acute_pain() -> None:
    for exercise in load_exercises().values():
        if exercise.level == "hard":
            assert Condition.ACUTE_SEVERE_PAIN in exercise.contraindications, exercise.id


def test_walking_is_a_programme_measured_in_minutes() -> None:
    walking = load_exercises()["walking"]
    assert walking.kind == "aerobic"
    assert walking.dosage.minutes is not None
    assert any("week" in step for step in walking.steps)


# Fear messaging and "fix" claims are what the clinical reference warns against (section 6).
FORBIDDEN = re.compile(
    r"\b(fix(es)?|cure[sd]?|realign|out of place|slipped|damage|dangerous|never slouch)\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_wording_makes_no_fix_claims_and_no_fear_messages(exercise_id: str) -> None:
    exercise = load_exercises()[exercise_id]
    texts = [exercise.purpose, exercise.start_position, exercise.alt]
    texts += exercise.steps + exercise.form_cues + exercise.stop_if
    for text in texts:
        assert not FORBIDDEN.search(text), f"{exercise_id}: {text}"


@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_every_exercise_cites_programme_level_evidence(exercise_id: str) -> None:
    sources = load_exercises()[exercise_id].sources
    assert sources
    assert all(source.url.startswith(("https://", "http://")) for source in sources)


# --- illustrations -------------------------------------------------------------------------
# Three drawings per exercise (scripts/draw_exercises.py): the animation, its key poses side
# by side (shown when motion is reduced) and a still thumbnail for lists. Their geometry is
# tested on the pose data in tests/figures.

KINDS = {"animation": "", "key-poses": "key-poses", "thumbnail": "thumbnails"}
# Page weight: the session page shows several animations; a list shows many thumbnails.
MAX_BYTES = {"animation": 14 * 1024, "key-poses": 8 * 1024, "thumbnail": 3584}


def _svg(exercise_id: str, kind: str = "animation") -> tuple[str, ET.Element]:
    path = illustration_path(exercise_id)
    if KINDS[kind]:
        path = path.parent / KINDS[kind] / path.name
    text = path.read_text(encoding="utf-8")
    return text, ET.fromstring(text)


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_illustration_is_an_accessible_image_with_the_alt_text(exercise_id: str, kind: str) -> None:
    _, root = _svg(exercise_id, kind)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox")
    title = root.find(f"{SVG}title")
    desc = root.find(f"{SVG}desc")
    assert title is not None and title.text == load_exercises()[exercise_id].name
    assert desc is not None and desc.text == load_exercises()[exercise_id].alt
    labelled_by = (root.get("aria-labelledby") or "").split()
    assert title.get("id") in labelled_by and desc.get("id") in labelled_by
    # Pictures only: nothing in them is text a reader would have to read.
    assert root.find(f".//{SVG}text") is None


@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_illustration_animates_a_jointed_figure_and_stops_for_reduced_motion(
    exercise_id: str,
) -> None:
    _, root = _svg(exercise_id)
    style = root.find(f"{SVG}style")
    assert style is not None and style.text
    animated = {el.get("class") for el in root.iter() if el.get("class")}
    keyframes = set(re.findall(r"@keyframes (\w+)", style.text))
    # Several joints move, each with its own keyframes, nested in one another.
    assert len(animated) >= 2 and animated <= keyframes
    assert re.search(r"@media \(prefers-reduced-motion:reduce\)\{g\{animation:none", style.text)


@pytest.mark.parametrize("kind", ["key-poses", "thumbnail"])
@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_still_drawings_have_no_style_or_motion(exercise_id: str, kind: str) -> None:
    text, root = _svg(exercise_id, kind)
    assert root.find(f"{SVG}style") is None
    assert "animation" not in text and "class=" not in text


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_illustration_is_safe_to_inline_and_small(exercise_id: str, kind: str) -> None:
    text, root = _svg(exercise_id, kind)
    assert len(text.encode()) < MAX_BYTES[kind]
    for element in root.iter():
        assert element.tag not in {f"{SVG}script", f"{SVG}foreignObject", f"{SVG}image"}
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1]
            assert not local.lower().startswith("on"), f"event handler {name}"
            if local == "href":
                assert value.startswith("#"), f"external reference {value}"
    assert "url(http" not in text and "@import" not in text


def test_the_library_is_one_read_only_mapping_that_no_caller_can_change() -> None:
    library = load_exercises()
    assert load_exercises() is library  # looked up many times a plan: made once
    with pytest.raises(TypeError):
        library["walking"] = library["walking"]  # type: ignore[index]
    with pytest.raises(TypeError):
        del library["walking"]  # type: ignore[attr-defined]
