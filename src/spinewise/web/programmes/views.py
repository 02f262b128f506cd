"""Programme pages: build a plan, follow today's session, tick exercises, get the calendar."""

from __future__ import annotations

import json
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from spinewise.core.exercises import load_exercises
from spinewise.core.journal import JournalError
from spinewise.core.plan import (
    NoProgrammeError,
    Session,
    current_week,
    next_session,
    session_on,
    timer_for,
)
from spinewise.core.rescreen import rescreen_due
from spinewise.web.assessments.models import SavedAssessment
from spinewise.web.assessments.services import emergency_number
from spinewise.web.programmes import services
from spinewise.web.programmes.forms import PreferencesForm
from spinewise.web.programmes.models import SavedProgramme
from spinewise.web.programmes.selectors import (
    latest_programme,
    latest_programme_and_today,
    today_for,
)
from spinewise.web.users import signed_in_user


def _own_programme(request: HttpRequest, pk: int) -> SavedProgramme:
    return get_object_or_404(SavedProgramme.objects.light(), pk=pk, user=signed_in_user(request))


def _week_asked(request: HttpRequest, weeks: int) -> int | None:
    asked = request.GET.get("week", "")
    return int(asked) if asked.isdigit() and 1 <= int(asked) <= weeks else None


@login_required
@require_http_methods(["GET", "POST"])
def new(request: HttpRequest) -> HttpResponse:
    assessments = SavedAssessment.objects.filter(user=signed_in_user(request))
    wanted = request.GET.get("assessment") or request.POST.get("assessment")
    saved = (
        # isdecimal() alone lets "²" through, which int() then refuses: ASCII digits only.
        get_object_or_404(assessments, pk=wanted)
        if wanted and wanted.isascii() and wanted.isdecimal() and len(wanted) < 19
        else None
    ) or assessments.first()
    if saved is None:
        messages.info(request, "Take the assessment first: the plan is built from your answers.")
        return redirect("assessments:start")
    if not saved.reassess(emergency_number()).allows_exercise:
        return redirect("assessments:detail", pk=saved.pk)
    form = PreferencesForm(request.POST or None, today=today_for(signed_in_user(request)))
    if request.method == "POST" and form.is_valid():
        try:
            programme = services.create_programme(
                signed_in_user(request), saved, form.preferences(), form.cleaned_data["start"]
            )
        except NoProgrammeError:
            return redirect("assessments:detail", pk=saved.pk)
        except JournalError as error:
            for field, message in error.problems:
                form.add_error(field if field in form.fields else None, message)
        else:
            messages.success(request, "Your six-week plan is ready.")
            return redirect("programmes:detail", pk=programme.pk)
    return render(
        request,
        "programmes/new.html",
        {"form": form, "assessment": saved},
        status=400 if form.errors else 200,
    )


@login_required
def current(request: HttpRequest) -> HttpResponse:
    saved = latest_programme(signed_in_user(request))
    if saved is None:
        return render(request, "programmes/none.html")
    return redirect("programmes:detail", pk=saved.pk)


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    latest, today = latest_programme_and_today(user)
    # Usually the page shows the latest plan: then one query found both it and "today".
    saved = latest if latest is not None and latest.pk == pk else _own_programme(request, pk)
    programme = saved.programme
    week = current_week(programme, today)
    asked = _week_asked(request, len(programme.weeks))
    shown = programme.week(asked) if asked else week
    todays = session_on(programme, today)
    upcoming = next_session(programme, today)
    feed_url = request.build_absolute_uri(
        reverse("programmes:feed", kwargs={"token": saved.calendar_token})
    )
    return render(
        request,
        "programmes/detail.html",
        {
            "saved": saved,
            "programme": programme,
            "week": week,
            "shown": shown,
            "today": today,
            "todays_session": todays,
            "upcoming": upcoming,
            "done_today": services.ticked_today(saved, today) if todays else set(),
            "feed_url": feed_url,
            "rescreen_week": rescreen_due(programme, today),
        },
    )


def _session_on(saved: SavedProgramme, day: date) -> Session:
    found = session_on(saved.programme, day)
    if found is None:
        raise Http404("No session on that day")
    return found


@login_required
def session(request: HttpRequest, pk: int, day: date) -> HttpResponse:
    saved = _own_programme(request, pk)
    planned = _session_on(saved, day)
    exercises = load_exercises()
    done = services.ticked_today(saved, day)
    cards = [
        {
            "item": item,
            "exercise": exercises[item.exercise_id],
            "timer_json": json.dumps([step.model_dump(mode="json") for step in timer_for(item)]),
            "done": item.exercise_id in done,
        }
        for item in planned.exercises
    ]
    return render(
        request,
        "programmes/session.html",
        {"saved": saved, "session": planned, "cards": cards, "all_done": len(done) >= len(cards)},
    )


@login_required
@require_POST
def tick(request: HttpRequest, pk: int, day: date) -> HttpResponse:
    saved = _own_programme(request, pk)
    planned = _session_on(saved, day)
    exercise_id = request.POST.get("exercise", "")
    if exercise_id not in {item.exercise_id for item in planned.exercises}:
        raise Http404("That exercise is not in this session")
    services.set_tick(saved, day, exercise_id, request.POST.get("done") == "1")
    url = reverse("programmes:session", kwargs={"pk": pk, "day": day})
    return redirect(f"{url}#card-{exercise_id}")


@login_required
def calendar_download(request: HttpRequest, pk: int) -> HttpResponse:
    saved = _own_programme(request, pk)
    response = HttpResponse(services.calendar_bytes(saved), content_type="text/calendar")
    response["Content-Disposition"] = 'attachment; filename="spinewise-programme.ics"'
    return response


def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The private, subscribable calendar: the unguessable token is the only key."""
    saved = get_object_or_404(SavedProgramme, calendar_token=token)
    response = HttpResponse(services.calendar_bytes(saved), content_type="text/calendar")
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
@require_POST
def calendar_rotate(request: HttpRequest, pk: int) -> HttpResponse:
    saved = _own_programme(request, pk)
    services.rotate_calendar_token(saved)
    messages.success(request, "A new calendar link is ready. The old link no longer works.")
    return redirect(reverse("programmes:detail", kwargs={"pk": pk}) + "#calendar")
