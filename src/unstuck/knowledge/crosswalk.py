"""The ESCO -> O*NET occupation crosswalk (Nesta, "Mapping Career Causeways", November 2020).

The crosswalk gives the best-matching O*NET code for 1,680 ESCO occupations (the level just
below the ISCO unit groups). Narrower ESCO occupations inherit the code of their broader
ESCO occupation, as the crosswalk's README suggests, so every ESCO occupation under a mapped
one lends its labels to title search.

The crosswalk was made against the O*NET-SOC 2010 taxonomy; about a fifth of its rows name
codes that O*NET 25.1 and later replaced (``15-1132.00`` Software Developers, Applications ->
``15-1252.00``). The build warns with the count; given the O*NET-SOC 2010 -> 2019 crosswalk
that O*NET publishes (``2010_to_2019_Crosswalk.csv``), those rows are carried over to the
current codes instead of being dropped. Without it, a row is carried over only when exactly one
current occupation has the very same title (130 of the 325 stale rows with O*NET 29.0: the
renumbered computer occupations, for instance); nothing fuzzier is guessed from titles.

:func:`load` reads the installed crosswalk back as :class:`CrosswalkLinks`: ESCO occupation ->
O*NET codes, the inverse, and the ESCO titles each O*NET occupation is found by in title search.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from unstuck.knowledge.build import FingerprintOnce, SourceRecord, WarnFn, load_table
from unstuck.knowledge.errors import RowError
from unstuck.knowledge.esco import EscoTables
from unstuck.knowledge.inputs import (
    csv_records,
    read_file,
    require_file,
    shorten,
)
from unstuck.knowledge.sources import ProgressFn, sha256_file
from unstuck.knowledge.tables import REAL, TEXT, Column, Table, query

CROSSWALK_ATTRIBUTION = (
    "ESCO-O*NET occupation crosswalk (November 2020) by Nesta, MIT License: Kanders, K., "
    "Djumalieva, J., Sleeman, C. and Orlik, J. (2020). Mapping Career Causeways: Supporting "
    "workers at risk. London: Nesta."
)
TAXONOMY_ATTRIBUTION = (
    "O*NET-SOC 2010 to 2019 taxonomy crosswalk by the National Center for O*NET Development "
    "(USDOL/ETA), CC BY 4.0."
)
_ONET_RE = re.compile(r"^\d{2}-\d{4}\.\d{2}$")


def crosswalk_table(file: str) -> Table:
    return Table(
        file=file,
        table="esco_onet_crosswalk",
        columns=(
            Column("concept_uri", "esco_uri", TEXT, nullable=False),
            Column("esco_occupation", "esco_label", TEXT),
            Column("isco_code", "isco_code", TEXT, optional=True),
            Column("onet_code", "onet_code", TEXT, nullable=False),
            Column("onet_occupation", "onet_title", TEXT, optional=True),
            Column("semantic_similarity", "similarity", REAL, optional=True),
            Column("confidence", "confidence", REAL, optional=True),
        ),
        delimiter=",",
        degrades="ESCO titles in title search, links between ESCO and O*NET occupations",
    )


def taxonomy_table(file: str) -> Table:
    return Table(
        file=file,
        table="onet_taxonomy_crosswalk",
        columns=(
            Column("O*NET-SOC 2010 Code", "old_code", TEXT, nullable=False),
            Column("O*NET-SOC 2010 Title", "old_title", TEXT, optional=True),
            Column("O*NET-SOC 2019 Code", "new_code", TEXT, nullable=False),
            Column("O*NET-SOC 2019 Title", "new_title", TEXT, optional=True),
        ),
        delimiter=",",
        degrades="ESCO titles of crosswalk rows that name O*NET-SOC 2010 codes",
    )


def _check_codes(data: bytes, file: str, columns: Iterable[str]) -> None:
    wanted = list(columns)
    header, rows = csv_records(data, file, wanted)
    positions = [header.index(c) for c in wanted]
    for line, fields in rows:
        for column, pos in zip(wanted, positions, strict=True):
            if not _ONET_RE.match(fields[pos]):
                raise RowError(
                    f"column '{column}' should be an O*NET-SOC code like 15-1252.00, "
                    f"found {fields[pos]!r}",
                    file=file,
                    line=line,
                )


class CrosswalkSource(FingerprintOnce):
    """The Nesta ESCO -> O*NET crosswalk CSV, optionally with O*NET's 2010 -> 2019 crosswalk."""

    name = "crosswalk"

    def __init__(self, path: str | Path, taxonomy: str | Path | None = None) -> None:
        self.path = require_file(Path(path), "ESCO -> O*NET crosswalk")
        self.taxonomy = (
            require_file(Path(taxonomy), "O*NET-SOC 2010 -> 2019 crosswalk") if taxonomy else None
        )

    def _fingerprint(self) -> str:
        if self.taxonomy is None:
            return sha256_file(self.path)
        both = f"{sha256_file(self.path)}\n{sha256_file(self.taxonomy)}"
        return hashlib.sha256(both.encode()).hexdigest()

    def load(self, conn: sqlite3.Connection, progress: ProgressFn, warn: WarnFn) -> SourceRecord:
        progress("parse crosswalk", 0, None)
        file = str(self.path)
        data = read_file(self.path)
        _check_codes(data, file, ["onet_code"])
        found = re.search(r"(Nov|Dec|Jan|[A-Z][a-z]{2})(20\d\d)", self.path.name)
        record = SourceRecord(
            name=self.name,
            location=file,
            sha256=self.fingerprint(),
            release=f"{found.group(1)} {found.group(2)}" if found else "unknown",
            attribution=CROSSWALK_ATTRIBUTION,
        )
        record.tables.append(load_table(conn, crosswalk_table(file), data, file))
        conn.execute(taxonomy_table("").ddl())
        if self.taxonomy is not None:
            tfile = str(self.taxonomy)
            tdata = read_file(self.taxonomy)
            _check_codes(tdata, tfile, ["O*NET-SOC 2010 Code", "O*NET-SOC 2019 Code"])
            record.tables.append(load_table(conn, taxonomy_table(tfile), tdata, tfile))
            record.attribution += " " + TAXONOMY_ATTRIBUTION
        self._warn_stale(conn, warn)
        shorten(record.tables, self.path.parent)
        if self.taxonomy is not None:
            shorten(record.tables, self.taxonomy.parent)
        return record

    def _warn_stale(self, conn: sqlite3.Connection, warn: WarnFn) -> None:
        try:
            current = dict(conn.execute("SELECT code, title FROM occupation").fetchall())
        except sqlite3.OperationalError:
            return  # no O*NET in this database: nothing to compare with
        rows = conn.execute("SELECT onet_code, onet_title FROM esco_onet_crosswalk").fetchall()
        old = taxonomy_map(conn.execute(
            "SELECT old_code, new_code FROM onet_taxonomy_crosswalk").fetchall())
        by_title = titles_index(current)
        how = [carry_over(c, t, current, old, by_title)[1] for c, t in rows]
        lost = sorted(c for (c, _), h in zip(rows, how, strict=True) if h == "lost")
        if lost:
            titled = how.count("title")
            warn(
                f"ESCO->O*NET crosswalk: {len(lost)} of {len(rows)} rows name O*NET codes this "
                f"O*NET release does not have ({len(set(lost))} codes, e.g. {lost[0]}: the "
                "crosswalk uses the O*NET-SOC 2010 taxonomy"
                + (f"; {titled} more were carried over by identical title" if titled else "")
                + "); without them: ESCO titles of those occupations in title search. Give "
                "O*NET's 2010_to_2019_Crosswalk.csv to carry them over."
            )


def taxonomy_map(rows: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for old, new in rows:
        if new not in out[old]:
            out[old].append(new)
    return dict(out)


def titles_index(current: Mapping[str, str]) -> dict[str, list[str]]:
    """Casefolded O*NET title -> codes with that title in the current release."""
    index: dict[str, list[str]] = defaultdict(list)
    for code, title in current.items():
        index[title.casefold()].append(code)
    return dict(index)


def carry_over(
    code: str,
    title: str | None,
    current: Mapping[str, str],
    taxonomy: Mapping[str, list[str]],
    by_title: Mapping[str, list[str]],
) -> tuple[list[str], str]:
    """The current O*NET codes for one crosswalk row and how they were found: "same" (the code
    exists), "taxonomy" (O*NET's 2010 -> 2019 crosswalk), "title" (exactly one current
    occupation has the same title, as with 15-1121.00 -> 15-1211.00 Computer Systems Analysts)
    or "lost"."""
    if code in current:
        return [code], "same"
    via = [c for c in taxonomy.get(code, []) if c in current]
    if via:
        return via, "taxonomy"
    hits = by_title.get(title.casefold(), []) if title else []
    if len(hits) == 1:
        return hits, "title"
    return [], "lost"


def esco_to_onet(
    rows: Iterable[tuple[str, str, str | None]],
    current: Mapping[str, str],
    taxonomy: Mapping[str, list[str]],
    broader: Mapping[str, str],
    occupations: Iterable[str],
) -> dict[str, tuple[str, ...]]:
    """ESCO occupation URI -> the current O*NET codes it maps to (rows are ESCO URI, O*NET code,
    O*NET title), narrower occupations inheriting the codes of their nearest mapped broader
    occupation."""
    by_title = titles_index(current)
    direct: dict[str, list[str]] = defaultdict(list)
    for uri, code, title in rows:
        for target in carry_over(code, title, current, taxonomy, by_title)[0]:
            if target not in direct[uri]:
                direct[uri].append(target)
    mapped = {uri: tuple(codes) for uri, codes in direct.items() if codes}
    for uri in occupations:
        if uri in mapped:
            continue
        seen = {uri}
        up = broader.get(uri)
        while up is not None and up not in seen and up not in mapped:
            seen.add(up)
            up = broader.get(up)
        if up is not None and up in mapped:
            mapped[uri] = mapped[up]
    return mapped


@dataclass(frozen=True)
class CrosswalkLinks:
    """The links between ESCO and O*NET occupations (empty without the crosswalk)."""

    esco_to_onet: dict[str, tuple[str, ...]] = field(default_factory=dict)  # URI -> O*NET codes
    onet_to_esco: dict[str, tuple[str, ...]] = field(default_factory=dict)  # code -> URIs
    #: O*NET code -> the ESCO labels (preferred and alternative) of the occupations mapped to it,
    #: without its own title, for title search
    esco_labels: defaultdict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def load(conn: sqlite3.Connection, titles: Mapping[str, str], esco: EscoTables) -> CrosswalkLinks:
    """The crosswalk of a built knowledge base for the O*NET occupations ``titles`` (code ->
    title) and the ESCO occupations of ``esco`` (when ESCO is absent, the crosswalk's own ESCO
    labels stand in)."""
    rows = query(
        conn, "SELECT esco_uri, onet_code, onet_title FROM esco_onet_crosswalk ORDER BY rowid"
    )
    if not rows:
        return CrosswalkLinks()
    labels_of = {
        uri: label
        for uri, label in query(conn, "SELECT esco_uri, esco_label FROM esco_onet_crosswalk")
    }
    taxonomy = taxonomy_map(query(conn, "SELECT old_code, new_code FROM onet_taxonomy_crosswalk"))
    occupations = list(esco.occupations) or list(labels_of)
    mapped = esco_to_onet(rows, titles, taxonomy, esco.occupation_broader, occupations)
    inverse: dict[str, list[str]] = defaultdict(list)
    for uri, targets in mapped.items():
        for code in targets:
            inverse[code].append(uri)
    links = CrosswalkLinks(mapped, {code: tuple(uris) for code, uris in inverse.items()})
    for code, uris in inverse.items():
        seen = {titles[code].casefold()}
        labels = links.esco_labels[code]
        for uri in uris:
            occ = esco.occupations.get(uri)
            names = (occ.label, *occ.alt_labels) if occ else (labels_of.get(uri) or "",)
            for name in names:
                if name and name.casefold() not in seen:
                    seen.add(name.casefold())
                    labels.append(name)
    return links
