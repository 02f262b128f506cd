"""What pages keep per process gives the same answers Django would work out each time.

``{% load cached_static %}`` is served by a tag that remembers each asset's URL, and links
pages repeat (exercise drawings, a programme's sessions) are reversed once
(``links.link``): both must match Django's own answers and follow a change of settings.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from django.template import Context, Template
from django.templatetags.static import static
from django.test import Client, override_settings
from django.urls import reverse, set_script_prefix

import spinewise.web
from spinewise.web.links import LinkArgument, link
from spinewise.web.site.library import drawing_urls
from spinewise.web.site.templatetags.cached_static import static_url

pytestmark = pytest.mark.django_db


def _render(text: str) -> str:
    return Template(text).render(Context({}))


def test_the_static_tag_gives_djangos_own_url() -> None:
    rendered = _render("{% load cached_static %}{% static 'css/spinewise.css' %}")
    assert rendered == static("css/spinewise.css") == "/static/css/spinewise.css"


def test_the_static_tag_can_name_its_result() -> None:
    rendered = _render("{% load cached_static %}{% static 'js/offline.js' as js %}[{{ js }}]")
    assert rendered == "[/static/js/offline.js]"


def test_the_static_tag_follows_a_change_of_static_url() -> None:
    assert static_url("css/spinewise.css") == "/static/css/spinewise.css"
    with override_settings(STATIC_URL="/assets/"):
        assert _render("{% load cached_static %}{% static 'css/spinewise.css' %}") == (
            "/assets/css/spinewise.css"
        )
    assert static_url("css/spinewise.css") == "/static/css/spinewise.css"


def test_drawing_urls_are_the_drawing_views() -> None:
    urls = drawing_urls("plank")
    assert urls.animation == reverse("site:exercise_svg", args=["plank"])
    assert urls.key_poses == reverse("site:exercise_key_poses", args=["plank"])
    assert urls.animation != urls.key_poses


@pytest.mark.parametrize(
    ("view", "args"),
    [
        ("journal:checkin", ()),
        ("programmes:detail", (7,)),
        ("programmes:session", (7, date(2026, 3, 2))),
        ("site:guide_detail", ("when-to-get-help",)),
    ],
)
def test_a_remembered_link_is_the_reversed_one(view: str, args: tuple[LinkArgument, ...]) -> None:
    assert link(view, *args) == reverse(view, args=list(args))
    assert link(view, *args) == link(view, *args)


def test_a_remembered_link_follows_the_script_prefix() -> None:
    plain = link("programmes:detail", 7)
    set_script_prefix("/spinewise/")
    try:
        assert link("programmes:detail", 7) == "/spinewise" + plain
    finally:
        set_script_prefix("/")
    assert link("programmes:detail", 7) == plain


def test_an_exercise_page_shows_its_drawing_and_key_poses(client: Client) -> None:
    body = client.get(reverse("site:exercise_detail", args=["plank"])).content.decode()
    urls = drawing_urls("plank")
    assert f'src="{urls.animation}"' in body
    assert f'srcset="{urls.key_poses}"' in body
    assert client.get(urls.animation).status_code == 200
    assert client.get(urls.key_poses).status_code == 200


def test_every_template_uses_the_cached_static_tag() -> None:
    root = Path(spinewise.web.__file__).parent
    loads_django_static = [
        str(path.relative_to(root))
        for path in root.rglob("*.html")
        if re.search(r"{%\s*load\s+(?:[\w ]+ )?static\b", path.read_text())
    ]
    assert loads_django_static == []


def test_the_server_starts_warm_and_out_of_the_collectors_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gc

    from django.db import connections

    from spinewise.web.warmup import prepare_to_fork

    closed: list[bool] = []
    monkeypatch.setattr(connections, "close_all", lambda: closed.append(True))
    try:
        prepare_to_fork()
        assert gc.get_freeze_count() > 10_000  # the knowledge base, templates and guides
        assert closed == [True]  # no database connection is shared across the fork
    finally:
        gc.unfreeze()
