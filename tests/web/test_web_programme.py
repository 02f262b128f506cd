"""The programme pages: build a plan, follow a session, tick exercises, calendar reminders."""

from __future__ import annotations

import json
from datetime import date, timedelta
from html import escape
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from spinewise.core.intake import parse_intake
from spinewise.core.plan import Preferences
from spinewise.web.assessments.services import save_assessment
from spinewise.web.programmes.models import ExerciseTick, SavedProgramme
from spinewise.web.programmes.services import create_programme

pytestmark = pytest.mark.django_db
VIGNETTES = Path(__file__).parents[1] / "vignettes"


def _user(email: str) -> AbstractBaseUser:
    return get_user_model().objects.create_user(email, email, "a long passphrase 123")


def _programme_for(
    user: AbstractBaseUser, vignette: str = "P01", start: date | None = None
) -> SavedProgramme:
    intake = parse_intake(json.loads((VIGNETTES / f"{vignette}.json").read_text()))
    saved = save_assessment(user, intake)
    return create_programme(user, saved, Preferences(timezone="UTC"), start or date.today())


@pytest.fixture
def alice() -> AbstractBaseUser:
    return _user("alice@example.com")


@pytest.fixture
def owner_client(client: Client, alice: AbstractBaseUser) -> Client:
    client.force_login(alice)
    return client


def test_the_preferences_form_builds_and_saves_a_plan(
    owner_client: Client, alice: AbstractBaseUser
) -> None:
    intake = parse_intake(json.loads((VIGNETTES / "P01.json").read_text()))
    saved = save_assessment(alice, intake)
    page = owner_client.get(f"/programme/new/?assessment={saved.pk}")
    assert page.status_code == 200 and "How long can you spend each day?" in page.content.decode()
    response = owner_client.post(
        "/programme/new/",
        {
            "assessment": saved.pk,
            "minutes_per_day": 20,
            "days_per_week": 4,
            "equipment": ["mat", "wall"],
            "fitness": "average",
            "session_time": "07:30",
            "timezone": "Europe/London",
            "start": date.today().isoformat(),
        },
    )
    assert response.status_code == 302
    programme = SavedProgramme.objects.get(user=alice).programme
    assert len(programme.weeks) == 6 and programme.minutes_per_day == 20
    assert all(len(week.sessions) == 4 for week in programme.weeks)


def test_bad_preferences_are_explained(owner_client: Client, alice: AbstractBaseUser) -> None:
    intake = parse_intake(json.loads((VIGNETTES / "P01.json").read_text()))
    save_assessment(alice, intake)
    response = owner_client.post("/programme/new/", {"minutes_per_day": 999})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()


def test_an_emergency_assessment_gets_no_plan(
    owner_client: Client, alice: AbstractBaseUser
) -> None:
    intake = parse_intake(json.loads((VIGNETTES / "P07.json").read_text()))
    saved = save_assessment(alice, intake)
    response = owner_client.get(f"/programme/new/?assessment={saved.pk}")
    assert response.status_code == 302 and f"/assessment/saved/{saved.pk}/" in response["Location"]
    assert not SavedProgramme.objects.exists()


def test_the_plan_page_shows_today_habits_reading_and_calendar(
    owner_client: Client, alice: AbstractBaseUser
) -> None:
    saved = _programme_for(alice)
    body = owner_client.get(f"/programme/{saved.pk}/").content.decode()
    assert "Week 1 of 6" in body and "Walk " in body and "This week's read" in body
    assert f"/programme/feed/{saved.calendar_token}.ics" in body


def test_a_session_shows_cards_with_illustrations_and_a_player_plan(
    owner_client: Client, alice: AbstractBaseUser
) -> None:
    saved = _programme_for(alice)
    session = saved.programme.weeks[0].sessions[0]
    body = owner_client.get(f"/programme/{saved.pk}/session/{session.date}/").content.decode()
    for item in session.exercises:
        assert escape(item.name) in body and f"/exercises/{item.exercise_id}.svg" in body
        assert f"/exercises/{item.exercise_id}/key-poses.svg" in body
    assert 'id="session-plan"' in body and "Mark as done" in body


def test_ticking_an_exercise_marks_it_done_and_undo_clears_it(
    owner_client: Client, alice: AbstractBaseUser
) -> None:
    saved = _programme_for(alice)
    session = saved.programme.weeks[0].sessions[0]
    exercise = session.exercises[0].exercise_id
    url = f"/programme/{saved.pk}/session/{session.date}/tick/"
    owner_client.post(url, {"exercise": exercise, "done": "1"})
    assert ExerciseTick.objects.filter(programme=saved, exercise_id=exercise).exists()
    owner_client.post(url, {"exercise": exercise, "done": "0"})
    assert not ExerciseTick.objects.exists()
    assert owner_client.post(url, {"exercise": "not_in_session", "done": "1"}).status_code == 404


def test_a_finished_week_is_reviewed_before_the_next_is_shown(
    owner_client: Client, alice: AbstractBaseUser
) -> None:
    # Week 2 is only planned until week 1's review sets it; a person who opens the plan or
    # a session straight from the calendar must not see the unreviewed week as confirmed.
    saved = _programme_for(alice, start=date.today() - timedelta(days=8))
    assert not saved.programme.week(2).confirmed
    page = owner_client.get(reverse("programmes:detail", kwargs={"pk": saved.pk}))
    assert page.status_code == 200
    saved.refresh_from_db()
    assert saved.reviews.filter(week=1).exists()
    assert saved.programme.week(2).confirmed
    assert saved.programme.week(3).confirmed is False


def test_opening_a_session_also_runs_the_due_review(
    owner_client: Client, alice: AbstractBaseUser
) -> None:
    saved = _programme_for(alice, start=date.today() - timedelta(days=8))
    owner_client.get(reverse("programmes:session", kwargs={"pk": saved.pk, "day": date.today()}))
    assert saved.reviews.filter(week=1).exists()


def test_the_calendar_feed_runs_the_due_review_and_confirms_the_next_week(
    client: Client, alice: AbstractBaseUser
) -> None:
    saved = _programme_for(alice, start=date.today() - timedelta(days=8))
    feed = client.get(reverse("programmes:feed", kwargs={"token": saved.calendar_token}))
    assert feed.status_code == 200 and saved.reviews.filter(week=1).exists()
    summaries = [str(e.get("summary")) for e in Calendar.from_ical(feed.content).walk("VEVENT")]
    saved.refresh_from_db()
    assert saved.programme.week(2).confirmed and not saved.programme.week(3).confirmed
    assert any(s.startswith("Back exercises: week 2,") for s in summaries)
    assert any(s.startswith("Back exercises (planned): week 3,") for s in summaries)


def test_no_session_on_a_day_off_is_404(owner_client: Client, alice: AbstractBaseUser) -> None:
    saved = _programme_for(alice)
    far = date.today() + timedelta(days=400)
    assert owner_client.get(f"/programme/{saved.pk}/session/{far}/").status_code == 404
    assert owner_client.get(f"/programme/{saved.pk}/session/2026-13-45/").status_code == 404


def test_the_calendar_download_and_feed_parse_with_alarms(
    owner_client: Client, alice: AbstractBaseUser
) -> None:
    saved = _programme_for(alice)
    download = owner_client.get(f"/programme/{saved.pk}/calendar.ics")
    assert download["Content-Type"] == "text/calendar"
    calendar = Calendar.from_ical(download.content)
    assert calendar.walk("VALARM")
    feed = Client().get(f"/programme/feed/{saved.calendar_token}.ics")
    assert feed.status_code == 200 and feed.content == download.content


def test_a_new_calendar_link_revokes_the_old_one(
    owner_client: Client, alice: AbstractBaseUser
) -> None:
    saved = _programme_for(alice)
    old = saved.calendar_token
    owner_client.post(f"/programme/{saved.pk}/calendar/new-link/")
    saved.refresh_from_db()
    assert saved.calendar_token != old and len(saved.calendar_token) >= 43
    assert Client().get(f"/programme/feed/{old}.ics").status_code == 404
    assert Client().get(f"/programme/feed/{saved.calendar_token}.ics").status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/programme/{pk}/",
        "/programme/{pk}/session/{day}/",
        "/programme/{pk}/calendar.ics",
    ],
)
def test_only_the_owner_sees_a_programme(
    client: Client, alice: AbstractBaseUser, path: str
) -> None:
    saved = _programme_for(alice)
    url = path.format(pk=saved.pk, day=saved.programme.weeks[0].sessions[0].date)
    client.force_login(_user("bob@example.com"))
    assert client.get(url).status_code == 404
    client.logout()
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    client.force_login(alice)
    assert client.get(url).status_code == 200


def test_another_user_cannot_tick_or_rotate(client: Client, alice: AbstractBaseUser) -> None:
    saved = _programme_for(alice)
    session = saved.programme.weeks[0].sessions[0]
    client.force_login(_user("bob@example.com"))
    tick = client.post(
        f"/programme/{saved.pk}/session/{session.date}/tick/",
        {"exercise": session.exercises[0].exercise_id, "done": "1"},
    )
    assert tick.status_code == 404
    assert client.post(f"/programme/{saved.pk}/calendar/new-link/").status_code == 404
    assert not ExerciseTick.objects.exists()


def test_a_non_ascii_digit_in_the_assessment_id_is_not_a_crash(
    owner_client: Client, alice: AbstractBaseUser
) -> None:
    save_assessment(alice, parse_intake(json.loads((VIGNETTES / "P01.json").read_text())))
    # "²" is a digit to str.isdigit() but not to int(): it used to answer 500.
    response = owner_client.get("/programme/new/?assessment=%C2%B2")
    assert response.status_code == 200


@pytest.mark.parametrize("start", ["9999-12-31", "0001-01-01"])
def test_a_start_out_of_range_is_a_form_error_not_a_broken_calendar(
    owner_client: Client, alice: AbstractBaseUser, start: str
) -> None:
    saved = save_assessment(alice, parse_intake(json.loads((VIGNETTES / "P01.json").read_text())))
    form = {
        "assessment": saved.pk,
        "minutes_per_day": 15,
        "days_per_week": 5,
        "fitness": "average",
        "session_time": "18:00",
        "timezone": "UTC",
        "start": start,
    }
    response = owner_client.post("/programme/new/", form)
    assert response.status_code == 400
    assert not SavedProgramme.objects.filter(user=alice).exists()
