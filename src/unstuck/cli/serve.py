"""``unstuck serve``: run the web app locally (or, with a passphrase, on the local network)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from unstuck.app import setup
from unstuck.cli.status import ExitStatus


def _passphrase(passphrase_file: Path | None) -> str | None:
    if passphrase_file is not None:
        try:
            with passphrase_file.open("rb") as handle:
                return handle.read(1024).decode("utf-8", "replace").strip() or None
        except OSError as exc:
            raise click.UsageError(f"{passphrase_file}: cannot be read ({exc.strerror})") from None
    env = os.environ.get("UNSTUCK_PASSPHRASE")
    if env:
        return env
    if sys.stdin is not None and sys.stdin.isatty():
        return click.prompt(
            "Set a passphrase for this session (every page will ask for it)",
            hide_input=True,
            confirmation_prompt=True,
        )
    return None


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to bind. Anything but loopback needs a passphrase and puts every "
              "page behind a login.")  # fmt: skip
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--threads", default=4, show_default=True, type=click.IntRange(1, 64))
@click.option("--passphrase-file", type=click.Path(dir_okay=False, path_type=Path),
              help="With --host: read the passphrase from this file (or set UNSTUCK_PASSPHRASE; "
              "asked for when run in a terminal).")  # fmt: skip
@click.option("--no-migrate", is_flag=True, help="Skip applying database migrations first.")
@click.option("--no-warm-skills", is_flag=True,
              help="Build the skill vocabularies on first use instead of in the background "
              "at start (saves memory when you will not read resumes or postings).")  # fmt: skip
def serve(
    host: str,
    port: int,
    threads: int,
    passphrase_file: Path | None,
    no_migrate: bool,
    no_warm_skills: bool,
) -> None:
    """Start the unstuck web app (http://127.0.0.1:8000 by default).

    Applies database migrations first, then serves with waitress. Data stays on this
    machine, in UNSTUCK_HOME. With --host set to another address (0.0.0.0: every
    interface), unstuck is reachable from other devices: it then needs a passphrase of at
    least 12 characters and asks for it on every page.

    \b
    Example:
      unstuck serve --port 8080
      UNSTUCK_PASSPHRASE='correct horse battery' unstuck serve --host 0.0.0.0
    """
    from unstuck.app.hosts import (
        ExposureError,
        allowed_hosts,
        hash_passphrase,
        is_loopback,
        passphrase_problem,
    )

    if host == "localhost":
        host = "127.0.0.1"
    try:
        allowed_hosts(host, os.environ.get("UNSTUCK_ALLOWED_HOSTS", ""))
    except ExposureError as exc:
        raise SystemExit(_refuse(str(exc))) from None
    login = None
    if not is_loopback(host):
        passphrase = _passphrase(passphrase_file)
        problem = passphrase_problem(passphrase)
        if problem or passphrase is None:
            raise SystemExit(
                _refuse(
                    f"--host {host} makes unstuck reachable from other devices, and {problem}. "
                    "Set one of at least 12 characters (UNSTUCK_PASSPHRASE, --passphrase-file, "
                    "or run it in a terminal to be asked); every page will then ask for it."
                )
            )
        login = hash_passphrase(passphrase)
    # read by the settings (allowed hosts, the login) and the fetcher (never fetch unstuck)
    os.environ["UNSTUCK_BIND"] = host
    os.environ["UNSTUCK_PORT"] = str(port)
    if login is None:
        os.environ.pop("UNSTUCK_LOGIN_HASH", None)
    else:
        os.environ["UNSTUCK_LOGIN_HASH"] = login
    setup(migrate=not no_migrate)
    from django.core.wsgi import get_wsgi_application
    from waitress import serve as waitress_serve

    application = get_wsgi_application()  # the settings' app: the pages of unstuck.web

    try:
        from unstuck.knowledge.matrices import occupation_data
        from unstuck.knowledge.store import get_knowledge_base

        kb = get_knowledge_base().load_all()  # read and index now, not on the first request
        kb.title_index  # noqa: B018 - built lazily; touching it builds it
        occupation_data(kb)
        if not no_warm_skills:
            from unstuck.text.vocabulary import warm_up

            warm_up(kb)  # resumes and postings: built in the background, the app answers now
    except Exception as exc:  # noqa: BLE001 - the app shows its own "not installed" page
        click.secho(f"Note: {exc}", fg="yellow", err=True)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"unstuck is running at http://{shown}:{port}/ (Ctrl+C to stop)")
    if not is_loopback(host):
        click.secho(
            "Reachable from other devices on your network: every page asks for the passphrase. "
            "Traffic is not encrypted (plain http); use it on a network you trust.",
            fg="yellow",
        )
    waitress_serve(application, host=host, port=port, threads=threads, ident="unstuck")


def _refuse(message: str) -> int:
    click.secho(f"Error: {message}", fg="red", err=True)
    return int(ExitStatus.USAGE)
