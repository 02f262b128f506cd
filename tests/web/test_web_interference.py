"""The weekly pain-interference rating on the web, and the outcomes on the dashboard.

A person rates three questions, 0-10, once a week, next to the weekly activity rating;
re-rating a week replaces it; it can be edited and deleted; the dashboard shows "Your
outcomes" with the meaningful change marked.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from spinewise.core.intake import parse_intake
from spinewise.core.journal import week_start_of
from spinewise.core.plan import Preferences
from spinewise.web.assessments.services import save_assessment
from spinewise.web.journal import services
from spinewise.web.journal.models import InterferenceEntry
from spinewise.web.programmes.services import create_programme

pytestmark = pytest.mark.django_db
P01 = json.loads((Path(__file__).parents[1] / "vignettes" / "P01.json").read_text())
THIS_WEEK = week_start_of(date.today())


@pytest.fixture
def alice() -> User:
    user = User.objects.create_user("alice@example.com", "alice@example.com", "x")
    saved = save_assessment(user, parse_intake(P01))
    start = THIS_WEEK - timedelta(weeks=2)
    create_programme(user, saved, Preferences(timezone="UTC"), start)
    return user


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def rate(client: Client, week: date, pain: int, enjoyment: int, activity: int) -> int:
    data = {"week_start": week.isoformat(), "pain": pain, "enjoyment": enjoyment}
    data["activity"] = activity
    return client.post("/journal/pain-week/", data).status_code


def test_the_page_asks_the_instruments_three_questions_next_to_the_activity_rating(
    alice: User,
) -> None:
    page = signed_in(alice).get("/journal/pain-week/").content.decode()
    assert "how strong has your pain usually been?" in page
    assert "taken the pleasure out of things you like?" in page
    assert "held you back in your usual day-to-day activities?" in page
    assert "/journal/function/" in page  # the PSFS for the same week is one link away
    assert "/journal/pain-week/" in signed_in(alice).get("/journal/function/").content.decode()


def test_a_rating_is_saved_once_a_week_and_a_re_rating_replaces_it(alice: User) -> None:
    client = signed_in(alice)
    assert rate(client, THIS_WEEK, 6, 5, 7) == 302
    assert rate(client, date.today(), 4, 4, 4) == 302  # any day names its week
    entry = InterferenceEntry.objects.get(user=alice)
    assert (entry.week_start, entry.pain, entry.enjoyment, entry.activity) == (THIS_WEEK, 4, 4, 4)


def test_a_missing_or_out_of_range_answer_is_refused_on_the_form(alice: User) -> None:
    client = signed_in(alice)
    response = client.post("/journal/pain-week/", {"week_start": THIS_WEEK, "pain": 11})
    assert response.status_code == 400
    assert "Please check the highlighted answers" in response.content.decode()
    assert rate(client, THIS_WEEK + timedelta(weeks=1), 1, 1, 1) == 400
    assert not InterferenceEntry.objects.exists()


def test_a_rating_can_be_edited_and_deleted_from_the_history(alice: User) -> None:
    client = signed_in(alice)
    rate(client, THIS_WEEK, 6, 5, 7)
    history = client.get("/journal/history/").content.decode()
    assert f"/journal/pain-week/?week={THIS_WEEK.isoformat()}" in history
    edit = client.get(f"/journal/pain-week/?week={THIS_WEEK.isoformat()}").content.decode()
    assert edit.count("checked") >= 3  # the week's three answers are filled in
    assert client.post(f"/journal/pain-week/{THIS_WEEK.isoformat()}/delete/").status_code == 302
    assert not InterferenceEntry.objects.exists()
    assert client.post(f"/journal/pain-week/{THIS_WEEK.isoformat()}/delete/").status_code == 404


def test_another_person_cannot_delete_a_rating(alice: User) -> None:
    rate(signed_in(alice), THIS_WEEK, 6, 5, 7)
    bob = User.objects.create_user("bob@example.com", "bob@example.com", "x")
    assert signed_in(bob).post(f"/journal/pain-week/{THIS_WEEK}/delete/").status_code == 404
    assert InterferenceEntry.objects.filter(user=alice).exists()
    assert Client().get("/journal/pain-week/").status_code == 302


def test_the_dashboard_shows_your_outcomes_with_a_meaningful_change_marked(alice: User) -> None:
    client = signed_in(alice)
    assert rate(client, THIS_WEEK - timedelta(weeks=2), 8, 7, 8) == 302
    assert rate(client, THIS_WEEK, 3, 3, 4) == 302
    page = client.get("/journal/").content.decode()
    assert "Your outcomes" in page
    assert "Pain interference" in page and "Yes, better" in page
    assert "Borrowed from the 0-10 pain scale" in page
    assert 'id="outcomes-chart-title"' in page
    outcomes = services.outcomes_for(alice, date.today())
    change = outcomes.measure("pain_interference").change
    assert change is not None and change.meaningful and change.verdict in page


def test_the_dashboard_invites_ratings_before_there_are_any(alice: User) -> None:
    page = signed_in(alice).get("/journal/").content.decode()
    assert "Your outcomes" in page and "/journal/pain-week/" in page


def test_download_all_my_data_includes_the_ratings(alice: User) -> None:
    rate(signed_in(alice), THIS_WEEK, 2, 3, 4)
    data = services.everything_about(alice)
    assert data["pain_interference"] == [
        {"week_start": THIS_WEEK.isoformat(), "pain": 2, "enjoyment": 3, "activity": 4}
    ]


def test_the_fhir_export_carries_the_questionnaire_and_each_rating_and_validates(
    alice: User,
) -> None:
    from spinewise.reports.fhir import validate_bundle_structure

    client = signed_in(alice)
    rate(client, THIS_WEEK - timedelta(weeks=1), 6, 5, 7)
    rate(client, THIS_WEEK, 4, 4, 4)
    bundle = json.loads(client.get("/journal/export/fhir/").content)
    assert validate_bundle_structure(bundle) == []
    kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
    assert "Questionnaire" in kinds
    responses = [
        e["resource"]
        for e in bundle["entry"]
        if e["resource"]["resourceType"] == "QuestionnaireResponse"
        and "pain-interference" in e["resource"]["questionnaire"]
    ]
    assert len(responses) == 2


def test_the_pdf_report_has_the_outcomes_section(alice: User) -> None:
    from spinewise.web.journal.exports import pdf_for

    rate(signed_in(alice), THIS_WEEK, 4, 4, 4)
    assert len(pdf_for(alice)) > 1000
    outcomes = services.outcomes_for(alice, date.today())
    assert outcomes.measure("pain_interference").points[0].value == 4.0
