"""The 27 drawings: for each exercise its view, props, key poses, timing and contacts.

Parameters are anatomical where they can be (degrees, positive = flexion; rom.py has the
signs), and each builder solves the contacts the exercise's steps describe, for the key
poses and for every pose in between.

Side views face +x (right). Lying on the back, the head is on the left; lying face down,
on the right.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from . import body
from .animate import Contact, Drawing, Key, Params, Pose
from .body import FOREARM, LUMBAR, PELVIS, SHIN, SHOULDER_AT, THIGH, UPPER_ARM
from .geometry import Point, along, angle_of, circle_meet, norm_angle, solve, two_bone
from .kinematics import forward
from .postures import SOLE, Builder, foot_flat_ankle, foot_on_floor
from .scene import (
    MAT,
    Below,
    Box,
    Chair,
    Disc,
    Floor,
    Mat,
    Pillow,
    Prop,
    RightOf,
    Roller,
    Slab,
    Solid,
    Spot,
    TopChair,
    TopDoorway,
    TopMat,
    TopRect,
    Wall,
    WallBehind,
)

G = MAT  # the ground when lying or kneeling on a mat
SEAT = 43.0  # chair seat height
ARM = UPPER_ARM + FOREARM
TRUNK = PELVIS + LUMBAR + SHOULDER_AT  # hip joint to shoulder joint, spine straight
STAND_HIP = -SOLE + THIGH + SHIN  # hip height standing with straight legs, feet flat

SIDE = body.side()


def lerp(a: float, b: float, u: float) -> float:
    return a + (b - a) * u


def bump(u: float, height: float) -> float:
    """A lift that is zero at both ends of a step: a foot or hand clears the floor."""
    return height * math.sin(math.pi * min(1.0, max(0.0, u)))


def spine(b: Builder, p: Params) -> None:
    """Flexion parameters (positive = bend forward) to the side view's channels."""
    b.ch["lumbar"] = -p.get("lumbar", 0.0)
    b.ch["thorax"] = -p.get("thorax", 0.0)
    b.ch["neck"] = -p.get("neck", 0.0)
    b.ch["head"] = -p.get("head", 0.0)


def trunk_angle_for(hip: Point, shoulder: Point) -> float:
    """The pelvis angle that puts a straight trunk's shoulder joint on the hip->shoulder line."""
    return angle_of(hip, shoulder) - math.degrees(math.atan2(0.5, TRUNK))


def both(b: Builder, fn: Callable[[str], None]) -> None:
    fn("")
    fn("_far")


def arms_hanging(b: Builder, flex: float = 4.0, elbow: float = 10.0) -> None:
    for sfx in ("", "_far"):
        b.ch["shoulder" + sfx] = flex
        b.ch["elbow" + sfx] = elbow
        b.ch["wrist" + sfx] = 0.0


def ground_contacts(*nodes: str, surface: str = "ground") -> tuple[Contact, ...]:
    return tuple(Contact(n, surface) for n in nodes)


def drawing(
    id: str,
    view: str,
    sk: body.Skeleton,
    props: list[Prop],
    build: Callable[[Params], Pose],
    keys: list[Key],
    stills: tuple[int, ...],
    thumb: int,
    ground: float = 0.0,
    surfaces: dict[str, Solid] | None = None,
    **kw: object,
) -> Drawing:
    found: dict[str, Solid] = {"ground": Below(ground)}
    found.update(surfaces or {})
    return Drawing(
        id,
        view,
        sk,
        props,
        build,
        keys,
        stills,
        thumb,
        ground=ground,
        surfaces=found,
        **kw,  # type: ignore[arg-type]
    )


# =============================================================================================
# Four-point kneeling: cat-cow, bird dog, child's pose
# =============================================================================================

KNEE_ON_MAT: Point = (0.0, G + 5.6)  # the knee joint over its contact with the mat
HAND_FLAT_WRIST = 2.7  # wrist centre above the ground with the hand flat, palm down
ARM_REACH = 54.0  # shoulder to wrist on hands and knees (elbows just off straight)
RELAXED_FOOT = -50.0  # ankle channel: plantar flexion of a relaxed foot lying on its instep


_SHIN_ANGLES: dict[tuple[Point, float], float] = {}


def shin_down_behind(b: Builder, sfx: str, ankle: float = RELAXED_FOOT) -> None:
    """The shin lies back from the knee, the foot relaxed on its instep on the mat.

    The shin's angle depends only on where the knee is, so it is solved once per knee
    (from the rounded knee position, so the answer never depends on which pose asked first).
    """
    b.ch["ankle" + sfx] = ankle
    knee = b.p("knee" + sfx)
    key = ((round(knee[0], 3), round(knee[1], 3)), ankle)
    if key not in _SHIN_ANGLES:
        probe = Builder(SIDE, **{"pelvis.x": key[0][0], "pelvis.y": key[0][1] + THIGH})
        probe.aim("hip", -90.0)
        probe.ch["ankle"] = ankle

        def gap() -> float:
            return probe.lowest(["ankle"]) - G

        probe.settle("knee", gap, -175.0, -70.0)
        _SHIN_ANGLES[key] = probe.a("knee")
    b.aim("knee" + sfx, _SHIN_ANGLES[key])


def kneel_hips(b: Builder, thigh_tilt: float = 0.0, knee: Point = KNEE_ON_MAT) -> Point:
    """Hips above the knee, the thigh leaning ``thigh_tilt`` degrees back from vertical."""
    hip = along(knee, 90 + thigh_tilt, THIGH)
    b.ch["pelvis.x"], b.ch["pelvis.y"] = hip
    return hip


def _level_setup() -> tuple[float, float]:
    """Where the hands go: under the shoulders of a neutral back."""
    b = Builder(SIDE)
    kneel_hips(b)
    wrist_y = G + HAND_FLAT_WRIST

    def gap() -> float:
        return b.p("shoulder")[1] - (wrist_y + ARM_REACH)

    b.settle("pelvis", gap, -40.0, 40.0)
    return b.p("shoulder")[0], b.ch["pelvis"]


HAND_X, LEVEL_TILT = _level_setup()


def four_point(p: Params) -> Builder:
    """Hands and knees: knees and hands stay put, the pelvis tilts so the arms still reach.

    Parameters: the spine's flexion, ``arm``/``arm_far`` (0 = hand on the mat, 1 = reaching
    forward level with the back), ``leg``/``leg_far`` (0 = kneeling, 1 = reaching back),
    ``hand_x`` (hands slid forward along the mat), ``sit`` (0 = hips over knees, 1 = hips
    back toward the heels), ``hip_flex`` (extra hip flexion as the hips go back).
    """
    b = Builder(SIDE)
    sit = p.get("sit", 0.0)
    hip = kneel_hips(b, p.get("sit_angle", 0.0) * sit)
    spine(b, p)
    wrist = (HAND_X + p.get("hand_x", 0.0), G + HAND_FLAT_WRIST)
    if sit:
        # Folding back: the hip flexion sets the pelvis, the hands slide as far as they reach.
        thigh = angle_of(hip, KNEE_ON_MAT)
        b.ch["pelvis"] = thigh - 180 - p.get("hip_flex", 90.0)
        shoulder = b.p("shoulder")
        dy = shoulder[1] - wrist[1]
        furthest = shoulder[0] + math.sqrt(max(0.0, (ARM_REACH + 0.8) ** 2 - dy * dy))
        wrist = (min(wrist[0], furthest), wrist[1])
    else:

        def reach_gap() -> float:
            return math.dist(b.p("shoulder"), wrist) - ARM_REACH

        b.settle("pelvis", reach_gap, LEVEL_TILT - 45, LEVEL_TILT + 45)
    for sfx in ("", "_far"):
        b.aim("hip" + sfx, angle_of(hip, KNEE_ON_MAT))
        shin_down_behind(b, sfx)
    for sfx, key in (("", "arm"), ("_far", "arm_far")):
        b.reach("shoulder" + sfx, "elbow" + sfx, wrist, -1, "wrist" + sfx, 0.0)
        lift = p.get(key, 0.0)
        if lift:
            # Swing the straight arm forward to level with the back.
            down = b.a("shoulder" + sfx)
            forward = down + norm_angle(b.a("thorax") - 4 - down)
            b.aim("shoulder" + sfx, lerp(down, forward, lift))
            b.ch["elbow" + sfx] = lerp(b.ch["elbow" + sfx], 0.0, lift)
            b.ch["wrist" + sfx] = lerp(b.ch["wrist" + sfx], 0.0, lift)
    for sfx, key in (("", "leg"), ("_far", "leg_far")):
        reach = p.get(key, 0.0)
        if reach:
            kneel_thigh = b.a("hip" + sfx)
            level = b.a("thorax") + 180 + 4  # straight back, in line with the back
            back = kneel_thigh + norm_angle(level - kneel_thigh)
            b.aim("hip" + sfx, lerp(kneel_thigh, back, reach))
            # The knee lifts first, then straightens: the foot clears the mat.
            late = max(0.0, (reach - 0.35) / 0.65)
            b.ch["knee" + sfx] = lerp(b.ch["knee" + sfx], -4.0, late)
            b.ch["ankle" + sfx] = lerp(b.ch["ankle" + sfx], -20.0, late)
    return b


ON_ALL_FOURS = (
    Contact("wrist", "ground"),
    Contact("wrist_far", "ground"),
    Contact("knee", "ground"),
    Contact("knee_far", "ground"),
    Contact("ankle", "ground"),
)


def cat_cow() -> Drawing:
    neutral: Params = {"lumbar": 0, "thorax": 0, "neck": 0, "head": 0}
    cat: Params = {"lumbar": 22, "thorax": 20, "neck": 28, "head": 12}
    cow: Params = {"lumbar": -16, "thorax": -6, "neck": -24, "head": -10}
    return drawing(
        "cat_cow",
        "side",
        SIDE,
        [Floor(), Mat(-90, 100)],
        lambda p: four_point(p).pose(),
        [
            Key(neutral, 0.4, 1.3, ON_ALL_FOURS, "neutral"),
            Key(cat, 1.0, 1.3, ON_ALL_FOURS, "cat"),
            Key(neutral, 0.4, 1.3, ON_ALL_FOURS, "neutral"),
            Key(cow, 1.0, 1.3, ON_ALL_FOURS, "cow"),
        ],
        stills=(1, 3),
        thumb=1,
        ground=G,
        loaded=("wrist extension",),
    )


def bird_dog() -> Drawing:
    base: Params = {"arm": 0, "leg": 0, "arm_far": 0, "leg_far": 0, "neck": 6}
    one = {**base, "arm": 1, "leg_far": 1}
    other = {**base, "arm_far": 1, "leg": 1}
    on_one = (Contact("wrist_far", "ground"), Contact("knee", "ground"))
    on_other = (Contact("wrist", "ground"), Contact("knee_far", "ground"))
    return drawing(
        "bird_dog",
        "side",
        SIDE,
        [Floor(), Mat(-120, 130)],
        lambda p: four_point(p).pose(),
        [
            Key(base, 0.5, 1.3, ON_ALL_FOURS, "hands and knees"),
            Key(one, 1.4, 1.3, on_one, "right arm and left leg"),
            Key(base, 0.5, 1.3, ON_ALL_FOURS, "hands and knees"),
            Key(other, 1.4, 1.3, on_other, "left arm and right leg"),
        ],
        stills=(0, 1),
        thumb=1,
        ground=G,
        loaded=("wrist extension",),
    )


def childs_pose() -> Drawing:
    start: Params = {
        "sit": 0,
        "sit_angle": 0,
        "hip_flex": 90,
        "hand_x": 24,
        "lumbar": 0,
        "thorax": 0,
        "neck": 0,
        "head": 0,
    }
    folded: Params = {
        "sit": 1,
        "sit_angle": 56,
        "hip_flex": 118,
        "hand_x": 40,
        "lumbar": 24,
        "thorax": 22,
        "neck": 22,
        "head": 6,
    }
    start["sit"] = 1  # the same rules for both keys, so the fold is continuous
    start["hip_flex"] = _hip_flex_on_all_fours() + 6
    return drawing(
        "childs_pose",
        "side",
        SIDE,
        [Floor(), Mat(-90, 130)],
        lambda p: four_point(p).pose(),
        [
            Key(start, 0.8, 2.2, ON_ALL_FOURS, "hands and knees"),
            Key(folded, 2.6, 2.2, ON_ALL_FOURS, "child's pose"),
        ],
        stills=(0, 1),
        thumb=1,
        ground=G,
        loaded=("knee flexion",),
    )


def _hip_flex_on_all_fours() -> float:
    b = four_point({})
    return b.ch["hip"]


# =============================================================================================
# Planks
# =============================================================================================

# A forearm lying flat: its widest part (4.1 across, 7 from the elbow) and the wrist (2.8)
# both on the mat, so it tilts down a little toward the hand.
_BULGE, _BULGE_R, _WRIST_R = 7.0, 4.1, 2.8
FOREARM_FLAT = -math.degrees(math.asin((_BULGE_R - _WRIST_R) / (FOREARM - _BULGE)))
ELBOW_ON_MAT: Point = (0.0, G + _BULGE_R - _BULGE * math.sin(math.radians(FOREARM_FLAT)))
# Upright against a wall on its right: the same tangent, turned a quarter.
FOREARM_UP = 90.0 + FOREARM_FLAT
FOREARM_WALL_GAP = _BULGE_R + _BULGE * math.cos(math.radians(FOREARM_UP))


def forearms_down(b: Builder) -> None:
    """Elbows under the shoulders' line, forearms and hands flat on the mat."""
    for sfx in ("", "_far"):
        b.aim("shoulder" + sfx, angle_of(b.p("shoulder" + sfx), ELBOW_ON_MAT))
        b.aim("elbow" + sfx, FOREARM_FLAT)
        b.aim("wrist" + sfx, 0.0)


def knee_plank_line() -> tuple[Point, Point]:
    """Knee and shoulder positions of the straight knee plank (upper arm vertical)."""
    shoulder = (ELBOW_ON_MAT[0], ELBOW_ON_MAT[1] + UPPER_ARM)
    span = THIGH + TRUNK
    knee_y = G + 5.6
    knee_x = shoulder[0] - math.sqrt(span**2 - (shoulder[1] - knee_y) ** 2)
    return (knee_x, knee_y), shoulder


KP_KNEE, KP_SHOULDER = knee_plank_line()


def kneeling_shins(b: Builder, knee_flex: float = 100.0) -> None:
    for sfx in ("", "_far"):
        b.ch["knee" + sfx] = -knee_flex
        b.ch["ankle" + sfx] = -25.0


def knee_plank_pose(lift: float) -> Builder:
    """Forearms and knees; ``lift`` 0 = hips on the mat, 1 = straight from knees to head."""
    return _knee_plank(lerp(_SAG_DOWN, 0.0, lift))


def _knee_plank(sag: float) -> Builder:
    b = Builder(SIDE)
    # The hip sags by ``sag`` degrees below the knee-shoulder line (law of cosines).
    span = math.sqrt(THIGH**2 + TRUNK**2 + 2 * THIGH * TRUNK * math.cos(math.radians(sag)))
    shoulder = circle_meet(ELBOW_ON_MAT, UPPER_ARM, KP_KNEE, span, -1)
    a1, _ = two_bone(KP_KNEE, shoulder, THIGH, TRUNK, -1)
    hip = along(KP_KNEE, a1, THIGH)
    b.ch["pelvis.x"], b.ch["pelvis.y"] = hip
    b.ch["pelvis"] = trunk_angle_for(hip, shoulder)
    b.ch["neck"] = -10.0
    for sfx in ("", "_far"):
        b.aim("hip" + sfx, angle_of(hip, KP_KNEE))
    kneeling_shins(b)
    forearms_down(b)
    return b


def _sag_down() -> float:
    """How far the hips sag for the pelvis to rest on the mat."""

    def gap(sag: float) -> float:
        b = _knee_plank(sag)
        # The knees touch from the start; the hips sag until the pelvis or thighs do too.
        return b.lowest(["pelvis", "hip", "hip_far"]) - G + 0.01

    return solve(gap, 0.0, 40.0, tol=1e-3)


_SAG_DOWN = _sag_down()

FOREARMS = (
    Contact("elbow", "ground"),
    Contact("elbow_far", "ground"),
    Contact("wrist", "ground"),
)


def knee_plank() -> Drawing:
    down_contacts = (*FOREARMS, Contact("hip", "ground"), Contact("hip_far", "ground"))
    up_contacts = (*FOREARMS, Contact("hip", "ground"), Contact("hip_far", "ground"))
    return drawing(
        "knee_plank",
        "side",
        SIDE,
        [Floor(), Mat(-110, 60)],
        lambda p: knee_plank_pose(p["lift"]).pose(),
        [
            Key({"lift": 0.0}, 0.8, 1.6, down_contacts, "hips down"),
            Key({"lift": 1.0}, 2.4, 1.6, up_contacts, "hips up"),
        ],
        stills=(0, 1),
        thumb=1,
        ground=G,
    )


def _plank_line() -> tuple[float, float]:
    """Body angle and toe position of the full plank (straight from shoulder to ankle)."""
    b = Builder(SIDE)

    def place(angle: float) -> None:
        hip = along(KP_SHOULDER, angle + 180, TRUNK)
        b.ch["pelvis.x"], b.ch["pelvis.y"] = hip
        b.ch["pelvis"] = trunk_angle_for(hip, KP_SHOULDER)
        for sfx in ("", "_far"):
            b.aim("hip" + sfx, angle + 180)
            b.ch["knee" + sfx] = 0.0
            b.ch["ankle" + sfx] = 0.0

    def gap(angle: float) -> float:
        place(angle)
        return b.lowest(["ankle"]) - G

    angle = solve(gap, 0.0, 30.0, tol=1e-4)
    place(angle)
    ankle = b.p("ankle")
    return angle, ankle[0]


PLANK_ANGLE, PLANK_ANKLE_X = _plank_line()


def plank_pose(p: Params) -> Builder:
    """From forearms and knees (the straight knee plank) to forearms and toes.

    ``hips``: 0 = on the knee plank line, 1 = on the full plank line; ``leg``/``leg_far``:
    0 = kneeling, 1 = straight back on the toes.
    """
    b = knee_plank_pose(1.0)
    knee_hip = (b.ch["pelvis.x"], b.ch["pelvis.y"])
    plank_hip = along(KP_SHOULDER, PLANK_ANGLE + 180, TRUNK)
    u = p.get("hips", 0.0)
    hip = (lerp(knee_hip[0], plank_hip[0], u), lerp(knee_hip[1], plank_hip[1], u))
    # Keep the shoulder over the elbow: the trunk turns about it as the hips rise.
    hip = along(KP_SHOULDER, angle_of(KP_SHOULDER, hip), TRUNK)
    b.ch["pelvis.x"], b.ch["pelvis.y"] = hip
    b.ch["pelvis"] = trunk_angle_for(hip, KP_SHOULDER)
    for sfx, key in (("", "leg"), ("_far", "leg_far")):
        v = p.get(key, 0.0)
        kneel_hip = angle_of(hip, KP_KNEE)
        if v <= 0:
            b.aim("hip" + sfx, kneel_hip)
            b.ch["knee" + sfx] = -100.0
            b.ch["ankle" + sfx] = -25.0
            continue
        # The leg straightens back onto the toes: from the kneeling angles to a straight leg
        # whose toes just reach the mat, the knee straightening as the thigh goes back.
        b.ch["knee" + sfx] = 0.0
        b.ch["ankle" + sfx] = 0.0

        def toe_gap(sfx: str = sfx) -> float:
            return b.lowest(["ankle" + sfx]) - G

        b.settle("hip" + sfx, toe_gap, -30.0, 10.0)
        straight = b.a("hip" + sfx)
        b.aim("hip" + sfx, lerp(kneel_hip, kneel_hip + norm_angle(straight - kneel_hip), v))
        b.ch["knee" + sfx] = lerp(-100.0, 0.0, v)
        b.ch["ankle" + sfx] = lerp(-25.0, 0.0, v)
    forearms_down(b)
    b.ch["neck"] = -10.0
    return b


def _toe_ankle_height() -> float:
    b = Builder(SIDE)
    hip = along(KP_SHOULDER, PLANK_ANGLE + 180, TRUNK)
    b.ch["pelvis.x"], b.ch["pelvis.y"] = hip
    b.ch["pelvis"] = trunk_angle_for(hip, KP_SHOULDER)
    b.aim("hip", PLANK_ANGLE + 180)
    return b.p("ankle")[1] - G


_TOE_ANKLE_HEIGHT = _toe_ankle_height()


def plank() -> Drawing:
    kneeling = (*FOREARMS, Contact("hip", "ground"), Contact("hip_far", "ground"))
    one_back = (*FOREARMS, Contact("hip_far", "ground"), Contact("ankle", "ground"))
    on_toes = (*FOREARMS, Contact("ankle", "ground"), Contact("ankle_far", "ground"))
    return drawing(
        "plank",
        "side",
        SIDE,
        [Floor(), Mat(-130, 60)],
        lambda p: plank_pose(p).pose(),
        [
            Key({"hips": 0, "leg": 0, "leg_far": 0}, 0.8, 1.2, kneeling, "forearms and knees"),
            Key({"hips": 0, "leg": 1, "leg_far": 0}, 0.4, 1.2, one_back, "one foot back"),
            Key({"hips": 1, "leg": 1, "leg_far": 1}, 2.6, 1.4, on_toes, "plank"),
        ],
        stills=(0, 2),
        thumb=2,
        ground=G,
    )


# Side plank: the front view lying on its left side, head to the right.
FRONT_SIDE_PLANK = body.front(foreshorten_left_forearm=True)


def side_plank_pose(lift: float) -> Builder:
    """Lying on the left side propped on the left forearm (pointing at us); ``lift`` raises
    the hips until the body is straight from feet to head."""
    return _side_plank(lerp(_SP_SAG, 0.0, lift))


def _side_plank(sag: float) -> Builder:
    """The outer foot rests on the mat: how high the ankle is depends on the leg's slope,
    so it is found in a few passes."""
    height = 3.6
    for _ in range(3):
        b = _side_plank_at(sag, G + height)
        height += G - b.lowest(["ankle_l"])
    return b


def _side_plank_at(sag: float, foot_side: float) -> Builder:
    """The left ankle on the mat, the left shoulder over the elbow; between them the body
    bends by ``sag`` degrees at the hips, shared by the waist (side bend) and the hip."""
    b = Builder(FRONT_SIDE_PLANK)
    elbow = (0.0, G + 4.2)
    leg_len = THIGH + SHIN
    b.ch["lumbar"] = sag * 0.25
    b.ch["thorax"] = sag * 0.25
    b.ch["knee_l"] = b.ch["knee_r"] = 0.0
    b.ch["ankle_l"] = b.ch["ankle_r"] = 0.0

    def place(rise: float) -> None:
        """The leg rises at ``rise`` degrees from the ankle; the pelvis carries on at half
        the sag, the spine bends the other half."""
        hip_l = along((0.0, foot_side), rise, leg_len)
        pelvis_angle = rise + sag * 0.5
        b.ch["pelvis"] = pelvis_angle
        b.ch["pelvis.x"], b.ch["pelvis.y"] = along(hip_l, pelvis_angle + 90, body.HIP_HALF)
        b.aim("hip_l", rise + 180)

    def height_gap(rise: float) -> float:
        place(rise)
        return b.p("shoulder_l")[1] - (elbow[1] + UPPER_ARM - 0.4)

    rise = solve(height_gap, -10.0, 45.0, tol=1e-4)
    place(rise)
    # Slide the whole body along the mat so the shoulder is over the elbow.
    b.ch["pelvis.x"] += elbow[0] + 1.5 - b.p("shoulder_l")[0]
    a1 = rise
    # The top leg rests on the bottom one: its ankle just above the bottom ankle.
    low = b.p("ankle_l")
    up = along(low, a1 + 180 + 90 * -1, 7.2)  # across the leg, away from the mat
    if up[1] < low[1]:
        up = along(low, a1 + 180 + 90, 7.2)
    b.aim("hip_r", angle_of(b.p("hip_r"), up))
    # Left arm: upper arm from the shoulder down to the elbow; the forearm points at us,
    # so it is seen end-on, the fist at the elbow.
    top = b.p("shoulder_l")
    b.aim("shoulder_l", math.degrees(math.asin(max(-1.0, (elbow[1] - top[1]) / UPPER_ARM))))
    b.ch["fa_l.sx"] = 0.0
    b.ch["wrist_l.x"] = -FOREARM
    b.ch["hand_l.x"] = -4.0
    b.aim("elbow_l", -90)
    b.ch["wrist_l"] = 0.0
    # Right hand on the hip.
    hand_at = b.p("pelvis", (12.0, 13.0))
    b.reach("shoulder_r", "elbow_r", hand_at, -1)
    b.ch["wrist_r"] = 0.0
    b.ch["neck"] = 0.0
    b.ch["head"] = 0.0
    return b


def _side_plank_sag() -> float:
    def gap(sag: float) -> float:
        b = _side_plank(sag)
        return b.lowest(["pelvis", "hip_l", "hip_r"]) - G + 0.01

    return solve(gap, 0.0, 45.0, tol=1e-3)


_SP_SAG = _side_plank_sag()


def side_plank() -> Drawing:
    down = (Contact("elbow_l", "ground"), Contact("ankle_l", "ground"), Contact("hip_l", "ground"))
    up = (Contact("elbow_l", "ground"), Contact("ankle_l", "ground"))
    return drawing(
        "side_plank",
        "front",
        FRONT_SIDE_PLANK,
        [Floor(), Mat(-140, 50)],
        lambda p: side_plank_pose(p["lift"]).pose(rom={"elbow_l:elbow flexion": 90.0}),
        [
            Key({"lift": 0.0}, 0.8, 1.5, down, "hips down"),
            Key({"lift": 1.0}, 2.4, 1.5, up, "hips up"),
        ],
        stills=(0, 1),
        thumb=1,
        ground=G,
        # The bottom forearm points at us: a right angle at the elbow, out of the picture.
        out_of_plane=("elbow_l", "wrist_l"),
    )


def wall_plank() -> Drawing:
    return _wall_plank()


# =============================================================================================
# Lying on the back
# =============================================================================================

FEET_X = 52.0  # where the feet rest, knees bent, lying on the back (the hip near 0)
C7_X = -46.0  # where the base of the neck stays when the hips lift


_SUPINE: dict[tuple[float, float, float], dict[str, float]] = {}


def supine(p: Params, feet_x: float = FEET_X) -> Builder:
    """On the back, head left, knees bent, feet flat.

    ``tilt``: posterior pelvic tilt in degrees; ``bridge``: degrees the trunk is raised
    about the shoulders; ``head``: the head's nod. The trunk's solution is remembered: many
    frames share it.
    """
    key = (
        round(p.get("tilt", 0.0), 6),
        round(p.get("bridge", 0.0), 6),
        round(p.get("head", 0.0), 6),
    )
    if key not in _SUPINE:  # solved from the rounded key: the same whoever asks first
        b = _supine({"tilt": key[0], "bridge": key[1], "head": key[2]})
        _SUPINE[key] = dict(b.ch)
    return Builder(SIDE, **_SUPINE[key])


def _supine(p: Params) -> Builder:
    b = Builder(SIDE)
    bridge = p.get("bridge", 0.0)
    if bridge:
        b.ch["pelvis"] = 180 + bridge
        b.ch["lumbar"] = 0.0
        b.ch["thorax"] = 0.0
        b.ch["pelvis.x"] = 0.0
        b.ch["pelvis.y"] = 0.0
        b.ch["pelvis.x"] = C7_X - b.p("thorax", (25, 0))[0]
        b.drop_to(["thorax"], G)
    else:
        tilt = p.get("tilt", 0.0)
        b.ch["pelvis"] = 180 + tilt
        b.ch["pelvis.x"] = 0.0
        b.ch["pelvis.y"] = 0.0

        def level() -> float:
            # Lumbar curve so the thorax lies flat on the mat alongside the pelvis.
            b.ch["thorax"] = 180 - b.ch["pelvis"] - b.ch["lumbar"]
            return b.lowest(["thorax"]) - b.lowest(["pelvis"])

        b.settle("lumbar", level, -30.0, 30.0)
        b.drop_to(["pelvis", "thorax"], G)
        b.ch["pelvis.x"] += C7_X - b.p("thorax", (25, 0))[0]
    # Head resting on the mat.
    b.ch["head"] = -p.get("head", 0.0)

    def head_gap() -> float:
        return b.lowest(["head"]) - G

    b.settle("neck", head_gap, -60.0, 60.0)
    return b


def legs_bent(b: Builder, feet_x: float, sfxs: tuple[str, ...] = ("", "_far")) -> None:
    for sfx in sfxs:
        b.reach("hip" + sfx, "knee" + sfx, foot_flat_ankle(feet_x, G), 1, "ankle" + sfx, 0.0)


def arms_on_mat(b: Builder, sfxs: tuple[str, ...] = ("", "_far")) -> None:
    """Arms alongside the body, resting on the mat, palms down."""
    for sfx in sfxs:
        b.ch["elbow" + sfx] = 3.0
        b.ch["wrist" + sfx] = 0.0
        arm = ["shoulder" + sfx, "elbow" + sfx, "wrist" + sfx]

        def gap(arm: list[str] = arm) -> float:
            return b.lowest(arm) - G

        b.settle("shoulder" + sfx, gap, -60.0, 0.0)


TILT_NATURAL, TILT_FLAT = -6.0, 14.0
# A curved arrow over the pelvis, rocking toward the head, shown while the pelvis tilts.
PELVIC_TILT_SIDE = body.with_cue(
    SIDE, "pelvis", body.cue_arrow(4, 0, 19, -122, -58, "rock"), "near"
)


def pelvic_tilt() -> Drawing:
    def build(p: Params) -> Pose:
        b = supine(p)
        b.sk = PELVIC_TILT_SIDE
        legs_bent(b, FEET_X)
        arms_on_mat(b)
        b.ch["rock.o"] = (p["tilt"] - TILT_NATURAL) / (TILT_FLAT - TILT_NATURAL)
        return b.pose()

    lying = (
        Contact("thorax", "ground"),
        Contact("pelvis", "ground"),
        Contact("head", "ground"),
        Contact("ankle", "ground"),
        Contact("wrist", "ground"),
    )
    return drawing(
        "pelvic_tilt",
        "side",
        PELVIC_TILT_SIDE,
        [Floor(), Mat(-110, 90)],
        build,
        [
            Key({"tilt": TILT_NATURAL}, 0.6, 1.2, lying, "natural curve"),
            Key({"tilt": TILT_FLAT}, 1.0, 1.2, lying, "lower back flat"),
        ],
        stills=(0, 1),
        thumb=1,
        ground=G,
    )


def _bridge_top(feet_x: float, straight_leg: bool = False) -> float:
    """The lift that puts knees, hips and shoulders in one line."""

    def off_line(angle: float) -> float:
        b = supine({"bridge": angle})
        legs_bent(b, feet_x, ("_far",) if straight_leg else ("", "_far"))
        shoulder = b.p("thorax", (SHOULDER_AT, 0))
        knee = b.p("knee_far")
        hip = b.p("pelvis")
        # Signed distance of the hip from the shoulder-knee line (positive: above it).
        dx, dy = knee[0] - shoulder[0], knee[1] - shoulder[1]
        return ((hip[0] - shoulder[0]) * dy - (hip[1] - shoulder[1]) * dx) / math.hypot(dx, dy)

    return solve(off_line, 1.0, 40.0, tol=1e-3)


def _bridge_floor(feet_x: float) -> float:
    """The smallest lift at which the pelvis rests on the mat with the thorax."""

    def gap(angle: float) -> float:
        b = supine({"bridge": angle})
        return b.lowest(["pelvis"]) - G

    return solve(gap, 0.01, 15.0, tol=1e-3)


BRIDGE_FEET = 48.0


def bridge_pose(p: Params, straight_leg: bool) -> Pose:
    b = supine({"bridge": p["bridge"]})
    if straight_leg:
        legs_bent(b, BRIDGE_FEET, ("_far",))
        # The free leg straight, its thigh level with the other thigh.
        b.aim("hip", b.a("hip_far"))
        b.ch["knee"] = 0.0
        b.ch["ankle"] = -10.0
    else:
        legs_bent(b, BRIDGE_FEET)
    arms_on_mat(b)
    return b.pose()


def glute_bridge() -> Drawing:
    down_at = _bridge_floor(BRIDGE_FEET)
    top = _bridge_top(BRIDGE_FEET)
    down = (
        Contact("pelvis", "ground"),
        Contact("thorax", "ground"),
        Contact("ankle", "ground"),
        Contact("ankle_far", "ground"),
        Contact("head", "ground"),
    )
    up = (
        Contact("thorax", "ground"),
        Contact("ankle", "ground"),
        Contact("ankle_far", "ground"),
        Contact("head", "ground"),
    )
    return drawing(
        "glute_bridge",
        "side",
        SIDE,
        [Floor(), Mat(-110, 90)],
        lambda p: bridge_pose(p, False),
        [
            Key({"bridge": down_at}, 0.6, 1.3, down, "down"),
            Key({"bridge": top}, 1.2, 1.7, up, "hips up"),
        ],
        stills=(0, 1),
        thumb=1,
        ground=G,
    )


def single_leg_bridge() -> Drawing:
    down_at = _bridge_floor(BRIDGE_FEET)
    top = _bridge_top(BRIDGE_FEET, straight_leg=True)
    down = (
        Contact("pelvis", "ground"),
        Contact("thorax", "ground"),
        Contact("ankle_far", "ground"),
    )
    up = (Contact("thorax", "ground"), Contact("ankle_far", "ground"))
    return drawing(
        "single_leg_bridge",
        "side",
        SIDE,
        [Floor(), Mat(-110, 110)],
        lambda p: bridge_pose(p, True),
        [
            Key({"bridge": down_at}, 0.6, 1.3, down, "down"),
            Key({"bridge": top}, 1.2, 1.7, up, "hips up"),
        ],
        stills=(0, 1),
        thumb=1,
        ground=G,
    )


def dead_bug() -> Drawing:
    def build(p: Params) -> Pose:
        b = supine({})
        for sfx, arm_key, leg_key in (("", "arm", "leg"), ("_far", "arm_far", "leg_far")):
            # Arms up at the ceiling; one lowers back overhead toward the mat.
            b.ch["shoulder" + sfx] = lerp(90.0, 168.0, p[arm_key])
            b.ch["elbow" + sfx] = 4.0
            b.ch["wrist" + sfx] = 0.0
            # Hips and knees at right angles, shins level; one leg straightens out low.
            b.ch["hip" + sfx] = lerp(90.0, 28.0, p[leg_key])
            b.ch["knee" + sfx] = lerp(-90.0, -2.0, p[leg_key])
            b.ch["ankle" + sfx] = lerp(-10.0, -20.0, p[leg_key])
        return b.pose()

    rest: Params = {"arm": 0, "leg": 0, "arm_far": 0, "leg_far": 0}
    lying = (Contact("thorax", "ground"), Contact("pelvis", "ground"), Contact("head", "ground"))
    return drawing(
        "dead_bug",
        "side",
        SIDE,
        [Floor(), Mat(-120, 110)],
        build,
        [
            Key(rest, 0.5, 1.5, lying, "arms up, knees bent"),
            Key({**rest, "arm": 1, "leg_far": 1}, 0.8, 1.5, lying, "right arm and left leg out"),
            Key(rest, 0.5, 1.5, lying, "arms up, knees bent"),
            Key({**rest, "arm_far": 1, "leg": 1}, 0.8, 1.5, lying, "left arm and right leg out"),
        ],
        stills=(0, 1),
        thumb=1,
        ground=G,
    )


def knee_to_chest() -> Drawing:
    def build(p: Params) -> Pose:
        b = supine({"head": 0})
        legs_bent(b, FEET_X)
        rest_knee = b.ch["hip"], b.ch["knee"]
        u = p["hug"]
        b.ch["hip"] = lerp(rest_knee[0], 119.0, u)
        b.ch["knee"] = lerp(rest_knee[1], -128.0, u)
        b.ch["ankle"] = lerp(b.ch["ankle"], -30.0, u)
        arms_on_mat(b)
        if u > 0:
            # Both hands travel from the mat to the front of the shin, just below the knee.
            for sfx in ("", "_far"):
                rest = b.p("wrist" + sfx)
                grip = b.p("knee", (4.0, 6.5))
                target = (lerp(rest[0], grip[0], u), lerp(rest[1], grip[1], u) + bump(u, 6.0))
                b.reach(
                    "shoulder" + sfx,
                    "elbow" + sfx,
                    target,
                    -1,
                    "wrist" + sfx,
                    b.a("knee") + 100,
                    slack=True,
                )
        return b.pose()

    lying = (
        Contact("thorax", "ground"),
        Contact("pelvis", "ground"),
        Contact("head", "ground"),
        Contact("ankle_far", "ground"),
    )
    return drawing(
        "knee_to_chest",
        "side",
        SIDE,
        [Floor(), Mat(-110, 90)],
        build,
        [
            Key({"hug": 0.0}, 0.8, 1.6, lying, "lying, knees bent"),
            Key({"hug": 1.0}, 2.6, 1.6, lying, "knee hugged"),
        ],
        stills=(0, 1),
        thumb=1,
        ground=G,
    )


# =============================================================================================
# Standing and sitting
# =============================================================================================


def stand(
    b: Builder, hip: Point, lean: float = 0.0, feet: tuple[float, float] | None = None
) -> None:
    """Standing: hips at ``hip``, trunk leaning ``lean`` degrees forward, feet flat."""
    b.ch["pelvis.x"], b.ch["pelvis.y"] = hip
    b.ch["pelvis"] = 90 - lean
    near, far = feet if feet else (hip[0], hip[0])
    for sfx, x in (("", near), ("_far", far)):
        b.reach("hip" + sfx, "knee" + sfx, foot_flat_ankle(x, 0.0), 1, "ankle" + sfx, 0.0)


def seated(b: Builder, hip_x: float, feet_x: float, lean: float = 0.0, seat: float = SEAT) -> None:
    """Sitting on a seat of height ``seat``: pelvis on it, feet flat at ``feet_x``."""
    b.ch["pelvis.x"] = hip_x
    b.ch["pelvis.y"] = seat + 12.0
    b.ch["pelvis"] = 90 - lean
    b.drop_to(["pelvis"], seat)
    for sfx in ("", "_far"):
        b.reach("hip" + sfx, "knee" + sfx, foot_flat_ankle(feet_x, 0.0), 1, "ankle" + sfx, 0.0)


ON_SEAT = "pelvis+hip+hip_far"  # the buttocks and thighs, whichever is lower
SITTING = (Contact(ON_SEAT, "seat"), Contact("ankle", "ground"), Contact("ankle_far", "ground"))


def chair_for(
    hip_x: float, back: float = 40.0, room: float = 16.0, back_lean: float = 8.0
) -> Chair:
    """A chair whose back rest is ``room`` cm behind the hip joint."""
    return Chair(x_front=hip_x - room + 42.0, seat=SEAT, back=back, back_lean=back_lean)


def sit_to_stand() -> Drawing:
    feet = 40.0

    def build(p: Params) -> Pose:
        b = Builder(SIDE)
        hip = (p["x"], p["y"])
        b.ch["pelvis.x"], b.ch["pelvis.y"] = hip
        b.ch["pelvis"] = 90 - p["lean"]
        for sfx in ("", "_far"):
            b.reach("hip" + sfx, "knee" + sfx, foot_flat_ankle(feet, 0.0), 1, "ankle" + sfx, 0.0)
        if p["seated"]:
            # Sitting: the pelvis and thighs rest on the seat (the legs re-reach the feet,
            # which moves the thighs a little: a few rounds settle it).
            for _ in range(4):
                drop = b.lowest(["pelvis", "hip", "hip_far"]) - SEAT
                b.ch["pelvis.y"] -= p["seated"] * drop
                for sfx in ("", "_far"):
                    b.reach(
                        "hip" + sfx, "knee" + sfx, foot_flat_ankle(feet, 0.0), 1, "ankle" + sfx, 0.0
                    )
        for sfx in ("", "_far"):
            # Arms reach forward, level with the shoulders.
            b.aim("shoulder" + sfx, -4 - p["arms"])
            b.ch["elbow" + sfx] = 4.0
            b.ch["wrist" + sfx] = 0.0
        b.ch["neck"] = p["lean"] * 0.25
        b.ch["head"] = p["lean"] * 0.25
        return b.pose()

    sit_y = SEAT + 10.0
    seat_keys = (*SITTING,)
    standing = (Contact("ankle", "ground"), Contact("ankle_far", "ground"))
    sit: Params = {"x": 0, "y": sit_y, "lean": 8, "seated": 1, "arms": 0}
    lean: Params = {"x": 2, "y": sit_y, "lean": 33, "seated": 1, "arms": 10}
    rise: Params = {"x": 16, "y": sit_y + 14, "lean": 33, "seated": 0, "arms": 10}
    up: Params = {"x": feet - 3, "y": STAND_HIP - 0.6, "lean": 0, "seated": 0, "arms": 0}
    return drawing(
        "sit_to_stand",
        "side",
        SIDE,
        [Floor(), chair_for(0.0, back=42)],
        build,
        [
            Key(sit, 0.4, 0.7, seat_keys, "sitting"),
            Key(lean, 0.1, 0.6, seat_keys, "leaning forward"),
            Key(rise, 0.0, 0.9, standing, "rising"),
            Key(up, 0.7, 0.9, standing, "standing"),
            Key(rise, 0.0, 0.7, standing, "sitting down"),
            Key(lean, 0.1, 0.6, seat_keys, "touching down"),
        ],
        stills=(0, 1, 3),
        thumb=3,
        surfaces={"seat": Below(SEAT, "seat")},
    )


def sciatic_nerve_glide() -> Drawing:
    def build(p: Params) -> Pose:
        b = Builder(SIDE)
        seated(b, 0.0, 44.0)
        u = p["glide"]
        # The near knee straightens (foot off the floor) as the head comes up.
        b.ch["knee"] = lerp(b.ch["knee"], -6.0, u)
        b.ch["ankle"] = lerp(b.ch["ankle"], 8.0, u)
        b.ch["neck"] = lerp(-26.0, 6.0, u)
        b.ch["head"] = lerp(-10.0, 4.0, u)
        for sfx in ("", "_far"):
            on_seat = (b.p("pelvis")[0] + 4.0, SEAT + 2.8)
            b.reach("shoulder" + sfx, "elbow" + sfx, on_seat, -1, "wrist" + sfx, 0.0)
        return b.pose()

    start = (Contact(ON_SEAT, "seat"), Contact("ankle", "ground"), Contact("ankle_far", "ground"))
    out = (Contact(ON_SEAT, "seat"), Contact("ankle_far", "ground"))
    return drawing(
        "sciatic_nerve_glide",
        "side",
        SIDE,
        [Floor(), chair_for(0.0)],
        build,
        [
            Key({"glide": 0.0}, 0.4, 1.1, start, "knee bent, head down"),
            Key({"glide": 1.0}, 0.4, 1.1, out, "knee straight, head up"),
        ],
        stills=(0, 1),
        thumb=1,
        surfaces={"seat": Below(SEAT, "seat")},
    )


# An arrow in front of the face, pointing back, while the head glides back.
CHIN_TUCK_SIDE = body.with_cue(SIDE, "thorax", body.cue_line(41, -27, 41, -17, "glide"), "near")


def chin_tuck() -> Drawing:
    def build(p: Params) -> Pose:
        b = Builder(CHIN_TUCK_SIDE)
        seated(b, 0.0, 46.0)
        u = p["tuck"]
        # Head glides back: the lower neck straightens while the head nods a little, so the
        # eyes stay level.
        b.ch["neck"] = lerp(-24.0, 2.0, u)
        b.ch["head"] = lerp(20.0, -4.0, u)
        b.ch["glide.o"] = u
        for sfx in ("", "_far"):
            on_thigh = b.p("hip" + sfx, (24.0, 8.0))
            b.reach(
                "shoulder" + sfx, "elbow" + sfx, on_thigh, -1, "wrist" + sfx, b.a("hip" + sfx) - 8
            )
        return b.pose()

    return drawing(
        "chin_tuck",
        "side",
        CHIN_TUCK_SIDE,
        [Floor(), chair_for(0.0)],
        build,
        [
            Key({"tuck": 0.0}, 0.5, 0.9, SITTING, "head forward"),
            Key({"tuck": 1.0}, 1.6, 1.0, SITTING, "head drawn back"),
        ],
        stills=(0, 1),
        thumb=1,
        surfaces={"seat": Below(SEAT, "seat")},
    )


def shoulder_blade_squeeze() -> Drawing:
    def build(p: Params) -> Pose:
        b = Builder(SIDE)
        stand(b, (0.0, STAND_HIP - 0.4), feet=(1.0, -1.0))
        u = p["squeeze"]
        b.ch["thorax"] = lerp(0.0, 5.0, u)  # the chest opens a little
        b.ch["neck"] = lerp(0.0, -5.0, u)
        for sfx in ("", "_far"):
            b.ch["shoulder" + sfx.replace("_far", "_far") + ".y"] = lerp(0.0, 2.5, u)
            b.ch["shoulder" + sfx] = lerp(2.0, -32.0, u)
            b.ch["elbow" + sfx] = 90.0
            b.ch["wrist" + sfx] = 0.0
        return b.pose()

    standing = (Contact("ankle", "ground"), Contact("ankle_far", "ground"))
    return drawing(
        "shoulder_blade_squeeze",
        "side",
        SIDE,
        [Floor()],
        build,
        [
            Key({"squeeze": 0.0}, 0.8, 1.0, standing, "elbows by the sides"),
            Key({"squeeze": 1.0}, 2.2, 1.0, standing, "shoulder blades squeezed"),
        ],
        stills=(0, 1),
        thumb=1,
    )


def _wall_plank() -> Drawing:
    """Standing facing a wall, forearms on it; the feet walk back to a straight slope."""
    stand_hip = (0.0, STAND_HIP - 0.4)
    b0 = Builder(SIDE)
    stand(b0, stand_hip)
    shoulder0 = b0.p("shoulder")
    # The elbow rests on the wall at shoulder height, the forearm upright against it.
    elbow = (shoulder0[0] + UPPER_ARM, shoulder0[1])
    wall_x = elbow[0] + FOREARM_WALL_GAP
    heel_up = 12.0
    body_len = TRUNK + THIGH + SHIN

    def body_through(ankle: Point, shorten: float) -> tuple[Point, Point]:
        """Shoulder and hip of a straight body from ``ankle`` whose shoulder is an upper
        arm's length from the elbow on the wall."""
        shoulder = circle_meet(ankle, body_len - shorten, elbow, UPPER_ARM, 1)
        hip = along(ankle, angle_of(ankle, shoulder), THIGH + SHIN - shorten)
        return shoulder, hip

    stand_x = stand_hip[0]
    plank_x = _plank_ball_x(body_through, heel_up, stand_x)

    def build(p: Params) -> Pose:
        b = Builder(SIDE)
        xs = {"": lerp(stand_x, plank_x, p["near"]), "_far": lerp(stand_x, plank_x, p["far"])}
        heel = heel_up * (p["near"] + p["far"]) / 2
        # The body is a straight line from the foot further back; the other knee bends.
        back = _heel_up_ankle(min(xs[""], xs["_far"]), heel)
        shoulder, hip = body_through(back, 0.3)
        b.ch["pelvis.x"], b.ch["pelvis.y"] = hip
        b.ch["pelvis"] = trunk_angle_for(hip, shoulder)
        for sfx, key in (("", "near"), ("_far", "far")):
            step = p[key] * 2 % 1.0  # each foot steps back in halves
            lift = bump(step, 6.0)
            own = heel
            for _ in range(6):
                # A bent front knee tips the shin forward: raise that heel as well, so the
                # ankle stays within its normal bend.
                target = _heel_up_ankle(xs[sfx], own)
                b.reach(
                    "hip" + sfx, "knee" + sfx, (target[0], target[1] + lift), 1, "ankle" + sfx, -own
                )
                bend = b.ch["ankle" + sfx]
                if bend <= 17.0:
                    break
                own += bend - 17.0
        for sfx in ("", "_far"):
            b.aim("shoulder" + sfx, angle_of(b.p("shoulder" + sfx), elbow))
            b.aim("elbow" + sfx, FOREARM_UP)
            b.aim("wrist" + sfx, FOREARM_UP + 2)
        return b.pose()

    feet = _wall_contacts(("ankle", "ankle_far"))
    near_moving = _wall_contacts(("ankle_far",))
    far_moving = _wall_contacts(("ankle",))
    keys = [
        Key({"near": 0.0, "far": 0.0}, 0.8, 0.7, near_moving, "standing"),
        Key({"near": 0.5, "far": 0.0}, 0.0, 0.7, far_moving, "near foot half back"),
        Key({"near": 0.5, "far": 1.0}, 0.0, 0.7, near_moving, "far foot back"),
        Key({"near": 1.0, "far": 1.0}, 2.4, 0.7, near_moving, "leaning plank"),
        Key({"near": 0.5, "far": 1.0}, 0.0, 0.7, far_moving, "near foot half in"),
        Key({"near": 0.5, "far": 0.0}, 0.0, 0.7, near_moving, "far foot in"),
    ]
    del feet
    return drawing(
        "wall_plank",
        "side",
        SIDE,
        [Floor(), Wall(x=wall_x)],
        build,
        keys,
        stills=(0, 3),
        thumb=3,
        surfaces={"wall": RightOf(wall_x)},
    )


def _plank_ball_x(
    body_through: Callable[[Point, float], tuple[Point, Point]], heel: float, stand_x: float
) -> float:
    """How far back the feet go for a lean of 20 degrees from upright."""

    def lean_gap(x: float) -> float:
        shoulder, hip = body_through(_heel_up_ankle(x, heel), 0.05)
        return 90 - angle_of(hip, shoulder) - 20.0

    return solve(lean_gap, stand_x - 52.0, stand_x - 5.0, tol=1e-3)


def _wall_contacts(feet: tuple[str, ...]) -> tuple[Contact, ...]:
    return (
        Contact("elbow", "wall"),
        Contact("elbow_far", "wall"),
        *(Contact(f, "ground") for f in feet),
    )


def _heel_up_ankle(x: float, heel: float) -> Point:
    """The ankle of a foot whose heel is raised ``heel`` degrees (aim the ankle at -heel)."""
    return foot_on_floor(x, -heel)


def hip_flexor_stretch() -> Drawing:
    """Half kneeling on the near knee, the far foot forward; the hips shift forward."""
    knee = (0.0, G + 5.6)
    front_foot = 62.0

    def build(p: Params) -> Pose:
        b = Builder(SIDE)
        shift = p["shift"]
        hip = along(knee, 90 - shift, THIGH)
        b.ch["pelvis.x"], b.ch["pelvis.y"] = hip
        b.ch["pelvis"] = 90 - 4 + p["tuck"]  # buttock tightened: a little posterior tilt
        b.aim("hip", angle_of(hip, knee))
        shin_down_behind(b, "")
        b.reach("hip_far", "knee_far", foot_flat_ankle(front_foot, G), 1, "ankle_far", 0.0)
        # Hands rest on the front thigh; the near arm reaches overhead as the hips go forward.
        on_thigh = b.p("hip_far", (30.0, 8.5))
        b.reach("shoulder_far", "elbow_far", on_thigh, -1, "wrist_far", b.a("hip_far") - 5)
        b.reach("shoulder", "elbow", on_thigh, -1, "wrist", b.a("hip_far") - 5)
        reach = p["reach"]
        if reach:
            down = (b.ch["shoulder"], b.ch["elbow"], b.ch["wrist"])
            b.ch["shoulder"] = lerp(down[0], 172.0, reach)
            b.ch["elbow"] = lerp(down[1], 6.0, reach)
            b.ch["wrist"] = lerp(down[2], 0.0, reach)
        b.ch["thorax"] = -3.0 * reach
        return b.pose()

    kneeling = (
        Contact("knee", "ground"),
        Contact("ankle", "ground"),
        Contact("ankle_far", "ground"),
    )
    return drawing(
        "hip_flexor_stretch",
        "side",
        SIDE,
        [Floor(), Mat(-70, 100)],
        build,
        [
            Key({"shift": 0.0, "reach": 0.0, "tuck": 0.0}, 0.8, 1.8, kneeling, "kneeling tall"),
            Key(
                {"shift": 17.0, "reach": 1.0, "tuck": 4.0},
                2.6,
                1.8,
                kneeling,
                "hips forward, arm up",
            ),
        ],
        stills=(0, 1),
        thumb=1,
        ground=G,
    )


# =============================================================================================
# Upper back and neck
# =============================================================================================

FRONT = body.front()


def wall_angel() -> Drawing:
    def build(p: Params) -> Pose:
        b = Builder(FRONT)
        b.ch["pelvis.x"], b.ch["pelvis.y"] = 0.0, STAND_HIP - 0.3
        b.ch["pelvis"] = 90.0
        for side, sign in (("r", 1), ("l", -1)):
            # Legs straight down, feet a little apart.
            b.ch["hip_" + side] = -sign * 2.0
            b.ch["knee_" + side] = sign * 2.0
            b.ch["ankle_" + side] = 0.0
            # Abduction raises the arm out to the side; the elbow bends up toward the wall.
            b.ch["shoulder_" + side] = -sign * p["abduct"]
            b.ch["elbow_" + side] = -sign * p["elbow"]
            b.ch["wrist_" + side] = -sign * p["wrist"]
        b.drop_to(["ankle_r", "ankle_l"], 0.0)
        # Forearms upright in the wall's plane: the shoulders turned out.
        return b.pose(
            rom={
                "shoulder_r:shoulder external rotation": p["rotate"],
                "shoulder_l:shoulder external rotation": p["rotate"],
            }
        )

    standing = (Contact("ankle_r", "ground"), Contact("ankle_l", "ground"))
    return drawing(
        "wall_angel",
        "front",
        FRONT,
        [WallBehind(-80, 80), Floor()],
        build,
        [
            Key(
                {"abduct": 80, "elbow": 100, "wrist": 6, "rotate": 80},
                0.6,
                1.6,
                standing,
                "arms in a W",
            ),
            Key(
                {"abduct": 158, "elbow": 18, "wrist": 0, "rotate": 60},
                0.6,
                1.6,
                standing,
                "arms in a Y",
            ),
        ],
        stills=(0, 1),
        thumb=0,
    )


PRONE_TOP = body.front(back=True)


def prone_ytw() -> Drawing:
    """Seen from above, lying face down, head to the right: arms in Y, T and W."""

    def build(p: Params) -> Pose:
        b = Builder(PRONE_TOP)
        b.ch["pelvis"] = 0.0
        for side, sign in (("r", 1), ("l", -1)):
            b.ch["hip_" + side] = -sign * 4.0
            b.ch["knee_" + side] = sign * 2.0
            b.ch["ankle_" + side] = 0.0
            b.ch["shoulder_" + side] = -sign * p["abduct"]
            b.ch["elbow_" + side] = -sign * p["elbow"]
            b.ch["wrist_" + side] = 0.0
        b.ch["neck"] = 0.0
        return b.pose()

    y: Params = {"abduct": 148, "elbow": 0}
    t: Params = {"abduct": 90, "elbow": 0}
    w: Params = {"abduct": 52, "elbow": 105}
    return drawing(
        "prone_ytw",
        "top",
        PRONE_TOP,
        [TopMat(Box(-122, -96, 124, 96)), TopRect(Box(54, -14, 84, 14))],
        build,
        [
            Key(y, 1.4, 1.2, (), "Y"),
            Key(t, 1.4, 1.2, (), "T"),
            Key(w, 1.6, 1.6, (), "W"),
        ],
        stills=(0, 1, 2),
        thumb=0,
        bounds={"mat": Box(-122, -96, 124, 96)},
    )


TOP_STANDING = body.top_standing()


def doorway_chest_stretch() -> Drawing:
    """Seen from above: standing in a doorway facing down the picture, forearms upright on
    the frame; one foot steps through and the body leans after it, the arms staying on the
    frame behind."""
    door = TopDoorway(half=40.0)
    face_y = door.thickness / 2  # the frame's face on the side the figure starts
    hand_y = face_y + 4.2  # a forearm, seen end-on, resting on it
    elbow_x = 43.0

    def build(p: Params) -> Pose:
        b = Builder(TOP_STANDING)
        step = p["step"]
        behind = lerp(14.0, -14.0, step)  # the shoulders' line, behind (+) the elbows' line
        lean = lerp(1.0, 6.0, step)  # the shoulders ahead of the hips
        b.ch["pelvis"] = -90.0  # facing down the picture (-y)
        b.ch["trunk.x"] = lean
        b.ch["head.x"] = 2.0 * step
        b.ch["pelvis.x"] = 0.0
        b.ch["pelvis.y"] = 0.0
        shoulder_y = b.p("shoulder_l")[1]
        b.ch["pelvis.y"] = hand_y + behind - shoulder_y
        # The back foot stays where it stood; the front foot steps 32 cm through. Seen from
        # above, each leg runs from its hip to its foot.
        start_hip_y = hand_y + 14.0 - (b.p("shoulder_l")[1] - b.ch["pelvis.y"])
        for side, stride in (("r", 0.0), ("l", 32.0 * step)):
            hip = b.p("leg_" + side)
            foot = (hip[0], start_hip_y - stride + 4.0)
            span = max(0.5, math.dist(hip, foot))
            b.aim("leg_" + side, angle_of(hip, foot) if span > 0.5 else -90.0)
            b.ch["lg_" + side + ".sx"] = span / body.LEG_TOP
            b.ch["foot_" + side + ".x"] = span - body.LEG_TOP
            b.aim("foot_" + side, -90.0)
        rom: dict[str, float] = {"trunk:thoracolumbar flexion": lean}
        for side, sign in (("l", 1), ("r", -1)):
            shoulder = b.p("shoulder_" + side)
            elbow = (sign * elbow_x, hand_y)
            span = math.dist(shoulder, elbow)
            b.aim("shoulder_" + side, angle_of(shoulder, elbow))
            # Seen from above the upper arm is shorter when it dips below the shoulder.
            b.ch["ua_" + side + ".sx"] = span / UPPER_ARM
            b.ch["elbow_" + side + ".x"] = span - UPPER_ARM
            ahead = elbow[1] - shoulder[1]  # > 0: the elbow is behind the shoulder
            lateral = abs(elbow[0] - shoulder[0])
            drop = math.sqrt(max(0.0, UPPER_ARM**2 - span**2))
            rom[f"shoulder_{side}:shoulder horizontal abduction"] = math.degrees(
                math.atan2(ahead, lateral)
            )
            rom[f"shoulder_{side}:shoulder abduction"] = 90.0 - math.degrees(
                math.asin(drop / UPPER_ARM)
            )
            rom[f"shoulder_{side}:shoulder external rotation"] = 90.0
            rom[f"elbow_{side}:elbow flexion"] = 90.0
        return b.pose(rom=rom)

    on_frame = (Contact("elbow_l", "frame"), Contact("elbow_r", "frame"))
    return drawing(
        "doorway_chest_stretch",
        "top",
        TOP_STANDING,
        [door],
        build,
        [
            Key({"step": 0.0}, 0.8, 1.8, on_frame, "forearms on the frame"),
            Key({"step": 1.0}, 2.6, 1.8, on_frame, "stepped through, leaning"),
        ],
        stills=(0, 1),
        thumb=1,
        surfaces={"frame": Below(face_y, "door frame")},
        out_of_plane=("shoulder_l", "shoulder_r", "elbow_l", "elbow_r"),
    )


def thoracic_extension() -> Drawing:
    hip_x = 0.0
    feet_x = 44.0
    back_h, back_lean = 34.0, 10.0

    def pose_at(u: float, recline: float) -> Builder:
        b = Builder(SIDE)
        seated(b, hip_x, feet_x, lean=-recline * u)
        b.ch["lumbar"] = -3.0 * u
        b.ch["thorax"] = lerp(2.0, -22.0, u)  # extension over the chair back
        b.ch["neck"] = lerp(0.0, -8.0, u)
        b.ch["head"] = lerp(0.0, -6.0, u)
        for sfx in ("", "_far"):
            # Hands behind the head, elbows forward.
            behind = b.p("head", (7.0, 12.5))
            b.reach("shoulder" + sfx, "elbow" + sfx, behind, -1, "wrist" + sfx, b.a("head") + 100)
        return b

    # The chair: its low back rest behind the buttocks; the sitter reclines until the mid
    # back meets its top edge, then arches over it.
    upright = pose_at(0.0, 0.0)
    rear = min(p[0] for p in forward(SIDE, upright.ch).shape_points("pelvis"))
    chair = Chair(x_front=rear - 0.6 + 42.0, seat=SEAT, back=back_h, back_lean=back_lean)

    def gap(recline: float) -> float:
        frame = forward(SIDE, pose_at(1.0, recline).ch)
        outline = list(frame.shape_points("thorax"))
        d = min(math.dist(chair.back_top, q) for q in outline)
        return -d if _inside(outline, chair.back_top) else d

    recline = solve(gap, 0.0, 30.0, tol=1e-3)

    def build(p: Params) -> Pose:
        return pose_at(p["arch"], recline).pose()

    over = (*SITTING, Contact("thorax", "chair back"))
    return drawing(
        "thoracic_extension",
        "side",
        SIDE,
        [Floor(), chair],
        build,
        [
            Key({"arch": 0.0}, 0.6, 1.6, SITTING, "sitting tall"),
            Key({"arch": 1.0}, 1.2, 1.6, over, "leaning back over the chair"),
        ],
        stills=(0, 1),
        thumb=1,
        surfaces={"seat": Below(SEAT, "seat"), "chair back": Spot(chair.back_top, "chair back")},
    )


def _chair_against(ch: dict[str, float], back_h: float, lean: float) -> Chair:
    """A chair whose back rest just touches the sitter's back (in the pose ``ch``)."""
    frame = forward(SIDE, ch)
    back = [p for n in ("pelvis", "lumbar", "thorax") for p in frame.shape_points(n)]

    def gap(x_front: float) -> float:
        chair = Chair(x_front=x_front, seat=SEAT, back=back_h, back_lean=lean)
        board = chair.solids[-1]
        assert isinstance(board, Slab)
        return min(board.face(p) for p in back)

    hip_x = ch["pelvis.x"]
    x = solve(gap, hip_x + 5.0, hip_x + 60.0, tol=1e-3)
    return Chair(x_front=x, seat=SEAT, back=back_h, back_lean=lean)


def _inside(poly: list[Point], p: Point) -> bool:
    inside = False
    n = len(poly)
    for i in range(n):
        a, c = poly[i], poly[(i + 1) % n]
        if (a[1] > p[1]) != (c[1] > p[1]):
            x = a[0] + (p[1] - a[1]) * (c[0] - a[0]) / (c[1] - a[1])
            if x > p[0]:
                inside = not inside
    return inside


def foam_roll_upper_back() -> Drawing:
    roller = Roller(x=0.0)
    feet_x = 82.0
    c0 = 15.0  # where along the thorax the roller starts (T12 = 0, base of neck = 25)

    def build(p: Params) -> Pose:
        b = Builder(SIDE)
        c = p["at"]
        # The roller travels half as far as the body: it rolls under it.
        shift = c - c0
        rx = roller.x + shift
        centre = (rx, roller.center[1])
        b.ch["pelvis"] = 180 - 4.0
        b.ch["lumbar"] = 0.0
        b.ch["thorax"] = 5.0  # the upper back level over the roller
        b.ch["pelvis.x"], b.ch["pelvis.y"] = 0.0, 0.0
        # Put the back surface at thorax-x = c on top of the roller.
        world = b.world("thorax")
        back = _back_point(b, c)
        normal_angle = world.angle + 90
        contact = along(centre, normal_angle + 180, roller.r)
        now = world.apply(back)
        b.ch["pelvis.x"] += contact[0] - now[0]
        b.ch["pelvis.y"] += contact[1] - now[1]
        b.ch["neck"] = -22.0  # head held up in line, chin a little in
        b.ch["head"] = -8.0
        legs_bent(b, feet_x)
        # Arms crossed over the chest: hands on the opposite shoulders.
        for sfx in ("", "_far"):
            hand = b.p("thorax", (15.0, -14.0))
            b.reach("shoulder" + sfx, "elbow" + sfx, hand, -1)
            b.ch["wrist" + sfx] = 0.0
        b.ch["roller.x"] = shift
        b.ch["roller"] = -math.degrees(shift / roller.r)
        return b.pose()

    on_roller = (
        Contact("thorax", "roller"),
        Contact("ankle", "ground"),
        Contact("ankle_far", "ground"),
    )
    return drawing(
        "foam_roll_upper_back",
        "side",
        SIDE,
        [Floor(), Mat(-90, 120), roller],
        build,
        [
            Key({"at": 19.0}, 0.5, 2.0, on_roller, "roller under the top of the shoulder blades"),
            Key({"at": 9.5}, 0.5, 2.0, on_roller, "roller under the bottom of the shoulder blades"),
        ],
        stills=(0, 1),
        thumb=0,
        ground=G,
        surfaces={"roller": Disc(roller.center, roller.r)},
    )


def _back_point(b: Builder, c: float) -> Point:
    """The point on the thorax's back surface (local +y side) at local x = c."""
    best = (c, 0.0)
    outline = b.sk.nodes["thorax"].shapes[0].outline
    n = len(outline)
    for i in range(n):
        a, d = outline[i], outline[(i + 1) % n]
        if (a[0] - c) * (d[0] - c) <= 0 and a[0] != d[0]:
            y = a[1] + (c - a[0]) * (d[1] - a[1]) / (d[0] - a[0])
            if y > best[1]:
                best = (c, y)
    return best


TOP_SEATED = body.top_seated()


def seated_thoracic_rotation() -> Drawing:
    def build(p: Params) -> Pose:
        b = Builder(TOP_SEATED)
        b.ch["pelvis"] = -90.0  # facing down the picture
        b.ch["trunk"] = p["turn"]
        b.ch["head"] = p["turn"] * 0.45
        return b.pose()

    return drawing(
        "seated_thoracic_rotation",
        "top",
        TOP_SEATED,
        [TopChair(Box(-24, -14, 24, 25))],
        build,
        [
            Key({"turn": 0.0}, 0.4, 1.4, (), "facing forward"),
            Key({"turn": 42.0}, 1.0, 1.4, (), "turned to one side"),
            Key({"turn": 0.0}, 0.4, 1.4, (), "facing forward"),
            Key({"turn": -42.0}, 1.0, 1.4, (), "turned to the other side"),
        ],
        stills=(0, 1, 3),
        thumb=1,
        bounds={"seat": Box(-24, -14, 24, 25)},
    )


AXIAL = body.axial()


def open_book_rotation() -> Drawing:
    """Seen from beyond the head, lying on the left side: knees and arms forward (+x); the
    top arm sweeps up and over, the chest turning up with it, like a book opening."""
    pillow = Pillow(-16.0, 14.0, 7.0)
    hips_y = G + 18.3

    def build(p: Params) -> Pose:
        b = Builder(AXIAL)
        sweep = p["sweep"]  # how far the top arm has travelled, 0 to 1
        turn = 40.0 * p["turn"]  # the chest turns up with it (thoracic rotation)
        b.ch["hips.x"], b.ch["hips.y"] = 0.0, hips_y
        b.ch["chest"] = turn
        b.drop_to(["chest"], G, "chest.y")
        # The bottom arm rests forward on the mat.
        b.ch["elbow_far"] = 0.0
        b.ch["wrist_far"] = 0.0
        b.settle("shoulder_far", lambda: b.lowest(["elbow_far", "wrist_far"]) - G, -100.0, 0.0)
        # The top arm starts on the bottom one (palms together) and sweeps over the top.
        top = b.p("shoulder")
        closed = angle_of(top, b.p("wrist_far", (4.0, 5.5)))
        opened = turn + 135.0  # 45 degrees behind the line of the shoulders, no further
        b.aim("shoulder", lerp(closed, opened, sweep))
        b.ch["elbow"] = 0.0
        b.ch["wrist"] = 0.0
        # The eyes follow the hand: the head turns with the arm, resting on the pillow.
        b.ch["head"] = min(60.0, (lerp(closed, opened, sweep) - closed) * 0.4)
        b.ch["head.y"] = 0.0
        b.drop_to(["head"], pillow.top, "head.y")
        return b.pose()

    resting = (
        Contact("hips", "ground"),
        Contact("chest", "ground"),
        Contact("wrist_far", "ground"),
        Contact("head", "pillow"),
    )
    return drawing(
        "open_book_rotation",
        "axial",
        AXIAL,
        [Floor(), Mat(-90, 110), pillow],
        build,
        [
            Key({"sweep": 0.0, "turn": 0.0}, 0.8, 1.6, resting, "book closed"),
            Key({"sweep": 1.0, "turn": 1.0}, 1.6, 1.6, resting, "book open"),
        ],
        stills=(0, 1),
        thumb=1,
        ground=G,
        surfaces={"pillow": Below(pillow.top, "pillow")},
    )


# =============================================================================================
# Whole body
# =============================================================================================


def walking() -> Drawing:
    stride = 24.0  # the stance foot travels from +stride to -stride under the hip

    def foot_at(q: float) -> tuple[Point, float]:
        """Ankle position (relative to the hip's x) and foot angle at gait phase q."""
        stance = 0.6
        if q < stance:
            u = q / stance
            x = lerp(stride, -stride, u)
            angle = 8.0 * max(0.0, 1 - u / 0.15) - 26.0 * max(0.0, (u - 0.55) / 0.45) ** 1.3
            return _rolling_ankle(x, angle), angle
        u = (q - stance) / (1 - stance)
        w = 0.5 - 0.5 * math.cos(math.pi * u)
        start, a0 = _rolling_ankle(-stride, -26.0), -26.0
        end, a1 = _rolling_ankle(stride, 8.0), 8.0
        x = lerp(start[0], end[0], w)
        y = lerp(start[1], end[1], w) + bump(u, 9.0)
        return (x, y), lerp(a0, a1, w) - 6.0 * math.sin(math.pi * u)

    def build(p: Params) -> Pose:
        q = p["phase"]
        b = Builder(SIDE)
        hip = (0.0, STAND_HIP - 3.2 + 1.2 * math.cos(4 * math.pi * (q - 0.3)))
        b.ch["pelvis.x"], b.ch["pelvis.y"] = hip
        b.ch["pelvis"] = 90 - 3.0
        b.ch["neck"] = 2.0
        for sfx, offset in (("", 0.0), ("_far", 0.5)):
            ankle, angle = foot_at((q + offset) % 1.0)
            b.reach(
                "hip" + sfx, "knee" + sfx, (hip[0] + ankle[0], ankle[1]), 1, "ankle" + sfx, angle
            )
            # Arms swing opposite to the legs.
            swing = math.cos(2 * math.pi * (q + offset))
            b.ch["shoulder" + sfx] = -16.0 * swing
            b.ch["elbow" + sfx] = 18.0 - 8.0 * swing
            b.ch["wrist" + sfx] = 0.0
        return b.pose()

    return drawing(
        "walking",
        "side",
        SIDE,
        [Floor()],
        build,
        [
            Key({"phase": 0.0}, 0.0, 0.7, (), "right heel down"),
            Key({"phase": 0.5}, 0.0, 0.7, (), "left heel down"),
        ],
        stills=(0, 1),
        thumb=0,
        phase="phase",
    )


def _rolling_ankle(x: float, angle: float) -> Point:
    return foot_on_floor(x, angle)


def diaphragmatic_breathing() -> Drawing:
    # An arrow out from the belly while it swells.
    sk = body.with_cue(
        body.side(belly=True), "lumbar", body.cue_line(6, -23, 6, -32, "swell"), "near"
    )
    hip_x = 0.0

    def build(p: Params) -> Pose:
        b = Builder(sk)
        seated(b, hip_x, 44.0, lean=-8.0)  # sitting back against the chair
        b.ch["lumbar"] = 2.0
        b.ch["thorax"] = 4.0
        b.ch["neck"] = -16.0  # face level
        swell = p["breath"]
        b.ch["belly.y"] = -4.5 * swell
        b.ch["swell.o"] = swell
        # One hand on the belly, one on the chest, lying flat across the body: seen from the
        # side, each hand is its edge, foreshortened, resting on the surface.
        belly = b.p("lumbar", (9.0, -13.2 - 4.5 * swell))
        chest = b.p("thorax", (12.0, -14.2))
        b.reach("shoulder", "elbow", belly, -1, "wrist", b.a("lumbar") - 90)
        b.reach("shoulder_far", "elbow_far", chest, -1, "wrist_far", b.a("thorax") - 90)
        b.ch["hand.sx"] = b.ch["hand_far.sx"] = 0.45
        return b.pose()

    chair = _chair_against(build({"breath": 0.0}).ch, back_h=44.0, lean=12.0)
    sitting = (*SITTING, Contact("pelvis+lumbar+thorax", "chair back"))
    return drawing(
        "diaphragmatic_breathing",
        "side",
        sk,
        [Floor(), chair],
        build,
        [
            Key({"breath": 0.0}, 0.6, 3.2, sitting, "breathed out"),
            Key({"breath": 1.0}, 0.5, 4.8, sitting, "breathed in, belly out"),
        ],
        stills=(0, 1),
        thumb=1,
        surfaces={"seat": Below(SEAT, "seat"), "chair back": chair.solids[-1]},
    )


# An arrow up beside the shoulders while they are drawn up toward the ears.
RELAXATION_SIDE = body.with_cue(SIDE, "thorax", body.cue_line(20, 14, 31, 14, "shrug"), "near")


def progressive_relaxation() -> Drawing:
    def build(p: Params) -> Pose:
        b = Builder(RELAXATION_SIDE)
        seated(b, 0.0, 46.0)
        tense = p["tense"]
        b.ch["shrug.o"] = tense
        b.ch["neck"] = lerp(-8.0, -2.0, tense)
        b.ch["head"] = lerp(-6.0, 0.0, tense)
        for sfx in ("", "_far"):
            b.ch["shoulder" + sfx + ".x"] = 5.5 * tense  # shoulders up toward the ears
            on_thigh = b.p("hip" + sfx, (27.0, 8.5))
            b.reach(
                "shoulder" + sfx, "elbow" + sfx, on_thigh, -1, "wrist" + sfx, b.a("hip" + sfx) - 4
            )
            b.ch["hand" + sfx + ".sx"] = lerp(1.0, 0.6, tense)  # fists
        return b.pose()

    return drawing(
        "progressive_relaxation",
        "side",
        RELAXATION_SIDE,
        [Floor(), chair_for(0.0)],
        build,
        [
            Key({"tense": 1.0}, 2.0, 1.0, SITTING, "shoulders up, fists clenched"),
            Key({"tense": 0.0}, 3.4, 1.2, SITTING, "let go"),
        ],
        stills=(0, 1),
        thumb=0,
        surfaces={"seat": Below(SEAT, "seat")},
    )


DRAWINGS: dict[str, Callable[[], Drawing]] = {
    "wall_plank": wall_plank,
    "knee_plank": knee_plank,
    "plank": plank,
    "side_plank": side_plank,
    "pelvic_tilt": pelvic_tilt,
    "glute_bridge": glute_bridge,
    "single_leg_bridge": single_leg_bridge,
    "bird_dog": bird_dog,
    "dead_bug": dead_bug,
    "sit_to_stand": sit_to_stand,
    "cat_cow": cat_cow,
    "childs_pose": childs_pose,
    "knee_to_chest": knee_to_chest,
    "hip_flexor_stretch": hip_flexor_stretch,
    "sciatic_nerve_glide": sciatic_nerve_glide,
    "wall_angel": wall_angel,
    "shoulder_blade_squeeze": shoulder_blade_squeeze,
    "prone_ytw": prone_ytw,
    "chin_tuck": chin_tuck,
    "doorway_chest_stretch": doorway_chest_stretch,
    "thoracic_extension": thoracic_extension,
    "foam_roll_upper_back": foam_roll_upper_back,
    "seated_thoracic_rotation": seated_thoracic_rotation,
    "open_book_rotation": open_book_rotation,
    "walking": walking,
    "diaphragmatic_breathing": diaphragmatic_breathing,
    "progressive_relaxation": progressive_relaxation,
}


def drawings() -> dict[str, Drawing]:
    return {name: make() for name, make in DRAWINGS.items()}
