"""Installable and offline: the manifest, the service worker at the site root, the offline
page, and what every page needs to register the worker (no inline script)."""

from __future__ import annotations

import json
import re

import pytest
from django.contrib.auth.models import User
from django.contrib.staticfiles import finders
from django.test import Client

from spinewise.web.site.pwa import PRECACHED_STATIC

pytestmark = pytest.mark.django_db


def _worker_config(body: str) -> dict[str, object]:
    found = re.search(r"^const CONFIG = (.*);$", body, re.M)
    assert found is not None
    config = json.loads(found.group(1))
    assert isinstance(config, dict)
    return config


def test_the_manifest_makes_the_app_installable(client: Client) -> None:
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = response.json()
    assert manifest["name"] == "Spinewise" and manifest["display"] == "standalone"
    assert manifest["start_url"] == "/programme/" and manifest["scope"] == "/"
    assert manifest["theme_color"] == "#0f5a56"
    sizes = {icon["sizes"] for icon in manifest["icons"] if icon["type"] == "image/png"}
    assert {"192x192", "512x512"} <= sizes
    assert any(icon.get("purpose") == "maskable" for icon in manifest["icons"])
    for icon in manifest["icons"]:
        assert client.get(icon["src"]).status_code == 200, icon["src"]


def test_the_service_worker_is_served_from_the_root_for_the_whole_site(client: Client) -> None:
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    # The site's policy allows a same-origin worker, and the worker's own fetches.
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "connect-src 'self'" in policy
    assert "worker-src" not in policy or "worker-src 'self'" in policy


def test_the_worker_precaches_every_static_file_it_names(client: Client) -> None:
    body = client.get("/sw.js").content.decode()
    config = _worker_config(body)
    precache = config["precache"]
    assert isinstance(precache, list)
    assert "/manifest.webmanifest" in precache and "/static/js/offline.js" in precache
    for url in precache:
        assert client.get(url).status_code == 200, url
    for path in PRECACHED_STATIC:
        assert finders.find(path), path
    assert client.get(str(config["offline_page"])).status_code == 200
    assert "{%" not in body and "{{" not in body


def test_the_worker_version_is_stable_between_requests(client: Client) -> None:
    first = _worker_config(client.get("/sw.js").content.decode())
    again = _worker_config(client.get("/sw.js").content.decode())
    assert first["version"] == again["version"] and len(str(first["version"])) == 16


def test_the_worker_never_caches_the_api_or_other_methods(client: Client) -> None:
    body = client.get("/sw.js").content.decode()
    assert 'request.method !== "GET"' in body and 'startsWith("/api/")' in body


def test_every_page_links_the_manifest_and_registers_the_worker(client: Client) -> None:
    body = client.get("/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in body
    tag = re.search(r'<script src="/static/js/offline\.js"[^>]*>', body)
    assert tag is not None and 'data-sw="/sw.js"' in tag.group(0)
    assert 'data-owner=""' in tag.group(0)  # nobody signed in: nothing personal is kept


def test_a_signed_in_page_names_its_owner_for_the_offline_queue(client: Client) -> None:
    alice = User.objects.create_user("alice@example.com", "alice@example.com", "long pass 1234")
    client.force_login(alice)
    body = client.get("/journal/checkin/").content.decode()
    assert f'data-owner="{alice.pk}"' in body
    assert 'data-offline-checkin="/api/v1/checkins"' in body
    assert 'data-logout="/accounts/logout/"' in body


def test_the_offline_page_says_what_is_kept(client: Client) -> None:
    body = client.get("/offline/").content.decode()
    assert "You are offline" in body and 'href="/programme/"' in body
