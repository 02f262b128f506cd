from __future__ import annotations

from django.urls import path

from spinewise.web.assessments import views

app_name = "assessments"

urlpatterns = [
    path("", views.start, name="start"),
    path("restart/", views.restart, name="restart"),
    path("check/", views.check, name="check"),
    path("result/", views.result, name="result"),
    path("save/", views.save, name="save"),
    path("saved/", views.history, name="history"),
    path("saved/<int:pk>/", views.detail, name="detail"),
    path("<slug:step_id>/", views.step, name="step"),
]
