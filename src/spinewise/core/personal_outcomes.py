"""The outcomes a person sees: four measures over the programme weeks, each with the change
from its first value to its latest and whether that change counts as meaningful.

The measures (one :class:`Measure` each, in this order):

- **Pain interference** (``pain_interference``): the weekly three-question rating, scored
  by the instrument engine as the mean of the answers (0-10, lower is better). No threshold
  has been published for this wording, so the rule for pain on a 0-10 scale is borrowed:
  a change counts when it is at least 2 points AND at least 30% of the first value
  (Ostelo et al. 2008). The measure says so in its ``threshold.note``.
- **Recovery screen** (``recovery_screen``): the screen's total at the assessment (week 0)
  and at each re-screen (weeks 3 and 6), lower is better. The screen is Spinewise's own and
  unvalidated, so no change in points is called meaningful; a move to another band (and so
  pathway) is marked instead.
- **Function** (``psfs``): the Patient-Specific Functional Scale mean, 0-10, higher is
  better; a change counts at 2 points for three activities and 3 points for fewer (Abbott
  and Schmitt 2014), as :func:`spinewise.core.progress.psfs_change` decides it.
- **Sessions done** (``adherence``): sessions done as a percentage of those planned, per
  programme week. A count, not a clinical measure: no change is marked.

Weeks are programme weeks (1 = the week the programme starts). A weekly rating belongs to
the programme week its calendar week overlaps most (:func:`programme_week`, the rule the
service outcomes use), so a programme that starts on a Wednesday still has that Monday's
rating as week 1. Without a programme, ratings are numbered in date order. A later rating
of the same week replaces an earlier one.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from spinewise.core.education import PROGRAMME_WEEKS
from spinewise.core.instruments import InstrumentResult, packaged_instrument, score_instrument
from spinewise.core.journal import (
    INTERFERENCE_INSTRUMENT,
    PSFS_MEAN_CHANGE,
    DailyEntry,
    InterferenceRating,
    PsfsRating,
)
from spinewise.core.plan import Programme
from spinewise.core.progress import psfs_by_week, psfs_change, weekly_adherence
from spinewise.core.review import MIN_FRACTION, MIN_POINTS
from spinewise.core.wording import counted, number

MeasureId = Literal["pain_interference", "recovery_screen", "psfs", "adherence"]
Direction = Literal["better", "worse", "same"]
_TOLERANCE = 1e-9  # 2.0 computed as 6.67 - 4.67 still counts as 2


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Threshold(_Frozen):
    """What counts as a meaningful change for one measure, and where that comes from."""

    rule: str = Field(description="The rule in words.")
    sources: list[str] = Field(description="Source ids in content/sources.yaml.")
    note: str | None = Field(default=None, description="What the rule is and is not.")


class Point(_Frozen):
    week: int = Field(description="Programme week; 0 is the assessment.")
    value: float
    band: str | None = Field(default=None, description="The instrument's band, when it has one.")


class Change(_Frozen):
    first_week: int
    latest_week: int
    first: float
    latest: float
    change: float = Field(description="latest - first.")
    direction: Direction
    meaningful: bool
    verdict: str


class Measure(_Frozen):
    id: MeasureId
    name: str
    scale: str = Field(
        description='The range and which way is better, e.g. "0-10, lower is better".'
    )
    higher_is_better: bool
    points: list[Point] = Field(description="Oldest first, one per week at most.")
    change: Change | None = Field(description="First against latest; None with under 2 points.")
    threshold: Threshold | None = Field(description="None: no change is marked for this measure.")

    def at(self, week: int) -> Point | None:
        return next((point for point in self.points if point.week == week), None)


class PersonalOutcomes(_Frozen):
    weeks: list[int] = Field(description="Every week that has a value in any measure, in order.")
    measures: list[Measure]

    def measure(self, measure_id: MeasureId) -> Measure:
        return next(m for m in self.measures if m.id == measure_id)

    @property
    def empty(self) -> bool:
        return not any(m.points for m in self.measures)


# --- The thresholds ----------------------------------------------------------------------------

PAIN_THRESHOLD = Threshold(
    rule=(
        f"at least {counted(MIN_POINTS, 'point')} and at least {number(MIN_FRACTION * 100)}% "
        "of the first value"
    ),
    sources=["ostelo_2008"],
)
INTERFERENCE_THRESHOLD = PAIN_THRESHOLD.model_copy(
    update={
        "sources": ["ostelo_2008", "krebs_2009_peg"],
        "note": (
            "Borrowed from the 0-10 pain scale (Ostelo et al. 2008): no threshold has been "
            "published for this rating's own wording, so treat it as a guide."
        ),
    }
)
PSFS_THRESHOLD = Threshold(
    rule=(
        f"at least {counted(PSFS_MEAN_CHANGE, 'point')} for the average of three activities, "
        "3 points when fewer than three are rated"
    ),
    sources=["abbott_2014_psfs", "psfs"],
)
SCREEN_THRESHOLD = Threshold(
    rule="a move to another band of the screen (and so another pathway)",
    sources=["startback_scoring"],
    note=(
        "This screen is Spinewise's own and has not been validated, so no change in its "
        "points is called meaningful; only a change of band is marked."
    ),
)


def meaningful_pain_change(first: float, latest: float) -> bool:
    """At least 2 points and at least 30% of ``first``, either way (Ostelo et al. 2008)."""
    change = abs(round(latest - first, 2))
    return change >= MIN_POINTS - _TOLERANCE and change >= MIN_FRACTION * first - _TOLERANCE


def score_interference(rating: InterferenceRating) -> InstrumentResult:
    """The rating scored by the instrument engine: the mean of the three answers, with a band."""
    return score_instrument(packaged_instrument(INTERFERENCE_INSTRUMENT), rating.answers())


# --- Building the measures ---------------------------------------------------------------------


def _direction(change: float, higher_is_better: bool) -> Direction:
    if abs(change) < 0.005:
        return "same"
    return "better" if (change > 0) == higher_is_better else "worse"


def _verdict(name: str, change: Change, needed: str | None) -> str:
    head = (
        f"{name}: {number(change.latest)} in week {change.latest_week}, "
        f"against {number(change.first)} in week {change.first_week}"
    )
    if change.direction == "same":
        return f"{head}: no change."
    size = counted(abs(change.change), "point")
    if needed is None:
        return f"{head}: {size} {change.direction}."
    kind = "a meaningful change" if change.meaningful else f"not yet {needed}"
    return f"{head}: {size} {change.direction}, {kind}."


def _change(
    points: list[Point], higher_is_better: bool, meaningful: bool, name: str, needed: str | None
) -> Change | None:
    if len(points) < 2:
        return None
    first, latest = points[0], points[-1]
    delta = round(latest.value - first.value, 2)
    made = Change(
        first_week=first.week,
        latest_week=latest.week,
        first=first.value,
        latest=latest.value,
        change=delta,
        direction=_direction(delta, higher_is_better),
        meaningful=meaningful,
        verdict="",
    )
    return made.model_copy(update={"verdict": _verdict(name, made, needed)})


def programme_week(week_start: date, start: date) -> int:
    """The programme week a calendar week (from ``week_start``) overlaps most: its first day
    may fall up to 3 days before that programme week begins. Below 1: before the programme."""
    return ((week_start - start).days + 3) // 7 + 1


def _by_week(
    ratings: Iterable[InterferenceRating], start: date | None
) -> dict[int, InterferenceRating]:
    ratings = sorted(ratings, key=lambda r: r.week_start)
    order = {day: n for n, day in enumerate(sorted({r.week_start for r in ratings}), start=1)}
    latest: dict[int, InterferenceRating] = {}
    for rating in ratings:
        week = programme_week(rating.week_start, start) if start else order[rating.week_start]
        if week >= 1:
            latest[week] = rating
    return dict(sorted(latest.items()))


def interference_measure(
    ratings: Iterable[InterferenceRating], start: date | None = None
) -> Measure:
    points = []
    for week, rating in _by_week(ratings, start).items():
        result = score_interference(rating)
        points.append(Point(week=week, value=result.scores["mean"], band=result.band_label))
    name = "Pain interference"
    meaningful = len(points) >= 2 and meaningful_pain_change(points[0].value, points[-1].value)
    return Measure(
        id="pain_interference",
        name=name,
        scale="0-10, lower is better",
        higher_is_better=False,
        points=points,
        change=_change(points, False, meaningful, name, "the 2 points and 30% that count"),
        threshold=INTERFERENCE_THRESHOLD,
    )


def screen_measure(
    programme: Programme | None, assessment_screen: InstrumentResult | None = None
) -> Measure:
    """The screen at the assessment (week 0) and at each re-screen. A re-screen replaces the
    programme's screen, so the assessment's own result is passed in when there is one."""
    points: list[Point] = []
    rescreens = programme.rescreens if programme is not None else []
    first = assessment_screen
    if first is None and programme is not None and programme.pathway and not rescreens:
        first = programme.pathway.screen
    if first is not None:
        points.append(Point(week=0, value=first.scores["total"], band=first.band))
    points.extend(
        Point(week=record.week, value=record.scores["total"], band=record.after)
        for record in rescreens
    )
    name = "Recovery screen"
    moved = len(points) >= 2 and points[0].band != points[-1].band
    return Measure(
        id="recovery_screen",
        name=name,
        scale="0-8, lower is better",
        higher_is_better=False,
        points=points,
        change=_change(points, False, moved, name, "a change of band"),
        threshold=SCREEN_THRESHOLD,
    )


def _placed(rating: PsfsRating, start: date | None) -> PsfsRating:
    """The rating with its programme week set by :func:`programme_week` (weeks 1-6)."""
    if start is None or rating.week is not None or rating.week_start is None:
        return rating
    week = programme_week(rating.week_start, start)
    return rating.model_copy(update={"week": week}) if 1 <= week <= PROGRAMME_WEEKS else rating


def psfs_measure(ratings: Iterable[PsfsRating], start: date | None = None) -> Measure:
    ratings = [_placed(rating, start) for rating in ratings]
    points = [Point(week=p.week, value=p.mean) for p in psfs_by_week(ratings, start)]
    decided = psfs_change(ratings, start)
    name = "Function (PSFS)"
    return Measure(
        id="psfs",
        name=name,
        scale="0-10, higher is better",
        higher_is_better=True,
        points=points,
        change=_change(
            points,
            True,
            decided is not None and decided.meaningful,
            name,
            "the 2 points (3 for fewer than three activities) that count",
        ),
        threshold=PSFS_THRESHOLD,
    )


def adherence_measure(
    entries: Iterable[DailyEntry], programme: Programme | None, until: date | None
) -> Measure:
    weeks = weekly_adherence(entries, programme, until) if programme is not None else []
    points = [
        Point(week=w.number, value=round(100 * w.ratio, 1)) for w in weeks if w.ratio is not None
    ]
    name = "Sessions done"
    return Measure(
        id="adherence",
        name=name,
        scale="% of planned, higher is better",
        higher_is_better=True,
        points=points,
        change=_change(points, True, False, name, None),
        threshold=None,
    )


def personal_outcomes(
    *,
    programme: Programme | None,
    interference: Iterable[InterferenceRating],
    psfs: Iterable[PsfsRating],
    entries: Iterable[DailyEntry],
    until: date | None = None,
    assessment_screen: InstrumentResult | None = None,
) -> PersonalOutcomes:
    """The four measures over the programme weeks (see the module docs for the rules).

    ``until`` is the person's today: ratings and weeks after it are left out.
    ``assessment_screen`` is the recovery screen as scored at the assessment.
    """
    start = programme.start if programme is not None else None
    kept_interference = [r for r in interference if until is None or r.week_start <= until]
    kept_psfs = [r for r in psfs if until is None or r.week_start is None or r.week_start <= until]
    measures = [
        interference_measure(kept_interference, start),
        screen_measure(programme, assessment_screen),
        psfs_measure(kept_psfs, start),
        adherence_measure(entries, programme, until),
    ]
    weeks = sorted({point.week for measure in measures for point in measure.points})
    return PersonalOutcomes(weeks=weeks, measures=measures)
