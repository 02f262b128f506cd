"""Service outcomes per pathway: aggregates only, with small groups suppressed.

Input is one ``Course`` per person (their programme, check-ins and activity ratings,
without who they are); output is one row per pathway. Every figure is defined in
``docs/outcomes.md``. A figure whose group has fewer than ``MIN_GROUP`` people is
suppressed, and there is no all-pathways total, so no small group can be recovered by
subtraction.
"""

from __future__ import annotations

from datetime import date, timedelta

from pydantic import BaseModel, ConfigDict, Field

from spinewise.core.journal import psfs_needed_change
from spinewise.core.pathway import PATHWAY_IDS, PathwayId, pathways
from spinewise.core.review import MIN_FRACTION, MIN_POINTS

MIN_GROUP = 10
RETENTION_WEEKS = (2, 4, 6)
OUTCOME_WEEK = 6
# Meaningful change uses the thresholds the person's own progress page uses (core.review,
# core.journal; reference.md 5 and 8b): pain down by at least 2 points and at least 30%;
# the PSFS mean up by 2 points over three activities (3 for fewer).


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class CheckInFact(_Frozen):
    day: date
    pain: int = Field(ge=0, le=10)
    sessions_done: int = Field(ge=0)
    red_flags: bool = False


class PsfsFact(_Frozen):
    week_start: date
    score: float = Field(ge=0, le=10, description="The mean of the activities' ratings.")
    activities: int = Field(ge=1, description="How many activities were rated.")


class Course(_Frozen):
    """One person's programme, as the report sees it (no identity)."""

    pathway: PathwayId
    start: date
    sessions_per_week: int = Field(ge=0)
    baseline_pain: int | None = Field(default=None, ge=0, le=10)
    checkins: list[CheckInFact] = []
    psfs: list[PsfsFact] = []


class Share(_Frozen):
    count: int
    of: int

    @property
    def percent(self) -> float:
        return round(100 * self.count / self.of, 1)


class PathwayOutcomes(_Frozen):
    pathway: PathwayId
    name: str
    started: int | None = Field(description="None when fewer than MIN_GROUP started.")
    suppressed: bool
    retention: dict[int, Share | None]
    adherence: Share | None = Field(description="Sessions done of sessions planned.")
    pain_change: Share | None
    function_change: Share | None
    escalations: int | None = Field(description="People with a new warning sign at a check-in.")


class OutcomesReport(_Frozen):
    date_from: date
    date_to: date
    as_of: date
    min_group: int = MIN_GROUP
    rows: list[PathwayOutcomes]


def week_days(start: date, week: int) -> tuple[date, date]:
    """First and last day of programme week ``week`` (1-based)."""
    first = start + timedelta(weeks=week - 1)
    return first, first + timedelta(days=6)


def _in_week(course: Course, day: date, week: int) -> bool:
    first, last = week_days(course.start, week)
    return first <= day <= last


def _week_ended(course: Course, week: int, as_of: date) -> bool:
    return week_days(course.start, week)[1] < as_of


def retained(course: Course, week: int) -> bool:
    """Still taking part in week ``week``: a check-in that week or later."""
    first, _ = week_days(course.start, week)
    return any(c.day >= first for c in course.checkins)


def sessions(course: Course, as_of: date) -> tuple[int, int]:
    """(sessions done, sessions planned) over the programme weeks ended by ``as_of``; each
    week counts at most the sessions it planned."""
    ended = [w for w in range(1, OUTCOME_WEEK + 1) if _week_ended(course, w, as_of)]
    done = sum(
        min(
            course.sessions_per_week,
            sum(c.sessions_done for c in course.checkins if _in_week(course, c.day, week)),
        )
        for week in ended
    )
    return done, course.sessions_per_week * len(ended)


def baseline_pain(course: Course) -> int | None:
    """The first week-1 check-in's pain, or else the pain given at the assessment."""
    week1 = sorted((c for c in course.checkins if _in_week(course, c.day, 1)), key=lambda c: c.day)
    return week1[0].pain if week1 else course.baseline_pain


def week6_pain(course: Course) -> float | None:
    found = [c.pain for c in course.checkins if _in_week(course, c.day, OUTCOME_WEEK)]
    return sum(found) / len(found) if found else None


def meaningful_pain_change(before: float, after: float) -> bool:
    drop = before - after
    return drop >= MIN_POINTS and drop >= MIN_FRACTION * before


def _psfs_at(course: Course, week: int) -> PsfsFact | None:
    # A rating belongs to the programme week its calendar week overlaps most: its start
    # may fall up to 3 days before the programme week starts.
    first, last = week_days(course.start, week)
    found = [
        p
        for p in sorted(course.psfs, key=lambda p: p.week_start)
        if first - timedelta(days=3) <= p.week_start <= last - timedelta(days=3)
    ]
    return found[-1] if found else None


def meaningful_function_change(course: Course) -> bool | None:
    """Whether the PSFS mean rose meaningfully from week 1 to week 6 (None: not rated)."""
    before, after = _psfs_at(course, 1), _psfs_at(course, OUTCOME_WEEK)
    if before is None or after is None:
        return None
    needed = psfs_needed_change(min(before.activities, after.activities))
    return after.score - before.score >= needed


def _share(count: int, of: int) -> Share | None:
    return Share(count=count, of=of) if of >= MIN_GROUP else None


def _row(pathway: PathwayId, group: list[Course], as_of: date) -> PathwayOutcomes:
    name = pathways().pathway(pathway).name
    if len(group) < MIN_GROUP:
        return PathwayOutcomes(
            pathway=pathway,
            name=name,
            started=None,
            suppressed=True,
            retention={week: None for week in RETENTION_WEEKS},
            adherence=None,
            pain_change=None,
            function_change=None,
            escalations=None,
        )
    retention: dict[int, Share | None] = {}
    for week in RETENTION_WEEKS:
        eligible = [c for c in group if _week_ended(c, week, as_of)]
        retention[week] = _share(sum(retained(c, week) for c in eligible), len(eligible))
    done_planned = [sessions(c, as_of) for c in group]
    planned = sum(p for _, p in done_planned)
    adherence = Share(count=sum(d for d, _ in done_planned), of=planned) if planned else None
    pains = [
        (before, after)
        for c in group
        if _week_ended(c, OUTCOME_WEEK, as_of)
        and (before := baseline_pain(c)) is not None
        and (after := week6_pain(c)) is not None
    ]
    pain_change = _share(sum(meaningful_pain_change(b, a) for b, a in pains), len(pains))
    functions = [
        changed
        for c in group
        if _week_ended(c, OUTCOME_WEEK, as_of)
        and (changed := meaningful_function_change(c)) is not None
    ]
    function_change = _share(sum(functions), len(functions))
    return PathwayOutcomes(
        pathway=pathway,
        name=name,
        started=len(group),
        suppressed=False,
        retention=retention,
        adherence=adherence,
        pain_change=pain_change,
        function_change=function_change,
        escalations=sum(any(c.red_flags for c in course.checkins) for course in group),
    )


def service_outcomes(
    courses: list[Course], date_from: date, date_to: date, as_of: date
) -> OutcomesReport:
    """Outcomes per pathway of the programmes started from ``date_from`` to ``date_to``."""
    started = [c for c in courses if date_from <= c.start <= date_to]
    rows = [
        _row(pathway, [c for c in started if c.pathway == pathway], as_of)
        for pathway in PATHWAY_IDS
    ]
    return OutcomesReport(date_from=date_from, date_to=date_to, as_of=as_of, rows=rows)


SUPPRESSED = f"fewer than {MIN_GROUP}"
NOT_YET = "not enough yet"


def _cell(share: Share | None, suppressed: bool) -> str:
    if suppressed:
        return "suppressed"
    if share is None:
        return NOT_YET
    return f"{share.percent:g}% ({share.count} of {share.of})"


def report_table(report: OutcomesReport) -> tuple[list[str], list[list[str]]]:
    """The report as the CLI and the staff page show it: column headings and rows."""
    headings = [
        "Pathway",
        "People started",
        *(f"Still taking part, week {week}" for week in RETENTION_WEEKS),
        "Sessions done of planned",
        f"Meaningful pain change, week {OUTCOME_WEEK}",
        f"Meaningful function change (PSFS), week {OUTCOME_WEEK}",
        "Red-flag escalations (people)",
    ]
    rows = []
    for row in report.rows:
        hidden = row.suppressed
        rows.append(
            [
                row.name,
                SUPPRESSED if hidden else str(row.started),
                *(_cell(row.retention[week], hidden) for week in RETENTION_WEEKS),
                _cell(row.adherence, hidden),
                _cell(row.pain_change, hidden),
                _cell(row.function_change, hidden),
                "suppressed" if hidden else str(row.escalations),
            ]
        )
    return headings, rows
