from __future__ import annotations

from django.urls import path

from spinewise.web.journal import views
from spinewise.web.programmes import urls as _isodate  # noqa: F401  (registers "isodate")

app_name = "journal"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("checkin/", views.checkin, name="checkin"),
    path("checkin/<isodate:day>/delete/", views.checkin_delete, name="checkin_delete"),
    path("function/", views.psfs, name="psfs"),
    path("function/<isodate:week_start>/delete/", views.psfs_delete, name="psfs_delete"),
    path("pain-week/", views.interference, name="interference"),
    path(
        "pain-week/<isodate:week_start>/delete/",
        views.interference_delete,
        name="interference_delete",
    ),
    path("history/", views.history, name="history"),
    path("export/<slug:fmt>/", views.export, name="export"),
]
