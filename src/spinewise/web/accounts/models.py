"""Per-account sign-in throttling, and sign-ups waiting for their email to be confirmed."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import ClassVar

from django.db import models


def hash_signup_token(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def new_signup_token() -> str:
    return secrets.token_urlsafe(32)


class PendingSignup(models.Model):
    """A sign-up whose email address has not been confirmed yet.

    Only the password's hash and the link's hash are kept; the account is made when the
    link is used, so an address that already has an account looks exactly the same.
    """

    LIFETIME: ClassVar[timedelta] = timedelta(hours=2)

    email = models.EmailField(max_length=150)
    password = models.CharField(max_length=128)  # a Django password hash
    token_hash = models.CharField(max_length=64, unique=True)
    next_path = models.CharField(max_length=200, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return "A sign-up waiting for its email address to be confirmed"


class SignInThrottle(models.Model):
    """Wrong passwords for one account name (whether or not such an account exists)."""

    username = models.CharField(max_length=255, unique=True)
    failures = models.PositiveIntegerField(default=0)
    last_failure = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.failures} wrong passwords for an account"
