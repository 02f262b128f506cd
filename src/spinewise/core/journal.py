"""What a person logs, and the rules for it: the daily check-in, the weekly PSFS rating and
the weekly pain-interference rating.

One model each, one validator each, used by the web, the API and the CLI alike:

- Ranges (pain 0-10, sessions 0-14, ...) are the ``Range`` constants below; the models
  and every face read them from here.
- Dates follow one rule (:func:`journal_window`): not after the person's own today, and
  not before the earlier of their programme's start and ``BACKFILL_DAYS`` ago (never
  before ``EARLIEST_DAY``). A programme may start at most ``PROGRAMME_LEAD_DAYS`` ahead
  (:func:`programme_start_window`). "Today" is always a parameter: the caller knows the
  person's time zone, the core does not.
- :func:`parse_checkin`, :func:`parse_rating` and :func:`parse_interference` raise
  :class:`JournalError`, which names every bad field; the web shows it on the form (400),
  the API answers 422 and the CLI exits with status 2.
- A check-in may carry an idempotency key (:func:`parse_idempotency_key`): a client that
  sends the same check-in again, not knowing whether the first attempt arrived (a phone
  back online), gets the first answer back instead of a second write.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from statistics import fmean
from typing import Annotated, Any, NamedTuple, TypeVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    ValidationError,
    field_validator,
    model_validator,
)

from spinewise.core.checkin import CHECKIN_FLAGS
from spinewise.core.intake import FreeText


class Range(NamedTuple):
    """An inclusive numeric range, as the models enforce it and the faces show it."""

    low: int
    high: int

    def __str__(self) -> str:
        return f"{self.low}-{self.high}"


PAIN = Range(0, 10)  # the 0-10 numeric rating scale
SESSIONS = Range(0, 14)  # exercise sessions in one day
SITTING_HOURS = Range(0, 24)
PSFS_SCORE = Range(0, 10)  # 0 "unable to do" to 10 "able, as before"
PSFS_ACTIVITIES = Range(1, 3)
MAX_NOTE = 500
MAX_ACTIVITY_NAME = 80

# The sane lower bound: nothing logged here predates it, so no date arithmetic overflows.
EARLIEST_DAY = date(2000, 1, 1)
BACKFILL_DAYS = 366  # a missed day may be logged up to a year later (or since the programme)
PROGRAMME_LEAD_DAYS = 366  # a programme may be planned to start up to a year ahead

# A client's idempotency key: a UUID fits, and so does any other random token of this shape.
IDEMPOTENCY_KEY = re.compile(r"[A-Za-z0-9_-]{16,64}")
IDEMPOTENCY_KEY_RULE = "16 to 64 letters, digits, '-' or '_' (a random UUID fits)"


class JournalError(ValueError):
    """A check-in or rating that breaks the rules; ``problems`` names every bad field."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{field}: {reason}" for field, reason in problems))


# --- The date rule -----------------------------------------------------------------------------


class DayWindow(NamedTuple):
    """The days a person may log: ``earliest`` to ``latest``, both included."""

    earliest: date
    latest: date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.earliest <= day <= self.latest

    def problem(self, day: date) -> str | None:
        """Why ``day`` is outside the window, in words; None when it is inside."""
        if day > self.latest:
            return f"{day.isoformat()} has not happened yet (today is {self.latest.isoformat()})"
        if day < self.earliest:
            return f"must be on or after {self.earliest.isoformat()}"
        return None


def journal_window(today: date, programme_start: date | None = None) -> DayWindow:
    """The days a check-in or rating may be dated: see the module docs."""
    earliest = today - timedelta(days=BACKFILL_DAYS)
    if programme_start is not None and programme_start < earliest:
        earliest = programme_start
    return DayWindow(max(EARLIEST_DAY, min(earliest, today)), today)


def programme_start_window(today: date) -> DayWindow:
    """The days a programme may start on: from ``EARLIEST_DAY`` to a year ahead."""
    return DayWindow(EARLIEST_DAY, today + timedelta(days=PROGRAMME_LEAD_DAYS))


def week_start_of(day: date) -> date:
    """The Monday of ``day``'s week: PSFS ratings are kept one per week."""
    return day - timedelta(days=day.weekday())


# --- Field types -------------------------------------------------------------------------------


def _iso_date(value: object) -> object:
    """Dates are written YYYY-MM-DD (no timestamps, no other spellings)."""
    if not isinstance(value, str):
        return value
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise ValueError("must be a date written YYYY-MM-DD")


# Strict numbers: true is not 1 and "4" is not 4, whichever face the value comes from.
IsoDate = Annotated[date, BeforeValidator(_iso_date), Strict()]
StrictInt = Annotated[int, Strict()]
StrictBool = Annotated[bool, Strict()]


def _hours(value: object) -> object:
    if isinstance(value, bool) or not isinstance(value, int | float | None):
        raise ValueError("must be a number of hours")
    return value


Hours = Annotated[float, BeforeValidator(_hours)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# --- The daily check-in ------------------------------------------------------------------------


class DailyEntry(_Frozen):
    """One day's check-in: how it felt, what was done, and the short safety re-check."""

    day: IsoDate = Field(description="The day it is about, YYYY-MM-DD.")
    pain: StrictInt = Field(
        ge=PAIN.low, le=PAIN.high, description="Pain now, 0 (none) to 10 (worst possible)."
    )
    worst: StrictInt | None = Field(
        default=None, ge=PAIN.low, le=PAIN.high, description="Worst pain that day, 0-10."
    )
    sessions_done: StrictInt = Field(
        default=0, ge=SESSIONS.low, le=SESSIONS.high, description="Exercise sessions done."
    )
    sitting_hours: Hours | None = Field(
        default=None, ge=SITTING_HOURS.low, le=SITTING_HOURS.high, description="Hours sat."
    )
    leg_pain: StrictInt | None = Field(
        default=None,
        ge=PAIN.low,
        le=PAIN.high,
        description="Leg pain now, 0-10; asked when the pain spreads into a leg.",
    )
    flare_up: StrictBool = Field(default=False, description="Had a flare-up that day.")
    note: FreeText = Field(default="", max_length=MAX_NOTE, description="Free text.")
    new_red_flags: list[str] = Field(
        default_factory=list,
        description="The safety re-check questions answered yes: " + ", ".join(CHECKIN_FLAGS),
        json_schema_extra={"items": {"enum": list(CHECKIN_FLAGS)}, "uniqueItems": True},
    )

    @field_validator("new_red_flags")
    @classmethod
    def _asked_at_checkin(cls, value: list[str]) -> list[str]:
        unknown = [name for name in value if name not in CHECKIN_FLAGS]
        if unknown:
            raise ValueError(f"not asked at check-in: {', '.join(unknown)}")
        if len(set(value)) != len(value):
            raise ValueError("names a question twice")
        return value


# --- The weekly PSFS rating ---------------------------------------------------------------------


class PsfsActivity(_Frozen):
    name: FreeText = Field(
        min_length=1, max_length=MAX_ACTIVITY_NAME, description="An activity the person chose."
    )
    score: StrictInt = Field(
        ge=PSFS_SCORE.low, le=PSFS_SCORE.high, description='0 "unable to do" to 10 "as before".'
    )

    @field_validator("name")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        value = " ".join(value.split())
        if not value:
            raise ValueError("activity name must not be blank")
        return value


# What counts as a real change in the PSFS (Abbott and Schmitt 2014; clinical reference §5,
# §8b): 2 points for the average of three activities, 3 points for one activity, so a
# rating of fewer than three activities needs 3.
PSFS_MEAN_CHANGE = 2.0
PSFS_ACTIVITY_CHANGE = 3.0
PSFS_FULL_SET = 3


def psfs_needed_change(activities: int) -> float:
    """Points of PSFS change that count as real for a rating of this many activities."""
    return PSFS_MEAN_CHANGE if activities >= PSFS_FULL_SET else PSFS_ACTIVITY_CHANGE


class PsfsRating(_Frozen):
    """One Patient-Specific Functional Scale rating: 1-3 activities, each 0-10.

    Give the programme ``week`` (1-6), the ``week_start`` date, or both.
    """

    week: StrictInt | None = Field(default=None, ge=1, le=6)
    week_start: IsoDate | None = None
    activities: list[PsfsActivity] = Field(
        min_length=PSFS_ACTIVITIES.low, max_length=PSFS_ACTIVITIES.high
    )

    @model_validator(mode="after")
    def _dated(self) -> PsfsRating:
        if self.week is None and self.week_start is None:
            raise ValueError("give the programme week, the week_start date, or both")
        names = [activity.name.casefold() for activity in self.activities]
        if len(names) != len(set(names)):
            raise ValueError("activities lists the same activity twice")
        return self

    @property
    def mean(self) -> float:
        return round(fmean(activity.score for activity in self.activities), 2)


def activities_to_rate(
    this_week: PsfsRating | None, ratings: Sequence[PsfsRating]
) -> list[PsfsActivity]:
    """The activities a week's PSFS rating starts from: that week's own when it was rated
    (to edit it), else those of the newest rating (``ratings`` oldest first), so that
    scores compare week to week: the scale measures change in the same activities."""
    if this_week is not None:
        return list(this_week.activities)
    return list(ratings[-1].activities) if ratings else []


class WeeklyRating(_Frozen):
    """A week's PSFS rating as a person enters it: the week's first day and 1-3 activities."""

    week_start: IsoDate = Field(description="The first day of the week rated, YYYY-MM-DD.")
    activities: list[PsfsActivity] = Field(
        min_length=PSFS_ACTIVITIES.low, max_length=PSFS_ACTIVITIES.high
    )

    @model_validator(mode="after")
    def _distinct(self) -> WeeklyRating:
        names = [activity.name.casefold() for activity in self.activities]
        if len(names) != len(set(names)):
            raise ValueError("activities lists the same activity twice")
        return self


# --- The weekly pain-interference rating --------------------------------------------------------

INTERFERENCE = Range(0, 10)  # each of the three answers
INTERFERENCE_INSTRUMENT = "pain_interference"


class InterferenceRating(_Frozen):
    """A week's pain-interference rating: three answers, each 0-10 (the instrument
    ``content/instruments/pain_interference.yaml`` words the questions and scores them)."""

    week_start: IsoDate = Field(description="The first day of the week rated, YYYY-MM-DD.")
    pain: StrictInt = Field(
        ge=INTERFERENCE.low, le=INTERFERENCE.high, description="How strong the pain usually was."
    )
    enjoyment: StrictInt = Field(
        ge=INTERFERENCE.low,
        le=INTERFERENCE.high,
        description="How much pain took the pleasure out of things.",
    )
    activity: StrictInt = Field(
        ge=INTERFERENCE.low,
        le=INTERFERENCE.high,
        description="How much pain held back day-to-day activities.",
    )

    def answers(self) -> dict[str, str]:
        """The answers as the instrument engine takes them (item id to answer value)."""
        return {
            "pain": str(self.pain),
            "enjoyment": str(self.enjoyment),
            "activity": str(self.activity),
        }


# --- Validators --------------------------------------------------------------------------------


def problems_of(exc: ValidationError, prefix: str = "") -> list[tuple[str, str]]:
    """(dotted field, message) for each error of a pydantic validation."""
    problems = []
    for error in exc.errors():
        path = ".".join(str(part) for part in (prefix, *error["loc"]) if part != "")
        message = error["msg"].removeprefix("Value error, ")
        problems.append((path or "(body)", message))
    return problems


def parse_checkin(data: Mapping[str, Any], *, window: DayWindow) -> DailyEntry:
    """A valid check-in dated inside ``window``, or JournalError naming every bad field."""
    try:
        entry = DailyEntry.model_validate(dict(data))
    except ValidationError as exc:
        raise JournalError(problems_of(exc)) from exc
    why = window.problem(entry.day)
    if why is not None:
        raise JournalError([("day", why)])
    return entry


_Weekly = TypeVar("_Weekly", WeeklyRating, InterferenceRating)


def _rating_in_window(model: type[_Weekly], data: Mapping[str, Any], window: DayWindow) -> _Weekly:
    """``data`` validated as ``model``, its week starting inside ``window`` (or in the
    window's first week); JournalError naming every bad field."""
    try:
        rating = model.model_validate(dict(data))
    except ValidationError as exc:
        raise JournalError(problems_of(exc)) from exc
    weeks = DayWindow(week_start_of(window.earliest), window.latest)
    why = weeks.problem(rating.week_start)
    if why is not None:
        raise JournalError([("week_start", why)])
    return rating


def parse_rating(data: Mapping[str, Any], *, window: DayWindow) -> WeeklyRating:
    """A valid PSFS rating whose week starts inside ``window`` (or in its first week)."""
    return _rating_in_window(WeeklyRating, data, window)


def parse_interference(data: Mapping[str, Any], *, window: DayWindow) -> InterferenceRating:
    """A valid pain-interference rating whose week starts inside ``window`` (or in its first
    week), dated by the same rule as the PSFS; JournalError naming every bad field."""
    rating = _rating_in_window(InterferenceRating, data, window)
    # One rating a week: any day names its week, which is kept by its Monday.
    return rating.model_copy(update={"week_start": week_start_of(rating.week_start)})


def parse_idempotency_key(value: str | None) -> str | None:
    """The client's idempotency key for a write, None when it sent none, or JournalError.

    The same key from the same person means the same check-in: it is recorded once, and
    sending it again answers with what the first attempt did.
    """
    if value is None or value == "":
        return None
    if IDEMPOTENCY_KEY.fullmatch(value) is None:
        raise JournalError([("idempotency_key", f"must be {IDEMPOTENCY_KEY_RULE}")])
    return value


def new_idempotency_key() -> str:
    """A fresh key for one check-in form: sending that form twice records it once."""
    return str(uuid.uuid4())
