"""POST/GET /api/v1/programmes and the calendar file."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.contrib.auth.models import User
from django.test import Client

from spinewise.core.plan import Preferences, Programme, build_programme
from spinewise.web.assessments.models import SavedAssessment
from spinewise.web.assessments.services import assess_for_web
from spinewise.web.programmes.models import SavedProgramme

pytestmark = pytest.mark.django_db

URL = "/api/v1/programmes"
VIGNETTES = Path(__file__).parents[1] / "vignettes"
START = "2026-01-05"  # a Monday


def vignette(vignette_id: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((VIGNETTES / f"{vignette_id}.json").read_text())
    return data


P01_INTAKE = vignette("P01")


def post_json(client: Client, url: str, body: object, **extra: Any) -> Any:
    return client.post(url, data=json.dumps(body), content_type="application/json", **extra)


def test_p01_anonymous_gets_six_weeks_without_saving(client: Client) -> None:
    response = post_json(client, URL, {"intake": vignette("P01"), "start": START})

    assert response.status_code == 200
    body = response.json()
    assert body["id"] is None and body["assessment_id"] is None
    programme = body["programme"]
    assert programme["schema"] == "spinewise.programme/1"
    assert [week["number"] for week in programme["weeks"]] == [1, 2, 3, 4, 5, 6]
    assert programme["start"] == START
    assert programme["weeks"][0]["sessions"][0]["exercises"]
    assert SavedProgramme.objects.count() == 0
    assert SavedAssessment.objects.count() == 0


def test_programme_is_core_s_programme(client: Client) -> None:
    from spinewise.core.intake import parse_intake

    intake = parse_intake(vignette("P01"))
    prefs = Preferences(minutes_per_day=10, days_per_week=3)
    expected = build_programme(assess_for_web(intake), intake, prefs, date(2026, 1, 5))

    body = post_json(
        client,
        URL,
        {"intake": vignette("P01"), "preferences": prefs.model_dump(mode="json"), "start": START},
    ).json()

    assert body["programme"] == expected.to_json_dict()
    assert Programme.from_json_dict(body["programme"]) == expected


def test_start_defaults_to_today_in_the_person_s_time_zone(client: Client) -> None:
    prefs = {"timezone": "Pacific/Auckland"}

    body = post_json(client, URL, {"intake": vignette("P01"), "preferences": prefs}).json()

    assert (
        body["programme"]["start"] == datetime.now(ZoneInfo("Pacific/Auckland")).date().isoformat()
    )


@pytest.mark.parametrize("vignette_id", ["P07", "P08"])
def test_emergency_gets_409_with_the_triage_and_no_plan(client: Client, vignette_id: str) -> None:
    response = post_json(client, URL, {"intake": vignette(vignette_id)})

    assert response.status_code == 409
    body = response.json()
    assert body["detail"] == "no programme"
    assert body["triage"]["level"] == "emergency"
    assert body["triage"]["advice"] and body["triage"]["reasons"]
    assert "programme" not in body


def test_signed_in_emergency_stores_nothing(owner_client: Client) -> None:
    response = post_json(owner_client, URL, {"intake": vignette("P07")})

    assert response.status_code == 409
    assert SavedAssessment.objects.count() == 0
    assert SavedProgramme.objects.count() == 0


def test_bad_preferences_name_each_field(client: Client) -> None:
    body = {
        "intake": vignette("P01"),
        "preferences": {"minutes_per_day": 500, "timezone": "Mars/Olympus", "colour": "red"},
    }

    response = post_json(client, URL, body)

    assert response.status_code == 422
    fields = {error["field"] for error in response.json()["errors"]}
    assert fields == {"preferences.minutes_per_day", "preferences.timezone", "preferences.colour"}


def test_intake_errors_carry_the_intake_prefix(client: Client) -> None:
    intake = vignette("P01")
    intake["age"] = 0
    del intake["red_flags"]["chest_pain"]

    response = post_json(client, URL, {"intake": intake, "start": "5 Jan 2026"})

    assert response.status_code == 422
    fields = {error["field"] for error in response.json()["errors"]}
    assert fields == {"intake.age", "intake.red_flags.chest_pain", "start"}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "(body)"),
        ({"preferences": {}}, "(body)"),
        ({"intake": P01_INTAKE, "assessment_id": 1}, "(body)"),
        ({"intake": None}, "intake"),  # leave it out rather than sending null
    ],
)
def test_exactly_one_source_is_required(client: Client, body: dict[str, Any], field: str) -> None:
    response = post_json(client, URL, body)

    assert response.status_code == 422
    assert field in {error["field"] for error in response.json()["errors"]}


@pytest.mark.parametrize("start", ["0001-01-01", "9999-12-31", "2026-02-30", 20260105])
def test_implausible_start_dates_are_422_not_a_crash(client: Client, start: object) -> None:
    response = post_json(client, URL, {"intake": vignette("P01"), "start": start})

    assert response.status_code == 422
    assert [error["field"] for error in response.json()["errors"]] == ["start"]


def test_assessment_id_needs_authentication(client: Client) -> None:
    response = post_json(client, URL, {"assessment_id": 1})

    assert response.status_code == 401


def test_signed_in_programme_is_saved_listed_and_fetched(owner_client: Client, user: User) -> None:
    response = post_json(owner_client, URL, {"intake": vignette("P01"), "start": START})

    assert response.status_code == 201
    body = response.json()
    saved = SavedProgramme.objects.get(user=user)
    assert body["id"] == saved.pk
    assert body["assessment_id"] == SavedAssessment.objects.get(user=user).pk
    assert len(body["programme"]["weeks"]) == 6

    listed = owner_client.get(URL).json()
    assert [item["id"] for item in listed] == [saved.pk]
    assert listed[0]["start"] == START and listed[0]["end"] == body["programme"]["end"]
    assert listed[0]["level"] == "self_care"

    fetched = owner_client.get(f"{URL}/{saved.pk}").json()
    assert fetched["programme"] == body["programme"]


def test_programme_from_a_saved_assessment(owner_client: Client, user: User) -> None:
    assessment = post_json(owner_client, "/api/v1/assessments?save=true", vignette("P01")).json()

    response = post_json(
        owner_client,
        URL,
        {"assessment_id": assessment["id"], "preferences": {"minutes_per_day": 10}},
    )

    assert response.status_code == 201
    body = response.json()
    assert body["assessment_id"] == assessment["id"]
    assert body["programme"]["minutes_per_day"] == 10
    assert SavedAssessment.objects.filter(user=user).count() == 1


def test_saved_emergency_assessment_gets_409(owner_client: Client) -> None:
    assessment = post_json(owner_client, "/api/v1/assessments?save=true", vignette("P08")).json()

    response = post_json(owner_client, URL, {"assessment_id": assessment["id"]})

    assert response.status_code == 409
    assert response.json()["triage"]["level"] == "emergency"


def test_calendar_ics_parses(owner_client: Client) -> None:
    prefs = {"days_per_week": 3, "session_time": "07:30", "timezone": "Europe/London"}
    created = post_json(
        owner_client, URL, {"intake": vignette("P01"), "preferences": prefs, "start": START}
    ).json()

    response = owner_client.get(f"{URL}/{created['id']}/calendar.ics")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    calendar = icalendar.Calendar.from_ical(response.content)
    events = [c for c in calendar.walk("VEVENT") if "Back exercises" in str(c["SUMMARY"])]
    assert len(events) == 6 * 3
    first = min(event.decoded("DTSTART") for event in events)
    assert first.date() == date(2026, 1, 5)
    assert (first.hour, first.minute) == (7, 30)


def test_a_time_zone_that_is_a_folder_is_422_not_a_crash(client: Client) -> None:
    # ZoneInfo("Europe") raises IsADirectoryError, which used to escape as a 500.
    body = {"intake": P01_INTAKE, "preferences": {"timezone": "Europe"}}
    response = post_json(client, URL, body)

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["preferences.timezone"]


def test_a_start_more_than_a_year_ahead_is_422(client: Client) -> None:
    response = post_json(client, URL, {"intake": P01_INTAKE, "start": "2099-01-05"})

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["start"]
