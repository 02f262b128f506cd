"""Read-only views of the shared knowledge base that the public pages show.

Thin wrappers over the YAML files in ``spinewise/content``: the words live there, once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from spinewise.core.content_loader import content_dir, read_yaml

_SCHEME = re.compile(r"\bhttps?://(www\.)?", re.IGNORECASE)


@dataclass(frozen=True)
class Source:
    title: str
    # Shown as text, not a link: pages make no requests to and carry no links to other sites.
    address: str


@dataclass(frozen=True)
class ComparisonRow:
    feature: str
    lower: str
    upper: str


def bare_address(url: str) -> str:
    """``https://www.nice.org.uk/x`` -> ``nice.org.uk/x``."""
    return _SCHEME.sub("", url).rstrip("/")


@cache
def _source_index() -> dict[str, Source]:
    items: list[dict[str, Any]] = read_yaml(content_dir() / "sources.yaml") or []
    return {
        str(item["id"]): Source(
            title=str(item.get("title", item["id"])),
            address=bare_address(str(item.get("url", ""))),
        )
        for item in items
        if isinstance(item, dict) and "id" in item
    }


def known_source(source_id: str) -> bool:
    return source_id in _source_index()


def resolve_source(item: object) -> Source:
    """A source id from ``sources.yaml``, a ``{title, url}`` mapping, or free text."""
    if isinstance(item, str) and item in _source_index():
        return _source_index()[item]
    if isinstance(item, dict):
        return Source(
            title=str(item.get("title") or item.get("name") or ""),
            address=bare_address(str(item.get("url", ""))),
        )
    title = getattr(item, "title", None)
    if title is not None:
        return Source(title=str(title), address=bare_address(str(getattr(item, "url", "") or "")))
    return Source(title=bare_address(str(item)), address="")


@cache
def comparison_rows() -> tuple[ComparisonRow, ...]:
    """The seed's lower-vs-upper back pain comparison, row by row."""
    data: dict[str, Any] = read_yaml(content_dir() / "regions.yaml") or {}
    return tuple(
        ComparisonRow(feature=str(row["feature"]), lower=str(row["lower"]), upper=str(row["upper"]))
        for row in data.get("rows", [])
    )


@cache
def cause_names() -> dict[str, str]:
    items: list[dict[str, Any]] = read_yaml(content_dir() / "causes.yaml") or []
    return {str(item["id"]): str(item["name"]) for item in items if "id" in item}


REGION_NAMES = {"lower": "Lower back", "upper": "Upper back"}
