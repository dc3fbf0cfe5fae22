"""``unstuck goals``: check a goal against SMART, letter by letter, with concrete feedback."""

from __future__ import annotations

from datetime import date, datetime

import click

from unstuck.cli.common import FiniteRange, echo_json, fail, load_kb
from unstuck.cli.status import ExitStatus

COLOURS = {"pass": "green", "warn": "yellow", "fail": "red"}


@click.group()
def goals() -> None:
    """Goals for your move: check that they are SMART.

    \b
    Example:
      unstuck goals check "Complete a Python course (20 hours) by 2026-03-31" --hours 5
    """


@goals.command("check")
@click.argument("goal")
@click.option(
    "--hours",
    type=FiniteRange(0, 168),
    help="Hours a week you have for this; without it, achievability cannot be judged.",
)
@click.option(
    "--target",
    "target_code",
    metavar="CODE",
    help="O*NET-SOC code of your target job, to judge relevance (needs the knowledge base).",
)
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Check as of this date (YYYY-MM-DD) instead of today.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the verdicts as JSON.")
def check_cmd(
    goal: str, hours: float | None, target_code: str | None, today: datetime | None, as_json: bool
) -> None:
    """Check GOAL: specific, measurable, achievable, relevant, time-bound.

    Each letter gets pass, warn or fail, with what to change. Dates are read relative to
    today; hours are compared with the effort the goal implies.

    \b
    Example:
      unstuck goals check "Hold 3 informational interviews within 4 weeks" --hours 4
      unstuck goals check "Build 1 Python project by 2026-05-01" --target 15-1252.00 --json
    """
    from unstuck.core.plan.smart import check_goal, target_context

    if not goal.strip():
        fail("the goal is empty; write it in quotes after 'check'.", ExitStatus.USAGE)
    target = None
    if target_code:
        kb = load_kb()
        occ = kb.occupation(target_code.strip())
        if occ is None:
            fail(
                f"no occupation with code {target_code!r} in O*NET {kb.release}. "
                "Find codes with 'unstuck occupations search TITLE'.",
                ExitStatus.NOT_FOUND,
            )
        target = target_context(occ)
    day = today.date() if today is not None else date.today()
    result = check_goal(goal, today=day, hours_per_week=hours, target=target)
    if as_json:
        echo_json(result.to_dict())
        return
    click.secho(f"“{goal}”", bold=True)
    for v in result.letters:
        verdict = click.style(f"{v.verdict:<4}", fg=COLOURS[v.verdict], bold=True)
        click.echo(f"  {v.letter}  {v.name:<11} {verdict}  {v.feedback}")
    overall = {"pass": "SMART.", "warn": "Nearly there: see the warnings.",
               "fail": "Not SMART yet: fix the failures."}[result.verdict]
    click.secho(overall, fg=COLOURS[result.verdict])
