"""Per-account sign-in throttling: progressive delays after wrong passwords."""

from __future__ import annotations

from django.db import models


class SignInThrottle(models.Model):
    """Wrong passwords for one account name (whether or not such an account exists)."""

    username = models.CharField(max_length=255, unique=True)
    failures = models.PositiveIntegerField(default=0)
    last_failure = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.failures} wrong passwords for an account"
