"""The staff-only service outcomes page (aggregates per pathway; see docs/outcomes.md)."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from spinewise.core.outcomes import report_table, service_outcomes
from spinewise.web.programmes.outcomes import courses_started

DEFAULT_DAYS = 182


def _date(value: str | None, default: date) -> date:
    try:
        return date.fromisoformat(value) if value else default
    except ValueError:
        return default


@login_required
def outcomes(request: HttpRequest) -> HttpResponse:
    if not request.user.is_staff:
        raise PermissionDenied
    today = date.today()
    date_to = _date(request.GET.get("to"), today)
    date_from = _date(request.GET.get("from"), date_to - timedelta(days=DEFAULT_DAYS))
    error = None
    if date_from > date_to:
        error = "The start of the range is after its end: showing the range the other way round."
        date_from, date_to = date_to, date_from
    report = service_outcomes(courses_started(date_from, date_to), date_from, date_to, today)
    headings, rows = report_table(report)
    context = {"report": report, "headings": headings, "rows": rows, "error": error}
    return render(request, "programmes/outcomes.html", context)
