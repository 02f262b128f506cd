"""Shared fixtures for the web tests: users, a logged-in client and an HTML scanner."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import pytest
from django.test import Client
from webtest_support import OWNER_PATHS, ScannedPage, public_paths, scan_html

if TYPE_CHECKING:
    from django.contrib.auth.models import User

PASSWORD = "calm-river-stone-42"


@pytest.fixture
def user(db: None) -> User:
    from django.contrib.auth.models import User

    return User.objects.create_user(
        username="owner@example.com", email="owner@example.com", password=PASSWORD
    )


@pytest.fixture
def owner_client(client: Client, user: User) -> Client:
    from spinewise.web.accounts.backends import BACKEND

    client.force_login(user, backend=BACKEND)
    return client


@pytest.fixture
def scan_page() -> Callable[[str], ScannedPage]:
    return scan_html


@pytest.fixture
def all_pages(client: Client, owner_client: Client) -> Callable[[], Iterator[tuple[str, str]]]:
    """(path, html) for every page: public ones anonymously, account ones logged in."""

    def pages() -> Iterator[tuple[str, str]]:
        anonymous = Client()
        for path in public_paths():
            response = anonymous.get(path)
            assert response.status_code == 200, path
            yield path, response.content.decode()
        for path in OWNER_PATHS:
            response = owner_client.get(path)
            assert response.status_code == 200, path
            yield path, response.content.decode()
        response = anonymous.get("/no-such-page/")
        assert response.status_code == 404
        yield "/no-such-page/", response.content.decode()

    return pages
