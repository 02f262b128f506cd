"""The exercise figures move like people: checked on the pose data the drawings come from.

Every key pose, and every frame as the browser draws it (the written keyframes,
interpolated), is checked: nothing sinks into the floor, a wall, a chair or a roller; the
parts that should rest on something touch it; every joint stays in its normal range of
motion (rom.py: AAOS normal values); bones keep their length; the figure fills its frame.
"""

from __future__ import annotations

import math

import pytest
from exercise_figures import library, rom, svg
from exercise_figures.geometry import Affine
from exercise_figures.scene import Box

from figures import (
    active_contacts,
    contact_gap,
    drawing,
    frame,
    key_poses,
    shown_frames,
    solids,
)
from spinewise.core.exercises import load_exercises

EXERCISE_IDS = sorted(load_exercises())
KEY_TOLERANCE = 0.4  # cm: key poses are solved exactly; this is rounding
FRAME_TOLERANCE = 1.5  # cm: between keyframes the browser interpolates joint angles
ANGLE_TOLERANCE = 0.6  # degrees, for the same reason
# The figure's bounding box over the larger side of the frame (figure only, props excluded):
FILL_ALL = 0.75  # the whole movement (median 0.89; the props widen the doorway and chair ones)
FILL_KEY = 0.45  # each key pose (median 0.82; the open book's closed pose is one end of a sweep)
FILL_THUMB = 0.75  # a thumbnail's pose, of its own frame (median 0.92)


def test_every_exercise_has_a_drawing() -> None:
    assert sorted(library.DRAWINGS) == EXERCISE_IDS


def _all_channels(exercise_id: str) -> list[tuple[str, dict[str, float], float]]:
    """(label, channels, tolerance) for each key pose and each drawn frame."""
    out = [(f"key {i}", pose.ch, KEY_TOLERANCE) for i, pose in enumerate(key_poses(exercise_id))]
    out += [(f"t={s.t:.2f}s", s.channels, FRAME_TOLERANCE) for s in shown_frames(exercise_id)]
    return out


@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_nothing_sinks_into_the_floor_or_a_prop(exercise_id: str) -> None:
    # Seen from above the floor is the picture plane (the next tests keep the figure on its
    # mat or seat); walls seen from above still count.
    skip_floor = drawing(exercise_id).view == "top"
    for label, ch, tol in _all_channels(exercise_id):
        f = frame(exercise_id, ch)
        for solid in solids(exercise_id, ch)[1 if skip_floor else 0 :]:
            for node in f.skeleton.nodes:
                points = list(f.shape_points(node))
                if not points:
                    continue
                deepest = min(solid.distance(p) for p in points)
                assert deepest >= -tol, (
                    f"{exercise_id} {label}: {node} {deepest:.2f} cm into {solid.name}"
                )


@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_the_head_is_never_below_the_floor(exercise_id: str) -> None:
    d = drawing(exercise_id)
    if d.view == "top":
        return  # seen from above, the floor is the picture plane
    for label, ch, tol in _all_channels(exercise_id):
        lowest = min(p[1] for p in frame(exercise_id, ch).shape_points("head"))
        assert lowest >= d.ground - tol, f"{exercise_id} {label}: head at {lowest:.2f}"


@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_seen_from_above_the_figure_stays_on_its_mat_or_seat(exercise_id: str) -> None:
    d = drawing(exercise_id)
    for name, box in d.bounds.items():
        assert isinstance(box, Box)
        for label, ch, tol in _all_channels(exercise_id):
            f = frame(exercise_id, ch)
            nodes = ["pelvis"] if name == "seat" else None
            for p in f.body_points(nodes):
                assert box.contains(p, tol), f"{exercise_id} {label}: {p} off the {name}"


@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_contacts_touch_in_every_key_pose(exercise_id: str) -> None:
    d = drawing(exercise_id)
    for i, pose in enumerate(key_poses(exercise_id)):
        f = frame(exercise_id, pose.ch)
        for contact in d.keys[i].contacts:
            gap, sink = contact_gap(d, f, contact)
            what = f"{exercise_id} key {i} ({d.keys[i].name}): {contact.node} on {contact.surface}"
            assert gap <= KEY_TOLERANCE, f"{what}: {gap:.2f} cm away"
            assert sink >= -KEY_TOLERANCE, f"{what}: {-sink:.2f} cm into it"


@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_contacts_hold_between_key_poses(exercise_id: str) -> None:
    """A hand or foot that rests in two key poses stays put while moving between them."""
    d = drawing(exercise_id)
    for shown in shown_frames(exercise_id):
        f = frame(exercise_id, shown.channels)
        for contact in active_contacts(d, shown.between):
            gap, sink = contact_gap(d, f, contact)
            what = f"{exercise_id} t={shown.t:.2f}s: {contact.node} on {contact.surface}"
            assert gap <= FRAME_TOLERANCE, f"{what}: {gap:.2f} cm away"
            assert sink >= -FRAME_TOLERANCE, f"{what}: {-sink:.2f} cm into it"


@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_every_joint_stays_in_its_normal_range(exercise_id: str) -> None:
    d = drawing(exercise_id)
    poses = list(key_poses(exercise_id))
    from exercise_figures.animate import Pose

    poses += [Pose(s.channels) for s in shown_frames(exercise_id)]
    # Out-of-picture angles are declared by key poses; drawn frames add the planar ones.
    for pose in poses:
        for m in rom.motions(d, pose):
            low, high = rom.allowed(d, m)
            assert low - ANGLE_TOLERANCE <= m.value <= high + ANGLE_TOLERANCE, (
                f"{exercise_id}: {m.joint} {m.motion} {m.value:.1f} outside {low}..{high}"
            )


@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_loaded_end_ranges_only_where_the_exercise_warns_about_that_joint(
    exercise_id: str,
) -> None:
    d = drawing(exercise_id)
    exercise = load_exercises()[exercise_id]
    for motion in d.loaded:
        assert exercise.contraindications, exercise_id
        assert rom.LOADED_NEEDS[motion] in {str(c) for c in exercise.contraindications}
        # ... and the exception is really needed, or it should not be claimed.
        active = rom.RANGES[motion].high
        values = [
            m.value
            for pose in key_poses(exercise_id)
            for m in rom.motions(d, pose)
            if m.motion == motion
        ]
        assert max(values) > active, f"{exercise_id} claims a loaded {motion} it does not use"


def test_the_range_table_cites_its_sources() -> None:
    for name, r in rom.RANGES.items():
        assert r.source, name
        assert r.low < r.high, name
        if r.loaded_high is not None:
            assert r.loaded_source and r.loaded_high > r.high, name


@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_bones_keep_their_length(exercise_id: str) -> None:
    sk = drawing(exercise_id).skeleton
    for label, ch, _ in _all_channels(exercise_id):
        f = frame(exercise_id, ch)
        for node in sk.nodes.values():
            if node.parent is None or not sk.nodes[node.parent].length:
                continue
            parent = sk.nodes[node.parent]
            if node.at != (parent.length, 0):
                continue  # not the segment's far end (a shoulder on the chest)
            span = math.dist(f.point(node.name), f.point(parent.name))
            if ch.get(node.name + ".x", 0.0) or ch.get(node.name + ".y", 0.0):
                # Foreshortened (pointing out of the picture): never longer than the bone.
                assert span <= parent.length + 0.05, f"{exercise_id} {label}: {parent.name}"
            else:
                assert span == pytest.approx(parent.length, abs=0.05), (
                    f"{exercise_id} {label}: {parent.name} is {span:.2f}, not {parent.length}"
                )


def _viewbox(text: str) -> Box:
    x, y, w, h = (float(v) for v in text.split('viewBox="', 1)[1].split('"', 1)[0].split())
    return Box(x, -(y + h), x + w, -y)


def _fill(points: list[tuple[float, float]], box: Box) -> float:
    b = Box.around(points)
    return float(max(b.w / box.w, b.h / box.h))


@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_the_figure_fills_its_frame(exercise_id: str) -> None:
    d = drawing(exercise_id)
    box = svg.animation_frame(d)
    everything = []
    for i, pose in enumerate(key_poses(exercise_id)):
        points = list(frame(exercise_id, pose.ch).body_points())
        everything += points
        assert _fill(points, box) >= FILL_KEY, f"{exercise_id} key {i}: {_fill(points, box):.2f}"
    assert _fill(everything, box) >= FILL_ALL, f"{exercise_id}: {_fill(everything, box):.2f}"
    thumb = svg.thumb_frame(d)
    points = list(frame(exercise_id, key_poses(exercise_id)[d.thumb].ch).body_points())
    assert _fill(points, thumb) >= FILL_THUMB, (
        f"{exercise_id} thumbnail: {_fill(points, thumb):.2f}"
    )


def test_the_foam_roller_stays_under_the_shoulder_blades_never_the_lower_back() -> None:
    d = drawing("foam_roll_upper_back")
    for label, ch, _ in _all_channels("foam_roll_upper_back"):
        f = frame("foam_roll_upper_back", ch)
        roller = solids("foam_roll_upper_back", ch)[-1]
        # Where the back touches the roller, in the thorax's own frame (T12 at 0, C7 at 25).
        inverse_points = [(roller.distance(p), p) for p in f.shape_points("thorax")]
        _, touch = min(inverse_points)
        local = _to_local(f.nodes["thorax"], touch)
        assert 7.0 <= local[0] <= 23.0, f"{label}: roller at thorax x = {local[0]:.1f}"
        lumbar_gap = min(roller.distance(p) for p in f.shape_points("lumbar"))
        assert lumbar_gap > 1.0, f"{label}: roller {lumbar_gap:.2f} cm from the lower back"
    assert d.view == "side"


def _to_local(m: Affine, p: tuple[float, float]) -> tuple[float, float]:
    det = m.a * m.d - m.b * m.c
    x, y = p[0] - m.e, p[1] - m.f
    return ((m.d * x - m.c * y) / det, (-m.b * x + m.a * y) / det)


def test_seated_rotation_turns_the_chest_and_keeps_the_knees_forward() -> None:
    turns = [s.channels.get("trunk", 0.0) for s in shown_frames("seated_thoracic_rotation")]
    assert max(turns) > 30 and min(turns) < -30
    for s in shown_frames("seated_thoracic_rotation"):
        assert s.channels.get("hip_l", 0.0) == 0.0 and s.channels.get("hip_r", 0.0) == 0.0
        assert s.channels.get("pelvis", 0.0) == pytest.approx(-90.0)


def test_open_book_opens_the_top_arm_over_while_the_knees_stay() -> None:
    d = drawing("open_book_rotation")
    closed, opened = key_poses("open_book_rotation")
    f0, f1 = frame("open_book_rotation", closed.ch), frame("open_book_rotation", opened.ch)
    # The top hand starts in front (+x) and ends behind the body (-x), higher than the chest.
    assert f0.point("wrist")[0] > 30 and f1.point("wrist")[0] < -30
    assert f0.point("hips") == pytest.approx(f1.point("hips"), abs=0.01)
    assert f1.point("wrist")[1] > f1.point("chest")[1]
    assert d.view == "axial"
