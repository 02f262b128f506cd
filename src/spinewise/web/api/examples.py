"""Examples for the OpenAPI schema: a valid intake of someone who can start self-care."""

from __future__ import annotations

import functools
from typing import Any

from spinewise.core.assessment import assess
from spinewise.core.intake import History, RedFlags, parse_intake

# Office worker, 35, three weeks of dull lower back ache, worse when sitting; no warning signs.
EXAMPLE_INTAKE: dict[str, Any] = {
    "schema": "spinewise.intake/2",
    "age": 35,
    "sex": "female",
    "pregnant_weeks": None,
    "areas": ["lower_back_centre"],
    "pain_qualities": ["dull_ache", "stiffness"],
    "intensity": 4,
    "onset": "gradual",
    "injury": "none",
    "duration_days": 21,
    "trend": "same",
    "worse_with": ["sitting", "end_of_day"],
    "better_with": ["walking"],
    "time_pattern": ["worse_end_of_day"],
    "episodes": "first_time",
    "painkiller_effect": "help_little",
    "habits": {
        "sitting_hours": 8,
        "screen_hours": 8,
        "sitting_breaks": "rarely",
        "exercise_days": 1,
        "strength_days": 0,
        "painkiller_days": 2,
        "bag_carrying": "light",
        "stress": 4,
        "slouching": True,
        "head_forward": False,
        "repetitive_work": False,
        "sport": None,
        "training_increase": False,
    },
    "history": dict.fromkeys(History.model_fields, False),
    "red_flags": dict.fromkeys(RedFlags.model_fields, False),
    "pregnancy": None,
}

EXAMPLE_PREFERENCES: dict[str, Any] = {
    "minutes_per_day": 15,
    "days_per_week": 3,
    "timezone": "Europe/London",
    "session_time": "07:30",
}


@functools.cache
def example_assessment() -> dict[str, object]:
    """What POST /assessments answers for the example intake (computed, so never stale)."""
    return assess(parse_intake(EXAMPLE_INTAKE)).to_json_dict()
