from __future__ import annotations

from django.urls import path

from unstuck.web.paths import views

app_name = "paths"
urlpatterns = [
    path("", views.explore, name="explore"),
    path("compare/", views.compare, name="compare"),
    path("shortlist/", views.shortlist, name="shortlist"),
]
