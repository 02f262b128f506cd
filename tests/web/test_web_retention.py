"""Data is not kept without limit (issue 12.6): anonymous answers expire within a day;
``spinewise maintenance`` clears expired sessions, stale answers and old sign-in records."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone
from typer.testing import CliRunner

from spinewise.core.questionnaire import questionnaire
from spinewise.web.accounts.models import SignInThrottle
from spinewise.web.assessments import wizard
from spinewise.web.maintenance import run_maintenance

pytestmark = pytest.mark.django_db


def answer_first_step(client: Client) -> None:
    step = questionnaire().steps[0]  # the first step asks where it hurts
    response = client.post(f"/assessment/{step.id}/", {"areas": ["lower_back_centre"]})
    assert response.status_code == 302, response.content[:500]


def test_an_anonymous_session_with_answers_expires_within_a_day(client: Client) -> None:
    answer_first_step(client)
    session = Session.objects.get()
    assert session.get_decoded()[wizard.ANSWERS_KEY]  # the answers themselves are kept

    left = session.expire_date - timezone.now()
    assert timedelta(0) < left <= timedelta(hours=24)
    assert settings.SPINEWISE_ANONYMOUS_ANSWERS_HOURS <= 24


def test_answers_older_than_their_lifetime_are_not_used(client: Client) -> None:
    answer_first_step(client)
    session = client.session
    session[wizard.ANSWERED_AT_KEY] = int(time.time()) - wizard.answers_lifetime() - 1
    session.save()

    assert client.get("/assessment/").status_code == 200
    assert wizard.ANSWERS_KEY not in client.session


def test_signing_in_gives_the_session_its_usual_length(client: Client) -> None:
    answer_first_step(client)
    user = User.objects.create_user("a@example.com", "a@example.com", "calm-river-stone-42")
    client.post("/accounts/login/", {"username": user.email, "password": "calm-river-stone-42"})
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE


def _session(data: dict[str, object], expires_in: timedelta) -> str:
    store = SessionStore()
    for key, value in data.items():
        store[key] = value
    store.set_expiry(int(expires_in.total_seconds()))
    store.create()
    return str(store.session_key)


def test_maintenance_clears_expired_sessions_stale_answers_and_old_sign_in_records() -> None:
    now = timezone.now()
    stale_time = int(time.time()) - wizard.answers_lifetime() - 60
    expired = _session({"x": 1}, timedelta(seconds=1))
    Session.objects.filter(session_key=expired).update(expire_date=now - timedelta(days=1))
    stale_anonymous = _session(
        {wizard.ANSWERS_KEY: {"history.cancer": True}, wizard.ANSWERED_AT_KEY: stale_time},
        timedelta(days=10),
    )
    signed_in = _session(
        {
            "_auth_user_id": "1",
            wizard.ANSWERS_KEY: {"history.cancer": True},
            wizard.ANSWERED_AT_KEY: stale_time,
        },
        timedelta(days=10),
    )
    fresh = _session(
        {wizard.ANSWERS_KEY: {"age": 40}, wizard.ANSWERED_AT_KEY: int(time.time())},
        timedelta(hours=5),
    )
    old = now - timedelta(days=settings.SPINEWISE_SIGNIN_RECORD_DAYS + 1)
    for model in (AccessLog, AccessAttempt):
        kept = model.objects.create(
            username="a@example.com", ip_address="203.0.113.9", user_agent="x", **_extra(model)
        )
        gone = model.objects.create(
            username="a@example.com", ip_address="203.0.113.8", user_agent="y", **_extra(model)
        )
        model.objects.filter(pk=gone.pk).update(attempt_time=old)
        assert kept.pk
    SignInThrottle.objects.create(
        username="a@example.com", failures=4, last_failure=now - timedelta(days=2)
    )

    removed = run_maintenance()

    keys = set(Session.objects.values_list("session_key", flat=True))
    assert expired not in keys and stale_anonymous not in keys
    assert fresh in keys and signed_in in keys
    assert wizard.ANSWERS_KEY not in Session.objects.get(session_key=signed_in).get_decoded()
    assert AccessLog.objects.count() == 1 and AccessAttempt.objects.count() == 1
    assert not SignInThrottle.objects.exists()
    assert removed["expired sessions"] == 1 and removed["stale assessment answers"] == 2


def _extra(model: type) -> dict[str, object]:
    if model is AccessAttempt:
        return {"failures_since_start": 1, "get_data": "", "post_data": ""}
    return {}


def test_the_maintenance_command_reports_what_it_removed() -> None:
    from spinewise.cli.main import app

    result = CliRunner().invoke(app, ["maintenance"])
    assert result.exit_code == 0, result.output
    assert "expired sessions: 0 removed" in result.output
