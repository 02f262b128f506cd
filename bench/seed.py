"""Demo people in the bench's own SQLite data folder, made through the apps' services."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from bench.common import VIGNETTES

if TYPE_CHECKING:
    from django.contrib.auth.models import User

JOURNAL_MISSING = "the journal app (spinewise.web.journal) is not installed"


def journal_available() -> bool:
    from django.apps import apps

    return apps.is_installed("spinewise.web.journal")


@dataclass
class Person:
    user_id: int
    email: str
    assessment_id: int
    programme_id: int
    session_day: date
    session_cookie: str
    csrf_cookie: str
    checkins: int

    @property
    def cookie_header(self) -> str:
        """What their browser sends: the session, and the CSRF cookie any page with a form
        (the signed-in header's "Log out") has set."""
        return f"sessionid={self.session_cookie}; csrftoken={self.csrf_cookie}"


def make_person(email: str, days: int, today: date) -> Person:
    """An account with P01's assessment, a programme two weeks in and ``days`` check-ins."""
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.test import Client
    from django.urls import reverse

    from spinewise.core.intake import parse_intake
    from spinewise.core.plan import Preferences
    from spinewise.web.accounts.backends import BACKEND
    from spinewise.web.assessments.services import save_assessment
    from spinewise.web.programmes.services import create_programme

    user = User.objects.create_user(username=email, email=email)
    intake = parse_intake(json.loads((VIGNETTES / "P01.json").read_text()))
    assessment = save_assessment(user, intake)
    programme = create_programme(
        user, assessment, Preferences(timezone="UTC"), today - timedelta(days=14)
    )
    week = programme.programme.weeks[2]
    session_day = next((s.date for s in week.sessions if s.date >= today), week.sessions[0].date)
    made = add_history(user, days, today) if days and journal_available() else 0
    client = Client()
    client.force_login(user, backend=BACKEND)
    client.get(reverse("accounts:account"))  # as a browser would: sets the CSRF cookie
    return Person(
        user_id=user.pk,
        email=email,
        assessment_id=assessment.pk,
        programme_id=programme.pk,
        session_day=session_day,
        session_cookie=client.cookies[settings.SESSION_COOKIE_NAME].value,
        csrf_cookie=client.cookies[settings.CSRF_COOKIE_NAME].value,
        checkins=made,
    )


def add_history(user: User, days: int, today: date) -> int:
    """``days`` daily check-ins ending today, and a PSFS rating every week, in bulk."""
    from spinewise.core.journal import PsfsActivity
    from spinewise.web.journal.models import CheckIn, PsfsEntry
    from spinewise.web.journal.services import week_start_of

    checkins = [
        CheckIn(
            user=user,
            day=today - timedelta(days=n),
            pain=3 + (n * 7) % 5,
            worst=5 + (n * 3) % 4,
            sessions_done=n % 3,
            sitting_hours=4 + n % 6,
            flare_up=n % 29 == 0,
            note="Walked to work." if n % 5 == 0 else "",
        )
        for n in range(days)
    ]
    CheckIn.objects.bulk_create(checkins, batch_size=1000)
    weeks = sorted({week_start_of(today - timedelta(days=n)) for n in range(0, days, 7)})
    PsfsEntry.objects.bulk_create(
        [
            PsfsEntry(
                user=user,
                week_start=start,
                activities=[
                    PsfsActivity(name="Sitting through a meeting", score=4 + i % 5).model_dump(),
                    PsfsActivity(name="Lifting shopping", score=5 + i % 4).model_dump(),
                ],
            )
            for i, start in enumerate(weeks)
        ],
        batch_size=1000,
    )
    return len(checkins)
