"""A saved assessment: the person's answers and the engine's verdict at that time."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from spinewise.core.assessment import Assessment, assess
from spinewise.core.intake import Intake, Screening
from spinewise.core.legacy import is_legacy, read_saved_intake
from spinewise.core.levels import Level


class SavedAssessment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessments"
    )
    created = models.DateTimeField(auto_now_add=True)
    intake: models.JSONField[dict[str, Any]] = models.JSONField()
    result: models.JSONField[dict[str, Any]] = models.JSONField()
    level = models.CharField(max_length=16)
    region = models.CharField(max_length=8, blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [models.Index(fields=["user", "-created"])]

    def __str__(self) -> str:
        return f"Assessment {self.pk} ({self.level})"

    @property
    def level_label(self) -> str:
        return Level(self.level).label

    @property
    def parsed_intake(self) -> Intake | Screening:
        return read_saved_intake(self.intake)

    @property
    def from_older_questionnaire(self) -> bool:
        """Saved under intake/1, which asked fewer safety questions (core.legacy)."""
        return is_legacy(self.intake)

    def reassess(self, emergency_number: str) -> Assessment:
        """The verdict under today's rules (content may have been corrected since)."""
        return assess(self.parsed_intake, emergency_number=emergency_number)
