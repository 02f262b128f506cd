"""The assessment wizard, its result and saving it. Every decision is made in core."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_http_methods, require_POST

from spinewise.core.assessment import Assessment
from spinewise.core.intake import IntakeError
from spinewise.core.questionnaire import answered_questions, questionnaire
from spinewise.core.result import summarise
from spinewise.web.assessments import wizard
from spinewise.web.assessments.models import SavedAssessment
from spinewise.web.assessments.services import (
    assess_for_web,
    emergency_number,
    own_assessment,
    save_assessment,
)
from spinewise.web.users import signed_in_user

CHECK = "check"  # ?from=check: a step changed from the check-your-answers page


def start(request: HttpRequest) -> HttpResponse:
    steps = questionnaire().steps
    resume = wizard.first_unfinished_step(request) if wizard.steps_done(request) else None
    return render(
        request,
        "assessments/start.html",
        {"steps": steps, "first": steps[0], "resume": resume},
    )


@require_POST
def restart(request: HttpRequest) -> HttpResponse:
    wizard.clear(request)
    return redirect("assessments:step", step_id=questionnaire().steps[0].id)


@require_http_methods(["GET", "POST"])
def step(request: HttpRequest, step_id: str) -> HttpResponse:
    try:
        current = questionnaire().step(step_id)
    except KeyError as exc:
        raise Http404("No such step") from exc
    form = wizard.StepForm(current, wizard.get_answers(request))
    if request.method == "POST" and form.validate(request.POST):
        wizard.store_step(request, form)
        _, after = wizard.neighbours(request, current)
        # Safety first: an emergency answer ends the questions at once; an urgent verdict
        # or a child's age ends them after the last safety page (core.stopping).
        if current.is_safety and wizard.stop_here(request) is not None:
            return redirect("assessments:result")
        if request.GET.get("from") == CHECK:
            # A change made from the check page returns there once nothing is missing
            # (a new answer can open a step, such as the pregnancy questions).
            missing = wizard.first_unfinished_step(request)
            if missing is None:
                return redirect("assessments:check")
            return redirect(reverse("assessments:step", args=[missing.id]) + f"?from={CHECK}")
        if after is None:
            return redirect("assessments:check")
        return redirect("assessments:step", step_id=after.id)
    steps = wizard.visible_steps(request)
    if current not in steps:
        raise Http404("This step does not apply to your answers")
    before, _ = wizard.neighbours(request, current)
    status = 400 if form.errors else 200
    return render(
        request,
        "assessments/step.html",
        {
            "form": form,
            "step": current,
            "number": steps.index(current) + 1,
            "total": len(steps),
            "percent": round(100 * steps.index(current) / len(steps)),
            "before": before,
            "from_check": request.GET.get("from") == CHECK,
        },
        status=status,
    )


def check(request: HttpRequest) -> HttpResponse:
    """Every answer read back, a "Change" link per step, before the result."""
    unfinished = wizard.first_unfinished_step(request)
    if unfinished is not None:
        return redirect("assessments:step", step_id=unfinished.id)
    if wizard.stop_here(request) is not None:
        return redirect("assessments:result")  # a stop shows what to do at once
    answers = wizard.get_answers(request)
    steps = [(step, answered_questions(step, answers)) for step in wizard.visible_steps(request)]
    return render(request, "assessments/check.html", {"steps": steps})


def result(request: HttpRequest) -> HttpResponse:
    unfinished = wizard.first_unfinished_step(request)
    if unfinished is not None:
        if wizard.steps_done(request):
            messages.info(request, "A few questions are still unanswered.")
        return redirect("assessments:step", step_id=unfinished.id)
    try:
        intake = wizard.intake_from_session(request)
    except IntakeError as error:
        return render(request, "assessments/invalid.html", {"error": error}, status=400)
    assessment = assess_for_web(intake)
    return render(
        request,
        "assessments/result.html",
        {
            "assessment": assessment,
            "summary": summarise(assessment, emergency_number()),
            "emergency_number": emergency_number(),
            "saved": None,
        },
    )


@require_http_methods(["GET", "POST"])
def save(request: HttpRequest) -> HttpResponse:
    """Asks for an account when needed; the answers wait in the session meanwhile."""
    if wizard.first_unfinished_step(request) is not None:
        messages.info(request, "Take the assessment first, then you can save it.")
        return redirect("assessments:start")
    if not request.user.is_authenticated:
        return render(
            request,
            "assessments/save_needs_account.html",
            {"next": reverse("assessments:save")},
        )
    try:
        intake = wizard.intake_from_session(request)
    except IntakeError as error:
        return render(request, "assessments/invalid.html", {"error": error}, status=400)
    if request.method == "GET":
        return render(
            request, "assessments/save_confirm.html", {"assessment": assess_for_web(intake)}
        )
    saved = save_assessment(signed_in_user(request), intake)
    wizard.clear(request)
    messages.success(request, "Your assessment is saved.")
    return redirect("assessments:detail", pk=saved.pk)


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    # The answers are read only when the page's cached copy is missing (see below).
    saved = own_assessment(signed_in_user(request), pk)
    # Re-assessed only when the page's cached copy is missing (see result.html).
    assessment: Assessment = SimpleLazyObject(  # type: ignore[assignment]
        lambda: saved.reassess(emergency_number())
    )
    return render(
        request,
        "assessments/result.html",
        {
            "assessment": assessment,
            "summary": SimpleLazyObject(lambda: summarise(assessment, emergency_number())),
            "emergency_number": emergency_number(),
            "saved": saved,
        },
    )


@login_required
def history(request: HttpRequest) -> HttpResponse:
    saved = SavedAssessment.objects.filter(user=signed_in_user(request))[:50]
    return render(request, "assessments/history.html", {"saved_list": saved})
