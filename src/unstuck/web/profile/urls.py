from __future__ import annotations

from django.urls import path

from unstuck.web.profile import results, views

app_name = "profile"
urlpatterns = [
    path("", views.start, name="start"),
    path("about/", views.about, name="about"),
    path("my-job/", views.my_job, name="my_job"),
    path("assess/<slug:slug>/", views.assess, name="assess"),
    path("assess/<slug:slug>/save/", views.autosave, name="autosave"),
    path("skills/", views.skills, name="skills"),
    path("results/", results.results, name="results"),
    path("results.json", results.results_json, name="results_json"),
]
