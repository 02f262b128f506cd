"""The six-week programme: exercises, daily habits and one short read a week.

The plan is built from an assessment, the intake and the person's preferences, and is
deterministic: the same inputs give the same programme, with the same id.

Shape: three phases of two weeks ("Calm things down", "Build", "Strengthen"). Each week
is one *stage* on a ladder (stage 1 = week 1 as planned); a weekly review moves the next
week one stage up (progress), keeps it (hold) or moves it one stage down (regress), see
``spinewise.core.review``. Everything needed to rebuild a week from its stage is kept in
``Programme.basis``, so a stored programme can be re-tailored without the intake.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
from collections.abc import Collection, Sequence
from datetime import date, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from spinewise.core.assessment import Assessment, Region
from spinewise.core.education import PROGRAMME_WEEKS, EducationItem, education, habit_tips
from spinewise.core.exercises import (
    CONDITION_DESCRIPTIONS,
    LEVEL_ORDER,
    Condition,
    Dosage,
    Equipment,
    Exercise,
    Kind,
    TimerStep,
    dose_seconds,
    load_exercises,
    timer_plan,
)
from spinewise.core.exercises import Level as ExerciseLevel
from spinewise.core.intake import Breaks, Intake, PainQuality, Screening
from spinewise.core.knowledge import knowledge
from spinewise.core.levels import Level
from spinewise.core.triage import Triage

PROGRAMME_SCHEMA = "spinewise.programme/1"
# Part of every programme id: bump it when the planning rules change, so new plans get
# new calendar UIDs instead of silently overwriting old events.
PLAN_VERSION = "1"

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
Fitness = Literal["low", "average", "high"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_NAMES = {
    "mon": "Monday",
    "tue": "Tuesday",
    "wed": "Wednesday",
    "thu": "Thursday",
    "fri": "Friday",
    "sat": "Saturday",
    "sun": "Sunday",
}
# Session days spread across the week, so rest days fall between sessions where possible.
SPREAD: dict[int, tuple[Weekday, ...]] = {
    2: ("tue", "fri"),
    3: ("mon", "wed", "fri"),
    4: ("mon", "tue", "thu", "fri"),
    5: ("mon", "tue", "wed", "thu", "fri"),
    6: ("mon", "tue", "wed", "thu", "fri", "sat"),
    7: WEEKDAYS,
}

MAX_EXERCISES = 6  # per session, not counting a relaxation exercise
MIN_STAGE, MAX_STAGE = 0, 8  # stage 0 = week 1 with a set less; 7-8 = extra progression
TOP_CAUSES = 4  # how many of the ranked causes steer exercise choice
WALKING_GOAL = 30  # minutes a day the walking habit builds toward
SEVERE_PAIN = 7  # intensity from which everything starts gentle (acute_severe_pain)
HIGH_STRESS = 6
_NERVE_CAUSES = frozenset({"sciatica", "herniated_disc"})
LONG_SITTING_HOURS = 6

SAFETY_NOTE = (
    "Some discomfort while you exercise is normal and is not a sign of harm. Stop an "
    "exercise if pain spreads down a leg, keeps building, or you feel dizzy, and try its "
    "easier version next time."
)

_KIND_ORDER_IN_SESSION: dict[str, int] = {
    "mobility": 0,
    "strength": 1,
    "stretch": 2,
    "relaxation": 3,
    "aerobic": 4,
}
# Which kinds each phase puts first. Stretching comes last in later phases: on its own
# it did no better than control in the largest network meta-analysis (reference §6a).
_PHASE_KIND_PREFERENCE: dict[int, dict[str, int]] = {
    1: {"mobility": 0, "stretch": 1, "strength": 2},
    2: {"strength": 0, "mobility": 1, "stretch": 2},
    3: {"strength": 0, "mobility": 1, "stretch": 2},
}
_EQUIPMENT_NAMES = {
    "mat": "a mat",
    "wall": "a wall",
    "chair": "a chair",
    "doorway": "a doorway",
    "foam_roller": "a foam roller",
}
# Short phrases for "Chosen for your lower back, weak trunk muscles and ...".
_CAUSE_PHRASES: dict[str, str] = {
    "muscle_strain": "strained muscles",
    "herniated_disc": "an irritated disc",
    "sciatica": "an irritated nerve",
    "weak_core": "weak trunk muscles",
    "sedentary_lifestyle": "long hours of sitting",
    "poor_posture": "long spells in one position",
    "muscle_tension": "tense muscles",
    "forward_head_posture": "head-forward screen time",
    "repetitive_movements": "repeated movements",
    "heavy_bags": "a heavy one-sided bag",
    "spinal_misalignment": "stiff spinal joints",
}


def _default_equipment() -> list[Equipment]:
    return ["none", "mat", "wall", "chair"]


def _default_workdays() -> list[Weekday]:
    return ["mon", "tue", "wed", "thu", "fri"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Preferences(_Frozen):
    """How the person wants to fit the programme into their life."""

    minutes_per_day: int = Field(default=15, ge=5, le=60)
    days_per_week: int = Field(default=5, ge=2, le=7)
    session_days: list[Weekday] | None = Field(
        default=None, description="Exact session days; default spreads days_per_week."
    )
    equipment: list[Equipment] = Field(default_factory=_default_equipment)
    fitness: Fitness = "average"
    timezone: str = "Europe/London"
    session_time: str = Field(default="18:00", pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    workdays: list[Weekday] = Field(default_factory=_default_workdays)
    other_conditions: list[Condition] = Field(
        default_factory=list, description="Conditions the intake does not ask about."
    )

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError, OSError) as exc:  # "Europe" is a folder
            raise ValueError(f"unknown time zone {value!r} (use an IANA name)") from exc
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Preferences:
        if self.session_days is not None:
            if len(set(self.session_days)) != len(self.session_days):
                raise ValueError("session_days lists a day twice")
            if len(self.session_days) != self.days_per_week:
                raise ValueError("session_days must list days_per_week days")
        if len(set(self.workdays)) != len(self.workdays):
            raise ValueError("workdays lists a day twice")
        return self

    @property
    def days(self) -> list[Weekday]:
        """Session days in week order."""
        chosen = self.session_days or SPREAD[self.days_per_week]
        return [day for day in WEEKDAYS if day in chosen]

    @property
    def available_equipment(self) -> set[str]:
        return {"none", *self.equipment}

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def session_clock(self) -> time:
        hours, minutes = self.session_time.split(":")
        return time(int(hours), int(minutes))


class PlanBasis(_Frozen):
    """The facts about the person that the plan is built from (enough to rebuild any week)."""

    level: Level
    region: Region | None
    causes: list[str] = Field(description="Top causes, most likely first.")
    conditions: list[Condition]
    equipment: list[str]
    fitness: Fitness
    cautious: bool = Field(description="Severe pain or low fitness: start with the easiest.")
    relaxation: bool
    budget_seconds: int
    session_days: list[Weekday]
    session_time: str
    start: date
    walking_start: int
    walking_step: int


class Prescription(_Frozen):
    """One exercise in a session, with its dose for that week and why it was chosen."""

    exercise_id: str
    name: str
    kind: Kind
    level: ExerciseLevel
    regions: list[str]
    sets: int
    reps: int | None
    hold_seconds: int | None
    minutes: int | None
    rest_seconds: int
    per_side: bool
    dosage: str
    seconds: int
    serves: list[str] = Field(description="The person's causes this exercise serves.")
    why: str

    @property
    def load(self) -> int:
        """sets × reps, or sets × hold seconds (minutes count as seconds)."""
        per_set = self.reps or self.hold_seconds or (self.minutes or 0) * 60
        return self.sets * per_set


class Session(_Frozen):
    date: date
    weekday: Weekday
    exercises: list[Prescription] = Field(min_length=1)
    seconds: int
    estimated_minutes: int

    @property
    def load(self) -> int:
        return sum(item.load for item in self.exercises)


class Phase(_Frozen):
    number: int
    name: str
    weeks: list[int]
    focus: str


class Week(_Frozen):
    number: int
    stage: int = Field(description="Where on the plan's ladder this week sits (1-6 as planned).")
    phase: int
    phase_name: str
    focus: str
    start: date
    end: date
    sessions: list[Session]
    walking_minutes: int
    education: EducationItem
    adjustment: str | None = None

    @property
    def load(self) -> int:
        return sum(session.load for session in self.sessions)


class Habit(_Frozen):
    id: str
    title: str
    text: str
    sources: list[str]


class MovementBreaks(_Frozen):
    every_minutes: int
    start: str = "09:00"
    end: str = "17:00"
    days: list[Weekday]
    reason: str


class LeftOut(_Frozen):
    """An exercise for the person's region that the plan leaves out, and why."""

    id: str
    name: str
    reasons: list[str]


class Programme(_Frozen):
    schema_id: str = PROGRAMME_SCHEMA
    id: str
    start: date
    end: date
    level: Level
    region: Region | None
    advice: str | None = Field(description="What to do besides the plan (book the appointment).")
    safety_note: str = SAFETY_NOTE
    minutes_per_day: int
    days: list[Weekday]
    session_time: str
    phases: list[Phase]
    weeks: list[Week]
    habits: list[Habit]
    movement_breaks: MovementBreaks | None
    left_out: list[LeftOut]
    basis: PlanBasis

    def week(self, number: int) -> Week:
        for week in self.weeks:
            if week.number == number:
                return week
        raise KeyError(f"no week {number}; the programme has weeks 1-{len(self.weeks)}")

    def to_json_dict(self) -> dict[str, object]:
        data = self.model_dump(mode="json")
        data["schema"] = data.pop("schema_id")
        return data

    @classmethod
    def from_json_dict(cls, data: dict[str, object]) -> Programme:
        """Reads back what ``to_json_dict`` wrote (a stored programme)."""
        fields = dict(data)
        fields["schema_id"] = fields.pop("schema", PROGRAMME_SCHEMA)
        return cls.model_validate(fields)


class NoProgrammeError(Exception):
    """No exercise programme: the triage says to get medical help first."""

    def __init__(self, triage: Triage) -> None:
        self.triage = triage
        super().__init__(
            f"no programme for triage level {triage.level.value}: {triage.label}. "
            "Exercise waits until a clinician has seen you."
        )


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


# --- Who the plan is for ----------------------------------------------------------------


def person_conditions(intake: Intake, extra: list[Condition] | None = None) -> list[Condition]:
    """Conditions from the intake that rule exercises out (exercise contraindications)."""
    found: list[Condition] = list(extra or [])
    if intake.pregnant_weeks is not None and intake.pregnant_weeks > 20:
        found.append(Condition.PREGNANCY_OVER_20_WEEKS)
    if intake.history.osteoporosis or intake.history.long_term_steroids:
        found.append(Condition.OSTEOPOROSIS)
    nerve_pain = {PainQuality.SHOOTING, PainQuality.TINGLING} & set(intake.pain_qualities)
    if intake.pain_below_knee or (intake.has_leg_pain and nerve_pain):
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


def plan_basis(
    assessment: Assessment, intake: Intake, prefs: Preferences, start: date
) -> PlanBasis:
    cause_ids = [cause.id for cause in assessment.causes]
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
        budget_seconds=prefs.minutes_per_day * 60,
        session_days=prefs.days,
        session_time=prefs.session_time,
        start=start,
        walking_start=_walking_start(intake),
        walking_step=3 if cautious else 5,
    )


# --- Choosing exercises -----------------------------------------------------------------


def _person_regions(basis: PlanBasis) -> list[str]:
    if basis.region in ("lower", "upper"):
        return [basis.region]
    return ["lower", "upper"]


def exclusion_reasons(exercise: Exercise, basis: PlanBasis) -> list[str]:
    """Why this exercise is not for this person now; empty when it is fine."""
    reasons = [
        CONDITION_DESCRIPTIONS[condition]
        for condition in exercise.contraindications
        if condition in basis.conditions
    ]
    missing = [item for item in exercise.equipment if item not in basis.equipment]
    if missing:
        things = " and ".join(_EQUIPMENT_NAMES.get(item, item) for item in missing)
        reasons.append(f"Needs {things}, which is not in your equipment list.")
    if basis.level is Level.SOON and exercise.level == "hard":
        reasons.append("Hard exercises wait until a doctor or physiotherapist has seen you.")
    return reasons


def _allowed(exercise: Exercise, basis: PlanBasis) -> bool:
    return bool(set(exercise.regions) & set(_person_regions(basis))) and not exclusion_reasons(
        exercise, basis
    )


@functools.cache
def _library_order() -> dict[str, int]:
    return {exercise_id: index for index, exercise_id in enumerate(load_exercises())}


@functools.cache
def _family_causes() -> tuple[frozenset[str], ...]:
    """For each chain of ``_chains()``, every cause any member serves."""
    return tuple(frozenset(c for member in chain for c in member.causes) for chain in _chains())


@functools.cache
def _chains() -> tuple[tuple[Exercise, ...], ...]:
    """Families linked by easier/harder, each easiest first, in library order (static)."""
    return tuple(tuple(chain) for chain in _build_chains())


def _build_chains() -> list[list[Exercise]]:
    library = load_exercises()
    seen: set[str] = set()
    chains: list[list[Exercise]] = []
    for exercise in library.values():
        if exercise.id in seen or exercise.kind in ("aerobic", "relaxation"):
            continue
        root = exercise
        while root.easier is not None and root.easier not in seen:
            root = library[root.easier]
        chain = [root]
        while chain[-1].harder is not None:
            chain.append(library[chain[-1].harder])
        seen.update(member.id for member in chain)
        chains.append(chain)
    return chains


def _level_caps(basis: PlanBasis) -> dict[int, int]:
    """The hardest exercise level each phase may use (gentle 0, moderate 1, hard 2)."""
    caps = {1: 0, 2: 0 if basis.cautious else 1, 3: 1 if basis.cautious else 2}
    if basis.level is Level.SOON:
        caps = {phase: min(cap, 1) for phase, cap in caps.items()}
    return caps


def _variants(chain: Sequence[Exercise], basis: PlanBasis) -> dict[int, Exercise | None]:
    """The member of a family for each phase: one harder link per phase, within the cap."""
    caps = _level_caps(basis)
    picks: dict[int, Exercise | None] = {}
    pick: Exercise | None = None
    for phase in (1, 2, 3):
        cap = caps[phase]
        if pick is None:
            options = [e for e in chain if _allowed(e, basis) and LEVEL_ORDER[e.level] <= cap]
            if options:
                # Careful starts take the easiest version; others the hardest gentle one.
                pick = options[0] if basis.cautious or phase > 1 else options[-1]
        else:
            index = chain.index(pick)
            if index + 1 < len(chain):
                harder = chain[index + 1]
                if _allowed(harder, basis) and LEVEL_ORDER[harder.level] <= cap:
                    pick = harder
        picks[phase] = pick
    return picks


def _cause_fit(causes_served: Collection[str], causes: list[str]) -> tuple[int, int]:
    """How many of the person's top causes are served, and how highly they rank."""
    served = [cause for cause in causes if cause in causes_served]
    return len(served), sum(len(causes) - causes.index(cause) for cause in served)


class _Candidate(BaseModel):
    model_config = ConfigDict(frozen=True)

    exercise: Exercise
    since_phase: int  # the phase this exact exercise first appears in (for its dose step)


def _ranked(basis: PlanBasis, phase: int) -> list[_Candidate]:
    """This phase's exercises, best first: by the person's causes the family serves."""
    library_order = _library_order()
    preference = _PHASE_KIND_PREFERENCE[phase]
    keyed: list[tuple[tuple[int, int, int, int], _Candidate]] = []
    for chain, family_causes in zip(_chains(), _family_causes(), strict=True):
        # Nerve glides and the like are for people whose answers point to a nerve.
        if family_causes <= _NERVE_CAUSES and not family_causes & set(basis.causes):
            continue
        picks = _variants(chain, basis)
        exercise = picks[phase]
        if exercise is None:
            continue
        since = min(p for p, pick in picks.items() if pick is not None and pick.id == exercise.id)
        count, weight = _cause_fit(family_causes, basis.causes)
        kind_rank = preference.get(exercise.kind, 3)
        bonus = 1 if kind_rank == 0 and count > 0 else 0
        key = (-(count + bonus), kind_rank, -weight, library_order[exercise.id])
        keyed.append((key, _Candidate(exercise=exercise, since_phase=since)))
    ranked = [candidate for _, candidate in sorted(keyed, key=lambda item: item[0])]
    regions = _person_regions(basis)
    if len(regions) == 1:
        return ranked
    # Both regions: alternate lower and upper so every session has some of each.
    mixed: list[_Candidate] = []
    turn = 0
    while ranked:
        region = regions[turn % 2]
        index = next((i for i, c in enumerate(ranked) if region in c.exercise.regions), 0)
        mixed.append(ranked.pop(index))
        turn += 1
    return mixed


def _relaxation(basis: PlanBasis) -> Exercise | None:
    if not basis.relaxation:
        return None
    options = [
        exercise
        for exercise in load_exercises().values()
        if exercise.kind == "relaxation" and _allowed(exercise, basis)
    ]
    if not options:
        return None
    wanted = [*basis.causes, "muscle_tension"]
    return max(options, key=lambda exercise: _cause_fit(exercise.causes, wanted))


# --- Dosage -------------------------------------------------------------------------------


def dose_for(exercise: Exercise, step: int, fitness: Fitness) -> Dosage:
    """The library dose adjusted for how many weeks the exercise has been in the plan.

    One change a week: step 1 adds reps (2, or 1 for low fitness) or 5 seconds of hold;
    step 2 adds a set; each later step adds reps or hold again. Mobility and stretches stop
    at step 1 (they keep things moving; strength is what progresses). Capped at 3 sets,
    15 reps and 45-second holds. Step -1 (a regressed first week) takes a set away.
    """
    base = exercise.dosage
    if exercise.kind in ("relaxation", "aerobic") or base.minutes is not None or step == 0:
        return base
    if step < 0:
        return base.model_copy(update={"sets": max(1, base.sets - 1)})
    if exercise.kind in ("mobility", "stretch"):
        step = min(step, 1)
    more = step if step < 2 else step - 1
    sets = min(base.sets + 1, max(base.sets, 3)) if step >= 2 else base.sets
    reps = hold = None
    if base.reps is not None:
        reps = min(base.reps + (1 if fitness == "low" else 2) * more, max(base.reps, 15))
    if base.hold_seconds is not None:
        hold = min(base.hold_seconds + 5 * more, max(base.hold_seconds, 45))
    return Dosage.model_validate(
        {
            "sets": sets,
            "reps": reps,
            "hold_seconds": hold,
            "rest_seconds": base.rest_seconds,
            "per_side": base.per_side,
        }
    )


def seconds_for(exercise: Exercise, dosage: Dosage) -> int:
    return dose_seconds(exercise, dosage)


def smaller_dose(dosage: Dosage) -> Dosage | None:
    """One notch less: a set, then reps, hold seconds or minutes; None at the minimum."""
    if dosage.sets > 1:
        return dosage.model_copy(update={"sets": dosage.sets - 1})
    if dosage.reps is not None and dosage.reps > 1:
        return dosage.model_copy(update={"reps": dosage.reps - 1})
    if dosage.hold_seconds is not None and dosage.hold_seconds > 5:
        return dosage.model_copy(update={"hold_seconds": max(5, dosage.hold_seconds - 5)})
    if dosage.minutes is not None and dosage.minutes > 1:
        return dosage.model_copy(update={"minutes": dosage.minutes - 1})
    return None


# --- Explaining choices -------------------------------------------------------------------


def _region_phrase(exercise: Exercise, basis: PlanBasis) -> str:
    regions = [region for region in _person_regions(basis) if region in exercise.regions]
    if basis.region is None:
        return "your back"
    if len(regions) == 2:
        return "your lower and upper back"
    return f"your {regions[0]} back"


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def why_chosen(exercise: Exercise, basis: PlanBasis) -> str:
    served = [cause for cause in basis.causes if cause in exercise.causes]
    names = knowledge().causes
    phrases = [
        _CAUSE_PHRASES.get(cause, names[cause].name.lower() if cause in names else cause)
        for cause in served[:2]
    ]
    purpose = exercise.purpose[0].lower() + exercise.purpose[1:]
    if exercise.kind == "relaxation":
        reason = "muscle tension" if "muscle_tension" in basis.causes else "the stress you feel"
        return f"Added to ease {reason}: {purpose}"
    return f"Chosen for {_join([_region_phrase(exercise, basis), *phrases])}: {purpose}"


def prescribe(exercise: Exercise, dosage: Dosage, basis: PlanBasis) -> Prescription:
    return Prescription(
        exercise_id=exercise.id,
        name=exercise.name,
        kind=exercise.kind,
        level=exercise.level,
        regions=list(exercise.regions),
        sets=dosage.sets,
        reps=dosage.reps,
        hold_seconds=dosage.hold_seconds,
        minutes=dosage.minutes,
        rest_seconds=dosage.rest_seconds,
        per_side=dosage.per_side,
        dosage=dosage.describe(),
        seconds=seconds_for(exercise, dosage),
        serves=[cause for cause in basis.causes if cause in exercise.causes],
        why=why_chosen(exercise, basis),
    )


def dosage_of(item: Prescription) -> Dosage:
    return Dosage(
        sets=item.sets,
        reps=item.reps,
        hold_seconds=item.hold_seconds,
        minutes=item.minutes,
        rest_seconds=item.rest_seconds,
        per_side=item.per_side,
    )


def timer_for(item: Prescription) -> list[TimerStep]:
    """The guided countdown for one prescribed exercise at this week's dose."""
    exercise = load_exercises()[item.exercise_id]
    return timer_plan(exercise.model_copy(update={"dosage": dosage_of(item)}))


def with_dosage(item: Prescription, dosage: Dosage) -> Prescription:
    exercise = load_exercises()[item.exercise_id]
    return item.model_copy(
        update={
            "sets": dosage.sets,
            "reps": dosage.reps,
            "hold_seconds": dosage.hold_seconds,
            "minutes": dosage.minutes,
            "dosage": dosage.describe(),
            "seconds": seconds_for(exercise, dosage),
        }
    )


# --- Building weeks ------------------------------------------------------------------------


def phase_and_step(stage: int) -> tuple[int, int]:
    """Stage 1-2 -> phase 1, 3-4 -> phase 2, 5+ -> phase 3; step = weeks into the phase."""
    if stage <= 0:
        return 1, -1
    phase = min((stage + 1) // 2, 3)
    return phase, stage - (2 * phase - 1)


def shrink_to_fit(items: list[Prescription], budget_seconds: int) -> list[Prescription]:
    """Drops the lowest-ranked exercises, then trims the last one, until it fits the time."""
    items = list(items)
    while sum(item.seconds for item in items) > budget_seconds:
        if len(items) > 1:
            items.pop()
            continue
        smaller = smaller_dose(dosage_of(items[0]))
        if smaller is None:
            break
        items[0] = with_dosage(items[0], smaller)
    return items


def dose_step(stage: int, since_phase: int) -> int:
    """Weeks an exercise has been in the plan at this stage (-1 for a regressed week 1)."""
    if stage <= 0:
        return -1
    return max(0, stage - (2 * since_phase - 1))


def session_plan(
    basis: PlanBasis, stage: int, ranked: list[_Candidate] | None = None
) -> list[Prescription]:
    """The exercises of every session at this stage, in the order to do them.

    ``ranked`` is ``_ranked(basis, phase)`` when the caller already has it.
    """
    phase, _ = phase_and_step(stage)
    ranked = ranked if ranked is not None else _ranked(basis, phase)
    relax = _relaxation(basis)
    priority = list(ranked)
    if relax is not None:
        priority.insert(min(1, len(priority)), _Candidate(exercise=relax, since_phase=1))
    if not priority:
        # Nothing in the library suits (e.g. no equipment at all): walking always does.
        priority = [_Candidate(exercise=load_exercises()["walking"], since_phase=1)]
    # Choose with the phase's bigger dose, so both weeks of a phase share their exercises.
    fit_stage = max(stage, 2 * phase)
    chosen: list[_Candidate] = []
    total = 0
    for candidate in priority:
        exercise = candidate.exercise
        others = sum(c.exercise.kind != "relaxation" for c in chosen)
        if exercise.kind != "relaxation" and others >= MAX_EXERCISES:
            continue
        step = dose_step(fit_stage, candidate.since_phase)
        seconds = seconds_for(exercise, dose_for(exercise, step, basis.fitness))
        if total + seconds <= basis.budget_seconds:
            chosen.append(candidate)
            total += seconds
    if not chosen:
        chosen = priority[:1]
    items = [
        prescribe(
            c.exercise,
            dose_for(c.exercise, dose_step(stage, c.since_phase), basis.fitness),
            basis,
        )
        for c in chosen
    ]
    items = shrink_to_fit(items, basis.budget_seconds)
    return sorted(items, key=lambda item: _KIND_ORDER_IN_SESSION[item.kind])


def session_dates(week_start: date, days: list[Weekday]) -> list[date]:
    dates = [week_start + timedelta(days=offset) for offset in range(7)]
    return sorted(d for d in dates if WEEKDAYS[d.weekday()] in days)


def make_sessions(
    week_start: date, days: list[Weekday], items: list[Prescription]
) -> list[Session]:
    seconds = sum(item.seconds for item in items)
    return [
        Session(
            date=day,
            weekday=WEEKDAYS[day.weekday()],
            exercises=items,
            seconds=seconds,
            estimated_minutes=max(1, math.ceil(seconds / 60)),
        )
        for day in session_dates(week_start, days)
    ]


def walking_minutes(basis: PlanBasis, stage: int) -> int:
    grown = basis.walking_start + basis.walking_step * (max(stage, 1) - 1)
    return min(max(grown, basis.walking_start), max(WALKING_GOAL, basis.walking_start))


def build_week(
    basis: PlanBasis,
    number: int,
    stage: int,
    adjustment: str | None = None,
    items: list[Prescription] | None = None,
) -> Week:
    """Week ``number`` of the calendar at ``stage`` of the ladder (or with given exercises)."""
    stage = max(MIN_STAGE, min(MAX_STAGE, stage))
    phase_number, _ = phase_and_step(stage)
    phase = PHASES[phase_number - 1]
    start = basis.start + timedelta(weeks=number - 1)
    return Week(
        number=number,
        stage=stage,
        phase=phase.number,
        phase_name=phase.name,
        focus=phase.focus,
        start=start,
        end=start + timedelta(days=6),
        sessions=make_sessions(
            start, basis.session_days, items if items is not None else session_plan(basis, stage)
        ),
        walking_minutes=walking_minutes(basis, stage),
        education=education()[min(number, PROGRAMME_WEEKS)],
        adjustment=adjustment,
    )


# --- Habits --------------------------------------------------------------------------------


def _movement_breaks(intake: Intake, prefs: Preferences) -> MovementBreaks | None:
    hours = intake.habits.sitting_hours
    if hours < LONG_SITTING_HOURS:
        return None
    often = hours >= 8 or intake.habits.sitting_breaks is Breaks.RARELY
    return MovementBreaks(
        every_minutes=30 if often else 45,
        days=[day for day in WEEKDAYS if day in prefs.workdays],
        reason=f"You sit for about {hours:g} hours a day.",
    )


def _habits(
    assessment: Assessment, intake: Intake, basis: PlanBasis, breaks: MovementBreaks | None
) -> list[Habit]:
    tips = habit_tips()
    cause_ids = {cause.id for cause in assessment.causes}
    mistake_ids = {mistake.id for mistake in assessment.mistakes}
    values = {
        "start": str(basis.walking_start),
        "goal": str(max(WALKING_GOAL, basis.walking_start)),
        "every": str(breaks.every_minutes if breaks else 45),
    }
    habits: list[Habit] = []
    for tip in tips.values():
        if tip.id == "walking":
            show = True
        elif tip.id == "movement_breaks":
            show = breaks is not None
        elif tip.id == "wind_down":
            show = basis.relaxation
        else:
            show = bool(cause_ids & set(tip.causes) or mistake_ids & set(tip.mistakes))
        if show:
            habits.append(
                Habit(
                    id=tip.id,
                    title=tip.title.format(**values),
                    text=" ".join(tip.text.format(**values).split()),
                    sources=tip.sources,
                )
            )
    return habits


def _left_out(basis: PlanBasis) -> list[LeftOut]:
    regions = set(_person_regions(basis))
    left_out = []
    for exercise in load_exercises().values():
        if exercise.kind == "aerobic" or not regions & set(exercise.regions):
            continue
        reasons = exclusion_reasons(exercise, basis)
        if reasons:
            left_out.append(LeftOut(id=exercise.id, name=exercise.name, reasons=reasons))
    return left_out


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
    breaks = _movement_breaks(intake, prefs)
    # Two weeks share each phase, so rank each phase's exercises once.
    ranking = {phase.number: _ranked(basis, phase.number) for phase in PHASES}
    weeks = [
        build_week(
            basis,
            number,
            number,
            items=session_plan(basis, number, ranking[phase_and_step(number)[0]]),
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
        minutes_per_day=prefs.minutes_per_day,
        days=basis.session_days,
        session_time=prefs.session_time,
        phases=list(PHASES),
        weeks=weeks,
        habits=_habits(assessment, intake, basis, breaks),
        movement_breaks=breaks,
        left_out=_left_out(basis),
        basis=basis,
    )
