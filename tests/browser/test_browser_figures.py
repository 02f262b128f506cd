"""The exercise figures in Chromium: they move, they stop for reduced motion, and pictures of
them at several moments are saved for people to look at."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

SHOWN = ["cat_cow", "open_book_rotation", "thoracic_extension", "childs_pose", "wall_plank"]


def _joint_transforms(page: Any) -> list[str]:
    return list(
        page.evaluate(
            "Array.from(document.querySelectorAll('g[class]'))"
            ".map(g => getComputedStyle(g).rotate + ' ' + getComputedStyle(g).translate)"
        )
    )


def test_the_drawing_moves_its_joints(browser: Any, server_url: str) -> None:
    page = browser.new_page()
    try:
        page.goto(server_url + "/exercises/cat_cow.svg")
        animations = page.evaluate("document.getAnimations().length")
        assert animations >= 3
        page.evaluate("document.getAnimations().forEach(a => { a.pause(); a.currentTime = 1900; })")
        cat = _joint_transforms(page)
        page.evaluate("document.getAnimations().forEach(a => { a.currentTime = 6000; })")
        cow = _joint_transforms(page)
        assert cat != cow
    finally:
        page.close()


def test_reduced_motion_shows_the_key_poses_side_by_side(browser: Any, server_url: str) -> None:
    context = browser.new_context(reduced_motion="reduce", viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(server_url + "/exercises/cat_cow/", wait_until="networkidle")
        shown = page.evaluate("document.querySelector('.illustration img').currentSrc")
        assert shown.endswith("/exercises/cat_cow/key-poses.svg")
        # And the animation itself stands still if it is opened on its own.
        page.goto(server_url + "/exercises/cat_cow.svg")
        assert page.evaluate("document.getAnimations().length") == 0
    finally:
        context.close()


def test_full_motion_shows_the_animation(phone_page: Any, server_url: str) -> None:
    phone_page.goto(server_url + "/exercises/cat_cow/", wait_until="networkidle")
    shown = phone_page.evaluate("document.querySelector('.illustration img').currentSrc")
    assert shown.endswith("/exercises/cat_cow.svg")


def test_list_thumbnails_are_legible_on_a_phone(phone_page: Any, server_url: str) -> None:
    phone_page.goto(server_url + "/exercises/", wait_until="networkidle")
    size = phone_page.evaluate(
        "(() => { const r = document.querySelector('.exercise-card img').getBoundingClientRect();"
        " return [r.width, r.height]; })()"
    )
    assert size[0] >= 96 and size[1] >= 72


def test_pictures_of_the_figures_at_several_moments(
    browser: Any, server_url: str, screenshot_dir: Path
) -> None:
    shots = screenshot_dir / "figures"
    shots.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 480, "height": 300})
    try:
        for exercise_id in SHOWN:
            page.goto(f"{server_url}/exercises/{exercise_id}.svg")
            cycle = page.evaluate(
                "Math.max(...document.getAnimations()"
                ".map(a => a.effect.getComputedTiming().duration))"
            )
            for step in range(4):
                at = cycle * step / 4
                page.evaluate(
                    f"document.getAnimations().forEach(a => {{ a.pause(); a.currentTime = {at}; }})"
                )
                page.screenshot(path=str(shots / f"{exercise_id}-{step}.png"))
            page.goto(f"{server_url}/exercises/{exercise_id}/key-poses.svg")
            page.screenshot(path=str(shots / f"{exercise_id}-key-poses.png"))
    finally:
        page.close()
    print(f"\nfigure screenshots: {shots}")
    assert len(list(shots.glob("*.png"))) >= len(SHOWN) * 5
