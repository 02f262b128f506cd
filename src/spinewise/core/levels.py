"""Triage levels, ordered from least to most urgent."""

from __future__ import annotations

from enum import StrEnum


class Level(StrEnum):
    SELF_CARE = "self_care"
    SOON = "soon"
    URGENT = "urgent"
    EMERGENCY = "emergency"

    @property
    def rank(self) -> int:
        return _ORDER.index(self)

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def short_label(self) -> str:
        """A few words above the full label ("Urgent: today")."""
        return _SHORT_LABELS[self]

    @property
    def allows_exercise(self) -> bool:
        """Exercise advice waits until emergency and urgent problems have been seen to."""
        return self in (Level.SELF_CARE, Level.SOON)


_ORDER = [Level.SELF_CARE, Level.SOON, Level.URGENT, Level.EMERGENCY]
_LABELS = {
    Level.SELF_CARE: "Safe to look after at home",
    Level.SOON: "Book a doctor or physiotherapist within 1-2 weeks",
    Level.URGENT: "Get medical help today",
    Level.EMERGENCY: "Emergency: call for help now",
}

_SHORT_LABELS = {
    Level.SELF_CARE: "Self-care",
    Level.SOON: "See a clinician soon",
    Level.URGENT: "Urgent: today",
    Level.EMERGENCY: "Emergency",
}


def most_urgent(levels: list[Level]) -> Level:
    return max(levels, key=lambda level: level.rank, default=Level.SELF_CARE)
