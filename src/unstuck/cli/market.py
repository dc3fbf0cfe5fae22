"""``unstuck market``: what the postings kept for one occupation ask for.

A thin wrapper over :func:`unstuck.app.documents.services.market`.
"""

from __future__ import annotations

import click

from unstuck.app import setup
from unstuck.cli.common import echo_json


@click.command("market")
@click.argument("code")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def market_cmd(code: str, as_json: bool) -> None:
    """Skills asked for in the postings kept for occupation CODE (% of postings), skills asked
    together, stated pay, and what your resumes already show.

    \b
    Example:
      unstuck posting add postings.csv --target 15-2051.00
      unstuck market 15-2051.00
    """
    setup()
    from unstuck.app.documents import services

    summary = services.market(code)
    if as_json:
        echo_json(summary)
        return
    if not summary.postings:
        click.echo(f"No postings kept for {code}: unstuck posting add FILE --target {code}")
        return
    cover = "not known" if summary.coverage is None else f"{summary.coverage:.0f}%"
    click.echo(
        f"{summary.postings} posting(s) for {code}; your evidence covers {cover} of the asks"
    )
    for s in summary.skills[:25]:
        mark = "+" if s.covered else " "
        click.echo(f"  {mark} {s.percent:5.1f}%  {s.label}")
    if summary.pairs:
        click.echo("Asked together:")
        for p in summary.pairs[:10]:
            click.echo(f"  {p.percent:5.1f}%  {p.a} + {p.b}")
    for r in summary.pay:
        click.echo(
            f"Pay ({r.currency or 'currency not stated'}, per {r.period or 'period not stated'}):"
            f" {r.low:,.0f} - {r.high:,.0f}, median midpoint {r.median_mid:,.0f}"
            f" ({r.postings} posting(s))"
        )
    if summary.without_pay:
        click.echo(f"{summary.without_pay} posting(s) state no pay.")
