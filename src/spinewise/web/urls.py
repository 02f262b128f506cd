"""Top-level URLs. Each app owns its own ``urls.py`` and namespace."""

from __future__ import annotations

from django.urls import include, path

urlpatterns = [
    path("", include("spinewise.web.site.urls")),
    path("accounts/", include("spinewise.web.accounts.urls")),
    path("assessment/", include("spinewise.web.assessments.urls")),
    path("api/v1/", include("spinewise.web.api.urls")),
    path("programme/", include("spinewise.web.programmes.urls")),
    path("journal/", include("spinewise.web.journal.urls")),
]

handler500 = "spinewise.web.site.views.server_error"
