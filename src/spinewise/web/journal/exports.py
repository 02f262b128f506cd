"""Reports and exports of one person's data: PDF for a clinician, CSV, JSON, FHIR, archive."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import User
from django.utils import timezone

from spinewise.reports.fhir import fhir_bundle
from spinewise.reports.pdf import clinician_report
from spinewise.reports.tabular import checkins_csv, checkins_json
from spinewise.web.journal import services


class NothingToExport(Exception):
    """The export needs an assessment first."""


@dataclass(frozen=True)
class Export:
    filename: str
    content_type: str
    body: bytes


FORMATS = ("pdf", "csv", "json", "fhir")


def _now() -> datetime:
    return timezone.now().replace(microsecond=0)


def export(user: User, fmt: str) -> Export:
    """One export by format name; raises KeyError for an unknown format."""
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        body = checkins_csv(services.entries_for(user)).encode()
        return Export(f"spinewise-checkins-{stamp}.csv", "text/csv; charset=utf-8", body)
    if fmt == "json":
        body = checkins_json(services.entries_for(user)).encode()
        return Export(f"spinewise-checkins-{stamp}.json", "application/json", body)
    if fmt == "fhir":
        body = json.dumps(fhir_for(user), indent=2).encode()
        return Export(f"spinewise-fhir-{stamp}.json", "application/fhir+json", body)
    if fmt == "pdf":
        return Export(f"spinewise-report-{stamp}.pdf", "application/pdf", pdf_for(user))
    raise KeyError(fmt)


def fhir_for(user: User) -> dict[str, object]:
    saved = services.latest_assessment(user)
    if saved is None:
        raise NothingToExport("take the assessment first")
    return fhir_bundle(
        patient_ref=f"spinewise-user-{user.pk}",
        intake=saved.intake,
        assessment=saved.result,
        entries=services.entries_for(user),
        ratings=services.ratings_for(user),
        generated=_now(),
        instrument_answers=services.instrument_answers_for(user),
    )


def pdf_for(user: User) -> bytes:
    saved = services.latest_assessment(user)
    if saved is None:
        raise NothingToExport("take the assessment first")
    programme = services.latest_programme(user)
    return clinician_report(
        person_label=user.email,
        assessment=saved.result,
        intake=saved.intake,
        programme=programme.programme if programme else None,
        summary=services.progress_for(user, until=services.today_for(user)),
        reviews=services.reviews_for(programme) if programme else [],
        generated=_now(),
        outcomes=services.outcomes_for(user, until=services.today_for(user)),
    )


def archive_for(user: User) -> bytes:
    """Everything in one zip: the full JSON, the check-ins as CSV, and the report if any."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        everything = services.everything_about(user)
        archive.writestr("spinewise-data.json", json.dumps(everything, indent=2))
        archive.writestr("checkins.csv", checkins_csv(services.entries_for(user)))
        if services.latest_assessment(user) is not None:
            archive.writestr("clinician-report.pdf", pdf_for(user))
            archive.writestr("fhir-bundle.json", json.dumps(fhir_for(user), indent=2))
        archive.writestr(
            "README.txt",
            "Everything Spinewise holds about your account, exported "
            f"{everything['exported']}.\nspinewise-data.json is the complete record.\n",
        )
    return buffer.getvalue()
