from __future__ import annotations

from django.urls import path

from spinewise.web.site import pwa, views

app_name = "site"

urlpatterns = [
    path("", views.landing, name="landing"),
    path("guides/", views.guide_list, name="guide_list"),
    path("guides/<slug:slug>/", views.guide_detail, name="guide_detail"),
    path("about/", views.about, name="about"),
    path("exercises/", views.exercise_list, name="exercise_list"),
    path("exercises/<slug:exercise_id>/", views.exercise_detail, name="exercise_detail"),
    path("exercises/<slug:exercise_id>.svg", views.exercise_svg, name="exercise_svg"),
    path(
        "exercises/<slug:exercise_id>/key-poses.svg",
        views.exercise_key_poses,
        name="exercise_key_poses",
    ),
    path(
        "exercises/<slug:exercise_id>/thumbnail.svg",
        views.exercise_thumbnail,
        name="exercise_thumbnail",
    ),
    path("healthz", views.healthz, name="healthz"),
    path("sw.js", pwa.service_worker, name="service_worker"),
    path("manifest.webmanifest", pwa.manifest, name="manifest"),
    path("offline/", pwa.offline, name="offline"),
]
