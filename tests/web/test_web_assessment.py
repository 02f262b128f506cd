"""The assessment wizard: one topic per step, validated on the server, verdict first."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from spinewise.core.intake import parse_intake
from spinewise.core.questionnaire import Answer, Step, intake_to_answers, questionnaire
from spinewise.web.assessments.models import SavedAssessment

pytestmark = pytest.mark.django_db
VIGNETTES = Path(__file__).parents[1] / "vignettes"


def _form_value(value: Answer) -> Any:
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if value is None:
        return ""
    if isinstance(value, list):
        return value
    return str(value)


def step_data(step: Step, answers: dict[str, Answer]) -> dict[str, Any]:
    """The form a person would submit for ``step`` with these answers."""
    data: dict[str, Any] = {}
    for q in step.questions:
        if q.type == "checklist":
            ticked = [item.name for item in q.items if answers.get(item.field) is True]
            data[q.name] = ticked or ["none"]
        else:
            data[q.name] = _form_value(answers.get(q.field))
    return data


def answer_steps(client: Client, vignette: str, stop_before: str | None = None) -> Any:
    """Walks the wizard answering as the vignette's person, following its redirects like
    a browser (so an early stop ends the walk); returns the last response."""
    intake = parse_intake(json.loads((VIGNETTES / f"{vignette}.json").read_text()))
    answers = intake_to_answers(intake)
    for question in questionnaire().step("recovery").questions:
        # The wizard always asks the recovery screen; a vignette without it answers the
        # first choice of each item (no risk factor).
        answers.setdefault(question.field, question.options[0].value)
    response = None
    step: Step | None = questionnaire().steps[0]
    while step is not None and step.id != stop_before:
        response = client.post(f"/assessment/{step.id}/", step_data(step, answers))
        assert response.status_code == 302, response.content.decode()[:2000]
        location = response["Location"]
        step_id = location.rstrip("/").rsplit("/", 1)[-1]
        finished = location.endswith(("/result/", "/check/"))
        step = None if finished else questionnaire().step(step_id)
    return response


def test_the_start_page_lists_the_steps_and_the_emergency_advice(client: Client) -> None:
    response = client.get("/assessment/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Safety check" in body and "call 999 now" in body


def test_each_step_shows_progress_and_its_questions(client: Client) -> None:
    response = client.get("/assessment/where/")
    body = response.content.decode()
    assert "Step 1 of 11" in body
    assert 'name="areas"' in body and 'value="upper_back_centre"' in body
    assert "<svg" in body  # the body map drawing


def test_an_unknown_step_is_404(client: Client) -> None:
    assert client.get("/assessment/nonsense/").status_code == 404


def test_bad_answers_come_back_with_messages_next_to_the_fields(client: Client) -> None:
    response = client.post("/assessment/about/", {"age": "old", "sex": ""})
    assert response.status_code == 400
    body = response.content.decode()
    assert "enter a number" in body and "please answer this question" in body
    assert 'aria-invalid="true"' in body


def test_the_result_cannot_be_reached_before_the_safety_steps(client: Client) -> None:
    answer_steps(client, "P01", stop_before="safety_nerves")
    response = client.get("/assessment/result/")
    assert response.status_code == 302 and response["Location"].endswith("/safety_nerves/")


def test_p01_walks_through_to_a_self_care_result_with_causes_and_tips(client: Client) -> None:
    last = answer_steps(client, "P01")
    assert last["Location"].endswith("/assessment/check/")
    body = client.get("/assessment/result/").content.decode()
    assert "Safe to look after at home" in body
    assert "Both lower (lumbar) and upper (thoracic) back" in body
    assert "Long hours sitting and too little movement" in body
    assert "Your answers:" in body and "Try this:" in body
    assert "Get my plan" in body


def test_p07_shows_only_the_emergency_panel(client: Client) -> None:
    answer_steps(client, "P07")
    body = client.get("/assessment/result/").content.decode()
    assert 'href="tel:999"' in body and "Call 999 now" in body
    assert "six-week plan" not in body and "What is probably behind it" not in body


def test_an_emergency_answer_on_the_first_safety_page_goes_straight_to_the_result(
    client: Client,
) -> None:
    pages = []
    for step_id, data in (
        ("where", {"areas": ["lower_back_centre"]}),
        (
            "about",
            {
                "age": "45",
                "sex": "male",
                "duration_days": "7",
                "onset": "gradual",
                "injury": "none",
                "intensity": "5",
                "trend": "same",
            },
        ),
        ("safety_nerves", {"check_nerves": ["red_flags__saddle_numbness"]}),
    ):
        pages.append(step_id)
        response = client.post(f"/assessment/{step_id}/", data)
        assert response.status_code == 302
    assert response["Location"].endswith("/assessment/result/")
    body = client.get("/assessment/result/").content.decode()
    assert "Call 999 now" in body and pages == ["where", "about", "safety_nerves"]


def test_an_urgent_answer_finishes_the_safety_pages_then_shows_the_result(
    client: Client,
) -> None:
    answer_steps(client, "P17")  # worsening foot drop: urgent
    visited = client.session["spinewise_steps_done"]
    assert visited[-1] == "safety_background" and "day" not in visited
    body = client.get("/assessment/result/").content.decode()
    assert "Get medical help today" in body and "six-week plan" not in body


def test_a_safety_page_must_be_answered_and_none_of_these_is_never_preticked(
    client: Client,
) -> None:
    answer_steps(client, "P01", stop_before="safety_nerves")
    page = client.get("/assessment/safety_nerves/").content.decode()
    assert 'value="none" data-none>' in page  # offered, not checked
    response = client.post("/assessment/safety_nerves/", {})
    assert response.status_code == 400
    assert "None of these" in response.content.decode()
    both = {"check_nerves": ["none", "red_flags__saddle_numbness"]}
    assert client.post("/assessment/safety_nerves/", both).status_code == 400


def test_the_pregnancy_page_is_asked_only_in_pregnancy(client: Client) -> None:
    answer_steps(client, "P01", stop_before="safety_nerves")
    assert client.get("/assessment/safety_pregnancy/").status_code == 404


def _signup_link() -> str:
    match = re.search(r"https?://testserver(/accounts/signup/confirm/\S+/)", mail.outbox[-1].body)
    assert match is not None
    return match.group(1)


def test_saving_asks_for_an_account_and_keeps_the_answers(client: Client) -> None:
    answer_steps(client, "P01")
    response = client.get("/assessment/save/")
    assert "Create an account" in response.content.decode()
    signup = client.post(
        "/accounts/signup/?next=/assessment/save/",
        {
            "email": "emily@example.com",
            "password1": "a long enough passphrase 42",
            "password2": "a long enough passphrase 42",
        },
    )
    assert signup.status_code == 302 and signup["Location"] == "/accounts/signup/sent/"
    finished = client.post(_signup_link())  # the link from the email, in the same browser
    assert finished.status_code == 302 and finished["Location"] == "/assessment/save/"
    assert client.get("/assessment/save/").status_code == 200
    saved = client.post("/assessment/save/")
    assert saved.status_code == 302
    record = SavedAssessment.objects.get()
    assert record.user.email == "emily@example.com" and record.level == "self_care"
    assert client.get(saved["Location"]).status_code == 200


def test_signup_never_redirects_off_site(client: Client) -> None:
    response = client.post(
        "/accounts/signup/?next=https://evil.example/",
        {
            "email": "x@example.com",
            "password1": "a long enough passphrase 42",
            "password2": "a long enough passphrase 42",
        },
    )
    assert response.status_code == 302 and "evil" not in response["Location"]
    finished = client.post(_signup_link())
    assert finished.status_code == 302 and "evil" not in finished["Location"]


def test_another_user_cannot_see_a_saved_assessment(client: Client) -> None:
    owner = get_user_model().objects.create_user("owner@example.com", "owner@example.com", "x")
    record = SavedAssessment.objects.create(
        user=owner, intake={}, result={}, level="self_care", region="lower"
    )
    other = get_user_model().objects.create_user("other@example.com", "other@example.com", "x")
    client.force_login(other)
    assert client.get(f"/assessment/saved/{record.pk}/").status_code == 404
    client.logout()
    assert client.get(f"/assessment/saved/{record.pk}/").status_code == 302
