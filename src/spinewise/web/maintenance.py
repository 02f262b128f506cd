"""Retention: what ``spinewise maintenance`` removes, and why it may.

- Sessions past their expiry date (Django never deletes them by itself).
- Assessment answers kept in a session longer than ``SPINEWISE_ANONYMOUS_ANSWERS_HOURS``
  after the last answer; an anonymous session holding nothing else goes with them.
- Sign-in records (django-axes: successful log-ins, failed attempts and failure logs)
  older than ``SPINEWISE_SIGNIN_RECORD_DAYS``, and per-account sign-in delays that have
  been forgotten (a quiet day).
- Sign-up confirmations whose link has expired.

Safe to run at any time and as often as wanted; it touches nobody's saved health data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from spinewise.web.accounts import throttle
from spinewise.web.accounts.models import PendingSignup, SignInThrottle
from spinewise.web.assessments.wizard import WIZARD_KEYS, answers_are_stale


@dataclass
class Removed:
    """How many of each were removed."""

    counts: dict[str, int] = field(default_factory=dict)

    def add(self, what: str, count: int) -> None:
        self.counts[what] = self.counts.get(what, 0) + count


def _stale_answers(now: datetime, removed: Removed) -> None:
    """Strips old answers from live sessions; drops anonymous sessions left empty."""
    epoch = now.timestamp()
    for session in Session.objects.filter(expire_date__gte=now).iterator():
        data = session.get_decoded()
        if not answers_are_stale(data, epoch):
            continue
        for key in WIZARD_KEYS:
            data.pop(key, None)
        removed.add("stale assessment answers", 1)
        if not data or set(data) <= {"_session_expiry"}:
            session.delete()
        else:
            Session.objects.save(session.session_key, data, session.expire_date)


@transaction.atomic
def run_maintenance(now: datetime | None = None) -> dict[str, int]:
    now = now or timezone.now()
    removed = Removed()
    removed.add("expired sessions", Session.objects.filter(expire_date__lt=now).delete()[0])
    _stale_answers(now, removed)
    records_before = now - timedelta(days=settings.SPINEWISE_SIGNIN_RECORD_DAYS)
    for what, model in (
        ("sign-in records", AccessLog),
        ("failed sign-in records", AccessFailureLog),
        ("failed sign-in records", AccessAttempt),
    ):
        removed.add(what, model.objects.filter(attempt_time__lt=records_before).delete()[0])
    forgotten = now - throttle.FORGET_AFTER
    removed.add(
        "sign-in delays",
        SignInThrottle.objects.filter(last_failure__lt=forgotten).delete()[0],
    )
    removed.add(
        "expired sign-up links",
        PendingSignup.objects.filter(created__lt=now - PendingSignup.LIFETIME).delete()[0],
    )
    return removed.counts
