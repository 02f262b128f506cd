"""Demo profiles (data in ``spinewise/demo/profiles.yaml``) make valid people with a plan."""

from __future__ import annotations

import random

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
