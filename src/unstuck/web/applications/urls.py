from __future__ import annotations

from django.urls import path

from unstuck.web.applications import views

app_name = "applications"
urlpatterns = [
    path("", views.index, name="index"),
    path("add/", views.add, name="add"),
    path("funnel/", views.funnel, name="funnel"),
    path("applications.csv", views.export, name="export"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/move/", views.move, name="move"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/no-news/", views.no_news, name="no_news"),
    path("<int:pk>/delete/", views.delete, name="delete"),
    path("<int:pk>/people/", views.link_person, name="link_person"),
    path("<int:pk>/people/<int:contact>/remove/", views.unlink_person, name="unlink_person"),
    path("sent/<int:pk>/", views.sent, name="sent"),
]
