"""Demo profiles: kinds of people whose answers are varied into valid intakes.

The profiles are data (``profiles.yaml`` beside this module); this module is framework-free.
Everything is deterministic for a ``random.Random``: the same generator gives the same person.
"""

from __future__ import annotations

import copy
import random
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from spinewise.core.assessment import assess
from spinewise.core.content_loader import read_yaml
from spinewise.core.instruments import packaged_instrument
from spinewise.core.intake import RECOVERY_SCREEN, History, Intake, RedFlags, complete_intake
from spinewise.core.levels import Level

PROFILES_FILE = Path(__file__).with_name("profiles.yaml")


@dataclass(frozen=True)
class Profile:
    """A kind of person: intake answers to vary, and the activities they rate (PSFS)."""

    name: str
    answers: dict[str, Any]
    ages: tuple[int, int]
    psfs: tuple[str, ...]


def _answers(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """The base answers with a profile's changes; no history or warning sign at all."""
    data = copy.deepcopy(base)
    data["history"] = dict.fromkeys(History.model_fields, False)
    data["red_flags"] = dict.fromkeys(RedFlags.model_fields, False)
    for key, value in changes.items():
        if key == "habits":
            data["habits"].update(value)
        else:
            data[key] = value
    return data


@cache
def profiles() -> tuple[Profile, ...]:
    """The demo profiles from ``profiles.yaml``, in file order."""
    data = read_yaml(PROFILES_FILE)
    return tuple(
        Profile(
            name=item["name"],
            answers=_answers(data["base"], item.get("answers", {})),
            ages=(item["ages"][0], item["ages"][1]),
            psfs=tuple(item["psfs"]),
        )
        for item in data["profiles"]
    )


def clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def _vary(profile: Profile, rng: random.Random) -> dict[str, Any]:
    data = copy.deepcopy(profile.answers)
    data["age"] = rng.randint(*profile.ages)
    if rng.random() < 0.4:
        data["sex"] = rng.choice(("female", "male", "other"))
    data["intensity"] = int(clamp(data["intensity"] + rng.choice((-1, 0, 0, 1, 2)), 2, 8))
    data["duration_days"] = max(1, round(data["duration_days"] * rng.uniform(0.5, 1.6)))
    data["trend"] = rng.choice(("same", "same", "worse", "better"))
    habits = data["habits"]
    habits["sitting_hours"] = round(clamp(habits["sitting_hours"] + rng.uniform(-1.5, 1.5), 0, 14))
    habits["screen_hours"] = round(clamp(habits["screen_hours"] + rng.uniform(-1.5, 1.5), 0, 16))
    habits["stress"] = int(clamp(habits["stress"] + rng.randint(-2, 2), 0, 10))
    habits["painkiller_days"] = int(clamp(habits["painkiller_days"] + rng.randint(-1, 2), 0, 7))
    return data


# How likely each kind of demo person is, and how likely each kind is to give an answer
# that adds to the recovery screen: (share of people, physical items, worry-and-mood items).
RISK_MIX = {"low": (0.35, 0.25, 0.08), "medium": (0.4, 0.9, 0.35), "high": (0.25, 0.75, 0.85)}
_PHYSICAL_ITEMS = ("leg_pain", "pain_elsewhere", "daily_tasks")


def demo_recovery(rng: random.Random) -> dict[str, str]:
    """Recovery-screen answers for one demo person, read from the screen's own items."""
    screen = packaged_instrument(RECOVERY_SCREEN)
    kinds = list(RISK_MIX)
    kind = rng.choices(kinds, weights=[RISK_MIX[k][0] for k in kinds])[0]
    _, physical, distress = RISK_MIX[kind]
    answers = {}
    for item in screen.items:
        chance = physical if item.id in _PHYSICAL_ITEMS else distress
        scoring = rng.random() < chance
        options = [o for o in item.options if (o.score > 0) == scoring]
        answers[item.id] = rng.choice(options).value
    return answers


def demo_intake(rng: random.Random) -> tuple[Profile, Intake]:
    """A varied, valid intake from one of the base profiles, with a self-care or soon verdict."""
    profile = rng.choice(profiles())
    for _ in range(5):
        intake = complete_intake({**_vary(profile, rng), "recovery": demo_recovery(rng)})
        if assess(intake).triage.level in (Level.SELF_CARE, Level.SOON):
            return profile, intake
    return profile, complete_intake(profile.answers)  # every base profile is self-care or soon
