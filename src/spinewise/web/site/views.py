"""Public pages: landing, guides, about, the exercise library and the health check."""

from __future__ import annotations

from typing import cast

from csp.constants import NONE, UNSAFE_INLINE
from csp.decorators import csp
from django import forms
from django.conf import settings
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.functional import SimpleLazyObject
from django.views.decorators.cache import never_cache
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_safe

from spinewise.core.knowledge import knowledge
from spinewise.web.site import library
from spinewise.web.site.content import comparison_rows, region_names
from spinewise.web.site.guides import load_guides


@require_safe
def landing(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "site/landing.html",
        {
            "rows": comparison_rows(),
            "regions": knowledge().regions,
            "guides": list(load_guides().values()),
        },
    )


@require_safe
def guide_list(request: HttpRequest) -> HttpResponse:
    return render(request, "site/guide_list.html", {"guides": list(load_guides().values())})


@require_safe
def guide_detail(request: HttpRequest, slug: str) -> HttpResponse:
    guides = load_guides()
    guide = guides.get(slug)
    if guide is None:
        raise Http404("No such guide")
    slugs = list(guides)
    position = slugs.index(slug)
    next_guide = guides[slugs[position + 1]] if position + 1 < len(slugs) else None
    return render(request, "site/guide_detail.html", {"guide": guide, "next_guide": next_guide})


@require_safe
def about(request: HttpRequest) -> HttpResponse:
    return render(request, "site/about.html")


class ExerciseFilterForm(forms.Form):
    region = forms.ChoiceField(required=False)
    cause = forms.ChoiceField(required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        region_field = self.fields["region"]
        cause_field = self.fields["cause"]
        assert isinstance(region_field, forms.ChoiceField)
        assert isinstance(cause_field, forms.ChoiceField)
        region_field.choices = [("", "Any part of the back"), *region_names().items()]
        cause_field.choices = [("", "Any cause"), *library.cause_choices()]


@require_safe
def exercise_list(request: HttpRequest) -> HttpResponse:
    region = cause = None
    valid = True
    if request.GET:
        form = ExerciseFilterForm(request.GET)
        valid = form.is_valid()
        if valid:
            region = form.cleaned_data["region"] or None
            cause = form.cleaned_data["cause"] or None
    else:
        # The unfiltered page is usually served from its cached copy, which has the form.
        form = cast(ExerciseFilterForm, SimpleLazyObject(ExerciseFilterForm))
    # Listed only when the page's cached copy for these filters is missing.
    exercises = SimpleLazyObject(lambda: library.exercises_for(region=region, cause=cause))
    return render(
        request,
        "site/exercise_list.html",
        {
            "form": form,
            "exercises": exercises,
            "filtered": bool(region or cause),
            "region_name": region_names().get(region or ""),
            "cause_name": library.cause_label(cause) if cause else None,
            "evidence_note": library.EVIDENCE_NOTE,
            # A valid filter's page is the same for everyone: cached under its choices.
            "cache_key": f"{region or 'all'}:{cause or 'all'}" if valid else "",
        },
    )


@require_safe
def exercise_detail(request: HttpRequest, exercise_id: str) -> HttpResponse:
    exercise = library.get_or_none(exercise_id)
    if exercise is None:
        raise Http404("No such exercise")
    return render(
        request,
        "site/exercise_detail.html",
        {"exercise": library.detail(exercise), "evidence_note": library.EVIDENCE_NOTE},
    )


def _drawing(exercise_id: str, kind: str) -> HttpResponse:
    if library.get_or_none(exercise_id) is None:
        raise Http404("No such exercise")
    response = HttpResponse(library.drawing(exercise_id, kind), content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=3600"
    return response


# The animation moves with CSS from a <style> element inside the SVG. The drawings are shown
# through <img>, where nothing in them can run or load, so this one response allows inline
# style (a page that inlined the SVG would have its own policy block it).
# Every drawing is sent gzipped when the browser accepts it: SVG is text that compresses to
# about a quarter, and a drawing holds no secret and echoes no input, so compression cannot
# leak anything (the BREACH concern does not apply). A session page shows several.
@gzip_page
@csp({"default-src": [NONE], "style-src": [UNSAFE_INLINE], "img-src": ["data:"]})  # type: ignore[arg-type]
@require_safe
def exercise_svg(request: HttpRequest, exercise_id: str) -> HttpResponse:
    return _drawing(exercise_id, "animation")


# The key poses side by side (what <picture> shows when motion is reduced) and the list
# thumbnail are still pictures without any style: nothing at all is allowed.
@gzip_page
@csp({"default-src": [NONE]})  # type: ignore[arg-type]
@require_safe
def exercise_key_poses(request: HttpRequest, exercise_id: str) -> HttpResponse:
    return _drawing(exercise_id, "key-poses")


@gzip_page
@csp({"default-src": [NONE]})  # type: ignore[arg-type]
@require_safe
def exercise_thumbnail(request: HttpRequest, exercise_id: str) -> HttpResponse:
    return _drawing(exercise_id, "thumbnail")


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness and database reachability, for load balancers and the test server."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not ready"
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok"})


def server_error(request: HttpRequest) -> HttpResponse:
    # No request context here: the page must render even when the failure was in a
    # context processor or the session.
    template = loader.get_template("500.html")
    context = {"EMERGENCY_NUMBER": settings.SPINEWISE_EMERGENCY_NUMBER}
    return HttpResponse(template.render(context), status=500)
