"""A person's six-week programme as built by core, and the exercises they ticked off."""

from __future__ import annotations

import secrets
from datetime import date
from typing import Any

from django.conf import settings
from django.db import models

from spinewise.core.plan import Preferences, Programme
from spinewise.web.assessments.models import SavedAssessment


def new_calendar_token() -> str:
    """An unguessable token for the private calendar feed (256 bits)."""
    return secrets.token_urlsafe(32)


class SavedProgramme(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="programmes"
    )
    assessment = models.ForeignKey(
        SavedAssessment, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    start = models.DateField()
    prefs: models.JSONField[dict[str, Any]] = models.JSONField()
    data: models.JSONField[dict[str, Any]] = models.JSONField()
    calendar_token = models.CharField(max_length=64, unique=True, default=new_calendar_token)

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [models.Index(fields=["user", "-created"])]

    def __str__(self) -> str:
        return f"Programme {self.pk} from {self.start}"

    @property
    def programme(self) -> Programme:
        return Programme.from_json_dict(self.data)

    @property
    def preferences(self) -> Preferences:
        return Preferences.model_validate(self.prefs)

    def week_number_on(self, day: date) -> int | None:
        offset = (day - self.start).days
        if offset < 0 or offset >= 7 * len(self.data.get("weeks", [])):
            return None
        return offset // 7 + 1


class ExerciseTick(models.Model):
    """One exercise of one session marked as done."""

    programme = models.ForeignKey(SavedProgramme, on_delete=models.CASCADE, related_name="ticks")
    day = models.DateField()
    exercise_id = models.CharField(max_length=64)
    done_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "day", "exercise_id"], name="one_tick_per_exercise_per_day"
            )
        ]
        indexes = [models.Index(fields=["programme", "day"])]
