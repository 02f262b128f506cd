"""Every page renders, has one h1, the landmarks and the language, for each persona."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from webtest_support import OWNER_PATHS, public_paths

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", public_paths())
def test_public_page_renders_for_anonymous_visitor(
    client: Client, path: str, scan_page: Callable
) -> None:
    response = client.get(path)

    assert response.status_code == 200
    page = scan_page(response.content.decode())
    assert page.h1_count == 1
    assert page.html_lang == "en"
    assert {"header", "nav", "main", "footer"} <= page.landmarks


@pytest.mark.parametrize("path", public_paths())
def test_public_page_renders_for_logged_in_owner(owner_client: Client, path: str) -> None:
    response = owner_client.get(path)

    # Log-in and sign-up pages send a logged-in person to their account instead.
    assert response.status_code in {200, 302}


@pytest.mark.parametrize("path", OWNER_PATHS)
def test_account_pages_need_log_in(client: Client, path: str) -> None:
    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize("path", OWNER_PATHS)
def test_account_pages_render_for_owner(owner_client: Client, path: str) -> None:
    assert owner_client.get(path).status_code == 200


def test_footer_shows_disclaimer_and_emergency_number(client: Client, settings) -> None:
    settings.SPINEWISE_EMERGENCY_NUMBER = "112"

    html = client.get("/").content.decode()

    assert "information, not a diagnosis" in html
    assert "In an emergency call <strong" in html
    assert ">112<" in html


def test_landing_links_to_assessment_and_shows_comparison_table(client: Client) -> None:
    html = client.get("/").content.decode()

    assert 'href="/assessment/"' in html
    assert "Start your assessment" in html
    assert "<caption" in html
    assert html.count('scope="row"') == 5
    assert "When to get help now" in html


def test_nav_shows_log_in_for_visitors_and_log_out_form_for_owner(
    client: Client, owner_client: Client
) -> None:
    anonymous = Client().get("/").content.decode()
    owner = owner_client.get("/").content.decode()

    assert 'href="/accounts/login/"' in anonymous and 'href="/accounts/signup/"' in anonymous
    assert 'action="/accounts/logout/"' not in anonymous
    assert 'method="post" action="/accounts/logout/"' in owner


def test_unknown_page_is_a_friendly_404(client: Client) -> None:
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_server_error_page_renders_without_request_context(rf) -> None:
    from spinewise.web.site.views import server_error

    response = server_error(rf.get("/"))

    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


def test_healthz_reports_ok(client: Client) -> None:
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]
