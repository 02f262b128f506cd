"""Answers saved under the retired contract ``spinewise.intake/1``, read under today's.

Intake/1 asked fewer safety questions. Its answers carry over where the meaning is the
same; a yes that intake/2 asks differently is moved to where it now lives (a "serious
accident" becomes the injury, a sudden pain that peaked within minutes with no injury
becomes ``sudden_severe``, a pain described as tearing becomes ``tearing_pain``). The
questions intake/1 never asked are recorded as "no", which is what the person was last
asked about; anything shown from an upgraded intake says it came from the older
questionnaire, so the person is invited to take the new one.
"""

from __future__ import annotations

from typing import Any

from spinewise.core.intake import (
    SCHEMA_ID,
    History,
    Intake,
    PregnancySigns,
    RedFlags,
    Screening,
    parse_intake,
)

LEGACY_SCHEMA = "spinewise.intake/1"


def is_legacy(data: dict[str, Any]) -> bool:
    return data.get("schema") == LEGACY_SCHEMA


def upgrade_v1(data: dict[str, Any]) -> dict[str, Any]:
    """The intake/2 data for an intake/1 intake (already validated when it was saved)."""
    old_flags: dict[str, bool] = dict(data.get("red_flags", {}))
    old_history: dict[str, bool] = dict(data.get("history", {}))
    qualities = [q for q in data.get("pain_qualities", []) if q != "tearing"]
    injury = "major_trauma" if old_flags.get("major_trauma") else data["injury"]
    flags = {name: bool(old_flags.get(name, False)) for name in RedFlags.model_fields}
    flags["tearing_pain"] = flags["tearing_pain"] or "tearing" in data.get("pain_qualities", [])
    # intake/1 asked about sweating and sickness together: keep both yeses.
    flags["cold_sweat"] = flags["nausea"] = bool(old_flags.get("sweating_nausea", False))
    sudden_by_itself = data.get("onset") == "sudden" and data.get("injury") == "none"
    flags["sudden_severe"] = bool(data.get("onset_severe")) and sudden_by_itself
    pregnant = data.get("pregnant_weeks") or None
    habits = dict(data["habits"])
    return {
        "schema": SCHEMA_ID,
        "areas": list(data.get("areas", [])),
        "age": data["age"],
        "sex": data["sex"],
        "pregnant_weeks": pregnant,
        "duration_days": data["duration_days"],
        "onset": data["onset"],
        "injury": injury,
        "intensity": data["intensity"],
        "trend": data["trend"],
        "red_flags": flags,
        "pregnancy": dict.fromkeys(PregnancySigns.model_fields, False) if pregnant else None,
        "history": {name: bool(old_history.get(name, False)) for name in History.model_fields},
        "pain_qualities": qualities or ["dull_ache"],
        "worse_with": list(data.get("worse_with", [])),
        "better_with": list(data.get("better_with", [])),
        "time_pattern": list(data.get("time_pattern", [])),
        "episodes": "first_time",
        "painkiller_effect": "help_little" if habits.get("painkiller_days", 0) else "not_tried",
        "habits": habits,
    }


def read_saved_intake(data: dict[str, Any]) -> Intake | Screening:
    """A stored intake under today's contract, upgrading one saved under intake/1."""
    return parse_intake(upgrade_v1(data) if is_legacy(data) else data)
