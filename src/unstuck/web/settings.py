"""Django settings, read from the environment.

- ``UNSTUCK_HOME``: where the SQLite database, secret key and knowledge base live.
- ``DATABASE_URL``: another database (``postgres://user:pass@host/db``); SQLite by default.
- ``UNSTUCK_SECRET_KEY``: otherwise the key the app generated the first time it started, kept
  in ``UNSTUCK_HOME`` (:func:`unstuck.app.write_secret_key`; importing these settings writes
  nothing).
- ``UNSTUCK_DEBUG``: ``1`` for Django's debug mode (never on by default).
- ``UNSTUCK_ALLOWED_HOSTS``: comma-separated names besides the bound address's (``*`` refused).
- ``UNSTUCK_BIND`` and ``UNSTUCK_LOGIN_HASH``: set by ``unstuck serve`` (the bound address and,
  when it is not loopback, the hash of the passphrase every page asks for).
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

from unstuck import dirs
from unstuck.app import read_secret_key
from unstuck.app.hosts import ExposureError, allowed_hosts

BASE_DIR = Path(__file__).resolve().parent

SECRET_KEY = read_secret_key()
DEBUG = os.environ.get("UNSTUCK_DEBUG", "") == "1"
# The names unstuck answers on follow the address ``unstuck serve`` binds (UNSTUCK_BIND, set
# by serve; loopback otherwise), plus UNSTUCK_ALLOWED_HOSTS; "*" is refused (serve says so and
# stops; here it is dropped). See unstuck.app.hosts.
_bind = os.environ.get("UNSTUCK_BIND", "127.0.0.1")
_default_extra = "" if "UNSTUCK_BIND" in os.environ else "testserver"  # Django's test client
_extra = os.environ.get("UNSTUCK_ALLOWED_HOSTS", _default_extra)
try:
    ALLOWED_HOSTS = allowed_hosts(_bind, _extra)
except ExposureError:
    ALLOWED_HOSTS = allowed_hosts(_bind, ",".join(h for h in _extra.split(",") if h.strip() != "*"))
# When bound beyond loopback, the hash of the passphrase every page asks for (set by serve).
UNSTUCK_LOGIN_HASH = os.environ.get("UNSTUCK_LOGIN_HASH") or None

# No accounts, sessions or flash messages: one person, on their own machine.
INSTALLED_APPS = [
    "django.contrib.staticfiles",
    # the application layer: models, migrations and services (labels: the area names)
    "unstuck.app.profile",
    "unstuck.app.paths",
    "unstuck.app.plan",
    "unstuck.app.documents",
    "unstuck.app.applications",
    "unstuck.app.people",
    # the pages: templates, static files, template tags
    "unstuck.web.occupations",
    "unstuck.web.profile",
    "unstuck.web.paths",
    "unstuck.web.plan",
    "unstuck.web.documents",
    "unstuck.web.applications",
    "unstuck.web.people",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "unstuck.web.security.Guard",  # loopback names only from loopback; login; CSP, no-store
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "unstuck.web.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "unstuck.web.context.knowledge",
            ],
            # {% bar %}: every page's bars (unstuck.web.bars)
            "builtins": ["unstuck.web.bars"],
        },
    },
]

WSGI_APPLICATION = "unstuck.web.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{dirs.user_database()}",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # waitress serves with several threads, and the wizard saves answers as they are given:
    # IMMEDIATE transactions take the write lock up front, so two concurrent writers wait for
    # each other (up to the timeout) instead of failing at once with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Serve straight from the finders: no collectstatic step for a local app.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("UNSTUCK_LOG_LEVEL", "WARNING")},
}
