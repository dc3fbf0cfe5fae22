"""``unstuck serve``: run the web app locally."""

from __future__ import annotations

import click

from unstuck.app import setup


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to bind. Keep the default unless you know why.")  # fmt: skip
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--threads", default=4, show_default=True, type=click.IntRange(1, 64))
@click.option("--no-migrate", is_flag=True, help="Skip applying database migrations first.")
@click.option("--no-warm-skills", is_flag=True,
              help="Build the skill vocabularies on first use instead of in the background "
              "at start (saves memory when you will not read resumes or postings).")  # fmt: skip
def serve(host: str, port: int, threads: int, no_migrate: bool, no_warm_skills: bool) -> None:
    """Start the unstuck web app (http://127.0.0.1:8000 by default).

    Applies database migrations first, then serves with waitress. Data stays on this
    machine, in UNSTUCK_HOME.

    \b
    Example:
      unstuck serve --port 8080
    """
    if host == "localhost":
        host = "127.0.0.1"
    setup(migrate=not no_migrate)
    from django.core.wsgi import get_wsgi_application
    from waitress import serve as waitress_serve

    application = get_wsgi_application()  # the settings' app: the pages of unstuck.web

    try:
        from unstuck.knowledge.matrices import occupation_data
        from unstuck.knowledge.store import get_knowledge_base

        kb = get_knowledge_base()  # load and index now, not on the first request
        kb.title_index  # noqa: B018 - built lazily; touching it builds it
        occupation_data(kb)
        if not no_warm_skills:
            from unstuck.text.vocabulary import warm_up

            warm_up(kb)  # resumes and postings: built in the background, the app answers now
    except Exception as exc:  # noqa: BLE001 - the app shows its own "not installed" page
        click.secho(f"Note: {exc}", fg="yellow", err=True)
    click.echo(f"unstuck is running at http://{host}:{port}/ (Ctrl+C to stop)")
    waitress_serve(application, host=host, port=port, threads=threads, ident="unstuck")
