"""A person's six-week programme as built by core, and the exercises they ticked off."""

from __future__ import annotations

import secrets
from datetime import date
from typing import Any

from django.conf import settings
from django.db import models

from spinewise.core.plan import Preferences, Programme, week_number_on
from spinewise.web.assessments.models import SavedAssessment
from spinewise.web.kept import Kept


def new_calendar_token() -> str:
    """An unguessable token for the private calendar feed (256 bits)."""
    return secrets.token_urlsafe(32)


# Parsed programmes by (pk, revision), oldest first; a few dozen people's plans per process.
PARSED_PROGRAMMES = 64
_PARSED: Kept[tuple[int, str, int], Programme] = Kept(PARSED_PROGRAMMES)


def forget_parsed_programmes() -> None:
    _PARSED.clear()


# The programme's JSON columns: left out of "light" reads, loaded only when used.
HEAVY_FIELDS = ("data", "prefs")
# A person's programmes, newest first: the first is the one their pages follow.
NEWEST_FIRST = ("-created", "-id")


class SavedProgrammeQuerySet(models.QuerySet["SavedProgramme"]):
    def light(self) -> SavedProgrammeQuerySet:
        """Without the programme's JSON: ``.programme`` reads it only when not cached."""
        return self.defer(*HEAVY_FIELDS)


class SavedProgramme(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="programmes"
    )
    assessment = models.ForeignKey(
        SavedAssessment, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    start = models.DateField()
    # Copied from the programme when it is stored (see ``fill_columns``), so lists, "today"
    # and due reviews need no JSON: ``data`` is read only to show or re-tailor the plan.
    end = models.DateField()
    weeks = models.PositiveSmallIntegerField()
    level = models.CharField(max_length=16)
    region = models.CharField(max_length=8, blank=True)
    minutes_per_day = models.PositiveSmallIntegerField()
    timezone = models.CharField(max_length=64)
    # Bumped by ``store`` whenever ``data`` changes: parsed programmes are cached under it.
    revision = models.PositiveIntegerField(default=1)
    prefs: models.JSONField[dict[str, Any]] = models.JSONField()
    data: models.JSONField[dict[str, Any]] = models.JSONField()
    calendar_token = models.CharField(max_length=64, unique=True, default=new_calendar_token)

    class Meta:
        ordering = list(NEWEST_FIRST)
        indexes = [models.Index(fields=["user", "-created"])]

    def __str__(self) -> str:
        return f"Programme {self.pk} from {self.start}"

    objects = SavedProgrammeQuerySet.as_manager()

    @property
    def programme(self) -> Programme:
        """The stored plan, parsed once per revision in each process (it is ~100 KB of JSON)."""
        if self.pk is None:
            return Programme.from_json_dict(self.data)
        # The creation time as well: an id can come back after a rolled-back insert.
        key = (self.pk, self.created.isoformat(), self.revision)
        return _PARSED.get(key, lambda: Programme.from_json_dict(self.data))

    @property
    def preferences(self) -> Preferences:
        return Preferences.model_validate(self.prefs)

    def store(self, programme: Programme, prefs: Preferences | None = None) -> None:
        """Keeps ``data`` and the typed columns copied from it in step (not saved yet)."""
        self.data = programme.to_json_dict()
        self.revision = (self.revision or 0) + 1 if self.pk is not None else 1
        self.start = programme.start
        self.end = programme.end
        self.weeks = len(programme.weeks)
        self.level = programme.level.value
        self.region = programme.region or ""
        self.minutes_per_day = programme.minutes_per_day
        if prefs is not None:
            self.prefs = prefs.model_dump(mode="json")
            self.timezone = prefs.timezone

    def week_number_on(self, day: date) -> int | None:
        return week_number_on(self.start, self.weeks, day)


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
