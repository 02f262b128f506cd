from __future__ import annotations

from django.urls import path

from spinewise.web.journal import views

app_name = "journal"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("checkin/", views.checkin, name="checkin"),
    path("function/", views.psfs, name="psfs"),
    path("export/<slug:fmt>/", views.export, name="export"),
]
