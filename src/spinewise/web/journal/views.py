"""Journal pages: the dashboard, daily check-ins, the weekly PSFS and exports."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_http_methods

from spinewise.web.journal import exports, services
from spinewise.web.journal.forms import CheckInForm, PsfsForm
from spinewise.web.users import signed_in_user


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    saved, today = services.latest_programme_and_today(user)
    state = services.dashboard_state(user, saved, today)
    if saved is not None and state.reviews_due and services.review_due_weeks(saved, today):
        state = services.dashboard_state(user, saved, today)
    return render(
        request,
        "journal/dashboard.html",
        {
            # Built only when the page's cached copy for this version and day is missing.
            "board": SimpleLazyObject(lambda: services.dashboard_for(user, saved, until=today)),
            "version": state.version,
            "today": today,
            "checked_in_today": state.checked_in_today,
            "formats": exports.FORMATS,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def checkin(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    today = services.today_for(user)
    wanted = request.GET.get("day")
    try:
        day = date.fromisoformat(wanted) if wanted else today
    except ValueError:
        day = today
    existing = services.checkin_on(user, day)
    initial: dict[str, object] = {"day": day}
    if existing is not None:
        initial.update(
            pain=existing.pain,
            worst=existing.worst,
            sessions_done=existing.sessions_done,
            sitting_hours=existing.sitting_hours,
            flare_up=existing.flare_up,
            note=existing.note,
            new_red_flags=existing.new_red_flags,
        )
    form = CheckInForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        result = services.record_checkin(user, form.entry())
        if result.triage is not None:
            return render(request, "journal/retriage.html", {"triage": result.triage})
        messages.success(request, f"Check-in for {result.checkin.day:%A %-d %B} saved.")
        return redirect("journal:dashboard")
    return render(
        request,
        "journal/checkin.html",
        {"form": form, "day": day, "editing": existing is not None},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def psfs(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    week_start = services.week_start_of(services.today_for(user))
    previous = services.ratings_for(user)
    initial: dict[str, object] = {"week_start": week_start}
    if previous:  # same activities as last time, so the scores are comparable
        for n, activity in enumerate(previous[-1].activities, start=1):
            initial[f"activity_{n}"] = activity.name
    form = PsfsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.save_psfs(user, form.cleaned_data["week_start"], form.activities())
        messages.success(request, "This week's activity ratings are saved.")
        return redirect("journal:dashboard")
    return render(
        request,
        "journal/psfs.html",
        {"form": form, "week_start": week_start},
        status=400 if form.errors else 200,
    )


@login_required
def export(request: HttpRequest, fmt: str) -> HttpResponse:
    user = signed_in_user(request)
    try:
        made = exports.export(user, fmt)
    except KeyError as exc:
        raise Http404("Unknown export format") from exc
    except exports.NothingToExport:
        messages.info(request, "Take the assessment first: the report starts from it.")
        return redirect("assessments:start")
    response = HttpResponse(made.body, content_type=made.content_type)
    response["Content-Disposition"] = f'attachment; filename="{made.filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
