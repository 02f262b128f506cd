"""The body map's tap areas: each holds its drawn area, none overlaps another, and all sit
inside the part of the figure that is drawn."""

from __future__ import annotations

from itertools import combinations

import pytest

from spinewise.web.assessments.body_map import SHAPES, VIEW_BOX, Shape, hit_area


def _overlap(a: Shape, b: Shape) -> bool:
    return (
        a.x < b.x + b.width
        and b.x < a.x + a.width
        and a.y < b.y + b.height
        and b.y < a.y + a.height
    )


@pytest.mark.parametrize("view", sorted(SHAPES))
def test_tap_areas_cover_their_drawing_and_never_overlap(view: str) -> None:
    shapes = SHAPES[view]
    hits = {area: hit_area(shape) for area, shape in shapes.items()}
    for area, shape in shapes.items():
        hit = hits[area]
        assert hit.x <= shape.x and hit.x + hit.width >= shape.x + shape.width, area
        assert hit.y <= shape.y and hit.y + hit.height >= shape.y + shape.height, area
        assert VIEW_BOX.x <= hit.x and hit.x + hit.width <= VIEW_BOX.x + VIEW_BOX.width, area
        assert VIEW_BOX.y <= hit.y, area
    for (a, hit_a), (b, hit_b) in combinations(hits.items(), 2):
        assert not _overlap(hit_a, hit_b), (a, b)


@pytest.mark.parametrize("view", sorted(SHAPES))
def test_every_tap_area_is_at_least_44_px_when_the_figure_is_168_px_wide(view: str) -> None:
    scale = 168 / VIEW_BOX.width  # two figures side by side on a 390 px phone
    for area, shape in SHAPES[view].items():
        hit = hit_area(shape)
        assert min(hit.width, hit.height) * scale >= 44, area
