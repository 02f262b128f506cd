"""Selector for the service outcomes report: each person's first programme in a date
range, as the anonymous ``Course`` facts ``core.outcomes`` aggregates."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from spinewise.core.outcomes import OUTCOME_WEEK, CheckInFact, Course, PsfsFact
from spinewise.core.pathway import PATHWAY_IDS, PathwayId
from spinewise.web.journal.models import CheckIn, PsfsEntry
from spinewise.web.programmes.models import SavedProgramme


def _pathway_of(data: dict[str, Any]) -> PathwayId:
    """The pathway a stored programme follows (older ones: medium, the standard plan)."""
    basis = data.get("basis")
    found = basis.get("pathway") if isinstance(basis, dict) else None
    for pathway in PATHWAY_IDS:
        if found == pathway:
            return pathway
    return "medium"


def courses_started(date_from: date, date_to: date) -> list[Course]:
    """One course per person: their first programme starting in the range."""
    programmes = (
        SavedProgramme.objects.filter(start__gte=date_from, start__lte=date_to)
        .select_related("assessment")
        .order_by("user_id", "start", "pk")
    )
    first: dict[int, SavedProgramme] = {}
    for programme in programmes:
        first.setdefault(programme.user_id, programme)
    last_day = date_to + timedelta(weeks=OUTCOME_WEEK)
    checkins: dict[int, list[CheckInFact]] = {}
    for row in CheckIn.objects.filter(
        user_id__in=first, day__gte=date_from, day__lte=last_day
    ).values_list("user_id", "day", "pain", "sessions_done", "new_red_flags"):
        user_id, day, pain, done, flags = row
        checkins.setdefault(user_id, []).append(
            CheckInFact(day=day, pain=pain, sessions_done=done, red_flags=bool(flags))
        )
    ratings: dict[int, list[PsfsFact]] = {}
    for user_id, week_start, activities in PsfsEntry.objects.filter(
        user_id__in=first, week_start__gte=date_from - timedelta(days=7), week_start__lte=last_day
    ).values_list("user_id", "week_start", "activities"):
        scores = [float(a["score"]) for a in activities]
        if scores:
            ratings.setdefault(user_id, []).append(
                PsfsFact(
                    week_start=week_start, score=sum(scores) / len(scores), activities=len(scores)
                )
            )
    courses = []
    for user_id, programme in first.items():
        end = programme.start + timedelta(weeks=OUTCOME_WEEK) - timedelta(days=1)
        intensity = programme.assessment.intake.get("intensity") if programme.assessment else None
        courses.append(
            Course(
                pathway=_pathway_of(programme.data),
                start=programme.start,
                sessions_per_week=len(programme.data.get("days", [])),
                baseline_pain=intensity if isinstance(intensity, int) else None,
                checkins=[c for c in checkins.get(user_id, []) if programme.start <= c.day <= end],
                psfs=ratings.get(user_id, []),
            )
        )
    return courses
