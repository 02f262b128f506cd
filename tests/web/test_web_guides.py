"""The project's own guides: every one loads, cites sources and links to real pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

from spinewise.web.site.guides import (
    GUIDE_ORDER,
    GuideError,
    load_guides,
    parse_guide,
    render_markdown,
)

pytestmark = pytest.mark.django_db


def test_every_planned_guide_exists_in_reading_order() -> None:
    assert list(load_guides()) == list(GUIDE_ORDER)


@pytest.mark.parametrize("slug", GUIDE_ORDER)
def test_guide_page_shows_article_and_sources(client: Client, slug: str) -> None:
    guide = load_guides()[slug]

    html = client.get(f"/guides/{slug}/").content.decode()

    assert f"<h1>{guide.title}</h1>" in html.replace("&#x27;", "'")
    assert guide.sources
    assert 'id="sources-title"' in html
    assert html.index("article") < html.index('id="sources-title"')


@pytest.mark.parametrize("slug", GUIDE_ORDER)
def test_every_link_in_a_guide_leads_somewhere(client: Client, slug: str) -> None:
    links = re.findall(r'href="(/[^"]*)"', load_guides()[slug].html)

    for link in links:
        if link == "/assessment/":  # built by the assessment app
            continue
        assert client.get(link).status_code == 200, f"{slug} links to {link}"


def test_guides_follow_nice_self_care_advice() -> None:
    text = " ".join(guide.html.lower() for guide in load_guides().values())

    assert "bed rest" in text
    assert "paracetamol" in text and "not recommended" in text
    assert "stiff joints" in text  # "spinal misalignment" explained honestly
    for forbidden in ("gabapentin", "pregabalin", "amitriptyline", "bones out of place"):
        assert forbidden not in text


def test_emily_is_presented_as_an_example_not_a_promise() -> None:
    html = load_guides()["identify-and-treat"].html

    assert "illustrative example, not a promise" in html


def test_unknown_guide_is_404(client: Client) -> None:
    assert client.get("/guides/no-such-guide/").status_code == 404


def test_raw_html_in_markdown_is_escaped() -> None:
    html = render_markdown(
        'Hello <script>alert(1)</script> and <b onclick="x()">bold</b>\n\n<div>block</div>'
    )

    assert "<script" not in html
    assert "<b " not in html
    assert "<div" not in html
    assert "&lt;script&gt;" in html


def test_guide_without_front_matter_fails_loudly(tmp_path: Path) -> None:
    path = tmp_path / "broken.md"
    path.write_text("# No front matter\n", encoding="utf-8")

    with pytest.raises(GuideError, match=r"broken\.md"):
        parse_guide(path)


def test_guide_with_unknown_source_fails_loudly(tmp_path: Path) -> None:
    path = tmp_path / "unsourced.md"
    path.write_text('---\ntitle: "T"\nsummary: "S"\nsources: [made_up]\n---\nBody\n', "utf-8")

    with pytest.raises(GuideError, match="made_up"):
        parse_guide(path)
