"""When the questionnaire ends early.

Safety comes first in the order a person is asked, and the questions stop as soon as the
answer is clear: an emergency answer ends the questionnaire at once; once every safety
question is answered, an urgent verdict, or an age under 16, ends it before the questions
about habits and the plan, which would not be used. The web wizard, the interactive CLI
and the API's early-stop intake all ask this one function.
"""

from __future__ import annotations

from enum import StrEnum

from spinewise.core.intake import Screening
from spinewise.core.levels import Level
from spinewise.core.triage import triage_intake


class Stop(StrEnum):
    EMERGENCY = "emergency"
    URGENT = "urgent"
    CHILD = "child"


def stop_reason(screening: Screening, safety_complete: bool) -> Stop | None:
    """Why the questions end here, or None to carry on.

    ``screening`` holds the answers so far (unasked safety questions count as no);
    ``safety_complete`` says whether every safety question has been answered.
    """
    level = triage_intake(screening).level
    if level is Level.EMERGENCY:
        return Stop.EMERGENCY
    if not safety_complete:
        return None
    if level is Level.URGENT:
        return Stop.URGENT
    if screening.is_child:
        return Stop.CHILD
    return None
