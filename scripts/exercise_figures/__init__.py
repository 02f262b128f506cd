"""The exercise figures: a jointed body, key poses per exercise, and the SVG they become.

``scripts/draw_exercises.py`` writes the files; ``tests/figures`` checks the geometry from
the same pose data.
"""
