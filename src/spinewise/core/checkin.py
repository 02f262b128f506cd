"""The daily check-in's short safety re-check, and re-triage when something new appears.

NICE NG59 1.1.1: think again about serious causes when symptoms are new or changed.
Every check-in asks these few questions; any yes re-runs triage at once.
"""

from __future__ import annotations

from spinewise.core.intake import History, Intake, RedFlags, parse_intake
from spinewise.core.knowledge import KnowledgeBase
from spinewise.core.questionnaire import questionnaire
from spinewise.core.triage import DEFAULT_EMERGENCY_NUMBER, Triage, triage_intake

# The questions a check-in re-asks: nerves (numbness, bladder, bowel, weakness),
# infection (fever) and the chest (pain, breath).
CHECKIN_FLAGS: tuple[str, ...] = (
    "saddle_numbness",
    "bladder_change",
    "bowel_change",
    "both_legs_symptoms",
    "leg_weakness",
    "fever",
    "chest_pain",
    "breathless",
)

# Used only when a person has no saved assessment: the new answers are judged on their own.
_NO_HISTORY: dict[str, object] = {
    "schema": "spinewise.intake/1",
    "age": 30,
    "sex": "other",
    "areas": [],
    "pain_qualities": [],
    "intensity": 0,
    "onset": "gradual",
    "injury": "none",
    "onset_severe": False,
    "duration_days": 0,
    "trend": "same",
    "habits": {
        "sitting_hours": 0,
        "screen_hours": 0,
        "sitting_breaks": "regular",
        "exercise_days": 0,
        "strength_days": 0,
        "painkiller_days": 0,
        "bag_carrying": "none",
        "stress": 0,
        "slouching": False,
        "head_forward": False,
        "repetitive_work": False,
        "training_increase": False,
    },
}


def checkin_questions() -> list[tuple[str, str]]:
    """(field name, question) for each re-check, worded as in the questionnaire."""
    return [(name, questionnaire().question(f"red_flags.{name}").label) for name in CHECKIN_FLAGS]


def retriage(
    base: Intake | None,
    new_flags: list[str],
    kb: KnowledgeBase | None = None,
    emergency_number: str = DEFAULT_EMERGENCY_NUMBER,
) -> Triage | None:
    """Triage with today's new warning signs added to the saved answers; None when none."""
    unknown = [name for name in new_flags if name not in CHECKIN_FLAGS]
    if unknown:
        raise ValueError(f"not a check-in question: {', '.join(unknown)}")
    if not new_flags:
        return None
    if base is None:
        data = dict(_NO_HISTORY)
        data["history"] = dict.fromkeys(History.model_fields, False)
        data["red_flags"] = dict.fromkeys(RedFlags.model_fields, False)
        base = parse_intake(data)
    flags = base.red_flags.model_copy(update={name: True for name in new_flags})
    return triage_intake(base.model_copy(update={"red_flags": flags}), kb, emergency_number)
