"""Detects the seed guide's common mistakes from an intake's habits."""

from __future__ import annotations

from collections.abc import Callable

from spinewise.core.intake import Aggravator, Breaks, Intake

Detector = Callable[[Intake], list[str]]


def ignoring_posture(intake: Intake) -> list[str]:
    habits = intake.habits
    reasons = []
    if habits.slouching:
        reasons.append("you often slouch or hunch over screens")
    if habits.head_forward:
        reasons.append("your head pokes forward towards the screen")
    if habits.screen_hours >= 8 and Aggravator.SCREEN_WORK in intake.worse_with:
        reasons.append(f"{habits.screen_hours:g} hours a day at screens, and screen work hurts")
    return reasons


def skipping_strength_training(intake: Intake) -> list[str]:
    if intake.habits.strength_days == 0:
        return ["no strength training in a usual week"]
    return []


def relying_on_painkillers(intake: Intake) -> list[str]:
    days = intake.habits.painkiller_days
    return [f"painkillers on {days} days a week"] if days >= 4 else []


def sitting_too_long(intake: Intake) -> list[str]:
    habits = intake.habits
    if habits.sitting_hours >= 8 or (
        habits.sitting_hours >= 6 and habits.sitting_breaks is not Breaks.REGULAR
    ):
        breaks = {
            Breaks.REGULAR: "with regular breaks",
            Breaks.SOMETIMES: "with only occasional breaks",
            Breaks.RARELY: "rarely breaking it up",
        }[habits.sitting_breaks]
        return [f"about {habits.sitting_hours:g} hours sitting a day, {breaks}"]
    return []


DETECTORS: dict[str, Detector] = {
    detector.__name__: detector
    for detector in (
        ignoring_posture,
        skipping_strength_training,
        relying_on_painkillers,
        sitting_too_long,
    )
}
