"""``unstuck data``: install and inspect the knowledge base."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from unstuck.cli.common import echo_json, fail
from unstuck.cli.status import ExitStatus


@click.group()
def data() -> None:
    """Install and inspect the knowledge base (O*NET, plus ESCO and BLS when given).

    \b
    Example:
      unstuck data install
      unstuck data install --source ~/Downloads/db_29_0_text.zip
      unstuck data status
    """


def _progress_printer() -> tuple[Any, Any]:
    """A progress callback drawing a rich bar on a terminal, silent otherwise."""
    import sys

    if not sys.stderr.isatty():
        return (lambda step, done, total: None), None
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn

    progress = Progress(
        TextColumn("{task.description:<10}"), BarColumn(), DownloadColumn(), transient=True
    )
    tasks: dict[str, Any] = {}
    labels = {"download": "download", "verify": "verify", "parse": "parse", "index": "index"}

    def update(step: str, done: int, total: int | None) -> None:
        if step not in tasks:
            tasks[step] = progress.add_task(labels.get(step, step), total=total)
        progress.update(tasks[step], completed=done, total=total)

    return update, progress


@contextmanager
def _terminate_as_exit() -> Iterator[None]:
    """While installing, SIGTERM (``kill``) ends the command as an exception would, so the
    build's own cleanup runs and no temporary file is left (only ``kill -9`` skips it; the
    next install removes what that leaves)."""
    import signal

    def stop(signum: int, frame: Any) -> None:
        raise SystemExit(128 + signum)

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@data.command("install")
@click.option(
    "--source",
    envvar="UNSTUCK_ONET_SOURCE",
    metavar="URL|ZIP|DIR",
    help="O*NET text release: a URL, a downloaded zip or an unpacked folder. "
    "Default: the official O*NET 29.0 download. [env: UNSTUCK_ONET_SOURCE]",
)
@click.option("--sha256", metavar="HEX", help="Refuse the source unless its SHA-256 matches.")
@click.option("--esco", envvar="UNSTUCK_ESCO_SOURCE", metavar="DIR|ZIP",
              help="ESCO v1.1.1 CSV export (English). [env: UNSTUCK_ESCO_SOURCE]")
@click.option("--bls-wages", envvar="UNSTUCK_BLS_WAGES", metavar="FILE",
              help="BLS OEWS national wages (CSV). [env: UNSTUCK_BLS_WAGES]")
@click.option("--bls-areas", envvar="UNSTUCK_BLS_AREAS", metavar="FILE", multiple=True,
              help="BLS OEWS state and metro wages (repeatable: state, metro, nonmetro files). "
              "[env: UNSTUCK_BLS_AREAS, space-separated]")
@click.option("--bls-projections", envvar="UNSTUCK_BLS_PROJECTIONS", metavar="FILE",
              help="BLS Employment Projections, Table 1.2 (CSV). [env: UNSTUCK_BLS_PROJECTIONS]")
@click.option("--crosswalk", envvar="UNSTUCK_CROSSWALK", metavar="FILE",
              help="ESCO->O*NET occupation crosswalk (CSV). [env: UNSTUCK_CROSSWALK]")
@click.option("--onet-taxonomy", envvar="UNSTUCK_ONET_TAXONOMY_CROSSWALK", metavar="FILE",
              help="O*NET's 2010-to-2019 SOC crosswalk, to carry older crosswalk codes over. "
              "[env: UNSTUCK_ONET_TAXONOMY_CROSSWALK]")
@click.option("--force", is_flag=True, help="Rebuild even when nothing changed.")
@click.option("--no-wait", is_flag=True,
              help="If another install is running, say so and exit (code 8) instead of "
              "waiting for it.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def install_cmd(
    source: str | None,
    sha256: str | None,
    esco: str | None,
    bls_wages: str | None,
    bls_areas: tuple[str, ...],
    bls_projections: str | None,
    crosswalk: str | None,
    onet_taxonomy: str | None,
    force: bool,
    no_wait: bool,
    as_json: bool,
) -> None:
    """Build the knowledge base from an O*NET release (and optional sources).

    Checks the zip, the files and their headers, builds into a temporary file and swaps it
    in only when complete: a failed or interrupted build leaves the previous knowledge base
    serving and no temporary file. Re-running with the same sources does nothing. One install
    runs at a time: a second waits for the first (--no-wait: exits with code 8 instead).

    \b
    Examples:
      unstuck data install
      unstuck data install --source db_29_0_text.zip --esco esco/v1.1.1 \\
          --bls-wages national_M2025_dl.csv --crosswalk esco_onet_crosswalk.csv
    """
    from unstuck.knowledge.build import install
    from unstuck.knowledge.errors import DataError, InstallBusy

    extras: list[Any] = []
    if any((esco, bls_wages, bls_areas, bls_projections, crosswalk)):
        from unstuck.knowledge.extras import extras_from_options

        try:
            extras = extras_from_options(
                esco=esco,
                bls_wages=bls_wages,
                bls_areas=bls_areas,
                bls_projections=bls_projections,
                crosswalk=crosswalk,
                onet_taxonomy=onet_taxonomy,
            )
        except DataError as exc:
            fail(str(exc), ExitStatus.DATA_ERROR)

    def warn(message: str) -> None:
        if not as_json:
            click.secho(f"Warning: {message}", fg="yellow", err=True)

    def waiting() -> None:
        click.echo("Another install is running, waiting for it to finish…", err=True)

    options: dict[str, Any] = {"extras": extras, "sha256": sha256, "force": force,
                               "warn": warn, "wait": not no_wait, "on_wait": waiting}
    update, bar = _progress_printer()
    try:
        with _terminate_as_exit():
            if bar is not None:
                with bar:
                    result = install(source, progress=update, **options)
            else:
                result = install(source, **options)
    except InstallBusy as exc:
        fail(f"Another install is running ({exc.directory}), and --no-wait says not to wait "
             "for it. Nothing was changed; run again when it has finished.", ExitStatus.BUSY)
    except DataError as exc:
        fail(f"{exc}\nThe previous knowledge base (if any) is unchanged.", ExitStatus.DATA_ERROR)
    if as_json:
        echo_json(
            {
                "path": str(result.path),
                "changed": result.changed,
                "release": result.release,
                "fingerprint": result.fingerprint,
                "seconds": round(result.seconds, 2),
                "warnings": result.warnings,
            }
        )
        return
    from unstuck.knowledge.extras import missing_sources

    if result.changed:
        for note in missing_sources(extras):
            click.secho(f"Note: {note}", dim=True, err=True)
        click.echo(
            f"Installed O*NET {result.release} knowledge base in {result.seconds:.1f} s: "
            f"{result.path}"
        )
    else:
        click.echo(f"Already up to date (O*NET {result.release}): {result.path}")


@data.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
def status_cmd(as_json: bool) -> None:
    """Show the installed release, its sources and checksums, row counts and attributions.

    \b
    Example:
      unstuck data status --json
    """
    from unstuck.knowledge.build import kb_path, read_meta
    from unstuck.knowledge.store import status_of

    path = kb_path()
    meta = read_meta(path)
    if meta is None:
        fail(
            f"no knowledge base at {path}. Install one with 'unstuck data install'.",
            ExitStatus.NOT_INSTALLED,
        )
    status = status_of(path, meta)
    if as_json:
        echo_json(
            {
                "path": str(status.path),
                "release": status.release,
                "built_at": status.built_at,
                "fingerprint": status.fingerprint,
                "sources": status.sources,
                "warnings": status.warnings,
                "attributions": status.attributions,
            }
        )
        return
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(f"[bold]Knowledge base[/bold] {status.path}")
    console.print(f"O*NET release {status.release}, built {status.built_at}")
    for src in status.sources:
        console.print(
            f"\n[bold]{src['name']}[/bold] {src.get('release', '')}  {src['location']}\n"
            f"  sha256 {src['sha256']}"
        )
        table = Table("table", "rows", "source file", "rows in file", box=None, pad_edge=False)
        for t in src.get("tables", []):
            ok = "" if t["rows"] == t["source_rows"] else " [red](differs)[/red]"
            table.add_row(t["table"], f"{t['rows']:,}", t["file"], f"{t['source_rows']:,}{ok}")
        console.print(table)
        if src.get("missing"):
            console.print("  absent: " + ", ".join(src["missing"]))
    for warning in status.warnings:
        console.print(f"[yellow]Warning:[/yellow] {warning}")
    console.print("\n[bold]Attributions[/bold]")
    for text in status.attributions:
        console.print(f"- {text}")


@data.command("path")
def path_cmd() -> None:
    """Print where the knowledge base lives (set UNSTUCK_HOME to move everything).

    \b
    Example:
      unstuck data path
    """
    from unstuck.knowledge.build import kb_path

    click.echo(str(Path(kb_path())))
