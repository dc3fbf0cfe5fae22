"""``unstuck resume``: import a resume or LinkedIn export; show what it suggests for the profile.

A thin wrapper over :mod:`unstuck.app.documents.services`: the file is read in full before
anything is stored, and the profile changes only with ``--apply`` (the occupation suggested
first, the skill areas and technology the resume evidences).
"""

from __future__ import annotations

from pathlib import Path

import click

from unstuck.app import setup
from unstuck.cli.common import echo_json, fail, load_kb, page_footer, page_options, read_input
from unstuck.cli.status import ExitStatus


@click.group()
def resume() -> None:
    """Import a resume (PDF, Word, text, JSON Resume, LinkedIn export zip).

    \b
    Example:
      unstuck resume import cv.pdf            # read and keep it, show suggestions
      unstuck resume import cv.docx --apply   # ...and update the profile with them
      unstuck resume list --json
    """


@resume.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--apply", "apply_", is_flag=True, help="Update the profile with the suggestions.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def import_cmd(file: Path, apply_: bool, as_json: bool) -> None:
    """Read FILE, keep it, and show what it suggests for your profile. FILE may also be the
    folder a LinkedIn data export was unzipped into.

    \b
    Example:
      unstuck resume import ~/Downloads/Basic_LinkedInDataExport.zip --apply
    """
    load_kb()
    setup()
    from unstuck.app.documents import services
    from unstuck.text.resume import MAX_BYTES

    data = _export_zip(file, MAX_BYTES) if file.is_dir() else read_input(file, MAX_BYTES, "resume")
    try:
        stored = services.import_resume(data, file.name)
    except services.ResumeError as err:
        fail(f"{file}: {err} (nothing was saved)", ExitStatus.INVALID_INPUT)
    suggestions = services.profile_suggestions(stored)
    accepted = None
    if apply_:
        accepted = {
            "occupation": suggestions["occupations"][0]["code"]
            if suggestions["occupations"]
            else None,
            "skills": [s["element_id"] for s in suggestions["skills"] if not s["in_profile"]],
            "technology": [t["name"] for t in suggestions["technology"] if not t["in_profile"]],
            "education": suggestions["education"] is not None,
            "credentials": [c["name"] for c in suggestions["credentials"] if not c["in_profile"]],
        }
        services.apply_suggestions(stored, accepted)
    if as_json:
        echo_json(
            {
                "id": stored.pk,
                "filename": stored.filename,
                "kind": stored.kind,
                "parsed": stored.parsed,
                "suggestions": suggestions,
                "applied": accepted,
            }
        )
        return
    p = stored.parsed
    click.echo(f"Resume {stored.pk}: {stored.filename} ({stored.kind})")
    click.echo(
        f"  {len(p['positions'])} position(s), {len(p['education'])} education, "
        f"{len(p['certifications'])} certification(s), {len(p['skills'])} skill(s) found"
    )
    for o in suggestions["occupations"][:3]:
        click.echo(f'  occupation: {o["code"]} {o["title"]}  (from "{o["position"]}")')
    if suggestions["technology"]:
        names = ", ".join(t["name"] for t in suggestions["technology"][:12])
        click.echo(f"  technology: {names}")
    if suggestions["skills"]:
        click.echo("  skill areas: " + ", ".join(s["name"] for s in suggestions["skills"][:12]))
    if suggestions["education"] is not None:
        click.echo(f"  education: {suggestions['education']['degree']}")
    if suggestions["credentials"]:
        click.echo("  credentials: " + "; ".join(c["name"] for c in suggestions["credentials"]))
    if accepted is not None:
        click.secho("Profile updated with these suggestions.", fg="green")
    else:
        click.echo("Nothing changed in your profile; run again with --apply to use them.")


def _export_zip(folder: Path, limit: int) -> bytes:
    """An unzipped LinkedIn export folder as the zip it came in (its CSV files only), so the
    store reads it the same way as the download; each file read with the size cap."""
    import io
    import zipfile

    buffer = io.BytesIO()
    total = 0
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.glob("*.csv")):
            data = read_input(path, limit - total, "LinkedIn export")
            total += len(data)
            archive.writestr(path.name, data)
    return buffer.getvalue()


@resume.command("list")
@page_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def list_cmd(limit: int, offset: int, as_json: bool) -> None:
    """The resumes kept, newest first, a page at a time (summaries: the stored resumes are
    not loaded).

    \b
    Example:
      unstuck resume list
      unstuck resume list --offset 50
    """
    setup()
    from unstuck.app.documents import services

    found = services.resume_summaries()
    total = found.count()
    rows = [
        {
            "id": r.pk,
            "filename": r.filename,
            "kind": r.kind,
            "name": r.summary_name,
            "uploaded_at": r.uploaded_at.isoformat(),
        }
        for r in found[offset : offset + limit]
    ]
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        click.echo(
            f"{row['id']:>4}  {row['uploaded_at'][:16]}  {row['kind']:<11} {row['filename']}"
        )
    if not rows:
        click.echo("No resumes yet: unstuck resume import FILE" if not total else
                   f"No resumes past {total}: use a smaller --offset")
    page_footer(len(rows), offset, total, "resumes")


@resume.command("remove")
@click.argument("ids", nargs=-1, type=int, required=True)
def remove_cmd(ids: tuple[int, ...]) -> None:
    """Forget resumes by id (what you applied to your profile stays).

    \b
    Example:
      unstuck resume remove 3
    """
    setup()
    from unstuck.app.documents import services

    missing = [i for i in ids if not services.delete_resume(i)]
    if missing:
        fail(f"no resume {', '.join(map(str, missing))}", ExitStatus.NOT_FOUND)
    click.echo(f"Removed {len(ids)} resume(s).")
