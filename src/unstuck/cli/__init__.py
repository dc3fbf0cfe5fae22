"""The ``unstuck`` command: noun groups with verbs, thin wrappers over the library.

Heavy imports (Django, the knowledge base) happen inside the commands, so ``unstuck --help``
stays fast. Every option can also come from the environment with the ``UNSTUCK_`` prefix.
"""

from __future__ import annotations

import sys

import click

from unstuck import __version__
from unstuck.cli.applications import applications
from unstuck.cli.assess import assess
from unstuck.cli.data import data
from unstuck.cli.explore import compare_cmd, explore_cmd, shortlist
from unstuck.cli.goals import goals
from unstuck.cli.market import market_cmd
from unstuck.cli.match import match_cmd
from unstuck.cli.occupations import occupations
from unstuck.cli.people import people
from unstuck.cli.plan import plan
from unstuck.cli.posting import posting
from unstuck.cli.profile import profile
from unstuck.cli.report import report
from unstuck.cli.resume import resume
from unstuck.cli.serve import serve
from unstuck.cli.status import ExitStatus

CONTEXT_SETTINGS = {
    "help_option_names": ["-h", "--help"],
    "auto_envvar_prefix": "UNSTUCK",
    "max_content_width": 100,
}


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", prog_name="unstuck")
def cli() -> None:
    """unstuck: get out of a career rut, grounded in public labour-market data.

    \b
    Start the app in your browser:
      unstuck serve
    Look up an occupation:
      unstuck occupations search "sr. software eng II"
      unstuck occupations show 15-1252.00

    Data: O*NET (CC BY 4.0, USDOL/ETA), optionally ESCO (European Commission) and BLS.
    'unstuck data status' shows sources and attributions.
    """


cli.add_command(assess)
cli.add_command(data)
cli.add_command(explore_cmd)
cli.add_command(compare_cmd)
cli.add_command(shortlist)
cli.add_command(goals)
cli.add_command(occupations)
cli.add_command(profile)
cli.add_command(plan)
cli.add_command(report)
cli.add_command(serve)
cli.add_command(resume)
cli.add_command(posting)
cli.add_command(match_cmd)
cli.add_command(market_cmd)
cli.add_command(applications)
cli.add_command(people)


def main() -> None:
    try:
        cli(prog_name="unstuck")
    except MemoryError:
        raise  # nothing to say about the disk, and no memory to import with
    except Exception as exc:
        try:
            from unstuck.app.disk import disk_problem
        except Exception:  # noqa: BLE001 - cannot even import: the original error stands
            raise exc from None
        message = disk_problem(exc)
        if message is None:
            raise
        click.secho(f"Error: {message}", fg="red", err=True)
        sys.exit(int(ExitStatus.DATA_FOLDER))
