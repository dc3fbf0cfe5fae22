"""``unstuck posting``: keep job postings (a file, a CSV/JSON Lines batch, or a URL).

A thin wrapper over :mod:`unstuck.app.documents.services`: all or nothing, a batch with one
unreadable posting stores none of them.
"""

from __future__ import annotations

from pathlib import Path

import click

from unstuck.app import setup
from unstuck.cli.common import echo_json, fail, load_kb, page_footer, page_options, read_input
from unstuck.cli.status import ExitStatus


@click.group()
def posting() -> None:
    """Keep job postings to match against and research the market with.

    \b
    Example:
      unstuck posting add job.html --target 15-2051.00
      unstuck posting add https://example.com/jobs/42
      unstuck posting add postings.csv --target 15-2051.00   # a batch
      unstuck posting list --target 15-2051.00
    """


def _row(p) -> dict:  # noqa: ANN001
    from unstuck.core.match import PostingFacts, skill_groups

    pay = p.parsed.get("pay")
    # one skill per thing named ("Python" is an ESCO skill and an O*NET technology)
    asked = len(skill_groups(PostingFacts.from_dict(p.parsed).skills))
    return {
        "id": p.pk,
        "title": p.title,
        "employer": p.employer,
        "source": p.source,
        "target_code": p.target_code or None,
        "pay": pay,
        "skills": asked,
        "fetched_at": p.fetched_at.isoformat(),
    }


@posting.command("add")
@click.argument("source")
@click.option("--target", "target", metavar="CODE", help="The O*NET occupation it is for.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def add_cmd(source: str, target: str | None, as_json: bool) -> None:
    """Read SOURCE (a file or an http(s) address) and keep the posting(s).

    Files ending .csv, .jsonl or .ndjson are batches (a text column or one posting per line).

    \b
    Example:
      unstuck posting add saved-job.html --target 15-2051.00 --json
    """
    load_kb()
    setup()
    from unstuck.app.documents import services

    try:
        if source.lower().startswith(("http://", "https://")):
            added = services.add_postings(None, url=source, target_code=target)
        else:
            from unstuck.text.posting import MAX_BYTES

            path = Path(source)
            data = read_input(path, MAX_BYTES, "posting or batch")
            added = services.add_postings(data, filename=path.name, target_code=target)
    except services.PostingError as err:
        fail(f"{err} (nothing was saved)", ExitStatus.INVALID_INPUT)
    rows = [_row(p) for p in added]
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        click.echo(
            f"Posting {row['id']}: {row['title'] or '(no title)'}"
            f"{' at ' + row['employer'] if row['employer'] else ''}"
            f" - {row['skills']} skill(s) asked"
        )


@posting.command("list")
@click.option("--target", "target", metavar="CODE", help="Only postings for this occupation.")
@page_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def list_cmd(target: str | None, limit: int, offset: int, as_json: bool) -> None:
    """The postings kept, newest first, a page at a time (summaries: the stored postings are
    not loaded; ``skills`` is the number of skills read).

    \b
    Example:
      unstuck posting list --target 15-2051.00
      unstuck posting list --offset 50 --limit 50
    """
    setup()
    from unstuck.app.documents import services

    found = services.posting_summaries(target)
    total = found.count()
    rows = [
        {
            "id": p.pk,
            "title": p.summary_title,
            "employer": p.summary_employer,
            "source": p.source,
            "target_code": p.target_code or None,
            "pay": p.summary_pay,
            "skills": p.summary_skills or 0,
            "fetched_at": p.fetched_at.isoformat(),
        }
        for p in found[offset : offset + limit]
    ]
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        click.echo(
            f"{row['id']:>4}  {row['target_code'] or '-':<10}  "
            f"{row['title'] or '(no title)'}  [{row['source']}]"
        )
    if not rows:
        click.echo("No postings here: unstuck posting add FILE|URL" if not total else
                   f"No postings past {total}: use a smaller --offset")
    page_footer(len(rows), offset, total, "postings")


@posting.command("remove")
@click.argument("ids", nargs=-1, type=int, required=True)
def remove_cmd(ids: tuple[int, ...]) -> None:
    """Forget postings by id.

    \b
    Example:
      unstuck posting remove 4 5
    """
    setup()
    from unstuck.app.documents import services

    missing = [i for i in ids if not services.delete_posting(i)]
    if missing:
        fail(f"no posting {', '.join(map(str, missing))}", ExitStatus.NOT_FOUND)
    click.echo(f"Removed {len(ids)} posting(s).")
