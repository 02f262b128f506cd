"""Dates out of range, and editing and deleting check-ins and ratings on the web.

Owner, another person and anonymous for every new page. Rows dated 0001-01-01 or
9999-12-31 (stored before the date rule existed) must not break any page.
"""

from __future__ import annotations

import json
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from spinewise.core.intake import parse_intake
from spinewise.core.plan import Preferences
from spinewise.web.assessments.services import save_assessment
from spinewise.web.journal import services
from spinewise.web.journal.models import CheckIn, PsfsEntry
from spinewise.web.programmes.services import create_programme

pytestmark = pytest.mark.django_db
P01 = json.loads((Path(__file__).parents[1] / "vignettes" / "P01.json").read_text())


@pytest.fixture
def alice() -> User:
    user = User.objects.create_user("alice@example.com", "alice@example.com", "x")
    saved = save_assessment(user, parse_intake(P01))
    create_programme(user, saved, Preferences(timezone="UTC"), date.today() - timedelta(days=10))
    return user


@pytest.fixture
def bob() -> User:
    return User.objects.create_user("bob@example.com", "bob@example.com", "x")


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("day", ["0001-01-01", "2099-01-01", "9999-12-31"])
def test_a_check_in_dated_out_of_range_is_refused(alice: User, day: str) -> None:
    response = signed_in(alice).post("/journal/checkin/", {"day": day, "pain": 4})
    assert response.status_code == 400
    assert "has not happened yet" in response.content.decode() or "on or after" in (
        response.content.decode()
    )
    assert not CheckIn.objects.exists()


def test_a_rating_for_a_far_week_is_refused(alice: User) -> None:
    data = {"week_start": "9999-12-27", "activity_1": "Sitting", "score_1": 4}
    response = signed_in(alice).post("/journal/function/", data)
    assert response.status_code == 400
    assert not PsfsEntry.objects.exists()


def test_rows_from_before_the_date_rule_break_no_page(alice: User) -> None:
    # Stored straight into the table, as a probe did before the rule existed.
    CheckIn.objects.create(user=alice, day=date(1, 1, 1), pain=5)
    CheckIn.objects.create(user=alice, day=date(9999, 12, 31), pain=5)
    CheckIn.objects.create(user=alice, day=date.today(), pain=3)
    PsfsEntry.objects.create(
        user=alice, week_start=date(9999, 12, 27), activities=[{"name": "Sit", "score": 3}]
    )
    client = signed_in(alice)

    started = time.monotonic()
    dashboard = client.get("/journal/")
    elapsed = time.monotonic() - started

    assert dashboard.status_code == 200
    assert len(dashboard.content) < 200_000 and elapsed < 5
    for path in ("/journal/export/pdf/", "/accounts/data/download/", "/journal/history/"):
        assert client.get(path).status_code == 200, path
    # ... and the person can remove them.
    assert client.post("/journal/checkin/0001-01-01/delete/").status_code == 302
    assert client.post("/journal/function/9999-12-27/delete/").status_code == 302
    assert not CheckIn.objects.filter(day=date(1, 1, 1)).exists()
    assert not PsfsEntry.objects.exists()


def test_the_owner_edits_and_deletes_a_check_in(alice: User) -> None:
    day = date.today() - timedelta(days=2)
    client = signed_in(alice)
    client.post("/journal/checkin/", {"day": day.isoformat(), "pain": 6})

    page = client.get(f"/journal/checkin/?day={day}").content.decode()
    assert "Edit your check-in" in page and f"/journal/checkin/{day}/delete/" in page
    client.post("/journal/checkin/", {"day": day.isoformat(), "pain": 2})
    assert CheckIn.objects.get(user=alice, day=day).pain == 2

    response = client.post(f"/journal/checkin/{day}/delete/")
    assert response.status_code == 302 and response["Location"] == "/journal/history/"
    assert not CheckIn.objects.filter(user=alice).exists()
    assert client.post(f"/journal/checkin/{day}/delete/").status_code == 404


def test_the_owner_edits_and_deletes_a_rating(alice: User) -> None:
    week = services.week_start_of(date.today())
    client = signed_in(alice)
    client.post("/journal/function/", {"week_start": week, "activity_1": "Sit", "score_1": 3})
    page = client.get(f"/journal/function/?week={week}").content.decode()
    assert 'value="Sit"' in page and f"/journal/function/{week}/delete/" in page

    client.post("/journal/function/", {"week_start": week, "activity_1": "Sit", "score_1": 7})
    assert services.ratings_for(alice)[0].mean == 7
    assert client.post(f"/journal/function/{week}/delete/").status_code == 302
    assert services.ratings_for(alice) == []


def test_nobody_else_can_delete_the_owners_entries(alice: User, bob: User) -> None:
    day = date.today()
    services.record_checkin(alice, {"day": day, "pain": 4})
    services.save_psfs(alice, services.week_start_of(day), [{"name": "Sit", "score": 3}])

    for client in (signed_in(bob), Client()):
        checkin = client.post(f"/journal/checkin/{day}/delete/")
        rating = client.post(f"/journal/function/{services.week_start_of(day)}/delete/")
        assert checkin.status_code in (302, 404) and rating.status_code in (302, 404)
        if checkin.status_code == 302:
            assert checkin["Location"].startswith("/accounts/login/")
    assert CheckIn.objects.filter(user=alice).count() == 1
    assert PsfsEntry.objects.filter(user=alice).count() == 1
    assert "Sit" not in signed_in(bob).get("/journal/history/").content.decode()


def test_deleting_needs_a_post(alice: User) -> None:
    services.record_checkin(alice, {"day": date.today(), "pain": 4})
    response = signed_in(alice).get(f"/journal/checkin/{date.today()}/delete/")
    assert response.status_code == 405
    assert CheckIn.objects.filter(user=alice).exists()
