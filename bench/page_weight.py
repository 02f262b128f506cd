"""First-load weight of every page of the funnel: the HTML and its same-origin CSS, JS,
images and fonts (CSS ``url()`` references followed), as the server sends them."""

from __future__ import annotations

import gzip
import re
import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from bench.common import Budget, Section, kb
from bench.seed import Person

BUDGET_BYTES = 100 * 1024


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        rel = values.get("rel", "").lower().split()
        if tag == "link" and {"stylesheet", "icon", "preload", "modulepreload"} & set(rel):
            self.urls.append(values.get("href", ""))
        elif tag in {"script", "img", "source", "audio", "video", "iframe", "embed"}:
            self.urls.append(values.get("src", ""))
            for candidate in values.get("srcset", "").split(","):
                if candidate.strip():
                    self.urls.append(candidate.split()[0])
        elif tag == "object":
            self.urls.append(values.get("data", ""))
        elif tag in {"image", "use"} and values.get("href", "").startswith("/"):
            self.urls.append(values["href"].split("#")[0])


def fetch(url: str, cookie: str | None) -> tuple[int, bytes, str, str]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip, br"})
    if cookie:
        request.add_header("Cookie", cookie)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return (
                int(response.status),
                response.read(),
                response.headers.get("Content-Type", ""),
                response.headers.get("Content-Encoding", ""),
            )
    except urllib.error.HTTPError as error:
        return int(error.code), error.read(), "", ""


def _plain(body: bytes, encoding: str) -> bytes:
    return gzip.decompress(body) if encoding == "gzip" else body


def weigh(base: str, path: str, cookie: str | None) -> dict[str, object]:
    """Bytes on the wire (bodies) for one first visit, by kind; gzip estimate alongside."""
    origin = urlsplit(base).netloc
    status, html, _, encoding = fetch(base + path, cookie)
    text = _plain(html, encoding).decode("utf-8", "replace")
    sizes = {"html": len(html)}
    gzipped = len(gzip.compress(_plain(html, encoding)))
    parser = _Links()
    parser.feed(text)
    queue = [urljoin(base + path, u) for u in parser.urls if u and not u.startswith("data:")]
    seen: set[str] = set()
    while queue:
        url = queue.pop(0).split("#")[0]
        if url in seen or urlsplit(url).netloc != origin:
            continue
        seen.add(url)
        code, body, kind, enc = fetch(url, cookie)
        if code != 200:
            continue
        plain = _plain(body, enc)
        label = (
            "css" if "css" in kind else "js" if "javascript" in kind else
            "images" if "image" in kind else "fonts" if "font" in kind else "other"
        )  # fmt: skip
        sizes[label] = sizes.get(label, 0) + len(body)
        gzipped += len(gzip.compress(plain)) if enc == "" else len(body)
        if label == "css":
            for ref in re.findall(r"url\(\s*['\"]?([^'\")]+)", plain.decode("utf-8", "replace")):
                if not ref.startswith("data:"):
                    queue.append(urljoin(url, ref))
            for ref in re.findall(r"@import\s+['\"]([^'\"]+)", plain.decode("utf-8", "replace")):
                queue.append(urljoin(url, ref))
    return {"status": status, "sizes": sizes, "requests": 1 + len(seen), "gzip": gzipped}


def funnel(person: Person, journal: bool, steps: list[str]) -> list[tuple[str, str, bool]]:
    pages = [
        ("Landing", "/", False),
        ("Assessment start", "/assessment/", False),
        *[(f"Question step `{step}`", f"/assessment/{step}/", False) for step in steps],
        ("Result (saved assessment)", f"/assessment/saved/{person.assessment_id}/", True),
        ("Sign up", "/accounts/signup/", False),
        ("Programme: new", f"/programme/new/?assessment={person.assessment_id}", True),
        ("Programme", f"/programme/{person.programme_id}/", True),
        ("Session", f"/programme/{person.programme_id}/session/{person.session_day}/", True),
        ("Exercises", "/exercises/", False),
    ]
    if journal:
        pages += [("Check-in", "/journal/checkin/", True), ("Dashboard", "/journal/", True)]
    return pages


def run(base: str, person: Person, journal: bool) -> Section:
    from spinewise.core.questionnaire import questionnaire

    section = Section("Page weight (first load, empty cache)")
    cookie = person.cookie_header
    steps = [step.id for step in questionnaire().steps]
    section.lines += [
        "Bytes of the response bodies for the HTML and every same-origin subresource it "
        "references (stylesheets, scripts, images, icons; CSS `url()` followed), fetched "
        "with urllib as the server sends them with `Accept-Encoding: gzip, br` (headers not "
        "counted). The default settings send HTML and static files uncompressed; the gzip "
        "column is what a compressing proxy (or WhiteNoise's precompressed files in "
        "production) would send.",
        "",
        "| Page | Status | Requests | HTML | CSS | JS | Images | Total | gzip |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    worst = ("", 0)
    skipped: list[str] = []
    for name, path, signed_in in funnel(person, journal, steps):
        result = weigh(base, path, cookie if signed_in else None)
        if result["status"] == 404 and name.startswith("Question step"):
            skipped.append(name.removeprefix("Question step "))  # asked only when it applies
            continue
        sizes: dict[str, int] = result["sizes"]  # type: ignore[assignment]
        total = sum(sizes.values())
        if total > worst[1]:
            worst = (name, total)
        section.lines.append(
            f"| {name} | {result['status']} | {result['requests']} | {kb(sizes['html'])} | "
            f"{kb(sizes.get('css', 0))} | {kb(sizes.get('js', 0))} | "
            f"{kb(sizes.get('images', 0))} | **{kb(total)}** | {kb(result['gzip'])} |"  # type: ignore[arg-type]
        )
    if skipped:
        section.lines += [
            "",
            f"Not weighed: {', '.join(skipped)}, asked only when an earlier answer calls "
            "for it (a new visitor is sent past it).",
        ]
    section.budgets.append(
        Budget(
            "first load < 100 KB on every funnel page",
            worst[1] < BUDGET_BYTES,
            f"heaviest: {worst[0]} {kb(worst[1])}",
        )
    )
    return section
