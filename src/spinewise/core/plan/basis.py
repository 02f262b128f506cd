"""Who the plan is for: the facts about the person that every week is built from."""

from __future__ import annotations

from datetime import date

from spinewise.core.assessment import Assessment
from spinewise.core.exercises import Condition
from spinewise.core.intake import Intake, PainQuality, Trend
from spinewise.core.pathway import PathwayId, pathways
from spinewise.core.plan.models import SPREAD, PlanBasis, Preferences, Weekday

TOP_CAUSES = 4  # how many of the ranked causes steer exercise choice
SEVERE_PAIN = 7  # intensity from which everything starts gentle (acute_severe_pain)
HIGH_STRESS = 6


def nerve_root_leg_pain(intake: Intake) -> bool:
    """Leg pain that sounds like an irritated nerve root: below the knee, or shooting or
    tingling down a leg (NICE NG59; NHS sciatica)."""
    nerve_pain = {PainQuality.SHOOTING, PainQuality.TINGLING} & set(intake.pain_qualities)
    return intake.pain_below_knee or (intake.has_leg_pain and bool(nerve_pain))


def sciatica_flaring(intake: Intake) -> bool:
    """Nerve-root leg pain that is severe (7/10 or more) or getting worse: the moves that
    tension or fold over the nerve wait until it settles. Steady, milder nerve pain is what
    a gentle, pain-free nerve glide is for (reference §8; NICE NG59 exercise advice)."""
    severe = intake.intensity >= SEVERE_PAIN
    return nerve_root_leg_pain(intake) and (severe or intake.trend is Trend.WORSE)


def person_conditions(intake: Intake, extra: list[Condition] | None = None) -> list[Condition]:
    """Conditions from the intake that rule exercises out (exercise contraindications)."""
    found: list[Condition] = list(extra or [])
    if intake.pregnant_weeks is not None and intake.pregnant_weeks > 20:
        found.append(Condition.PREGNANCY_OVER_20_WEEKS)
    if intake.history.osteoporosis or intake.history.long_term_steroids:
        found.append(Condition.OSTEOPOROSIS)
    if sciatica_flaring(intake):
        found.append(Condition.SCIATICA_FLARE)
    if intake.intensity >= SEVERE_PAIN:
        found.append(Condition.ACUTE_SEVERE_PAIN)
    if intake.history.recent_spinal_surgery:
        found.append(Condition.RECENT_SPINAL_SURGERY)
    return [condition for condition in Condition if condition in found]


def _walking_start(intake: Intake) -> int:
    """Minutes of walking a day in week 1, matched to pain and current activity."""
    if intake.intensity >= SEVERE_PAIN:
        minutes = 5
    elif intake.intensity >= 4:
        minutes = 10
    else:
        minutes = 15
    if intake.habits.exercise_days >= 3:
        minutes += 5
    if intake.habits.exercise_days >= 5:
        minutes += 5
    return minutes


def lighter_days(days: list[Weekday], most: int | None) -> list[Weekday]:
    """At most ``most`` of the chosen session days, spread across the week."""
    if most is None or len(days) <= most:
        return days
    spread = [day for day in SPREAD[most] if day in days]
    if len(spread) == most:
        return spread
    step = len(days) / most
    return [days[int(index * step)] for index in range(most)]


def plan_basis(
    assessment: Assessment, intake: Intake, prefs: Preferences, start: date
) -> PlanBasis:
    cause_ids = [cause.id for cause in assessment.causes]
    pathway: PathwayId = assessment.pathway.id if assessment.pathway else "medium"
    # The low pathway's lighter plan: fewer, shorter sessions (content/pathways.yaml).
    text = pathways().pathway(pathway)
    minutes = min(prefs.minutes_per_day, text.minutes_max or prefs.minutes_per_day)
    cautious = intake.intensity >= SEVERE_PAIN or prefs.fitness == "low"
    return PlanBasis(
        level=assessment.triage.level,
        region=assessment.region,
        causes=cause_ids[:TOP_CAUSES],
        conditions=person_conditions(intake, prefs.other_conditions),
        equipment=sorted(prefs.available_equipment),
        fitness=prefs.fitness,
        cautious=cautious,
        relaxation=intake.habits.stress >= HIGH_STRESS or "muscle_tension" in cause_ids,
        budget_seconds=minutes * 60,
        session_days=lighter_days(prefs.days, text.session_days_max),
        session_time=prefs.session_time,
        start=start,
        walking_start=_walking_start(intake),
        walking_step=3 if cautious else 5,
        pain_days=intake.duration_days,
        pathway=pathway,
    )


def person_regions(basis: PlanBasis) -> list[str]:
    """The back regions the plan works on: the person's, or both when it is unclear."""
    if basis.region in ("lower", "upper"):
        return [basis.region]
    return ["lower", "upper"]
