"""``unstuck explore`` and ``unstuck compare``: career paths from a profile, explained.

The person is either an occupation's own typical profile (``--from CODE``: its skill and
knowledge levels, interests and work values, as if you were a typical worker in it) or your
saved profile (``--profile``, the default when no ``--from`` is given: current occupation,
your own levels, the latest interests and values results, constraints, and the wages of your
state or metro area when loaded). Options override the profile's constraints; ``--raise``,
``--min-pay`` and ``--retraining-months`` are the "what if" levers.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

from unstuck.cli.common import FiniteRange, fail, load_kb, to_jsonable, unusable_words
from unstuck.cli.status import ExitStatus
from unstuck.core.limits import MONEY_MAX

if TYPE_CHECKING:
    from unstuck.core.paths import Person, Recommendation
    from unstuck.core.paths.data import OccupationData
    from unstuck.knowledge.store import KnowledgeBase

KIND_CHOICES = ("grow", "sideways", "up", "change", "self")


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def _echo_json(value: Any) -> None:
    click.echo(json.dumps(_rounded(to_jsonable(value)), indent=2, ensure_ascii=False))


def _parse_raise(items: Sequence[str], data: OccupationData) -> dict[str, float]:
    """``"Programming=5"`` or ``"2.B.3.e=5"`` -> {element id: level}."""
    by_name = {e.name.casefold(): e.element_id for e in data.elements}
    out: dict[str, float] = {}
    for item in items:
        name, sep, level = item.rpartition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"{item!r}: use NAME=LEVEL, e.g. Programming=5")
        eid = name.strip() if name.strip() in data.element_index else None
        eid = eid or by_name.get(name.strip().casefold())
        if eid is None:
            raise click.BadParameter(f"{name.strip()!r} is not a skill or knowledge area")
        try:
            value = float(level)
        except ValueError:
            raise click.BadParameter(f"{item!r}: level must be a number 0-7") from None
        if not 0.0 <= value <= 7.0:
            raise click.BadParameter(f"{item!r}: level must be between 0 and 7")
        out[eid] = value
    return out


def _person(
    kb: KnowledgeBase,
    data: OccupationData,
    from_code: str | None,
    use_profile: bool,
    area: str | None,
) -> tuple[Person, dict[str, float] | None]:
    """The person to rank for, and their strategy mix (None: not from the saved profile)."""
    from unstuck.core.paths import person_from_occupation
    from unstuck.knowledge.matrices import area_figures

    strategy = None
    if from_code:
        code = from_code.strip()
        if code not in data.index:
            fail(
                f"no occupation with code {code!r} in O*NET {kb.release}. "
                "Find codes with 'unstuck occupations search TITLE'.",
                ExitStatus.NOT_FOUND,
            )
        person = person_from_occupation(data, code)
    elif use_profile:
        from unstuck.app import setup

        setup()
        from unstuck.app.paths.services import PERSON_RESULTS, saved_person, strategy_weights
        from unstuck.app.profile.services import latest_results

        results = latest_results(only=(*PERSON_RESULTS, "rut"))
        for unusable in results.unusable.values():
            note = f"Note: your {unusable.name}: {unusable_words(unusable)}"
            click.secho(note, err=True, fg="yellow")
        person = saved_person(kb, results)
        strategy = strategy_weights(results)
    else:
        from unstuck.core.paths import Person

        person = Person()
    if area:
        wages, jobs, name = area_figures(kb, area)
        if not wages:
            click.secho(
                f"Note: no wages for area {area!r} (BLS area wages not installed, or the "
                "area is unknown); national figures are used.",
                err=True,
                fg="yellow",
            )
        else:
            from dataclasses import replace

            person = replace(person, area_wages=wages, area_name=name, area_employment=jobs)
    return person, strategy


def _money(x: float | None) -> str:
    return "not published" if x is None else f"${x:,.0f}"


def _print_rec(rec: Recommendation, rank: int | None = None) -> None:
    head = f"{rank}. " if rank is not None else ""
    click.secho(f"{head}{rec.title} ({rec.code})  score {rec.score:.1f}", bold=True)
    from unstuck.core.paths.explain import shown_components

    # rounded so that they add up to the score printed; a 0.0 changes nothing and is left out
    parts = ", ".join(f"{label} {value:+.1f}" for label, value in shown_components(rec) if value)
    click.echo(f"   why: {parts}")
    if rec.strengths:
        click.echo(
            "   strengths: " + ", ".join(f"{e.name} ({e.current:.1f})" for e in rec.strengths[:3])
        )
    if rec.gaps:
        click.echo(
            "   gaps: "
            + ", ".join(
                f"{e.name} {e.current:.1f} -> {e.required:.1f}"
                + (" (close)" if e.status == "close" else "")
                for e in rec.gaps[:3]
            )
        )
    facts = []
    ed = rec.education
    if ed.target_zone is not None:
        step = f", {ed.step:+d} from yours" if ed.step else ""
        facts.append(f"job zone {ed.target_zone}{step}")
    if rec.interests.fit is not None:
        facts.append(f"interests fit {rec.interests.fit:+.2f}")
    if rec.values.fit is not None:
        facts.append(f"values fit {rec.values.fit:+.2f}")
    if rec.pay.target is not None:
        change = "" if rec.pay.change_percent is None else f" ({rec.pay.change_percent:+.0f}%)"
        facts.append(f"median pay {_money(rec.pay.target)}{change}")
    if rec.outlook.growth_percent is not None:
        facts.append(f"growth {rec.outlook.growth_percent:+.1f}%")
    if facts:
        click.echo("   " + "; ".join(facts))
    from unstuck.app.paths import wording

    click.echo(f"   kind: {rec.kind} - {wording.move_reason(rec.move, rec.kind)}")
    click.echo(f"   ready: {wording.readiness(rec.readiness)}")
    if rec.pay.note:
        click.echo(f"   pay: {rec.pay.note}")
    if rec.rated_by:
        click.echo(f"   skills compared through {rec.rated_by} (O*NET rates the target by proxy)")
    if rec.filtered:
        click.echo("   outside your constraints: " + "; ".join(map(wording.left_out, rec.filtered)))
    if rec.not_published:
        click.echo("   not published for it: " + ", ".join(rec.not_published))


@click.command("explore")
@click.option("--from", "from_code", metavar="CODE", help="Start from this occupation's profile.")
@click.option(
    "--profile/--no-profile",
    "use_profile",
    default=True,
    show_default=True,
    help="Use your saved profile (when --from is not given).",
)
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice(KIND_CHOICES),
    help="Only these kinds of move (repeatable). Default: all.",
)
@click.option("--limit", "-n", default=5, show_default=True, type=click.IntRange(1, 50))
@click.option("--min-pay", type=click.IntRange(0, MONEY_MAX),
              help="Leave out occupations paying less.")  # fmt: skip
@click.option("--retraining-months", type=FiniteRange(0), help="Leave out longer retraining.")
@click.option("--max-zone-step", type=click.IntRange(0, 4), help="At most this many job zones up.")
@click.option("--hours", type=FiniteRange(0, 168), help="Hours a week you have for it.")
@click.option("--exclude", multiple=True, metavar="CODE", help="Never suggest this occupation.")
@click.option(
    "--raise",
    "raises",
    multiple=True,
    metavar="NAME=LEVEL",
    help="What if your level were this (0-7), e.g. --raise Programming=5.",
)
@click.option("--area", help="State or metro area (name or BLS code) for wages.")
@click.option("--json", "as_json", is_flag=True, help="Everything as JSON.")
def explore_cmd(
    from_code: str | None,
    use_profile: bool,
    kinds: tuple[str, ...],
    limit: int,
    min_pay: int | None,
    retraining_months: float | None,
    max_zone_step: int | None,
    hours: float | None,
    exclude: tuple[str, ...],
    raises: tuple[str, ...],
    area: str | None,
    as_json: bool,
) -> None:
    """Career paths from where you are, grouped by kind of move, each explained.

    Every occupation in O*NET is scored on transferable skills and knowledge, similar work,
    interests, work values, the education step, pay and outlook; the parts of the score that
    could not be used (no interests taken, no current job) are listed.

    \b
    Examples:
      unstuck explore --from 29-1141.00 --kind sideways --kind up
      unstuck explore --from 43-4051.00 --min-pay 50000 --hours 8
      unstuck explore --from 15-1251.00 --raise "Mathematics=5" --json
    """
    from unstuck.app.paths import wording
    from unstuck.core.paths import KEEP, explore, score
    from unstuck.knowledge.matrices import occupation_data

    kb = load_kb()
    data = occupation_data(kb)
    person, strategy = _person(kb, data, from_code, use_profile, area)
    person = person.what_if(
        levels=_parse_raise(raises, data) if raises else None,
        min_pay=KEEP if min_pay is None else float(min_pay),
        retraining_months=KEEP if retraining_months is None else float(retraining_months),
        max_zone_step=KEEP if max_zone_step is None else max_zone_step,
        hours_per_week=KEEP if hours is None else float(hours),
        excluded={c.strip() for c in exclude},
    )
    result = explore(score(data, person), kinds or None, limit, strategy)
    if as_json:
        _echo_json(result)
        return
    where = (
        f"{data.titles[data.index[person.occupation]]} ({person.occupation})"
        if person.occupation
        else "no current occupation"
    )
    click.secho(f"Career paths from {where}, O*NET {result.data_release}", bold=True)
    if result.unused:
        click.echo("Not used in the scores:")
        for signal, reason in result.unused:
            click.echo(f"  - {signal}: {reason}")
    if result.picks:
        click.echo("")
        click.secho("== Top picks for you ==", bold=True)
        for rank, rec in enumerate(result.top(10), start=1):
            ready = wording.ready_short(rec)
            click.echo(f"  {rank}. {rec.title} ({rec.code}) - {rec.kind}, {ready}")
    for group in result.groups:
        click.echo("")
        click.secho(f"== {group.label} ==", bold=True)
        note = wording.group_note(group)
        if note:
            click.echo(f"   ({note})")
        if group.kind == "grow":
            for idea in group.ideas:
                src = (
                    "" if idea.source_code == person.occupation else f" [from {idea.source_title}]"
                )
                click.echo(f"   - {idea.task}{src}")
            continue
        for rank, rec in enumerate(group.items, start=1):
            _print_rec(rec, rank)
        if group.more:
            click.echo(f"   (more of this kind: --kind {group.kind} --limit {limit + 10})")
        if group.filtered_count:
            click.echo(f"   ({group.filtered_count} left out by your constraints; the closest:)")
            for item in group.left_out[:3]:
                why = "; ".join(map(wording.left_out, item.reasons))
                click.echo(f"     - {item.title} ({item.code}): {why}")


@click.command("compare")
@click.argument("codes", nargs=-1, required=True)
@click.option("--from", "from_code", metavar="CODE", help="Compare from this occupation.")
@click.option(
    "--profile/--no-profile",
    "use_profile",
    default=True,
    show_default=True,
    help="Use your saved profile (when --from is not given).",
)
@click.option("--hours", type=FiniteRange(0, 168), help="Hours a week you have for it.")
@click.option("--area", help="State or metro area (name or BLS code) for wages.")
@click.option("--json", "as_json", is_flag=True, help="Everything as JSON.")
def compare_cmd(
    codes: tuple[str, ...],
    from_code: str | None,
    use_profile: bool,
    hours: float | None,
    area: str | None,
    as_json: bool,
) -> None:
    """Compare two or three target occupations side by side.

    \b
    Example:
      unstuck compare 29-1171.00 29-1141.04 --from 29-1141.00
    """
    from unstuck.core.paths import compare, score
    from unstuck.knowledge.matrices import occupation_data

    if not 2 <= len(codes) <= 3:
        raise click.UsageError("give two or three occupation codes")
    kb = load_kb()
    data = occupation_data(kb)
    unknown = [c for c in codes if c.strip() not in data.index]
    if unknown:
        fail(
            f"no occupation with code {', '.join(map(repr, unknown))} in O*NET {kb.release}",
            ExitStatus.NOT_FOUND,
        )
    person, _ = _person(kb, data, from_code, use_profile, area)
    if hours is not None:
        person = person.what_if(hours_per_week=hours)
    ranking = score(data, person)
    recs = compare(ranking, [c.strip() for c in codes])
    if as_json:
        _echo_json(
            {
                "unused": [{"signal": u.signal, "reason": u.reason} for u in ranking.unused],
                "targets": recs,
            }
        )
        return
    for rec in recs:
        _print_rec(rec)
        click.echo("")
    if ranking.unused:
        click.echo(
            "Not used in the scores: "
            + "; ".join(f"{u.signal} ({u.reason})" for u in ranking.unused)
        )


@click.group("shortlist")
def shortlist() -> None:
    """Target occupations you keep for later (the same list as the app's shortlist).

    \b
    Example:
      unstuck shortlist add 29-1171.00
      unstuck shortlist show
    """


def _shortlist_services():  # noqa: ANN202
    from unstuck.app import setup

    setup()
    from unstuck.app.paths import services

    return services


@shortlist.command("add")
@click.argument("codes", nargs=-1, required=True)
def shortlist_add(codes: tuple[str, ...]) -> None:
    """Add occupations to your shortlist.

    \b
    Example:
      unstuck shortlist add 29-1171.00 29-2061.00
    """
    kb = load_kb()
    unknown = [c for c in codes if c.strip() not in kb]
    if unknown:
        fail(f"no occupation with code {', '.join(map(repr, unknown))}", ExitStatus.NOT_FOUND)
    services = _shortlist_services()
    for code in codes:
        services.add(code.strip(), kb.titles[code.strip()])
        click.echo(f"Added {kb.titles[code.strip()]} ({code.strip()})")


@shortlist.command("remove")
@click.argument("codes", nargs=-1, required=True)
def shortlist_remove(codes: tuple[str, ...]) -> None:
    """Remove occupations from your shortlist.

    \b
    Example:
      unstuck shortlist remove 29-1171.00
    """
    services = _shortlist_services()
    for code in codes:
        services.remove(code.strip())


@shortlist.command("show")
@click.option("--json", "as_json", is_flag=True, help="The list as JSON.")
def shortlist_show(as_json: bool) -> None:
    """Show your shortlist; compare from it with 'unstuck compare A B'.

    \b
    Example:
      unstuck shortlist show --json
    """
    items = _shortlist_services().shortlist()
    if as_json:
        _echo_json(
            [{"code": s.code, "title": s.title, "added": s.added_at.isoformat()} for s in items]
        )
        return
    if not items:
        click.echo("Your shortlist is empty. Add with 'unstuck shortlist add CODE'.")
    for s in items:
        click.echo(f"{s.code}  {s.title}")
