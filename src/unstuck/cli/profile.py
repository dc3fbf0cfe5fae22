"""``unstuck profile``: show the person's profile and latest results."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from unstuck.app import setup
from unstuck.cli.assess import print_change, print_result
from unstuck.cli.common import echo_json, fail, load_kb, read_input, unusable_words
from unstuck.cli.status import ExitStatus

#: The largest JSON of About-you fields read.
MAX_JSON = 1_000_000


@click.group()
def profile() -> None:
    """Your profile: current job, skills, constraints and latest results.

    \b
    Example:
      unstuck profile show
      unstuck profile show --json
      unstuck profile set --title "store manager" --years 9 --hours 5
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
        ("Current pay", c.current_pay and f"${c.current_pay:,}/year"),
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


@profile.command("set")
@click.option("--occupation", metavar="CODE", help="Your current occupation (O*NET-SOC code).")
@click.option(
    "--title", metavar="TEXT", help="Your job title; the closest O*NET occupation is used (said)."
)
@click.option("--years", "years_in_occupation", type=float, help="Years in this kind of work.")
@click.option("--education", help="Highest completed: 1-12, or bachelor, master, high-school...")
@click.option(
    "--credential", "credentials", multiple=True, help="A licence or certification (repeatable)."
)
@click.option("--location", help="A state's postal code (OH) or a BLS metro area's name.")
@click.option("--pay", "current_pay", type=int, help="What you earn now, a year ($).")
@click.option("--min-pay", "min_pay", type=int, help="Lowest yearly pay you could accept ($).")
@click.option("--hours", "hours_per_week", type=float, help="Hours a week for the change.")
@click.option("--retraining-months", type=int, help="Months of retraining you would accept.")
@click.option("--budget", "learning_budget", type=int, help="Learning budget ($).")
@click.option("--risk", "risk_tolerance", type=click.Choice(["low", "medium", "high"]))
@click.option("--savings", type=int, help="Savings ($).")
@click.option("--expenses", "monthly_expenses", type=int, help="Monthly expenses ($).")
@click.option(
    "--clear",
    "clear",
    multiple=True,
    metavar="FIELD",
    help="Forget a field (repeatable): education, location, min_pay, credentials, ...",
)
@click.option(
    "--from-json",
    "from_json",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    help="Fields from a JSON object (what --json prints; null clears one); '-' reads stdin.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the About-you fields as JSON.")
def set_cmd(from_json: Path | None, clear: tuple[str, ...], title: str | None,
            credentials: tuple[str, ...], as_json: bool, **values: Any) -> None:  # fmt: skip
    """Set About-you fields, as the About-you page does; fields not given stay as they are.

    \b
    Examples:
      unstuck profile set --title "secondary school teacher" --years 12 --education master
      unstuck profile set --location "Columbus, OH" --hours 6 --budget 800 --risk low
      unstuck profile set --credential "Class A CDL" --credential "TWIC card"
      unstuck profile set --json > me.json && unstuck profile set --from-json me.json
    """
    setup()
    from unstuck.app.profile import services

    changes: dict[str, Any] = {}
    if from_json is not None:
        raw = sys.stdin.buffer.read(MAX_JSON + 1) if str(from_json) == "-" else read_input(
            from_json, MAX_JSON, "JSON file"
        )
        if len(raw) > MAX_JSON:
            fail("the JSON is over 1 MB, too large for a profile", ExitStatus.INVALID_INPUT)
        try:
            loaded = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            fail(f"{from_json}: not valid JSON ({str(exc)[:80]})", ExitStatus.INVALID_INPUT)
        if not isinstance(loaded, dict):
            fail(f"{from_json}: expected a JSON object of fields", ExitStatus.INVALID_INPUT)
        loaded.pop("occupation_title", None)
        changes.update(loaded)
    changes.update({k: v for k, v in values.items() if v is not None})
    if credentials:
        changes["credentials"] = list(credentials)
    for name in clear:
        changes[name] = [] if name == "credentials" else None
    kb = None
    if title or changes.get("occupation"):
        kb = load_kb()
    elif changes.get("location"):
        kb = services.knowledge_base()  # BLS areas when installed; a state's code without
    if title:
        assert kb is not None
        found = kb.search(title, limit=1)
        if not found:
            fail(f"no occupation matches the title {title!r}", ExitStatus.NOT_FOUND)
        changes["occupation"] = found[0].code
        if not as_json:
            click.echo(f"Occupation: {found[0].title} ({found[0].code}), closest to {title!r}.")
    try:
        services.set_about(kb, changes)
    except services.ProfileError as exc:
        fail("; ".join(str(p) for p in exc.problems) + " (nothing was saved)", ExitStatus.USAGE)
    if as_json:
        echo_json(services.about())
    elif changes:
        click.echo("Saved. 'unstuck profile show' shows the whole profile.")
    else:
        click.echo("Nothing to change: give a field, or --json to see them.")
