"""From the result to today's session in one flow: "Get my plan", settings filled in from
the answers (with the account fields for someone new), then the session. Also the
check-your-answers page before the result."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from test_web_assessment import answer_steps

from spinewise.core.questionnaire import questionnaire
from spinewise.web.assessments.models import SavedAssessment
from spinewise.web.programmes.models import SavedProgramme

pytestmark = pytest.mark.django_db
PASSPHRASE = "a long enough passphrase 42"


def _signup_link() -> str:
    match = re.search(r"https?://testserver(/accounts/signup/confirm/\S+/)", mail.outbox[-1].body)
    assert match is not None
    return match.group(1)


def _settings(**changes: str) -> dict[str, object]:
    return {
        "minutes_per_day": "15",
        "days_per_week": "3",
        "equipment": ["mat", "wall", "chair"],
        "fitness": "low",
        "session_time": "18:00",
        "timezone": "Europe/London",
        "start": "",
        **changes,
    }


def _today_value(page: str) -> str:
    found = re.search(r'name="start" value="([\d-]+)"', page)
    assert found is not None
    return found.group(1)


def test_the_last_step_leads_to_every_answer_with_a_change_link_per_step(client: Client) -> None:
    last = answer_steps(client, "P01")
    assert last["Location"] == "/assessment/check/"
    page = client.get("/assessment/check/").content.decode()
    assert "Check your answers" in page and "See my result" in page
    asked = questionnaire().visible_steps(client.session["spinewise_answers"])
    links = re.findall(r'href="/assessment/([a-z_]+)/\?from=check"', page)
    assert links == [step.id for step in asked]  # one "Change" per step, in order
    assert "Lower back, middle" in page or "Upper back" in page  # body map in words


def test_a_change_from_the_check_page_returns_to_it(client: Client) -> None:
    answer_steps(client, "P01")
    page = client.get("/assessment/about/?from=check").content.decode()
    assert "Save this change" in page
    data = {
        "age": "35",
        "sex": "female",
        "pregnant_weeks": "",
        "duration_days": "21",
        "onset": "gradual",
        "injury": "none",
        "intensity": "7",
        "trend": "same",
    }
    response = client.post("/assessment/about/?from=check", data)
    assert response.status_code == 302 and response["Location"] == "/assessment/check/"
    assert "7 out of 10" in client.get("/assessment/check/").content.decode()


def test_a_change_that_opens_a_new_step_asks_it_before_returning(client: Client) -> None:
    answer_steps(client, "P01")
    data = {
        "age": "35",
        "sex": "female",
        "pregnant_weeks": "20",
        "duration_days": "21",
        "onset": "gradual",
        "injury": "none",
        "intensity": "5",
        "trend": "same",
    }
    response = client.post("/assessment/about/?from=check", data)
    assert response["Location"] == "/assessment/safety_pregnancy/?from=check"
    assert client.get("/assessment/check/")["Location"] == "/assessment/safety_pregnancy/"


def test_an_emergency_answer_skips_the_check_page(client: Client) -> None:
    last = answer_steps(client, "P07")
    assert last["Location"] == "/assessment/result/"
    assert client.get("/assessment/check/")["Location"] == "/assessment/result/"


def test_the_result_fits_a_phone_verdict_three_points_and_one_main_button(
    client: Client,
) -> None:
    answer_steps(client, "P01")
    page = client.get("/assessment/result/").content.decode()
    assert page.count('class="verdict-point ') == 3
    for heading in ("What to do now:", "When to see a GP:", "When to call 999:"):
        assert heading in page
    assert page.count("button-large") == 1 and 'href="/programme/start/"' in page
    # Each habit tip is told once, beside its cause or among the other habits.
    assert page.count("Get up every 30-45 minutes") == 1
    assert page.count('<details class="fold"') >= 3


def test_get_my_plan_suggests_settings_from_the_answers(client: Client) -> None:
    answer_steps(client, "P01")  # no exercise on any day: the easiest start, three days
    page = client.get("/programme/start/").content.decode()
    assert re.search(r'value="low"[^>]*checked', page)
    assert re.search(r'name="days_per_week" value="3"[^>]*checked', page)
    assert 'name="email"' in page and "Create my account and plan" in page


def test_someone_new_signs_up_and_lands_on_todays_session_with_the_plan_saved(
    client: Client,
) -> None:
    answer_steps(client, "P01")
    page = client.get("/programme/start/").content.decode()
    data = {
        **_settings(start=_today_value(page)),
        "email": "nia@example.com",
        "password1": PASSPHRASE,
        "password2": PASSPHRASE,
    }
    sent = client.post("/programme/start/", data)
    assert sent.status_code == 302 and sent["Location"] == "/accounts/signup/sent/"
    assert not SavedAssessment.objects.exists()  # nothing is stored before the account
    finished = client.post(_signup_link())
    assert finished["Location"] == "/programme/today/"
    saved = SavedProgramme.objects.get()
    assert saved.user.email == "nia@example.com" and saved.assessment.level == "self_care"
    today = client.get("/programme/today/")
    assert re.fullmatch(rf"/programme/{saved.pk}/session/[\d-]+/", today["Location"])
    session = client.get(today["Location"])
    assert session.status_code == 200 and "timer" in session.content.decode()
    assert "spinewise_answers" not in client.session  # the answers now live in the account


def test_a_signed_in_person_goes_from_the_settings_straight_to_todays_session(
    client: Client,
) -> None:
    user = User.objects.create_user("ola@example.com", "ola@example.com", PASSPHRASE)
    client.force_login(user)
    answer_steps(client, "P02")
    page = client.get("/programme/start/").content.decode()
    assert 'name="email"' not in page and "Start my plan" in page
    response = client.post("/programme/start/", _settings(start=_today_value(page)))
    assert response.status_code == 302 and "/session/" in response["Location"]
    assert SavedAssessment.objects.filter(user=user).count() == 1


def test_bad_settings_or_account_fields_come_back_with_an_error_summary(client: Client) -> None:
    answer_steps(client, "P01")
    response = client.post("/programme/start/", {**_settings(), "email": "not-an-address"})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="error-summary"' in page and not SavedAssessment.objects.exists()


def test_no_plan_for_an_urgent_result(client: Client) -> None:
    answer_steps(client, "P17")
    assert client.get("/programme/start/")["Location"] == "/assessment/result/"


def test_logging_in_instead_builds_the_waiting_plan_for_an_existing_account(
    client: Client,
) -> None:
    User.objects.create_user("kai@example.com", "kai@example.com", PASSPHRASE)
    answer_steps(client, "P01")
    page = client.get("/programme/start/").content.decode()
    data = {
        **_settings(start=_today_value(page)),
        "email": "kai@example.com",
        "password1": PASSPHRASE,
        "password2": PASSPHRASE,
    }
    assert client.post("/programme/start/", data)["Location"] == "/accounts/signup/sent/"
    assert "already have an account" in mail.outbox[-1].body.lower()
    login = client.post(
        "/accounts/login/?next=/programme/start/",
        {"username": "kai@example.com", "password": PASSPHRASE},
    )
    assert login.status_code == 302
    saved = SavedProgramme.objects.get()
    assert saved.user.email == "kai@example.com"
    assert client.get("/programme/start/")["Location"] == "/programme/today/"
