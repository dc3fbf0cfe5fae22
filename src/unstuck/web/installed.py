"""The knowledge base as the web app sees it: a cheap summary for every page, and a view decorator.

Every page shows where its data comes from (the footer's attributions and release), but most
pages never need the occupations themselves. :func:`summary` therefore reads only the knowledge
base's small ``meta`` table, and caches it against the file's inode, mtime and size: a request
costs one ``stat``, and a new ``unstuck data install`` shows up on the next request.

Views that need the data use :func:`requires_knowledge_base`, which hands them the loaded
:class:`~unstuck.knowledge.store.KnowledgeBase` and turns
:class:`~unstuck.knowledge.errors.KnowledgeBaseMissing` into a page that says how to install it.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Concatenate, ParamSpec

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from unstuck.knowledge.build import kb_path, read_meta
from unstuck.knowledge.errors import KnowledgeBaseMissing
from unstuck.knowledge.store import KnowledgeBase, Status, get_knowledge_base, status_of

P = ParamSpec("P")

CC_BY_4 = "https://creativecommons.org/licenses/by/4.0/"

# How the footer names and links each source the builder can record (SourceRecord.name).
_SOURCES: dict[str, tuple[str, str, str | None]] = {
    # name: (label, home page, licence page)
    "onet": ("O*NET", "https://www.onetcenter.org/database.html", CC_BY_4),
    "esco": ("ESCO", "https://esco.ec.europa.eu/", CC_BY_4),
    "bls-wages": ("BLS Occupational Employment and Wage Statistics", "https://www.bls.gov/oes/",
                  None),
    "bls-areas": ("BLS Occupational Employment and Wage Statistics", "https://www.bls.gov/oes/",
                  None),
    "bls-projections": ("BLS Employment Projections", "https://www.bls.gov/emp/", None),
    "crosswalk": ("ESCO-O*NET crosswalk (Nesta)",
                  "https://github.com/nestauk/mapping-career-causeways", None),
}


@dataclass(frozen=True)
class SourceNote:
    """One source of the installed knowledge base, as the footer shows it."""

    name: str
    label: str
    release: str
    attribution: str
    url: str | None
    licence_url: str | None


@dataclass(frozen=True)
class Summary:
    """What every page knows about the knowledge base, without loading it."""

    installed: bool
    path: Path
    status: Status | None = None
    sources: tuple[SourceNote, ...] = ()

    @property
    def release(self) -> str | None:
        return self.status.release if self.status else None


_lock = threading.Lock()
_cached: dict[str, tuple[tuple[int, int, int], Summary]] = {}


def _notes(status: Status) -> tuple[SourceNote, ...]:
    notes: list[SourceNote] = []
    for source in status.sources:
        name = str(source.get("name", ""))
        label, url, licence = _SOURCES.get(name, (name or "Unknown source", None, None))
        if any(n.label == label for n in notes):  # BLS wages and areas: one source to credit
            continue
        notes.append(
            SourceNote(
                name=name,
                label=label,
                release=str(source.get("release", "")),
                attribution=str(source.get("attribution") or ""),
                url=url,
                licence_url=licence,
            )
        )
    return tuple(notes)


def summary(path: Path | None = None) -> Summary:
    """The installed knowledge base's release and sources (``installed=False`` if none)."""
    path = path or kb_path()
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return Summary(installed=False, path=path)
    stamp = (st.st_ino, st.st_mtime_ns, st.st_size)
    key = str(path)
    hit = _cached.get(key)
    if hit and hit[0] == stamp:
        return hit[1]
    meta = read_meta(path)
    if meta is None:  # unreadable: the store will say so when a page needs the data
        return Summary(installed=False, path=path)
    status = status_of(path, meta)
    result = Summary(installed=True, path=path, status=status, sources=_notes(status))
    with _lock:
        _cached[key] = (stamp, result)
    return result


def requires_knowledge_base(
    view: Callable[Concatenate[HttpRequest, KnowledgeBase, P], HttpResponse],
) -> Callable[Concatenate[HttpRequest, P], HttpResponse]:
    """Call ``view(request, kb, ...)`` with the loaded knowledge base, or explain how to install it.

    The "not installed" page is a 503: the app works, its data is not there yet.
    """

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        try:
            kb = get_knowledge_base()
        except KnowledgeBaseMissing as exc:
            return missing_response(request, exc)
        return view(request, kb, *args, **kwargs)

    return wrapper


def missing_response(request: HttpRequest, exc: KnowledgeBaseMissing) -> HttpResponse:
    context: dict[str, Any] = {"message": str(exc), "path": kb_path()}
    return render(request, "knowledge_missing.html", context, status=503)
