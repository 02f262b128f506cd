"""Writes and reads for programmes: the web and API layers call these, never core directly."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.urls import get_script_prefix, get_urlconf
from django.utils import timezone
from django.utils.html import json_script
from django.utils.safestring import SafeString

from spinewise.core.calendar import programme_to_ics
from spinewise.core.exercises import GET_READY_SECONDS
from spinewise.core.intake import Intake
from spinewise.core.journal import JournalError, programme_start_window
from spinewise.core.plan import (
    Preferences,
    Session,
    build_programme,
    next_session,
    session_on,
    timer_for,
)
from spinewise.core.plan.models import RescreenRecord
from spinewise.core.rescreen import RescreenError, rescreen
from spinewise.web.assessments.models import SavedAssessment
from spinewise.web.assessments.services import assess_for_web
from spinewise.web.kept import Kept
from spinewise.web.limits import check_write_limit
from spinewise.web.links import link
from spinewise.web.prepared_reads import PreparedRead
from spinewise.web.programmes.models import ExerciseTick, SavedProgramme, new_calendar_token
from spinewise.web.site.library import drawing_urls


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


def site_today() -> date:
    """Today where the site is, for someone without a programme (or an account) yet."""
    return timezone.localdate()


def plan_allowed(intake: Intake) -> bool:
    """Whether the verdict for these answers allows an exercise plan."""
    return assess_for_web(intake).allows_exercise


def check_start(prefs: Preferences, start: date) -> None:
    """The core's date rule for a programme start, in the person's own time zone."""
    today = timezone.localdate(timezone=prefs.zone)
    why = programme_start_window(today).problem(start)
    if why is not None:
        raise JournalError([("start", why)])


@cache
def _ticked() -> PreparedRead[ExerciseTick]:
    return PreparedRead(
        ExerciseTick, where=[("programme", "="), ("day", "=")], columns=["exercise_id"]
    )


def ticked_today(saved: SavedProgramme, day: date) -> set[str]:
    """The exercises ticked off on ``day`` (read by every programme and session page)."""
    return {str(exercise_id) for (exercise_id,) in _ticked().rows(saved.pk, day)}


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


def session_player(planned: Session, done: set[str], checkin_url: str) -> dict[str, Any]:
    """What the guided player walks through: each exercise's steps (sets, reps, holds, side
    changes and rests at this week's dose, from the core), whether it is ticked already,
    and where the day's check-in is."""
    return {
        "ready_seconds": GET_READY_SECONDS,
        "checkin_url": checkin_url,
        "exercises": [
            {
                "id": item.exercise_id,
                "name": item.name,
                "dosage": item.dosage,
                "done": item.exercise_id in done,
                "steps": [step.model_dump(mode="json") for step in timer_for(item)],
            }
            for item in planned.exercises
        ],
    }


def offline_urls(saved: SavedProgramme, day: date) -> dict[str, Any]:
    """The pages and drawings a phone keeps for use without a network: the plan, the day's
    session and the next one after it, with their drawings, the check-in and when to get
    help. ``start`` is the plan, which the app's start page ("My plan") shows when offline.
    """
    programme = saved.programme
    after = next_session(programme, day + timedelta(days=1))
    sessions = [s for s in (session_on(programme, day), after) if s]
    checkin = link("journal:checkin")
    plan = link("programmes:detail", saved.pk)
    urls = [plan, checkin]
    for planned in sessions:
        urls.append(link("programmes:session", saved.pk, planned.date))
        urls.append(f"{checkin}?day={planned.date.isoformat()}")
        for item in planned.exercises:
            drawings = drawing_urls(item.exercise_id)
            urls += [drawings.animation, drawings.key_poses]
    urls.append(link("site:guide_detail", "when-to-get-help"))
    return {
        "start": plan,
        "urls": list(dict.fromkeys(urls)),
    }


# The offline list's <script> block by (programme, revision, day, script prefix, URLconf),
# oldest first: the plan and session pages repeat it until the plan or the day changes.
_OFFLINE_SCRIPTS: Kept[tuple[object, ...], SafeString] = Kept(256)


def offline_script(saved: SavedProgramme, day: date) -> SafeString:
    """``offline_urls`` as the page's JSON data block (``<script id="offline-urls">``),
    worked out once per revision and day in each process."""
    key = (saved.pk, saved.created, saved.revision, day, get_script_prefix(), get_urlconf())
    return _OFFLINE_SCRIPTS.get(key, lambda: json_script(offline_urls(saved, day), "offline-urls"))


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
