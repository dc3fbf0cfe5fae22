"""``unstuck people``: contacts, their roles, interactions, follow-ups and informational
interviews; contacts in from vCard and LinkedIn files and out to vCard.

A thin wrapper over :mod:`unstuck.app.people.services`. A bad value exits 2 and stores
nothing; an unknown contact or interview exits 5; a file that cannot be imported exits 6 with
one line per bad row or card, and nothing of it is stored.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click

from unstuck.app import setup
from unstuck.cli.common import Date, echo_json, fail, load_kb, read_input
from unstuck.cli.status import ExitStatus

MAX_SHOWN_PROBLEMS = 50


@click.group()
def people() -> None:
    """The people who open doors: contacts, follow-ups, informational interviews.

    \b
    Example:
      unstuck people add "Ann Lee" --at "Acme" --title "Data Scientist" --tag mentor --cadence 30
      unstuck people log 1 coffee --notes "Talked about the analytics team"
      unstuck people due
      unstuck people who --at Acme
      unstuck people import Connections.csv
      unstuck people export -o contacts.vcf
    """


def _today(value: date | None) -> date:
    from unstuck.app.people import services

    return value or services.today()


def _pair(value: str, what: str) -> tuple[str, tuple[str, ...]]:
    """``work,pref:ann@example.org`` -> (address, types); no types before a ``:`` is fine.
    A phone number's own ``:`` never comes first, so only a leading word list is types."""
    head, sep, rest = value.partition(":")
    if head.strip().casefold() in ("mailto", "tel"):  # a URI, not types
        return value.strip(), ()
    if sep and head and all(part.strip().isalnum() for part in head.split(",")) and rest:
        return rest.strip(), tuple(p.strip() for p in head.split(","))
    return value.strip(), ()


def _contact_row(c: Any, today: date) -> dict[str, Any]:
    from unstuck.app.people import services

    state = services.follow_up(c, today)
    return {
        "id": c.pk,
        "name": c.name,
        "how_known": c.how_known or None,
        "emails": c.emails,
        "phones": c.phones,
        "urls": c.urls,
        "tags": c.tags,
        "roles": [
            {"organisation": r.organisation.name if r.organisation else None,
             "title": r.title or None,
             "start": r.start.isoformat() if r.start else None,
             "end": r.end.isoformat() if r.end else None}
            for r in c.roles.all()
        ],
        "notes": c.notes or None,
        "cadence_days": c.cadence_days,
        "known_since": c.known_since.isoformat() if c.known_since else None,
        "last_interaction": c.last_interaction.isoformat()
        if getattr(c, "last_interaction", None) else None,
        "follow_up": {
            "status": state.status,
            "due": state.due.isoformat() if state.due else None,
            "days": state.days,
            "snoozed": state.snoozed,
        },
    }


def _role_words(row: dict[str, Any]) -> str:
    role = next((r for r in row["roles"] if r["end"] is None), None)
    if role is None:
        return ""
    at = f" at {role['organisation']}" if role["organisation"] else ""
    return f"{role['title'] or ''}{at}".strip()


def _due_words(state: dict[str, Any]) -> str:
    if state["status"] == "none":
        return ""
    days = state["days"]
    if state["status"] == "overdue":
        return f"overdue by {-days} day(s) (since {state['due']})"
    if state["status"] == "due":
        return "due today"
    return f"due in {days} day(s) ({state['due']})"


def _run(call: Any) -> Any:
    """Run a service call, turning its errors into the command's exit statuses."""
    from unstuck.app.people import services

    try:
        return call()
    except services.PeopleError as err:
        fail(f"{err} (nothing was saved)", ExitStatus.USAGE)
    except LookupError as err:
        fail(str(err).strip("'\""), ExitStatus.NOT_FOUND)


@people.command("add")
@click.argument("name")
@click.option("--email", "emails", multiple=True, metavar="[TYPES:]ADDRESS",
              help="An email address, types first if any (work:ann@example.org); repeat.")
@click.option("--phone", "phones", multiple=True, metavar="[TYPES:]NUMBER",
              help="A phone number, types first if any (cell:+1 555 0100); repeat.")
@click.option("--at", "organisation", metavar="ORGANISATION", help="Where they work now.")
@click.option("--title", help="Their job title there.")
@click.option("--tag", "tags", multiple=True,
              help="mentor, peer, recruiter, referral, alumni or your own; repeat.")
@click.option("--how", "how_known", default="", help="How you know them.")
@click.option("--notes", default="", help="Anything to remember.")
@click.option("--url", "urls", multiple=True, help="A web address (their LinkedIn); repeat.")
@click.option("--cadence", type=click.IntRange(1, 3650), metavar="DAYS",
              help="Follow up this many days after you last were in touch.")
@click.option("--today", type=Date(), help="The date to count follow-ups from (default today).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def add_cmd(name: str, emails: tuple[str, ...], phones: tuple[str, ...],
            organisation: str | None, title: str | None, tags: tuple[str, ...], how_known: str,
            notes: str, urls: tuple[str, ...], cadence: int | None, today: date | None,
            as_json: bool) -> None:
    """Add a person.

    \b
    Example:
      unstuck people add "Ann Lee" --email work:ann@acme.example --at Acme \\
        --title "Data Scientist" --tag mentor --how "Met at PyData" --cadence 30
    """
    setup()
    from unstuck.app.people import services
    from unstuck.text.contacts import ContactRecord, Email, Phone, RoleRecord

    record = ContactRecord(
        name=name,
        emails=tuple(Email(*_pair(e, "email")) for e in emails),
        phones=tuple(Phone(*_pair(p, "phone")) for p in phones),
        roles=(RoleRecord(organisation or "", title or ""),) if organisation or title else (),
        tags=tags, notes=notes, how_known=how_known, urls=urls, cadence_days=cadence,
    )
    contact = _run(lambda: services.add_contact(record))
    row = _contact_row(services.get_contact(contact.pk), _today(today))
    if as_json:
        echo_json(row)
        return
    click.echo(f"Added {row['name']} (id {row['id']}).")


@people.command("edit")
@click.argument("contact_id", type=int)
@click.option("--name", help="Their name as you write it.")
@click.option("--how", "how_known", help="How you know them (replaces what was there).")
@click.option("--notes", help="Notes (replace what was there).")
@click.option("--cadence", type=click.IntRange(1, 3650), metavar="DAYS",
              help="Follow up this many days after you last were in touch.")
@click.option("--no-cadence", is_flag=True, help="Stop following up with them.")
@click.option("--tag", "tags", multiple=True, help="Add a tag; repeat.")
@click.option("--untag", "untags", multiple=True, help="Remove a tag; repeat.")
@click.option("--email", "emails", multiple=True, metavar="[TYPES:]ADDRESS",
              help="Add an email address; repeat.")
@click.option("--phone", "phones", multiple=True, metavar="[TYPES:]NUMBER",
              help="Add a phone number; repeat.")
@click.option("--url", "urls", multiple=True, help="Add a web address; repeat.")
@click.option("--today", type=Date(), help="The date follow-ups are judged on (default today).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def edit_cmd(contact_id: int, name: str | None, how_known: str | None, notes: str | None,
             cadence: int | None, no_cadence: bool, tags: tuple[str, ...],
             untags: tuple[str, ...], emails: tuple[str, ...], phones: tuple[str, ...],
             urls: tuple[str, ...], today: date | None, as_json: bool) -> None:
    """Change what you keep about a person; what you do not name stays as it is.

    \b
    Example:
      unstuck people edit 1 --tag referral --cadence 60 --email home:ann@mail.example
    """
    setup()
    from unstuck.app.people import services
    from unstuck.text.contacts import Email, Phone

    contact = services.get_contact(contact_id)
    if contact is None:
        fail(f"no contact {contact_id}", ExitStatus.NOT_FOUND)
    record = services.to_record(contact)
    changes: dict[str, Any] = {}
    if name is not None:
        changes["name"] = name
    if how_known is not None:
        changes["how_known"] = how_known
    if notes is not None:
        changes["notes"] = notes
    if cadence is not None or no_cadence:
        changes["cadence_days"] = None if no_cadence else cadence
    if tags or untags:
        dropped = {t.casefold() for t in untags}
        changes["tags"] = tuple(t for t in (*record.tags, *tags) if t.casefold() not in dropped)
    if emails:
        changes["emails"] = (*record.emails, *(Email(*_pair(e, "email")) for e in emails))
    if phones:
        changes["phones"] = (*record.phones, *(Phone(*_pair(p, "phone")) for p in phones))
    if urls:
        changes["urls"] = (*record.urls, *urls)
    _run(lambda: services.edit_contact(contact_id, **changes))
    row = _contact_row(services.get_contact(contact_id), _today(today))
    if as_json:
        echo_json(row)
        return
    click.echo(f"Updated {row['name']} (id {row['id']}).")


@people.command("role")
@click.argument("contact_id", type=int)
@click.option("--at", "organisation", metavar="ORGANISATION", default="",
              help="The organisation.")
@click.option("--title", default="", help="The job title.")
@click.option("--start", type=Date(), help="When it started, if you know.")
@click.option("--end", type=Date(), help="When it ended (none: they hold it now).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def role_cmd(contact_id: int, organisation: str, title: str, start: date | None,
             end: date | None, as_json: bool) -> None:
    """Add a role a person holds or held (they keep their others).

    \b
    Example:
      unstuck people role 1 --at Globex --title "Head of Data" --start 2026-02-01
      unstuck people role 1 --at Initech --title Analyst --start 2015-01-01 --end 2019-12-31
    """
    if not (organisation or title):
        fail("say --at, --title or both", ExitStatus.USAGE)
    setup()
    from unstuck.app.people import services

    contact = _run(lambda: services.add_role(contact_id, organisation, title, start, end))
    row = _contact_row(services.get_contact(contact.pk), services.today())
    if as_json:
        echo_json(row)
        return
    click.echo(f"{row['name']} now has {len(row['roles'])} role(s).")


@people.command("remove")
@click.argument("ids", nargs=-1, type=int, required=True)
def remove_cmd(ids: tuple[int, ...]) -> None:
    """Forget people by id, with their roles, interactions and interviews.

    \b
    Example:
      unstuck people remove 4 5
    """
    setup()
    from unstuck.app.people import services

    missing = [i for i in ids if not services.remove_contact(i)]
    if missing:
        fail(f"no contact {', '.join(map(str, missing))}", ExitStatus.NOT_FOUND)
    click.echo(f"Removed {len(ids)} person(s).")


@people.command("show")
@click.argument("contact_id", type=int)
@click.option("--today", type=Date(), help="The date follow-ups are judged on (default today).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def show_cmd(contact_id: int, today: date | None, as_json: bool) -> None:
    """A person: roles, follow-up, interactions.

    \b
    Example:
      unstuck people show 1 --json
    """
    setup()
    from unstuck.app.people import services

    contact = services.get_contact(contact_id)
    if contact is None:
        fail(f"no contact {contact_id}", ExitStatus.NOT_FOUND)
    row = _contact_row(contact, _today(today))
    row["interactions"] = [
        {"id": i.pk, "kind": i.kind, "date": i.date.isoformat(), "notes": i.notes or None}
        for i in services.interactions(contact_id)
    ]
    if as_json:
        echo_json(row)
        return
    click.echo(f"{row['name']} (id {row['id']})")
    for r in row["roles"]:
        dates = " - ".join(d or "?" for d in (r["start"], r["end"])) if r["start"] or r["end"] \
            else ""
        click.echo(f"  {r['title'] or ''}{' at ' + r['organisation'] if r['organisation'] else ''}"
                   f"{'  ' + dates if dates else ''}")
    for e in row["emails"]:
        click.echo(f"  email {e['address']}{_types(e['types'])}")
    for p in row["phones"]:
        click.echo(f"  phone {p['number']}{_types(p['types'])}")
    if row["tags"]:
        click.echo("  tags: " + ", ".join(row["tags"]))
    if row["how_known"]:
        click.echo(f"  how you know them: {row['how_known']}")
    due = _due_words(row["follow_up"])
    if due:
        click.echo(f"  follow-up every {row['cadence_days']} days: {due}")
    for i in row["interactions"]:
        first = i["notes"].splitlines()[0] if i["notes"] else ""
        click.echo(f"  {i['date']}  {i['kind']}{': ' + first if first else ''}")


def _types(types: list[str]) -> str:
    return f" ({', '.join(types)})" if types else ""


@people.command("log")
@click.argument("contact_id", type=int)
@click.argument("kind", type=click.Choice(
    ["call", "coffee", "message", "event", "informational-interview"], case_sensitive=False))
@click.option("--date", "when", type=Date(), help="When it happened (default today).")
@click.option("--notes", default="", help="What you talked about, what to do next.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def log_cmd(contact_id: int, kind: str, when: date | None, notes: str, as_json: bool) -> None:
    """Log a call, coffee, message, event or informational interview; the follow-up counts
    from it.

    \b
    Example:
      unstuck people log 1 coffee --date 2026-03-02 --notes "Intro to their manager"
    """
    setup()
    from unstuck.app.people import services

    day = _today(when)
    found = _run(lambda: services.log_interaction(contact_id, kind, day, notes))
    contact = services.get_contact(contact_id)
    row = {"id": found.pk, "contact": contact_id, "kind": found.kind,
           "date": found.date.isoformat(), "notes": found.notes or None,
           "follow_up": _contact_row(contact, day)["follow_up"]}
    if as_json:
        echo_json(row)
        return
    due = _due_words(row["follow_up"])
    click.echo(f"Logged {found.kind} with {contact.name} on {found.date}."
               + (f" Next follow-up {due}." if due else ""))


@people.command("list")
@click.option("--tag", help="Only people with this tag.")
@click.option("--today", type=Date(), help="The date follow-ups are judged on (default today).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def list_cmd(tag: str | None, today: date | None, as_json: bool) -> None:
    """Everyone, by name, with their current role and follow-up.

    \b
    Example:
      unstuck people list --tag mentor
    """
    setup()
    from unstuck.app.people import services

    day = _today(today)
    rows = [_contact_row(c, day) for c, _ in services.list_contacts(today=day, tag=tag)]
    _print_contacts(rows, as_json, "No people yet: unstuck people add NAME, or import a file.")


def _print_contacts(rows: list[dict[str, Any]], as_json: bool, empty: str) -> None:
    if as_json:
        echo_json(rows)
        return
    if not rows:
        click.echo(empty)
    for row in rows:
        role = _role_words(row)
        due = _due_words(row["follow_up"])
        click.echo(f"{row['id']:>4}  {row['name']}{'  - ' + role if role else ''}"
                   f"{'  [' + ', '.join(row['tags']) + ']' if row['tags'] else ''}"
                   f"{'  ' + due if due else ''}")


@people.command("due")
@click.option("--within", type=click.IntRange(0, 3650), default=0, show_default=True,
              metavar="DAYS", help="Also those due within this many days.")
@click.option("--today", type=Date(), help="The date follow-ups are judged on (default today).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def due_cmd(within: int, today: date | None, as_json: bool) -> None:
    """Who is due for a follow-up, most overdue first (counted from the last interaction).

    \b
    Example:
      unstuck people due --within 7
    """
    setup()
    from unstuck.app.people import services

    day = _today(today)
    rows = [_contact_row(c, day)
            for c, _ in services.list_contacts(today=day, due_within=within)]
    _print_contacts(rows, as_json, "Nobody is due for a follow-up.")


@people.command("snooze")
@click.argument("contact_id", type=int)
@click.argument("days", type=click.IntRange(1, 3650))
@click.option("--today", type=Date(), help="The day the snooze starts (default today).")
def snooze_cmd(contact_id: int, days: int, today: date | None) -> None:
    """Put a follow-up off for DAYS days (logging an interaction ends the snooze).

    \b
    Example:
      unstuck people snooze 1 14
    """
    setup()
    from unstuck.app.people import services

    until = _run(lambda: services.snooze(contact_id, days, _today(today)))
    click.echo(f"Snoozed until {until}.")


@people.command("who")
@click.option("--at", "organisation", metavar="ORGANISATION", help="Who works or worked there.")
@click.option("--title", metavar="WORDS", help="Whose job title holds these words.")
@click.option("--occupation", metavar="CODE",
              help="Whose job title is this O*NET occupation (needs the knowledge base).")
@click.option("--target", "in_target", is_flag=True,
              help="In the occupation your plan targets ('unstuck plan target').")
@click.option("--current", is_flag=True, help="Only roles they hold now (no end date).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def who_cmd(organisation: str | None, title: str | None, occupation: str | None,
            in_target: bool, current: bool, as_json: bool) -> None:
    """Who do I know at an organisation, in a role, or in an occupation?

    \b
    Example:
      unstuck people who --at "Acme Inc"
      unstuck people who --title analyst --current
      unstuck people who --occupation 15-2051.00
      unstuck people who --target
    """
    if not (organisation or title or occupation or in_target):
        fail("say --at, --title, --occupation or --target", ExitStatus.USAGE)
    if in_target:
        setup()
        from unstuck.app.plan import services as plan_services

        occupation = plan_services.get_state().target_code or None
        if occupation is None:
            fail("your plan has no target yet: unstuck plan target CODE", ExitStatus.NOT_FOUND)
    kb = load_kb() if occupation else None
    if kb is not None and occupation and occupation not in kb.titles:
        fail(f"no occupation {occupation} in the knowledge base", ExitStatus.NOT_FOUND)
    setup()
    from unstuck.app.people import services

    found = _run(lambda: services.who(at=organisation, title=title, occupation=occupation,
                                      kb=kb, current=current))
    rows = [{"id": k.contact.pk, "name": k.contact.name,
             "organisation": k.role.organisation.name if k.role.organisation else None,
             "title": k.role.title or None, "current": k.role.end is None,
             "occupation": k.occupation} for k in found]
    if as_json:
        echo_json(rows)
        return
    if not rows:
        click.echo("Nobody you know matches.")
    for row in rows:
        at = f" at {row['organisation']}" if row["organisation"] else ""
        click.echo(f"{row['id']:>4}  {row['name']}  - {row['title'] or ''}{at}"
                   f"{'' if row['current'] else ' (before)'}")


@people.command("organisations")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def organisations_cmd(as_json: bool) -> None:
    """The organisations where people you know work or worked, the most people first.

    \b
    Example:
      unstuck people organisations
    """
    setup()
    from unstuck.app.people import services

    rows = [{"id": r.organisation.pk, "name": r.organisation.name, "now": r.now,
             "before": r.before} for r in services.organisations()]
    if as_json:
        echo_json(rows)
        return
    if not rows:
        click.echo("No organisations yet: add people with --at, or import a file.")
    for row in rows:
        click.echo(f"{row['name']}: {row['now']} now"
                   + (f", {row['before']} before" if row["before"] else ""))


@people.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--encoding", help="The file's encoding when it is not UTF-8 (cp1252...).")
@click.option("--skip-bad", is_flag=True,
              help="Import the good rows and report the bad ones (default: a bad row stops "
                   "the import and nothing is saved).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def import_cmd(file: Path, encoding: str | None, skip_bad: bool, as_json: bool) -> None:
    """Import contacts: a vCard file (.vcf, 2.1, 3.0 or 4.0), LinkedIn's Connections.csv,
    LinkedIn's messages.csv (as logged messages with the people already imported), or the
    whole LinkedIn export, a zip or its extracted folder (its Connections.csv, then its
    messages.csv where present).

    Importing the same file again adds nothing: people are matched by UID, web address,
    email, or name and organisation, and merged.

    \b
    Example:
      unstuck people import Connections.csv
      unstuck people import messages.csv
      unstuck people import Basic_LinkedInDataExport.zip
      unstuck people import contacts.vcf --skip-bad --json
    """
    from unstuck.text.contacts.linkedin import EXPORT_FILES
    from unstuck.text.contacts.model import MAX_BYTES, MAX_MESSAGES_BYTES

    files: dict[str, bytes] = {}
    if file.is_dir():  # an extracted LinkedIn export
        for child in sorted(file.iterdir()):
            name = EXPORT_FILES.get(child.name.casefold())
            if name and child.is_file():
                limit = MAX_MESSAGES_BYTES if name == "messages.csv" else MAX_BYTES
                files[name] = read_input(child, limit, "LinkedIn export file")
        files = {n: files[n] for n in EXPORT_FILES.values() if n in files}
    else:
        data = read_input(file, MAX_MESSAGES_BYTES, "contacts file")
    setup()
    from unstuck.app.people import services

    try:
        if file.is_dir():
            report = services.import_export_folder(files, encoding=encoding, skip_bad=skip_bad)
        else:
            report = services.import_contacts(data, file.name, encoding=encoding,
                                              skip_bad=skip_bad)
    except services.ContactsError as err:
        if as_json:
            echo_json({"error": str(err), "problems": [
                {"where": p.where, "why": p.message} for p in err.problems]})
        shown = err.problems[:MAX_SHOWN_PROBLEMS]
        lines = [f"  {p}" for p in shown]
        if len(err.problems) > len(shown):
            lines.append(f"  ... and {len(err.problems) - len(shown)} more")
        message = f"{file.name}: {err}"  # it says that nothing was saved
        click.secho(f"Error: {message}", fg="red", err=True)
        for line in lines:
            click.echo(line, err=True)
        raise SystemExit(int(ExitStatus.INVALID_INPUT)) from None
    row = report.as_dict()
    if as_json:
        echo_json(row)
        return
    click.echo(f"Read {report.read} {'card' if report.kind == 'vcard' else 'row'}(s) of "
               f"{file.name}: {report.imported} new contact(s), {report.updated} updated, "
               f"{report.unchanged} unchanged"
               + (f", {report.interactions} message(s) logged"
                  if report.kind in ("linkedin-messages", "linkedin-export") else "")
               + f", {len(report.skipped)} skipped.")
    for p in report.skipped[:MAX_SHOWN_PROBLEMS]:
        click.echo(f"  skipped {p}")
    if len(report.skipped) > MAX_SHOWN_PROBLEMS:
        click.echo(f"  ... and {len(report.skipped) - MAX_SHOWN_PROBLEMS} more skipped")
    if report.not_kept:
        click.echo("Not kept (unstuck has no place for them): "
                   + ", ".join(f"{k} ({v} card(s))" for k, v in report.not_kept.items()))


@people.command("export")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write to this file (default: print).")
@click.option("--vcard-version", type=click.Choice(["4.0", "3.0"]), default="4.0",
              show_default=True, help="vCard 4.0, or 3.0 for older address books.")
@click.option("--json", "as_json", is_flag=True,
              help="Print JSON: what was written with -o, else the contacts themselves.")
def export_cmd(output: Path | None, vcard_version: str, as_json: bool) -> None:
    """Everyone as a vCard file that imports back without loss (interactions stay here).

    \b
    Example:
      unstuck people export -o contacts.vcf
      unstuck people export --vcard-version 3.0 > contacts.vcf
      unstuck people export --json
    """
    setup()
    from unstuck.app.people import services

    if as_json and output is None:
        echo_json([_record_json(r) for r in services.export_records()])
        return
    text = services.export_vcards(vcard_version)
    count = ("\r\n" + text).count("\r\nBEGIN:VCARD\r\n")  # a card's first line, never a value's
    if output is None:  # bytes, so the CRLF line ends vCard asks for stay as they are
        click.echo(text.encode("utf-8"), nl=False)
        return
    try:
        output.write_bytes(text.encode("utf-8"))
    except OSError as exc:
        fail(f"{output}: cannot be written ({exc.strerror or exc})", ExitStatus.DATA_FOLDER)
    if as_json:
        echo_json({"path": str(output), "contacts": count, "version": vcard_version})
        return
    click.echo(f"Wrote {count} contact(s) to {output}.")


def _record_json(record: Any) -> dict[str, Any]:
    """A contact record as JSON (dates as YYYY-MM-DD)."""
    from dataclasses import asdict

    def plain(value: Any) -> Any:
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        return value

    return plain(asdict(record))  # type: ignore[no-any-return]


# -- informational interviews -------------------------------------------------------------------


@people.group("interview")
def interview() -> None:
    """Informational interviews: to ask -> asked -> scheduled -> done -> thanked -> follow up.

    \b
    Example:
      unstuck people interview add 1 --target 15-2051.00
      unstuck people interview move 1            # to the next stage
      unstuck people interview move 1 scheduled --on 2026-03-10
      unstuck people interview questions 1
    """


def _interview_row(i: Any) -> dict[str, Any]:
    from unstuck.core.people import STAGE_NEXT

    return {"id": i.pk, "contact": i.contact_id, "name": i.contact.name,
            "target_code": i.target_code or None, "stage": i.stage, "reached": i.reached,
            "scheduled_for": i.scheduled_for.isoformat() if i.scheduled_for else None,
            "next": STAGE_NEXT.get(i.stage)}


@interview.command("add")
@click.argument("contact_id", type=int)
@click.option("--target", metavar="CODE", default="", help="The occupation it is about.")
@click.option("--today", type=Date(), help="The day it is added (default today).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def interview_add_cmd(contact_id: int, target: str, today: date | None, as_json: bool) -> None:
    """An informational interview to ask someone for.

    \b
    Example:
      unstuck people interview add 1 --target 15-2051.00
    """
    setup()
    from unstuck.app.people import services

    found = _run(lambda: services.start_interview(contact_id, target, _today(today)))
    row = _interview_row(found)
    if as_json:
        echo_json(row)
        return
    click.echo(f"Interview {row['id']} with {row['name']}: to ask. Next: {row['next']}.")


@interview.command("move")
@click.argument("interview_id", type=int)
@click.argument("stage", required=False)
@click.option("--date", "when", type=Date(), help="When it moved (default today).")
@click.option("--on", "scheduled_for", type=Date(), help="The day it is scheduled for.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def interview_move_cmd(interview_id: int, stage: str | None, when: date | None,
                       scheduled_for: date | None, as_json: bool) -> None:
    """Move an interview to STAGE (default: the next one). Reaching "done" logs it with the
    person, so their follow-up counts from it.

    \b
    Example:
      unstuck people interview move 1 scheduled --on 2026-03-10
    """
    setup()
    from unstuck.app.people import services

    found = _run(lambda: services.move_interview(interview_id, stage, _today(when),
                                                 scheduled_for=scheduled_for))
    row = _interview_row(found)
    if as_json:
        echo_json(row)
        return
    click.echo(f"Interview {row['id']} with {row['name']}: {row['stage']}. Next: {row['next']}.")


@interview.command("list")
@click.option("--stage", help="Only interviews at this stage.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def interview_list_cmd(stage: str | None, as_json: bool) -> None:
    """The informational interviews, newest first.

    \b
    Example:
      unstuck people interview list --stage scheduled
    """
    setup()
    from unstuck.app.people import services

    rows = [_interview_row(i) for i in _run(lambda: services.list_interviews(stage))]
    if as_json:
        echo_json(rows)
        return
    if not rows:
        click.echo("No informational interviews yet: unstuck people interview add CONTACT")
    for row in rows:
        click.echo(f"{row['id']:>4}  {row['name']}  {row['stage']}"
                   f"{'  about ' + row['target_code'] if row['target_code'] else ''}"
                   f"  - next: {row['next']}")


@interview.command("questions")
@click.argument("interview_id", type=int)
@click.option("--gap", "gaps", multiple=True,
              help="Something you still have to build up (default: the gaps your profile "
                   "shows for the target); repeat.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def interview_questions_cmd(interview_id: int, gaps: tuple[str, ...], as_json: bool) -> None:
    """Questions to take along: from the target occupation's tasks and your gaps.

    \b
    Example:
      unstuck people interview questions 1 --gap "Machine learning"
    """
    kb = load_kb()
    setup()
    from unstuck.app.people import services

    chosen = list(gaps) or _profile_gaps(kb, interview_id)
    questions = _run(lambda: services.interview_questions(interview_id, kb, chosen))
    if as_json:
        echo_json({"interview": interview_id, "gaps": chosen, "questions": questions})
        return
    for number, question in enumerate(questions, start=1):
        click.echo(f"{number}. {question}")


def _profile_gaps(kb: Any, interview_id: int) -> list[str]:
    """The names of the saved profile's gaps for the interview's target, biggest first
    (none when there is no target or profile to compare)."""
    from unstuck.app.people import services

    try:
        return services.interview_gaps(interview_id, kb)
    except LookupError:
        return []  # the questions call names the unknown interview
