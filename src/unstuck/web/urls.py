"""The root URLconf: one ``include`` per app, each under its own prefix.

The site's front page is the occupation explorer's search page for now.
"""

from __future__ import annotations

from django.urls import include, path

from unstuck.web import security
from unstuck.web.occupations import views as occupation_views

urlpatterns = [
    path("", occupation_views.home, name="home"),
    path("login/", security.login, name="login"),
    path("occupations/", include("unstuck.web.occupations.urls")),
    path("profile/", include("unstuck.web.profile.urls")),
    path("paths/", include("unstuck.web.paths.urls")),
    path("plan/", include("unstuck.web.plan.urls")),
    path("documents/", include("unstuck.web.documents.urls")),
    path("applications/", include("unstuck.web.applications.urls")),
    path("people/", include("unstuck.web.people.urls")),
]

handler500 = "unstuck.web.errors.server_error"
