from __future__ import annotations

from django.urls import path

from unstuck.web.documents import views

app_name = "documents"
urlpatterns = [
    path("", views.index, name="index"),
    path("resume/", views.upload, name="upload"),
    path("resume/<int:pk>/", views.confirm, name="confirm"),
    path("postings/", views.postings, name="postings"),
    path("match/<int:resume_pk>/<int:posting_pk>/", views.match, name="match"),
    path(
        "match/<int:resume_pk>/<int:posting_pk>/tailored.<str:fmt>",
        views.tailored,
        name="tailored",
    ),
    path("market/", views.market, name="market"),
]
