"""What a result leads with, and how the rest is grouped so that nothing is said twice.

Every face that shows a result on a small screen (the web page first) presents this: a
one-line verdict, three short points (what to do now, when to see a GP, when to call the
emergency number), the region and the most likely cause; the causes below carry the tip of
the habit that goes with them, and only the other habits are listed on their own.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from spinewise.core.assessment import Assessment, FlaggedMistake, LikelyCause
from spinewise.core.knowledge import KnowledgeBase, knowledge
from spinewise.core.levels import Level
from spinewise.core.triage import DEFAULT_EMERGENCY_NUMBER

PointKind = Literal["now", "gp", "emergency"]
SHOWN_CAUSES = 4

_NOW = {
    Level.SELF_CARE: (
        "Keep moving and carry on with your day as normally as you can: bed rest slows "
        "recovery. Most back pain eases within a few weeks."
    ),
    Level.SOON: (
        "Keep gently active and start the gentle plan while you wait: bed rest slows recovery."
    ),
}
_NOW_NO_PLAN = "Keep gently active in the meantime: bed rest slows recovery."
_GP_SELF_CARE = (
    "If it is not starting to improve within a few weeks, stops you doing everyday things, "
    "is very severe or keeps getting worse, or you notice any warning sign."
)
_CALL = (
    "At once if you get numbness around your genitals or bottom, lose control of your "
    "bladder or bowels, get chest pain or struggle to breathe."
)
_HEADINGS: dict[PointKind, str] = {
    "now": "What to do now",
    "gp": "When to see a GP",
    "emergency": "When to call {emergency_number}",
}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class VerdictPoint(_Frozen):
    kind: PointKind
    heading: str
    text: str


class CauseWithHabit(_Frozen):
    """A likely cause, with the flagged habit whose tip belongs to it (if any)."""

    cause: LikelyCause
    habit: FlaggedMistake | None = None


class ResultSummary(_Frozen):
    headline: str
    points: list[VerdictPoint]
    further_advice: list[str]
    top_cause: LikelyCause | None
    causes: list[CauseWithHabit]
    other_habits: list[FlaggedMistake]


def _point(kind: PointKind, text: str, emergency_number: str) -> VerdictPoint:
    heading = _HEADINGS[kind].format(emergency_number=emergency_number)
    return VerdictPoint(kind=kind, heading=heading, text=text)


def verdict_points(assessment: Assessment, emergency_number: str) -> list[VerdictPoint]:
    """The verdict in three points. An emergency or urgent verdict keeps its own advice as
    the one thing to do now: nothing else competes with it."""
    triage = assessment.triage
    level = triage.level
    if not level.allows_exercise:
        return [_point("now", triage.advice, emergency_number)]
    # For "soon", the first warning sign's own advice says when and whom to see; the
    # others' advice is kept for the folded details (``further_advice``).
    gp = _soon_advice(assessment)[0] if level is Level.SOON else _GP_SELF_CARE
    now = _NOW[level] if triage.allows_plan else _NOW_NO_PLAN
    return [
        _point("now", now, emergency_number),
        _point("gp", gp, emergency_number),
        _point("emergency", _CALL, emergency_number),
    ]


def _soon_advice(assessment: Assessment) -> list[str]:
    soon = [f.advice for f in assessment.triage.flags if f.level is Level.SOON]
    return list(dict.fromkeys(soon))


def further_advice(assessment: Assessment) -> list[str]:
    """What the other "see a clinician soon" signs add to the first one's advice."""
    if assessment.triage.level is not Level.SOON:
        return []
    return _soon_advice(assessment)[1:]


def group_advice(
    assessment: Assessment, kb: KnowledgeBase | None = None
) -> tuple[list[CauseWithHabit], list[FlaggedMistake]]:
    """The causes worth showing, each with its own habit's tip, and the habits left over."""
    kb = kb or knowledge()
    shown = assessment.causes[:SHOWN_CAUSES]
    shown_ids = {cause.id for cause in shown}
    by_cause: dict[str, FlaggedMistake] = {}
    others: list[FlaggedMistake] = []
    for mistake in assessment.mistakes:
        cause_id = kb.mistakes[mistake.id].cause
        if cause_id is not None and cause_id in shown_ids and cause_id not in by_cause:
            by_cause[cause_id] = mistake
        else:
            others.append(mistake)
    grouped = [CauseWithHabit(cause=c, habit=by_cause.get(c.id)) for c in shown]
    return grouped, others


def summarise(
    assessment: Assessment,
    emergency_number: str = DEFAULT_EMERGENCY_NUMBER,
    kb: KnowledgeBase | None = None,
) -> ResultSummary:
    causes, others = group_advice(assessment, kb)
    return ResultSummary(
        headline=assessment.triage.label,
        points=verdict_points(assessment, emergency_number),
        further_advice=further_advice(assessment),
        top_cause=assessment.causes[0] if assessment.causes else None,
        causes=causes,
        other_habits=others,
    )
