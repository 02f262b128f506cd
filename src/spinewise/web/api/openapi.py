"""Parts of the OpenAPI document that ninja cannot derive from signatures.

The intake and programme-request bodies are parsed by hand (so that errors carry the
intake's own field paths), so their schemas are added here: the intake's published JSON
Schema, moved under ``components`` so every tool can resolve it.
"""

from __future__ import annotations

import copy
import functools
from typing import Any

from spinewise.core.assessment import assess
from spinewise.core.intake import intake_json_schema, parse_intake
from spinewise.web.api.examples import EXAMPLE_INTAKE, EXAMPLE_PREFERENCES
from spinewise.web.api.schemas import ProgrammeRequest

REF_PREFIX = "#/components/schemas/"
INTAKE_REF = f"{REF_PREFIX}Intake"

# Anonymous callers are welcome; authenticated ones can also save.
OPTIONAL_AUTH: list[dict[str, list[str]]] = [{}, {"ApiTokenAuth": []}, {"SessionAuth": []}]

INTAKE_BODY: dict[str, Any] = {
    "description": "The person's answers: a `spinewise.intake/2` intake.",
    "required": True,
    "content": {"application/json": {"schema": {"$ref": INTAKE_REF}, "example": EXAMPLE_INTAKE}},
}

PROGRAMME_BODY: dict[str, Any] = {
    "description": "Either `intake` (anyone) or `assessment_id` (your saved assessment).",
    "required": True,
    "content": {
        "application/json": {
            "schema": {"$ref": f"{REF_PREFIX}ProgrammeRequest"},
            "examples": {
                "from_intake": {
                    "summary": "From answers (anonymous: not saved)",
                    "value": {
                        "intake": EXAMPLE_INTAKE,
                        "preferences": EXAMPLE_PREFERENCES,
                        "start": "2026-01-05",
                    },
                },
                "from_saved_assessment": {
                    "summary": "From a saved assessment (authenticated)",
                    "value": {"assessment_id": 1, "preferences": {"minutes_per_day": 10}},
                },
            },
        }
    },
}


def _rewrite_refs(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            key: (
                value.replace("#/$defs/", REF_PREFIX)
                if key == "$ref" and isinstance(value, str)
                else _rewrite_refs(value)
            )
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_rewrite_refs(item) for item in node]
    return node


def _as_components(schema: dict[str, Any], name: str) -> dict[str, Any]:
    """``schema`` and its ``$defs`` as named components with component refs."""
    schema = copy.deepcopy(schema)
    defs = schema.pop("$defs", {})
    # An $id would make the refs inside resolve against it instead of this document.
    schema.pop("$id", None)
    components: dict[str, Any] = _rewrite_refs({**defs, name: schema})
    return components


@functools.cache
def extra_components() -> dict[str, Any]:
    request = ProgrammeRequest.model_json_schema(mode="validation")
    request["properties"]["intake"] = {
        "anyOf": [{"$ref": "#/$defs/Intake"}, {"type": "null"}],
        "default": None,
        "description": request["properties"]["intake"]["description"],
    }
    return {
        **_as_components(intake_json_schema(), "Intake"),
        **_as_components(request, "ProgrammeRequest"),
    }


@functools.cache
def example_assessment() -> dict[str, object]:
    return assess(parse_intake(EXAMPLE_INTAKE)).to_json_dict()


def finish(document: dict[str, Any]) -> dict[str, Any]:
    """Adds the hand-parsed bodies' schemas and a worked example to ninja's document."""
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    for name, schema in extra_components().items():
        if name in schemas and schemas[name] != schema:
            raise RuntimeError(f"OpenAPI component {name!r} is defined twice, differently")
        schemas[name] = schema
    for path, operations in document.get("paths", {}).items():
        if path.endswith("/assessments") and "post" in operations:
            responses = operations["post"]["responses"]
            ok = responses.get(200) or responses.get("200")  # ninja keys them by int
            ok["content"]["application/json"]["example"] = example_assessment()
    return document
