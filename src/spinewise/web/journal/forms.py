"""Check-in and PSFS forms: plain Django forms whose data becomes core models."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django import forms
from django.utils import timezone

from spinewise.core.checkin import checkin_questions
from spinewise.core.fields import field_bounds
from spinewise.core.progress import MAX_NOTE, DailyEntry, PsfsActivity

SCALE = [(n, str(n)) for n in range(field_bounds(DailyEntry, "pain")[1] + 1)]


def _limits(field: str) -> dict[str, Any]:
    """The check-in field's own limits, as a form field's min_value/max_value."""
    low, high = field_bounds(DailyEntry, field)
    return {"min_value": low, "max_value": high}


_EXAMPLES = "For example: sitting through a meeting, lifting my child, running."


class CheckInForm(forms.Form):
    day = forms.DateField(
        label="Day",
        help_text="Today, or an earlier day you missed.",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    pain = forms.TypedChoiceField(
        choices=SCALE, coerce=int, widget=forms.RadioSelect, label="Pain right now (0-10)",
        help_text="0 is no pain, 10 is the worst pain you can imagine.",
    )  # fmt: skip
    worst = forms.TypedChoiceField(
        choices=SCALE, coerce=int, required=False, empty_value=None, widget=forms.RadioSelect,
        label="Worst pain today (0-10)",
    )  # fmt: skip
    sessions_done = forms.IntegerField(
        **_limits("sessions_done"), initial=0, label="Exercise sessions done today",
        help_text="Ticked exercises in your plan count too.",
    )  # fmt: skip
    sitting_hours = forms.FloatField(
        **_limits("sitting_hours"), required=False, label="Hours spent sitting today",
    )  # fmt: skip
    flare_up = forms.BooleanField(required=False, label="I had a flare-up today")
    note = forms.CharField(
        max_length=MAX_NOTE, required=False, widget=forms.Textarea(attrs={"rows": 3}),
        label="Note (optional)", help_text="Only you, and anyone you share a report with, see it.",
    )  # fmt: skip
    new_red_flags = forms.MultipleChoiceField(
        choices=[], required=False, widget=forms.CheckboxSelectMultiple,
        label="Anything new since your last check-in?",
        help_text="Tick any that apply. If none do, leave them all empty.",
    )  # fmt: skip

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["new_red_flags"].choices = checkin_questions()  # type: ignore[attr-defined]

    def clean_day(self) -> date:
        day: date = self.cleaned_data["day"]
        if day > timezone.localdate() + timedelta(days=1):
            raise forms.ValidationError("That day has not happened yet.")
        return day

    def entry(self) -> DailyEntry:
        data = self.cleaned_data
        return DailyEntry(
            day=data["day"],
            pain=data["pain"],
            worst=data["worst"],
            sessions_done=data["sessions_done"] or 0,
            sitting_hours=data["sitting_hours"],
            flare_up=data["flare_up"],
            note=data["note"].strip(),
            new_red_flags=data["new_red_flags"],
        )


class PsfsForm(forms.Form):
    """Up to three activities the back makes hard, each rated 0 (unable) to 10 (as before)."""

    week_start = forms.DateField(widget=forms.HiddenInput)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for n in (1, 2, 3):
            self.fields[f"activity_{n}"] = forms.CharField(
                max_length=80, required=n == 1, label=f"Activity {n}",
                help_text=_EXAMPLES if n == 1 else "",
            )  # fmt: skip
            self.fields[f"score_{n}"] = forms.TypedChoiceField(
                choices=SCALE, coerce=int, required=False, empty_value=None,
                widget=forms.RadioSelect, label=f"How well can you do activity {n} today?",
                help_text="0 unable to do it, 10 able to do it as before.",
            )  # fmt: skip

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        for n in (1, 2, 3):
            if cleaned.get(f"activity_{n}") and cleaned.get(f"score_{n}") is None:
                self.add_error(f"score_{n}", "Rate this activity from 0 to 10.")
        return cleaned

    def activities(self) -> list[PsfsActivity]:
        data = self.cleaned_data
        return [
            PsfsActivity(name=data[f"activity_{n}"], score=data[f"score_{n}"])
            for n in (1, 2, 3)
            if data.get(f"activity_{n}")
        ]
