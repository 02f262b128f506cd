"""Forward kinematics: channel values to world transforms of every node and shape.

A pose is a flat mapping of channels, the same numbers the animation writes:

- ``"knee"``: the node's turn in degrees, added to its rest angle (the root's is absolute);
- ``"knee.x"``, ``"knee.y"``: a shift added to where the node sits on its parent (the
  root's is its world position);
- ``"belly.sx"``, ``"belly.sy"``, ``"belly.x"``, ``"belly.y"``: a named shape's own scale
  and shift inside its node (a belly that swells, a limb foreshortened by the view).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from .body import Node, Shape, Skeleton
from .geometry import Affine, Point

Channels = Mapping[str, float]


def node_local(node: Node, ch: Channels) -> Affine:
    x = node.at[0] + ch.get(node.name + ".x", 0.0)
    y = node.at[1] + ch.get(node.name + ".y", 0.0)
    return Affine.translate(x, y) @ Affine.rotate(node.rest + ch.get(node.name, 0.0))


def shape_local(shape: Shape, ch: Channels) -> Affine:
    if not shape.name:
        return Affine()
    n = shape.name
    return Affine.translate(ch.get(n + ".x", 0.0), ch.get(n + ".y", 0.0)) @ Affine.scale(
        ch.get(n + ".sx", 1.0), ch.get(n + ".sy", 1.0)
    )


@dataclass
class Frame:
    """Where everything is for one set of channels."""

    skeleton: Skeleton
    channels: dict[str, float]
    nodes: dict[str, Affine] = field(default_factory=dict)
    _points: dict[str, list[Point]] = field(default_factory=dict, repr=False)

    def point(self, node: str, local: Point = (0.0, 0.0)) -> Point:
        return self.nodes[node].apply(local)

    def angle(self, node: str) -> float:
        return self.nodes[node].angle

    def shape_points(self, node: str) -> Iterator[Point]:
        """World outline points of the body shapes of one node (worked out once)."""
        if node not in self._points:
            frame = self.nodes[node]
            found: list[Point] = []
            for shape in self.skeleton.nodes[node].shapes:
                if not shape.body:
                    continue
                world = frame @ shape_local(shape, self.channels)
                found.extend(world.apply(p) for p in shape.outline)
            self._points[node] = found
        yield from self._points[node]

    def body_points(self, nodes: list[str] | None = None) -> Iterator[Point]:
        for name in nodes or list(self.skeleton.nodes):
            yield from self.shape_points(name)

    def lowest(self, nodes: list[str]) -> float:
        return min(p[1] for p in self.body_points(nodes))


def forward(sk: Skeleton, ch: Channels) -> Frame:
    frame = Frame(sk, dict(ch))
    for node in sk.nodes.values():
        local = node_local(node, ch)
        frame.nodes[node.name] = frame.nodes[node.parent] @ local if node.parent else local
    return frame
