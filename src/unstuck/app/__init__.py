"""The application layer: the person's data (Django models and migrations) and the services
that both front ends, the web pages and the ``unstuck`` command, call.

One package per area, each a Django app whose ``AppConfig.label`` is the area's name (so tables
and migration history are the ones these areas always had):

- :mod:`unstuck.app.profile`: the profile, questionnaire drafts and results, the wizard's state;
- :mod:`unstuck.app.paths`: the shortlist and the person the career-path engine scores;
- :mod:`unstuck.app.plan`: the chosen target and the person's edits to the plan;
- :mod:`unstuck.app.documents`: resumes and job postings.

Scoring, matching and planning are :mod:`unstuck.core`; this layer gathers their inputs from
what is stored and the knowledge base, and stores what they return. It imports nothing from
:mod:`unstuck.web` or :mod:`unstuck.cli`.

Outside Django's own process (a script, a command), call :func:`setup` once first::

    import unstuck.app

    unstuck.app.setup()
    from unstuck.app.profile import services

    services.summary()
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from unstuck import dirs

#: The settings Django reads unless ``DJANGO_SETTINGS_MODULE`` names others.
SETTINGS_MODULE = "unstuck.web.settings"
SECRET_KEY_ENV = "UNSTUCK_SECRET_KEY"


def secret_key_file() -> Path:
    return dirs.home() / "secret_key"


def write_secret_key() -> None:
    """Generate the key Django signs with, once, readable by its owner only; nothing to do
    when ``UNSTUCK_SECRET_KEY`` is set or the file exists. The app's entry points call this
    when it starts (:func:`setup`, ``unstuck.web.wsgi``), before Django reads its settings."""
    if os.environ.get(SECRET_KEY_ENV):
        return
    path = secret_key_file()
    if path.exists():
        return
    tmp = path.with_suffix(".tmp")
    tmp.write_text(secrets.token_urlsafe(50), encoding="utf-8")
    tmp.chmod(0o600)
    tmp.replace(path)  # two starting processes never read a half-written key


def read_secret_key() -> str:
    """``UNSTUCK_SECRET_KEY``, else the key the app wrote when it started, else ``""`` (the
    settings read this; importing them writes nothing)."""
    key = os.environ.get(SECRET_KEY_ENV)
    if key:
        return key
    path = secret_key_file()
    return path.read_text(encoding="utf-8").strip() if path.exists() else ""


def setup(*, migrate: bool = True) -> None:
    """Start the application outside a web server: write the secret key if there is none yet,
    configure Django and bring the user database up to date (quietly, only if needed).

    Safe to call more than once, and inside a process where Django is already set up (the
    test suite, the web server): it then only checks for pending migrations.
    """
    from unstuck import dirs
    from unstuck.app.privacy import protect

    protect(dirs.home())  # 0700 folder, 0600 files, umask 077
    write_secret_key()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    import django

    django.setup()
    if not migrate:
        return
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        from django.core.management import call_command

        call_command("migrate", interactive=False, verbosity=0)
