"""Helpers shared by the web tests: an HTML scanner and the list of pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import ClassVar


@dataclass
class ScannedPage:
    """What the tests care about in one HTML page."""

    h1_count: int = 0
    html_lang: str | None = None
    landmarks: set[str] = field(default_factory=set)
    inline_scripts: list[str] = field(default_factory=list)
    style_elements: int = 0
    style_attributes: list[str] = field(default_factory=list)
    event_handler_attributes: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)


class _Scanner(HTMLParser):
    URL_ATTRIBUTES: ClassVar[set[str]] = {
        "href",
        "src",
        "action",
        "formaction",
        "srcset",
        "poster",
        "data",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ScannedPage()
        self._in_script = False
        self._script_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "h1":
            self.page.h1_count += 1
        if tag == "html":
            self.page.html_lang = values.get("lang")
        if tag in {"header", "nav", "main", "footer"}:
            self.page.landmarks.add(tag)
        if tag == "style":
            self.page.style_elements += 1
        if tag == "script":
            self._in_script = True
            self._script_text = []
        for name, value in attrs:
            if name == "style":
                self.page.style_attributes.append(f"<{tag} style={value!r}>")
            if name.startswith("on"):
                self.page.event_handler_attributes.append(f"<{tag} {name}>")
            if name in self.URL_ATTRIBUTES and value:
                self.page.urls.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_script:
            body = "".join(self._script_text).strip()
            if body:
                self.page.inline_scripts.append(body)
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self._script_text.append(data)


def scan_html(html: str) -> ScannedPage:
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner.page


def public_paths() -> list[str]:
    """Every public page, one per guide and exercise."""
    from spinewise.core.exercises import load_exercises
    from spinewise.web.site.guides import load_guides

    paths = ["/", "/guides/", "/about/", "/exercises/", "/exercises/?region=upper"]
    paths += [f"/guides/{slug}/" for slug in load_guides()]
    paths += [f"/exercises/{exercise_id}/" for exercise_id in load_exercises()]
    paths += [
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password/reset/",
        "/accounts/password/reset/sent/",
        "/accounts/password/reset/complete/",
    ]
    return paths


OWNER_PATHS = ["/accounts/", "/accounts/password/change/", "/accounts/password/change/done/"]
