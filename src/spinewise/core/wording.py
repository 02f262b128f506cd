"""Numbers in words, the same on every face: "1 point", "2 days", "46%"."""

from __future__ import annotations


def number(value: float) -> str:
    """One decimal place at most: 6, 3.4, 0.5 (never "-0")."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def counted(value: float, noun: str, plural: str | None = None) -> str:
    """``value`` with its noun, singular only for exactly one: "1 point", "1.5 points"."""
    shown = number(value)
    return f"{shown} {noun if shown == '1' else plural or noun + 's'}"


def percent(value: float) -> str:
    """A whole-number percentage: 45.8 -> "46%"."""
    return f"{round(value)}%"
