"""A FHIR R4 ``Bundle`` (type collection) of one person's answers and scores.

Contents: a ``Patient`` with no name (we hold none, only a reference), the intake as a
``QuestionnaireResponse``, the triage result as a ``RiskAssessment`` based on it, one
``Observation`` per daily pain score (LOINC 72514-3) and one per PSFS rating (no LOINC
code exists for the PSFS, so it is identified by text, with a component per activity).
Each questionnaire instrument answered (the weekly pain-interference rating, the recovery
screen at the assessment and at each re-screen) comes as a ``Questionnaire`` built from the
instrument's content file, and one ``QuestionnaireResponse`` per completed rating pointing
at it, with the instrument's score in an ``Observation`` derived from that response.

Every entry's ``fullUrl`` is a ``urn:uuid`` made with uuid5 from the resource's content, so
the same data always exports the same bundle, and references use those urns.
``validate_bundle_structure`` checks what a receiver relies on; it is not a full FHIR
validator (no profiles or terminology look-ups).
"""

from __future__ import annotations

import json
import typing
import uuid
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from pydantic import BaseModel

from spinewise.core.instruments import Instrument, score_instrument
from spinewise.core.intake import Screening
from spinewise.core.journal import DailyEntry, PsfsRating
from spinewise.core.legacy import read_saved_intake
from spinewise.core.progress import normalise

NAMESPACE = uuid.UUID("1c2b6a0e-4f63-5d1a-9e0c-5b1a2d3e4f50")  # Spinewise's uuid5 namespace
BASE = "https://spinewise.example/fhir"
INTAKE_QUESTIONNAIRE = f"{BASE}/Questionnaire/spinewise-intake-2"
PATIENT_SYSTEM = f"{BASE}/patient-ref"
BUNDLE_SYSTEM = "urn:ietf:rfc:3986"  # the identifier value is itself a URI
LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
PAIN_CODE = "72514-3"
PAIN_DISPLAY = "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
PSFS_TEXT = "Patient-Specific Functional Scale"
SURVEY = {
    "coding": [
        {
            "system": "http://terminology.hl7.org/CodeSystem/observation-category",
            "code": "survey",
            "display": "Survey",
        }
    ]
}
KNOWN_TYPES = frozenset(
    {
        "Patient",
        "Questionnaire",
        "QuestionnaireResponse",
        "Observation",
        "RiskAssessment",
        "Bundle",
    }
)
_VALUE_KEYS = (
    "valueBoolean",
    "valueInteger",
    "valueDecimal",
    "valueString",
    "valueCoding",
    "valueDate",
    "valueDateTime",
    "valueQuantity",
)


def _score(value: float) -> dict[str, Any]:
    return {"value": value, "unit": "{score}", "system": UCUM, "code": "{score}"}


def _urn(kind: str, content: Any) -> str:
    text = json.dumps([kind, content], sort_keys=True, default=str)
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, text)}"


def _entry(url: str, resource: dict[str, Any]) -> dict[str, Any]:
    resource = {"resourceType": resource.pop("resourceType"), "id": url.rsplit(":", 1)[1]} | (
        resource
    )
    return {"fullUrl": url, "resource": resource}


def _instant(moment: datetime) -> str:
    """A FHIR instant needs a zone: a naive datetime is taken to be UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.isoformat(timespec="seconds")


# --- The intake as a QuestionnaireResponse ------------------------------------------------


def _is_literal(model: type[BaseModel], name: str) -> bool:
    annotation = model.model_fields[name].annotation
    return typing.get_origin(annotation) is typing.Literal


def _answer(value: Any, path: str, coded: bool) -> dict[str, Any]:
    if isinstance(value, bool):
        return {"valueBoolean": value}
    if isinstance(value, Enum) or (coded and isinstance(value, str)):
        code = value.value if isinstance(value, Enum) else value
        system = f"{BASE}/CodeSystem/{path.rsplit('.', 1)[-1].replace('_', '-')}"
        return {"valueCoding": {"system": system, "code": str(code)}}
    if isinstance(value, int):
        return {"valueInteger": value}
    if isinstance(value, float):
        return {"valueDecimal": value}
    return {"valueString": str(value)}


def _items(
    model: BaseModel, prefix: str = "", unasked: frozenset[str] = frozenset()
) -> Iterator[dict[str, Any]]:
    """One item per answered leaf field; linkId is the field's path in the intake JSON.

    Questions never asked (the questionnaire stopped early) have no item.
    """
    cls = type(model)
    for name, field in cls.model_fields.items():
        if name == "schema_id" or f"{prefix}{name}" in unasked:
            continue
        value = getattr(model, name)
        path = f"{prefix}{name}"
        if isinstance(value, BaseModel):
            children = list(_items(value, f"{path}.", unasked))
            yield {"linkId": path, "text": name.replace("_", " ").capitalize(), "item": children}
            continue
        if isinstance(value, dict):  # an instrument's answers (recovery): item id -> code
            children = [
                {"linkId": f"{path}.{key}", "answer": [_answer(code, f"{path}.{key}", True)]}
                for key, code in value.items()
            ]
            yield {"linkId": path, "text": name.replace("_", " ").capitalize(), "item": children}
            continue
        values = value if isinstance(value, list) else [value]
        answers = [_answer(v, path, _is_literal(cls, name)) for v in values if v is not None]
        if not answers:
            continue  # an unanswered optional question (or an empty list) has no item
        item: dict[str, Any] = {"linkId": path}
        if field.description:
            item["text"] = field.description
        item["answer"] = answers
        yield item


def _questionnaire_response(
    intake: Screening, patient: str, authored: str
) -> tuple[str, dict[str, Any]]:
    items = list(_items(intake, unasked=intake.unanswered))
    url = _urn("QuestionnaireResponse", [patient, items])
    return url, {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": INTAKE_QUESTIONNAIRE,
        # "stopped": the questionnaire ended early at a warning sign (FHIR R4 status code).
        "status": "completed" if intake.is_complete else "stopped",
        "subject": {"reference": patient},
        "authored": authored,
        "item": items,
    }


def _risk_assessment(
    assessment: dict[str, Any], patient: str, basis: str, when: str
) -> tuple[str, dict[str, Any]]:
    triage = assessment.get("triage") or {}
    causes = [c.get("name", c.get("id", "")) for c in assessment.get("causes") or []]
    notes = [{"text": reason} for reason in triage.get("reasons") or []]
    if causes:
        notes.append({"text": "Likely causes, most likely first: " + "; ".join(causes) + "."})
    notes.append({"text": "Self-reported answers screened by software; not a diagnosis."})
    resource: dict[str, Any] = {
        "resourceType": "RiskAssessment",
        "status": "final",
        "method": {"text": "Spinewise red-flag triage (self-reported questionnaire)"},
        "subject": {"reference": patient},
        "occurrenceDateTime": when,
        "basis": [{"reference": basis}],
        "prediction": [
            {
                "outcome": {
                    "coding": [
                        {
                            "system": f"{BASE}/CodeSystem/triage-level",
                            "code": str(triage.get("level", "unknown")),
                            "display": str(triage.get("label", "")),
                        }
                    ],
                    "text": str(triage.get("label", "")),
                },
                "rationale": str(triage.get("advice", "")),
            }
        ],
        "note": notes,
    }
    if assessment.get("region"):
        resource["code"] = {"text": f"Back pain, region: {assessment['region']}"}
    return _urn("RiskAssessment", resource), resource


# --- Scores as Observations ------------------------------------------------------------------


def _pain_observation(entry: DailyEntry, patient: str) -> tuple[str, dict[str, Any]]:
    resource: dict[str, Any] = {
        "resourceType": "Observation",
        "status": "final",
        "category": [SURVEY],
        "code": {
            "coding": [{"system": LOINC, "code": PAIN_CODE, "display": PAIN_DISPLAY}],
            "text": "Pain now (0-10)",
        },
        "subject": {"reference": patient},
        "effectiveDateTime": entry.day.isoformat(),
        "valueQuantity": _score(entry.pain),
    }
    return _urn("pain", [patient, entry.day.isoformat(), entry.pain]), resource


def _psfs_observation(rating: PsfsRating, patient: str) -> tuple[str, dict[str, Any]]:
    resource: dict[str, Any] = {
        "resourceType": "Observation",
        "status": "final",
        "category": [SURVEY],
        "code": {"text": PSFS_TEXT},
        "subject": {"reference": patient},
    }
    if rating.week_start is not None:
        resource["effectiveDateTime"] = rating.week_start.isoformat()
    resource["valueQuantity"] = _score(rating.mean)
    resource["component"] = [
        {"code": {"text": activity.name}, "valueQuantity": _score(activity.score)}
        for activity in rating.activities
    ]
    if rating.week is not None:
        resource["note"] = [{"text": f"Programme week {rating.week}; mean of the activities."}]
    return _urn("psfs", [patient, rating.model_dump(mode="json")]), resource


# --- Instruments: Questionnaire and QuestionnaireResponse ------------------------------------


class InstrumentAnswers(typing.NamedTuple):
    """One completed rating of an instrument: its answers (item id to answer value) and day."""

    instrument: Instrument
    answers: dict[str, str]
    authored: date


def questionnaire_url(instrument: Instrument) -> str:
    return f"{BASE}/Questionnaire/spinewise-{instrument.id.replace('_', '-')}-{instrument.version}"


def _questionnaire(instrument: Instrument) -> tuple[str, dict[str, Any]]:
    url = questionnaire_url(instrument)
    system = f"{url}/answers"
    resource: dict[str, Any] = {
        "resourceType": "Questionnaire",
        "url": url,
        "version": instrument.version,
        "name": "".join(part.title() for part in instrument.id.split("_")),
        "title": instrument.title,
        "status": "active",
        "subjectType": ["Patient"],
        "description": instrument.intro,
        "copyright": f"{instrument.copyright}. {instrument.licence}",
        "item": [
            {
                "linkId": item.id,
                "text": item.text,
                "type": "choice",
                "required": True,
                "answerOption": [
                    {"valueCoding": {"system": system, "code": o.value, "display": o.label}}
                    for o in item.options
                ],
            }
            for item in instrument.items
        ],
    }
    if instrument.note:
        resource["purpose"] = instrument.note
    return _urn("Questionnaire", [url]), resource


def _instrument_response(
    rating: InstrumentAnswers, patient: str
) -> list[tuple[str, dict[str, Any]]]:
    instrument = rating.instrument
    url = questionnaire_url(instrument)
    items = []
    for item in instrument.items:
        option = item.option(rating.answers[item.id])
        coding = {"system": f"{url}/answers", "code": option.value, "display": option.label}
        items.append({"linkId": item.id, "text": item.text, "answer": [{"valueCoding": coding}]})
    qr_url = _urn("QuestionnaireResponse", [patient, url, rating.authored.isoformat(), items])
    response = {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": url,
        "status": "completed",
        "subject": {"reference": patient},
        "authored": rating.authored.isoformat(),
        "item": items,
    }
    result = score_instrument(instrument, rating.answers)
    labels = {rule.id: rule.label for rule in instrument.scores}
    observations = []
    for score_id, value in result.scores.items():
        observation = {
            "resourceType": "Observation",
            "status": "final",
            "category": [SURVEY],
            "code": {"text": f"{instrument.title}: {labels[score_id]}"},
            "subject": {"reference": patient},
            "effectiveDateTime": rating.authored.isoformat(),
            "valueQuantity": _score(value),
            "derivedFrom": [{"reference": qr_url}],
            "interpretation": [{"text": result.band_label}],
        }
        observations.append((_urn("instrument-score", [qr_url, score_id, value]), observation))
    return [(qr_url, response), *observations]


def fhir_bundle(
    *,
    patient_ref: str,
    intake: dict[str, Any],
    assessment: dict[str, Any],
    entries: Iterable[DailyEntry],
    ratings: Iterable[PsfsRating],
    generated: datetime,
    instrument_answers: Iterable[InstrumentAnswers] = (),
) -> dict[str, Any]:
    """The bundle as a JSON-ready dict. ``intake`` must be a valid intake (IntakeError if
    not); ``assessment`` is ``Assessment.to_json_dict()``; ``generated`` is the timestamp;
    ``instrument_answers`` are the completed instrument ratings (a Questionnaire for each
    instrument, a QuestionnaireResponse and score Observations for each rating).
    """
    parsed = read_saved_intake(intake)
    stamp = _instant(generated)
    patient = _urn("Patient", patient_ref)
    resources: list[tuple[str, dict[str, Any]]] = [
        (
            patient,
            {
                "resourceType": "Patient",
                "identifier": [{"system": PATIENT_SYSTEM, "value": patient_ref}],
            },
        )
    ]
    qr_url, qr = _questionnaire_response(parsed, patient, stamp)
    resources.append((qr_url, qr))
    if assessment.get("triage"):
        resources.append(_risk_assessment(assessment, patient, qr_url, stamp))
    resources.extend(_pain_observation(entry, patient) for entry in normalise(entries))
    resources.extend(_psfs_observation(rating, patient) for rating in ratings)
    answered = sorted(instrument_answers, key=lambda r: (r.authored, r.instrument.id))
    used = {r.instrument.id: r.instrument for r in answered}
    resources.extend(_questionnaire(instrument) for instrument in used.values())
    for rating in answered:
        resources.extend(_instrument_response(rating, patient))
    seen: set[str] = set()
    bundle_entries = []
    for url, resource in resources:
        if url not in seen:  # identical ratings would share a urn; keep one
            seen.add(url)
            bundle_entries.append(_entry(url, resource))
    identifier = uuid.uuid5(NAMESPACE, json.dumps([stamp, sorted(seen)]))
    return {
        "resourceType": "Bundle",
        "id": str(identifier),
        "identifier": {"system": BUNDLE_SYSTEM, "value": f"urn:uuid:{identifier}"},
        "type": "collection",
        "timestamp": stamp,
        "entry": bundle_entries,
    }


# --- Checking ------------------------------------------------------------------------------------


def _references(node: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "reference" and isinstance(value, str):
                yield path, value
            else:
                yield from _references(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _references(value, f"{path}[{index}]")


def _has_code(concept: Any) -> bool:
    if not isinstance(concept, dict):
        return False
    codings = concept.get("coding") or []
    coded = any(isinstance(c, dict) and c.get("system") and c.get("code") for c in codings)
    return coded or bool(concept.get("text"))


def _quantity_problems(quantity: Any, where: str) -> list[str]:
    if not isinstance(quantity, dict):
        return [f"{where}: valueQuantity must be an object"]
    missing = [k for k in ("value", "system", "code") if quantity.get(k) in (None, "")]
    return [f"{where}: valueQuantity is missing {', '.join(missing)}"] if missing else []


def _item_problems(items: Any, where: str) -> list[str]:
    problems: list[str] = []
    for index, item in enumerate(items or []):
        at = f"{where}.item[{index}]"
        if not isinstance(item, dict) or not item.get("linkId"):
            problems.append(f"{at}: linkId is required")
            continue
        if "answer" in item and "item" in item:
            problems.append(f"{at}: an item has answers or child items, not both")
        for number, answer in enumerate(item.get("answer") or []):
            values = (
                [k for k in answer if k.startswith("value")] if isinstance(answer, dict) else []
            )
            if len(values) != 1 or values[0] not in _VALUE_KEYS:
                problems.append(f"{at}.answer[{number}]: needs exactly one known value[x]")
            elif values[0] == "valueCoding" and not _has_code({"coding": [answer[values[0]]]}):
                problems.append(f"{at}.answer[{number}]: valueCoding needs system and code")
        problems.extend(_item_problems(item.get("item"), at))
    return problems


def _resource_problems(resource: dict[str, Any], where: str) -> list[str]:
    kind = resource.get("resourceType")
    problems: list[str] = []

    def need(*fields: str) -> None:
        problems.extend(f"{where}: {kind}.{f} is required" for f in fields if not resource.get(f))

    if kind == "Patient":
        need("identifier")
    elif kind == "Questionnaire":
        need("url", "status", "item")
        for index, item in enumerate(resource.get("item") or []):
            at = f"{where}.item[{index}]"
            if not isinstance(item, dict) or not item.get("linkId") or not item.get("type"):
                problems.append(f"{at}: linkId and type are required")
                continue
            for number, option in enumerate(item.get("answerOption") or []):
                coding = option.get("valueCoding") if isinstance(option, dict) else None
                if not _has_code({"coding": [coding]}):
                    problems.append(f"{at}.answerOption[{number}]: valueCoding needs a code")
    elif kind == "QuestionnaireResponse":
        need("status", "subject", "questionnaire", "item")
        problems.extend(_item_problems(resource.get("item"), where))
    elif kind == "RiskAssessment":
        need("status", "subject", "prediction")
    elif kind == "Observation":
        need("status", "code", "subject", "category")
        if not _has_code(resource.get("code")):
            problems.append(f"{where}: Observation.code needs a coding (system and code) or text")
        for concept in resource.get("category") or []:
            if not _has_code(concept):
                problems.append(f"{where}: Observation.category needs a coding")
        if "valueQuantity" not in resource and not resource.get("component"):
            problems.append(f"{where}: Observation needs a value or components")
        if "valueQuantity" in resource:
            problems.extend(_quantity_problems(resource["valueQuantity"], where))
        for index, component in enumerate(resource.get("component") or []):
            at = f"{where}.component[{index}]"
            if not _has_code(component.get("code")):
                problems.append(f"{at}: code is required")
            problems.extend(_quantity_problems(component.get("valueQuantity"), at))
    return problems


def _answers_fit_questionnaires(entries: list[Any]) -> list[str]:
    """A response to a Questionnaire in the bundle answers only its items, with its options."""
    resources = [e.get("resource") for e in entries if isinstance(e, dict)]
    options: dict[str, dict[str, set[str]]] = {}
    for resource in resources:
        if isinstance(resource, dict) and resource.get("resourceType") == "Questionnaire":
            options[str(resource.get("url"))] = {
                str(item.get("linkId")): {
                    str((o.get("valueCoding") or {}).get("code"))
                    for o in item.get("answerOption") or []
                }
                for item in resource.get("item") or []
                if isinstance(item, dict)
            }
    problems = []
    for index, resource in enumerate(resources):
        if (
            not isinstance(resource, dict)
            or resource.get("resourceType") != "QuestionnaireResponse"
        ):
            continue
        known = options.get(str(resource.get("questionnaire")))
        if known is None:
            continue
        for item in resource.get("item") or []:
            link = item.get("linkId") if isinstance(item, dict) else None
            if link not in known:
                problems.append(f"entry[{index}]: item {link!r} is not in its Questionnaire")
                continue
            for answer in item.get("answer") or []:
                code = (answer.get("valueCoding") or {}).get("code")
                if known[link] and code not in known[link]:
                    problems.append(f"entry[{index}]: {link} answer {code!r} is not an option")
    return problems


def validate_bundle_structure(bundle: Any) -> list[str]:
    """Problems a receiver would trip over; an empty list means the structure holds.

    Checks: a collection Bundle with a timestamp; each entry a urn:uuid fullUrl (unique)
    and a known resource type; the fields each type needs; codes present; a response to a
    Questionnaire in the bundle answering only its items and options; and every reference
    resolving to an entry of the bundle.
    """
    if not isinstance(bundle, dict) or bundle.get("resourceType") != "Bundle":
        return ["not a Bundle: resourceType must be 'Bundle'"]
    problems: list[str] = []
    if bundle.get("type") != "collection":
        problems.append("Bundle.type must be 'collection'")
    if not bundle.get("timestamp"):
        problems.append("Bundle.timestamp is required")
    if not isinstance(bundle.get("identifier"), dict) or not bundle["identifier"].get("value"):
        problems.append("Bundle.identifier is required")
    entries = bundle.get("entry")
    if not isinstance(entries, list):
        return [*problems, "Bundle.entry must be a list"]
    urls: set[str] = set()
    for index, entry in enumerate(entries):
        where = f"entry[{index}]"
        url = entry.get("fullUrl") if isinstance(entry, dict) else None
        if not isinstance(url, str) or not url.startswith("urn:uuid:"):
            problems.append(f"{where}: fullUrl must be a urn:uuid")
        else:
            try:
                uuid.UUID(url.removeprefix("urn:uuid:"))
            except ValueError:
                problems.append(f"{where}: fullUrl {url} is not a valid uuid")
            if url in urls:
                problems.append(f"{where}: fullUrl {url} appears twice")
            urls.add(url)
        resource = entry.get("resource") if isinstance(entry, dict) else None
        if not isinstance(resource, dict):
            problems.append(f"{where}: resource is required")
            continue
        kind = resource.get("resourceType")
        if kind not in KNOWN_TYPES:
            problems.append(f"{where}: unknown resourceType {kind!r}")
            continue
        problems.extend(_resource_problems(resource, where))
    problems.extend(_answers_fit_questionnaires(entries))
    for path, reference in _references(entries, "entry"):
        if reference not in urls:
            problems.append(f"{path}: reference {reference} does not resolve inside the bundle")
    return problems


def bundle_days(bundle: dict[str, Any]) -> list[date]:
    """The dates of the pain Observations in a bundle (handy for checks and tests)."""
    days = []
    for entry in bundle.get("entry", []):
        resource = entry.get("resource", {})
        codings = resource.get("code", {}).get("coding", [])
        if any(c.get("code") == PAIN_CODE for c in codings):
            days.append(date.fromisoformat(resource["effectiveDateTime"]))
    return days
