"""Helpers to put the figure into a posture: aim segments, reach hands and feet to points,
rest a part on a surface. They set channels; forward kinematics checks where things land.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from .animate import Pose
from .body import Skeleton
from .geometry import Affine, Point, norm_angle, solve, two_bone
from .kinematics import node_local, shape_local

SOLE = -7.6  # the sole's height in the foot frame (the ankle is 7.6 above it)


class Builder:
    """Channels under construction, with forward kinematics along one chain at a time."""

    def __init__(self, sk: Skeleton, **channels: float) -> None:
        self.sk = sk
        self.ch: dict[str, float] = dict(channels)

    def world(self, node: str) -> Affine:
        m = Affine()
        for n in self.sk.chain(node):
            m = m @ node_local(n, self.ch)
        return m

    def p(self, node: str, local: Point = (0.0, 0.0)) -> Point:
        return self.world(node).apply(local)

    def a(self, node: str) -> float:
        return self.world(node).angle

    def parent_angle(self, node: str) -> float:
        parent = self.sk.nodes[node].parent
        return self.a(parent) if parent else 0.0

    def aim(self, node: str, absolute: float) -> None:
        """Turn a node so its x axis points at ``absolute`` degrees."""
        rest = self.sk.nodes[node].rest
        self.ch[node] = norm_angle(absolute - self.parent_angle(node) - rest)

    def reach(
        self,
        first: str,
        second: str,
        target: Point,
        bend: int,
        end: str | None = None,
        end_angle: float | None = None,
        slack: bool = False,
    ) -> None:
        """Two segments from ``first``'s joint to ``target`` (where ``end``'s joint goes).

        ``slack``: a target just out of reach is pulled in along the line (a hand that
        stops short rather than an arm that stretches).
        """
        root = self.p(first)
        l1 = self.sk.nodes[first].length
        l2 = self.sk.nodes[second].length
        if slack:
            dist = math.dist(root, target)
            most = l1 + l2 - 0.2
            if dist > most:
                k = most / dist
                target = (root[0] + (target[0] - root[0]) * k, root[1] + (target[1] - root[1]) * k)
        a1, a2 = two_bone(root, target, l1, l2, bend)
        self.aim(first, a1)
        self.aim(second, a2)
        if end is not None and end_angle is not None:
            self.aim(end, end_angle)

    def lowest(self, nodes: list[str]) -> float:
        low = math.inf
        for name in nodes:
            world = self.world(name)
            for shape in self.sk.nodes[name].shapes:
                if not shape.body:
                    continue
                m = world @ shape_local(shape, self.ch)
                if shape.circles and abs(m.a * m.d - m.b * m.c - 1) < 1e-9:
                    # A rigid move of a hull of circles: its lowest point is a circle's.
                    for cx, cy, r in shape.circles:
                        low = min(low, m.b * cx + m.d * cy + m.f - r)
                    continue
                for pt in shape.outline:
                    low = min(low, m.apply(pt)[1])
        return low

    def drop_to(self, nodes: list[str], ground: float, channel: str = "pelvis.y") -> None:
        """Shift a channel (the root's height by default) so ``nodes`` just touch ``ground``.

        The channel may shift along a tilted parent's axis, so step by the measured slope.
        """
        self.ch.setdefault(channel, 0.0)
        for _ in range(8):
            low = self.lowest(nodes)
            error = ground - low
            if abs(error) < 1e-6:
                return
            self.ch[channel] += 1.0
            slope = self.lowest(nodes) - low
            self.ch[channel] += error / slope - 1.0

    def settle(self, channel: str, fn: Callable[[], float], lo: float, hi: float) -> None:
        """Set ``channel`` in [lo, hi] so that fn() is zero."""

        def at(value: float) -> float:
            self.ch[channel] = value
            return fn()

        self.ch[channel] = solve(at, lo, hi, tol=1e-3)

    def pose(self, **kw: dict[str, float]) -> Pose:
        return Pose(dict(self.ch), **kw)


def foot_flat_ankle(x: float, ground: float) -> Point:
    """Where the ankle goes for a flat foot whose ankle is above x."""
    return x, ground - SOLE


SOLE_CIRCLES = ((-3.5, -4.3, 3.3), (13.0, -5.6, 2.0), (18.5, -6.1, 1.5))  # heel, ball, toes


def foot_on_floor(x: float, angle: float, ground: float = 0.0) -> Point:
    """Where the ankle goes for a foot turned ``angle`` degrees (positive: toes up, on the
    heel; negative: heel up, on the ball and toes) resting on ``ground``; x is where the
    ankle would be with the foot flat, so a foot rolling heel to toe stays in place."""
    c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    best: Point | None = None
    for cx, cy, r in SOLE_CIRCLES:
        ox, oy = c * cx - s * cy, s * cx + c * cy
        ankle = (x + cx - ox, ground + r - oy)
        if best is None or ankle[1] > best[1]:
            best = ankle  # the circle needing the highest ankle is the one that touches
    assert best is not None
    return best
