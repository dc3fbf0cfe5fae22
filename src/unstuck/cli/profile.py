"""``unstuck profile``: show the person's profile and latest results."""

from __future__ import annotations

import click

from unstuck.app import setup
from unstuck.cli.assess import print_change, print_result
from unstuck.cli.common import echo_json, unusable_words


@click.group()
def profile() -> None:
    """Your profile: current job, skills, constraints and latest results.

    \b
    Example:
      unstuck profile show
      unstuck profile show --json
    """


@profile.command("show")
@click.option(
    "--json", "as_json", is_flag=True, help="Everything as JSON, each score with its answers."
)
def show_cmd(as_json: bool) -> None:
    """Show your profile and the latest result of each questionnaire.

    \b
    Example:
      unstuck profile show --json > me.json
    """
    setup()
    from unstuck.app.profile import services
    from unstuck.core.assess import SHORT_NAMES, get_instrument

    if as_json:
        echo_json(services.summary())
        return
    p = services.to_core(services.get_profile())
    c = p.constraints
    click.secho("Profile", bold=True)
    job = f"{p.occupation_title} ({p.occupation_code})" if p.occupation_code else "not set"
    click.echo(f"  Current job: {job}")
    if p.years_in_occupation is not None:
        click.echo(f"  Years in it: {p.years_in_occupation:g}")
    if p.education_name:
        click.echo(f"  Education: {p.education_name}")
    if c.location:
        click.echo(f"  Location: {c.location.name or c.location.code}")
    facts = [
        ("Minimum pay", c.min_pay and f"${c.min_pay:,}/year"),
        ("Hours a week for the change", c.hours_per_week and f"{c.hours_per_week:g}"),
        ("Retraining acceptable", c.retraining_months and f"{c.retraining_months} months"),
        ("Learning budget", c.learning_budget and f"${c.learning_budget:,}"),
        ("Risk tolerance", c.risk_tolerance),
        ("Runway", c.runway_months and f"{c.runway_months:.1f} months"),
    ]
    for label, value in facts:
        if value:
            click.echo(f"  {label}: {value}")
    if p.ratings:
        adjusted = sum(1 for r in p.ratings if r.adjusted)
        click.echo(
            f"  Skills and knowledge rated: {len(p.ratings)} ({adjusted} moved from typical)"
        )
    if p.technology:
        click.echo(f"  Technology: {', '.join(p.technology)}")
    results = services.latest_results()
    for short, instrument in ((s, get_instrument(s)) for s in SHORT_NAMES):
        click.echo("")
        if short in results.unusable:
            click.secho(f"{instrument.name}: {unusable_words(results.unusable[short])}", bold=True)
            continue
        found = results.get(short)
        if found is None:
            click.secho(f"{instrument.name}: not taken yet", bold=True)
            continue
        click.secho(
            f"{instrument.name} ({found.record.instrument_id}, "
            f"{found.record.completed_at:%Y-%m-%d})",
            bold=True,
        )
        mix = services.strategy_mix(results=results) if short == "rut" else None
        print_result(found.result, mix)
        print_change(found.comparison)
