"""Values worked out once per process and kept by key, the oldest dropped past a size.

For things a page would otherwise work out again on every request from data that only
changes with a version in the key (a programme's revision, the day): parsed programmes,
a programme's offline list. Each gunicorn worker keeps its own.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

_MISSING = object()


class Kept(Generic[K, V]):
    """At most ``size`` values by key, oldest first; reads take no lock."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: dict[K, V] = {}
        self._lock = threading.Lock()

    def get(self, key: K, make: Callable[[], V]) -> V:
        """The value kept under ``key``, made (and kept) when there is none."""
        found = self._items.get(key, _MISSING)
        if found is not _MISSING:
            return found  # type: ignore[return-value]
        made = make()
        with self._lock:
            self._items[key] = made
            while len(self._items) > self.size:
                del self._items[next(iter(self._items))]
        return made

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)
