"""``unstuck plan``: the career restart plan from the command line (the app's plan too).

``show`` prints the plan built from your saved profile, latest rut check, chosen target and
edits (``--json``: the report's full data); ``target`` chooses the target from your shortlist;
``export-ics`` writes the 90 days as an iCalendar file. Each command is one call into
:mod:`unstuck.app.plan.services`, which the web pages use too.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from unstuck.cli.common import Date, echo_json, fail, load_kb, unusable_words
from unstuck.cli.status import ExitStatus


def plan_services():  # noqa: ANN201
    from unstuck.app import setup

    setup()
    from unstuck.app.plan import services

    return services


@click.group()
def plan() -> None:
    """Your career restart plan: target, gaps, learning, goals, 90 days, exit.

    \b
    Example:
      unstuck shortlist add 15-1252.00
      unstuck plan target 15-1252.00
      unstuck plan show
      unstuck plan export-ics -o plan.ics
    """


def _sane_start(ctx: click.Context, param: click.Parameter, value: date | None) -> date | None:
    from unstuck.core.limits import start_problem

    if value is None:
        return None
    problem = start_problem(value, date.today())
    if problem:
        raise click.BadParameter(problem)
    return value


@plan.command("target")
@click.argument("code")
@click.option(
    "--start",
    type=Date(),
    callback=_sane_start,
    help="First day of the plan (YYYY-MM-DD); today the first time, unchanged after.",
)
def target_cmd(code: str, start: date | None) -> None:
    """Plan towards CODE, an occupation on your shortlist.

    \b
    Example:
      unstuck plan target 15-1252.00 --start 2026-12-01
    """
    services = plan_services()
    try:
        state = services.choose_target(code.strip(), start=start)
    except services.PlanError as exc:
        fail(str(exc), ExitStatus.NOT_FOUND)
    click.echo(f"Planning towards {state.target_title} ({state.target_code}) from {state.start}.")


def _h(x: float) -> str:
    return f"{x:.1f}".removesuffix(".0")


@plan.command("show")
@click.option("--json", "as_json", is_flag=True, help="Everything the report shows, as JSON.")
def show_cmd(as_json: bool) -> None:
    """Show the plan: gaps, learning, goals, the 90 days week by week, the exit plan.

    \b
    Example:
      unstuck plan show
      unstuck plan show --json > plan.json
    """
    kb = load_kb()
    services = plan_services()
    built = services.build(kb)
    from unstuck.report.data import report_data

    data = report_data(built)
    if as_json:
        echo_json(data)
        return
    for unusable in built.unusable:
        click.secho(f"Note: your {unusable.name}: {unusable_words(unusable)}", fg="yellow")
    target = data["target"]
    p = data["plan"]
    click.secho(
        "Career restart plan"
        + (f": towards {target['title']} ({target['code']})" if target else ""),
        bold=True,
    )
    if not target:
        click.echo("No target yet: 'unstuck shortlist add CODE', then 'unstuck plan target CODE'.")
    hours = _h(p["hours_per_week"]) + (" (assumed)" if p["hours_assumed"] else "")
    click.echo(f"{len(p['weeks'])} weeks from {p['start']}, {hours} hours a week.")
    if data["gaps"]:
        planned = [g for g in data["gaps"]["gaps"] if not g["left_for_later"]]
        click.secho("\nGaps", bold=True)
        for g in planned:
            click.echo(f"  {g['priority']:.2f}  {g['name']} ({g['kind']})")
    if p["learning"]:
        click.secho(f"\nLearning: {p['learning']['total_hours']} hours", bold=True)
        for a in p["learning"]["activities"]:
            when = f"week {a['finishes_week']}" if a["finishes_week"] else "later"
            done = " [done]" if a.get("done") else ""
            click.echo(f"  {a['hours']:>3} h  {when:<8} {a['title']}{done}")
    click.secho("\nWeeks", bold=True)
    for w in p["weeks"]:
        click.echo(f"  {w['week']:>2}  {w['start']}  {_h(w['hours'])} of {_h(w['capacity'])} h")
        for t in w["tasks"]:
            click.echo(f"        - {t['title']} ({_h(t['hours'])} h)")
    click.secho(f"\nGoals: {len(data['goals'])}", bold=True)
    for g in data["goals"]:
        click.echo(f"  [{g['check']['verdict']}] {g['goal']}")
    rw = data["exit"]["runway"]
    months = rw["months"]
    shown = (
        "unknown (enter " + " and ".join(rw["missing"]) + ")"
        if months is None
        else months
        if months == "unlimited"
        else f"{months} months"
    )
    click.secho("\nExit plan", bold=True)
    click.echo(f"  Runway: {shown}; readiness {data['exit']['readiness']['score']} of 100.")
    for n in [*data["notes"], *p["notes"]]:
        click.secho(f"Note: {n}", fg="yellow")


@plan.command("export-ics")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write to FILE instead of standard output.",
)
def export_ics_cmd(output: Path | None) -> None:
    """Write the 90-day plan as an iCalendar (.ics) file for any calendar app.

    One all-day event per task on the first day of its week; importing the file again updates
    the same events instead of adding copies.

    \b
    Example:
      unstuck plan export-ics -o plan.ics
    """
    kb = load_kb()
    text = plan_services().ics(kb)
    if output is None:
        click.echo(text, nl=False)
        return
    output.write_bytes(text.encode("utf-8"))
    click.echo(f"Wrote {output}", err=True)
