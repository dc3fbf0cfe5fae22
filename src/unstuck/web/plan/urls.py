from __future__ import annotations

from django.urls import path

from unstuck.web.plan import views

app_name = "plan"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("learning/", views.learning, name="learning"),
    path("goals/", views.goals, name="goals"),
    path("exit/", views.exit_plan, name="exit"),
    path("report/", views.report, name="report"),
    path("report.pdf", views.report_pdf, name="report_pdf"),
    path("plan.ics", views.calendar, name="calendar"),
]
