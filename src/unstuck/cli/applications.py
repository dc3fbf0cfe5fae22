"""``unstuck applications``: job applications through their stages.

A thin wrapper over :mod:`unstuck.app.applications.services`: each command parses its options,
makes one call and prints the result (``--json`` for programs). A bad value names its field and
nothing is saved (exit 2); an unknown application, posting or resume exits 5; a file that
cannot be read exits 6.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from unstuck.app import setup
from unstuck.cli.common import Date, echo_json, fail, page_footer, page_options, read_input
from unstuck.cli.status import ExitStatus

T = TypeVar("T")


@click.group()
def applications() -> None:
    """Track job applications: stages with their history, the resume sent, no-news
    proposals and funnel rates.

    \b
    Example:
      unstuck applications add --company Initech --title "Data Scientist"
      unstuck applications add --posting 4 --stage applied --resume 2
      unstuck applications move 1 interview --note "with the team lead"
      unstuck applications list --open
      unstuck applications stale
    """


def _fail_from(err: Exception) -> NoReturn:
    from unstuck.app.applications import services

    if isinstance(err, services.ApplicationNotFound):
        fail(str(err), ExitStatus.NOT_FOUND)
    if isinstance(err, services.ApplicationError) and err.not_found:
        fail(f"{err} (nothing was saved)", ExitStatus.NOT_FOUND)
    fail(f"{err} (nothing was saved)", ExitStatus.USAGE)


def _call(f: Callable[[], T]) -> T:
    """Run one service call, its errors turned into a message and an exit status."""
    from unstuck.app.applications import services

    try:
        return f()
    except (services.ApplicationError, services.ApplicationNotFound,
            services.StageListError) as err:
        _fail_from(err)


def _sent(resume_id: int | None, path: Path | None, what: str) -> Any:
    from unstuck.app.applications.services import MAX_FILE_BYTES, Sent

    if resume_id is not None and path is not None:
        fail(f"give the {what} as an imported resume's id or as a file, not both",
             ExitStatus.USAGE)
    if resume_id is not None:
        return Sent(resume_id=resume_id)
    if path is not None:
        return Sent(data=read_input(path, MAX_FILE_BYTES, what), filename=path.name)
    return None


def document_options(f: Any) -> Any:
    f = click.option("--cover-letter-file", type=click.Path(path_type=Path), metavar="FILE",
                     help="The cover letter sent (a file).")(f)
    f = click.option("--resume-file", type=click.Path(path_type=Path), metavar="FILE",
                     help="The resume sent, as a file (a tailored one is its own version).")(f)
    return click.option("--resume", "resume_id", type=int, metavar="ID",
                        help="The resume sent: an imported resume's id "
                             "('unstuck resume list').")(f)


def field_options(f: Any) -> Any:
    """The options of an application's own fields, shared by ``add`` and ``edit``."""
    for option in reversed(_FIELD_OPTIONS):
        f = option(f)
    return f


_FIELD_OPTIONS = [
    click.option("--company", help="The employer (needed unless a posting names it)."),
    click.option("--title", "role_title", help="The role (needed unless a posting names it)."),
    click.option("--target", "target_code", metavar="CODE",
                 help="The O*NET occupation it is for."),
    click.option("--source", help="Where you found it or who referred you."),
    click.option("--salary-min", metavar="AMOUNT"),
    click.option("--salary-max", metavar="AMOUNT"),
    click.option("--currency", "salary_currency", metavar="CODE", help="e.g. USD."),
    click.option("--period", "salary_period",
                 type=click.Choice(["year", "month", "week", "day", "hour"])),
    click.option("--next-action", metavar="TEXT"),
    click.option("--next-action-on", type=Date(), help="When the next action is due."),
    click.option("--notes", metavar="TEXT"),
]


def _one_line(row: dict[str, Any]) -> str:
    since = row["stage_since"][:10]
    target = f"  [{row['target_code']}]" if row["target_code"] else ""
    return (f"{row['id']:>4}  {row['stage_name']:<14} since {since}  "
            f"{row['role_title']} at {row['company']}{target}")


@applications.command("add")
@click.option("--posting", "posting_id", type=int, metavar="ID",
              help="A saved posting ('unstuck posting list'): its employer, title, occupation, "
                   "stated pay and text are kept with the application.")
@field_options
@click.option("--stage", metavar="STAGE", help="Where it starts (default: Saved).")
@click.option("--on", "at", type=Date(), help="The day it entered that stage (default: today).")
@document_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def add_cmd(posting_id: int | None, stage: str | None, at: date | None,
            resume_id: int | None, resume_file: Path | None, cover_letter_file: Path | None,
            as_json: bool, **fields: Any) -> None:
    """Add an application by hand or from a saved posting. It starts as Saved unless
    --stage says otherwise; every stage past Saved (but the ends) needs the resume sent.

    \b
    Example:
      unstuck applications add --company Initech --title "Data Scientist" --source referral
      unstuck applications add --posting 4 --stage applied --on 2026-11-20 --resume 2
      unstuck applications add --company Globex --title Analyst --stage applied \\
          --resume-file cv-globex.docx --cover-letter-file letter.pdf --json
    """
    setup()
    from unstuck.app.applications import services

    resume = _sent(resume_id, resume_file, "resume")
    letter = _sent(None, cover_letter_file, "cover letter")
    given = {k: v for k, v in fields.items() if v is not None}
    added = _call(lambda: services.add(posting_id=posting_id, stage=stage, at=at,
                                       resume=resume, cover_letter=letter, **given))
    row = services.row(added.application)
    said = [w.message for w in added.warnings]
    if as_json:
        echo_json({**row, "warnings": said})
        return
    click.echo(f"Application {row['id']}: {row['role_title']} at {row['company']} "
               f"({row['stage_name']})")
    for message in said:
        click.secho(f"Note: {message}", fg="yellow")


@applications.command("edit")
@click.argument("application_id", type=int)
@field_options
@click.option("--clear", "clear", multiple=True,
              type=click.Choice(["target", "source", "salary-min", "salary-max", "currency",
                                 "period", "next-action", "next-action-on", "notes"]),
              help="Empty a field (again for more).")
@document_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def edit_cmd(application_id: int, clear: tuple[str, ...], resume_id: int | None,
             resume_file: Path | None, cover_letter_file: Path | None, as_json: bool,
             **fields: Any) -> None:
    """Change an application's fields (the next action, notes, salary...) or the documents
    recorded as sent; its stage changes with 'move'.

    \b
    Example:
      unstuck applications edit 3 --next-action "Follow up with Sam" --next-action-on 2026-12-10
      unstuck applications edit 3 --clear salary-max --json
    """
    setup()
    from unstuck.app.applications import services

    names = {"target": "target_code", "currency": "salary_currency",
             "period": "salary_period"}
    given = {k: v for k, v in fields.items() if v is not None}
    for option in clear:
        field = names.get(option, option.replace("-", "_"))
        if field in given:
            fail(f"--clear {option} and a value for it: give one", ExitStatus.USAGE)
        given[field] = None
    resume = _sent(resume_id, resume_file, "resume")
    letter = _sent(None, cover_letter_file, "cover letter")
    if not given and resume is None and letter is None:
        fail("nothing to change: give a field, --clear or a document", ExitStatus.USAGE)
    app = _call(lambda: services.update(application_id, resume=resume, cover_letter=letter,
                                        **given))
    row = services.row(app)
    if as_json:
        echo_json(row)
        return
    click.echo(f"Application {row['id']} updated: {row['role_title']} at {row['company']}.")


@applications.command("move")
@click.argument("application_id", type=int)
@click.argument("stage")
@click.option("--note", default="", help="What happened.")
@click.option("--on", "at", type=Date(), help="The day it happened (default: today).")
@click.option("--round", "round_number", type=click.IntRange(1, 100),
              help="The interview round (default: the next one).")
@document_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def move_cmd(application_id: int, stage: str, note: str, at: date | None,
             round_number: int | None, resume_id: int | None, resume_file: Path | None,
             cover_letter_file: Path | None, as_json: bool) -> None:
    """Move an application to STAGE (a stage's name or key; back as well as forward, every
    move is kept in its history). Entering Interview again starts the next round.

    \b
    Example:
      unstuck applications move 3 applied --resume 2
      unstuck applications move 3 interview --on 2026-12-01 --note "with the team lead"
      unstuck applications move 3 "no response"
    """
    setup()
    from unstuck.app.applications import services

    resume = _sent(resume_id, resume_file, "resume")
    letter = _sent(None, cover_letter_file, "cover letter")
    app = _call(lambda: services.move(application_id, stage, at=at, round_number=round_number,
                                      note=note, resume=resume, cover_letter=letter))
    row = services.row(app)
    if as_json:
        echo_json(row)
        return
    click.echo(f"Application {row['id']} is now in {row['stage_name']}.")


@applications.command("list")
@click.option("--stage", metavar="STAGE", help="Only those now in this stage.")
@click.option("--company", help="Only those to this employer.")
@click.option("--target", "target_code", metavar="CODE", help="Only those for this occupation.")
@click.option("--open", "open_only", is_flag=True, help="Only those not ended.")
@click.option("--due", is_flag=True,
              help="Only those whose next action is due by today, soonest due first.")
@click.option("--today", type=Date(), help="With --due: the day to count to.")
@page_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def list_cmd(stage: str | None, company: str | None, target_code: str | None,
             open_only: bool, due: bool, today: date | None, limit: int, offset: int,
             as_json: bool) -> None:
    """The applications, newest first, a page at a time.

    \b
    Example:
      unstuck applications list --open
      unstuck applications list --stage interview --json
      unstuck applications list --due
    """
    setup()
    from django.utils import timezone

    from unstuck.app.applications import services

    if today is not None and not due:
        fail("--today goes with --due", ExitStatus.USAGE)
    due_by = (today or timezone.localdate()) if due else None
    found = _call(lambda: services.list_applications(stage=stage, company=company,
                                                     target_code=target_code,
                                                     open_only=open_only, due_by=due_by))
    total = found.count()
    listed = services.stages()
    rows = [services.row(a, listed) for a in found[offset: offset + limit]]
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        click.echo(_one_line(row))
        if due:
            action = row["next_action"] or "(no action named)"
            click.echo(f"      due {row['next_action_on']}: {action}")
    if not rows:
        click.echo("No applications here: unstuck applications add" if not total else
                   f"No applications past {total}: use a smaller --offset")
    page_footer(len(rows), offset, total, "applications")


@applications.command("show")
@click.argument("application_id", type=int)
@click.option("--today", type=Date(), help="Count days of no news to this day.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def show_cmd(application_id: int, today: date | None, as_json: bool) -> None:
    """One application: its fields, the documents sent, the full stage history and warnings.

    \b
    Example:
      unstuck applications show 3
      unstuck applications show 3 --json
    """
    setup()
    from unstuck.app.applications import services

    d = _call(lambda: services.detail(application_id, today=today))
    if as_json:
        echo_json(d)
        return
    click.echo(f"{d['role_title']} at {d['company']}  (application {d['id']})")
    click.echo(f"Stage: {d['stage_name']} since {d['stage_since'][:10]}")
    for label, key in (("Target", "target_code"), ("Source", "source"),
                       ("Posting", "posting_source"), ("Next action", "next_action"),
                       ("Due", "next_action_on"), ("Snoozed until", "snoozed_until")):
        if d[key]:
            click.echo(f"{label}: {d[key]}")
    if d["salary_min"] or d["salary_max"]:
        pay = " - ".join(v for v in (d["salary_min"], d["salary_max"]) if v)
        extra = " ".join(v for v in (d["salary_currency"], d["salary_period"] and
                                     f"a {d['salary_period']}") if v)
        click.echo(f"Salary: {pay} {extra}".rstrip())
    for label, key in (("Resume sent", "resume"), ("Cover letter sent", "cover_letter")):
        doc = d[key]
        if doc is None:
            click.echo(f"{label}: none recorded")
        else:
            known = doc["sha256"][:12] if doc["sha256"] else "known by name only"
            click.echo(f"{label}: {doc['filename'] or '(no name)'} ({known})")
    click.echo("History:")
    for h in d["history"]:
        name = f"{h['name']} {h['round']}" if h["round"] else h["name"]
        click.echo(f"  {h['at'][:10]}  {name}" + (f"  - {h['note']}" if h["note"] else ""))
    if d["quiet"]:
        q = d["quiet"]
        click.secho(f"No news for {q['days_quiet']} days: move it to {q['propose_name']}? "
                    f"'unstuck applications confirm {d['id']}'", fg="yellow")
    for w in d["warnings"]:
        click.secho(f"Note: {w['message']}", fg="yellow")
    if d["notes"]:
        click.echo(f"Notes:\n{d['notes']}")


@applications.command("stale")
@click.option("--today", type=Date(), help="Count days of no news to this day.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def stale_cmd(today: date | None, as_json: bool) -> None:
    """Applications with no news for longer than their stage waits, proposed as No response.
    Nothing moves until you confirm, dismiss or snooze each.

    \b
    Example:
      unstuck applications stale
      unstuck applications stale --today 2026-12-31 --json
    """
    setup()
    from unstuck.app.applications import services

    found = [services.quiet_dict(p) for p in services.quiet(today=today)]
    if as_json:
        echo_json(found)
        return
    for p in found:
        app = services.get(p["application"])
        click.echo(f"{app.pk:>4}  {app.role_title} at {app.company}: no news for "
                   f"{p['days_quiet']} days in {p['stage_name']} (waits {p['quiet_days']})")
    if found:
        click.echo("Confirm with 'unstuck applications confirm ID', keep waiting with "
                   "'dismiss ID' or 'snooze ID --days N'.")
    else:
        click.echo("No application is waiting past its stage's limit.")


@applications.command("confirm")
@click.argument("application_ids", type=int, nargs=-1, required=True)
@click.option("--today", type=Date(), help="Count days of no news to this day.")
def confirm_cmd(application_ids: tuple[int, ...], today: date | None) -> None:
    """Confirm no-news proposals: each application moves to No response (kept in its
    history). All or none: an id that is not proposed stops before any moves.

    \b
    Example:
      unstuck applications confirm 3 7
    """
    setup()
    from django.db import transaction

    from unstuck.app.applications import services

    def confirm_all() -> None:
        with transaction.atomic():
            for pk in application_ids:
                services.confirm_quiet(pk, today=today)

    _call(confirm_all)
    click.echo(f"Moved {len(application_ids)} application(s) to No response.")


@applications.command("dismiss")
@click.argument("application_id", type=int)
@click.option("--today", type=Date(), help="Count days of no news to this day.")
def dismiss_cmd(application_id: int, today: date | None) -> None:
    """Keep waiting: no more no-news proposals for this application until it moves.

    \b
    Example:
      unstuck applications dismiss 3
    """
    setup()
    from unstuck.app.applications import services

    _call(lambda: services.dismiss_quiet(application_id, today=today))
    click.echo(f"Application {application_id} stays where it is.")


@applications.command("link")
@click.argument("application_id", type=int)
@click.option("--person", "person_id", type=int, metavar="ID",
              help="Someone in your people (unstuck people list).")
@click.option("--name", help="Or a new person's name: added at the application's employer.")
@click.option("--as", "part", required=True, metavar="PART",
              help="Their part: recruiter, interviewer, referrer, hiring manager or other.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def link_cmd(application_id: int, person_id: int | None, name: str | None, part: str,
             as_json: bool) -> None:  # fmt: skip
    """Link a person to an application: the recruiter, an interviewer, who referred you.

    \b
    Examples:
      unstuck applications link 3 --name "Maria Lopez" --as recruiter
      unstuck applications link 3 --person 12 --as interviewer
    """
    setup()
    from unstuck.app.applications import services

    if (person_id is None) == (name is None):
        _fail_from(services.ApplicationError("person", "give --person ID or --name NAME"))
    link = _call(
        lambda: services.link_person(application_id, person_id, part)
        if person_id is not None
        else services.link_new_person(application_id, name or "", part)
    )
    people = services.people_of(application_id)
    if as_json:
        echo_json({"application": application_id, "people": people})
        return
    who = next(p for p in people if p["id"] == link.contact_id)
    click.echo(f"{who['name']} is linked to application {application_id} as {link.part}.")


@applications.command("unlink")
@click.argument("application_id", type=int)
@click.argument("person_id", type=int)
@click.option("--as", "part", metavar="PART", help="Only this part (default: every part).")
def unlink_cmd(application_id: int, person_id: int, part: str | None) -> None:
    """Remove a person's link to an application (the person stays in your people).

    \b
    Example:
      unstuck applications unlink 3 12
    """
    setup()
    from unstuck.app.applications import services

    n = _call(lambda: services.unlink_person(application_id, person_id, part))
    click.echo(f"{n} link{'s' if n != 1 else ''} removed.")


@applications.command("snooze")
@click.argument("application_id", type=int)
@click.option("--days", type=int, required=True, help="Ask again in this many days (1-365).")
@click.option("--today", type=Date(), help="Count from this day.")
def snooze_cmd(application_id: int, days: int, today: date | None) -> None:
    """Ask again later whether an application had no response.

    \b
    Example:
      unstuck applications snooze 3 --days 7
    """
    setup()
    from unstuck.app.applications import services

    app = _call(lambda: services.snooze(application_id, days, today=today))
    click.echo(f"Application {application_id}: asked again from {app.snoozed_until}.")


@applications.command("funnel")
@click.option("--by", type=click.Choice(["resume", "occupation"]),
              help="One funnel per resume version sent or per target occupation.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def funnel_cmd(by: str | None, as_json: bool) -> None:
    """Funnel rates: of the applications that reached each stage, the share that reached the
    next (a skipped stage counts as passed; the ends other than Accepted are not stages of
    the funnel).

    \b
    Example:
      unstuck applications funnel
      unstuck applications funnel --by resume --json
    """
    setup()
    from unstuck.app.applications import services

    groups = services.funnel(by=by)
    if as_json:
        echo_json([{"group": g.key, "label": g.label, "applications": g.funnel.applications,
                    "steps": g.funnel.steps} for g in groups])
        return
    if not groups:
        click.echo("No applications yet: unstuck applications add")
    for g in groups:
        click.echo(f"{g.label}: {g.funnel.applications} application(s)")
        for s in g.funnel.steps:
            rate = f"{s.rate:.0%} reached the next" if s.rate is not None else ""
            click.echo(f"  {s.name:<16} {s.reached:>5}  {rate}".rstrip())


@applications.command("export")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to FILE instead of standard output.")
def export_cmd(output: Path | None) -> None:
    """Every application as CSV (one row each, its stage history in one column).

    \b
    Example:
      unstuck applications export -o applications.csv
    """
    setup()
    from unstuck.app.applications import services

    text = services.export_csv()
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8", newline="")  # the CSV's own line ends
    except OSError as exc:
        fail(f"{output}: cannot be written ({exc.strerror or exc})", ExitStatus.INVALID_INPUT)
    click.echo(f"Wrote {output}", err=True)


@applications.command("import")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def import_cmd(path: Path, as_json: bool) -> None:
    """Add the applications of a CSV file (the columns 'export' writes; company and
    role_title are needed). All or nothing: every bad row is named, and then nothing is
    saved; rows already here are skipped and said.

    \b
    Example:
      unstuck applications import applications.csv
    """
    setup()
    from unstuck.app.applications import services

    data = read_input(path, services.MAX_IMPORT_BYTES, "CSV file")
    try:
        done = services.import_csv(data)
    except services.CsvImportError as err:
        for problem in err.problems:
            click.secho(f"Error: {path.name}: {problem}", fg="red", err=True)
        fail(f"{path.name}: nothing was imported", ExitStatus.INVALID_INPUT)
    if as_json:
        echo_json({"read": done.read, "imported": list(done.imported),
                   "skipped": [{"line": line, "why": why} for line, why in done.skipped]})
        return
    click.echo(f"Read {done.read} row(s): imported {len(done.imported)}, "
               f"skipped {len(done.skipped)}.")
    for line, why in done.skipped:
        click.echo(f"  line {line}: {why}")


@applications.command("stages")
@click.option("--rename", nargs=2, metavar="STAGE NAME", help="Give a stage a new name.")
@click.option("--wait", nargs=2, metavar="STAGE DAYS",
              help="Days without news before a stage proposes No response ('none': never).")
@click.option("--add", "add_name", metavar="NAME", help="Add a stage (after the last step).")
@click.option("--after", metavar="STAGE", help="With --add: the stage it comes after.")
@click.option("--kind", type=click.Choice(["step", "success", "exit"]),
              help="With --add: a step on the way (default), a success or an exit (an end "
                   "off the way, such as 'Position closed').")
@click.option("--remove", metavar="STAGE", help="Remove a stage no application has used.")
@click.option("--order", metavar="KEY,KEY,...", help="Put every stage in this order.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def stages_cmd(rename: tuple[str, str] | None, wait: tuple[str, str] | None,
               add_name: str | None, after: str | None, kind: str | None,
               remove: str | None,
               order: str | None, as_json: bool) -> None:
    """The stage list, and changes to it (one change a call).

    \b
    Example:
      unstuck applications stages
      unstuck applications stages --rename screening "Phone screen"
      unstuck applications stages --wait applied 21
      unstuck applications stages --add "Take-home task" --after screening
      unstuck applications stages --add "Position closed" --kind exit
    """
    setup()
    from unstuck.app.applications import services

    changes = [c for c in (rename, wait, add_name, remove, order) if c]
    if len(changes) > 1:
        fail("one change a call: --rename, --wait, --add, --remove or --order",
             ExitStatus.USAGE)
    if (after or kind) and not add_name:
        fail("--after and --kind go with --add", ExitStatus.USAGE)
    if rename:
        _call(lambda: services.rename_stage(*rename))
    elif wait:
        days = None if wait[1].lower() == "none" else _int(wait[1], "--wait DAYS")
        _call(lambda: services.set_quiet_days(wait[0], days))
    elif add_name:
        _call(lambda: services.add_stage(add_name, after=after, kind=kind or "step"))
    elif remove:
        _call(lambda: services.remove_stage(remove))
    elif order:
        _call(lambda: services.reorder_stages([k.strip() for k in order.split(",")]))
    listed = services.stages()
    if as_json:
        echo_json([{"key": s.key, "name": s.name, "kind": s.kind, "quiet_days": s.quiet_days,
                    "rounds": s.rounds} for s in listed])
        return
    for s in listed:
        notes = [s.kind] if s.terminal else []
        if s.quiet_days is not None:
            notes.append(f"no news after {s.quiet_days} days")
        if s.rounds:
            notes.append("in rounds")
        click.echo(f"{s.key:<20} {s.name:<20} {', '.join(notes)}".rstrip())


def _int(text: str, what: str) -> int:
    try:
        return int(text)
    except ValueError:
        fail(f"{what}: {text[:20]!r} is not a whole number", ExitStatus.USAGE)
