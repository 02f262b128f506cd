"""Shared fixtures: a neutral intake to vary, and the public clinical vignettes."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from spinewise.core.intake import History, Intake, RedFlags, complete_intake

VIGNETTE_DIR = Path(__file__).parent / "vignettes"

# A 30-year-old with a week of mechanical lower back ache and no warning signs.
NEUTRAL_INTAKE: dict[str, Any] = {
    "schema": "spinewise.intake/2",
    "areas": ["lower_back_centre"],
    "age": 30,
    "sex": "female",
    "pregnant_weeks": None,
    "duration_days": 7,
    "onset": "gradual",
    "injury": "none",
    "intensity": 4,
    "trend": "same",
    "pain_qualities": ["dull_ache"],
    "worse_with": ["sitting"],
    "better_with": ["walking"],
    "time_pattern": [],
    "episodes": "first_time",
    "painkiller_effect": "not_tried",
    "habits": {
        "sitting_hours": 4,
        "screen_hours": 3,
        "sitting_breaks": "regular",
        "exercise_days": 3,
        "strength_days": 2,
        "painkiller_days": 0,
        "bag_carrying": "light",
        "stress": 3,
        "slouching": False,
        "head_forward": False,
        "repetitive_work": False,
        "sport": None,
        "training_increase": False,
    },
    "history": dict.fromkeys(History.model_fields, False),
    "red_flags": dict.fromkeys(RedFlags.model_fields, False),
    "pregnancy": None,
}

IntakeFactory = Callable[..., Intake]


def merged(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """``base`` with ``changes`` applied; nested dicts merge, dotted keys reach inside."""
    out = copy.deepcopy(base)
    for key, value in changes.items():
        head, _, tail = key.partition(".")
        if tail:
            out[head] = merged(out[head], {tail: value})
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merged(out[key], value)
        else:
            out[key] = value
    return out


@pytest.fixture
def neutral_data() -> dict[str, Any]:
    return copy.deepcopy(NEUTRAL_INTAKE)


@pytest.fixture
def make_intake() -> IntakeFactory:
    """Builds a valid intake: the neutral one with the given changes (dotted keys allowed)."""

    def build(**changes: Any) -> Intake:
        return complete_intake(merged(NEUTRAL_INTAKE, changes))

    return build


def vignette_intake(vignette_id: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((VIGNETTE_DIR / f"{vignette_id}.json").read_text())
    return data
