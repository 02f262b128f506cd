"""The installable app: the web app manifest and the service worker, both at the site root.

The service worker has to be served from ``/sw.js`` (not ``/static/``) for its scope to be
the whole site. It is generated here so it can name the static files by their real URLs
(hashed by WhiteNoise in production) and carry a version that changes with them: a new
version installs itself and drops the old copies.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_safe

APP_NAME = "Spinewise"
THEME_COLOUR = "#0f5a56"  # the brand colour, as <meta name="theme-color"> says
BACKGROUND_COLOUR = "#f5f8f7"
# Everything a page of the app may need with no network: small, so every visitor can
# afford it. Drawings and personal pages are kept only for a signed-in person's own plan.
PRECACHED_STATIC = (
    "css/spinewise.css",
    "css/programme.css",
    "css/session.css",
    "css/assessment.css",
    "js/offline.js",
    "js/session.js",
    "js/checklist.js",
    "js/bodymap.js",
    "img/favicon.svg",
    "img/icon-192.png",
)


def _icons() -> list[dict[str, str]]:
    return [
        {"src": static("img/favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
        {"src": static("img/icon-192.png"), "sizes": "192x192", "type": "image/png"},
        {"src": static("img/icon-512.png"), "sizes": "512x512", "type": "image/png"},
        {
            "src": static("img/icon-maskable-512.png"),
            "sizes": "512x512",
            "type": "image/png",
            "purpose": "maskable",
        },
    ]


def manifest_data() -> dict[str, Any]:
    return {
        "id": "/",
        "name": APP_NAME,
        "short_name": APP_NAME,
        "description": "Back pain self-care: your exercise plan, guided sessions and check-ins.",
        "lang": "en",
        "start_url": reverse("programmes:current"),
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": _icons(),
    }


@require_safe
def manifest(request: HttpRequest) -> JsonResponse:
    response = JsonResponse(manifest_data(), content_type="application/manifest+json")
    response["Cache-Control"] = "public, max-age=86400"
    return response


def _version(precache: list[str]) -> str:
    """Changes whenever the worker or any file it keeps changes."""
    digest = hashlib.sha256("\n".join(precache).encode())
    digest.update(render_to_string("site/sw.js", {"config": ""}).encode())
    for path in PRECACHED_STATIC:
        found = finders.find(path)
        if isinstance(found, str):
            with open(found, "rb") as file:
                digest.update(file.read())
    return digest.hexdigest()[:16]


def _worker_script() -> str:
    precache = [static(path) for path in PRECACHED_STATIC] + [reverse("site:manifest")]
    config = {
        "version": _version(precache),
        "precache": precache,
        "static_prefix": settings.STATIC_URL,
        "start": reverse("programmes:current"),
        "offline_page": reverse("site:offline"),
    }
    return render_to_string("site/sw.js", {"config": json.dumps(config)})


_cached_worker_script = cache(_worker_script)


@require_safe
def service_worker(request: HttpRequest) -> HttpResponse:
    script = _worker_script() if settings.DEBUG else _cached_worker_script()
    response = HttpResponse(script, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    # The browser checks for a new worker itself; no cache may hold on to an old one.
    response["Cache-Control"] = "no-cache"
    return response


@require_safe
def offline(request: HttpRequest) -> HttpResponse:
    """What the service worker shows for a page that was not kept, with no network."""
    return render(request, "site/offline.html")
