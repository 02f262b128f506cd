"""Helpers the browser tests share: screen sizes and the screenshots people look at."""

from __future__ import annotations

from pathlib import Path
from typing import Any

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def shoot_all(page: Any, folder: Path, name: str) -> None:
    """Full-page pictures of the current page at phone and desktop width, in the light and
    the dark scheme, for people to look at; the page is left as it was found (phone, light).
    """
    for size_name, size in (("390", PHONE), ("1280", DESKTOP)):
        page.set_viewport_size(size)
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            page.screenshot(path=str(folder / f"{name}-{size_name}-{scheme}.png"), full_page=True)
    page.set_viewport_size(PHONE)
    page.emulate_media(color_scheme="light")
