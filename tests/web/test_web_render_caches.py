"""What pages keep per process gives the same answers Django would work out each time.

``{% load cached_static %}`` is served by a tag that remembers each asset's URL, and links
pages repeat (exercise drawings, a programme's sessions, every ``{% url %}`` under
``{% load cached_url %}``) are reversed once (``links.link``): all must match Django's own
answers and follow a change of settings.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from django.template import Context, Template
from django.templatetags.static import static
from django.test import Client, override_settings
from django.urls import NoReverseMatch, reverse, set_script_prefix

import spinewise.web
from spinewise.web.links import LinkArgument, link, rememberable
from spinewise.web.site.library import drawing_urls
from spinewise.web.site.templatetags.cached_static import static_url

pytestmark = pytest.mark.django_db


def _render(text: str, **context: object) -> str:
    return Template(text).render(Context(context))


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


def test_the_url_tag_gives_djangos_own_link() -> None:
    day = date(2026, 3, 2)
    rendered = _render(
        "{% load cached_url %}{% url 'programmes:session' pk day %}|{% url 'site:guide_list' %}",
        pk=7,
        day=day,
    )
    assert rendered == reverse("programmes:session", args=[7, day]) + "|/guides/"


def test_the_url_tag_can_name_its_result_and_swallow_a_missing_view_only_then() -> None:
    assert _render("{% load cached_url %}{% url 'programmes:detail' 7 as plan %}[{{ plan }}]") == (
        f"[{reverse('programmes:detail', args=[7])}]"
    )
    assert _render("{% load cached_url %}{% url 'no:such' 7 as gone %}[{{ gone }}]") == "[]"
    with pytest.raises(NoReverseMatch):
        _render("{% load cached_url %}{% url 'no:such' 7 %}")


def test_the_url_tag_passes_what_it_cannot_remember_to_django() -> None:
    rendered = _render("{% load cached_url %}{% url 'programmes:detail' pk=7 %}")
    assert rendered == reverse("programmes:detail", kwargs={"pk": 7})
    moment = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    assert not rememberable(moment)  # a datetime is not a day: its text differs
    assert not rememberable(True)  # True == 1: it must not share 1's entry
    assert rememberable(date(2026, 3, 2)) and rememberable(7) and rememberable("plank")
    with pytest.raises(NoReverseMatch):  # Django's own tag refuses a datetime for a day
        _render("{% load cached_url %}{% url 'programmes:session' 7 moment %}", moment=moment)


def test_the_url_tag_follows_the_script_prefix() -> None:
    text = "{% load cached_url %}{% url 'programmes:detail' 7 %}"
    plain = _render(text)
    set_script_prefix("/spinewise/")
    try:
        assert _render(text) == "/spinewise" + plain
    finally:
        set_script_prefix("/")


def test_every_template_that_links_loads_the_cached_url_tag_first() -> None:
    root = Path(spinewise.web.__file__).parent
    late = []
    for path in root.rglob("*.html"):
        text = path.read_text()
        if "{% url" not in text:
            continue
        loaded = re.search(r"{%\s*load\s+[\w ]*\bcached_url\b", text)
        if loaded is None or loaded.start() > text.index("{% url"):
            late.append(str(path.relative_to(root)))
    assert late == []


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


def test_the_offline_list_is_worked_out_once_per_revision_and_day() -> None:
    import json

    from django.contrib.auth.models import User
    from django.utils.html import json_script

    from spinewise.core.intake import parse_intake
    from spinewise.core.plan import Preferences
    from spinewise.web.assessments.services import save_assessment
    from spinewise.web.programmes.services import create_programme, offline_script, offline_urls

    person = User.objects.create_user("kept@example.com", "kept@example.com")
    intake = parse_intake(
        json.loads((Path(__file__).parents[1] / "vignettes" / "P01.json").read_text())
    )
    saved = create_programme(
        person, save_assessment(person, intake), Preferences(timezone="UTC"), date(2026, 3, 2)
    )
    day = saved.programme.weeks[0].sessions[0].date
    script = offline_script(saved, day)
    assert script == json_script(offline_urls(saved, day), "offline-urls")
    assert offline_script(saved, day) is script  # kept, not worked out again
    tomorrow = offline_script(saved, date(2026, 3, 3))
    assert tomorrow == json_script(offline_urls(saved, date(2026, 3, 3)), "offline-urls")
    # A new revision of the plan (a weekly review) is a new list, never the kept one.
    programme = saved.programme
    week_one = programme.weeks[0]
    fewer = week_one.model_copy(
        update={
            "sessions": [
                s.model_copy(update={"exercises": s.exercises[:1]}) for s in week_one.sessions
            ]
        }
    )
    saved.store(programme.model_copy(update={"weeks": [fewer, *programme.weeks[1:]]}))
    saved.save()
    revised = offline_script(saved, day)
    assert revised != script
    assert revised == json_script(offline_urls(saved, day), "offline-urls")
    set_script_prefix("/spinewise/")
    try:
        assert '"/spinewise/programme/' in offline_script(saved, day)
    finally:
        set_script_prefix("/")


def test_without_translations_dates_and_numbers_keep_the_en_gb_formats() -> None:
    from django.conf import settings
    from django.utils.formats import date_format, get_format, localize

    assert settings.USE_I18N is False and settings.LANGUAGE_CODE == "en-gb"
    assert get_format("DATE_INPUT_FORMATS")[0] == "%d/%m/%Y"  # 25/10/2006, not 10/25/2006
    assert get_format("FIRST_DAY_OF_WEEK") == 1  # Monday
    assert date_format(date(2026, 3, 2), "l j F") == "Monday 2 March"
    assert date_format(date(2026, 3, 2)) == "2 Mar 2026"  # en-GB DATE_FORMAT, j M Y
    assert localize(12345) == "12345" and localize(1.5) == "1.5"


def test_kept_values_are_made_once_and_the_oldest_go_first() -> None:
    from spinewise.web.kept import Kept

    kept: Kept[str, list[str]] = Kept(2)
    made: list[str] = []

    def make(key: str) -> list[str]:
        made.append(key)
        return [key]

    first = kept.get("a", lambda: make("a"))
    assert kept.get("a", lambda: make("a")) is first and made == ["a"]
    kept.get("b", lambda: make("b"))
    kept.get("c", lambda: make("c"))  # past the size: "a", the oldest, goes
    assert len(kept) == 2
    assert kept.get("a", lambda: make("a")) is not first and made == ["a", "b", "c", "a"]
    kept.clear()
    assert len(kept) == 0
