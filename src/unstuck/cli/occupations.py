"""``unstuck occupations``: search occupations by job title and show their profiles."""

from __future__ import annotations

import click

from unstuck.cli.common import echo_json, fail, load_kb
from unstuck.cli.status import ExitStatus


@click.group()
def occupations() -> None:
    """Look up occupations in the knowledge base.

    \b
    Example:
      unstuck occupations search "RN"
      unstuck occupations show 29-1141.00
    """


@occupations.command("search")
@click.argument("query")
@click.option("--limit", "-n", default=10, show_default=True, type=click.IntRange(1, 100))
@click.option("--json", "as_json", is_flag=True, help="Print matches as JSON.")
def search_cmd(query: str, limit: int, as_json: bool) -> None:
    """Find occupations for a job title as you would type it (typos welcome).

    \b
    Example:
      unstuck occupations search "sr. software eng II"
    """
    kb = load_kb()
    matches = kb.search(query, limit=limit)
    if as_json:
        echo_json(matches)
        return
    if not matches:
        click.echo(f"No occupation matches {query!r}. Try a shorter or more common title.")
        return
    for m in matches:
        via = "" if m.source == "title" else f"  (via {m.source} title: {m.matched})"
        click.echo(f"{m.code}  {m.title}{via}")


def _level(value: float | None, scale_max: float) -> str:
    return "not published" if value is None else f"{value:.1f}/{scale_max:g}"


@occupations.command("show")
@click.argument("code")
@click.option("--json", "as_json", is_flag=True, help="Print the whole profile as JSON.")
def show_cmd(code: str, as_json: bool) -> None:
    """Show an occupation's profile: tasks, skills, interests, education, pay, outlook.

    \b
    Example:
      unstuck occupations show 15-1252.00
    """
    kb = load_kb()
    occ = kb.occupation(code.strip())
    if occ is None:
        fail(
            f"no occupation with code {code!r} in O*NET {kb.release}. "
            "Find codes with 'unstuck occupations search TITLE'.",
            ExitStatus.NOT_FOUND,
        )
    if as_json:
        echo_json(occ)
        return
    from rich.console import Console

    con = Console()
    con.print(f"[bold]{occ.title}[/bold] ({occ.code}), O*NET {occ.release}")
    if occ.description:
        con.print(occ.description)
    zone = occ.job_zone
    prep = zone.name if zone and zone.name else "not published"
    con.print(f"\n[bold]Preparation[/bold]: {prep}")
    if occ.education:
        top = max(occ.education, key=lambda e: e.percent or 0)
        con.print(f"Most common education: {top.label} ({_level(top.percent, 100)}%)")
    if occ.interests:
        code_txt = occ.high_point_code or "not published"
        con.print(f"\n[bold]Interests[/bold] (code {code_txt}): " + ", ".join(
            f"{i.name} {_level(i.score, 7)}" for i in occ.interests))
    for label, ratings in (("Skills", occ.skills), ("Knowledge", occ.knowledge)):
        con.print(f"\n[bold]{label}[/bold] (importance, level)")
        if not ratings:
            con.print("  not published for this occupation")
        for r in ratings[:8]:
            con.print(f"  {r.name:<34} {_level(r.importance, 5)}  {_level(r.level, 7)}")
    if occ.tasks:
        con.print("\n[bold]Tasks[/bold]")
        for t in occ.tasks[:6]:
            con.print(f"  - {t.text}")
    hot = [t.example for t in occ.hot_technologies][:10]
    if hot:
        con.print("\n[bold]Hot technologies[/bold]: " + ", ".join(hot))
    con.print("\n[bold]Wages[/bold]: ", end="")
    if occ.wages is None:
        con.print("not loaded (install the BLS wages: unstuck data install --bls-wages FILE)")
    else:
        w = occ.wages
        con.print(
            f"median {_money(w.annual_median)}, 10th-90th percentile "
            f"{_money(w.annual_p10)} to {_money(w.annual_p90)} ({w.area}, {w.year})"
        )
        if w.note:
            con.print(f"  {w.note}")
    con.print("[bold]Outlook[/bold]: ", end="")
    if occ.outlook is None:
        con.print("not loaded (install BLS Employment Projections)")
    else:
        o = occ.outlook
        change = "not published" if o.change_percent is None else f"{o.change_percent:+.1f}%"
        openings = (
            "not published" if o.openings_per_year is None
            else f"{o.openings_per_year * 1000:,.0f} a year"
        )
        con.print(f"growth {change} ({o.period}), openings {openings}")
    if occ.related:
        con.print("\n[bold]Related occupations[/bold]: " + "; ".join(
            f"{r.title} ({r.code})" for r in occ.related[:8]))
    con.print(f"\n[dim]{kb.attributions[0] if kb.attributions else ''}[/dim]")


def _money(value: float | None) -> str:
    return "not published" if value is None else f"${value:,.0f}"
