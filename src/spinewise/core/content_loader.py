"""Loads the knowledge base (YAML under ``spinewise/content``) into pydantic models.

A malformed file fails loudly with its file, the field and the reason, so content
can be reviewed like code.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

M = TypeVar("M", bound=BaseModel)

CONTENT_PACKAGE = "spinewise.content"


class ContentError(ValueError):
    """A content file is missing, unreadable or does not match its model."""

    def __init__(self, file: str, problems: Sequence[tuple[str, str]]) -> None:
        self.file = file
        self.problems = list(problems)
        lines = [f"{file}: {field}: {reason}" for field, reason in self.problems]
        super().__init__("invalid content\n" + "\n".join(lines))


@cache
def content_dir() -> Path:
    """The folder that holds the knowledge base files."""
    return Path(str(resources.files(CONTENT_PACKAGE)))


# libyaml's C parser when PyYAML was built with it (several times faster than pure Python).
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def content_version() -> str:
    """A short hash of every packaged content file: changes whenever any word changes.

    Caches of pages built from content use it in their keys, so an edited file is never
    served from an old copy, whichever cache backend holds it.
    """
    digest = hashlib.sha256()
    root = content_dir()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_SafeLoader)
    except FileNotFoundError as exc:
        raise ContentError(str(path), [("(file)", "file not found")]) from exc
    except yaml.YAMLError as exc:
        raise ContentError(str(path), [("(file)", f"not valid YAML: {exc}")]) from exc


def _problems(exc: ValidationError) -> list[tuple[str, str]]:
    return [
        (".".join(str(part) for part in error["loc"]) or "(root)", error["msg"])
        for error in exc.errors()
    ]


def load_model(path: Path, model: type[M]) -> M:
    """Validates one YAML file as one ``model``."""
    return validate_model(path, model, read_yaml(path))


def validate_model(path: Path, model: type[M], data: Any) -> M:
    """Validates data read from ``path`` (perhaps expanded first) as one ``model``."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ContentError(str(path), _problems(exc)) from exc


def load_list(path: Path, model: type[M]) -> list[M]:
    """Validates one YAML file holding a list of ``model`` items."""
    data = read_yaml(path)
    try:
        return TypeAdapter(list[model]).validate_python(data)  # type: ignore[valid-type]
    except ValidationError as exc:
        raise ContentError(str(path), _problems(exc)) from exc


def unique_ids(path: Path, ids: Sequence[str]) -> None:
    """Fails when an id is used twice in one file."""
    seen: set[str] = set()
    dupes = [item for item in ids if item in seen or seen.add(item)]  # type: ignore[func-returns-value]
    if dupes:
        raise ContentError(str(path), [("id", f"duplicate id(s): {', '.join(sorted(set(dupes)))}")])
