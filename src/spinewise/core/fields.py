"""Reading a model field's rules, so that faces show and enforce the core's own limits."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


def field_bounds(model: type[BaseModel], field: str) -> tuple[Any, Any]:
    """The field's ``ge``/``le`` limits (e.g. ``(0, 10)`` for pain); ValueError without."""
    low = high = None
    for rule in model.model_fields[field].metadata:
        low = getattr(rule, "ge", low)
        high = getattr(rule, "le", high)
    if low is None or high is None:
        raise ValueError(f"{model.__name__}.{field} has no ge/le range")
    return low, high
