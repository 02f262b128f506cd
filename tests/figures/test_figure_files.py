"""The drawings committed under content/illustrations are exactly what the generator draws."""

from __future__ import annotations

import draw_exercises


def test_the_committed_drawings_are_a_fresh_generation() -> None:
    files = draw_exercises.drawings()
    stale = [
        str(path.relative_to(draw_exercises.ROOT))
        for path, text in files.items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]
    assert stale == [], "out of date; run: python scripts/draw_exercises.py"
    folders = (draw_exercises.OUT, draw_exercises.KEY_POSES, draw_exercises.THUMBNAILS)
    on_disk = {path for folder in folders for path in folder.glob("*.svg")}
    assert on_disk == set(files), "a drawing without an exercise"
