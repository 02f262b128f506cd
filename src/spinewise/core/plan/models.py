"""What a programme is made of: preferences, the basis, weeks, sessions, prescriptions."""

from __future__ import annotations

from datetime import date, time
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from spinewise.core.assessment import Region
from spinewise.core.education import EducationItem
from spinewise.core.exercises import Condition, Equipment, Kind
from spinewise.core.exercises import Level as ExerciseLevel
from spinewise.core.levels import Level
from spinewise.core.pathway import Lesson, Pathway, PathwayId
from spinewise.core.triage import Triage

PROGRAMME_SCHEMA = "spinewise.programme/1"

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
    pain_days: int | None = Field(
        default=None,
        description="How long the pain had lasted at the assessment, in days (for the reads).",
    )
    pathway: PathwayId = Field(
        default="medium",
        description="The care pathway (core.pathway): low gets a lighter plan, high the lessons.",
    )


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
    lessons: list[Lesson] = Field(
        default_factory=list,
        description="The high pathway's lessons for this week, each with a task.",
    )
    adjustment: str | None = None
    confirmed: bool = Field(
        default=True,
        description=(
            "False while the week is only planned: the review of the week before sets it, "
            "and it steps up only if pain and leg symptoms were stable or better."
        ),
    )

    @property
    def load(self) -> int:
        return sum(session.load for session in self.sessions)

    @property
    def planned_note(self) -> str | None:
        """What every face says of a week that is planned but not yet set by a review."""
        if self.confirmed:
            return None
        return (
            f"Planned, not promised: your review at the end of week {self.number - 1} sets "
            "this week. It steps up only if your pain and any leg symptoms were stable or "
            "better; otherwise it stays the same or gets easier."
        )


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


class RescreenRecord(_Frozen):
    """One re-screen as the programme keeps it (``core.rescreen``)."""

    week: int
    day: date
    before: PathwayId
    after: PathwayId
    changed: bool
    reason: str
    answers: dict[str, str]
    scores: dict[str, float]


class Programme(_Frozen):
    schema_id: str = PROGRAMME_SCHEMA
    id: str
    start: date
    end: date
    level: Level
    region: Region | None
    advice: str | None = Field(description="What to do besides the plan (book the appointment).")
    safety_note: str = Field(description="When to stop an exercise (content/programme.yaml).")
    minutes_per_day: int
    days: list[Weekday]
    session_time: str
    phases: list[Phase]
    weeks: list[Week]
    habits: list[Habit]
    movement_breaks: MovementBreaks | None
    left_out: list[LeftOut]
    basis: PlanBasis
    pathway: Pathway | None = Field(
        default=None, description="The care pathway the plan follows, with its reasons."
    )
    rescreens: list[RescreenRecord] = Field(
        default_factory=list, description="The recovery screen asked again (weeks 3 and 6)."
    )

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
