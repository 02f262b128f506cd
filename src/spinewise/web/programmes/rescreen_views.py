"""The recovery questions again at week 3 or 6 of a programme (core.rescreen)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from spinewise.core.journal import JournalError
from spinewise.core.questionnaire import questionnaire
from spinewise.core.rescreen import RESCREEN_WEEKS
from spinewise.web.assessments.wizard import StepForm
from spinewise.web.programmes.models import SavedProgramme
from spinewise.web.programmes.selectors import today_for
from spinewise.web.programmes.services import record_rescreen
from spinewise.web.users import signed_in_user


@login_required
@require_http_methods(["GET", "POST"])
def rescreen(request: HttpRequest, pk: int, week: int) -> HttpResponse:
    user = signed_in_user(request)
    saved = get_object_or_404(SavedProgramme, pk=pk, user=user)
    if week not in RESCREEN_WEEKS:
        raise Http404("The recovery questions are asked again at weeks 3 and 6")
    step = questionnaire().step("recovery")
    form = StepForm(step, {})
    problems: list[str] = []
    if request.method == "POST" and form.validate(request.POST):
        answers = {field.partition(".")[2]: str(value) for field, value in form.answers.items()}
        try:
            _, record = record_rescreen(saved, week, answers, today_for(user))
        except JournalError as error:
            problems = [reason for _, reason in error.problems]
        else:
            messages.success(request, record.reason)
            return redirect("programmes:detail", pk=saved.pk)
    status = 400 if form.errors or problems else 200
    context = {"form": form, "step": step, "week": week, "saved": saved, "problems": problems}
    return render(request, "programmes/rescreen.html", context, status=status)
