"""The project's own articles: Markdown files with YAML front matter.

Raw HTML in an article is shown as text, never passed through, so a content slip
cannot add a script to a page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import markdown
import yaml
from markdown.extensions import Extension

from spinewise.web.site.content import Source, known_source, resolve_source

GUIDES_PACKAGE = "spinewise.content"
FRONT_MATTER = re.compile(r"\A---\s*\n(?P<meta>.*?)\n---\s*\n(?P<body>.*)\Z", re.DOTALL)

# Reading order on the guides index.
GUIDE_ORDER = (
    "lower-vs-upper",
    "when-to-get-help",
    "causes-lower-back",
    "causes-upper-back",
    "treating-lower-back",
    "treating-upper-back",
    "common-mistakes",
    "identify-and-treat",
)


class GuideError(ValueError):
    """A guide file is missing its front matter or a required field."""


@dataclass(frozen=True)
class Guide:
    slug: str
    title: str
    summary: str
    sources: tuple[Source, ...]
    html: str


class _EscapeRawHtml(Extension):  # type: ignore[misc]
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")


def guides_dir() -> Path:
    return Path(str(resources.files(GUIDES_PACKAGE))) / "guides"


def render_markdown(text: str) -> str:
    return str(
        markdown.markdown(
            text, extensions=[_EscapeRawHtml(), "tables", "sane_lists"], output_format="html"
        )
    )


def parse_guide(path: Path) -> Guide:
    match = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    if not match:
        raise GuideError(f"{path}: missing YAML front matter between '---' lines")
    try:
        meta = yaml.safe_load(match["meta"]) or {}
    except yaml.YAMLError as exc:
        raise GuideError(f"{path}: front matter is not valid YAML: {exc}") from exc
    if not isinstance(meta, dict):
        raise GuideError(f"{path}: front matter must be a mapping")
    problems = [key for key in ("title", "summary", "sources") if not meta.get(key)]
    if problems:
        raise GuideError(f"{path}: missing {', '.join(problems)}")
    sources = meta["sources"]
    if not isinstance(sources, list) or not all(isinstance(item, str) for item in sources):
        raise GuideError(f"{path}: sources must be a list of source ids")
    unknown = [item for item in sources if not known_source(item)]
    if unknown:
        raise GuideError(f"{path}: unknown source id(s) {', '.join(unknown)} (see sources.yaml)")
    return Guide(
        slug=path.stem,
        title=str(meta["title"]),
        summary=str(meta["summary"]),
        sources=tuple(resolve_source(item) for item in sources),
        html=render_markdown(match["body"]),
    )


@cache
def load_guides() -> dict[str, Guide]:
    """Every guide, in reading order (guides not in ``GUIDE_ORDER`` come last)."""
    paths = sorted(guides_dir().glob("*.md"))
    rank = {slug: index for index, slug in enumerate(GUIDE_ORDER)}
    paths.sort(key=lambda p: (rank.get(p.stem, len(rank)), p.stem))
    return {path.stem: parse_guide(path) for path in paths}
