"""Where each body-map area is drawn (SVG units in a 200 x 440 figure, front and back).

Drawing only: the checkboxes beside the figure are the real controls, and the areas
themselves are defined once, in the questionnaire. A test checks that every area the
questionnaire offers has exactly one shape here, on the view the questionnaire names.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Shape:
    x: int
    y: int
    width: int
    height: int
    radius: int


# Back view: the person's left is on the viewer's left.
BACK: dict[str, Shape] = {
    "neck": Shape(86, 52, 28, 16, 5),
    "upper_back_left": Shape(60, 70, 26, 54, 10),
    "upper_back_centre": Shape(87, 70, 26, 54, 6),
    "upper_back_right": Shape(114, 70, 26, 54, 10),
    "mid_back_left": Shape(60, 125, 26, 38, 8),
    "mid_back_centre": Shape(87, 125, 26, 38, 6),
    "mid_back_right": Shape(114, 125, 26, 38, 8),
    "lower_back_left": Shape(61, 164, 25, 51, 8),
    "lower_back_centre": Shape(87, 164, 26, 51, 6),
    "lower_back_right": Shape(114, 164, 25, 51, 8),
    "buttock_left": Shape(62, 216, 37, 44, 16),
    "buttock_right": Shape(101, 216, 37, 44, 16),
    "leg_above_knee_left": Shape(64, 261, 34, 78, 14),
    "leg_above_knee_right": Shape(102, 261, 34, 78, 14),
    "leg_below_knee_left": Shape(67, 340, 29, 90, 12),
    "leg_below_knee_right": Shape(104, 340, 29, 90, 12),
}

# Front view: the person's right is on the viewer's left.
FRONT: dict[str, Shape] = {
    "chest": Shape(80, 70, 40, 68, 12),
    "ribs_right": Shape(60, 70, 19, 68, 7),
    "ribs_left": Shape(121, 70, 19, 68, 7),
    "flank_right": Shape(60, 139, 19, 70, 7),
    "flank_left": Shape(121, 139, 19, 70, 7),
    "abdomen": Shape(80, 139, 40, 72, 10),
    "groin": Shape(77, 212, 46, 36, 12),
}

SHAPES: dict[str, dict[str, Shape]] = {"back": BACK, "front": FRONT}

# The part of the figure that is drawn: the areas fill most of it, so each one is large on
# a phone: two figures side by side at 390 px make the narrowest area (26 units) 45 px.
VIEW_BOX = Shape(52, 8, 96, 440, 0)
MIDDLE = 100  # the figure's centre line


def hit_area(shape: Shape) -> Shape:
    """Where a tap picks the area: the shape, reaching out to the edge of the drawing on
    the outer side (no other area lies there), and up into the head for the neck, so that
    every target is at least 44 px on a phone without overlapping its neighbours."""
    left, top = shape.x, shape.y
    right, bottom = shape.x + shape.width, shape.y + shape.height
    if right < MIDDLE - 10:  # an outer area on the viewer's left
        left = VIEW_BOX.x
    elif left > MIDDLE + 10:  # an outer area on the viewer's right
        right = VIEW_BOX.x + VIEW_BOX.width
    if top < 60:  # the neck: nothing is above it but the head
        top = VIEW_BOX.y
    return Shape(left, top, right - left, bottom - top, 0)


def view_box() -> str:
    return f"{VIEW_BOX.x} {VIEW_BOX.y} {VIEW_BOX.width} {VIEW_BOX.height}"
