"""Every password check goes through :func:`verify_password`.

Two limits, so that guessing is slow and nobody can lock an owner out:

- **Per address** (django-axes): ``AXES_FAILURE_LIMIT`` wrong passwords from one client
  address (seen through ``SPINEWISE_TRUSTED_PROXIES``) lock that address out for
  ``AXES_COOLOFF_TIME``, whichever accounts it tried.
- **Per account** (here): after ``FREE_FAILURES`` wrong passwords for one account, each
  further attempt must wait, twice as long each time (1 s, 2 s, 4 s ... up to
  ``MAX_DELAY``), from any address. Attempts made while waiting are refused without
  checking the password and do not count. The delay is never a lockout: the owner can
  always use a password-reset link, which clears it and signs them in.
"""

from __future__ import annotations

from datetime import timedelta
from math import ceil

from django.contrib.auth import authenticate
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from spinewise.web.accounts.models import SignInThrottle

FREE_FAILURES = 3
MAX_DELAY = timedelta(minutes=15)
FORGET_AFTER = timedelta(hours=24)  # a quiet day wipes the slate


class SignInThrottled(Exception):
    """Too many wrong passwords for this account just now; ``wait`` is in seconds."""

    def __init__(self, wait: int) -> None:
        self.wait = wait
        super().__init__(f"too many wrong passwords for this account: wait {wait} seconds")


def _key(username: str) -> str:
    return username.strip().lower()


def delay_after(failures: int) -> timedelta:
    """How long the next attempt must wait after ``failures`` wrong passwords in a row."""
    if failures < FREE_FAILURES:
        return timedelta(0)
    return min(MAX_DELAY, timedelta(seconds=2 ** min(failures - FREE_FAILURES, 20)))


def wait_seconds(username: str) -> int:
    """Seconds until this account may be tried again (0: now)."""
    row = SignInThrottle.objects.filter(username=_key(username)).first()
    if row is None:
        return 0
    now = timezone.now()
    if now - row.last_failure > FORGET_AFTER:
        return 0
    ready = row.last_failure + delay_after(row.failures)
    return max(0, ceil((ready - now).total_seconds()))


@transaction.atomic
def record_failure(username: str) -> None:
    now = timezone.now()
    row, created = SignInThrottle.objects.select_for_update().get_or_create(
        username=_key(username), defaults={"failures": 1, "last_failure": now}
    )
    if created:
        return
    if now - row.last_failure > FORGET_AFTER:
        row.failures, row.last_failure = 1, now
        row.save(update_fields=["failures", "last_failure"])
    else:
        SignInThrottle.objects.filter(pk=row.pk).update(
            failures=F("failures") + 1, last_failure=now
        )


def clear(username: str) -> None:
    SignInThrottle.objects.filter(username=_key(username)).delete()


def verify_password(request: HttpRequest, *, username: str, password: str) -> User | None:
    """The account, if the password is right; None if not; SignInThrottled while waiting.

    ``authenticate`` runs django-axes first, so a locked-out address is refused (and the
    axes middleware shows the lockout page) and every failure is counted per address.
    """
    wait = wait_seconds(username)
    if wait:
        raise SignInThrottled(wait)
    user = authenticate(request, username=username, password=password)
    if not isinstance(user, User):
        if not getattr(request, "axes_locked_out", False):
            record_failure(username)
        return None
    clear(username)
    return user
