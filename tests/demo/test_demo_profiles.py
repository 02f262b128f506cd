"""Demo profiles (data in ``spinewise/demo/profiles.yaml``) make valid people with a plan."""

from __future__ import annotations

import random
from datetime import date

import pytest

from spinewise.core.assessment import assess
from spinewise.core.intake import parse_intake
from spinewise.demo.profiles import demo_intake, profiles


def test_there_are_several_kinds_of_demo_people() -> None:
    names = [profile.name for profile in profiles()]
    assert len(names) >= 4
    assert len(set(names)) == len(names)


@pytest.mark.parametrize("profile", profiles(), ids=lambda profile: profile.name)
def test_every_profile_is_a_valid_intake_that_allows_a_programme(profile: object) -> None:
    intake = parse_intake(profile.answers)  # type: ignore[attr-defined]
    assert assess(intake).triage.level.allows_exercise


def test_a_seed_makes_the_same_person_every_time() -> None:
    first = demo_intake(random.Random("seed"))
    again = demo_intake(random.Random("seed"))
    assert first[0].name == again[0].name
    assert first[1] == again[1]


@pytest.mark.django_db
def test_demo_people_rate_their_weekly_pain_interference_so_outcomes_show() -> None:
    from spinewise.demo.people import create_demo_users
    from spinewise.web.journal import services
    from spinewise.web.journal.models import InterferenceEntry

    (user,) = create_demo_users(1, 28, today=date(2026, 3, 2))
    rows = list(InterferenceEntry.objects.filter(user=user))
    assert rows and all(r.week_start <= date(2026, 3, 2) for r in rows)
    assert all(0 <= v <= 10 for r in rows for v in (r.pain, r.enjoyment, r.activity))
    outcomes = services.outcomes_for(user, date(2026, 3, 2))
    assert outcomes.measure("pain_interference").points
