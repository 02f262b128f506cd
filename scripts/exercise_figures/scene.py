"""Props (floor, mat, wall, chair, doorway, foam roller) and the solid shapes the tests use.

Every prop draws itself in world coordinates (y up, centimetres) and names its solids: the
regions a body must stay out of, each with a signed distance (negative inside).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from .geometry import Point, fmt

MAT = 1.5  # mat thickness: the ground a body rests on when there is a mat

FLOOR_INK = "#8b9497"
MAT_FILL, MAT_EDGE = "#bfdccc", "#8fbba3"
WALL_FILL, WALL_EDGE = "#ebe5da", "#c3b8a4"
WOOD, WOOD_DARK = "#b08a5e", "#8a6a44"
ROLLER_FILL, ROLLER_EDGE = "#f3b760", "#bb8434"
SHADOW = "#d7e3e6"


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def w(self) -> float:
        return self.x1 - self.x0

    @property
    def h(self) -> float:
        return self.y1 - self.y0

    def union(self, other: Box) -> Box:
        return Box(
            min(self.x0, other.x0),
            min(self.y0, other.y0),
            max(self.x1, other.x1),
            max(self.y1, other.y1),
        )

    def contains(self, p: Point, tol: float = 0.0) -> bool:
        return self.x0 - tol <= p[0] <= self.x1 + tol and self.y0 - tol <= p[1] <= self.y1 + tol

    @staticmethod
    def around(points: list[Point]) -> Box:
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        return Box(min(xs), min(ys), max(xs), max(ys))


# --- solids ---------------------------------------------------------------------------------


class Solid:
    name = "solid"

    def distance(self, p: Point) -> float:  # signed: negative inside
        raise NotImplementedError


@dataclass(frozen=True)
class Below(Solid):
    """Everything under a height: the floor or a mat."""

    y: float
    name: str = "floor"

    def distance(self, p: Point) -> float:
        return p[1] - self.y


@dataclass(frozen=True)
class RightOf(Solid):
    """A wall filling everything right of x."""

    x: float
    name: str = "wall"

    def distance(self, p: Point) -> float:
        return self.x - p[0]


@dataclass(frozen=True)
class Block(Solid):
    box: Box
    name: str = "block"

    def distance(self, p: Point) -> float:
        b = self.box
        dx = max(b.x0 - p[0], 0.0, p[0] - b.x1)
        dy = max(b.y0 - p[1], 0.0, p[1] - b.y1)
        if dx == 0 and dy == 0:
            return -min(p[0] - b.x0, b.x1 - p[0], p[1] - b.y0, b.y1 - p[1])
        return math.hypot(dx, dy)


@dataclass(frozen=True)
class Spot(Solid):
    """A point or edge a body leans on (the top of a chair's back rest)."""

    at: Point
    name: str = "edge"

    def distance(self, p: Point) -> float:
        return math.dist(p, self.at)


@dataclass(frozen=True)
class Slab(Solid):
    """A leaning board, its front face from ``p0`` (bottom) to ``p1`` (top); the body stays
    in front (+x side for a board rising up the picture)."""

    p0: Point
    p1: Point
    name: str = "chair back"

    def face(self, p: Point) -> float:
        """Signed distance to the face's line: positive in front (right of bottom->top);
        infinite beside the board (above its top or below its bottom)."""
        dx, dy = self.p1[0] - self.p0[0], self.p1[1] - self.p0[1]
        length = math.hypot(dx, dy)
        u = ((p[0] - self.p0[0]) * dx + (p[1] - self.p0[1]) * dy) / (length * length)
        if not 0.0 <= u <= 1.0:
            return math.inf
        return ((p[0] - self.p0[0]) * dy - (p[1] - self.p0[1]) * dx) / length

    def distance(self, p: Point) -> float:
        side = self.face(p)
        return side if side > -3.0 else math.inf  # well behind the board is not inside it


@dataclass(frozen=True)
class Disc(Solid):
    center: Point
    r: float
    name: str = "roller"

    def distance(self, p: Point) -> float:
        return math.dist(p, self.center) - self.r


# --- props ----------------------------------------------------------------------------------


@dataclass(kw_only=True)
class Prop:
    """Something drawn behind the figure (or in front, ``front=True``)."""

    solids: list[Solid] = field(default_factory=list)
    front: bool = False
    name: str = ""  # set when the prop moves (its channels are name, name.x, name.y)
    after: str = ""  # draw it just after this layer of the figure (a pillow under the head)

    @property
    def center(self) -> Point:
        return 0.0, 0.0

    def solids_at(self, ch: Mapping[str, float]) -> list[Solid]:
        return self.solids

    def svg(self, frame: Box) -> str:
        raise NotImplementedError

    def must_show(self) -> Box | None:
        """The part of the prop the picture must include, if any."""
        return None


@dataclass
class Floor(Prop):
    def __post_init__(self) -> None:
        self.solids = [Below(0.0)]

    def svg(self, frame: Box) -> str:
        return (
            f'<path d="M{fmt(frame.x0)} -.8H{fmt(frame.x1)}" stroke="{FLOOR_INK}" '
            f'stroke-width="1.6"/>'
        )


@dataclass
class Mat(Prop):
    x0: float = -100.0
    x1: float = 100.0

    def __post_init__(self) -> None:
        self.solids = [Below(MAT, "mat")]

    def svg(self, frame: Box) -> str:
        x0, x1 = max(self.x0, frame.x0 - 2), min(self.x1, frame.x1 + 2)
        return (
            f'<rect x="{fmt(x0)}" y="0" width="{fmt(x1 - x0)}" height="{fmt(MAT)}" rx=".7" '
            f'fill="{MAT_FILL}" stroke="{MAT_EDGE}" stroke-width=".5"/>'
        )


@dataclass
class Wall(Prop):
    """A wall seen edge-on, its face at x, filling to the right."""

    x: float = 0.0

    def __post_init__(self) -> None:
        self.solids = [RightOf(self.x)]

    def svg(self, frame: Box) -> str:
        top = frame.y1 + 2
        return (
            f'<rect x="{fmt(self.x)}" y="-1" width="{fmt(frame.x1 - self.x + 2)}" '
            f'height="{fmt(top + 1)}" fill="{WALL_FILL}"/>'
            f'<path d="M{fmt(self.x)} -1V{fmt(top)}" stroke="{WALL_EDGE}" stroke-width="1.2"/>'
        )

    def must_show(self) -> Box | None:
        return Box(self.x, 0, self.x + 8, 10)


@dataclass
class WallBehind(Prop):
    """A wall behind a figure seen from the front: a panel from the floor up."""

    x0: float = -60.0
    x1: float = 60.0

    def svg(self, frame: Box) -> str:
        top = frame.y1 + 2
        return (
            f'<rect x="{fmt(max(self.x0, frame.x0 - 2))}" y="0" '
            f'width="{fmt(min(self.x1, frame.x1 + 2) - max(self.x0, frame.x0 - 2))}" '
            f'height="{fmt(top)}" fill="{WALL_FILL}"/>'
        )


@dataclass
class Chair(Prop):
    """A side-view chair: the seat's front edge at x_front, the back rest behind the sitter.

    The sitter faces +x.
    """

    x_front: float = 0.0
    seat: float = 43.0
    depth: float = 42.0
    back: float = 40.0  # back rest height above the seat (0: a stool)
    back_lean: float = 8.0  # degrees the back rest leans back

    def __post_init__(self) -> None:
        self.solids = [
            Block(Box(self.x_back, self.seat - 3, self.x_front, self.seat), "seat"),
        ]
        if self.back:
            self.solids.append(Slab((self.x_back + 0.5, self.seat), self.back_top))

    @property
    def x_back(self) -> float:
        return self.x_front - self.depth

    @property
    def back_top(self) -> Point:
        lean = math.tan(math.radians(self.back_lean)) * self.back
        return self.x_back - lean, self.seat + self.back

    @property
    def back_box(self) -> Box:
        # The back rest as a thin block (the tests treat its lean as upright: it is only a
        # few centimetres over its height, and the figure is tested against its front face).
        top = self.back_top
        return Box(top[0] - 3, self.seat, self.x_back + 0.5, top[1])

    def svg(self, frame: Box) -> str:
        xb, xf, s = self.x_back, self.x_front, self.seat
        parts = [
            f'<path d="M{fmt(xf - 2)} 0V{fmt(s - 3)}M{fmt(xb + 2)} 0V{fmt(s - 3)}" '
            f'stroke="{WOOD_DARK}" stroke-width="2.6"/>',
            f'<rect x="{fmt(xb)}" y="{fmt(s - 3.5)}" width="{fmt(self.depth)}" height="3.5" '
            f'rx="1" fill="{WOOD}"/>',
        ]
        if self.back:
            top = self.back_top
            parts.append(
                f'<path d="M{fmt(xb + 1)} {fmt(s - 2)}L{fmt(top[0] - 0.5)} {fmt(top[1] - 1)}" '
                f'stroke="{WOOD}" stroke-width="3" stroke-linecap="round"/>'
            )
        return "".join(parts)

    def must_show(self) -> Box | None:
        top = self.back_top[1] if self.back else self.seat
        return Box(self.x_back - 4, 0, self.x_front + 1, top)


@dataclass
class Roller(Prop):
    """A foam roller lying across the mat. It rolls with the body: its channel ``roller.x``
    shifts it and ``roller`` turns it (a roller under a body moved by d travels d / 2)."""

    x: float = 0.0
    r: float = 7.5
    name: str = "roller"

    @property
    def center(self) -> Point:
        return self.x, MAT + self.r

    def __post_init__(self) -> None:
        self.front = True

    def solids_at(self, ch: Mapping[str, float]) -> list[Solid]:
        cx, cy = self.center
        return [Disc((cx + ch.get("roller.x", 0.0), cy), self.r)]

    def svg(self, frame: Box) -> str:
        """Drawn about its own centre; the writer places and turns it."""
        r = self.r
        return (
            f'<circle r="{fmt(r)}" fill="{ROLLER_FILL}" stroke="{ROLLER_EDGE}" '
            f'stroke-width="1"/><circle r="{fmt(r * 0.42)}" fill="none" stroke="{ROLLER_EDGE}" '
            f'stroke-width=".8"/><path d="M{fmt(r * 0.42)} 0H{fmt(r - 0.5)}" '
            f'stroke="{ROLLER_EDGE}" stroke-width=".9"/>'
        )

    def must_show(self) -> Box | None:
        cx, cy = self.center
        return Box(cx - self.r, 0, cx + self.r, cy + self.r)


# --- seen from above ------------------------------------------------------------------------


@dataclass
class TopMat(Prop):
    box: Box = field(default_factory=lambda: Box(-100, -40, 100, 40))

    def svg(self, frame: Box) -> str:
        b = self.box
        return (
            f'<rect x="{fmt(b.x0)}" y="{fmt(b.y0)}" width="{fmt(b.w)}" height="{fmt(b.h)}" '
            f'rx="3" fill="{MAT_FILL}" stroke="{MAT_EDGE}" stroke-width=".8"/>'
        )

    def must_show(self) -> Box | None:
        return None


@dataclass
class TopChair(Prop):
    """A chair from above: the seat square and the back rest along its far (+y) edge; the
    sitter faces -y, down the picture."""

    seat: Box = field(default_factory=lambda: Box(-24, -22, 20, 22))

    def svg(self, frame: Box) -> str:
        s = self.seat
        return (
            f'<rect x="{fmt(s.x0)}" y="{fmt(s.y0)}" width="{fmt(s.w)}" height="{fmt(s.h)}" '
            f'rx="3" fill="{WOOD}" stroke="{WOOD_DARK}" stroke-width=".8"/>'
            f'<rect x="{fmt(s.x0 + 1)}" y="{fmt(s.y1 + 1)}" width="{fmt(s.w - 2)}" height="5" '
            f'rx="2" fill="{WOOD_DARK}"/>'
        )

    def must_show(self) -> Box | None:
        s = self.seat
        return Box(s.x0, s.y0, s.x1, s.y1 + 6)


@dataclass
class TopRect(Prop):
    """A flat rectangle seen from above (a folded towel, a pillow)."""

    box: Box = field(default_factory=lambda: Box(-10, -10, 10, 10))
    fill: str = "#f1ede4"
    edge: str = "#cfc6b4"

    def svg(self, frame: Box) -> str:
        b = self.box
        return (
            f'<rect x="{fmt(b.x0)}" y="{fmt(b.y0)}" width="{fmt(b.w)}" height="{fmt(b.h)}" '
            f'rx="3" fill="{self.fill}" stroke="{self.edge}" stroke-width=".7"/>'
        )


@dataclass
class Pillow(Prop):
    """A pillow under the head, seen end-on: a soft block on the mat."""

    x0: float = -15.0
    x1: float = 15.0
    height: float = 7.0

    def __post_init__(self) -> None:
        # Nearer to us than the body: only the head rests on it (a contact, not a solid).
        self.after = "near"

    @property
    def top(self) -> float:
        return MAT + self.height

    def svg(self, frame: Box) -> str:
        return (
            f'<rect x="{fmt(self.x0)}" y="{fmt(MAT - 0.5)}" width="{fmt(self.x1 - self.x0)}" '
            f'height="{fmt(self.height + 0.5)}" rx="3.5" fill="#f1ede4" stroke="#cfc6b4" '
            f'stroke-width=".7"/>'
        )


@dataclass
class TopDoorway(Prop):
    """A doorway seen from above: the wall (thickness along y, centred on y = 0) on both
    sides of an opening ``half`` either side of x = 0, with its door frame."""

    half: float = 44.0
    thickness: float = 12.0
    reach: float = 46.0  # how much wall to draw either side

    def __post_init__(self) -> None:
        t = self.thickness / 2
        self.solids = [
            Block(Box(self.half, -t, self.half + self.reach, t), "wall"),
            Block(Box(-self.half - self.reach, -t, -self.half, t), "wall"),
        ]

    def svg(self, frame: Box) -> str:
        t = self.thickness / 2
        parts = []
        for x0 in (self.half, -self.half - self.reach):
            parts.append(
                f'<rect x="{fmt(x0)}" y="{fmt(-t)}" width="{fmt(self.reach)}" '
                f'height="{fmt(self.thickness)}" fill="{WALL_FILL}" stroke="{WALL_EDGE}" '
                f'stroke-width=".8"/>'
            )
        for x in (self.half, -self.half - 3):  # the frame's jambs
            parts.append(
                f'<rect x="{fmt(x)}" y="{fmt(-t - 1)}" width="3" '
                f'height="{fmt(self.thickness + 2)}" fill="#e2cfb3" stroke="#b39670" '
                f'stroke-width=".6"/>'
            )
        return "".join(parts)

    def must_show(self) -> Box | None:
        t = self.thickness / 2
        return Box(-self.half - 12, -t, self.half + 12, t)
