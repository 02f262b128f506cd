"""Plane geometry for the figures: affine maps, hulls of circles, two-bone IK, a root finder.

World coordinates are y-up (the floor is y = 0); the SVG writer flips them once at the top.
Angles are degrees, counter-clockwise from +x.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import NamedTuple

Point = tuple[float, float]
Circle = tuple[float, float, float]  # cx, cy, r


def fmt(value: float) -> str:
    """A short, stable number: one decimal, no trailing zeros, never ``-0``."""
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    if text.startswith("0."):
        text = text[1:]
    elif text.startswith("-0."):
        text = "-" + text[2:]
    return "0" if text in ("-0", "") else text


def fmt2(value: float) -> str:
    """Two decimals for scale factors."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    if text.startswith("0."):
        text = text[1:]
    elif text.startswith("-0."):
        text = "-" + text[2:]
    return "0" if text in ("-0", "") else text


def direction(angle: float) -> Point:
    rad = math.radians(angle)
    return math.cos(rad), math.sin(rad)


def along(origin: Point, angle: float, length: float) -> Point:
    dx, dy = direction(angle)
    return origin[0] + dx * length, origin[1] + dy * length


def angle_of(a: Point, b: Point) -> float:
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))


def norm_angle(angle: float) -> float:
    """Into (-180, 180]."""
    angle = math.fmod(angle, 360.0)
    if angle <= -180:
        angle += 360
    elif angle > 180:
        angle -= 360
    return angle


class Affine(NamedTuple):
    """x' = a x + c y + e, y' = b x + d y + f (SVG's matrix order)."""

    a: float = 1.0
    b: float = 0.0
    c: float = 0.0
    d: float = 1.0
    e: float = 0.0
    f: float = 0.0

    def __matmul__(self, other: Affine) -> Affine:
        return Affine(
            self.a * other.a + self.c * other.b,
            self.b * other.a + self.d * other.b,
            self.a * other.c + self.c * other.d,
            self.b * other.c + self.d * other.d,
            self.a * other.e + self.c * other.f + self.e,
            self.b * other.e + self.d * other.f + self.f,
        )

    def apply(self, p: Point) -> Point:
        return self.a * p[0] + self.c * p[1] + self.e, self.b * p[0] + self.d * p[1] + self.f

    @property
    def origin(self) -> Point:
        return self.e, self.f

    @property
    def angle(self) -> float:
        """Direction of the mapped x axis."""
        return math.degrees(math.atan2(self.b, self.a))

    @staticmethod
    def translate(x: float, y: float) -> Affine:
        return Affine(e=x, f=y)

    @staticmethod
    def rotate(angle: float) -> Affine:
        c, s = direction(angle)
        return Affine(c, s, -s, c)

    @staticmethod
    def scale(sx: float, sy: float) -> Affine:
        return Affine(sx, 0.0, 0.0, sy)


# --- hulls of circles -----------------------------------------------------------------------


def _cross(o: Point, a: Point, b: Point) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def convex_hull(points: Sequence[tuple[float, float, int]]) -> list[tuple[float, float, int]]:
    """Monotone chain; counter-clockwise; each point carries the index of its circle."""
    pts = sorted(set(points))
    if len(pts) < 3:
        return list(pts)
    lower: list[tuple[float, float, int]] = []
    for p in pts:
        while len(lower) >= 2 and _cross(lower[-2][:2], lower[-1][:2], p[:2]) <= 1e-9:
            lower.pop()
        lower.append(p)
    upper: list[tuple[float, float, int]] = []
    for p in reversed(pts):
        while len(upper) >= 2 and _cross(upper[-2][:2], upper[-1][:2], p[:2]) <= 1e-9:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


STEP = 3  # degrees between samples on each circle


def circle_hull(circles: Sequence[Circle]) -> tuple[str, list[Point]]:
    """The convex hull of some circles as an SVG path of arcs and tangents, and its outline.

    The path is exact (arcs on the circles, straight tangents between them); the outline
    samples it every few degrees for the geometry tests.
    """
    samples = [
        (cx + r * math.cos(math.radians(k)), cy + r * math.sin(math.radians(k)), index)
        for index, (cx, cy, r) in enumerate(circles)
        for k in range(0, 360, STEP)
    ]
    hull = convex_hull(samples)
    if len({p[2] for p in hull}) == 1:
        cx, cy, r = circles[hull[0][2]]
        path = (
            f"M{fmt(cx - r)} {fmt(cy)}a{fmt(r)} {fmt(r)} 0 1 0 {fmt(2 * r)} 0"
            f"a{fmt(r)} {fmt(r)} 0 1 0 {fmt(-2 * r)} 0z"
        )
        return path, [(p[0], p[1]) for p in hull]
    # Start the walk at the beginning of a run, so every run is contiguous.
    start = next(i for i in range(len(hull)) if hull[i][2] != hull[i - 1][2])
    hull = hull[start:] + hull[:start]
    runs: list[list[tuple[float, float, int]]] = []
    for p in hull:
        if runs and runs[-1][-1][2] == p[2]:
            runs[-1].append(p)
        else:
            runs.append([p])
    parts: list[str] = []
    for index, run in enumerate(runs):
        cx, cy, r = circles[run[0][2]]
        first, last = run[0], run[-1]
        a0 = math.degrees(math.atan2(first[1] - cy, first[0] - cx))
        a1 = math.degrees(math.atan2(last[1] - cy, last[0] - cx))
        span = (a1 - a0) % 360
        # Stretch each arc half a step either side, to meet the true tangent points.
        a0 -= STEP / 2
        a1 += STEP / 2
        span += STEP
        p0 = (cx + r * math.cos(math.radians(a0)), cy + r * math.sin(math.radians(a0)))
        p1 = (cx + r * math.cos(math.radians(a1)), cy + r * math.sin(math.radians(a1)))
        if math.dist(p0, p1) < 1.6 and span < 60:
            # A sliver of arc between two tangents: a corner point is as good and shorter.
            mid = (
                cx + r * math.cos(math.radians((a0 + a1) / 2)),
                cy + r * math.sin(math.radians((a0 + a1) / 2)),
            )
            parts.append(("M" if index == 0 else "L") + f"{fmt(mid[0])} {fmt(mid[1])}")
            continue
        parts.append(("M" if index == 0 else "L") + f"{fmt(p0[0])} {fmt(p0[1])}")
        large = 1 if span > 180 else 0
        parts.append(f"A{fmt(r)} {fmt(r)} 0 {large} 1 {fmt(p1[0])} {fmt(p1[1])}")
    return "".join(parts) + "z", [(p[0], p[1]) for p in hull]


def circle_points(cx: float, cy: float, r: float, step: int = 10) -> list[Point]:
    return [
        (cx + r * math.cos(math.radians(k)), cy + r * math.sin(math.radians(k)))
        for k in range(0, 360, step)
    ]


# --- inverse kinematics -------------------------------------------------------------------


class Unreachable(ValueError):
    pass


def two_bone(root: Point, target: Point, l1: float, l2: float, bend: int) -> tuple[float, float]:
    """Absolute angles of two bones from ``root`` whose end reaches ``target``.

    ``bend`` is +1 or -1: which side the middle joint goes (+1 = to the left of root->target,
    counter-clockwise).
    """
    dist = math.dist(root, target)
    if dist > l1 + l2 + 1e-6 or dist < abs(l1 - l2) - 1e-6:
        raise Unreachable(f"{target} is {dist:.2f} from {root}; bones {l1} + {l2}")
    dist = min(max(dist, abs(l1 - l2) + 1e-9), l1 + l2 - 1e-9)
    base = angle_of(root, target)
    cos_a = (l1 * l1 + dist * dist - l2 * l2) / (2 * l1 * dist)
    offset = math.degrees(math.acos(max(-1.0, min(1.0, cos_a))))
    first = base + bend * offset
    mid = along(root, first, l1)
    return first, angle_of(mid, target)


def circle_meet(c1: Point, r1: float, c2: Point, r2: float, side: int) -> Point:
    """Where two circles cross; ``side`` picks one of the two points (+1 left of c1->c2)."""
    dist = math.dist(c1, c2)
    if dist > r1 + r2 + 1e-6 or dist < abs(r1 - r2) - 1e-6:
        raise Unreachable(f"circles at {c1} r{r1} and {c2} r{r2} do not meet")
    a = (r1 * r1 - r2 * r2 + dist * dist) / (2 * dist)
    h = math.sqrt(max(0.0, r1 * r1 - a * a))
    ux, uy = (c2[0] - c1[0]) / dist, (c2[1] - c1[1]) / dist
    mx, my = c1[0] + a * ux, c1[1] + a * uy
    return mx - side * h * uy, my + side * h * ux


def solve(fn: Callable[[float], float], lo: float, hi: float, tol: float = 1e-7) -> float:
    """Bisection: the x in [lo, hi] where ``fn`` changes sign."""
    f_lo = fn(lo)
    f_hi = fn(hi)
    if f_lo == 0:
        return lo
    if f_hi == 0:
        return hi
    if (f_lo > 0) == (f_hi > 0):
        raise Unreachable(f"no sign change in [{lo}, {hi}]: {f_lo:.3f}, {f_hi:.3f}")
    for _ in range(200):
        mid = (lo + hi) / 2
        f_mid = fn(mid)
        if (f_mid > 0) == (f_lo > 0):
            lo, f_lo = mid, f_mid
        else:
            hi = mid
        if hi - lo < tol:
            break
    return (lo + hi) / 2
