"""Helpers shared by the commands: error reporting, JSON output, the knowledge base."""

from __future__ import annotations

import dataclasses
import json
import sys
from typing import TYPE_CHECKING, Any, NoReturn

import click

from unstuck.cli.status import ExitStatus

if TYPE_CHECKING:
    from unstuck.app.profile.services import Unusable
    from unstuck.knowledge.store import KnowledgeBase


def fail(message: str, status: ExitStatus) -> NoReturn:
    click.secho(f"Error: {message}", fg="red", err=True)
    sys.exit(int(status))


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
