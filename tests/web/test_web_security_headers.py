"""Security headers on every response, and page markup that a strict CSP allows."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from django.test import Client
from webtest_support import scan_html

pytestmark = pytest.mark.django_db

PagesFn = Callable[[], Iterator[tuple[str, str]]]


def _csp(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    directives = [part.strip() for part in header.split(";") if part.strip()]
    return {d.split(" ", 1)[0]: d.split(" ", 1)[1] if " " in d else "" for d in directives}


def test_csp_is_strict(client: Client) -> None:
    response = client.get("/")
    policy = _csp(response)

    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["img-src"] == "'self' data:"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["form-action"] == "'self'"
    assert policy["base-uri"] == "'none'"
    assert policy["object-src"] == "'none'"


@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/no-such-page/", "/healthz"])
def test_security_headers_on_every_kind_of_response(client: Client, path: str) -> None:
    response = client.get(path)

    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert "Content-Security-Policy" in response


def test_static_files_carry_the_headers_too(client: Client) -> None:
    response = client.get("/static/css/spinewise.css")

    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"


def test_no_inline_scripts_styles_or_handlers_on_any_page(all_pages: PagesFn) -> None:
    for path, html in all_pages():
        page = scan_html(html)
        assert page.inline_scripts == [], path
        assert page.style_elements == 0, path
        assert page.style_attributes == [], path
        assert page.event_handler_attributes == [], path


def test_no_page_points_at_another_origin(all_pages: PagesFn) -> None:
    absolute = re.compile(r"(?i)\bhttps?://|^//")
    checked = 0
    for path, html in all_pages():
        page = scan_html(html)
        foreign = [url for url in page.urls if absolute.search(url)]
        assert foreign == [], path
        # Not even as text: sources are cited by name and bare address.
        assert not re.search(r"(?i)https?://", html), path
        checked += 1
    assert checked > 20


def test_session_and_csrf_cookies_are_http_only_and_same_site(client: Client, user) -> None:
    client.get("/accounts/login/")
    response = client.post(
        "/accounts/login/", {"username": "owner@example.com", "password": "calm-river-stone-42"}
    )

    session = response.cookies["sessionid"]
    assert session["httponly"]
    assert session["samesite"] == "Lax"


def test_exercise_drawing_has_its_own_narrow_policy(client: Client) -> None:
    from spinewise.core.exercises import load_exercises

    exercise_id = next(iter(load_exercises()))
    response = client.get(f"/exercises/{exercise_id}.svg")
    policy = _csp(response)

    assert response["Content-Type"] == "image/svg+xml"
    assert policy["default-src"] == "'none'"
    assert "script-src" not in policy
    assert "<script" not in response.content.decode().lower()


@pytest.mark.parametrize("drawing", ["key-poses", "thumbnail"])
def test_still_drawings_allow_nothing_at_all(client: Client, drawing: str) -> None:
    from spinewise.core.exercises import load_exercises

    exercise_id = next(iter(load_exercises()))
    response = client.get(f"/exercises/{exercise_id}/{drawing}.svg")
    policy = _csp(response)

    assert response["Content-Type"] == "image/svg+xml"
    assert policy == {"default-src": "'none'"}
