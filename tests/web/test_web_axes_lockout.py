"""django-axes locks an email out for 15 minutes after five failed log-ins."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client

pytestmark = pytest.mark.django_db

PASSWORD = "calm-river-stone-42"


def _log_in(client: Client, password: str) -> int:
    response = client.post(
        "/accounts/login/", {"username": "owner@example.com", "password": password}
    )
    return response.status_code


def test_settings_match_the_policy() -> None:
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 15 * 60
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"


def test_four_failures_still_allow_the_right_password(client: Client, user: User) -> None:
    for _ in range(4):
        assert _log_in(client, "wrong-password-1") == 200

    assert _log_in(client, PASSWORD) == 302


def test_fifth_failure_locks_the_account_even_for_the_right_password(
    client: Client, user: User
) -> None:
    for _ in range(4):
        assert _log_in(client, "wrong-password-1") == 200
    assert _log_in(client, "wrong-password-1") == 429

    response = client.post(
        "/accounts/login/", {"username": "owner@example.com", "password": PASSWORD}
    )

    assert response.status_code == 429
    assert "Too many log-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session
