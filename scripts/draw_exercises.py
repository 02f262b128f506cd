"""Draws the exercise illustrations (dev tool): ``python scripts/draw_exercises.py``.

For every exercise in ``exercises.yaml`` it writes, under
``src/spinewise/content/illustrations``:

- ``<id>.svg``: the animation, a jointed figure moving through the exercise's key poses;
- ``key-poses/<id>.svg``: those key poses side by side, for readers who prefer reduced
  motion (the pages swap it in with <picture>);
- ``thumbnails/<id>.svg``: one still key pose, small, for lists.

The figures, poses and their geometry live in ``scripts/exercise_figures``; the tests in
``tests/figures`` check the same pose data. Output is deterministic: ``--check`` exits 1
when a committed file differs from a fresh drawing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from exercise_figures import library, svg

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "src" / "spinewise" / "content"
OUT = CONTENT / "illustrations"
KEY_POSES = OUT / "key-poses"
THUMBNAILS = OUT / "thumbnails"


def drawings() -> dict[Path, str]:
    """Every file this script writes, by path, from the exercise list."""
    entries = yaml.safe_load((CONTENT / "exercises.yaml").read_text(encoding="utf-8"))
    missing = [entry["id"] for entry in entries if entry["id"] not in library.DRAWINGS]
    if missing:
        raise SystemExit("no drawing for: " + ", ".join(missing))
    files: dict[Path, str] = {}
    for entry in entries:
        exercise_id, name, alt = entry["id"], entry["name"], entry["alt"]
        drawing = library.DRAWINGS[exercise_id]()
        files[OUT / f"{exercise_id}.svg"] = svg.animated_svg(drawing, name, alt)
        files[KEY_POSES / f"{exercise_id}.svg"] = svg.stills_svg(drawing, name, alt)
        files[THUMBNAILS / f"{exercise_id}.svg"] = svg.thumb_svg(drawing, name, alt)
    return files


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    files = drawings()
    if args.check:
        stale = [
            path
            for path, text in files.items()
            if not path.exists() or path.read_text(encoding="utf-8") != text
        ]
        for path in stale:
            print(f"out of date: {path.relative_to(ROOT)}", file=sys.stderr)
        return 1 if stale else 0
    for folder in (OUT, KEY_POSES, THUMBNAILS):
        folder.mkdir(parents=True, exist_ok=True)
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    print(f"wrote {len(files)} drawings to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
