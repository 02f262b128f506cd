"""Check-in, PSFS and pain-interference forms: plain Django forms whose data the core
validates.

Every range comes from ``core.journal``; the forms only choose widgets and words.
"""

from __future__ import annotations

from typing import Any

from django import forms

from spinewise.core.checkin import checkin_choice_groups
from spinewise.core.instruments import packaged_instrument
from spinewise.core.intake import Screening
from spinewise.core.journal import (
    INTERFERENCE,
    INTERFERENCE_INSTRUMENT,
    MAX_ACTIVITY_NAME,
    MAX_NOTE,
    PAIN,
    PSFS_ACTIVITIES,
    PSFS_SCORE,
    SESSIONS,
    SITTING_HOURS,
    Range,
)

_EXAMPLES = "For example: sitting through a meeting, lifting my child, running."


def scale(scale_range: Range) -> list[tuple[int, str]]:
    return [(n, str(n)) for n in range(scale_range.low, scale_range.high + 1)]


class JournalForm(forms.Form):
    def add_problems(self, problems: list[tuple[str, str]]) -> None:
        """The core's JournalError problems, on their fields (or the form as a whole)."""
        for field, message in problems:
            name = field.split(".", 1)[0]
            self.add_error(name if name in self.fields else None, message)


class CheckInForm(JournalForm):
    day = forms.DateField(
        label="Day",
        help_text="Today, or an earlier day you missed.",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    pain = forms.TypedChoiceField(
        choices=scale(PAIN), coerce=int, widget=forms.RadioSelect,
        label=f"Pain right now ({PAIN})",
        help_text=f"{PAIN.low} is no pain, {PAIN.high} is the worst pain you can imagine.",
    )  # fmt: skip
    worst = forms.TypedChoiceField(
        choices=scale(PAIN), coerce=int, required=False, empty_value=None,
        widget=forms.RadioSelect, label=f"Worst pain today ({PAIN})",
    )  # fmt: skip
    sessions_done = forms.IntegerField(
        min_value=SESSIONS.low, max_value=SESSIONS.high, initial=0, required=False,
        label="Exercise sessions done today", help_text="Ticked exercises in your plan count too.",
    )  # fmt: skip
    sitting_hours = forms.FloatField(
        min_value=SITTING_HOURS.low, max_value=SITTING_HOURS.high, required=False,
        label="Hours spent sitting today",
    )  # fmt: skip
    leg_pain = forms.TypedChoiceField(
        choices=scale(PAIN), coerce=int, required=False, empty_value=None,
        widget=forms.RadioSelect, label=f"Leg pain right now ({PAIN})",
        help_text="How bad the pain, tingling or numbness down your leg is now.",
    )  # fmt: skip
    flare_up = forms.BooleanField(required=False, label="I had a flare-up today")
    note = forms.CharField(
        max_length=MAX_NOTE, required=False, widget=forms.Textarea(attrs={"rows": 3}),
        label="Note (optional)", help_text="Only you, and anyone you share a report with, see it.",
    )  # fmt: skip
    new_red_flags = forms.MultipleChoiceField(
        choices=[], required=False, widget=forms.CheckboxSelectMultiple,
        label="Anything new since your last check-in?",
        help_text="Tick any that are new or worse since your last check-in. If none are, "
        "leave them all empty.",
    )  # fmt: skip

    # One per rendered form, so a form sent twice (a double tap, a resend after going
    # offline) is one check-in: see ``core.journal.parse_idempotency_key``.
    idempotency_key = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: object, base: Screening | None = None, **kwargs: object) -> None:
        """``base`` is the person's assessment: pregnancy signs are asked in pregnancy, and
        leg pain is rated when the pain spreads into a leg."""
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        groups = checkin_choice_groups(base)
        self.fields["new_red_flags"].choices = groups  # type: ignore[attr-defined]
        if base is None or not base.has_leg_pain:
            del self.fields["leg_pain"]

    def recheck_groups(self) -> list[tuple[str, list[Any], bool]]:
        """The safety re-check by group: (group question, its checkboxes, any ticked)."""
        boxes = iter(self["new_red_flags"].subwidgets)
        groups = []
        for question, signs in self.fields["new_red_flags"].choices:  # type: ignore[attr-defined]
            mine = [next(boxes) for _ in signs]
            groups.append((question, mine, any(box.data["selected"] for box in mine)))
        return groups

    def entry_data(self) -> dict[str, Any]:
        """The answers as the core's check-in reads them (``core.journal.parse_checkin``)."""
        data = self.cleaned_data
        return {
            "day": data["day"],
            "pain": data["pain"],
            "worst": data["worst"],
            "sessions_done": data["sessions_done"] or 0,
            "sitting_hours": data["sitting_hours"],
            "leg_pain": data.get("leg_pain"),
            "flare_up": data["flare_up"],
            "note": data["note"].strip(),
            "new_red_flags": data["new_red_flags"],
        }


class PsfsForm(JournalForm):
    """Up to three activities the back makes hard, each rated 0 (unable) to 10 (as before)."""

    week_start = forms.DateField(widget=forms.HiddenInput)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for n in self.numbers():
            self.fields[f"activity_{n}"] = forms.CharField(
                max_length=MAX_ACTIVITY_NAME, required=n == 1, label=f"Activity {n}",
                help_text=_EXAMPLES if n == 1 else "",
            )  # fmt: skip
            self.fields[f"score_{n}"] = forms.TypedChoiceField(
                choices=scale(PSFS_SCORE), coerce=int, required=False, empty_value=None,
                widget=forms.RadioSelect, label=f"How well can you do activity {n} today?",
                help_text=f"{PSFS_SCORE.low} unable to do it, {PSFS_SCORE.high} able to do it "
                "as before.",
            )  # fmt: skip

    @staticmethod
    def numbers() -> range:
        return range(1, PSFS_ACTIVITIES.high + 1)

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        for n in self.numbers():
            if cleaned.get(f"activity_{n}") and cleaned.get(f"score_{n}") is None:
                self.add_error(f"score_{n}", f"Rate this activity from {PSFS_SCORE}.")
        return cleaned

    def activities(self) -> list[dict[str, Any]]:
        data = self.cleaned_data
        return [
            {"name": data[f"activity_{n}"], "score": data[f"score_{n}"]}
            for n in self.numbers()
            if data.get(f"activity_{n}")
        ]

    def add_problems(self, problems: list[tuple[str, str]]) -> None:
        # "activities.0.score" is the first activity's score field on this form.
        mapped = []
        for field, message in problems:
            parts = field.split(".")
            if parts[0] == "activities" and len(parts) >= 3 and parts[1].isdigit():
                field = f"{'activity' if parts[2] == 'name' else 'score'}_{int(parts[1]) + 1}"
            mapped.append((field, message))
        super().add_problems(mapped)


class InterferenceForm(JournalForm):
    """The weekly pain-interference rating: the instrument's three questions on its scale.

    The questions and the words at each end of the scale come from the instrument file."""

    week_start = forms.DateField(widget=forms.HiddenInput)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for item in packaged_instrument(INTERFERENCE_INSTRUMENT).items:
            low, high = item.options[0].label, item.options[-1].label
            self.fields[item.id] = forms.TypedChoiceField(
                choices=scale(INTERFERENCE), coerce=int, widget=forms.RadioSelect,
                label=item.text, help_text=f"{low}; {high}.",
            )  # fmt: skip

    def rating(self) -> dict[str, Any]:
        """The answers as the core's ``parse_interference`` takes them."""
        data = self.cleaned_data
        names = [item.id for item in packaged_instrument(INTERFERENCE_INSTRUMENT).items]
        return {"week_start": data["week_start"], **{name: data[name] for name in names}}
