"""Market research over a set of postings for one target occupation.

:func:`summarise` takes the postings (as :class:`~unstuck.core.match.PostingFacts`) and what
the person's evidence covers, and returns a :class:`MarketSummary`:

- **skill frequency**: for each skill, the share of postings that ask for it (a posting that
  names a skill twice counts once), and how many of those ask for it as required;
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

from unstuck.core.match import PostingFacts, fold_label


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
        """Skill label -> share of postings asking for it (0-1): the ``market`` argument of
        :func:`unstuck.core.plan.gaps.analyse_gaps`, so the gap list ranks what postings ask
        for higher."""
        if not self.postings:
            return {}
        return {s.label: s.postings / self.postings for s in self.skills}


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
    counts: Counter[tuple[str, str]] = Counter()
    required: Counter[tuple[str, str]] = Counter()
    labels: dict[tuple[str, str], str] = {}
    pair_counts: Counter[tuple[str, str]] = Counter()
    for posting in postings:
        seen: dict[tuple[str, str], bool] = {}
        for ask in posting.skills:
            ident = (ask.kind, ask.id)
            labels.setdefault(ident, ask.label)
            seen[ident] = seen.get(ident, False) or ask.required
        for ident, req in seen.items():
            counts[ident] += 1
            required[ident] += req
        names = sorted({labels[i] for i in seen})
        pair_counts.update(combinations(names, 2))
    skills = []
    for ident, count in counts.items():
        kind, id_ = ident
        lines = evidence.get(f"{kind}:{id_}") or evidence.get(fold_label(labels[ident])) or ()
        skills.append(
            SkillFrequency(
                kind,
                id_,
                labels[ident],
                count,
                round(100 * count / n, 1),
                required[ident],
                bool(lines),
                tuple(lines),
            )
        )
    skills.sort(key=lambda s: (-s.postings, -s.required, s.label))
    pairs = [
        Pair(a, b, c, round(100 * c / n, 1)) for (a, b), c in pair_counts.items() if c >= min_pair
    ]
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
