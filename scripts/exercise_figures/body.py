"""The jointed figure: one set of proportions, drawn from the side, the front or above.

Lengths are centimetres of a 170 cm adult, rounded from the usual anthropometric segment
fractions of stature (Drillis and Contini; Winter, Biomechanics and Motor Control of Human
Movement): thigh 0.245 H, shank 0.246 H, upper arm 0.186 H, forearm 0.146 H, hand 0.108 H,
foot 0.152 H, hip to shoulder 0.29 H.

A figure is a tree of nodes. Each node sits at a fixed point of its parent (``at``) and
turns about it; its shapes are drawn in its own frame, whose x axis points along the
segment (proximal to distal) and whose y axis is x turned 90 degrees counter-clockwise.
The side view faces +x: for the trunk +y is the back, for the limbs +y is the front, for
the foot +y is the instep.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .geometry import Circle, Point, circle_hull, fmt

PELVIS, LUMBAR, THORAX, NECK = 10.0, 17.0, 25.0, 9.0
UPPER_ARM, FOREARM, HAND = 30.0, 25.0, 16.0
THIGH, SHIN = 42.0, 42.0
SHOULDER_AT = 19.5  # shoulder joint along the thorax, from T12
ANKLE_HEIGHT = 7.6  # ankle centre above the sole
SHOULDER_HALF = 17.0  # half the distance between the shoulder joints
HIP_HALF = 9.0  # half the distance between the hip joints

# Paints: a fill per role, so a layer can be lighter (the far side) without new shapes.
PAINT = {
    "near": "#1d5a73",
    "body": "#2a7190",
    "far": "#9cbccb",
    "hair": "#163d4f",
    "far_hair": "#7ea3b4",
    "face": "#2a7190",
    "cue": "#d9822b",  # a motion cue: an arrow, not part of the body
}


@dataclass(frozen=True)
class Shape:
    """A filled path in its node's frame, with sampled outline points for the tests."""

    path: str
    outline: tuple[Point, ...]
    paint: str
    name: str = ""  # set when the shape has its own animated transform
    body: bool = True  # False for cues that are not part of the body
    circles: tuple[Circle, ...] = ()  # a hull's circles: its extremes, found quickly


def hull(circles: list[Circle], paint: str, name: str = "") -> Shape:
    path, outline = circle_hull(circles)
    return Shape(path, tuple(outline), paint, name, circles=tuple(circles))


def segment(length: float, r1: float, r2: float, paint: str, *mid: Circle) -> Shape:
    return hull([(0.0, 0.0, r1), *mid, (length, 0.0, r2)], paint)


def taper(length: float, r1: float, r2: float, paint: str, name: str) -> Shape:
    """A tapered bar without end caps, for limbs that foreshorten (scaled along x); the
    caps are separate circles in the nodes at each end, so they stay round."""
    # Outer tangents of the circles (0, 0, r1) and (length, 0, r2).
    s = (r1 - r2) / length
    c = math.sqrt(max(0.0, 1 - s * s))
    p = [(r1 * s, r1 * c), (length + r2 * s, r2 * c), (length + r2 * s, -r2 * c), (r1 * s, -r1 * c)]
    path = "M" + "L".join(f"{fmt(x)} {fmt(y)}" for x, y in p) + "z"
    return Shape(path, tuple(p), paint, name)


def cue_arrow(cx: float, cy: float, r: float, a0: float, a1: float, name: str) -> Shape:
    """A curved arrow round (cx, cy) from angle a0 to a1 (counter-clockwise), head at a1."""

    def at(radius: float, angle: float) -> Point:
        rad = math.radians(angle)
        return cx + radius * math.cos(rad), cy + radius * math.sin(rad)

    half = 1.1  # half the band's width
    steps = max(2, int(abs(a1 - a0) // 12))
    angles = [a0 + (a1 - a0) * k / steps for k in range(steps + 1)]
    outer = [at(r + half, a) for a in angles]
    inner = [at(r - half, a) for a in reversed(angles)]
    head = [at(r + 3.2, a1), at(r, a1 + (9 if a1 > a0 else -9)), at(r - 3.2, a1)]
    path = "M" + "L".join(f"{fmt(x)} {fmt(y)}" for x, y in [*outer, *head, *inner]) + "z"
    return Shape(path, (), "cue", name, body=False)


def cue_line(x0: float, y0: float, x1: float, y1: float, name: str) -> Shape:
    """A straight arrow from (x0, y0) to (x1, y1), head at the end."""
    length = math.hypot(x1 - x0, y1 - y0)
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    nx, ny = -uy, ux
    half, barb, head = 1.1, 3.2, 5.0
    bx, by = x1 - ux * head, y1 - uy * head
    points = [
        (x0 + nx * half, y0 + ny * half),
        (bx + nx * half, by + ny * half),
        (bx + nx * barb, by + ny * barb),
        (x1, y1),
        (bx - nx * barb, by - ny * barb),
        (bx - nx * half, by - ny * half),
        (x0 - nx * half, y0 - ny * half),
    ]
    path = "M" + "L".join(f"{fmt(x)} {fmt(y)}" for x, y in points) + "z"
    return Shape(path, (), "cue", name, body=False)


def with_cue(sk: Skeleton, parent: str, cue: Shape, layer: str) -> Skeleton:
    """The same skeleton with a motion cue moving with ``parent``, drawn in ``layer``."""
    out = Skeleton(sk.view, layers=sk.layers, nodes=dict(sk.nodes))
    out.add(Node("cue_" + cue.name, parent, (0, 0), 0, (cue,), layer))
    return out


def disc(x: float, y: float, r: float, paint: str, name: str = "") -> Shape:
    return hull([(x, y, r)], paint, name)


def arc_cap(cx: float, cy: float, r: float, a0: float, a1: float, paint: str) -> Shape:
    """A circular segment from angle a0 to a1 (counter-clockwise), closed by its chord."""
    p0 = (cx + r * math.cos(math.radians(a0)), cy + r * math.sin(math.radians(a0)))
    p1 = (cx + r * math.cos(math.radians(a1)), cy + r * math.sin(math.radians(a1)))
    large = 1 if (a1 - a0) % 360 > 180 else 0
    path = f"M{fmt(p0[0])} {fmt(p0[1])}A{fmt(r)} {fmt(r)} 0 {large} 1 {fmt(p1[0])} {fmt(p1[1])}z"
    span = (a1 - a0) % 360
    steps = max(2, int(span // 10))
    outline = [
        (
            cx + r * math.cos(math.radians(a0 + span * k / steps)),
            cy + r * math.sin(math.radians(a0 + span * k / steps)),
        )
        for k in range(steps + 1)
    ]
    return Shape(path, tuple(outline), paint)


@dataclass(frozen=True)
class Node:
    name: str
    parent: str | None
    at: Point
    rest: float
    shapes: tuple[Shape, ...] = ()
    layer: str = "torso"
    length: float = 0.0  # the segment's length (to its main child), for the tests


@dataclass
class Skeleton:
    view: str
    nodes: dict[str, Node] = field(default_factory=dict)
    layers: tuple[str, ...] = ()

    def add(self, node: Node) -> None:
        assert node.parent is None or node.parent in self.nodes, node.name
        self.nodes[node.name] = node

    def chain(self, name: str) -> list[Node]:
        """The node and its ancestors, root first."""
        out: list[Node] = []
        node: Node | None = self.nodes[name]
        while node is not None:
            out.append(node)
            node = self.nodes[node.parent] if node.parent else None
        return out[::-1]


# --- side view ------------------------------------------------------------------------------


def _side_limbs(sk: Skeleton, side: str) -> None:
    near = side == "near"
    sfx = "" if near else "_far"
    paint = "near" if near else "far"
    arm_layer = leg_layer = side
    sk.add(
        Node(
            "shoulder" + sfx,
            "thorax",
            (SHOULDER_AT, 0.5),
            180,
            (segment(UPPER_ARM, 5.3, 3.9, paint, (5, 0.3, 5.3)),),
            arm_layer,
            UPPER_ARM,
        )
    )
    sk.add(
        Node(
            "elbow" + sfx,
            "shoulder" + sfx,
            (UPPER_ARM, 0),
            0,
            (segment(FOREARM, 3.9, 2.8, paint, (7, 0, 4.1)),),
            arm_layer,
            FOREARM,
        )
    )
    hand = (hull([(0, 0, 2.8), (8.5, 0.6, 3.3), (15, 0.6, 2.1)], paint, "hand" + sfx),)
    sk.add(Node("wrist" + sfx, "elbow" + sfx, (FOREARM, 0), 0, hand, arm_layer, HAND))
    sk.add(
        Node(
            "hip" + sfx,
            "pelvis",
            (0, 0),
            180,
            (segment(THIGH, 8.3, 5.6, paint, (14, 0.6, 7.9)),),
            leg_layer,
            THIGH,
        )
    )
    sk.add(
        Node(
            "knee" + sfx,
            "hip" + sfx,
            (THIGH, 0),
            0,
            (segment(SHIN, 5.6, 3.4, paint, (12, -1.3, 5.7)),),
            leg_layer,
            SHIN,
        )
    )
    sk.add(
        Node(
            "ankle" + sfx,
            "knee" + sfx,
            (SHIN, 0),
            90,
            (hull([(0, 0, 3.4), (-3.5, -4.3, 3.3), (13, -5.6, 2.0), (18.5, -6.1, 1.5)], paint),),
            leg_layer,
            20.0,
        )
    )


def side(belly: bool = False) -> Skeleton:
    """Seen from the figure's right side, facing +x; ``belly`` adds a belly that can swell."""
    sk = Skeleton("side", layers=("far", "torso", "near"))
    sk.add(
        Node(
            "pelvis",
            None,
            (0, 0),
            0,
            (hull([(1, 4.5, 10.5), (4, -2, 9), (10, 1, 10)], "body"),),
            "torso",
            PELVIS,
        )
    )
    lumbar_shapes = [hull([(0, 1, 10), (8, -0.5, 10), (LUMBAR, 0.3, 10.3)], "body")]
    if belly:
        # A belly that swells with the breath (scaled forward by its own channel).
        lumbar_shapes.append(hull([(4, -3, 7.5), (10, -4, 7.5)], "body", "belly"))
    sk.add(Node("lumbar", "pelvis", (PELVIS, 0), 0, tuple(lumbar_shapes), "torso", LUMBAR))
    sk.add(
        Node(
            "thorax",
            "lumbar",
            (LUMBAR, 0),
            0,
            (
                hull(
                    [(0, 0.5, 10.3), (10, -0.8, 11.6), (19, 0.6, 10), (THORAX, 1.2, 6.4)],
                    "body",
                    "chest",
                ),
            ),
            "torso",
            THORAX,
        )
    )
    sk.add(
        Node(
            "neck",
            "thorax",
            (THORAX, 0.6),
            0,
            (segment(NECK + 1, 5.4, 5.0, "body"),),
            "torso",
            NECK,
        )
    )
    head: tuple[Shape, ...] = (
        hull([(9, 1.5, 10.5), (4, -4.5, 6.6), (8.3, -10.6, 1.6)], "body"),
        arc_cap(9.2, 1.8, 10.9, -55, 152, "hair"),
    )
    sk.add(Node("head", "neck", (NECK, 0), 0, head, "torso", 0.0))
    _side_limbs(sk, "far")
    _side_limbs(sk, "near")
    return sk


# --- front view (also the back, seen from above when lying face down) ------------------------


def front(back: bool = False, foreshorten_left_forearm: bool = False) -> Skeleton:
    """Facing us, standing: local +y of the trunk points to screen left (the figure's right).

    ``back`` draws the back of the head (all hair), for a figure seen from behind or lying
    face down seen from above.
    """
    sk = Skeleton("front", layers=("legs", "torso", "arms"))
    sk.add(
        Node(
            "pelvis",
            None,
            (0, 0),
            0,
            (hull([(-1, 8.2, 9.6), (-1, -8.2, 9.6), (9, 0, 12.6)], "body"),),
            "torso",
            PELVIS,
        )
    )
    sk.add(
        Node(
            "lumbar",
            "pelvis",
            (PELVIS, 0),
            0,
            (
                hull(
                    [(0, 4.5, 10), (0, -4.5, 10), (LUMBAR, 3.5, 10.5), (LUMBAR, -3.5, 10.5)], "body"
                ),
            ),
            "torso",
            LUMBAR,
        )
    )
    sk.add(
        Node(
            "thorax",
            "lumbar",
            (LUMBAR, 0),
            0,
            (
                hull(
                    [
                        (0, 4, 10.5),
                        (0, -4, 10.5),
                        (11, 5.5, 11.5),
                        (11, -5.5, 11.5),
                        (20.5, 13.5, 7.2),
                        (20.5, -13.5, 7.2),
                        (THORAX, 0, 7),
                    ],
                    "body",
                ),
            ),
            "torso",
            THORAX,
        )
    )
    sk.add(
        Node(
            "neck", "thorax", (THORAX, 0), 0, (segment(NECK + 1, 5.2, 4.8, "body"),), "torso", NECK
        )
    )
    head_shapes: tuple[Shape, ...]
    if back:
        head_shapes = (
            disc(1.5, 7.2, 2.3, "body"),
            disc(1.5, -7.2, 2.3, "body"),
            hull([(10, 0, 10.2), (4, 3.5, 6.5), (4, -3.5, 6.5)], "hair"),
        )
    else:
        head_shapes = (
            disc(8, 9.6, 2.4, "body"),
            disc(8, -9.6, 2.4, "body"),
            hull([(10, 0, 10), (3.5, 3.6, 6.4), (3.5, -3.6, 6.4)], "body"),
            arc_cap(10.2, 0, 10.6, -112, 112, "hair"),
        )
    sk.add(Node("head", "neck", (NECK, 0), 0, head_shapes, "torso", 0.0))
    for side_name, sign in (("r", 1), ("l", -1)):
        # r is the figure's right: screen left when facing us.
        sk.add(
            Node(
                "shoulder_" + side_name,
                "thorax",
                (20.5, sign * SHOULDER_HALF),
                180,
                (segment(UPPER_ARM, 5.2, 3.9, "body", (5, 0, 5.2)),),
                "arms",
                UPPER_ARM,
            )
        )
        if foreshorten_left_forearm and side_name == "l":
            forearm: tuple[Shape, ...] = (
                disc(0, 0, 4.2, "near"),
                taper(FOREARM, 4.0, 2.9, "near", "fa_l"),
            )
            hand: tuple[Shape, ...] = (
                disc(0, 0, 3.4, "near"),
                hull([(4, 0, 3.6)], "near", "hand_l"),
            )
        else:
            forearm = (segment(FOREARM, 3.9, 2.8, "body", (7, 0, 4.1)),)
            hand = (hull([(0, 0, 2.8), (8.5, 0, 3.2), (15, 0, 2.1)], "body"),)
        sk.add(
            Node(
                "elbow_" + side_name,
                "shoulder_" + side_name,
                (UPPER_ARM, 0),
                0,
                forearm,
                "arms",
                FOREARM,
            )
        )
        sk.add(
            Node("wrist_" + side_name, "elbow_" + side_name, (FOREARM, 0), 0, hand, "arms", HAND)
        )
        sk.add(
            Node(
                "hip_" + side_name,
                "pelvis",
                (0, sign * HIP_HALF),
                180,
                (segment(THIGH, 8.6, 5.6, "body", (14, -sign * 0.6, 8.2)),),
                "legs",
                THIGH,
            )
        )
        sk.add(
            Node(
                "knee_" + side_name,
                "hip_" + side_name,
                (THIGH, 0),
                0,
                (segment(SHIN, 5.6, 3.5, "body", (12, sign * 0.4, 5.8)),),
                "legs",
                SHIN,
            )
        )
        sk.add(
            Node(
                "ankle_" + side_name,
                "knee_" + side_name,
                (SHIN, 0),
                0,
                (hull([(0, 0, 3.5), (4, sign * -1.5, 3.6), (4, sign * 2.5, 3.4)], "body"),),
                "legs",
                ANKLE_HEIGHT,
            )
        )
    return sk


# --- from above, sitting -----------------------------------------------------------------------


def top_seated() -> Skeleton:
    """A seated figure seen from above, facing local +x; +y is the figure's left."""
    sk = Skeleton("top", layers=("legs", "torso", "head"))
    sk.add(
        Node(
            "pelvis",
            None,
            (0, 0),
            0,
            (hull([(-2, 9, 10), (-2, -9, 10), (3, 0, 11)], "body"),),
            "torso",
        )
    )
    for side_name, sign in (("r", -1), ("l", 1)):
        sk.add(
            Node(
                "hip_" + side_name,
                "pelvis",
                (0, sign * HIP_HALF),
                0,
                (
                    # The foot pokes out beyond the knee; the shin points straight down at the
                    # floor, so from above it hides under the knee.
                    hull(
                        [
                            (THIGH - 1, 0, 3.6),
                            (THIGH + 12, sign * 1.5, 4.1),
                            (THIGH + 15, sign * 1.5, 3.6),
                        ],
                        "far",
                    ),
                    segment(THIGH, 8.8, 6.0, "body", (14, 0, 8.4)),
                ),
                "legs",
                THIGH,
            )
        )
    arms = []
    for sign in (1, -1):
        shoulder = (-1.0, sign * SHOULDER_HALF)
        elbow = (13.0, sign * 15.0)
        hand = (9.0, -sign * 12.5)
        arms.append(hull([(*shoulder, 5.4), (*elbow, 4.1)], "near"))
        arms.append(hull([(*elbow, 4.0), (*hand, 3.0)], "near"))
        arms.append(disc(hand[0], hand[1], 3.4, "near"))
    sk.add(
        Node(
            "trunk",
            "pelvis",
            (0, 0),
            0,
            (
                hull([(-3, 14.5, 7.2), (-3, -14.5, 7.2), (2, 0, 11.5), (-4, 0, 10.5)], "body"),
                *arms,
            ),
            "torso",
        )
    )
    sk.add(
        Node(
            "head",
            "trunk",
            (-1, 0),
            0,
            (
                disc(0, 8.4, 2.4, "body"),
                disc(0, -8.4, 2.4, "body"),
                hull([(10.4, 0, 1.9), (2, 0, 8.3)], "body"),
                hull([(-1, 0, 8.3), (2.5, 0, 7.2)], "hair"),
            ),
            "head",
        )
    )
    return sk


# --- from the head end, lying on one side ----------------------------------------------------


def axial() -> Skeleton:
    """Lying on the left side, seen from beyond the top of the head looking down the body
    toward the feet: the front of the body faces +x, the top side is up. A twist of the
    chest about the long axis of the body is a turn in the picture.
    """
    sk = Skeleton("axial", layers=("far", "torso", "near", "head"))
    # Hips and knees, furthest away: the pelvis on its side, thighs forward, knees stacked.
    sk.add(
        Node(
            "hips",
            None,
            (0, 0),
            0,
            (
                hull([(-1, 8.5, 9.8), (-1, -8.5, 9.8), (3, 0, 11)], "far"),
                hull([(0, -HIP_HALF, 8.3), (THIGH, -HIP_HALF, 5.6)], "far"),
                hull([(0, HIP_HALF, 8.3), (THIGH, 2.2 - HIP_HALF, 5.6)], "far"),
            ),
            "far",
        )
    )
    sk.add(
        Node(
            "chest",
            "hips",
            (0, 5),
            0,
            (
                hull(
                    [
                        (-1.5, 9, 10.5),
                        (-1.5, -9, 10.5),
                        (2.5, 0, 11.5),
                        (0, 16.5, 6.5),
                        (0, -16.5, 6.5),
                    ],
                    "body",
                    "girdle",
                ),
            ),
            "torso",
        )
    )
    for side_name, sign, layer in (("_far", -1, "torso"), ("", 1, "near")):
        paint = "body" if side_name else "near"
        sk.add(
            Node(
                "shoulder" + side_name,
                "chest",
                (0, sign * SHOULDER_HALF),
                0,
                (segment(UPPER_ARM, 5.3, 3.9, paint, (5, 0, 5.3)),),
                layer,
                UPPER_ARM,
            )
        )
        sk.add(
            Node(
                "elbow" + side_name,
                "shoulder" + side_name,
                (UPPER_ARM, 0),
                0,
                (segment(FOREARM, 3.9, 2.8, paint, (7, 0, 4.1)),),
                layer,
                FOREARM,
            )
        )
        sk.add(
            Node(
                "wrist" + side_name,
                "elbow" + side_name,
                (FOREARM, 0),
                0,
                (hull([(0, 0, 2.8), (8.5, 0, 3.1), (15, 0, 2.0)], paint),),
                layer,
                HAND,
            )
        )
    # The head, nearest: seen from its crown, all hair, the nose and ears at its rim.
    sk.add(
        Node(
            "head",
            "chest",
            (3, 0),
            0,
            (
                disc(0, 9.6, 2.6, "body"),
                disc(0, -9.6, 2.6, "body"),
                hull([(9.6, 0, 2.3), (0, 0, 9.4)], "body"),
                hull([(-0.6, 0, 9.6)], "hair"),
            ),
            "head",
        )
    )
    return sk


# --- from above, standing ----------------------------------------------------------------------


LEG_TOP = 40.0  # drawing length of a leg seen from above: scaled to where its foot is


def top_standing() -> Skeleton:
    """A standing figure seen from above, facing local +x; +y is the figure's left. The arms
    reach out sideways in the picture; forearms pointing straight up are seen end-on (a hand
    at the elbow) and upper arms that dip below the shoulders are foreshortened."""
    sk = Skeleton("top", layers=("legs", "torso", "arms", "head"))
    hips = hull([(-2, 9, 9.5), (-2, -9, 9.5), (2, 0, 10)], "body")
    sk.add(Node("pelvis", None, (0, 0), 0, (hips,), "torso"))
    for side_name, sign in (("r", -1), ("l", 1)):
        # A leg seen from above: as long as its foot is from under the hip (foreshortened).
        sk.add(
            Node(
                "leg_" + side_name,
                "pelvis",
                (0, sign * HIP_HALF),
                0,
                (taper(LEG_TOP, 7.6, 5.0, "near", "lg_" + side_name),),
                "legs",
                LEG_TOP,
            )
        )
        sk.add(
            Node(
                "foot_" + side_name,
                "leg_" + side_name,
                (LEG_TOP, 0),
                0,
                (hull([(-3, 0, 4.8), (13, sign * 1.0, 5.4), (19, sign * 1.2, 4.2)], "near"),),
                "legs",
            )
        )
    sk.add(
        Node(
            "trunk",
            "pelvis",
            (0, 0),
            0,
            (hull([(-3, 14.5, 7.2), (-3, -14.5, 7.2), (2, 0, 11.5), (-4, 0, 10.5)], "body"),),
            "torso",
        )
    )
    for side_name, sign in (("r", -1), ("l", 1)):
        sk.add(
            Node(
                "shoulder_" + side_name,
                "trunk",
                (-1, sign * SHOULDER_HALF),
                sign * 90,
                (taper(UPPER_ARM, 5.4, 4.0, "near", "ua_" + side_name), disc(0, 0, 5.4, "near")),
                "arms",
                UPPER_ARM,
            )
        )
        sk.add(
            Node(
                "elbow_" + side_name,
                "shoulder_" + side_name,
                (UPPER_ARM, 0),
                0,
                (disc(0, 0, 4.2, "near"), hull([(0.5, 0, 3.6)], "body")),
                "arms",
            )
        )
    sk.add(
        Node(
            "head",
            "trunk",
            (-1, 0),
            0,
            (
                disc(0, 8.4, 2.4, "body"),
                disc(0, -8.4, 2.4, "body"),
                hull([(10.4, 0, 1.9), (2, 0, 8.3)], "body"),
                hull([(-1, 0, 8.3), (2.5, 0, 7.2)], "hair"),
            ),
            "head",
        )
    )
    return sk
