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
    "lower_back_left": Shape(62, 164, 25, 51, 8),
    "lower_back_centre": Shape(88, 164, 24, 51, 6),
    "lower_back_right": Shape(113, 164, 25, 51, 8),
    "buttock_left": Shape(62, 216, 37, 44, 16),
    "buttock_right": Shape(101, 216, 37, 44, 16),
    "leg_above_knee_left": Shape(64, 261, 34, 78, 14),
    "leg_above_knee_right": Shape(102, 261, 34, 78, 14),
    "leg_below_knee_left": Shape(67, 340, 29, 90, 12),
    "leg_below_knee_right": Shape(104, 340, 29, 90, 12),
}

# Front view: the person's right is on the viewer's left.
FRONT: dict[str, Shape] = {
    "chest": Shape(77, 70, 46, 68, 12),
    "ribs_right": Shape(60, 70, 16, 68, 7),
    "ribs_left": Shape(124, 70, 16, 68, 7),
    "flank_right": Shape(60, 139, 16, 70, 7),
    "flank_left": Shape(124, 139, 16, 70, 7),
    "abdomen": Shape(77, 139, 46, 72, 10),
    "groin": Shape(77, 212, 46, 36, 12),
}

SHAPES: dict[str, dict[str, Shape]] = {"back": BACK, "front": FRONT}
