"""One "today" per person, in their programme's time zone, for every page and endpoint."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from django.contrib.auth.models import User

from spinewise.core.intake import load_intake
from spinewise.core.plan import Preferences
from spinewise.web.assessments.services import save_assessment
from spinewise.web.journal import services as journal
from spinewise.web.programmes.models import SavedProgramme
from spinewise.web.programmes.selectors import (
    latest_programme,
    latest_programme_and_today,
    today_for,
)
from spinewise.web.programmes.services import create_programme

pytestmark = pytest.mark.django_db
VIGNETTES = Path(__file__).parents[1] / "vignettes"
LATE_EVENING_UTC = datetime(2025, 3, 3, 23, 30, tzinfo=UTC)


def _person_in(zone: str) -> tuple[User, SavedProgramme]:
    user = User.objects.create(username=f"{zone}@example.invalid")
    saved = save_assessment(user, load_intake(VIGNETTES / "P01.json"))
    return user, create_programme(user, saved, Preferences(timezone=zone), date(2025, 3, 3))


def test_today_follows_the_time_zone_of_the_persons_programme() -> None:
    tokyo, _ = _person_in("Asia/Tokyo")
    london, _ = _person_in("Europe/London")
    assert today_for(tokyo, lambda: LATE_EVENING_UTC) == date(2025, 3, 4)
    assert today_for(london, lambda: LATE_EVENING_UTC) == date(2025, 3, 3)


def test_without_a_programme_today_is_the_sites_date(settings: object) -> None:
    nobody = User.objects.create(username="new@example.invalid")
    assert today_for(nobody, lambda: LATE_EVENING_UTC) == date(2025, 3, 3)  # TIME_ZONE is UTC


def test_the_journal_asks_the_same_helpers() -> None:
    assert journal.today_for is today_for
    assert journal.latest_programme is latest_programme


def test_a_stored_programme_keeps_its_typed_columns_in_step_with_the_plan() -> None:
    _, saved = _person_in("Asia/Tokyo")
    programme = saved.programme
    assert (saved.start, saved.end, saved.weeks) == (
        programme.start,
        programme.end,
        len(programme.weeks),
    )
    assert saved.level == programme.level.value
    assert saved.region == (programme.region or "")
    assert saved.minutes_per_day == programme.minutes_per_day
    assert saved.timezone == "Asia/Tokyo"


def test_the_latest_programme_and_today_come_together() -> None:
    tokyo, saved = _person_in("Asia/Tokyo")
    found, today = latest_programme_and_today(tokyo, lambda: LATE_EVENING_UTC)
    assert found == saved and today == date(2025, 3, 4)


def test_the_latest_programme_is_the_newest_and_leaves_the_plan_unread() -> None:
    user, first = _person_in("Asia/Tokyo")
    second = create_programme(
        user, first.assessment, Preferences(timezone="Europe/London"), date(2025, 3, 10)
    )
    SavedProgramme.objects.filter(pk=second.pk).update(created=first.created)  # a tie
    found = latest_programme(user)
    assert found is not None and found.pk == max(first.pk, second.pk)
    assert found.get_deferred_fields() == {"data", "prefs"}
    assert found.programme.start == date(2025, 3, 10)
    assert latest_programme(User.objects.create(username="none@example.invalid")) is None


def test_an_empty_time_zone_column_means_the_sites(settings: object) -> None:
    user, saved = _person_in("Asia/Tokyo")
    SavedProgramme.objects.filter(pk=saved.pk).update(timezone="")
    assert today_for(user, lambda: LATE_EVENING_UTC) == date(2025, 3, 3)
