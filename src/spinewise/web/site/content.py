"""What the public pages show from the knowledge base, read through ``core.knowledge``.

The words live once, in ``spinewise/content``, and are validated when the core loads them;
this module only shapes them for templates (a source's address shown as plain text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from spinewise.core.knowledge import ComparisonRow, knowledge

_SCHEME = re.compile(r"\bhttps?://(www\.)?", re.IGNORECASE)


@dataclass(frozen=True)
class Source:
    title: str
    # Shown as text, not a link: pages make no requests to and carry no links to other sites.
    address: str


class _Cited(Protocol):
    @property
    def title(self) -> str: ...

    @property
    def url(self) -> object: ...


def bare_address(url: str) -> str:
    """``https://www.nice.org.uk/x`` -> ``nice.org.uk/x``."""
    return _SCHEME.sub("", url).rstrip("/")


def known_source(source_id: str) -> bool:
    return source_id in knowledge().sources


def resolve_source(item: str | _Cited) -> Source:
    """A source id from ``sources.yaml``, or a source given in full (an exercise's)."""
    if isinstance(item, str):
        found = knowledge().sources.get(item)
        if found is None:
            return Source(title=item, address="")
        item = found
    return Source(title=item.title, address=bare_address(str(item.url or "")))


def comparison_rows() -> list[ComparisonRow]:
    """The seed's lower-vs-upper back pain comparison, row by row."""
    return knowledge().comparison


def cause_names() -> dict[str, str]:
    return {cause.id: cause.name for cause in knowledge().causes.values()}


def region_names() -> dict[str, str]:
    """Short region names for tags and filters: ``{"lower": "Lower back", ...}``."""
    return knowledge().region_short_names()
