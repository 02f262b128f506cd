"""Daily check-ins, weekly PSFS and pain-interference ratings and the weekly verdicts, per
person."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from spinewise.core.journal import DailyEntry, InterferenceRating, PsfsActivity, PsfsRating
from spinewise.web.programmes.models import SavedProgramme


class CheckIn(models.Model):
    """One day's check-in. One per person per day; editing replaces it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkins"
    )
    day = models.DateField()
    pain = models.PositiveSmallIntegerField()
    worst = models.PositiveSmallIntegerField(null=True, blank=True)
    sessions_done = models.PositiveSmallIntegerField(default=0)
    sitting_hours = models.FloatField(null=True, blank=True)
    leg_pain = models.PositiveSmallIntegerField(null=True, blank=True)
    flare_up = models.BooleanField(default=False)
    note = models.TextField(blank=True, max_length=500)
    new_red_flags: models.JSONField[list[str]] = models.JSONField(default=list)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["day"]
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="one_checkin_a_day")]
        # The dashboard's data version reads MAX(updated) per person: one index seek, not a
        # walk over ten years of rows (journal.services.dashboard_state).
        indexes = [models.Index(fields=["user", "updated"], name="checkin_user_updated")]

    def __str__(self) -> str:
        return f"Check-in {self.day}"

    def to_entry(self) -> DailyEntry:
        return DailyEntry(
            day=self.day,
            pain=self.pain,
            worst=self.worst,
            sessions_done=self.sessions_done,
            sitting_hours=self.sitting_hours,
            leg_pain=self.leg_pain,
            flare_up=self.flare_up,
            note=self.note,
            new_red_flags=list(self.new_red_flags),
        )


class CheckInKey(models.Model):
    """An idempotency key a client sent with a check-in. The same key again from the same
    person is a replay: it answers with this check-in and writes nothing. A key lives as
    long as its check-in."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkin_keys"
    )
    key = models.CharField(max_length=64)
    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="keys")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="one_checkin_a_key")]

    def __str__(self) -> str:
        return f"Check-in key {self.key}"


class PsfsEntry(models.Model):
    """Patient-Specific Functional Scale for one week: up to three activities, 0-10."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="psfs_entries"
    )
    week_start = models.DateField()
    activities: models.JSONField[list[dict[str, Any]]] = models.JSONField()
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["week_start"]
        constraints = [
            models.UniqueConstraint(fields=["user", "week_start"], name="one_psfs_a_week")
        ]
        indexes = [models.Index(fields=["user", "updated"], name="psfs_user_updated")]

    def to_rating(self) -> PsfsRating:
        return PsfsRating(
            week_start=self.week_start,
            activities=[PsfsActivity.model_validate(a) for a in self.activities],
        )


class InterferenceEntry(models.Model):
    """The weekly pain-interference rating: three answers, each 0-10, one rating a week."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="interference_entries"
    )
    week_start = models.DateField()
    pain = models.PositiveSmallIntegerField()
    enjoyment = models.PositiveSmallIntegerField()
    activity = models.PositiveSmallIntegerField()
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["week_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "week_start"], name="one_interference_rating_a_week"
            )
        ]
        indexes = [models.Index(fields=["user", "updated"], name="interference_user_updated")]

    def __str__(self) -> str:
        return f"Pain interference, week of {self.week_start}"

    def to_rating(self) -> InterferenceRating:
        return InterferenceRating(
            week_start=self.week_start,
            pain=self.pain,
            enjoyment=self.enjoyment,
            activity=self.activity,
        )


class WeeklyReviewRecord(models.Model):
    """The weekly verdict the core gave for one programme week, kept for the report."""

    programme = models.ForeignKey(SavedProgramme, on_delete=models.CASCADE, related_name="reviews")
    week = models.PositiveSmallIntegerField()
    verdict = models.CharField(max_length=16)
    data: models.JSONField[dict[str, Any]] = models.JSONField()
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["week"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "week"], name="one_review_a_week")
        ]
