"""Shared helpers for the figure tests: each drawing built once per test process, its key
poses, and the frames the browser shows (the written keyframes, interpolated)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from exercise_figures import library
from exercise_figures.animate import Animation, Contact, Drawing, Pose, animate, rendered
from exercise_figures.geometry import Point
from exercise_figures.kinematics import Frame, forward
from exercise_figures.scene import Below, Solid, Spot

FRAMES_PER_SECOND = 8


@cache
def drawing(exercise_id: str) -> Drawing:
    return library.DRAWINGS[exercise_id]()


@cache
def animation(exercise_id: str) -> Animation:
    return animate(drawing(exercise_id))


@cache
def key_poses(exercise_id: str) -> tuple[Pose, ...]:
    d = drawing(exercise_id)
    return tuple(d.key_pose(i) for i in range(len(d.keys)))


@dataclass(frozen=True)
class Shown:
    """One frame as drawn: when, its channels, and which keys it lies between."""

    t: float
    channels: dict[str, float]
    between: tuple[int, int]


@cache
def shown_frames(exercise_id: str) -> tuple[Shown, ...]:
    """Frames as the browser draws them, a few per second through the loop."""
    d = drawing(exercise_id)
    a = animation(exercise_id)
    count = max(8, round(d.cycle * FRAMES_PER_SECOND))
    out = []
    for i in range(count):
        t = d.cycle * (i + 0.5) / count
        out.append(Shown(t, rendered(d, a, t), _between(d, t)))
    return tuple(out)


def _between(d: Drawing, t: float) -> tuple[int, int]:
    if d.phase is not None:
        return (-1, -1)
    start = 0.0
    n = len(d.keys)
    for i, key in enumerate(d.keys):
        if t < start + key.hold:
            return (i, i)
        if t < start + key.hold + key.move:
            return (i, (i + 1) % n)
        start += key.hold + key.move
    return (0, 0)


_FRAMES: dict[tuple[str, frozenset[tuple[str, float]]], Frame] = {}


def frame(exercise_id: str, channels: dict[str, float]) -> Frame:
    """Where everything is, for channels; kept, since several tests look at each frame."""
    key = (exercise_id, frozenset(channels.items()))
    if key not in _FRAMES:
        _FRAMES[key] = forward(drawing(exercise_id).skeleton, channels)
    return _FRAMES[key]


def solids(exercise_id: str, channels: dict[str, float]) -> list[Solid]:
    d = drawing(exercise_id)
    found: list[Solid] = [Below(d.ground)]
    for prop in d.props:
        found.extend(prop.solids_at(channels))
    return found


def outline(f: Frame, node: str) -> list[Point]:
    return list(f.shape_points(node))


def _segment_distance(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length2 = dx * dx + dy * dy
    u = (
        0.0
        if length2 == 0
        else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2))
    )
    return math.dist(p, (a[0] + u * dx, a[1] + u * dy))


def _inside(poly: list[Point], p: Point) -> bool:
    inside = False
    for i in range(len(poly)):
        a, c = poly[i], poly[(i + 1) % len(poly)]
        if (a[1] > p[1]) != (c[1] > p[1]):
            x = a[0] + (p[1] - a[1]) * (c[0] - a[0]) / (c[1] - a[1])
            if x > p[0]:
                inside = not inside
    return inside


def contact_gap(d: Drawing, f: Frame, contact: Contact) -> tuple[float, float]:
    """(closest approach, deepest sinking) of a contact's body part to its surface: both
    near zero when the part rests on the surface."""
    surface = d.surfaces[contact.surface]
    if contact.point is not None:
        p = f.point(contact.node, contact.point)
        dist = surface.distance(p)
        return abs(dist), min(0.0, dist)
    shapes = [poly for node in contact.node.split("+") for poly in _node_polygons(f, node)]
    if isinstance(surface, Spot):
        best = math.inf
        sink = 0.0
        for poly in shapes:
            edge = min(
                _segment_distance(surface.at, poly[i], poly[(i + 1) % len(poly)])
                for i in range(len(poly))
            )
            best = min(best, edge)
            if _inside(poly, surface.at):
                sink = min(sink, -edge)
        return best, sink
    dists = [surface.distance(p) for poly in shapes for p in poly]
    return abs(min(dists)) if min(dists) >= 0 else 0.0, min(0.0, min(dists))


def _node_polygons(f: Frame, node: str) -> list[list[Point]]:
    from exercise_figures.kinematics import shape_local

    world = f.nodes[node]
    out = []
    for shape in f.skeleton.nodes[node].shapes:
        if shape.body:
            m = world @ shape_local(shape, f.channels)
            out.append(_dense([m.apply(p) for p in shape.outline]))
    return out


def _dense(poly: list[Point], step: float = 0.5) -> list[Point]:
    """Points along every edge, so a long straight side touches what it touches."""
    out: list[Point] = []
    for i, a in enumerate(poly):
        b = poly[(i + 1) % len(poly)]
        n = max(1, math.ceil(math.dist(a, b) / step))
        out.extend((a[0] + (b[0] - a[0]) * k / n, a[1] + (b[1] - a[1]) * k / n) for k in range(n))
    return out


def active_contacts(d: Drawing, between: tuple[int, int]) -> tuple[Contact, ...]:
    """Contacts that hold at a frame: a key's own, or those both neighbouring keys share."""
    if between == (-1, -1):
        return ()
    a, b = between
    own: tuple[Contact, ...] = d.keys[a].contacts
    if a == b:
        return own
    return tuple(c for c in own if c.stays and c in d.keys[b].contacts)
