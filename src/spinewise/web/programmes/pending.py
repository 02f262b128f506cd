"""A plan chosen before the account exists: result -> "Get my plan" -> sign up -> session.

The settings wait in the browser session beside the answers (which the wizard keeps there
already), and the sign-in that follows the sign-up turns both into a saved assessment and a
programme, so the person lands on today's session without being asked anything twice.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from django.contrib.auth.models import User
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.dispatch import receiver
from django.http import HttpRequest

from spinewise.core.intake import Intake, IntakeError
from spinewise.core.journal import JournalError
from spinewise.core.plan import NoProgrammeError, Preferences
from spinewise.web.assessments import wizard
from spinewise.web.assessments.services import save_assessment
from spinewise.web.limits import WriteLimitReached
from spinewise.web.programmes.models import SavedProgramme
from spinewise.web.programmes.services import create_programme

PENDING_KEY = "spinewise_pending_plan"
log = logging.getLogger(__name__)


def keep(request: HttpRequest, prefs: Preferences, start: date) -> None:
    """Remembers the chosen settings until the person has an account."""
    request.session[PENDING_KEY] = {"prefs": prefs.model_dump(mode="json"), "start": str(start)}


def forget(request: HttpRequest) -> None:
    request.session.pop(PENDING_KEY, None)


def waiting(request: HttpRequest) -> tuple[Preferences, date] | None:
    """The settings kept by ``keep``, if any (and still readable)."""
    data = request.session.get(PENDING_KEY)
    if not isinstance(data, dict):
        return None
    try:
        return Preferences.model_validate(data["prefs"]), date.fromisoformat(data["start"])
    except (KeyError, TypeError, ValueError):
        return None


@transaction.atomic
def save_assessment_and_plan(
    user: User, intake: Intake, prefs: Preferences, start: date
) -> SavedProgramme:
    """The assessment and its programme, both or neither. Raises what ``create_programme``
    raises (NoProgrammeError, JournalError, WriteLimitReached)."""
    saved = save_assessment(user, intake)
    return create_programme(user, saved, prefs, start)


def finish(request: HttpRequest, user: User) -> SavedProgramme | None:
    """Saves the answers and builds the waiting plan for ``user``; None when nothing is
    waiting or it cannot be built now (the person then sees the settings page again)."""
    found = waiting(request)
    if found is None or wizard.first_unfinished_step(request) is not None:
        return None
    prefs, start = found
    try:
        intake = wizard.intake_from_session(request)
        if not isinstance(intake, Intake):
            return None
        programme = save_assessment_and_plan(user, intake, prefs, start)
    except (IntakeError, NoProgrammeError, JournalError, WriteLimitReached) as error:
        log.info("pending plan not built at sign-in: %s", type(error).__name__)
        return None
    forget(request)
    wizard.clear(request)
    return programme


@receiver(user_logged_in)
def _build_the_waiting_plan(
    sender: type[User], request: HttpRequest | None, user: User, **kwargs: Any
) -> None:
    if request is not None and hasattr(request, "session") and PENDING_KEY in request.session:
        finish(request, user)
