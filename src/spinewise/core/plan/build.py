"""The whole six-week programme for one person, with a stable id."""

from __future__ import annotations

import hashlib
import json
from datetime import date

from spinewise.core.assessment import Assessment
from spinewise.core.education import PROGRAMME_WEEKS, programme_text
from spinewise.core.intake import Intake, Screening
from spinewise.core.levels import Level
from spinewise.core.plan.basis import plan_basis
from spinewise.core.plan.habits import habits_for, left_out, movement_breaks
from spinewise.core.plan.models import NoProgrammeError, Preferences, Prescription, Programme
from spinewise.core.plan.selection import rankings
from spinewise.core.plan.stages import PHASES, phase_and_step
from spinewise.core.plan.weeks import build_week, prescribed, session_choice

# Part of every programme id: bump it when the planning rules change, so new plans get
# new calendar UIDs instead of silently overwriting old events.
PLAN_VERSION = "2"


def programme_id(intake: Intake, prefs: Preferences, start: date) -> str:
    """A stable hash of what the plan depends on: re-exports keep the same calendar UIDs."""
    payload = {
        "plan": PLAN_VERSION,
        "intake": intake.model_dump(mode="json", by_alias=True),
        "prefs": prefs.model_dump(mode="json"),
        "start": start.isoformat(),
    }
    digest = hashlib.sha256(json.dumps(payload, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()[:20]


def build_programme(
    assessment: Assessment, intake: Screening, prefs: Preferences, start: date
) -> Programme:
    """The six-week programme for this person, or NoProgrammeError when none is given
    (urgent or emergency verdicts, children, and a questionnaire that stopped early)."""
    triage = assessment.triage
    if not triage.allows_plan or not isinstance(intake, Intake):
        raise NoProgrammeError(triage)
    basis = plan_basis(assessment, intake, prefs, start)
    breaks = movement_breaks(intake, prefs)
    # Two weeks share each phase and its exercises (chosen at the phase's second week's
    # dose), so rank and choose once per phase; each week doses them for its own stage.
    ranking = rankings(basis)
    chosen = {
        phase.number: session_choice(basis, 2 * phase.number, ranking[phase.number])
        for phase in PHASES
    }
    prescriptions: dict[str, Prescription] = {}  # by exercise, shared by the six weeks
    weeks = [
        build_week(
            basis,
            number,
            number,
            items=prescribed(basis, number, chosen[phase_and_step(number)[0]], prescriptions),
            # Only week 1 is set; each later week waits for the review of the one before.
            confirmed=number == 1,
        )
        for number in range(1, PROGRAMME_WEEKS + 1)
    ]
    return Programme(
        id=programme_id(intake, prefs, start),
        start=start,
        end=weeks[-1].end,
        level=triage.level,
        region=assessment.region,
        advice=triage.advice if triage.level is Level.SOON else None,
        safety_note=" ".join(programme_text().safety_note.text.split()),
        minutes_per_day=basis.budget_seconds // 60,
        days=basis.session_days,
        session_time=prefs.session_time,
        phases=list(PHASES),
        weeks=weeks,
        habits=habits_for(assessment, basis, breaks),
        movement_breaks=breaks,
        left_out=left_out(basis),
        basis=basis,
        pathway=assessment.pathway,
    )
