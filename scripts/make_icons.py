"""Draws the app icons (PNG) from the favicon's own shapes, for the web app manifest.

The favicon is a rounded square with four rounded vertebrae: this reads its <rect>s and
paints them larger, so the icons never drift from the favicon. Run it again after changing
favicon.svg: ``.venv/bin/python scripts/make_icons.py``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PIL import Image, ImageDraw

IMG = Path(__file__).parents[1] / "src" / "spinewise" / "web" / "static" / "img"
SVG = "{http://www.w3.org/2000/svg}"
VIEWBOX = 32
SUPERSAMPLE = 4  # drawn large and scaled down, for smooth edges


def _rects(root: ET.Element) -> list[dict[str, str]]:
    return [dict(rect.attrib) for rect in root.iter(f"{SVG}rect")]


def draw(size: int, maskable: bool) -> Image.Image:
    root = ET.parse(IMG / "favicon.svg").getroot()
    background, *vertebrae = _rects(root)
    spine = next(root.iter(f"{SVG}g")).attrib["fill"]
    big = size * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    # A maskable icon fills its square (the platform cuts its own shape) and keeps the
    # mark inside the middle 80%, the safe zone.
    corner = 0 if maskable else float(background["rx"]) * big / VIEWBOX
    pen.rounded_rectangle((0, 0, big - 1, big - 1), radius=corner, fill=background["fill"])
    scale = big / VIEWBOX * (0.7 if maskable else 1.0)
    offset = (big - VIEWBOX * scale) / 2
    for rect in vertebrae:
        x, y = float(rect["x"]) * scale + offset, float(rect["y"]) * scale + offset
        w, h = float(rect["width"]) * scale, float(rect["height"]) * scale
        pen.rounded_rectangle((x, y, x + w, y + h), radius=float(rect["rx"]) * scale, fill=spine)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    for size in (192, 512):
        draw(size, maskable=False).save(IMG / f"icon-{size}.png", optimize=True)
    draw(512, maskable=True).save(IMG / "icon-maskable-512.png", optimize=True)


if __name__ == "__main__":
    main()
