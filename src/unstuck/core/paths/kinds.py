"""Kinds of move, from the structure of work.

A move is named by how it relates to the person's occupation, not by its score:

- **grow** where you are: the person's own occupation (new challenge, another employer or
  setting);
- **up**: more responsibility over the same work. The managers who lead that work (the
  :data:`LEADERS` managers most similar to it in tasks, titles, descriptions and work
  activities), the first-line supervisors of its SOC major group that are closest to it, the
  more senior occupations of its own SOC minor group (a higher job zone), and close work two or
  more job zones up;
- **sideways**: close work (the same SOC minor group, or among the :data:`CLOSE_RANK` most
  similar occupations) at a similar level;
- **change** field: everything else;
- **self**: working for yourself in the person's own occupation, or close ones where at least
  :data:`SELF_EMPLOYED_MIN_PERCENT` % of workers are self-employed (BLS Employment Projections).
  Never an unrelated occupation because many in it are self-employed.

:func:`moves` computes the kind and its reason for every occupation once per person; a
reason is a code with the values behind it, worded by the front ends.

Pure: arrays in, values out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from unstuck.core.paths.data import OccupationData

#: Text signals behind "how close is this work", averaged.
CLOSE_SIGNALS = ("tasks", "titles", "description", "activities")
#: An occupation among this many most similar to the person's counts as close work.
CLOSE_RANK = 40
#: How much closeness by skills counts towards related experience (closeness by the work's own
#: description counts fully).
EXPERIENCE_SKILL_SHARE = 0.6
#: The managers counted as leading an occupation's work: its most similar managers.
LEADERS = 3
#: First-line supervisors of the person's major group counted as theirs.
SUPERVISORS = 2
#: "Work for yourself": close occupations where at least this share is self-employed.
SELF_EMPLOYED_MIN_PERCENT = 15.0
#: How many close occupations the "work for yourself" kind looks at.
SELF_CLOSE_RANK = 60
#: Work that at least this share do self-employed is a "work for yourself" move, not a job to
#: apply for: it is listed under that kind only.
MOSTLY_SELF_EMPLOYED_PERCENT = 50.0

#: General management: a step up for anyone who already leads people.
GENERAL_MANAGERS = ("11-1021",)


def is_residual(title: str) -> bool:
    """SOC's residual categories ("Computer Occupations, All Other"): not an occupation one
    can aim for, and O*NET publishes almost nothing about them."""
    return title.endswith("All Other") or ", All Other" in title


def is_manager(code: str) -> bool:
    return code.startswith("11-")


def is_supervisor(title: str) -> bool:
    return title.startswith("First-Line Supervisors")


@dataclass(frozen=True)
class Move:
    kind: str  # grow, up, sideways, change
    #: why: "own", "leads_your_work", "supervises_your_work", "senior_in_family",
    #: "close_and_higher", "close", "same_family", "other_field", "no_occupation"
    reason: str
    zone_from: int | None = None
    zone_to: int | None = None


@dataclass(frozen=True)
class Moves:
    """The kind of move to every occupation for one person."""

    kinds: tuple[Move, ...]
    #: 0-1 per occupation: how close the work is to the person's (1 = their own)
    closeness: npt.NDArray[np.float64]
    #: row numbers of the occupations that count for "work for yourself", own first
    self_rows: tuple[int, ...]
    #: 0-1 per occupation: how near what the work needs is to what the person's work needs
    near: npt.NDArray[np.float64] | None = None

    def of(self, i: int) -> Move:
        return self.kinds[i]


def work_similarity(data: OccupationData, i: int) -> npt.NDArray[np.float64]:
    """Mean text similarity of occupation ``i`` to every occupation (nan-free, 0-1)."""
    parts = [data.similarity[s][0][i] for s in CLOSE_SIGNALS if s in data.similarity]
    if not parts:
        return np.zeros(len(data))
    out: npt.NDArray[np.float64] = np.mean([p.astype(np.float64) for p in parts], axis=0)
    return out


def skill_closeness(data: OccupationData, i: int) -> npt.NDArray[np.float64]:
    """Closeness by what the work needs (skills and knowledge importance profiles): work that
    draws on the same abilities counts as related even when it is described in other words
    (a teacher's years for an instructional coordinator)."""
    if not data.has_effective_ratings[i]:
        return np.zeros(len(data))
    imp = data.importance0
    norms = data.importance_length
    with np.errstate(invalid="ignore", divide="ignore"):
        cos = np.where(norms > 0, (imp @ imp[i]) / (norms * norms[i]), -1.0)
    cos[i] = -np.inf
    cos[~data.has_effective_ratings] = -np.inf
    order = np.argsort(-cos, kind="stable")
    rank = np.empty(len(data))
    rank[order] = np.arange(len(data))
    out = closeness_from_rank(rank)
    out[~data.has_effective_ratings] = 0.0
    return out


def closeness_from_rank(rank: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """1 for the closest occupations, about 0.5 at rank 25, falling towards 0 beyond 150."""
    return 1.0 / (1.0 + (rank / 25.0) ** 1.5)


def _zone(data: OccupationData, i: int) -> int | None:
    z = float(data.job_zone[i])
    return int(z) if math.isfinite(z) else None


def moves(data: OccupationData, occupation: str | None) -> Moves:
    n = len(data)
    if not occupation or occupation not in data.index:
        none = tuple(Move("change", "no_occupation") for _ in range(n))
        return Moves(none, np.zeros(n), ())
    me = data.index[occupation]
    sim = work_similarity(data, me)
    sim_others = sim.copy()
    sim_others[me] = -np.inf
    order = np.argsort(-sim_others, kind="stable")
    rank = np.empty(n)
    rank[order] = np.arange(n)
    by_text = closeness_from_rank(rank)
    by_skills = skill_closeness(data, me)
    # years count as related experience mostly by the work itself; what has to be learnt
    # follows what the work needs as much as how it is described
    closeness = np.maximum(by_text, EXPERIENCE_SKILL_SHARE * by_skills)
    closeness[me] = 1.0
    near = np.maximum(by_text, by_skills)
    near[me] = 1.0
    titles = data.titles
    codes = data.codes
    my_zone = _zone(data, me)
    leads_now = is_manager(occupation) or is_supervisor(titles[me])

    managers = [i for i in range(n) if is_manager(codes[i]) and i != me]
    leaders = sorted(managers, key=lambda i: -sim[i])[:LEADERS]
    up: dict[int, str] = {}
    for i in leaders:
        up[i] = "leads_your_work"
    if leads_now:
        for i in managers:
            if codes[i].startswith(GENERAL_MANAGERS):
                up.setdefault(i, "leads_your_work")
    else:
        supervisors = [
            i
            for i in range(n)
            if is_supervisor(titles[i]) and codes[i][:2] == occupation[:2] and i != me
        ]
        for i in sorted(supervisors, key=lambda i: -sim[i])[:SUPERVISORS]:
            up[i] = "supervises_your_work"
    minor = occupation[:4]
    for i in range(n):
        if i == me or i in up:
            continue
        z = _zone(data, i)
        if z is None or my_zone is None:
            continue
        if codes[i][:4] == minor and z > my_zone and not is_supervisor(titles[i]):
            up[i] = "senior_in_family"
        elif rank[i] < CLOSE_RANK and z >= my_zone + 2:
            up[i] = "close_and_higher"

    share = np.nan_to_num(data.self_employed_percent.astype(np.float64), nan=-1.0)
    kinds: list[Move] = []
    for i in range(n):
        z = _zone(data, i)
        if i != me and share[i] >= MOSTLY_SELF_EMPLOYED_PERCENT:
            kinds.append(Move("self", "mostly_self_employed", my_zone, z))
        elif i == me:
            kinds.append(Move("grow", "own", my_zone, z))
        elif i in up:
            kinds.append(Move("up", up[i], my_zone, z))
        elif codes[i][:4] == minor:
            kinds.append(Move("sideways", "same_family", my_zone, z))
        elif rank[i] < CLOSE_RANK:
            kinds.append(Move("sideways", "close", my_zone, z))
        else:
            kinds.append(Move("change", "other_field", my_zone, z))

    self_rows = [me]
    own_wage = [note is None or "includes this one" not in note for note in data.wage_note] \
        if data.wage_note else [True] * n
    for i in order[:SELF_CLOSE_RANK]:
        i = int(i)
        # a business needs an income picture: not for work whose earnings BLS only publishes
        # as part of a broader occupation's
        if i != me and share[i] >= SELF_EMPLOYED_MIN_PERCENT and own_wage[i]:
            self_rows.append(i)
    return Moves(tuple(kinds), closeness, tuple(self_rows), near)
