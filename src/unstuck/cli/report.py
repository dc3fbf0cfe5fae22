"""``unstuck report``: the career restart plan as one document to print or share (HTML or PDF).

A thin wrapper over :func:`unstuck.report.document.report_html` and
:func:`~unstuck.report.document.report_pdf`, which the app's report page and PDF download use.
"""

from __future__ import annotations

from pathlib import Path

import click

from unstuck.cli.common import load_kb


@click.command("report")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "pdf"]),
    default="pdf",
    show_default=True,
    help="HTML (one self-contained file) or PDF.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    required=True,
    help="The file to write.",
)
def report(fmt: str, output: Path) -> None:
    """Write your career restart plan: diagnosis, profile, chosen paths, gaps, learning,
    goals, the 90-day plan and the exit plan, with charts and data sources.

    \b
    Example:
      unstuck report --format pdf -o plan.pdf
      unstuck report --format html -o plan.html
    """
    kb = load_kb()
    from unstuck.cli.plan import plan_services

    plan_services()  # sets the app up
    from unstuck.report import document

    if fmt == "pdf":
        output.write_bytes(document.report_pdf(kb))
    else:
        output.write_text(document.report_html(kb), encoding="utf-8")
    click.echo(f"Wrote {output}", err=True)
