"""Writes and reads for programmes: the web and API layers call these, never core directly."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from spinewise.core.calendar import programme_to_ics
from spinewise.core.journal import JournalError, programme_start_window
from spinewise.core.plan import Preferences, build_programme
from spinewise.core.plan.models import RescreenRecord
from spinewise.core.rescreen import RescreenError, rescreen
from spinewise.web.assessments.models import SavedAssessment
from spinewise.web.assessments.services import assess_for_web
from spinewise.web.limits import check_write_limit
from spinewise.web.programmes.models import ExerciseTick, SavedProgramme, new_calendar_token


def create_programme(
    user: User, saved: SavedAssessment, prefs: Preferences, start: date
) -> SavedProgramme:
    """Builds the plan from the saved answers; raises NoProgrammeError for urgent verdicts,
    JournalError for a start outside the date rule, WriteLimitReached past the limit."""
    check_start(prefs, start)
    check_write_limit(user, SavedProgramme, "programmes")
    intake = saved.parsed_intake
    programme = build_programme(assess_for_web(intake), intake, prefs, start)
    stored = SavedProgramme(user=user, assessment=saved)
    stored.store(programme, prefs)
    stored.save()
    return stored


def check_start(prefs: Preferences, start: date) -> None:
    """The core's date rule for a programme start, in the person's own time zone."""
    today = timezone.localdate(timezone=prefs.zone)
    why = programme_start_window(today).problem(start)
    if why is not None:
        raise JournalError([("start", why)])


def ticked_today(saved: SavedProgramme, day: date) -> set[str]:
    return set(
        ExerciseTick.objects.filter(programme=saved, day=day).values_list("exercise_id", flat=True)
    )


@transaction.atomic
def set_tick(saved: SavedProgramme, day: date, exercise_id: str, done: bool) -> None:
    if done:
        ExerciseTick.objects.get_or_create(programme=saved, day=day, exercise_id=exercise_id)
    else:
        ExerciseTick.objects.filter(programme=saved, day=day, exercise_id=exercise_id).delete()


def calendar_bytes(saved: SavedProgramme) -> bytes:
    return programme_to_ics(saved.programme, saved.preferences)


def rotate_calendar_token(saved: SavedProgramme) -> SavedProgramme:
    saved.calendar_token = new_calendar_token()
    saved.save(update_fields=["calendar_token"])
    return saved


@transaction.atomic
def record_rescreen(
    saved: SavedProgramme, week: int, answers: dict[str, str], day: date
) -> tuple[SavedProgramme, RescreenRecord]:
    """Asks the recovery screen again at week 3 or 6; the pathway may change. Raises
    JournalError naming each problem."""
    locked = SavedProgramme.objects.select_for_update().get(pk=saved.pk)
    try:
        programme, record = rescreen(locked.programme, week, answers, day)
    except RescreenError as exc:
        raise JournalError(exc.problems) from exc
    locked.store(programme)
    locked.save(update_fields=["data", "revision"])
    return locked, record
