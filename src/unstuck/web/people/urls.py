from __future__ import annotations

from django.urls import path

from unstuck.web.people import views

app_name = "people"
urlpatterns = [
    path("", views.index, name="index"),
    path("add/", views.add, name="add"),
    path("import/", views.import_file, name="import"),
    path("export.vcf", views.export, name="export"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/cadence/", views.cadence, name="cadence"),
    path("<int:pk>/role/", views.add_role, name="role"),
    path("<int:pk>/log/", views.log, name="log"),
    path("<int:pk>/snooze/", views.snooze, name="snooze"),
    path("<int:pk>/interview/", views.start_interview, name="start_interview"),
    path("<int:pk>/delete/", views.delete, name="delete"),
    path("interviews/<int:interview_pk>/move/", views.move_interview, name="move_interview"),
]
