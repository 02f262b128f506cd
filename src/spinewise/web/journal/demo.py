"""Realistic demo people: an assessment, a programme and weeks of check-ins and PSFS ratings.

For trying the dashboard, screenshots and benchmarks (``spinewise demo-data``). Everything
is deterministic for a seed: person ``n`` of seed ``s`` draws from its own
``random.Random``, so skipping people that already exist does not change the others.

Each person varies one of a few base profiles (a desk worker with lower and upper back
pain, a lifter with a lower back strain, a student with an upper back and a heavy bag...),
validated through ``core.intake.complete_intake`` and always a self-care or "see someone soon"
verdict, so every demo person gets a programme. Their pain then follows one of three
trajectories (improving, flat or worsening) with day-to-day noise, occasional missed days
and flare-ups, and exercise sessions done on most planned days.

Demo accounts are ``demo-0001@spinewise.invalid``... with unusable passwords.
"""

from __future__ import annotations

import copy
import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from spinewise.core.intake import History, Intake, RedFlags, complete_intake
from spinewise.core.levels import Level
from spinewise.core.plan import WEEKDAYS, Preferences
from spinewise.web.assessments.services import assess_for_web, save_assessment
from spinewise.web.journal.models import CheckIn, PsfsEntry
from spinewise.web.programmes.services import create_programme

DEMO_DOMAIN = "spinewise.invalid"
DEMO_PREFIX = "demo-"
TIMEZONE = "Europe/London"
CHUNK = 50  # people per transaction

Trajectory = Literal["improving", "flat", "worsening"]
TRAJECTORIES: tuple[Trajectory, ...] = ("improving", "flat", "worsening")
TRAJECTORY_WEIGHTS = (0.55, 0.3, 0.15)
NOTES = (
    "Long day at the desk.",
    "Walked to work, felt looser.",
    "Slept badly.",
    "Did the stretches twice today.",
    "Stiff in the morning, better by lunch.",
    "Carried the shopping, a bit sore after.",
    "Stressful week.",
    "Felt good after the walk.",
    "Skipped the session, too tired.",
    "Heat pack helped.",
)


@dataclass(frozen=True)
class Profile:
    """A kind of person: intake answers to vary, and the activities they rate (PSFS)."""

    name: str
    answers: dict[str, Any]
    ages: tuple[int, int]
    psfs: tuple[str, ...]


def _base(**answers: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "schema": "spinewise.intake/2",
        "age": 35,
        "sex": "female",
        "pregnant_weeks": None,
        "areas": ["lower_back_centre"],
        "pain_qualities": ["dull_ache"],
        "intensity": 5,
        "onset": "gradual",
        "injury": "none",
        "duration_days": 21,
        "trend": "same",
        "worse_with": [],
        "better_with": [],
        "time_pattern": [],
        "episodes": "before_recovered",
        "painkiller_effect": "help_little",
        "habits": {
            "sitting_hours": 6,
            "screen_hours": 6,
            "sitting_breaks": "sometimes",
            "exercise_days": 2,
            "strength_days": 0,
            "painkiller_days": 0,
            "bag_carrying": "light",
            "stress": 4,
            "slouching": False,
            "head_forward": False,
            "repetitive_work": False,
            "sport": None,
            "training_increase": False,
        },
        "history": dict.fromkeys(History.model_fields, False),
        "red_flags": dict.fromkeys(RedFlags.model_fields, False),
        "pregnancy": None,
    }
    for key, value in answers.items():
        if key == "habits":
            data["habits"].update(value)
        else:
            data[key] = value
    return data


PROFILES: tuple[Profile, ...] = (
    Profile(
        "desk worker, lower and upper back",
        _base(
            areas=["lower_back_centre", "upper_back_centre"],
            pain_qualities=["dull_ache", "stiffness", "tight_tense"],
            worse_with=["sitting", "end_of_day", "screen_work"],
            better_with=["walking", "moving_around"],
            time_pattern=["worse_end_of_day"],
            habits={
                "sitting_hours": 9,
                "screen_hours": 9,
                "sitting_breaks": "rarely",
                "exercise_days": 1,
                "slouching": True,
                "head_forward": True,
            },
        ),
        (24, 55),
        ("Sitting through a work meeting", "Carrying the shopping", "Sleeping through the night"),
    ),
    Profile(
        "lifter, lower back strain",
        _base(
            sex="male",
            areas=["lower_back_centre", "lower_back_left"],
            pain_qualities=["sharp", "stiffness"],
            intensity=6,
            onset="sudden",
            injury="lifting",
            duration_days=6,
            worse_with=["bending", "lifting", "twisting"],
            better_with=["moving_around", "heat"],
            time_pattern=["morning_stiffness_short"],
            habits={
                "sitting_hours": 5,
                "screen_hours": 4,
                "exercise_days": 4,
                "strength_days": 4,
                "sport": "weightlifting",
                "training_increase": True,
            },
        ),
        (22, 45),
        ("Deadlifting", "Putting on socks", "Picking things up from the floor"),
    ),
    Profile(
        "student, upper back and a heavy bag",
        _base(
            areas=["upper_back_centre", "upper_back_right"],
            pain_qualities=["tight_tense", "dull_ache"],
            intensity=4,
            duration_days=35,
            worse_with=["carrying_bags", "screen_work", "sitting"],
            better_with=["massage", "moving_around"],
            habits={
                "sitting_hours": 8,
                "screen_hours": 10,
                "bag_carrying": "heavy_one_shoulder",
                "exercise_days": 2,
                "stress": 6,
                "slouching": True,
            },
        ),
        (18, 25),
        ("Studying for two hours", "Carrying my bag to campus", "Playing football"),
    ),
    Profile(
        "on their feet all day, lower back",
        _base(
            sex="male",
            areas=["lower_back_centre", "lower_back_right"],
            pain_qualities=["dull_ache", "stiffness"],
            duration_days=60,
            worse_with=["standing", "bending", "end_of_day"],
            better_with=["rest", "changing_position"],
            time_pattern=["worse_end_of_day"],
            habits={
                "sitting_hours": 2,
                "screen_hours": 2,
                "sitting_breaks": "regular",
                "exercise_days": 1,
                "painkiller_days": 2,
                "repetitive_work": True,
            },
        ),
        (28, 58),
        ("A full shift on my feet", "Gardening", "Lifting boxes at work"),
    ),
    Profile(
        "runner who stepped up training",
        _base(
            areas=["lower_back_centre"],
            pain_qualities=["stiffness", "dull_ache"],
            intensity=4,
            duration_days=14,
            worse_with=["sport", "bending"],
            better_with=["walking", "exercise"],
            habits={
                "sitting_hours": 6,
                "screen_hours": 5,
                "exercise_days": 5,
                "strength_days": 1,
                "sport": "running",
                "training_increase": True,
            },
        ),
        (25, 50),
        ("Running 5 km", "Sitting in the car for an hour", "Tying my shoes"),
    ),
    Profile(
        "new parent, lower and upper back",
        _base(
            areas=["lower_back_centre", "upper_back_left"],
            pain_qualities=["dull_ache", "tight_tense"],
            duration_days=45,
            worse_with=["lifting", "carrying_bags", "bending"],
            better_with=["heat", "massage"],
            habits={
                "sitting_hours": 4,
                "screen_hours": 3,
                "exercise_days": 0,
                "stress": 7,
                "bag_carrying": "heavy_one_shoulder",
            },
        ),
        (26, 42),
        ("Lifting my child", "Pushing the pram uphill", "Sleeping through the night"),
    ),
)


def demo_email(number: int) -> str:
    """``demo-0001@spinewise.invalid`` for number 1."""
    return f"{DEMO_PREFIX}{number:04d}@{DEMO_DOMAIN}"


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def _vary(profile: Profile, rng: random.Random) -> dict[str, Any]:
    data = copy.deepcopy(profile.answers)
    data["age"] = rng.randint(*profile.ages)
    if rng.random() < 0.4:
        data["sex"] = rng.choice(("female", "male", "other"))
    data["intensity"] = int(_clamp(data["intensity"] + rng.choice((-1, 0, 0, 1, 2)), 2, 8))
    data["duration_days"] = max(1, round(data["duration_days"] * rng.uniform(0.5, 1.6)))
    data["trend"] = rng.choice(("same", "same", "worse", "better"))
    habits = data["habits"]
    habits["sitting_hours"] = round(_clamp(habits["sitting_hours"] + rng.uniform(-1.5, 1.5), 0, 14))
    habits["screen_hours"] = round(_clamp(habits["screen_hours"] + rng.uniform(-1.5, 1.5), 0, 16))
    habits["stress"] = int(_clamp(habits["stress"] + rng.randint(-2, 2), 0, 10))
    habits["painkiller_days"] = int(_clamp(habits["painkiller_days"] + rng.randint(-1, 2), 0, 7))
    return data


def demo_intake(rng: random.Random) -> tuple[Profile, Intake]:
    """A varied, valid intake from one of the base profiles, with a self-care or soon verdict."""
    profile = rng.choice(PROFILES)
    for _ in range(5):
        intake = complete_intake(_vary(profile, rng))
        if assess_for_web(intake).triage.level in (Level.SELF_CARE, Level.SOON):
            return profile, intake
    return profile, complete_intake(profile.answers)  # every base profile is self-care or soon


def _pain_level(trajectory: Trajectory, baseline: float, day: int, shift: float) -> float:
    """The underlying pain on day ``day`` of the programme, before noise."""
    if trajectory == "improving":
        target = max(0.5, baseline * shift)
        return baseline + (target - baseline) * (1 - math.exp(-day / 14))
    if trajectory == "worsening":
        return baseline + min(3.0, 10 - baseline) * (1 - math.exp(-day / 21))
    return baseline + 0.4 * math.sin(day / 9)


def demo_checkins(
    user: User,
    rng: random.Random,
    intake: Intake,
    prefs: Preferences,
    start: date,
    days: int,
    trajectory: Trajectory,
) -> list[CheckIn]:
    """``days`` days of check-ins from ``start`` (unsaved), a few of them missed."""
    baseline = float(intake.intensity)
    session_days = {WEEKDAYS.index(day) for day in prefs.days}
    workdays = {WEEKDAYS.index(day) for day in prefs.workdays}
    adherence = rng.uniform(0.45, 0.95)
    missing = rng.uniform(0.03, 0.15)
    flare_chance = {"improving": 0.025, "flat": 0.04, "worsening": 0.07}[trajectory]
    shift = rng.uniform(0.25, 0.55)
    sitting = intake.habits.sitting_hours
    out: list[CheckIn] = []
    for offset in range(days):
        day = start + timedelta(days=offset)
        noise = rng.gauss(0, 0.7)
        missed = rng.random() < missing
        flare = rng.random() < flare_chance
        if missed and offset > 0:
            continue
        level = _pain_level(trajectory, baseline, offset, shift) + noise + (2.5 if flare else 0)
        pain = round(_clamp(level, 0, 10))
        worst = None
        if rng.random() < 0.7:
            worst = int(_clamp(pain + rng.choice((0, 1, 1, 2, 3)), 0, 10))
        planned = day.weekday() in session_days
        sessions = int(rng.random() < (adherence if planned else 0.06))
        if flare and sessions and rng.random() < 0.5:
            sessions = 0
        hours = None
        if rng.random() < 0.8:
            base = sitting if day.weekday() in workdays else sitting * 0.6
            hours = round(_clamp(base + rng.gauss(0, 1.0), 0, 16) * 2) / 2
        note = rng.choice(NOTES) if rng.random() < 0.08 else ""
        out.append(
            CheckIn(
                user=user,
                day=day,
                pain=pain,
                worst=worst,
                sessions_done=sessions,
                sitting_hours=hours,
                flare_up=flare,
                note=note,
                new_red_flags=[],
            )
        )
    return out


def demo_psfs(
    user: User,
    rng: random.Random,
    profile: Profile,
    start: date,
    days: int,
    trajectory: Trajectory,
) -> list[PsfsEntry]:
    """A PSFS rating at the start of most weeks, moving with the pain trajectory."""
    activities = rng.sample(profile.psfs, k=rng.randint(2, 3))
    first = {name: rng.randint(2, 6) for name in activities}
    gain = {"improving": rng.uniform(3, 5), "flat": rng.uniform(-0.5, 1), "worsening": -2.0}
    out: list[PsfsEntry] = []
    for week in range((days + 6) // 7):
        if week > 0 and rng.random() < 0.15:
            continue
        progress = 1 - math.exp(-week / 2.5)
        scores = [
            {
                "name": name,
                "score": round(
                    _clamp(score + gain[trajectory] * progress + rng.gauss(0, 0.6), 0, 10)
                ),
            }
            for name, score in first.items()
        ]
        out.append(
            PsfsEntry(user=user, week_start=start + timedelta(weeks=week), activities=scores)
        )
    return out


def _create_one(
    number: int, seed: int, days: int, today: date
) -> tuple[User, list[CheckIn], list[PsfsEntry]]:
    rng = random.Random(f"spinewise-demo:{seed}:{number}")
    profile, intake = demo_intake(rng)
    trajectory = rng.choices(TRAJECTORIES, weights=TRAJECTORY_WEIGHTS)[0]
    prefs = Preferences(
        minutes_per_day=rng.choice((10, 15, 15, 20)),
        days_per_week=rng.choice((3, 4, 5, 5)),
        fitness="high" if intake.habits.exercise_days >= 4 else "average",
        timezone=TIMEZONE,
    )
    start = today - timedelta(days=days)
    email = demo_email(number)
    user = User(username=email, email=email, first_name="Demo", last_name=f"{number:04d}")
    user.set_unusable_password()
    user.save()
    saved = save_assessment(user, intake)
    create_programme(user, saved, prefs, start)
    checkins = demo_checkins(user, rng, intake, prefs, start, days, trajectory)
    ratings = demo_psfs(user, rng, profile, start, days, trajectory)
    return user, checkins, ratings


def existing_demo_numbers() -> set[int]:
    emails = User.objects.filter(
        username__startswith=DEMO_PREFIX, username__endswith=f"@{DEMO_DOMAIN}"
    ).values_list("username", flat=True)
    numbers = set()
    for email in emails:
        digits = email[len(DEMO_PREFIX) : -len(DEMO_DOMAIN) - 1]
        if digits.isdigit():
            numbers.add(int(digits))
    return numbers


def create_demo_users(
    count: int,
    days: int,
    seed: int = 1,
    progress: Callable[[int], None] | None = None,
    *,
    today: date | None = None,
) -> list[User]:
    """Creates demo people 1..``count`` that do not exist yet; returns the ones created.

    Each gets an assessment, a programme that started ``days`` days ago and a check-in for
    most of the ``days`` days before today. ``progress`` is called with the number of
    people handled so far (created or skipped). ``today`` defaults to today in London.
    """
    if count < 0 or days < 1:
        raise ValueError("count must be 0 or more and days at least 1")
    today = today or timezone.localdate(timezone=ZoneInfo(TIMEZONE))
    existing = existing_demo_numbers()
    created: list[User] = []
    for first in range(1, count + 1, CHUNK):
        numbers = range(first, min(count, first + CHUNK - 1) + 1)
        with transaction.atomic():
            checkins: list[CheckIn] = []
            ratings: list[PsfsEntry] = []
            for number in numbers:
                if number not in existing:
                    user, user_checkins, user_ratings = _create_one(number, seed, days, today)
                    created.append(user)
                    checkins.extend(user_checkins)
                    ratings.extend(user_ratings)
                if progress is not None:
                    progress(number)
            CheckIn.objects.bulk_create(checkins, batch_size=500)
            PsfsEntry.objects.bulk_create(ratings, batch_size=500)
    return created
