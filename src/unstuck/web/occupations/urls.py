from __future__ import annotations

from django.urls import path, register_converter

from unstuck.web.occupations import views


class OnetCodeConverter:
    """An O*NET-SOC code such as ``15-1252.00``; anything else is not an occupation URL."""

    regex = r"[0-9]{2}-[0-9]{4}\.[0-9]{2}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(OnetCodeConverter, "onet")

app_name = "occupations"
urlpatterns = [
    path("", views.search, name="search"),
    path("suggest.json", views.suggest, name="suggest"),
    path("<onet:code>/", views.detail, name="detail"),
]
