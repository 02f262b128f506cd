"""Journal pages: the dashboard, daily check-ins, the weekly PSFS and exports."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_http_methods, require_POST

from spinewise.core.journal import JournalError, activities_to_rate, new_idempotency_key
from spinewise.web.journal import exports, services
from spinewise.web.journal.forms import CheckInForm, InterferenceForm, PsfsForm
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


def _day_from(value: str | None, default: date) -> date:
    try:
        return date.fromisoformat(value) if value else default
    except ValueError:
        return default


@login_required
@require_http_methods(["GET", "POST"])
def checkin(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    today = services.today_for(user)
    day = _day_from(request.GET.get("day"), today)
    existing = services.checkin_on(user, day)
    initial: dict[str, object] = {"day": day, "idempotency_key": new_idempotency_key()}
    if existing is not None:
        initial.update(
            {
                field: getattr(existing, field)
                for field in CheckInForm.base_fields
                if field not in initial
            }
        )
    assessment = services.latest_assessment(user)
    form = CheckInForm(
        request.POST or None,
        initial=initial,
        base=assessment.parsed_intake if assessment else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            result = services.record_checkin(
                user, form.entry_data(), form.cleaned_data["idempotency_key"]
            )
        except JournalError as error:
            form.add_problems(error.problems)
        else:
            if result.triage is not None:
                return render(request, "journal/retriage.html", {"triage": result.triage})
            saved = "was already saved" if result.replayed else "saved"
            messages.success(request, f"Check-in for {result.checkin.day:%A %-d %B} {saved}.")
            return redirect("journal:dashboard")
    return render(
        request,
        "journal/checkin.html",
        {"form": form, "day": day, "editing": existing is not None, "existing": existing},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def checkin_delete(request: HttpRequest, day: date) -> HttpResponse:
    if not services.delete_checkin(signed_in_user(request), day):
        raise Http404("No check-in on that day")
    messages.success(request, f"Check-in for {day:%A %-d %B %Y} deleted.")
    return redirect("journal:history")


def _week_asked(request: HttpRequest, user: User) -> date:
    """The Monday of the week in ``?week=`` (any day of it), or of this person's today."""
    return services.week_start_of(_day_from(request.GET.get("week"), services.today_for(user)))


@login_required
@require_http_methods(["GET", "POST"])
def psfs(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    week_start = _week_asked(request, user)
    existing = services.psfs_on(user, week_start)
    initial: dict[str, object] = {"week_start": week_start}
    activities = activities_to_rate(
        existing.to_rating() if existing else None, services.ratings_for(user)
    )
    for n, activity in enumerate(activities, start=1):
        initial[f"activity_{n}"] = activity.name
        if existing is not None:
            initial[f"score_{n}"] = activity.score
    form = PsfsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_psfs(user, form.cleaned_data["week_start"], form.activities())
        except JournalError as error:
            form.add_problems(error.problems)
        else:
            messages.success(request, "This week's activity ratings are saved.")
            return redirect("journal:dashboard")
    return render(
        request,
        "journal/psfs.html",
        {"form": form, "week_start": week_start, "existing": existing},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def psfs_delete(request: HttpRequest, week_start: date) -> HttpResponse:
    if not services.delete_psfs(signed_in_user(request), week_start):
        raise Http404("No rating for that week")
    messages.success(request, f"Activity ratings for the week of {week_start:%-d %B %Y} deleted.")
    return redirect("journal:history")


@login_required
@require_http_methods(["GET", "POST"])
def interference(request: HttpRequest) -> HttpResponse:
    """The weekly pain-interference rating: three questions on one scale, once a week."""
    user = signed_in_user(request)
    week_start = _week_asked(request, user)
    existing = services.interference_on(user, week_start)
    initial: dict[str, object] = {"week_start": week_start}
    if existing is not None:
        initial.update(pain=existing.pain, enjoyment=existing.enjoyment, activity=existing.activity)
    form = InterferenceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_interference(user, form.rating())
        except JournalError as error:
            form.add_problems(error.problems)
        else:
            messages.success(request, "This week's pain rating is saved.")
            return redirect("journal:dashboard")
    return render(
        request,
        "journal/interference.html",
        {
            "form": form,
            "week_start": week_start,
            "existing": existing,
            "instrument": services.interference_instrument(),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def interference_delete(request: HttpRequest, week_start: date) -> HttpResponse:
    if not services.delete_interference(signed_in_user(request), week_start):
        raise Http404("No pain rating for that week")
    messages.success(request, f"Pain rating for the week of {week_start:%-d %B %Y} deleted.")
    return redirect("journal:history")


@login_required
def history(request: HttpRequest) -> HttpResponse:
    """Every check-in and rating, newest first, each with edit and delete."""
    user = signed_in_user(request)
    return render(
        request,
        "journal/history.html",
        {
            "checkins": services.checkins_newest_first(user),
            "ratings": services.psfs_newest_first(user),
            "interference": services.interference_newest_first(user),
        },
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
    response["Cache-Control"] = "no-store"
    return response
