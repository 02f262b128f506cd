"""The journal: daily check-ins, re-triage, PSFS, the dashboard, exports and your data."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core import serializers
from django.test import Client

from spinewise.core.intake import parse_intake
from spinewise.core.journal import DailyEntry
from spinewise.core.plan import Preferences
from spinewise.reports.fhir import validate_bundle_structure
from spinewise.web.assessments.services import save_assessment
from spinewise.web.journal import services
from spinewise.web.journal.models import CheckIn, WeeklyReviewRecord
from spinewise.web.programmes.models import SavedProgramme
from spinewise.web.programmes.services import create_programme

pytestmark = pytest.mark.django_db
VIGNETTES = Path(__file__).parents[1] / "vignettes"
PASSWORD = "a long passphrase 123"


@pytest.fixture
def alice() -> User:
    return User.objects.create_user("alice@example.com", "alice@example.com", PASSWORD)


@pytest.fixture
def signed_in(client: Client, alice: User) -> Client:
    client.force_login(alice)
    return client


def _with_programme(user: User, start: date) -> SavedProgramme:
    intake = parse_intake(json.loads((VIGNETTES / "P01.json").read_text()))
    saved = save_assessment(user, intake)
    return create_programme(user, saved, Preferences(timezone="UTC"), start)


def _improving_days(user: User, start: date, days: int) -> None:
    for offset in range(days):
        pain = max(1, 5 - offset // 10)
        services.record_checkin(
            user,
            DailyEntry(day=start + timedelta(days=offset), pain=pain, sessions_done=1,
                       note=_marker(user) if offset == 3 else ""),
        )  # fmt: skip


def _marker(user: User) -> str:
    return "PRIVATE-NOTE-" + user.username.split("@")[0].upper()


def _checkin_post(day: date, **extra: object) -> dict[str, object]:
    data: dict[str, object] = {"day": day.isoformat(), "pain": 4, "sessions_done": 1}
    data.update(extra)
    return data


def test_a_check_in_is_saved_once_a_day_and_can_be_edited(signed_in: Client, alice: User) -> None:
    today = date.today()
    assert signed_in.post("/journal/checkin/", _checkin_post(today)).status_code == 302
    assert signed_in.post("/journal/checkin/", _checkin_post(today, pain=2)).status_code == 302
    assert CheckIn.objects.get(user=alice, day=today).pain == 2
    page = signed_in.get(f"/journal/checkin/?day={today}").content.decode()
    assert "Edit your check-in" in page


def test_a_missed_day_can_be_back_filled_but_not_a_future_one(
    signed_in: Client, alice: User
) -> None:
    past = date.today() - timedelta(days=3)
    assert signed_in.post("/journal/checkin/", _checkin_post(past)).status_code == 302
    future = date.today() + timedelta(days=5)
    response = signed_in.post("/journal/checkin/", _checkin_post(future))
    assert response.status_code == 400 and "has not happened yet" in response.content.decode()


def test_bad_check_in_answers_are_explained(signed_in: Client) -> None:
    response = signed_in.post("/journal/checkin/", {"day": "soon", "pain": 12})
    assert response.status_code == 400
    assert 'class="field-errors"' in response.content.decode()


def test_new_bladder_problems_show_the_emergency_verdict_at_once(
    signed_in: Client, alice: User
) -> None:
    _with_programme(alice, date.today())
    response = signed_in.post(
        "/journal/checkin/", _checkin_post(date.today(), new_red_flags=["bladder_change"])
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Emergency: call for help now" in body and 'href="tel:999"' in body
    assert CheckIn.objects.get(user=alice).new_red_flags == ["bladder_change"]


def test_sixty_days_give_charts_and_weekly_verdicts(signed_in: Client, alice: User) -> None:
    start = date.today() - timedelta(days=60)
    _with_programme(alice, start)
    _improving_days(alice, start, 60)
    body = signed_in.get("/journal/").content.decode()
    assert body.count('role="img"') >= 2  # pain and adherence charts
    reviews = WeeklyReviewRecord.objects.filter(programme__user=alice)
    assert reviews.count() == 6
    assert "Week 6:" in body
    progress = services.progress_for(alice)
    assert progress.pain.now is not None and progress.pain.now < 5


def test_reviews_run_once_per_week(alice: User) -> None:
    start = date.today() - timedelta(days=20)
    saved = _with_programme(alice, start)
    _improving_days(alice, start, 20)
    services.run_due_reviews(saved, date.today())
    services.run_due_reviews(saved, date.today())
    assert WeeklyReviewRecord.objects.filter(programme=saved).count() == 2


def test_psfs_ratings_are_saved_and_validated(signed_in: Client, alice: User) -> None:
    week = services.week_start_of(date.today()).isoformat()
    bad = signed_in.post("/journal/function/", {"week_start": week, "activity_1": "Sitting"})
    assert bad.status_code == 400 and "Rate this activity" in bad.content.decode()
    good = signed_in.post(
        "/journal/function/", {"week_start": week, "activity_1": "Sitting", "score_1": 4}
    )
    assert good.status_code == 302
    assert services.ratings_for(alice)[0].mean == 4


def test_exports_carry_the_same_numbers(signed_in: Client, alice: User) -> None:
    start = date.today() - timedelta(days=14)
    _with_programme(alice, start)
    _improving_days(alice, start, 14)
    pdf = signed_in.get("/journal/export/pdf/")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    csv = signed_in.get("/journal/export/csv/").content.decode()
    assert csv.count("\n") == 15  # header + 14 days
    data = json.loads(signed_in.get("/journal/export/json/").content)
    assert data["count"] == 14 and len(data["entries"]) == 14
    bundle = json.loads(signed_in.get("/journal/export/fhir/").content)
    assert validate_bundle_structure(bundle) == []
    assert signed_in.get("/journal/export/docx/").status_code == 404


def test_download_all_my_data_holds_everything(signed_in: Client, alice: User) -> None:
    start = date.today() - timedelta(days=7)
    _with_programme(alice, start)
    _improving_days(alice, start, 7)
    response = signed_in.get("/accounts/data/download/")
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert {"spinewise-data.json", "checkins.csv", "clinician-report.pdf"} <= set(
        archive.namelist()
    )
    everything = json.loads(archive.read("spinewise-data.json"))
    assert everything["account"]["email"] == "alice@example.com"
    assert len(everything["checkins"]) == 7 and everything["assessments"]
    assert everything["programmes"][0]["programme"]["weeks"]


def test_deleting_an_account_needs_the_password(signed_in: Client, alice: User) -> None:
    response = signed_in.post("/accounts/delete/", {"password": "wrong", "confirm": "on"})
    assert response.status_code == 400 and User.objects.filter(pk=alice.pk).exists()


def test_deleting_an_account_leaves_no_row_about_the_person(client: Client, alice: User) -> None:
    bob = User.objects.create_user("bob@example.com", "bob@example.com", PASSWORD)
    start = date.today() - timedelta(days=10)
    for person in (alice, bob):
        _with_programme(person, start)
        _improving_days(person, start, 10)
    client.post("/accounts/login/", {"username": "alice@example.com", "password": "nope"})
    signed = client.post(
        "/accounts/login/", {"username": "alice@example.com", "password": PASSWORD}
    )
    assert signed.status_code == 302
    client.get("/journal/")  # writes weekly reviews
    alice_id = alice.pk

    response = client.post("/accounts/delete/", {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302

    for model in apps.get_models():
        rows = serializers.serialize("json", model.objects.all())
        assert "alice@example.com" not in rows, f"{model._meta.label} still names her"
        assert "PRIVATE-NOTE-ALICE" not in rows, f"{model._meta.label} still holds her note"
        for field in model._meta.get_fields():
            if getattr(field, "related_model", None) is User and field.concrete:
                leftover = model.objects.filter(**{field.attname: alice_id})
                assert not leftover.exists(), f"{model._meta.label}.{field.name}"
    assert User.objects.filter(pk=bob.pk).exists()
    assert CheckIn.objects.filter(user=bob).count() == 10


def test_journal_pages_need_an_account(client: Client) -> None:
    for path in ("/journal/", "/journal/checkin/", "/journal/function/", "/journal/export/pdf/"):
        response = client.get(path)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_another_person_sees_only_their_own_numbers(client: Client, alice: User) -> None:
    _with_programme(alice, date.today() - timedelta(days=7))
    _improving_days(alice, date.today() - timedelta(days=7), 7)
    bob = User.objects.create_user("bob@example.com", "bob@example.com", PASSWORD)
    client.force_login(bob)
    body = client.get("/journal/").content.decode()
    assert "PRIVATE-NOTE-ALICE" not in body
    csv = client.get("/journal/export/csv/").content.decode()
    assert csv.count("\n") == 1  # header only


def test_the_dashboard_shows_a_new_check_in_at_once(signed_in: Client, alice: User) -> None:
    start = date.today() - timedelta(days=10)
    _with_programme(alice, start)
    _improving_days(alice, start, 5)
    assert "5 check-ins" in signed_in.get("/journal/").content.decode()
    signed_in.post("/journal/checkin/", _checkin_post(date.today()))
    assert "6 check-ins" in signed_in.get("/journal/").content.decode()
    signed_in.post("/journal/checkin/", _checkin_post(date.today(), pain=9))  # an edit
    assert services.progress_for(alice).series[-1].pain == 9
