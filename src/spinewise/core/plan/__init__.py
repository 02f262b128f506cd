"""The six-week programme: exercises, daily habits and one short read a week.

The plan is built from an assessment, the intake and the person's preferences, and is
deterministic: the same inputs give the same programme, with the same id.

Shape: three phases of two weeks ("Calm things down", "Build", "Strengthen"). Each week
is one *stage* on a ladder (stage 1 = week 1 as planned); a weekly review moves the next
week one stage up (progress), keeps it (hold) or moves it one stage down (regress), see
``spinewise.core.review``. Everything needed to rebuild a week from its stage is kept in
``Programme.basis``, so a stored programme can be re-tailored without the intake.

Modules, by concern:

- ``models``: preferences, the basis, programme, week, session, prescription.
- ``basis``: who the plan is for (conditions, caution, walking start).
- ``stages``: the three phases and the stage ladder.
- ``selection``: which exercises are allowed, and their ranking for a phase.
- ``dosage``: the weekly progression of a dose, and one notch less.
- ``explain``: why each exercise was chosen.
- ``prescription``: an exercise at a dose for this person, and dose changes.
- ``weeks``: a week's sessions, dates and walking minutes.
- ``habits``: daily habits, movement breaks, exercises left out.
- ``build``: the whole programme and its stable id.
- ``schedule``: today's date for a person, and the week and session a day falls in.
"""

from spinewise.core.plan.basis import person_conditions, plan_basis
from spinewise.core.plan.build import PLAN_VERSION, build_programme, programme_id
from spinewise.core.plan.dosage import dose_for, seconds_for, smaller_dose
from spinewise.core.plan.explain import why_chosen
from spinewise.core.plan.models import (
    PROGRAMME_SCHEMA,
    SPREAD,
    WEEKDAY_NAMES,
    WEEKDAYS,
    Fitness,
    Habit,
    LeftOut,
    MovementBreaks,
    NoProgrammeError,
    Phase,
    PlanBasis,
    Preferences,
    Prescription,
    Programme,
    Session,
    Week,
    Weekday,
)
from spinewise.core.plan.prescription import (
    dosage_of,
    prescribe,
    shrink_to_fit,
    timer_for,
    with_dosage,
)
from spinewise.core.plan.schedule import (
    Clock,
    current_week,
    current_week_number,
    finished_weeks,
    next_session,
    session_on,
    today_in,
    utc_now,
    week_number_on,
)
from spinewise.core.plan.selection import exclusion_reasons
from spinewise.core.plan.stages import MAX_STAGE, MIN_STAGE, PHASES, dose_step, phase_and_step
from spinewise.core.plan.suggest import starting_on, suggested_fitness, suggested_preferences
from spinewise.core.plan.weeks import build_week, make_sessions, session_dates, session_plan

__all__ = [
    "MAX_STAGE",
    "MIN_STAGE",
    "PHASES",
    "PLAN_VERSION",
    "PROGRAMME_SCHEMA",
    "SPREAD",
    "WEEKDAYS",
    "WEEKDAY_NAMES",
    "Clock",
    "Fitness",
    "Habit",
    "LeftOut",
    "MovementBreaks",
    "NoProgrammeError",
    "Phase",
    "PlanBasis",
    "Preferences",
    "Prescription",
    "Programme",
    "Session",
    "Week",
    "Weekday",
    "build_programme",
    "build_week",
    "current_week",
    "current_week_number",
    "dosage_of",
    "dose_for",
    "dose_step",
    "exclusion_reasons",
    "finished_weeks",
    "make_sessions",
    "next_session",
    "person_conditions",
    "phase_and_step",
    "plan_basis",
    "prescribe",
    "programme_id",
    "seconds_for",
    "session_dates",
    "session_on",
    "session_plan",
    "shrink_to_fit",
    "smaller_dose",
    "starting_on",
    "suggested_fitness",
    "suggested_preferences",
    "timer_for",
    "today_in",
    "utc_now",
    "week_number_on",
    "why_chosen",
    "with_dosage",
]
