"""``unstuck match``: a resume against a posting, and the tailored resume.

A thin wrapper over :func:`unstuck.app.documents.services.match` and ``tailor``.
"""

from __future__ import annotations

from pathlib import Path

import click

from unstuck.app import setup
from unstuck.cli.common import echo_json, fail, load_kb
from unstuck.cli.status import ExitStatus


@click.command("match")
@click.option("--resume", "resume_id", type=int, help="Resume id (default: the latest).")
@click.option("--posting", "posting_id", type=int, required=True, help="Posting id.")
@click.option(
    "--tailor",
    "fmt",
    type=click.Choice(["md", "docx", "json"]),
    help="Write the resume tailored to the posting in this format (with -o).",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File for --tailor."
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def match_cmd(
    resume_id: int | None, posting_id: int, fmt: str | None, output: Path | None, as_json: bool
) -> None:
    """Score a resume against a posting: required and preferred skills, experience, education
    and title, each requirement beside the resume line that shows it, or missing.

    \b
    Example:
      unstuck match --posting 3
      unstuck match --resume 1 --posting 3 --tailor docx -o cv-initech.docx
    """
    if fmt and output is None:
        fail("--tailor needs -o FILE", ExitStatus.USAGE)
    load_kb()
    setup()
    from unstuck.app.documents import services
    from unstuck.core.match import HOW

    stored = services.get_resume(resume_id) if resume_id else services.latest_resume()
    if stored is None:
        fail("no such resume (unstuck resume import FILE)", ExitStatus.NOT_FOUND)
    post = services.get_posting(posting_id)
    if post is None:
        fail(f"no posting {posting_id} (unstuck posting list)", ExitStatus.NOT_FOUND)
    result = services.match(stored, post)
    if fmt and output is not None:
        body, _, _ = services.tailor(stored, post, fmt)
        output.write_bytes(body)
    if as_json:
        echo_json(
            {
                "resume": stored.pk,
                "posting": post.pk,
                "match": result,
                "tailored": str(output) if fmt else None,
            }
        )
        return
    click.echo(
        f"Resume {stored.pk} vs posting {post.pk} ({post.title or 'no title'}): "
        f"{result.score:.0f}/100"
    )
    for comp in result.components.values():
        if not comp.shown:
            continue
        click.echo(
            f"  {comp.name:<10} {comp.score:5.0f}  weight {comp.weight:.2f}"
            f"{'  (' + comp.note + ')' if comp.note else ''}"
        )
        for item in comp.items:
            if item.met and item.lines:
                how = HOW.get(item.how, item.how)
                note = f"; {item.note}" if item.note else ""
                click.echo(f'    + {item.requirement}: "{item.lines[0]}"' +
                           (f" ({how}{note})" if how else ""))  # fmt: skip
            else:
                click.secho(f"    - {item.requirement}: missing", fg="yellow")
    if fmt:
        click.echo(f"Tailored resume written to {output}")
