"""``unstuck assess``: take the questionnaires in the terminal, or score an answers file.

Thin wrappers over :mod:`unstuck.app.profile.services` (storage) and :mod:`unstuck.core.assess`
(scoring). Interactive runs save every answer to a draft, so quitting half-way (``q`` or
Ctrl+C) loses nothing and the next run resumes; ``--answers FILE`` validates the whole file
first and reports every problem by item id, storing nothing unless the file is clean.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from unstuck.app import setup
from unstuck.cli.common import echo_json, fail
from unstuck.cli.status import ExitStatus

if TYPE_CHECKING:
    from unstuck.core.assess import Comparison, Instrument, Result

NAMES = ("rut", "interests", "values", "wellbeing")


@click.group()
def assess() -> None:
    """Take or score a questionnaire: rut check, interests, work values, wellbeing.

    \b
    Example:
      unstuck assess rut                          # interactive, resumable
      unstuck assess interests --answers my.yaml  # from a file
      unstuck assess items values --template > values.yaml
    """


def _run(name: str, answers: Path | None, as_json: bool, restart: bool) -> None:
    from unstuck.core.assess import AnswersError, InsufficientAnswersError, get_instrument

    setup()
    from unstuck.app.profile import services

    instrument = get_instrument(name)
    if answers is not None:
        try:
            done = services.submit_file(instrument, answers)
        except AnswersError as exc:
            click.secho(
                f"Error: {len(exc.problems)} problem(s) in {answers}; nothing was saved:",
                fg="red",
                err=True,
            )
            for p in exc.problems:
                click.echo(f"  - {p.where}: {p.message}", err=True)
            raise SystemExit(int(ExitStatus.INVALID_INPUT)) from None
        except InsufficientAnswersError as exc:  # validation catches this; kept for safety
            fail(str(exc), ExitStatus.INVALID_INPUT)
    else:
        if as_json:
            fail("--json needs --answers FILE (interactive runs print text)", ExitStatus.USAGE)
        if restart:
            services.discard_draft(instrument)
        finished = _interactive(instrument)
        if not finished:
            click.echo(f"Saved. Run 'unstuck assess {name}' again to carry on where you stopped.")
            return
        try:
            done = services.complete_draft(instrument)
        except InsufficientAnswersError as exc:
            fail(f"{exc} Your answers are saved; run the command again.", ExitStatus.INVALID_INPUT)
    if as_json:
        echo_json(
            {
                "stored": {
                    "id": done.record.pk,
                    "instrument": done.record.instrument_id,
                    "completed_at": done.record.completed_at.isoformat(),
                },
                "result": done.result.to_dict(),
                "strategy_mix_with_constraints": [
                    x.to_dict() for x in services.strategy_mix() or ()
                ],
                "change_since_last_time": (
                    None if done.comparison is None else done.comparison.to_dict()
                ),
            }
        )
        return
    print_result(done.result, services.strategy_mix())
    print_change(done.comparison)


def _interactive(instrument: Instrument) -> bool:
    """Ask the unanswered items one by one; False when the person stopped early."""
    from unstuck.app.profile import services, wizard

    draft = services.get_draft(instrument)
    answered: dict[str, Any] = dict(draft.answers)
    total = len(instrument.items)
    lo, hi = instrument.scale.minimum, instrument.scale.maximum
    upto = "up to " if any(i.asked_if for i in instrument.items) else ""
    click.secho(f"{instrument.name} ({instrument.id}): {upto}{total} questions", bold=True)
    click.echo(instrument.instructions)
    if answered:
        done = sum(1 for v in answered.values() if v is not None)
        click.echo(
            f"Resuming: {len(answered)} of {total} seen, {done} answered "
            "(use --restart to start over)."
        )
    click.echo(f"Answer {lo}-{hi}; Enter skips, b goes back, q stops (answers are saved).")
    # The items asked follow the answers: a follow-up its screen ruled out is passed over.
    asked = instrument.asked(answered)
    index = next((n for n, it in enumerate(asked) if it.id not in answered), len(asked))
    shown_labels: tuple[str, ...] | None = None
    while index < len(asked := instrument.asked(answered)):
        total = len(asked)
        item = asked[index]
        labels = instrument.labels_for(item)
        if labels != shown_labels:
            click.echo("  " + "   ".join(f"{lo + n} {label}" for n, label in enumerate(labels)))
            shown_labels = labels
        previous = answered.get(item.id)
        hint = f" [now {previous}]" if previous is not None else ""
        reply = (
            click.prompt(
                f"[{index + 1:>2}/{total}] {item.text}{hint}", default="", show_default=False
            )
            .strip()
            .lower()
        )
        if reply == "q":
            return False
        if reply == "b":
            index = max(0, index - 1)
            continue
        if reply == "":
            value = None
        elif reply.isdigit() and lo <= int(reply) <= hi:
            value = int(reply)
        else:
            click.echo(f"  Please type a number from {lo} to {hi}, Enter, b or q.")
            continue
        answered[item.id] = value
        # The draft's page is the web wizard's page, so a run started here resumes there too.
        page = next(
            n for n in range(wizard.pages(instrument, answered))
            if item in wizard.page_items(instrument, n, answered)
        )  # fmt: skip
        services.save_draft(instrument, {item.id: value}, page=page)
        index += 1
    if instrument.ranking_of:
        ranking = _ask_ranking(instrument)
        if ranking is None:
            return False
        if ranking:
            services.save_draft(instrument, {}, ranking)
    return True


def _ask_ranking(instrument: Instrument) -> list[str] | None:
    subs = [instrument.subscale(sid) for sid in instrument.ranking_of]
    click.echo("Now put the values in order, most important first.")
    for n, s in enumerate(subs, start=1):
        click.echo(f"  {n} {s.name}: {s.description}")
    while True:
        reply = click.prompt(
            "Numbers in order, e.g. 3 1 2 6 5 4 (Enter skips, q stops)",
            default="",
            show_default=False,
        ).strip()
        if reply.lower() == "q":
            return None
        if not reply:
            return []
        parts = reply.replace(",", " ").split()
        if sorted(parts) == [str(n) for n in range(1, len(subs) + 1)]:
            return [subs[int(p) - 1].id for p in parts]
        click.echo(f"  Please list each number from 1 to {len(subs)} once.")


def print_result(result: Result, strategies: Sequence[Any] | None = None) -> None:
    """Print a result; ``strategies`` is the person's strategy mix (the one every page shows,
    from ``unstuck.app.profile.services.strategy_mix``) in place of the answers-only mix."""
    """A short text report; every number here is traced in ``--json``."""
    from unstuck.core.assess import InterestsResult, RutCheckResult, ValuesResult

    data = result.to_dict()
    cov = data["coverage"]
    if isinstance(result, RutCheckResult):
        sev = data["severity"]
        click.secho(f"Severity {sev['score']:.0f}/100: {sev['band']}", bold=True)
        click.echo(sev["meaning"])
        click.echo("Root causes:")
        for c in data["root_causes"]:
            click.echo(f"  {c['rank']}. {c['name']} {c['score']:.0f} ({c['likelihood']})")
            for d in c["driven_by"][:3]:
                click.echo(f"       “{d['text']}” — {d['answer_label']}")
        click.echo("Strategy mix:")
        mix = data["strategy_mix"] if strategies is None else [x.to_dict() for x in strategies]
        for s in mix:
            if s["share"]:
                reason = s["reasons"][0]["text"] if s["reasons"] else ""
                click.echo(f"  {s['share']:>3}% {s['name']}: {reason}")
        care = data["care"]
    elif isinstance(result, InterestsResult):
        click.secho(f"Interest code: {data['code']} ({', '.join(data['code_names'])})", bold=True)
        for tie in data["ties"]:
            click.echo(f"  {', '.join(tie)} score the same (ties are listed in R-I-A-S-E-C order).")
        if data["flat"]:
            click.echo("  Your interests are fairly even: treat the code as a loose guide.")
        for t in data["types"]:
            score = "not scored" if t["score"] is None else f"{t['score']:.0f}/100, OI {t['oi']}"
            click.echo(f"  {t['type']} {t['name']:<13} {score}")
        care = {"shown": False}
    elif isinstance(result, ValuesResult):
        names = {v["id"]: v["name"] for v in data["values"]}
        click.secho(f"Top values: {', '.join(names[t] for t in data['top'])}", bold=True)
        for v in sorted(data["values"], key=lambda v: -(v["score"] or -1)):
            rank = f", ranked {v['rank']}" if v["rank"] else ""
            score = "not scored" if v["score"] is None else f"{v['score']:.0f}/100, EX {v['ex']}"
            click.echo(f"  {v['name']:<19} {score}{rank}")
        care = {"shown": False}
    else:
        click.secho(f"Wellbeing {data['score']:.0f}/100: {data['band']}", bold=True)
        for a in data["answers"]:
            click.echo(f"  {a['text']} {a['answer_label']}")
        care = data["care"]
    click.echo(f"Based on {cov['answered']} of {cov['total']} answers.")
    if care.get("shown"):
        click.secho("\nLooking after yourself", bold=True)
        click.echo(care["message"])
        for r in care["resources"]:
            click.echo(f"  - {r}")


def print_change(comparison: Comparison | None) -> None:
    if comparison is None:
        return
    click.secho("Since last time:", bold=True)
    for note in comparison.notes:
        click.echo(f"  {note}")
    for h in comparison.highlights:
        click.echo(f"  {h.label}: {h.before or '—'} → {h.after or '—'}")
    for ch in comparison.moved:
        if ch.delta is None:
            click.echo(f"  {ch.label}: {ch.direction}")
        else:
            click.echo(
                f"  {ch.label}: {ch.before:.0f} → {ch.after:.0f} ({ch.delta:+.0f}, {ch.direction})"
            )
    if not comparison.moved and not comparison.highlights:
        click.echo("  No score moved by 5 points or more.")


def _command(name: str, title: str) -> click.Command:
    @click.command(name)
    @click.option(
        "--answers",
        type=click.Path(dir_okay=False, path_type=Path, exists=True),
        help="Score answers from a YAML or JSON file instead of asking.",
    )
    @click.option("--json", "as_json", is_flag=True, help="Print the stored result as JSON.")
    @click.option("--restart", is_flag=True, help="Discard saved answers and start again.")
    def command(answers: Path | None, as_json: bool, restart: bool) -> None:
        _run(name, answers, as_json, restart)

    command.help = (
        f"{title}\n\nInteractive by default (progress shown, answers saved as you go, so "
        "you can stop and resume). With --answers FILE, the file is checked in full and "
        "nothing is saved if any answer has a problem.\n\n\b\nExample:\n"
        f"  unstuck assess {name}\n  unstuck assess {name} --answers {name}.yaml --json"
    )
    return command


assess.add_command(_command("rut", "The rut check: how stuck you are, why, and what it points to."))
assess.add_command(_command("interests", "Interests: your RIASEC profile and three-letter code."))
assess.add_command(_command("values", "Work values: O*NET's six, by rating and ranking."))
assess.add_command(_command("wellbeing", "The five-question wellbeing check-in (weekly)."))


@assess.command("items")
@click.argument("name", type=click.Choice(NAMES))
@click.option("--template", is_flag=True, help="Print an answers-file skeleton in YAML.")
@click.option("--json", "as_json", is_flag=True, help="Print the instrument as JSON.")
def items_cmd(name: str, template: bool, as_json: bool) -> None:
    """List a questionnaire's items with their ids (for writing an answers file).

    \b
    Example:
      unstuck assess items rut
      unstuck assess items rut --template > rut.yaml
    """
    from unstuck.core.assess import get_instrument

    instrument = get_instrument(name)
    if as_json:
        echo_json(instrument.to_dict())
        return
    lo, hi = instrument.scale.minimum, instrument.scale.maximum
    if template:
        click.echo(f"# {instrument.name}. {instrument.instructions}")
        labels = ", ".join(f"{lo + n} {lab}" for n, lab in enumerate(instrument.scale.labels))
        click.echo(f"# Answers {lo}-{hi} ({labels}); null skips an item.")
        click.echo(f"instrument: {instrument.id}\nanswers:")
        for item in instrument.items:
            click.echo(f"  {item.id}: null  # {item.text}")
        if instrument.ranking_of:
            click.echo("# Optional: all six, most important first.")
            click.echo(f"# ranking: [{', '.join(instrument.ranking_of)}]")
        return
    click.secho(f"{instrument.name} ({instrument.id})", bold=True)
    for item in instrument.items:
        rev = " (reverse-keyed)" if item.reverse else ""
        click.echo(f"  {item.id:<28} {item.text}{rev}")


@assess.command("history")
@click.argument("name", type=click.Choice(NAMES), required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the history as JSON.")
def history_cmd(name: str | None, as_json: bool) -> None:
    """Completed questionnaires, oldest first, with their instrument version and time.

    \b
    Example:
      unstuck assess history
      unstuck assess history rut --json
    """
    setup()
    from unstuck.app.profile import services

    records = services.history(name)
    if as_json:
        echo_json(
            [
                {
                    "id": r.pk,
                    "instrument": r.instrument_id,
                    "completed_at": r.completed_at.isoformat(),
                    "snapshot": r.snapshot,
                }
                for r in records
            ]
        )
        return
    if not records:
        click.echo("Nothing completed yet. Start with 'unstuck assess rut'.")
        return
    for r in records:
        headline = "; ".join(f"{k}: {v}" for k, v in r.snapshot.get("highlights", {}).items())
        click.echo(f"{r.completed_at:%Y-%m-%d %H:%M}  {r.instrument_id:<15} {headline}")
