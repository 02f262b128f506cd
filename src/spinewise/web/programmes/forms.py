"""The plan preferences form: turns what a person picks into core Preferences."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from pydantic import ValidationError

from spinewise.core.exercises import EQUIPMENT_NAMES
from spinewise.core.plan import Preferences

MINUTES = [(10, "10 minutes"), (15, "15 minutes"), (20, "20 minutes"), (30, "30 minutes")]
DAYS = [(n, f"{n} days") for n in (3, 4, 5, 6, 7)]
EQUIPMENT = [
    (item, name[0].upper() + name[1:]) for item, name in EQUIPMENT_NAMES.items() if item != "none"
]
FITNESS = [
    ("low", "I rarely exercise, or the pain makes moving hard"),
    ("average", "I am fairly active"),
    ("high", "I exercise a lot"),
]
TIMEZONES = [
    "Europe/London", "Europe/Dublin", "Europe/Paris", "Europe/Berlin", "Europe/Madrid",
    "Europe/Rome", "Europe/Amsterdam", "Europe/Stockholm", "America/New_York",
    "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Toronto",
    "Australia/Sydney", "Asia/Kolkata", "Asia/Singapore", "Asia/Tokyo", "UTC",
]  # fmt: skip


class PreferencesForm(forms.Form):
    minutes_per_day = forms.TypedChoiceField(
        choices=MINUTES, coerce=int, initial=15, widget=forms.RadioSelect,
        label="How long can you spend each day?",
        help_text="Sessions are built to fit. Short and regular beats long and rare.",
    )  # fmt: skip
    days_per_week = forms.TypedChoiceField(
        choices=DAYS, coerce=int, initial=5, widget=forms.RadioSelect,
        label="On how many days a week?",
    )  # fmt: skip
    equipment = forms.MultipleChoiceField(
        choices=EQUIPMENT, required=False, initial=["mat", "wall", "chair"],
        widget=forms.CheckboxSelectMultiple, label="What do you have at home?",
        help_text="Exercises needing anything else are left out.",
    )  # fmt: skip
    fitness = forms.ChoiceField(
        choices=FITNESS, initial="average", widget=forms.RadioSelect,
        label="How active are you at the moment?",
    )  # fmt: skip
    session_time = forms.TimeField(
        initial="18:00", label="What time suits you for reminders?",
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )  # fmt: skip
    timezone = forms.ChoiceField(
        choices=[(tz, tz.replace("_", " ")) for tz in TIMEZONES], initial="Europe/London",
        label="Your time zone", help_text="Calendar reminders arrive at your local time.",
    )  # fmt: skip
    start = forms.DateField(
        label="Start on",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )  # fmt: skip

    # Asked first; the reminder time, time zone and start date fold away below them.
    MAIN_FIELDS = ("fitness", "days_per_week", "minutes_per_day", "equipment")
    PILL_FIELDS = ("days_per_week", "minutes_per_day")  # short answers: one row of pills

    def __init__(
        self, *args: Any, today: date, suggested: Preferences | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["start"].initial = today
        if suggested is not None:
            # What the person said in the assessment, so they are not asked it twice.
            self.fields["fitness"].initial = suggested.fitness
            self.fields["days_per_week"].initial = suggested.days_per_week
            self.fields["minutes_per_day"].initial = suggested.minutes_per_day

    def main_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.MAIN_FIELDS]

    def more_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name not in self.MAIN_FIELDS]

    def preferences(self) -> Preferences:
        data: dict[str, Any] = self.cleaned_data
        try:
            return Preferences(
                minutes_per_day=data["minutes_per_day"],
                days_per_week=data["days_per_week"],
                equipment=data["equipment"],
                fitness=data["fitness"],
                session_time=data["session_time"].strftime("%H:%M"),
                timezone=data["timezone"],
            )
        except ValidationError as exc:  # the choices above keep this from happening
            raise forms.ValidationError(str(exc)) from exc
