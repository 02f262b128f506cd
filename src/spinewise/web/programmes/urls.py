from __future__ import annotations

from datetime import date

from django.urls import path, register_converter

from spinewise.web.programmes import outcomes_views, rescreen_views, views


class IsoDateConverter:
    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value: str) -> date:
        return date.fromisoformat(value)  # a ValueError makes the URL not match: 404

    def to_url(self, value: date) -> str:
        return str(value)


register_converter(IsoDateConverter, "isodate")

app_name = "programmes"

urlpatterns = [
    path("", views.current, name="current"),
    path("outcomes/", outcomes_views.outcomes, name="outcomes"),
    path("new/", views.new, name="new"),
    path("start/", views.start, name="start"),
    path("today/", views.today, name="today"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/rescreen/<int:week>/", rescreen_views.rescreen, name="rescreen"),
    path("<int:pk>/session/<isodate:day>/", views.session, name="session"),
    path("<int:pk>/session/<isodate:day>/tick/", views.tick, name="tick"),
    path("<int:pk>/calendar.ics", views.calendar_download, name="calendar"),
    path("<int:pk>/calendar/new-link/", views.calendar_rotate, name="calendar_rotate"),
    path("feed/<str:token>.ics", views.calendar_feed, name="feed"),
]
