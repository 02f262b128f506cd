"""Keys that travel in URLs (reset links, sign-up links, calendar feeds) never reach a log."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest
from django.test import Client

from spinewise.web.log_filters import redact

TOKEN = "cz7k1q-4f1c0e3a9b8d7c6e5f4a3b2c1d0e9f8a"


@pytest.fixture
def console() -> Iterator[io.StringIO]:
    """What the configured console handler (the one production logs through) writes."""
    handler = next(
        h
        for h in logging.getLogger("django.request").handlers
        if type(h) is logging.StreamHandler and any(f for f in h.filters)
    )
    stream = io.StringIO()
    old = handler.stream  # swapped by hand: setStream() would flush a stream pytest closed
    handler.stream = stream
    try:
        yield stream
    finally:
        handler.stream = old


@pytest.mark.django_db
def test_a_reset_link_in_a_logged_path_is_blanked(console: io.StringIO) -> None:
    response = Client().get(f"/accounts/password/reset/MQ/{TOKEN}/oops/")

    assert response.status_code == 404
    assert "Not Found" in console.getvalue()
    assert TOKEN not in console.getvalue()
    assert "/accounts/password/reset/MQ/[redacted]" in console.getvalue()


@pytest.mark.parametrize(
    "path",
    [
        f"/accounts/password/reset/MQ/{TOKEN}/",
        f"/accounts/signup/confirm/{TOKEN}/",
        f"/programme/feed/{TOKEN}.ics",
    ],
)
def test_every_kind_of_secret_path_is_redacted(path: str) -> None:
    assert TOKEN not in redact(f"Forbidden: {path}")
    assert redact("Not Found: /accounts/password/reset/sent/") == (
        "Not Found: /accounts/password/reset/sent/"
    )
