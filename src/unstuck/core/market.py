"""Market research over a set of postings for one target occupation.

:func:`summarise` takes the postings (as :class:`~unstuck.core.match.PostingFacts`) and what
the person's evidence covers, and returns a :class:`MarketSummary`:

- **skill frequency**: for each skill, the share of postings that ask for it (a posting that
  names a skill twice counts once; a word that names concepts in two vocabularies is one
  skill, shown in the postings' most common wording), and how many ask for it as required;
- **co-occurrence**: pairs of skills asked for in the same posting, with the count and the
  share of postings; only pairs seen in at least ``min_pair`` postings, the most frequent first;
- **pay**: the stated pay, grouped by (currency, period) because an hourly and a yearly figure
  cannot share a range; postings without stated pay are counted, never filled in;
- **coverage**: which of the skills the person's evidence (resume lines) already shows, and the
  share of all skill asks (weighted by frequency) that this covers.

Pure: no I/O, no knowledge base.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from unstuck.core.match import PostingFacts, fold_label, skill_groups

Ident = tuple[str, str]


@dataclass(frozen=True)
class SkillFrequency:
    kind: str
    id: str
    label: str
    postings: int
    percent: float  # of all postings
    required: int  # postings that ask for it as required
    covered: bool
    evidence: tuple[str, ...]  # the person's lines that show it (empty when not covered)
    names: tuple[str, ...] = ()  # every concept's label (and O*NET element id) it stands for


@dataclass(frozen=True)
class Pair:
    a: str  # labels, in alphabetical order
    b: str
    postings: int
    percent: float


@dataclass(frozen=True)
class PayRange:
    currency: str | None
    period: str | None
    postings: int  # postings stating pay in this currency and period
    low: float  # the lowest stated minimum
    high: float  # the highest stated maximum (or minimum when no maximum is stated)
    median_mid: float  # the median of each posting's midpoint


@dataclass(frozen=True)
class MarketSummary:
    target_code: str | None
    postings: int
    skills: tuple[SkillFrequency, ...]
    pairs: tuple[Pair, ...]
    pay: tuple[PayRange, ...]
    without_pay: int
    coverage: float | None  # 0-100: frequency-weighted share of asks the evidence covers

    @property
    def gaps(self) -> tuple[SkillFrequency, ...]:
        """Skills the postings ask for that the person's evidence does not show, most asked
        first."""
        return tuple(s for s in self.skills if not s.covered)

    def shares(self) -> dict[str, float]:
        """Skill name -> share of postings asking for it (0-1): the ``market`` argument of
        :func:`unstuck.core.plan.gaps.analyse_gaps`, so the gap list ranks what postings ask
        for higher. Every name a skill stands for is a key: the postings' wording ("Excel"),
        each concept's label ("Microsoft Excel") and O*NET element ids."""
        if not self.postings:
            return {}
        out: dict[str, float] = {}
        for s in self.skills:
            for name in (s.label, *s.names):
                out[name] = max(out.get(name, 0.0), s.postings / self.postings)
        return out


def summarise(
    postings: Sequence[PostingFacts],
    evidence: Mapping[str, Sequence[str]],
    *,
    target_code: str | None = None,
    min_pair: int = 2,
    max_pairs: int = 30,
) -> MarketSummary:
    """Summarise ``postings``. ``evidence`` maps a skill key (``"kind:id"`` or a folded label,
    see :func:`evidence_key`) to the person's lines that show it."""
    n = len(postings)
    # One skill is the concepts one word names: "Python" is an ESCO skill and an O*NET
    # technology, counted once (core.match.skill_groups); words naming a shared concept in
    # different postings ("Excel", "Microsoft Excel") join the same skill.
    parent: dict[Ident, Ident] = {}

    def root(x: Ident) -> Ident:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    asked: list[list[tuple[list[Ident], bool, str]]] = []
    labels: dict[Ident, str] = {}
    for posting in postings:
        found = []
        for group in skill_groups(posting.skills):
            idents = [(a.kind, a.id) for a in group]
            for ident, ask in zip(idents, group, strict=True):
                labels.setdefault(ident, ask.label)
                parent[root(ident)] = root(idents[0])
            surface = group[0].surface[0] if group[0].surface else group[0].label
            found.append((idents, any(a.required for a in group), surface))
        asked.append(found)
    counts: Counter[Ident] = Counter()
    required: Counter[Ident] = Counter()
    words: dict[Ident, Counter[str]] = {}
    pair_counts: Counter[tuple[Ident, Ident]] = Counter()
    for found in asked:
        seen: dict[Ident, bool] = {}
        for idents, req, surface in found:
            r = root(idents[0])
            seen[r] = seen.get(r, False) or req
            words.setdefault(r, Counter())[surface] += 1
        for r, req in seen.items():
            counts[r] += 1
            required[r] += req
        pair_counts.update(combinations(sorted(seen), 2))
    members: dict[Ident, list[Ident]] = {}
    for ident in labels:
        members.setdefault(root(ident), []).append(ident)

    def name(r: Ident) -> str:
        return words[r].most_common(1)[0][0] if words.get(r) else labels[r]

    skills = []
    for r, count in counts.items():
        lines: Sequence[str] = ()
        for kind, id_ in members[r]:
            lines = (
                evidence.get(evidence_key(kind, id_))
                or evidence.get(fold_label(labels[(kind, id_)]))
                or ()
            )
            if lines:
                break
        skills.append(
            SkillFrequency(
                r[0],
                r[1],
                name(r),
                count,
                round(100 * count / n, 1),
                required[r],
                bool(lines),
                tuple(lines),
                tuple(
                    dict.fromkeys(
                        n
                        for m in members[r]
                        for n in (labels[m], *((m[1],) if m[0] == "element" else ()))
                    )
                ),
            )
        )
    skills.sort(key=lambda s: (-s.postings, -s.required, s.label))
    pairs = []
    for (x, y), c in pair_counts.items():
        if c >= min_pair:
            a, b = sorted((name(x), name(y)))
            pairs.append(Pair(a, b, c, round(100 * c / n, 1)))
    pairs.sort(key=lambda p: (-p.postings, p.a, p.b))
    groups: dict[tuple[str | None, str | None], list[tuple[float, float]]] = {}
    without = 0
    for posting in postings:
        if posting.pay is None:
            without += 1
            continue
        p = posting.pay
        top = p.maximum if p.maximum is not None else p.minimum
        groups.setdefault((p.currency, p.period), []).append((p.minimum, top))
    pay = [
        PayRange(
            cur,
            period,
            len(vals),
            min(v[0] for v in vals),
            max(v[1] for v in vals),
            statistics.median((lo + hi) / 2 for lo, hi in vals),
        )
        for (cur, period), vals in groups.items()
    ]
    pay.sort(key=lambda r: -r.postings)
    total = sum(s.postings for s in skills)
    coverage = (
        round(100 * sum(s.postings for s in skills if s.covered) / total, 1) if total else None
    )
    return MarketSummary(
        target_code, n, tuple(skills), tuple(pairs[:max_pairs]), tuple(pay), without, coverage
    )


def evidence_key(kind: str, id_: str) -> str:
    return f"{kind}:{id_}"
