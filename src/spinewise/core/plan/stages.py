"""The ladder: three phases of two weeks, and where each stage sits on them.

Each week is one *stage* (stage 1 = week 1 as planned); a weekly review moves the next
week one stage up, keeps it, or moves it one stage down (``spinewise.core.review``).
"""

from __future__ import annotations

from spinewise.core.plan.models import Phase

MIN_STAGE, MAX_STAGE = 0, 8  # stage 0 = week 1 with a set less; 7-8 = extra progression

PHASES: tuple[Phase, ...] = (
    Phase(
        number=1,
        name="Calm things down",
        weeks=[1, 2],
        focus="Gentle movement to ease stiffness, and daily walks. Little and often.",
    ),
    Phase(
        number=2,
        name="Build",
        weeks=[3, 4],
        focus="Steady control and strength around your trunk and hips or shoulder blades.",
    ),
    Phase(
        number=3,
        name="Strengthen",
        weeks=[5, 6],
        focus="Harder versions and a little more of each, so your back gets stronger.",
    ),
)


def phase_and_step(stage: int) -> tuple[int, int]:
    """Stage 1-2 -> phase 1, 3-4 -> phase 2, 5+ -> phase 3; step = weeks into the phase."""
    if stage <= 0:
        return 1, -1
    phase = min((stage + 1) // 2, 3)
    return phase, stage - (2 * phase - 1)


def dose_step(stage: int, since_phase: int) -> int:
    """Weeks an exercise has been in the plan at this stage (-1 for a regressed week 1)."""
    if stage <= 0:
        return -1
    return max(0, stage - (2 * since_phase - 1))
