"""Draws the exercise illustrations (dev tool): ``python scripts/draw_exercises.py``.

Each exercise is a list of poses. A pose places the hips, gives the trunk and head angles,
and places hands and feet either by joint angles or by a target point (solved with two-bone
inverse kinematics), so every figure has the same proportions. The output SVGs are
committed under ``src/spinewise/content/illustrations``; they cross-fade between poses with
CSS and show the poses side by side when the reader prefers reduced motion.

Angles are in degrees on screen: 0 points right, 90 down, -90 up, 180 left.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "src" / "spinewise" / "content"
OUT = CONTENT / "illustrations"

W, H = 240, 160
FLOOR = 146
TORSO, NECK, HEAD_R = 40, 14, 9
UPPER_ARM, FOREARM = 22, 20
THIGH, SHIN, FOOT = 28, 27, 8
TORSO_W, LIMB_W = 14, 8
NEAR, FAR, PROP = "#1f5f7a", "#8db3c4", "#8a6d4b"

Point = tuple[float, float]


def at(origin: Point, angle: float, length: float) -> Point:
    rad = math.radians(angle)
    return origin[0] + length * math.cos(rad), origin[1] + length * math.sin(rad)


def angle_of(a: Point, b: Point) -> float:
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))


@dataclass(frozen=True)
class A:
    """A limb by absolute angles of its two segments."""

    first: float
    second: float


@dataclass(frozen=True)
class T:
    """A limb whose end reaches the point (x, y); ``rel`` makes it relative to the limb root.

    ``bend`` picks which side the elbow or knee goes: 1 or -1.
    """

    x: float
    y: float
    bend: int = 1
    rel: bool = False


Limb = A | T


def solve(root: Point, spec: Limb, l1: float, l2: float) -> tuple[Point, Point]:
    if isinstance(spec, A):
        mid = at(root, spec.first, l1)
        return mid, at(mid, spec.second, l2)
    target = (root[0] + spec.x, root[1] + spec.y) if spec.rel else (spec.x, spec.y)
    dist = min(math.dist(root, target), l1 + l2 - 0.01)
    dist = max(dist, abs(l1 - l2) + 0.01)
    base = angle_of(root, target)
    cos_a = (l1 * l1 + dist * dist - l2 * l2) / (2 * l1 * dist)
    offset = math.degrees(math.acos(max(-1.0, min(1.0, cos_a))))
    mid = at(root, base + spec.bend * offset, l1)
    return mid, at(mid, angle_of(mid, target), l2)


Extra = Callable[[dict[str, Point]], str]


@dataclass
class Pose:
    hip: Point
    torso: float = -90
    bend: float = 0  # bows the trunk: positive bulges to the left of hip->shoulder
    head: float | None = None  # angle shoulder->head; defaults to the trunk's
    face: float | None = 0  # where the nose points; None for a figure facing us
    arm: Limb = field(default_factory=lambda: A(95, 95))
    farm: Limb | None = None
    leg: Limb = field(default_factory=lambda: A(90, 90))
    fleg: Limb | None = None
    foot: float | None = 0
    ffoot: float | None = None
    front: bool = False  # seen from the front: limbs left and right of the trunk
    extras: tuple[Extra, ...] = ()
    behind: tuple[Extra, ...] = ()
    far_near: bool = False  # draw the far limbs as dark as the near ones


def fmt(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def pt(p: Point) -> str:
    return f"{fmt(p[0])} {fmt(p[1])}"


def line(points: list[Point], colour: str, width: float) -> str:
    d = "M" + " L".join(pt(p) for p in points)
    return f'<path d="{d}" stroke="{colour}" stroke-width="{width}"/>'


def figure(pose: Pose) -> str:
    hip = pose.hip
    shoulder = at(hip, pose.torso, TORSO)
    head = at(shoulder, pose.head if pose.head is not None else pose.torso, NECK)
    j: dict[str, Point] = {"hip": hip, "shoulder": shoulder, "head": head}
    spread = 9 if pose.front else 0
    near_shoulder = (shoulder[0] + spread, shoulder[1])
    far_shoulder = (shoulder[0] - spread, shoulder[1])
    near_hip = (hip[0] + spread / 2, hip[1])
    far_hip = (hip[0] - spread / 2, hip[1])
    j["elbow"], j["hand"] = solve(near_shoulder, pose.arm, UPPER_ARM, FOREARM)
    j["knee"], j["ankle"] = solve(near_hip, pose.leg, THIGH, SHIN)
    far_colour = NEAR if pose.front or pose.far_near else FAR
    parts: list[str] = [extra(j) for extra in pose.behind]
    if pose.farm is not None:
        elbow, hand = solve(far_shoulder, pose.farm, UPPER_ARM, FOREARM)
        j["felbow"], j["fhand"] = elbow, hand
        parts.append(line([far_shoulder, elbow, hand], far_colour, LIMB_W - 1))
    if pose.fleg is not None:
        knee, ankle = solve(far_hip, pose.fleg, THIGH, SHIN)
        j["fknee"], j["fankle"] = knee, ankle
        points = [far_hip, knee, ankle]
        ffoot = pose.ffoot if pose.ffoot is not None else pose.foot
        if ffoot is not None:
            points.append(at(ankle, ffoot, FOOT))
        parts.append(line(points, far_colour, LIMB_W - 1))
    # The trunk: a quadratic curve so backs can round (cat) or arch (cow).
    mid = ((hip[0] + shoulder[0]) / 2, (hip[1] + shoulder[1]) / 2)
    ctrl = at(mid, pose.torso - 90, pose.bend)
    trunk_w = TORSO_W + 6 if pose.front else TORSO_W
    parts.append(
        f'<path d="M{pt(hip)} Q{pt(ctrl)} {pt(shoulder)}" stroke="{NEAR}" '
        f'stroke-width="{trunk_w}"/>'
    )
    leg = [near_hip, j["knee"], j["ankle"]]
    if pose.foot is not None:
        leg.append(at(j["ankle"], pose.foot, FOOT))
    parts.append(line(leg, NEAR, LIMB_W))
    parts.append(f'<circle cx="{fmt(head[0])}" cy="{fmt(head[1])}" r="{HEAD_R}" fill="{NEAR}"/>')
    if pose.face is not None:
        nose = at(head, pose.face, HEAD_R + 1)
        parts.append(f'<circle cx="{fmt(nose[0])}" cy="{fmt(nose[1])}" r="2.6" fill="{NEAR}"/>')
    parts.append(line([near_shoulder, j["elbow"], j["hand"]], NEAR, LIMB_W))
    parts.extend(extra(j) for extra in pose.extras)
    return "".join(parts)


# --- props ------------------------------------------------------------------------------


def floor() -> str:
    return f'<path d="M4 {FLOOR + 1}H236" stroke="#7a7a7a" stroke-width="2"/>'


def mat(x0: float = 30, x1: float = 210) -> str:
    return f'<rect x="{x0}" y="{FLOOR - 3}" width="{x1 - x0}" height="4" rx="2" fill="#b9d7c5"/>'


def wall(x: float, side: str = "right") -> str:
    left = x if side == "right" else x - 14
    return (
        f'<rect x="{fmt(left)}" y="8" width="14" height="{FLOOR - 7}" fill="#e4ddd0" '
        f'stroke="#b9ad98"/>'
    )


def back_wall() -> str:
    return f'<rect x="60" y="10" width="120" height="{FLOOR - 10}" fill="#efe9de"/>'


def door_frame(x: float) -> str:
    return (
        f'<rect x="{x}" y="6" width="10" height="{FLOOR - 5}" fill="#d8c3a5" stroke="#a98c64"/>'
        f'<rect x="{x - 46}" y="6" width="56" height="8" fill="#d8c3a5" stroke="#a98c64"/>'
    )


def chair(x: float, seat_y: float, facing: int = 1, back_h: float = 44) -> str:
    """A side-view chair; ``x`` is the middle of the seat, the back behind the sitter."""
    half = 16
    back_x = x - facing * half
    front_x = x + facing * half
    return (
        f'<path d="M{fmt(back_x)} {fmt(seat_y - back_h)}V{FLOOR}M{fmt(front_x)} {fmt(seat_y)}'
        f'V{FLOOR}M{fmt(back_x)} {fmt(seat_y)}H{fmt(front_x)}" stroke="{PROP}" '
        f'stroke-width="4"/>'
    )


def roller(center: Point) -> str:
    return (
        f'<circle cx="{fmt(center[0])}" cy="{fmt(center[1])}" r="9" fill="#f0b45b" '
        f'stroke="#b07a2a" stroke-width="2"/>'
    )


def arrow(a: Point, b: Point) -> Extra:
    """A small motion arrow from a to b (drawn only with the pose it belongs to)."""

    def draw(_: dict[str, Point]) -> str:
        ang = angle_of(a, b)
        left, right = at(b, ang + 150, 6), at(b, ang - 150, 6)
        return (
            f'<path d="M{pt(a)} L{pt(b)} M{pt(left)} L{pt(b)} L{pt(right)}" '
            f'stroke="#d2691e" stroke-width="2" fill="none"/>'
        )

    return draw


def sparks(center: Point) -> Extra:
    """Short lines around a point, showing tensed muscles."""

    def draw(_: dict[str, Point]) -> str:
        rays = [(at(center, ang, 9), at(center, ang, 14)) for ang in (-150, -90, -30)]
        d = "".join(f"M{pt(a)} L{pt(b)}" for a, b in rays)
        return f'<path d="{d}" stroke="#d2691e" stroke-width="2"/>'

    return draw


def dots(points: list[Point], r: float = 1.8) -> Extra:
    def draw(_: dict[str, Point]) -> str:
        return "".join(
            f'<circle cx="{fmt(x)}" cy="{fmt(y)}" r="{r}" fill="#d2691e"/>' for x, y in points
        )

    return draw


# --- the poses ----------------------------------------------------------------------------

LYING = FLOOR - TORSO_W / 2  # hip height when lying on the floor
KNEEL = FLOOR - 5  # knee or hand centre resting on the floor
FOOT_Y = FLOOR - 5  # ankle centre when the foot is flat
STAND_HIP = FOOT_Y - THIGH - SHIN


def supine_bent(hip_x: float, hip_y: float = LYING, feet_x: float = 168, **kw: object) -> Pose:
    """On the back, head left, knees bent and feet flat at feet_x."""
    defaults: dict[str, object] = {
        "torso": 180,
        "head": 186,
        "face": -90,
        "arm": A(8, 2),
        "leg": T(feet_x, FOOT_Y, -1),
        "foot": 0,
    }
    defaults.update(kw)
    return Pose(hip=(hip_x, hip_y), **defaults)  # type: ignore[arg-type]


def all_fours(hip: Point = (92, KNEEL - THIGH), **kw: object) -> Pose:
    shoulder_x = hip[0] + 38
    torso = angle_of(hip, (shoulder_x, KNEEL - UPPER_ARM - FOREARM))
    defaults: dict[str, object] = {
        "torso": torso,
        "head": torso + 10,
        "face": 20,
        "arm": T(0, KNEEL - (hip[1] + TORSO * math.sin(math.radians(torso))), 1, True),
        "leg": A(90, 180),
        "foot": 180,
    }
    defaults.update(kw)
    return Pose(hip=hip, **defaults)  # type: ignore[arg-type]


def seated(x: float = 112, **kw: object) -> Pose:
    """Sitting on a chair whose seat centre is at x, facing right."""
    defaults: dict[str, object] = {
        "torso": -90,
        "head": -90,
        "arm": A(100, 20),
        "leg": A(0, 90),
        "foot": 0,
    }
    defaults.update(kw)
    return Pose(hip=(x, SEAT_HIP), **defaults)  # type: ignore[arg-type]


SEAT_HIP = FOOT_Y - SHIN
SEAT_Y = SEAT_HIP + TORSO_W / 2


def standing(x: float = 120, **kw: object) -> Pose:
    defaults: dict[str, object] = {"leg": A(90, 90), "foot": 0, "arm": A(98, 92)}
    defaults.update(kw)
    return Pose(hip=(x, STAND_HIP), **defaults)  # type: ignore[arg-type]


def prone(hip_x: float, **kw: object) -> Pose:
    """Face down, head right, legs straight behind."""
    defaults: dict[str, object] = {
        "torso": 0,
        "head": -4,
        "face": 60,
        "leg": A(180, 180),
        "foot": 100,
    }
    defaults.update(kw)
    return Pose(hip=(hip_x, LYING), **defaults)  # type: ignore[arg-type]


def straight_lean(
    shoulder: Point, angle: float, foot: float = -10, far_near: bool = False, **kw: object
) -> Pose:
    """A body held in one straight line from the feet up to ``shoulder``; ``angle`` is the
    direction feet->head (e.g. -40 leans right at 40 degrees)."""
    hip = at(shoulder, angle + 180, TORSO)
    defaults: dict[str, object] = {
        "torso": angle,
        "head": angle,
        "leg": A(angle + 180, angle + 180),
        "foot": foot,
        "front": False,
    }
    defaults.update(kw)
    pose = Pose(hip=hip, **defaults)  # type: ignore[arg-type]
    pose.far_near = far_near
    return pose


def knee_plank_pose() -> Pose:
    shoulder = (150, KNEEL - UPPER_ARM)
    angle = -math.degrees(math.asin((KNEEL - shoulder[1]) / (THIGH + TORSO)))
    hip = at(shoulder, angle + 180, TORSO)
    return Pose(
        hip=hip,
        torso=angle,
        head=angle,
        face=30,
        arm=A(90, 0),
        leg=A(angle + 180, 196),
        foot=-70,
    )


def scene(*props: str) -> str:
    return "".join(props) + floor()


@dataclass
class Drawing:
    scene: str
    poses: list[Pose]


def build() -> dict[str, Drawing]:
    d: dict[str, Drawing] = {}
    m = mat()

    # Lower back: core
    d["wall_plank"] = Drawing(
        scene(wall(186)),
        [
            standing(158, arm=A(-4, -90), head=-88),
            straight_lean(shoulder=(160, 78), angle=-40, arm=A(0, -90)),
        ],
    )
    d["knee_plank"] = Drawing(
        scene(m),
        [
            Pose(
                hip=(100, LYING),
                torso=-16,
                head=-20,
                face=30,
                arm=A(90, 0),
                leg=A(180, 180),
                foot=100,
            ),
            knee_plank_pose(),
        ],
    )
    d["plank"] = Drawing(
        scene(m),
        [
            knee_plank_pose(),
            straight_lean(
                shoulder=(150, KNEEL - UPPER_ARM),
                angle=-math.degrees(math.asin((FOOT_Y - 2 - (KNEEL - UPPER_ARM)) / 95)),
                arm=A(90, 0),
                foot=100,
                face=30,
            ),
        ],
    )
    side_angle = math.degrees(math.asin((LYING - (KNEEL - UPPER_ARM)) / TORSO))
    d["side_plank"] = Drawing(
        scene(m),
        [
            Pose(
                hip=(112, LYING),
                torso=-side_angle,
                head=-side_angle - 6,
                face=None,
                arm=A(90, 0),
                farm=T(114, LYING - 8, 1),
                leg=A(180, 180),
                foot=-90,
                far_near=True,
            ),
            straight_lean(
                shoulder=(112 + TORSO * math.cos(math.radians(side_angle)), KNEEL - UPPER_ARM),
                angle=-math.degrees(math.asin((FOOT_Y - (KNEEL - UPPER_ARM)) / 95)),
                arm=A(90, 0),
                farm=A(-90, -90),
                foot=-90,
                face=None,
                far_near=True,
            ),
        ],
    )
    d["pelvic_tilt"] = Drawing(
        scene(m),
        [
            supine_bent(120, bend=-7, extras=(dots([(100, 134), (108, 135), (116, 136)]),)),
            supine_bent(120, extras=(arrow((130, 124), (118, 126)),)),
        ],
    )
    # Bridge: shoulders stay on the floor, shoulders-hips-knees make one 20-degree slope.
    lift = 20.0
    rad = math.radians(lift)
    bridge_hip = (86 + TORSO * math.cos(rad), LYING - TORSO * math.sin(rad))
    feet_x = bridge_hip[0] + THIGH * math.cos(math.radians(lift)) + 9
    bridge: dict[str, object] = {"torso": 180 - lift, "head": 178, "arm": A(2, 0)}
    d["glute_bridge"] = Drawing(
        scene(m),
        [
            supine_bent(86 + TORSO, feet_x=feet_x),
            supine_bent(bridge_hip[0], bridge_hip[1], feet_x=feet_x, **bridge),
        ],
    )
    d["single_leg_bridge"] = Drawing(
        scene(m),
        [
            supine_bent(
                86 + TORSO, feet_x=feet_x, fleg=T(feet_x, FOOT_Y, -1), leg=A(-48, -48), foot=-60
            ),
            supine_bent(
                bridge_hip[0],
                bridge_hip[1],
                feet_x=feet_x,
                fleg=T(feet_x, FOOT_Y, -1),
                leg=A(-lift, -lift),
                foot=-70,
                **bridge,
            ),
        ],
    )
    d["bird_dog"] = Drawing(
        scene(m),
        [
            all_fours(farm=None),
            all_fours(
                arm=A(-8, -8),
                farm=T(0, 42, 1, True),
                fleg=A(180, 180),
                ffoot=100,
                head=-10,
                face=0,
            ),
        ],
    )
    d["dead_bug"] = Drawing(
        scene(m),
        [
            supine_bent(124, arm=A(-90, -90), leg=A(-90, 0), foot=-90),
            supine_bent(
                124,
                arm=A(186, 186),
                farm=A(-90, -90),
                leg=A(-90, 0),
                foot=-90,
                fleg=A(-12, -12),
                ffoot=-80,
            ),
        ],
    )
    d["sit_to_stand"] = Drawing(
        scene(chair(96, SEAT_Y, back_h=46)),
        [
            seated(100, torso=-70, head=-74, arm=A(-4, -4)),
            standing(126, arm=A(-2, -2)),
        ],
    )

    # Lower back: mobility and stretches
    d["cat_cow"] = Drawing(
        scene(m),
        [
            all_fours(bend=12, head=60, face=90),
            all_fours(bend=-9, head=-30, face=-10),
        ],
    )
    d["childs_pose"] = Drawing(
        scene(m),
        [
            all_fours(),
            Pose(
                hip=(67, 128),
                torso=8,
                bend=6,
                head=15,
                face=80,
                arm=A(20, 0),
                leg=A(27.5, 180),
                foot=180,
            ),
        ],
    )
    d["knee_to_chest"] = Drawing(
        scene(m),
        [
            supine_bent(124, fleg=T(168, FOOT_Y, -1)),
            supine_bent(
                124,
                fleg=T(168, FOOT_Y, -1),
                leg=A(-118, 8),
                arm=T(112, 118, -1),
                foot=-60,
            ),
        ],
    )
    d["hip_flexor_stretch"] = Drawing(
        scene(m),
        [
            Pose(
                hip=(104, KNEEL - THIGH),
                leg=T(142, FOOT_Y, -1),
                fleg=T(104, KNEEL, 1),
                ffoot=180,
                arm=A(98, 80),
            ),
            Pose(
                hip=(116, KNEEL - THIGH + 2),
                torso=-92,
                head=-90,
                leg=T(142, FOOT_Y, -1),
                fleg=T(96, KNEEL, 1),
                ffoot=180,
                arm=A(-80, -88),
            ),
        ],
    )
    d["sciatic_nerve_glide"] = Drawing(
        scene(chair(100, SEAT_Y)),
        [
            seated(100, head=-55, face=60, leg=T(128, FOOT_Y, 1), arm=A(100, 100)),
            seated(100, head=-94, face=-10, leg=A(0, -2), foot=-80, arm=A(100, 100)),
        ],
    )

    # Upper back and neck
    d["wall_angel"] = Drawing(
        scene(back_wall()),
        [
            standing(
                120,
                face=None,
                front=True,
                arm=A(-20, -88),
                farm=A(200, -92),
                leg=A(86, 90),
                fleg=A(94, 90),
                foot=20,
                ffoot=160,
            ),
            standing(
                120,
                face=None,
                front=True,
                arm=A(-62, -62),
                farm=A(242, 242),
                leg=A(86, 90),
                fleg=A(94, 90),
                foot=20,
                ffoot=160,
            ),
        ],
    )
    d["shoulder_blade_squeeze"] = Drawing(
        scene(),
        [
            standing(120, arm=A(95, 0)),
            standing(120, torso=-93, head=-90, arm=A(122, 0), extras=(arrow((104, 66), (92, 66)),)),
        ],
    )
    d["prone_ytw"] = Drawing(
        scene(m),
        [
            prone(86, arm=A(-2, -2)),
            prone(86, torso=-8, head=-12, arm=A(-18, -18)),
            prone(86, torso=-8, head=-12, arm=A(196, -40)),
        ],
    )
    d["chin_tuck"] = Drawing(
        scene(chair(110, SEAT_Y)),
        [
            seated(110, head=-48, arm=A(95, 10)),
            seated(110, head=-92, arm=A(95, 10), extras=(arrow((142, 60), (130, 60)),)),
        ],
    )
    d["doorway_chest_stretch"] = Drawing(
        scene(door_frame(128)),
        [
            standing(116, arm=A(-4, -90), farm=A(10, -88)),
            standing(
                140,
                torso=-80,
                head=-80,
                arm=T(128, 30, -1),
                farm=T(134, 30, -1),
                leg=T(162, FOOT_Y, -1),
                fleg=T(118, FOOT_Y, 1),
                ffoot=0,
            ),
        ],
    )
    d["thoracic_extension"] = Drawing(
        scene(chair(112, SEAT_Y, back_h=30)),
        [
            seated(112, arm=A(-55, 190)),
            seated(112, torso=-110, bend=-8, head=-128, face=-70, arm=A(-75, 170)),
        ],
    )
    # The roller stays put under the upper back; the body rolls over it (never the low back).
    roll = roller((92, FLOOR - 10))
    d["foam_roll_upper_back"] = Drawing(
        scene(m, roll),
        [
            supine_bent(125.5, 125.9, feet_x=162, torso=190, head=190, arm=A(-80, 20)),
            supine_bent(116, 120, feet_x=162, torso=180, head=180, arm=A(-70, 30)),
        ],
    )
    d["seated_thoracic_rotation"] = Drawing(
        scene(chair(112, SEAT_Y)),
        [
            seated(112, arm=A(70, 200)),
            # Turned to face us: wider shoulders, crossed forearms seen from the front.
            seated(112, front=True, face=None, arm=T(104, 92, 1), farm=T(120, 92, -1)),
        ],
    )
    # Seen from above, lying on the left side on a mat: knees and arms in front (down).
    top_mat = '<rect x="40" y="30" width="160" height="100" rx="6" fill="#b9d7c5"/>'
    book = {"torso": 180, "leg": A(90, 0), "foot": 0, "farm": A(90, 90), "far_near": True}
    d["open_book_rotation"] = Drawing(
        top_mat,
        [
            Pose(hip=(134, 72), head=180, face=90, arm=A(90, 90), **book),  # type: ignore[arg-type]
            Pose(hip=(134, 72), head=180, face=-90, arm=A(-90, -90), **book),  # type: ignore[arg-type]
        ],
    )

    # Whole body
    d["walking"] = Drawing(
        scene(),
        [
            standing(
                118,
                torso=-88,
                arm=A(70, 40),
                farm=A(115, 110),
                leg=A(70, 96),
                fleg=A(112, 118),
                ffoot=20,
            ),
            standing(
                122,
                torso=-88,
                arm=A(115, 110),
                farm=A(70, 40),
                leg=A(112, 118),
                fleg=A(70, 96),
                foot=20,
                ffoot=0,
            ),
        ],
    )

    def belly(size: float) -> Extra:
        def draw(j: dict[str, Point]) -> str:
            cx, cy = j["hip"][0] + 2 + size / 2, j["hip"][1] - 14
            size_txt = fmt(size)
            return f'<ellipse cx="{fmt(cx)}" cy="{fmt(cy)}" rx="{size_txt}" ry="11" fill="{NEAR}"/>'

        return draw

    d["diaphragmatic_breathing"] = Drawing(
        scene(chair(108, SEAT_Y)),
        [
            seated(108, head=-90, arm=T(121, 101, 1), farm=T(120, 78, 1), behind=(belly(8),)),
            seated(
                108,
                head=-90,
                arm=T(127, 101, 1),
                farm=T(120, 78, 1),
                behind=(belly(13),),
                extras=(arrow((136, 100), (146, 100)),),
            ),
        ],
    )
    d["progressive_relaxation"] = Drawing(
        scene(chair(108, SEAT_Y)),
        [
            seated(108, head=-90, arm=A(78, -8), extras=(sparks((110, 66)), sparks((136, 90)))),
            seated(108, torso=-92, head=-76, face=40, arm=A(95, 8)),
        ],
    )
    return d


# --- SVG assembly ---------------------------------------------------------------------------


def style(count: int) -> str:
    cycle = 2.6 * count
    share = 100 / count
    fade = min(8.0, share / 3)
    rules = [f".sw-n{count} .pose{{opacity:0;animation:{fmt(cycle)}s ease-in-out infinite}}"]
    rules.append(f".sw-n{count} .pose-a{{opacity:1}}")
    for index in range(count):
        letter = "abc"[index]
        start, end = index * share, (index + 1) * share
        if index == 0:
            frames = (
                f"0%,{fmt(end - fade)}%{{opacity:1}}{fmt(end)}%,{fmt(100 - fade)}%{{opacity:0}}"
                f"100%{{opacity:1}}"
            )
        else:
            frames = (
                f"0%,{fmt(start - fade)}%{{opacity:0}}{fmt(start)}%,{fmt(end - fade)}%{{opacity:1}}"
                f"{fmt(end)}%,100%{{opacity:0}}"
            )
        rules.append(f".sw-n{count} .pose-{letter}{{animation-name:sw{count}{letter}}}")
        rules.append(f"@keyframes sw{count}{letter}{{{frames}}}")
    scale = 1 / count
    reduced = [
        f".sw-n{count} .pose{{animation:none;opacity:1}}",
        ".sw-ex .scene{display:none}",
        ".sw-ex .bg,.sw-ex .then{display:inline}",
    ]
    for index in range(count):
        letter = "abc"[index]
        dx = W * scale * index
        dy = H * (1 - scale) / 2
        reduced.append(
            f".sw-n{count} .pose-{letter}{{transform:translate({fmt(dx)}px,{fmt(dy)}px) "
            f"scale({fmt(scale)})}}"
        )
    return (
        ".sw-ex .bg,.sw-ex .then{display:none}"
        + "".join(rules)
        + "@media (prefers-reduced-motion:reduce){"
        + "".join(reduced)
        + "}"
    )


def render(exercise_id: str, name: str, alt: str, drawing: Drawing) -> str:
    count = len(drawing.poses)
    sid = f"sw-{exercise_id.replace('_', '-')}"
    groups = []
    for index, pose in enumerate(drawing.poses):
        letter = "abc"[index]
        groups.append(
            f'<g class="pose pose-{letter}"><use href="#{sid}-scene" class="bg"/>{figure(pose)}</g>'
        )
    arrows = "".join(
        f'<path class="then" d="M{fmt(W * (i + 1) / count - 5)} 86h10m-4 -4l4 4l-4 4" '
        f'stroke="#555" stroke-width="2" fill="none"/>'
        for i in range(count - 1)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" role="img" '
        f'aria-labelledby="{sid}-title {sid}-desc" class="sw-ex sw-n{count}">'
        f'<title id="{sid}-title">{escape(name)}</title>'
        f'<desc id="{sid}-desc">{escape(alt)}</desc>'
        f"<style>{style(count)}</style>"
        f'<defs><g id="{sid}-scene">{drawing.scene}</g></defs>'
        f'<use href="#{sid}-scene" class="scene"/>'
        f'<g fill="none" stroke-linecap="round" stroke-linejoin="round">{"".join(groups)}</g>'
        f"{arrows}</svg>\n"
    )


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def main(argv: list[str]) -> int:
    entries = yaml.safe_load((CONTENT / "exercises.yaml").read_text(encoding="utf-8"))
    drawings = build()
    OUT.mkdir(exist_ok=True)
    missing = [entry["id"] for entry in entries if entry["id"] not in drawings]
    for entry in entries:
        if entry["id"] in drawings:
            svg = render(entry["id"], entry["name"], entry["alt"], drawings[entry["id"]])
            (OUT / f"{entry['id']}.svg").write_text(svg, encoding="utf-8")
    if missing:
        print("no drawing for: " + ", ".join(missing), file=sys.stderr)
        return 1
    print(f"wrote {len(entries)} drawings to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
