"""Every form takes any input without a server error: bad input is a 4xx or a re-shown form.

Hypothesis sends each form its own field names filled with arbitrary text, lists, numbers,
dates and nothing at all, as a browser or a script could.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spinewise.core.intake import parse_intake
from spinewise.core.questionnaire import questionnaire
from spinewise.web.assessments.services import save_assessment

VIGNETTES = Path(__file__).parents[1] / "vignettes"

values = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", "0", "-1", "10", "11", "99999999999999999999", "1e309", "NaN", "yes",
                     "no", "2026-02-30", date.today().isoformat(), "<script>", "\x00"]),
    st.integers(min_value=-(10**6), max_value=10**6).map(str),
)  # fmt: skip
field_values = st.one_of(values, st.lists(values, max_size=4))


def _wizard_forms() -> list[tuple[str, list[str]]]:
    return [
        (f"/assessment/{step.id}/", [q.name for q in step.questions])
        for step in questionnaire().steps
    ]


SIGNED_IN_FORMS: list[tuple[str, list[str]]] = [
    ("/journal/checkin/", ["day", "pain", "worst", "sessions_done", "sitting_hours",
                           "flare_up", "note", "new_red_flags"]),
    ("/journal/function/", ["week_start", "activity_1", "score_1", "activity_2", "score_2",
                            "activity_3", "score_3"]),
    ("/programme/new/", ["assessment", "minutes_per_day", "days_per_week", "equipment",
                         "fitness", "session_time", "timezone", "start"]),
    ("/accounts/password/change/", ["old_password", "new_password1", "new_password2"]),
]  # fmt: skip
ANONYMOUS_FORMS: list[tuple[str, list[str]]] = [
    *_wizard_forms(),
    ("/accounts/signup/", ["email", "password1", "password2", "next"]),
    ("/accounts/password/reset/", ["email"]),
]


def _data(draw_values: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in draw_values.items() if value is not None}


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "fields"), ANONYMOUS_FORMS, ids=lambda v: str(v))
def test_anonymous_forms_never_fail(path: str, fields: list[str]) -> None:
    client = Client()

    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.fixed_dictionaries({}, optional={name: field_values for name in fields}))
    def post(data: dict[str, Any]) -> None:
        response = client.post(path, _data(data))
        assert response.status_code < 500, (path, data)

    post()


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "fields"), SIGNED_IN_FORMS, ids=lambda v: str(v))
def test_signed_in_forms_never_fail(path: str, fields: list[str]) -> None:
    user = User.objects.create_user("fuzz@example.com", "fuzz@example.com", "a long passphrase 1")
    intake = parse_intake(json.loads((VIGNETTES / "P01.json").read_text()))
    save_assessment(user, intake)
    client = Client()
    client.force_login(user)

    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.fixed_dictionaries({}, optional={name: field_values for name in fields}))
    def post(data: dict[str, Any]) -> None:
        response = client.post(path, _data(data))
        assert response.status_code < 500, (path, data)

    post()


@pytest.mark.django_db
def test_a_valid_check_in_from_a_week_ago_still_works_after_the_fuzzing() -> None:
    user = User.objects.create_user("after@example.com", "after@example.com", "pass phrase 123")
    client = Client()
    client.force_login(user)
    day = (date.today() - timedelta(days=7)).isoformat()
    response = client.post("/journal/checkin/", {"day": day, "pain": 3, "sessions_done": 0})
    assert response.status_code == 302
