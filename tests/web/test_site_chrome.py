"""The header and footer every page shows are rendered once per variant and kept
(``site_chrome``): each page still marks its own section, signs out with its own CSRF
token, and follows the settings the footer names."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings
from django.urls import set_script_prefix

from spinewise.web.site.templatetags import site_chrome

pytestmark = pytest.mark.django_db

CURRENT = re.compile(r'<a href="[^"]*" aria-current="page">([^<]+)</a>')
TOKEN = re.compile(
    r'<form method="post" action="/accounts/logout/" class="inline-form">\s*'
    r'<input type="hidden" name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})">'
)


def _header(body: str) -> str:
    return body[body.index('<header class="site-header">') : body.index("</header>")]


def _marked(client: Client, path: str) -> list[str]:
    response = client.get(path)
    assert response.status_code == 200
    return CURRENT.findall(_header(response.content.decode()))


@pytest.mark.parametrize(
    ("path", "marked"),
    [
        ("/", []),
        ("/guides/", ["Guides"]),
        ("/guides/when-to-get-help/", ["Guides"]),
        ("/exercises/", ["Exercises"]),
        ("/exercises/plank/", ["Exercises"]),
        ("/accounts/login/", ["Log in"]),
        ("/accounts/signup/", ["Sign up"]),
        ("/about/", []),
    ],
)
def test_signed_out_the_header_marks_the_pages_section(
    client: Client, path: str, marked: list[str]
) -> None:
    assert _marked(client, path) == marked
    body = client.get(path).content.decode()
    assert "Log out" not in _header(body) and "Log in" in _header(body)


@pytest.mark.parametrize(
    ("path", "marked"),
    [
        ("/", []),
        ("/programme/", ["My plan"]),
        ("/journal/", ["Progress"]),
        ("/guides/", ["Guides"]),
        ("/exercises/", ["Exercises"]),
        ("/accounts/", ["Account"]),
    ],
)
def test_signed_in_the_header_marks_the_pages_section(
    owner_client: Client, path: str, marked: list[str]
) -> None:
    assert _marked(owner_client, path) == marked
    assert "Log in" not in _header(owner_client.get(path).content.decode())


def test_every_signed_in_page_signs_out_with_its_own_working_token(user: User) -> None:
    from spinewise.web.accounts.backends import BACKEND

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user, backend=BACKEND)
    first = TOKEN.findall(browser.get("/guides/").content.decode())
    second = TOKEN.findall(browser.get("/guides/").content.decode())
    assert len(first) == len(second) == 1
    assert first != second  # masked afresh, as {% csrf_token %} does, though the page is kept
    response = browser.post("/accounts/logout/", {"csrfmiddlewaretoken": first[0]})
    assert response.status_code == 302
    assert browser.get("/journal/").status_code == 302  # signed out: sent to log in


ANY_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')


def test_a_page_with_several_forms_masks_its_token_once(user: User) -> None:
    """The header's "Log out" carries the same masked token as the page's own forms, as
    two ``{% csrf_token %}`` in one page would: one mask a page, not one a form."""
    from spinewise.web.accounts.backends import BACKEND

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user, backend=BACKEND)
    tokens = ANY_TOKEN.findall(browser.get("/accounts/").content.decode())
    assert len(tokens) >= 2  # the header's form and at least one of the page's
    assert len(set(tokens)) == 1
    assert TOKEN.findall(browser.get("/accounts/").content.decode()) != tokens[:1]


def test_the_footer_follows_the_emergency_number_setting(client: Client) -> None:
    footer = re.compile(r"In an emergency call <strong class=\"nowrap\">(\d+)</strong>")
    assert footer.findall(client.get("/").content.decode()) == ["999"]
    with override_settings(SPINEWISE_EMERGENCY_NUMBER="112"):
        assert footer.findall(client.get("/").content.decode()) == ["112"]
    assert footer.findall(client.get("/").content.decode()) == ["999"]


def test_the_header_and_footer_follow_the_script_prefix(client: Client) -> None:
    from django.template import Context, Template

    text = "{% load site_chrome %}{% site_nav %}{% site_footer %}"
    set_script_prefix("/spinewise/")
    try:
        rendered = Template(text).render(Context({}))
    finally:
        set_script_prefix("/")
    assert 'href="/spinewise/guides/"' in rendered
    assert 'href="/spinewise/guides/when-to-get-help/"' in rendered
    assert 'href="/spinewise/accounts/login/"' in rendered


def test_with_debug_on_nothing_is_kept(client: Client) -> None:
    site_chrome.forget()
    with override_settings(DEBUG=True):
        client.get("/guides/")
        assert site_chrome._kept == {}
    client.get("/guides/")
    assert site_chrome._kept != {}
