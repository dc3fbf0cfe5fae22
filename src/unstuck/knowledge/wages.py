"""BLS figures in memory: wages and outlook per O*NET code, and wages by area.

The build (:mod:`~unstuck.knowledge.bls_wages`, :mod:`~unstuck.knowledge.bls_areas`,
:mod:`~unstuck.knowledge.bls_projections`) stores the BLS tables; this module turns them into what
the rest of unstuck reads. O*NET codes map to SOC by their first seven characters: an O*NET
occupation below the SOC level (``15-1299.08``) gets the figures of its SOC occupation, and a
SOC code BLS does not publish separately falls back to its broad group (``13-1021`` ->
``13-1020``), with a note saying so either way (:func:`resolve_soc`). Top-coded wages stay
``None`` with a note "top-coded: ... at least $239,200 a year" (:func:`wage_note`).

Area wages (~240,000 state and metro estimates) are held compactly by :class:`AreaWageTable`:
one float array per area, read from the per-area blobs the build packs, and one SOC index shared
by all areas: ~15 MB and a few milliseconds to load, instead of ~70 MB and seconds as objects.

:func:`load` reads all of it from a built knowledge base into :class:`BlsFigures`.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
import sys
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from unstuck.core.occupations import Outlook, Wages
from unstuck.knowledge.tables import query

#: BLS OEWS fields in the order of the time-series datatypes 01-17.
OEWS_FIELDS = (
    "TOT_EMP", "EMP_PRSE", "H_MEAN", "A_MEAN", "MEAN_PRSE",
    "H_PCT10", "H_PCT25", "H_MEDIAN", "H_PCT75", "H_PCT90",
    "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90",
    "JOBS_1000", "LOC_QUOTIENT",
)
TOP_CODED = "5"
TOPCODE_RE = re.compile(r"\$([\d,]+(?:\.\d+)?) per hour or \$([\d,]+) per year")
WAGE_COLUMNS = tuple(f.lower() for f in OEWS_FIELDS)


@dataclass(frozen=True, slots=True)
class WageArea:
    """A state, metropolitan or nonmetropolitan area with OEWS wage estimates."""

    code: str
    name: str
    kind: str  # "state" | "metro" | "nonmetro" | "national"
    state: str | None  # the state it lies in, as the source names it (FIPS or postal code)


#: US states, DC and territories: postal code -> (FIPS code, name). OEWS areas name their state
#: by FIPS code, and a profile holds a postal code ("OH"), so looking an area up by the postal
#: code needs this (USPS Publication 28 codes; FIPS PUB 5-2 numbers).
US_STATES: dict[str, tuple[str, str]] = {
    "AL": ("01", "Alabama"), "AK": ("02", "Alaska"), "AZ": ("04", "Arizona"),
    "AR": ("05", "Arkansas"), "CA": ("06", "California"), "CO": ("08", "Colorado"),
    "CT": ("09", "Connecticut"), "DE": ("10", "Delaware"), "DC": ("11", "District of Columbia"),
    "FL": ("12", "Florida"), "GA": ("13", "Georgia"), "HI": ("15", "Hawaii"),
    "ID": ("16", "Idaho"), "IL": ("17", "Illinois"), "IN": ("18", "Indiana"),
    "IA": ("19", "Iowa"), "KS": ("20", "Kansas"), "KY": ("21", "Kentucky"),
    "LA": ("22", "Louisiana"), "ME": ("23", "Maine"), "MD": ("24", "Maryland"),
    "MA": ("25", "Massachusetts"), "MI": ("26", "Michigan"), "MN": ("27", "Minnesota"),
    "MS": ("28", "Mississippi"), "MO": ("29", "Missouri"), "MT": ("30", "Montana"),
    "NE": ("31", "Nebraska"), "NV": ("32", "Nevada"), "NH": ("33", "New Hampshire"),
    "NJ": ("34", "New Jersey"), "NM": ("35", "New Mexico"), "NY": ("36", "New York"),
    "NC": ("37", "North Carolina"), "ND": ("38", "North Dakota"), "OH": ("39", "Ohio"),
    "OK": ("40", "Oklahoma"), "OR": ("41", "Oregon"), "PA": ("42", "Pennsylvania"),
    "RI": ("44", "Rhode Island"), "SC": ("45", "South Carolina"), "SD": ("46", "South Dakota"),
    "TN": ("47", "Tennessee"), "TX": ("48", "Texas"), "UT": ("49", "Utah"),
    "VT": ("50", "Vermont"), "VA": ("51", "Virginia"), "WA": ("53", "Washington"),
    "WV": ("54", "West Virginia"), "WI": ("55", "Wisconsin"), "WY": ("56", "Wyoming"),
    "AS": ("60", "American Samoa"), "GU": ("66", "Guam"),
    "MP": ("69", "Northern Mariana Islands"), "PR": ("72", "Puerto Rico"),
    "VI": ("78", "Virgin Islands"),
}


_FIELD_WORDS = {
    "A_PCT10": "10th percentile", "A_PCT25": "25th percentile", "A_MEDIAN": "median",
    "A_PCT75": "75th percentile", "A_PCT90": "90th percentile", "H_MEDIAN": "hourly median",
}
#: The fields a Wages record carries, in the order of the compact area arrays.
SHOWN = ("TOT_EMP", "H_MEDIAN", "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90")
SHOWN_POS = tuple(OEWS_FIELDS.index(f) for f in SHOWN)


@dataclass(frozen=True)
class TopCode:
    hourly: str | None  # "$115.00"
    annual: str | None  # "$239,200"

    @classmethod
    def from_footnotes(cls, notes: Mapping[str, str]) -> TopCode:
        found = TOPCODE_RE.search(notes.get(TOP_CODED, ""))
        if not found:
            return cls(None, None)
        return cls(f"${found.group(1)}", f"${found.group(2)}")


def _footnote_map(footnotes: str | None) -> dict[str, str]:
    out = {}
    for part in (footnotes or "").split(";"):
        field, _, code = part.partition("=")
        if code:
            out[field.strip()] = code.strip()
    return out


def wage_note(footnotes: str | None, topcode: TopCode) -> str | None:
    """Words for the BLS footnotes that change how a wage record reads."""
    codes = _footnote_map(footnotes)
    notes = []
    capped = [f for f, c in codes.items() if c == TOP_CODED and f in _FIELD_WORDS]
    annual = [_FIELD_WORDS[f] for f in SHOWN if f in capped and f.startswith("A_")]
    if annual:
        at_least = (
            f"at least {topcode.annual} a year"
            if topcode.annual
            else ("at or above the BLS top-coding threshold")
        )
        notes.append(f"top-coded: {', '.join(annual)} {at_least}")
    if "H_MEDIAN" in capped:
        at_least = (
            f"at least {topcode.hourly} an hour"
            if topcode.hourly
            else ("at or above the BLS top-coding threshold")
        )
        notes.append(f"top-coded: hourly median {at_least}")
    if codes.get("H_MEDIAN") == "4":
        notes.append("BLS publishes annual wages only for this occupation")
    elif codes.get("A_MEDIAN") == "4":
        notes.append(
            "BLS publishes hourly wages only (work that is not usually year-round, full time)"
        )
    return "; ".join(notes) or None


def resolve_soc(onet_code: str, available: Mapping[str, str | None],
                what: str = "wages") -> tuple[str, str | None] | None:
    """The SOC code whose figures stand for an O*NET occupation, and a note when it is not
    the occupation itself; None when BLS publishes nothing that contains it."""
    soc = onet_code[:7]
    if soc in available:
        if onet_code.endswith(".00") or len(onet_code) == 7:
            return soc, None
        title = available[soc]
        return soc, (
            f"BLS {what} of the SOC occupation {soc}"
            + (f" {title}" if title else "")
            + ", which includes this one"
        )
    broad = soc[:6] + "0"
    if broad != soc and broad in available:
        title = available[broad]
        return broad, (
            f"BLS does not publish {what} for {soc} separately: figures of the "
            f"broader group {broad}" + (f" {title}" if title else "")
        )
    return None


def floats() -> array[float]:
    return array("d")


def _num(value: float) -> float | None:
    return None if math.isnan(value) else value


def make_wages(soc: str, area: str, year: str, values: Sequence[float | None],
               note: str | None) -> Wages:
    emp, hourly, p10, p25, median, p75, p90 = values
    return Wages(soc_code=soc, area=area, year=year, annual_median=median, annual_p10=p10,
                 annual_p25=p25, annual_p75=p75, annual_p90=p90, hourly_median=hourly,
                 employment=emp, note=note)


def _join(*notes: str | None) -> str | None:
    return "; ".join(n for n in notes if n) or None


class AreaWageTable:
    """OEWS wages by area, held compactly: one float array per area and one SOC index shared by
    all areas, so the ~240,000 state and metro estimates cost ~15 MB rather than ~70 MB."""

    def __init__(self) -> None:
        self.areas: dict[str, WageArea] = {}
        self.year = ""
        self.topcode = TopCode(None, None)
        self._names: dict[str, str] = {}
        self._soc_index: dict[str, int] = {}
        self._soc_titles: dict[str, str | None] = {}
        self._slots: dict[str, array[int]] = {}
        self._values: dict[str, array[float]] = {}
        self._footnotes: dict[str, dict[int, str]] = {}

    def __len__(self) -> int:
        return len(self.areas)

    def __bool__(self) -> bool:
        return bool(self.areas)

    def sorted_areas(self, kind: str | None = None) -> list[WageArea]:
        """Areas, states first, then metro and nonmetropolitan areas, by name."""
        order = {"state": 0, "metro": 1, "nonmetro": 2}
        return sorted(
            (a for a in self.areas.values() if kind is None or a.kind == kind),
            key=lambda a: (order.get(a.kind, 3), a.name),
        )

    def find(self, text: str) -> WageArea | None:
        """An area by its code, its exact name (any case), or a state's postal code ("OH")."""
        text = text.strip()
        if text in self.areas:
            return self.areas[text]
        code = self._names.get(text.casefold())
        if code:
            return self.areas.get(code)
        return self.state(text)

    def state(self, postal: str) -> WageArea | None:
        """The state-wide area of a state, DC or territory given by its postal code (any case):
        by the FIPS code the source gives, else by the state's name."""
        known = US_STATES.get(postal.strip().upper())
        if known is None:
            return None
        fips, name = known
        for area in self.areas.values():
            if area.kind == "state" and area.state in (fips, postal.strip().upper()):
                return area
        code = self._names.get(name.casefold())
        return self.areas.get(code) if code else None

    def suggest(self, text: str, limit: int = 10) -> list[WageArea]:
        """Areas whose name contains ``text`` (any case), for a location picker: states first,
        then areas whose name starts with the text, then the rest, each by name."""
        needle = text.strip().casefold()
        if not needle:
            return []
        order = {"state": 0, "metro": 1, "nonmetro": 2}
        found = [a for a in self.areas.values() if needle in a.name.casefold()]
        found.sort(key=lambda a: (order.get(a.kind, 3), not a.name.casefold().startswith(needle),
                                  a.name))
        return found[:limit]

    def get(self, code: str, area: str) -> Wages | None:
        """Wages for an O*NET (or SOC) code in an area given by code or name."""
        found = self.find(area)
        if found is None:
            return None
        slots = self._slots[found.code]
        available = _AreaView(self, slots)
        resolved = resolve_soc(code, available)
        if resolved is None:
            return None
        soc, note = resolved
        row = slots[self._soc_index[soc]]
        values = self._values[found.code][row * len(SHOWN) : (row + 1) * len(SHOWN)]
        footnotes = self._footnotes[found.code].get(row)
        return make_wages(soc, found.name, self.year, [_num(v) for v in values],
                          _join(note, wage_note(footnotes, self.topcode)))

    def load(self, conn: sqlite3.Connection, year: str, topcode: TopCode) -> None:
        self.year = year
        self.topcode = topcode
        for code, kind, state, name in query(
            conn, "SELECT area_code, area_type, state, name FROM oews_area"
        ):
            self.areas[code] = WageArea(code, name, kind, state)
            self._names.setdefault(name.casefold(), code)
            self._slots[code], self._values[code], self._footnotes[code] = array("i"), floats(), {}
        for area, socs, blob, footnotes in query(
            conn, "SELECT area_code, socs, vals, footnotes FROM oews_area_pack"
        ):
            codes = socs.split(",") if socs else []
            index = [self._soc_index.setdefault(s, len(self._soc_index)) for s in codes]
            slots = array("i", [-1]) * (max(index) + 1 if index else 0)
            for row, i in enumerate(index):
                slots[i] = row
            values = floats()
            values.frombytes(blob)
            if sys.byteorder == "big":
                values.byteswap()
            self._slots[area] = slots
            self._values[area] = values
            self._footnotes[area] = (
                {int(k): v for k, v in json.loads(footnotes).items()} if footnotes else {}
            )

    def set_titles(self, titles: Mapping[str, str | None]) -> None:
        self._soc_titles = dict(titles)


class _AreaView(Mapping[str, str | None]):
    """The SOC codes one area publishes, as ``resolve_soc`` wants them (code -> title)."""

    def __init__(self, table: AreaWageTable, slots: array[int]) -> None:
        self._table = table
        self._slots = slots

    def __contains__(self, soc: object) -> bool:
        index = self._table._soc_index.get(soc) if isinstance(soc, str) else None
        return index is not None and index < len(self._slots) and self._slots[index] >= 0

    def __getitem__(self, soc: str) -> str | None:
        if soc not in self:
            raise KeyError(soc)
        return self._table._soc_titles.get(soc)

    def __iter__(self) -> Iterator[str]:
        return (s for s in self._table._soc_index if s in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def source_release(meta: Mapping[str, Any], name: str) -> str | None:
    for source in meta.get("sources", []):
        if source.get("name") == name:
            return str(source.get("release") or "") or None
    return None


def load_wages(conn: sqlite3.Connection, codes: Iterable[str], meta: Mapping[str, Any]
               ) -> tuple[dict[str, Wages], AreaWageTable]:
    """National wages per O*NET code, and the area table, from a built knowledge base."""
    footnotes = dict(query(conn, "SELECT code, text FROM oews_footnote"))
    topcode = TopCode.from_footnotes(footnotes)
    year = source_release(meta, "bls-wages") or source_release(meta, "bls-areas") or ""
    national: dict[str, tuple[str | None, list[float | None], str | None]] = {}
    cols = ", ".join(WAGE_COLUMNS[i] for i in SHOWN_POS)
    for soc, title, notes, *nums in query(
        conn, f"SELECT occ_code, occ_title, footnotes, {cols} FROM oews_national"
    ):
        national[soc] = (title, nums, notes)
    titles = {soc: t for soc, (t, _, _) in national.items()}
    wages: dict[str, Wages] = {}
    if national:
        for code in codes:
            resolved = resolve_soc(code, titles)
            if resolved is None:
                continue
            soc, note = resolved
            _, nums, notes = national[soc]
            wages[code] = make_wages(soc, "United States", year, nums,
                                     _join(note, wage_note(notes, topcode)))
    areas = AreaWageTable()
    areas.load(conn, source_release(meta, "bls-areas") or year, topcode)
    areas.set_titles(titles)
    return wages, areas


def load_outlook(conn: sqlite3.Connection, codes: Iterable[str], meta: Mapping[str, Any]
                 ) -> dict[str, Outlook]:
    period = source_release(meta, "bls-projections") or ""
    rows: dict[str, tuple[Any, ...]] = {}
    titles: dict[str, str | None] = {}
    columns = {row[1] for row in query(conn, "PRAGMA table_info(bls_projection)")}
    # builds made before the entry-requirement columns were kept read as unknown
    extra = ", ".join(
        c if c in columns else f"NULL AS {c}" for c in ("work_experience", "training")
    )
    for code, title, *rest in query(
        conn,
        "SELECT code, title, employment_start, employment_end, change_percent, openings, "
        f"self_employed_percent, typical_education, {extra} FROM bls_projection",
    ):
        rows.setdefault(code, tuple(rest))
        titles.setdefault(code, title)
    outlook: dict[str, Outlook] = {}
    if not rows:
        return outlook
    for code in codes:
        resolved = resolve_soc(code, titles, what="projections")
        if resolved is None:
            continue
        soc, note = resolved
        start, end, change, openings, self_emp, education, experience, training = rows[soc]
        outlook[code] = Outlook(soc_code=soc, period=period, employment_start=start,
                                employment_end=end, change_percent=change,
                                openings_per_year=openings, self_employed_percent=self_emp,
                                typical_education=education, note=note,
                                work_experience=experience, training=training)
    return outlook


@dataclass(frozen=True)
class BlsFigures:
    """The BLS figures per O*NET code: national wages, wages by area, outlook (projections);
    empty for a source that was not installed."""

    wages: dict[str, Wages] = field(default_factory=dict)
    area_wages: AreaWageTable = field(default_factory=AreaWageTable)
    outlook: dict[str, Outlook] = field(default_factory=dict)


def load(conn: sqlite3.Connection, codes: Iterable[str], meta: Mapping[str, Any]) -> BlsFigures:
    """The BLS figures of a built knowledge base for the O*NET ``codes``."""
    codes = list(codes)
    wages, areas = load_wages(conn, codes, meta)
    return BlsFigures(wages, areas, load_outlook(conn, codes, meta))
