"""Demo people in the shared store: an assessment, a programme and weeks of check-ins.

For trying the dashboard, screenshots and benchmarks (``spinewise demo-data``). Everything
is deterministic for a seed: person ``n`` of seed ``s`` draws from its own
``random.Random``, so skipping people that already exist does not change the others.

Each person varies one of the profiles in ``profiles.yaml`` (see ``demo.profiles``), always
with a self-care or "see someone soon" verdict, so every demo person gets a programme. Their
pain then follows one of three trajectories (improving, flat or worsening) with day-to-day
noise, occasional missed days and flare-ups, and exercise sessions done on most planned days.

Demo accounts are ``demo-0001@spinewise.invalid``... with unusable passwords.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from datetime import date, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from spinewise.core.intake import Intake
from spinewise.core.journal import week_start_of
from spinewise.core.pathway import choose_pathway
from spinewise.core.plan import WEEKDAYS, Preferences
from spinewise.demo.profiles import Profile, clamp, demo_intake
from spinewise.web.assessments.services import save_assessment
from spinewise.web.journal.models import CheckIn, InterferenceEntry, PsfsEntry
from spinewise.web.programmes.services import create_programme

DEMO_DOMAIN = "spinewise.invalid"
DEMO_PREFIX = "demo-"
TIMEZONE = "Europe/London"
CHUNK = 50  # people per transaction

Trajectory = Literal["improving", "flat", "worsening"]
TRAJECTORIES: tuple[Trajectory, ...] = ("improving", "flat", "worsening")
# People on a higher-risk pathway recover less often and drop out more (the reason the
# pathways exist); the weights are illustrative, not clinical data.
TRAJECTORY_WEIGHTS = {
    "low": (0.7, 0.25, 0.05),
    "medium": (0.55, 0.3, 0.15),
    "high": (0.4, 0.35, 0.25),
}
# With cohorts: the chance a person stops checking in part-way, and of one check-in
# reporting a new warning sign (after which they stop, as they would to see a doctor).
DROPOUT = {"low": 0.1, "medium": 0.16, "high": 0.24}
ESCALATION = 0.02
COHORT_SPREAD_DAYS = 120
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


def demo_email(number: int) -> str:
    """``demo-0001@spinewise.invalid`` for number 1."""
    return f"{DEMO_PREFIX}{number:04d}@{DEMO_DOMAIN}"


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
        pain = round(clamp(level, 0, 10))
        worst = None
        if rng.random() < 0.7:
            worst = int(clamp(pain + rng.choice((0, 1, 1, 2, 3)), 0, 10))
        planned = day.weekday() in session_days
        sessions = int(rng.random() < (adherence if planned else 0.06))
        if flare and sessions and rng.random() < 0.5:
            sessions = 0
        hours = None
        if rng.random() < 0.8:
            base = sitting if day.weekday() in workdays else sitting * 0.6
            hours = round(clamp(base + rng.gauss(0, 1.0), 0, 16) * 2) / 2
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
                    clamp(score + gain[trajectory] * progress + rng.gauss(0, 0.6), 0, 10)
                ),
            }
            for name, score in first.items()
        ]
        out.append(
            PsfsEntry(user=user, week_start=start + timedelta(weeks=week), activities=scores)
        )
    return out


def demo_interference(
    user: User, seed: str, start: date, days: int, trajectory: Trajectory
) -> list[InterferenceEntry]:
    """A weekly pain-interference rating for most weeks, moving with the pain trajectory.

    Its own random stream, so adding it changed none of the other demo data."""
    rng = random.Random(f"spinewise-demo-interference:{seed}")
    first = rng.uniform(4, 8)
    change = {"improving": -rng.uniform(2.5, 4.5), "flat": rng.uniform(-0.8, 0.8)}
    drift = change.get(trajectory, rng.uniform(1, 2))
    out: list[InterferenceEntry] = []
    for week in range((days + 6) // 7):
        if week > 0 and rng.random() < 0.2:
            continue
        level = first + drift * (1 - math.exp(-week / 2.5))
        answers = [round(clamp(level + rng.gauss(0, 0.8), 0, 10)) for _ in range(3)]
        out.append(
            InterferenceEntry(
                user=user,
                week_start=week_start_of(start) + timedelta(weeks=week),
                pain=answers[0],
                enjoyment=answers[1],
                activity=answers[2],
            )
        )
    return out


def cohort_course(rng: random.Random, pathway: str, checkins: list[CheckIn]) -> list[CheckIn]:
    """A cohort member's check-ins: some stop part-way; a few report a new warning sign."""
    if not checkins:
        return checkins
    last = len(checkins)
    if rng.random() < DROPOUT[pathway]:
        last = rng.randint(min(5, last), last)
    kept = checkins[:last]
    if rng.random() < ESCALATION and kept:
        index = rng.randrange(len(kept))
        kept[index].new_red_flags = ["calf_swelling"]
        kept = kept[: index + 1]
    return kept


def _create_one(
    number: int, seed: int, days: int, today: date, cohorts: bool = False
) -> tuple[User, list[CheckIn], list[PsfsEntry], list[InterferenceEntry]]:
    rng = random.Random(f"spinewise-demo:{seed}:{number}")
    profile, intake = demo_intake(rng)
    pathway = choose_pathway(intake.recovery).id
    trajectory = rng.choices(TRAJECTORIES, weights=TRAJECTORY_WEIGHTS[pathway])[0]
    prefs = Preferences(
        minutes_per_day=rng.choice((10, 15, 15, 20)),
        days_per_week=rng.choice((3, 4, 5, 5)),
        fitness="high" if intake.habits.exercise_days >= 4 else "average",
        timezone=TIMEZONE,
    )
    start = today - timedelta(days=days)
    if cohorts:  # programmes start on different days, as a service's people do
        start -= timedelta(days=rng.randint(0, COHORT_SPREAD_DAYS))
        days = min(days, (today - start).days)
    email = demo_email(number)
    user = User(username=email, email=email, first_name="Demo", last_name=f"{number:04d}")
    user.set_unusable_password()
    user.save()
    saved = save_assessment(user, intake)
    programme = create_programme(user, saved, prefs, start)
    planned = prefs.model_copy(update={"session_days": programme.data["days"]})
    checkins = demo_checkins(user, rng, intake, planned, start, days, trajectory)
    ratings = demo_psfs(user, rng, profile, start, days, trajectory)
    interference = demo_interference(user, f"{seed}:{number}", start, days, trajectory)
    if cohorts:
        checkins = cohort_course(rng, pathway, checkins)
        stopped = checkins[-1].day if checkins else start
        ratings = [r for r in ratings if r.week_start <= stopped]
        interference = [r for r in interference if r.week_start <= stopped]
    interference = [r for r in interference if r.week_start <= today]
    return user, checkins, ratings, interference


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
    cohorts: bool = False,
) -> list[User]:
    """Creates demo people 1..``count`` that do not exist yet; returns the ones created.

    Each gets an assessment, a programme that started ``days`` days ago and a check-in for
    most of the ``days`` days before today. ``progress`` is called with the number of
    people handled so far (created or skipped). ``today`` defaults to today in London.
    With ``cohorts``, programmes start on different days over the last months and some
    people stop part-way or report a new warning sign, so the service outcomes report
    (``spinewise outcomes``) has realistic numbers for each pathway.
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
            interference: list[InterferenceEntry] = []
            for number in numbers:
                if number not in existing:
                    user, user_checkins, user_ratings, user_interference = _create_one(
                        number, seed, days, today, cohorts
                    )
                    created.append(user)
                    checkins.extend(user_checkins)
                    ratings.extend(user_ratings)
                    interference.extend(user_interference)
                if progress is not None:
                    progress(number)
            CheckIn.objects.bulk_create(checkins, batch_size=500)
            PsfsEntry.objects.bulk_create(ratings, batch_size=500)
            InterferenceEntry.objects.bulk_create(interference, batch_size=500)
    return created
