"""Programme pages: build a plan, follow today's session, tick exercises, get the calendar."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from spinewise.core.exercises import load_exercises
from spinewise.core.intake import Intake, IntakeError
from spinewise.core.journal import JournalError
from spinewise.core.plan import (
    NoProgrammeError,
    Session,
    current_week,
    next_session,
    session_on,
    starting_on,
    suggested_preferences,
)
from spinewise.core.rescreen import rescreen_due
from spinewise.web.accounts.forms import SignupForm
from spinewise.web.accounts.services import start_signup
from spinewise.web.assessments import wizard
from spinewise.web.assessments.models import SavedAssessment
from spinewise.web.assessments.services import emergency_number
from spinewise.web.journal.services import review_due_weeks
from spinewise.web.limits import WriteLimitReached
from spinewise.web.links import link
from spinewise.web.programmes import pending, services
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


def _reviewed(saved: SavedProgramme, today: date) -> SavedProgramme:
    """The programme after any weekly review that is due: a week is set by its review, so
    a page never shows a harder planned week as if it were confirmed. Nothing due costs one
    small query."""
    if review_due_weeks(saved, today):
        saved.refresh_from_db()
    return saved


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
    intake = saved.parsed_intake
    form = PreferencesForm(
        request.POST or None,
        today=today_for(signed_in_user(request)),
        suggested=suggested_preferences(intake) if isinstance(intake, Intake) else None,
    )
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


def _today_url(saved: SavedProgramme, day: date) -> str:
    """Today's session when there is one, else the plan."""
    if session_on(saved.programme, day) is not None:
        return reverse("programmes:session", kwargs={"pk": saved.pk, "day": day})
    return reverse("programmes:detail", kwargs={"pk": saved.pk})


@require_http_methods(["GET", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    """ "Get my plan" from a result: settings suggested from the answers (and, for someone
    new, the account fields on the same page), then straight to today's session."""
    if wizard.first_unfinished_step(request) is not None:
        if request.user.is_authenticated:
            # No answers waiting: the plan that signing in just built, or a saved assessment.
            has_plan = latest_programme(signed_in_user(request)) is not None
            return redirect("programmes:today" if has_plan else "programmes:new")
        messages.info(request, "Take the assessment first: the plan is built from your answers.")
        return redirect("assessments:start")
    try:
        intake = wizard.intake_from_session(request)
    except IntakeError:
        return redirect("assessments:result")
    signed_in = request.user.is_authenticated
    if not isinstance(intake, Intake) or not services.plan_allowed(intake):
        return redirect("assessments:result")  # the result says what to do instead
    today = today_for(signed_in_user(request)) if signed_in else services.site_today()
    data = request.POST if request.method == "POST" else None
    form = PreferencesForm(data, today=today, suggested=suggested_preferences(intake))
    account = None if signed_in else SignupForm(data)
    if account is not None:
        account.fields["email"].widget.attrs.pop("autofocus", None)
    if data is not None and form.is_valid() and (account is None or account.is_valid()):
        prefs = starting_on(form.preferences(), form.cleaned_data["start"])
        if account is not None:
            pending.keep(request, prefs, form.cleaned_data["start"])
            start_signup(
                request,
                email=account.cleaned_data["email"],
                password=account.cleaned_data["password1"],
                next_path=reverse("programmes:today"),
            )
            return redirect("accounts:signup_sent")
        try:
            saved = pending.save_assessment_and_plan(
                signed_in_user(request), intake, prefs, form.cleaned_data["start"]
            )
        except JournalError as error:
            for field, message in error.problems:
                form.add_error(field if field in form.fields else None, message)
        except WriteLimitReached as error:
            form.add_error(None, str(error))
        else:
            wizard.clear(request)
            return redirect(_today_url(saved, form.cleaned_data["start"]))
    has_errors = bool(form.errors or (account is not None and account.errors))
    return render(
        request,
        "programmes/start.html",
        {"form": form, "account": account, "has_errors": has_errors},
        status=400 if has_errors else 200,
    )


@login_required
def today(request: HttpRequest) -> HttpResponse:
    """Where "today" is: the session of the day, or the plan; the settings when none."""
    saved, day = latest_programme_and_today(signed_in_user(request))
    if saved is None:
        return redirect("programmes:start")
    return redirect(_today_url(saved, day))


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
    saved = _reviewed(saved, today)
    programme = saved.programme
    week = current_week(programme, today)
    asked = _week_asked(request, len(programme.weeks))
    shown = programme.week(asked) if asked else week
    todays = session_on(programme, today)
    upcoming = next_session(programme, today)
    feed_url = request.build_absolute_uri(link("programmes:feed", saved.calendar_token))
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
            "offline_script": services.offline_script(saved, today),
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
    saved = _reviewed(_own_programme(request, pk), today_for(signed_in_user(request)))
    planned = _session_on(saved, day)
    exercises = load_exercises()
    done = services.ticked_today(saved, day)
    cards = [
        {"item": item, "exercise": exercises[item.exercise_id], "done": item.exercise_id in done}
        for item in planned.exercises
    ]
    checkin_url = f"{reverse('journal:checkin')}?day={day.isoformat()}"
    return render(
        request,
        "programmes/session.html",
        {
            "saved": saved,
            "session": planned,
            "cards": cards,
            "all_done": len(done) >= len(cards),
            "checkin_url": checkin_url,
            # Read by the guided player (static/js/session.js) from a JSON data block.
            "player": services.session_player(planned, done, checkin_url),
            "offline_script": services.offline_script(saved, day),
        },
    )


@login_required
@require_POST
def tick(request: HttpRequest, pk: int, day: date) -> HttpResponse:
    """Ticks an exercise off (or undoes it). The guided player asks for JSON, so a tick
    does not reload the page and stop its clock; the plain form is redirected back."""
    saved = _own_programme(request, pk)
    planned = _session_on(saved, day)
    exercise_id = request.POST.get("exercise", "")
    if exercise_id not in {item.exercise_id for item in planned.exercises}:
        raise Http404("That exercise is not in this session")
    done = request.POST.get("done") == "1"
    services.set_tick(saved, day, exercise_id, done)
    if request.headers.get("Accept") == "application/json":
        ticked = services.ticked_today(saved, day)
        return JsonResponse(
            {
                "exercise": exercise_id,
                "done": done,
                "all_done": all(item.exercise_id in ticked for item in planned.exercises),
            }
        )
    url = reverse("programmes:session", kwargs={"pk": pk, "day": day})
    return redirect(f"{url}#card-{exercise_id}")


@login_required
def calendar_download(request: HttpRequest, pk: int) -> HttpResponse:
    saved = _reviewed(_own_programme(request, pk), today_for(signed_in_user(request)))
    response = HttpResponse(services.calendar_bytes(saved), content_type="text/calendar")
    response["Content-Disposition"] = 'attachment; filename="spinewise-programme.ics"'
    return response


def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The private, subscribable calendar: the unguessable token is the only key."""
    saved = get_object_or_404(SavedProgramme, calendar_token=token)
    # A calendar app polls this: a week that has finished gets its review here too, so the
    # next week turns from planned to set even if the person has not opened the site.
    saved = _reviewed(saved, today_for(saved.user))
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
