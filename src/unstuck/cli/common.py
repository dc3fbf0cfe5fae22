"""Helpers shared by the commands: error reporting, JSON output, the knowledge base."""

from __future__ import annotations

import dataclasses
import json
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from unstuck.cli.status import ExitStatus

if TYPE_CHECKING:
    from unstuck.app.profile.services import Unusable
    from unstuck.knowledge.store import KnowledgeBase


class FiniteRange(click.FloatRange):
    """A ``FloatRange`` that also refuses ``nan`` and infinities (which pass Click's range
    comparisons)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        import math

        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a number", param, ctx)
        return number


class Date(click.ParamType):
    """A YYYY-MM-DD date; a bad value is quoted short in the error."""

    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from datetime import date

        from unstuck.core.limits import short

        if isinstance(value, date):
            return value
        text = str(value)
        try:
            if len(text) == 10:
                return date.fromisoformat(text)
        except ValueError:
            pass
        self.fail(f"{short(text)} is not a date in the form YYYY-MM-DD", param, ctx)


def page_options(f: Any) -> Any:
    """``--limit`` and ``--offset`` for a list command (50 rows a page, like the app's lists)."""
    f = click.option("--offset", type=click.IntRange(0, 10**9), default=0, show_default=True,
                     help="Skip this many rows (the newest first).")(f)
    return click.option("--limit", type=click.IntRange(1, 1000), default=50, show_default=True,
                        help="Show at most this many rows.")(f)


def page_footer(shown: int, offset: int, total: int, what: str) -> None:
    """Which rows of how many were shown, and the option for the next ones."""
    if shown and (offset or shown < total):
        more = f"; --offset {offset + shown} for more" if offset + shown < total else ""
        click.echo(f"Showing {offset + 1}-{offset + shown} of {total} {what}{more}.")


def fail(message: str, status: ExitStatus) -> NoReturn:
    click.secho(f"Error: {message}", fg="red", err=True)
    sys.exit(int(status))


def read_input(path: Path, limit: int, what: str = "file") -> bytes:
    """The bytes of an input file, never more than ``limit``: refused by ``stat`` when it is
    larger, and read with a cap (devices and pipes such as /dev/zero have no size), so memory
    stays bounded whatever the path is. Any problem exits with INVALID_INPUT (6), NOT_FOUND
    when there is no such file."""
    megabytes = f"{limit / 1_000_000:g} MB"
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            fail(f"{path}: is a folder, not a {what}", ExitStatus.INVALID_INPUT)
        if info.st_size > limit:
            fail(f"{path}: is over {megabytes}, too large for a {what} (nothing was saved)",
                 ExitStatus.INVALID_INPUT)
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        fail(f"{path}: no such file", ExitStatus.NOT_FOUND)
    except OSError as exc:
        fail(f"{path}: cannot be read ({exc.strerror or exc})", ExitStatus.INVALID_INPUT)
    if len(data) > limit:
        fail(f"{path}: is over {megabytes}, too large for a {what} (nothing was saved)",
             ExitStatus.INVALID_INPUT)
    return data


def to_jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: to_jsonable(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if hasattr(value, "__fspath__"):
        return str(value)
    return value


def echo_json(value: Any) -> None:
    click.echo(json.dumps(to_jsonable(value), indent=2, ensure_ascii=False))


def load_kb() -> KnowledgeBase:
    from unstuck.knowledge.errors import KnowledgeBaseMissing
    from unstuck.knowledge.store import get_knowledge_base

    try:
        return get_knowledge_base()
    except KnowledgeBaseMissing as exc:
        fail(str(exc), ExitStatus.NOT_INSTALLED)


def unusable_words(u: Unusable) -> str:
    """A stored result this version cannot re-score, in words, with the command to retake it."""
    return f"{u.reason}, so it cannot be used; retake it with 'unstuck assess {u.short}'."
