"""The journey benchmark: does unstuck give each persona what a career coach would give them?

    .venv/bin/python benchmarks/journeys.py [--personas DIR] [--json] [--no-baseline]
                                            [--home DIR | --data DIR]

``--personas`` (default ``../shared/personas`` beside the repository; relative paths are taken
from the current directory, absolute ones as they are) holds one YAML file per person in the
schema of its README. Every file is scored the same way: nothing here or in ``src/`` knows a
persona, so unseen files work the same.

**The journey.** For each persona, in one Django process with a fresh user database (every
row of unstuck's models deleted between personas), the person walks through the product's own
services, as the pages and the CLI call them:

Services are found by :func:`services` (``unstuck.app`` when they have moved there, else
``unstuck.web.<area>.services``).

1. *About you* (``web/profile/services``): ``set_occupation`` with the current code and years
   (which prefills the occupation's top skills and knowledge at their typical levels), then
   ``save_profile`` with the education (enum -> O*NET RL category: none 1, high-school 2,
   some-college 4, associate 5, bachelor 6, master 8, professional 10, doctoral 11), the
   location (the BLS OEWS area found by its exact ``area`` name, else the state by its postal
   code, stored as the about page stores it: kind, area code, area name), hours a week,
   learning budget, retraining months, pay floor, risk tolerance, savings and monthly
   expenses. Credentials go in only when the core ``Profile`` has a ``credentials`` field and
   the stored profile gives them back; otherwise the output notes "credentials not supported".
2. *The questionnaires*, answered by the rule below and submitted with ``submit_data`` (the
   validated path of ``unstuck assess --answers``), so they are stored and read back like a
   real user's.
3. *The resume*: the ``resume`` text is imported as ``resume.txt`` (``import_resume``) and the
   confirm page's defaults are accepted (every item the page ticks: skill areas, technology,
   a higher education than the profile's, licences and certifications), with the occupation
   left as stated ("Keep my profile's occupation as it is").
4. *Skills step*: the ``skills_self`` levels (element names -> O*NET element ids through the
   knowledge base) replace the levels of those elements; elements the prefill did not list are
   added with the occupation's typical level beside the person's (the services accept any
   element; the skills page today only shows the prefilled ones). ``technology`` is added to
   the profile's list.
5. *Paths* (``web/paths/services.person_for`` with no what-if, then ``score`` and ``explore``,
   as ``/paths/`` does): the top 5 of each kind, each item's kind and readiness estimate
   (months, ``None`` when unknown), the top 10 overall, and ``explain(ranking, code)`` for each
   ``expect.readiness`` code. There is no overall ranking in the product yet:
   ``Exploration.top(n)`` is used when it exists; otherwise every kind's items (10 per kind) are
   merged by their score, deduplicated by code (first, i.e. best-scored, kind kept).
6. *Plan* (``web/plan/services``): the top 10 overall are shortlisted; the plan's target is
   the first expected target (persona order) in that top 10, else the first top-10 item that is
   not the current occupation. Severance and notice (weeks -> months) go into the exit-plan
   inputs (``set_exit``). From ``report_data(build(kb))``: every human-readable string of the
   learning plan, the 90-day plan and the goals (learning text) and of the exit plan (exit
   text, with the 90-day tasks of the exit strand), each week's hours, activity costs (none
   yet: the plan has no cost field) and the months until the plan reaches its target.

**The answer rule** (one rule, deterministic). Every group of items that measures one thing is
answered from one strength ``v`` in 0-1: on a 1-5 scale the group's *keyed* answers are whole
numbers whose mean is as close as possible to ``1 + 4 v`` (``total = round(n (1 + 4 v))``
over the ``n`` items, half up; each item gets ``total // n`` and the first ``total % n`` items
one more); a reverse-keyed item is then answered ``6 - keyed``. The groups and strengths:

- rut check, each root cause's three items from its ``situation`` strength:
  ``lack_of_challenge`` -> not enough challenge, ``no_growth`` -> no growth or advancement,
  ``values_misfit`` -> values misfit, ``toxic_environment`` -> harmful environment or manager,
  ``work_life_balance`` -> work-life balance, ``undervalued_or_pay`` -> both lack of
  recognition and pay; the five emotional-toll items from ``emotional_toll``; the six signs of
  stagnation (tied to no single cause) from the mean of the seven strengths; the three growth
  items (higher is better) from ``1 - mean(lack_of_challenge, no_growth)``;
- wellbeing check-in: all five items from ``wellbeing`` (stress reverse-keyed);
- interests: the activities of the i-th listed RIASEC letter (0-based) are all answered
  ``max(3, 5 - i)`` (5, 4, 3, ...), every unlisted type's activities 2 ("Dislike");
- work values: the i-th listed value's statements ``max(3, 5 - i)``, unlisted values' 2; and
  the optional ranking given: the listed values in order, then the unlisted ones in O*NET's
  order (the instrument needs all six or none).

**Scoring** follows the personas README row by row (:func:`score_persona`, pure). Choices the
README leaves open, made here once:

- cause and strategy keys are mapped in :data:`CAUSE_KEYS` / :data:`STRATEGY_KEYS`; a key of
  the product or of a persona not in those tables stops the run (``KeyError``). The product's
  ranked causes never include emotional toll (it is a separate subscale), so
  ``emotional_toll`` in ``top_causes`` can only be matched by another listed cause;
- ``care_note``: the results page's note (the rut check's or the wellbeing check-in's);
- ``targets.kind``: an occupation can sit in more than one kind's list (sideways and self, for
  one); the kind matches when the expected kind is any of the kinds whose list holds the code;
- rows that are a rate in the README (``targets.kind``, ``targets.ready``, ``readiness``,
  ``plan.must_mention``) have ``pass`` = rate 1.0, ``null`` when there is nothing to rate;
- an unknown readiness estimate is never "within" a range;
- ``plan.must_respect``: ``false`` if any named constraint fails, else ``null`` if any could not
  be checked, else ``true``; its rate is the share of named constraints that hold (unchecked
  ones do not). "Shown" occupations are the top 10 overall and each kind's top 5, the current
  occupation under "grow where you are" included (the page shows it with the filters on).
  Retraining
  fails for a shown occupation with an unknown estimate (an estimate that cannot be made must
  not slip through the limit), pay for one without a wage. The plan reaches its target when
  both its learning activities are done (their finishing week; hours that did not fit in the
  13 weeks at the plan's mean weekly learning hours) and the product's readiness estimate for
  the target has passed; the later of the two is compared with the limit;
- text matching (``must_mention``, ``must_not``): case-insensitive, curly quotes made
  straight, whitespace collapsed, each alternative bounded by non-word characters at both ends
  (so ``CompTIA A+`` and ``C++`` work). Sentences end at ``.``, ``!``, ``?`` followed by
  space, and at line breaks (every collected string is its own line);
- ``exit.resign_before_offer`` when ``false``: a sentence of the exit text is advice to resign
  before an offer when it has a resignation cue in an advising form (``earliest resignation``,
  ``resignation date``, ``resign on|by|from|after|once|when|now``, ``you can|may|could|safe
  to|ready to|time to|go ahead and|then resign|quit|hand in your notice|give notice``, or a
  sentence that starts with ``Resign``/``Quit``/``Hand in``), no negation within three words
  before the cue (``not``, ``never``, ``don't``, ``do not``, ``avoid``, ``no``), and does not make
  it wait for an offer (``offer`` in the sentence, other than ``without ... offer``, ``no
  offer`` or ``before ... offer``). A gerund used as information ("resigning often makes you
  ineligible for unemployment insurance") is not advice. For a self-employment move the
  README's "offer" (licences, insurance, savings, first customers) is not recognised: the same
  rule applies. When ``true``: passes, resigning first is acceptable;
- points per persona with the README's suggested weights: pass/fail rows full points on a pass,
  rate rows weight x rate (``plan.must_respect`` too: its rate); ``care_note`` false gives
  its 4 points to the strategy;
- totals: per check, personas passed / scored (``null`` not scored); every pass/fail row
  passed (``null`` counts as not passed, except an unscored care note) and, looser, no
  pass/fail row failed; readiness in range pooled over every readiness code of every persona;
  absurd appearances summed; recall@10 averaged over personas.

**Baseline**, same run, same rules: the same profile, answers, plan service and scoring, but
the ranking is on occupation similarity alone: the engine's person is
``person_from_occupation(data, current code)`` (the occupation's own levels, interests and
values; the person's are off) with the same constraints and area wages, and the plan follows
the baseline's top 10.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_PERSONAS = REPO.parent / "shared" / "personas"

# -- the README's vocabulary -------------------------------------------------------------------

CHECKS: tuple[str, ...] = (
    "diagnosis.top_causes",
    "diagnosis.first_strategy",
    "diagnosis.care_note",
    "targets.hit",
    "targets.kind",
    "targets.ready",
    "absurd",
    "readiness",
    "plan.must_respect",
    "plan.must_mention",
    "plan.must_not",
    "exit.resign_before_offer",
)
#: rows the README scores as a rate (``pass`` here means every item held)
RATE_CHECKS = frozenset({"targets.kind", "targets.ready", "readiness", "plan.must_mention"})
#: rows that are pass/fail in the README
PASS_FAIL_CHECKS = tuple(c for c in CHECKS if c not in RATE_CHECKS)
#: the README's suggested weights (100 points)
WEIGHTS: dict[str, float] = {
    "diagnosis.top_causes": 8,
    "diagnosis.first_strategy": 8,
    "diagnosis.care_note": 4,
    "targets.hit": 15,
    "targets.kind": 5,
    "targets.ready": 5,
    "absurd": 15,
    "readiness": 15,
    "plan.must_respect": 8,
    "plan.must_mention": 8,
    "plan.must_not": 4,
    "exit.resign_before_offer": 5,
}
SHORT: dict[str, str] = {
    "diagnosis.top_causes": "cause",
    "diagnosis.first_strategy": "strat",
    "diagnosis.care_note": "care",
    "targets.hit": "hit",
    "targets.kind": "kind",
    "targets.ready": "ready",
    "absurd": "absurd",
    "readiness": "readi",
    "plan.must_respect": "resp",
    "plan.must_mention": "ment",
    "plan.must_not": "not",
    "exit.resign_before_offer": "exit",
}

README_CAUSES = (
    "lack_of_challenge",
    "no_growth",
    "values_misfit",
    "toxic_environment",
    "work_life_balance",
    "undervalued_or_pay",
    "emotional_toll",
)
README_STRATEGIES = (
    "reshape_job",
    "move_internally",
    "same_work_elsewhere",
    "change_field",
    "work_for_yourself",
    "plan_exit_first",
    "recover_first",
)
KINDS = ("grow", "sideways", "up", "change", "self")

#: The product's root-cause ids (``core/assess/rut.py``) -> the README's cause keys.
CAUSE_KEYS: dict[str, str] = {
    "cause.challenge": "lack_of_challenge",
    "cause.advancement": "no_growth",
    "cause.values": "values_misfit",
    "cause.environment": "toxic_environment",
    "cause.balance": "work_life_balance",
    "cause.recognition": "undervalued_or_pay",
    "cause.pay": "undervalued_or_pay",
}
#: The product's strategy ids -> the README's strategy keys.
STRATEGY_KEYS: dict[str, str] = {
    "reshape": "reshape_job",
    "internal": "move_internally",
    "elsewhere": "same_work_elsewhere",
    "change_field": "change_field",
    "exit_plan": "plan_exit_first",
    "recover": "recover_first",
    "self": "work_for_yourself",
}
#: The README's situation keys -> the rut check subscales answered from them.
SITUATION_SUBSCALES: dict[str, tuple[str, ...]] = {
    "lack_of_challenge": ("cause.challenge",),
    "no_growth": ("cause.advancement",),
    "values_misfit": ("cause.values",),
    "toxic_environment": ("cause.environment",),
    "work_life_balance": ("cause.balance",),
    "undervalued_or_pay": ("cause.recognition", "cause.pay"),
    "emotional_toll": ("toll",),
}
EDUCATION: dict[str, int] = {
    "none": 1,
    "high-school": 2,
    "some-college": 4,
    "associate": 5,
    "bachelor": 6,
    "master": 8,
    "professional": 10,
    "doctoral": 11,
}
CONSTRAINTS = ("hours_per_week", "learning_budget_usd", "retraining_months", "min_pay_usd")
NEGATION_CUES = (
    "not",
    "no",
    "never",
    "don't",
    "do not",
    "avoid",
    "skip",
    "instead of",
    "rather than",
    "without",
    "no need",
    "unnecessary",
)
#: special cases the README reports on their own
SPECIAL = {"restraint": "11-mechanical-engineer", "safety": "16-social-worker"}
WEEKS_A_MONTH = 52.0 / 12.0


def key_of(table: Mapping[str, str], key: str, what: str) -> str:
    """``table[key]``, or a loud failure naming the table to extend."""
    if key not in table:
        raise KeyError(
            f"unknown {what} {key!r}: add it to benchmarks/journeys.py's mapping "
            f"({', '.join(sorted(table))})"
        )
    return table[key]


def known(values: Iterable[str], allowed: Sequence[str], what: str) -> list[str]:
    out = list(values)
    for v in out:
        if v not in allowed:
            raise KeyError(f"unknown {what} {v!r} in a persona; one of {', '.join(allowed)}")
    return out


# -- what the product gives -------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One occupation as the product shows it."""

    code: str
    title: str
    kind: str
    score: float
    months: float | None  # readiness estimate; None: unknown
    pay: float | None = None  # annual median, the person's area when known, else national
    #: every kind whose list holds this code (an occupation can be both sideways and self)
    kinds: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "title": self.title,
            "kind": self.kind,
            "kinds": list(self.kinds or (self.kind,)),
            "score": round(self.score, 2),
            "months": None if self.months is None else round(self.months, 1),
            "pay": self.pay,
        }


@dataclass(frozen=True)
class ProductOutput:
    """What the personas README says the product must output for one person."""

    current_code: str | None
    causes: tuple[str, ...]  # README cause keys, the product's ranking (top first)
    first_strategy: str | None  # README strategy key of the top-ranked strategy
    care_note: bool
    top: tuple[Item, ...]  # overall, best first
    by_kind: Mapping[str, tuple[Item, ...]]  # each kind's items, best first
    readiness: Mapping[str, float | None]  # months for codes asked about; None unknown
    learning_text: str = ""  # learning plan, 90-day plan and goals, one string per line
    exit_text: str = ""  # exit plan
    weekly_hours: tuple[float, ...] = ()  # the plan's load per week
    costs: tuple[float, ...] | None = None  # per activity, USD; None: the plan has no costs
    plan_target: str | None = None
    plan_months: float | None = None  # months until the plan reaches its target
    notes: tuple[str, ...] = ()

    @property
    def plan_text(self) -> str:
        return self.learning_text + "\n" + self.exit_text

    def shown(self) -> list[Item]:
        """Occupations shown: the top 10 overall and each kind's top 5 (one entry per code)."""
        seen: dict[str, Item] = {}
        for it in (*self.top[:10], *(i for items in self.by_kind.values() for i in items[:5])):
            seen.setdefault(it.code, it)
        return list(seen.values())


@dataclass(frozen=True)
class Check:
    passed: bool | None
    rate: float | None = None
    why: str = ""
    count: int | None = None  # absurd appearances (totals only)

    def to_dict(self) -> dict[str, Any]:
        return {
            "pass": self.passed,
            "rate": None if self.rate is None else round(self.rate, 3),
            "why": self.why,
        }


# -- text matching ------------------------------------------------------------------------------

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def normalise(text: str) -> str:
    return " ".join(text.translate(_QUOTES).split())


def phrase(alternative: str) -> re.Pattern[str]:
    """A whole-word, case-insensitive pattern for one alternative, whitespace collapsed."""
    words = [re.escape(w) for w in normalise(alternative).split(" ") if w]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def sentences(text: str) -> list[str]:
    return [normalise(s) for s in _SENTENCE_END.split(text.translate(_QUOTES)) if s.strip()]


_NEGATION = [phrase(c) for c in NEGATION_CUES]


def negated(sentence: str) -> bool:
    return any(p.search(sentence) for p in _NEGATION)


def alternatives(item: str) -> list[str]:
    return [a.strip() for a in item.split("|") if a.strip()]


def mentions(text: str, item: str) -> str | None:
    """The first alternative of ``item`` found in ``text``, or None."""
    flat = normalise(text)
    for alt in alternatives(item):
        if phrase(alt).search(flat):
            return alt
    return None


def violations(text: str, item: str) -> list[str]:
    """Sentences of ``text`` matching an alternative of ``item`` with no negation cue."""
    out = []
    pats = [phrase(a) for a in alternatives(item)]
    for s in sentences(text):
        if any(p.search(s) for p in pats) and not negated(s):
            out.append(s)
    return out


_RESIGN = (
    r"(?:resign\w*|quit(?:ting)?|hand(?:ing)? in (?:your |my )?notice"
    r"|giv(?:e|ing) (?:your |my )?notice)"
)
_ADVICE = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b(?:earliest|recommended|planned|safe)\s+resignation\b",
        r"\bresignation\s+(?:date|day)\b",
        r"\b(?:date|day|time)\s+to\s+" + _RESIGN,
        r"\bresign\s+(?:on|by|from|after|once|when|now|today|then)\b",
        r"\b(?:you can|you may|you could|safe to|ready to|time to|go ahead and|then|now)\s+"
        + _RESIGN,
        r"^\W*(?:resign|quit|hand in|give notice)\b",
    )
]
_RESIGN_NEGATED = re.compile(
    r"\b(?:not|never|don't|do not|avoid|no)\W+(?:\w+\W+){0,3}?" + _RESIGN, re.IGNORECASE
)
_OFFER = re.compile(r"\boffers?\b", re.IGNORECASE)
_NO_OFFER = re.compile(
    r"\b(?:without|no|before)\b(?:\W+\w+){0,4}?\W+offers?\b|\bbefore (?:you have|getting) an? ",
    re.IGNORECASE,
)


def resign_advice(text: str) -> list[str]:
    """Sentences advising to resign or quit before a written offer (see the module docstring)."""
    out = []
    for s in sentences(text):
        if not any(p.search(s) for p in _ADVICE):
            continue
        if _RESIGN_NEGATED.search(s):
            continue
        if _OFFER.search(s) and not _NO_OFFER.search(s):
            continue  # waits for an offer
        out.append(s)
    return out


# -- scoring ----------------------------------------------------------------------------------


def _within(months: float | None, rng: Sequence[float]) -> bool:
    return months is not None and float(rng[0]) - 1e-9 <= months <= float(rng[1]) + 1e-9


def _m(months: float | None) -> str:
    return "unknown" if months is None else f"{months:.1f}"


def _rate(n: int, d: int) -> float | None:
    return None if d == 0 else n / d


def _kind_matches(expected: str, got: Sequence[str], is_current: bool) -> bool:
    """Whether the product files the target under the expected kind (any of the kinds whose
    list holds it); for the current code, grow and sideways are the same answer."""
    if is_current and expected in ("grow", "sideways"):
        return any(k in ("grow", "sideways") for k in got)
    return expected in got


def score_persona(persona: Mapping[str, Any], output: ProductOutput) -> dict[str, Check]:
    """Every check of the personas README for one person, from the product's output alone."""
    expect = persona["expect"]
    out: dict[str, Check] = {}
    diag = expect["diagnosis"]

    # diagnosis
    listed = known(diag["top_causes"], README_CAUSES, "cause")
    top2 = list(output.causes[:2])
    hit = [c for c in listed if c in top2]
    out["diagnosis.top_causes"] = Check(
        bool(hit),
        None,
        f"product's top 2 causes {top2 or 'none (no rut check)'}; expected one of {listed}",
    )
    allowed = known(diag["first_strategy"], README_STRATEGIES, "strategy")
    out["diagnosis.first_strategy"] = Check(
        output.first_strategy in allowed,
        None,
        f"product's first strategy {output.first_strategy}; expected one of {allowed}",
    )
    if diag.get("care_note"):
        out["diagnosis.care_note"] = Check(
            output.care_note,
            None,
            "care note shown" if output.care_note else "no wellbeing or care note shown",
        )
    else:
        out["diagnosis.care_note"] = Check(None, None, "not scored (care_note false)")

    # targets
    current = persona["current"]["code"]
    targets = expect["targets"]
    top10 = {it.code: (rank, it) for rank, it in enumerate(output.top[:10], start=1)}
    hits = [t for t in targets if t["code"] in top10]
    recall = _rate(len(hits), len(targets))
    out["targets.hit"] = Check(
        len(hits) >= 2,
        recall,
        f"{len(hits)} of {len(targets)} expected in the top 10"
        + (": " + ", ".join(f"{t['code']} #{top10[t['code']][0]}" for t in hits) if hits else "")
        + "; top 10: "
        + ", ".join(f"{it.code} {it.title}" for it in output.top[:10]),
    )
    if hits:
        rows = []
        good = 0
        for t in hits:
            it = top10[t["code"]][1]
            got = (it.kind, *(k for k in it.kinds if k != it.kind))
            ok = _kind_matches(t["kind"], got, t["code"] == current)
            good += ok
            rows.append(f"{t['code']} {'/'.join(got)} (expected {t['kind']}){'' if ok else ' x'}")
        rate = good / len(hits)
        out["targets.kind"] = Check(rate == 1.0, rate, "; ".join(rows))
        rows, good = [], 0
        for t in hits:
            months = top10[t["code"]][1].months
            ok = _within(months, t["ready_months"])
            good += ok
            rows.append(
                f"{t['code']} {_m(months)} in {list(t['ready_months'])}{'' if ok else ' x'}"
            )
        rate = good / len(hits)
        out["targets.ready"] = Check(rate == 1.0, rate, "; ".join(rows))
    else:
        out["targets.kind"] = Check(None, None, "no expected target in the top 10")
        out["targets.ready"] = Check(None, None, "no expected target in the top 10")

    # absurd
    absurd = {a["code"]: a["title"] for a in expect["absurd"]}
    found = []
    for kind, items in output.by_kind.items():
        for rank, it in enumerate(items[:5], start=1):
            if it.code in absurd:
                found.append(f"{it.code} {absurd[it.code]} ({kind} #{rank})")
    out["absurd"] = Check(
        not found,
        None,
        ("found " + "; ".join(found)) if found else "none in any kind's top 5",
        count=len(found),
    )

    # readiness
    rows, good = [], 0
    for r in expect["readiness"]:
        months = output.readiness.get(r["code"])
        ok = _within(months, r["months"])
        good += ok
        rows.append(f"{r['code']} {_m(months)} in {list(r['months'])}{'' if ok else ' x'}")
    rate = _rate(good, len(expect["readiness"]))
    out["readiness"] = Check(None if rate is None else rate == 1.0, rate, "; ".join(rows))

    # plan
    plan = expect["plan"]
    out["plan.must_respect"] = _must_respect(persona, output, plan.get("must_respect") or [])
    items = plan.get("must_mention") or []
    text = output.plan_text
    if items:
        met = [(i, mentions(text, i)) for i in items]
        rate = sum(1 for _, m in met if m) / len(items)
        out["plan.must_mention"] = Check(
            rate == 1.0,
            rate,
            "; ".join(f"{i}: {'found ' + repr(m) if m else 'missing'}" for i, m in met),
        )
    else:
        out["plan.must_mention"] = Check(None, None, "nothing listed")
    items = plan.get("must_not") or []
    if not text.strip():
        out["plan.must_not"] = Check(None, None, "no plan text")
    else:
        bad = [(i, v) for i in items for v in violations(text, i)[:1]]
        out["plan.must_not"] = Check(
            not bad,
            None,
            "; ".join(f"{i}: {v!r}" for i, v in bad) if bad else "no violation",
        )

    # exit
    if expect["exit"].get("resign_before_offer"):
        out["exit.resign_before_offer"] = Check(True, None, "resigning first is acceptable")
    elif not output.exit_text.strip():
        out["exit.resign_before_offer"] = Check(None, None, "no exit plan text")
    else:
        advice = resign_advice(output.exit_text)
        out["exit.resign_before_offer"] = Check(
            not advice,
            None,
            ("advises resigning before an offer: " + "; ".join(repr(a) for a in advice[:2]))
            if advice
            else "no advice to resign before an offer",
        )
    return out


def _must_respect(persona: Mapping[str, Any], output: ProductOutput, names: Sequence[str]) -> Check:
    c = persona["constraints"]
    results: list[tuple[str, bool | None, str]] = []
    shown = output.shown()
    for name in known(names, CONSTRAINTS, "constraint"):
        if name == "hours_per_week":
            limit = float(c["hours_per_week"])
            if not output.weekly_hours:
                results.append((name, None, "no plan weeks"))
            else:
                peak = max(output.weekly_hours)
                results.append(
                    (name, peak <= limit + 1e-6, f"peak week {peak:g} h, limit {limit:g}")
                )
        elif name == "learning_budget_usd":
            budget = float(c["learning_budget_usd"])
            if output.costs is None:
                results.append((name, None, "plan has no costs"))
            else:
                total = sum(output.costs)
                results.append((name, total <= budget + 1e-6, f"${total:,.0f} of ${budget:,.0f}"))
        elif name == "retraining_months":
            limit = float(c["retraining_months"])
            over = [it for it in shown if it.months is None or it.months > limit + 1e-9]
            parts = []
            ok: bool | None = True
            if over:
                ok = False
                parts.append(
                    f"{len(over)} shown over {limit:g} months or unknown: "
                    + ", ".join(f"{it.code} {_m(it.months)}" for it in over[:4])
                )
            if output.plan_months is None:
                parts.append("plan's time to its target unknown")
                ok = False if ok is False else None
            elif output.plan_months > limit + 1e-9:
                ok = False
                parts.append(
                    f"plan reaches {output.plan_target} in {output.plan_months:.1f} months"
                )
            else:
                parts.append(
                    f"plan reaches {output.plan_target} in {output.plan_months:.1f} months"
                )
            results.append((name, ok, "; ".join(parts)))
        elif name == "min_pay_usd":
            floor = float(c["min_pay_usd"])
            low = [it for it in shown if it.pay is None or it.pay < floor]
            results.append(
                (
                    name,
                    not low,
                    f"{len(low)} shown below ${floor:,.0f} or without a wage"
                    + (": " + ", ".join(
                        f"{it.code} {'no wage' if it.pay is None else f'${it.pay:,.0f}'}"
                        for it in low[:4]
                    ) if low else ""),
                )
            )  # fmt: skip
    if not results:
        return Check(None, None, "nothing listed")
    held = sum(1 for _, ok, _ in results if ok)
    if any(ok is False for _, ok, _ in results):
        passed: bool | None = False
    elif any(ok is None for _, ok, _ in results):
        passed = None
    else:
        passed = True
    why = "; ".join(
        f"{n} {'ok' if ok else 'FAIL' if ok is False else 'n/a'} ({w})" for n, ok, w in results
    )
    return Check(passed, held / len(results), why)


def points(persona: Mapping[str, Any], checks: Mapping[str, Check]) -> float:
    """The persona's score out of 100 with the README's suggested weights."""
    w = dict(WEIGHTS)
    if not persona["expect"]["diagnosis"].get("care_note"):
        w["diagnosis.first_strategy"] += w.pop("diagnosis.care_note")
    total = 0.0
    for name, weight in w.items():
        ch = checks[name]
        if name in RATE_CHECKS or name == "plan.must_respect":
            total += weight * (ch.rate or 0.0)
        elif ch.passed:
            total += weight
    return total


def totals(personas: Sequence[Mapping[str, Any]], checks: Sequence[Mapping[str, Check]]) -> dict:
    """Counts per check, the average score and the README's headline figures."""
    n = len(personas)
    per: dict[str, dict[str, Any]] = {}
    for name in CHECKS:
        rows = [c[name] for c in checks]
        scored = [r for r in rows if r.passed is not None]
        rates = [r.rate for r in rows if r.rate is not None]
        per[name] = {
            "passed": sum(1 for r in scored if r.passed),
            "scored": len(scored),
            "mean_rate": None if not rates else round(sum(rates) / len(rates), 3),
        }
    scores = [points(p, c) for p, c in zip(personas, checks, strict=True)]
    asked = sum(len(p["expect"]["readiness"]) for p in personas)
    within = sum(
        round((c["readiness"].rate or 0.0) * len(p["expect"]["readiness"]))
        for p, c in zip(personas, checks, strict=True)
    )
    recalls = [c["targets.hit"].rate for c in checks if c["targets.hit"].rate is not None]
    special = {}
    for label, pid in SPECIAL.items():
        for p, c, s in zip(personas, checks, scores, strict=True):
            if p["id"] == pid:
                special[label] = {
                    "id": pid,
                    "score": round(s, 1),
                    "failed": [k for k in CHECKS if c[k].passed is False],
                }
    return {
        "personas": n,
        "checks": per,
        "average_score": None if not n else round(sum(scores) / n, 1),
        "all_pass_fail_passed": sum(
            1
            for c in checks
            if all(
                c[k].passed is True or (k == "diagnosis.care_note" and c[k].passed is None)
                for k in PASS_FAIL_CHECKS
            )
        ),  # fmt: skip
        "no_pass_fail_failed": sum(
            1 for c in checks if not any(c[k].passed is False for k in PASS_FAIL_CHECKS)
        ),
        "readiness_in_range": None if not asked else round(within / asked, 3),
        "readiness_asked": asked,
        "absurd_count": sum(c["absurd"].count or 0 for c in checks),
        "targets_recall_at_10": None if not recalls else round(sum(recalls) / len(recalls), 3),
        "special": special,
    }


# -- answering the questionnaires --------------------------------------------------------------


def group_answers(n: int, strength: float) -> list[int]:
    """Keyed answers (1-5) for ``n`` items whose mean is closest to ``1 + 4 * strength``."""
    v = min(1.0, max(0.0, float(strength)))
    total = math.floor(n * (1.0 + 4.0 * v) + 0.5)
    base, extra = divmod(total, n)
    return [min(5, base + (1 if k < extra else 0)) for k in range(n)]


def rut_answers(situation: Mapping[str, float]) -> dict[str, int]:
    from unstuck.core.assess import get_instrument

    rut = get_instrument("rut")
    known(situation, README_CAUSES, "situation cause")
    strengths: dict[str, float] = {}
    for cause, subs in SITUATION_SUBSCALES.items():
        for sub in subs:
            strengths[sub] = float(situation.get(cause, 0.0))
    values = [float(situation.get(c, 0.0)) for c in README_CAUSES]
    strengths["signs"] = sum(values) / len(values)
    strengths["growth"] = (
        1.0
        - (float(situation.get("lack_of_challenge", 0.0)) + float(situation.get("no_growth", 0.0)))
        / 2.0
    )
    answers: dict[str, int] = {}
    for sub in rut.subscales:
        if sub.id not in strengths:
            raise KeyError(f"rut check subscale {sub.id!r} has no answer rule in journeys.py")
        items = rut.items_of(sub.id)
        for item, keyed in zip(items, group_answers(len(items), strengths[sub.id]), strict=True):
            answers[item.id] = 6 - keyed if item.reverse else keyed
    return answers


def wellbeing_answers(score: float) -> dict[str, int]:
    from unstuck.core.assess import get_instrument

    wb = get_instrument("wellbeing")
    items = wb.items
    return {
        item.id: (6 - keyed if item.reverse else keyed)
        for item, keyed in zip(items, group_answers(len(items), score), strict=True)
    }


def _listed_level(i: int) -> int:
    return max(3, 5 - i)


def interests_answers(letters: str) -> dict[str, int]:
    from unstuck.core.assess import get_instrument

    inst = get_instrument("interests")
    order = [x for x in letters.upper() if x.strip()]
    known(order, "RIASEC", "RIASEC letter")
    level = {x: _listed_level(i) for i, x in enumerate(order)}
    return {item.id: level.get(item.subscale, 2) for item in inst.items}


def values_answers(values: Sequence[str]) -> tuple[dict[str, int], list[str]]:
    from unstuck.core.assess import get_instrument
    from unstuck.core.assess.values import WORK_VALUES

    inst = get_instrument("values")
    ids = {name.casefold(): vid for vid, name, _, _ in WORK_VALUES}
    order = [key_of(ids, v.casefold(), "work value") for v in values]
    level = {vid: _listed_level(i) for i, vid in enumerate(order)}
    answers = {item.id: level.get(item.subscale, 2) for item in inst.items}
    ranking = order + [vid for vid, _, _, _ in WORK_VALUES if vid not in order]
    return answers, ranking


# -- the journey through the product ------------------------------------------------------------


#: area -> a function its application services module must have
_SERVICE_MARK = {
    "profile": "save_profile",
    "paths": "person_for",
    "plan": "choose_target",
    "documents": "import_resume",
}


def services(area: str) -> Any:
    """The application services of one area (profile, paths, plan, documents): the module the
    pages and the CLI call. They are moving from ``unstuck.web.<area>.services`` to
    ``unstuck.app``; whichever holds them is used."""
    import importlib

    mark = _SERVICE_MARK[area]
    for name in (
        f"unstuck.app.{area}.services",
        f"unstuck.app.{area}",
        f"unstuck.web.{area}.services",
    ):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        if hasattr(module, mark):
            return module
    raise ImportError(f"no application services for {area!r} (looked for {mark}())")


def _report_data(plan_services: Any) -> Any:
    """The report's data builder: ``unstuck.report.data.report_data`` (before that, on the
    plan's services)."""
    try:
        from unstuck.report.data import report_data
    except ImportError:
        return plan_services.report_data
    return report_data


def load_personas(folder: Path) -> list[dict[str, Any]]:
    import yaml

    out = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "expect" not in data:
            raise ValueError(f"{path}: not a persona file (no 'expect')")
        out.append(data)
    if not out:
        raise FileNotFoundError(f"no persona files (*.yaml) in {folder}")
    return out


def reset_user_data() -> None:
    """Delete every row of unstuck's own models: a fresh user database for the next person."""
    from django.apps import apps
    from django.db import transaction

    with transaction.atomic():
        for model in apps.get_models():
            if model.__module__.startswith("unstuck."):
                model.objects.all().delete()


def credentials_supported() -> bool:
    from unstuck.core import profile as core_profile

    return "credentials" in {f.name for f in dataclasses.fields(core_profile.Profile)}


def build_profile(kb: Any, data: Any, persona: Mapping[str, Any]) -> list[str]:
    """The about page, the questionnaires, the resume and the skills step; returns notes."""
    from unstuck.core import profile as core_profile
    from unstuck.core.assess import get_instrument
    from unstuck.web.documents import present as doc_present

    documents = services("documents")
    plan_services = services("plan")
    profile_services = services("profile")

    notes: list[str] = []
    cur = persona["current"]
    profile_services.set_occupation(kb, cur["code"], float(cur["years"]))

    # about you
    loc = persona.get("location") or {}
    location = None
    table = getattr(kb, "area_wages", None)
    for query in (loc.get("area"), loc.get("state")):
        if not query:
            continue
        found = table.find(query) if table else None
        if found is not None:
            kind = "state" if found.kind == "state" else "metro"
            location = core_profile.Location(kind, found.code, found.name)
            break
    if location is None and loc.get("state"):
        location = core_profile.Location("state", loc["state"], loc["state"])
        notes.append("area wages not installed: location stored as the state's postal code")
    elif loc.get("area") and location is not None and location.kind == "state":
        notes.append(f"BLS area {loc['area']!r} not found: the state's wages are used")
    c = persona["constraints"]
    money = persona["money"]
    current = profile_services.to_core(profile_services.get_profile())
    fields: dict[str, Any] = dict(
        years_in_occupation=float(cur["years"]),
        education=key_of(EDUCATION, persona["education"], "education level"),
        constraints=core_profile.Constraints(
            location=location,
            min_pay=int(c["min_pay_usd"]),
            hours_per_week=float(c["hours_per_week"]),
            retraining_months=int(c["retraining_months"]),
            learning_budget=int(c["learning_budget_usd"]),
            risk_tolerance=c["risk"],
            savings=int(money["savings_usd"]),
            monthly_expenses=int(money["monthly_expenses_usd"]),
        ),
    )
    creds = tuple(persona.get("credentials") or ())
    if credentials_supported():
        fields["credentials"] = creds
    profile_services.save_profile(dataclasses.replace(current, **fields))
    if credentials_supported():
        back = getattr(profile_services.to_core(profile_services.get_profile()), "credentials", ())
        if tuple(back or ()) != creds:
            notes.append("credentials not supported (the profile service does not keep them)")
    else:
        notes.append("credentials not supported")

    # the exit plan's own inputs (savings and expenses are the profile's)
    plan_services.set_exit(
        {
            "severance": float(money.get("severance_usd") or 0),
            "notice_months": float(money.get("notice_weeks") or 0) / WEEKS_A_MONTH,
        }
    )

    # questionnaires
    answers, ranking = values_answers(persona["values"])
    for name, payload in (
        ("wellbeing", {"answers": wellbeing_answers(persona["wellbeing"])}),
        ("rut", {"answers": rut_answers(persona["situation"])}),
        ("interests", {"answers": interests_answers(persona["interests"])}),
        ("values", {"answers": answers, "ranking": ranking}),
    ):
        inst = get_instrument(name)
        profile_services.submit_data(inst, {"instrument": inst.id, **payload})

    # the resume, confirmed with the page's defaults and the occupation kept
    resume = documents.import_resume(persona["resume"].encode("utf-8"), "resume.txt")
    view = doc_present.suggestion_view(documents.profile_suggestions(resume))
    accepted: dict[str, Any] = {"occupation": None}
    for group in view["groups"]:
        accepted[group["name"]] = [s["key"] for s in group["items"] if s["checked"]]
    documents.apply_suggestions(resume, accepted)

    # the skills step: own levels, technology
    current = profile_services.to_core(profile_services.get_profile())
    by_name = {e.name.casefold(): e for e in data.elements if e.domain in ("skill", "knowledge")}
    ratings = {r.element_id: r for r in current.ratings}
    occ = kb.occupation(cur["code"])
    typical = {
        r.element_id: float(r.level)
        for r in (*occ.skills, *occ.knowledge)
        if r.level is not None and not r.not_relevant
    }
    added = 0
    for name, level in (persona.get("skills_self") or {}).items():
        e = key_of(by_name, name.casefold(), "O*NET skill or knowledge element")
        old = ratings.get(e.element_id)
        if old is not None:
            ratings[e.element_id] = dataclasses.replace(old, level=float(level))
        else:
            added += 1
            ratings[e.element_id] = core_profile.Rating(
                e.element_id, e.name, e.domain, float(level), typical.get(e.element_id)
            )
    if added:
        notes.append(f"{added} self-rated elements beyond the skills page's prefill")
    all_tech = {t.example.casefold(): t.example for ts in kb.technology.values() for t in ts}
    tech = list(current.technology)
    for name in persona.get("technology") or ():
        exact = key_of(all_tech, name.casefold(), "O*NET technology example")
        if exact.casefold() not in {t.casefold() for t in tech}:
            tech.append(exact)
    profile_services.save_profile(
        dataclasses.replace(current, ratings=tuple(ratings.values()), technology=tuple(tech))
    )
    return notes


def diagnosis() -> tuple[tuple[str, ...], str | None, bool]:
    """The product's ranked causes, first strategy (adjusted for constraints, as the results
    page shows it) and whether a care note is shown, as README keys."""
    profile_services = services("profile")

    summary = profile_services.summary()["assessments"]
    rut = (summary.get("rut-check") or {}).get("result") or {}
    causes = tuple(key_of(CAUSE_KEYS, c["id"], "product cause") for c in rut.get("root_causes", ()))
    mix = rut.get("strategy_mix_with_constraints") or rut.get("strategy_mix") or []
    first = key_of(STRATEGY_KEYS, mix[0]["id"], "product strategy") if mix else None
    care = any(
        ((summary.get(f) or {}).get("result") or {}).get("care", {}).get("shown")
        for f in ("rut-check", "wellbeing")
    )
    return causes, first, bool(care)


def _months(rec: Any) -> float | None:
    r = getattr(rec, "readiness", None)
    if r is None or r.months is None:
        return None
    m = float(r.months)
    return m if math.isfinite(m) else None


def _item(rec: Any) -> Item:
    return Item(
        rec.code,
        rec.title,
        rec.kind,
        float(rec.score),
        _months(rec),
        None if rec.pay.target is None else float(rec.pay.target),
    )


def rank(
    data: Any, person: Any, persona: Mapping[str, Any], strategy: Mapping[str, float] | None
) -> tuple[Any, list[Item], dict[str, tuple[Item, ...]], dict[str, float | None]]:
    """The ranking, the overall top 10, each kind's items (10 each, constraints applied, as
    ``/paths/`` lists them: the same ``explore`` with the person's strategy mix that
    ``unstuck.app.paths.services.exploration`` calls) and the readiness of the codes the
    persona asks about."""
    from unstuck.core.paths import explain, explore, score

    ranking = score(data, person)
    exploration = explore(ranking, None, 10, strategy)
    by_kind = {g.kind: tuple(_item(r) for r in g.items) for g in exploration.groups}
    top_fn = getattr(exploration, "top", None)
    if callable(top_fn):
        top = [_item(r) for r in top_fn(10)]
    else:
        # No overall ranking in the product yet: every kind's items merged by their score,
        # one entry per code (its best-scored kind).
        merged = sorted(
            (it for items in by_kind.values() for it in items), key=lambda it: -it.score
        )
        seen: dict[str, Item] = {}
        for it in merged:
            seen.setdefault(it.code, it)
        top = list(seen.values())[:10]
    kinds: dict[str, list[str]] = {}
    for kind, items in by_kind.items():
        for it in items:
            kinds.setdefault(it.code, []).append(kind)
    top = [dataclasses.replace(it, kinds=tuple(kinds.get(it.code, [it.kind]))) for it in top]
    readiness = {}
    for r in persona["expect"]["readiness"]:
        code = r["code"]
        readiness[code] = _months(explain(ranking, code)) if code in data.index else None
    return ranking, top, by_kind, readiness


_SKIP_KEYS = frozenset(
    {
        "id", "key", "url", "source", "strand", "kind", "start", "end", "date", "code",
        "activity", "activity_id", "prerequisites", "resign_from", "last_day", "status",
        "domain", "gap_key", "finishes_week", "unscheduled",
    }
)  # fmt: skip


def strings(node: Any) -> list[str]:
    """Every human-readable string in a JSON-like tree (identifiers, dates and links left out)."""
    out: list[str] = []
    if isinstance(node, str):
        if node.strip():
            out.append(node)
    elif isinstance(node, Mapping):
        label, detail, when = node.get("label"), node.get("detail"), node.get("date")
        if isinstance(label, str) and isinstance(detail, str):  # a milestone: one sentence
            out.append(f"{label}{f' ({when})' if when else ''}: {detail}")
            rest = {k: v for k, v in node.items() if k not in ("label", "detail", "date")}
            return out + strings(rest)
        for k, v in node.items():
            if k not in _SKIP_KEYS:
                out += strings(v)
    elif isinstance(node, list | tuple):
        for v in node:
            out += strings(v)
    return out


def plan_output(kb: Any, target: str | None, target_months: float | None) -> dict[str, Any]:
    """Build the plan towards ``target`` and read what the scorer needs from it."""
    plan_services = services("plan")

    if target is None:
        return {"notes": ["no target to plan for"]}
    plan_services.choose_target(target)
    data = _report_data(plan_services)(plan_services.build(kb))
    action = data.get("plan") or {}
    weeks = action.get("weeks") or []
    exit_tasks = [t for w in weeks for t in w.get("tasks") or () if t.get("strand") == "exit"]
    # the tasks the plan schedules: those that did not fit the person's hours are not advice
    scheduled = {k: v for k, v in action.items() if k != "skipped"}
    learning_text = "\n".join(
        strings(scheduled) + [g["goal"] for g in data.get("goals") or () if g.get("goal")]
    )
    exit_text = "\n".join(strings(data.get("exit") or {}) + strings(exit_tasks))
    weekly = tuple(float(w.get("hours") or 0.0) for w in weeks)
    learning = action.get("learning") or {}
    activities = learning.get("activities") or []
    cost_key = next((k for k in ("cost_usd", "cost") if any(k in a for a in activities)), None)
    costs = None
    if not activities and "total_cost" in learning:
        costs = ()  # a plan with nothing to learn costs nothing
    elif not activities and weeks and not action.get("learning"):
        costs = ()  # no learning plan at all: nothing paid is planned
    if cost_key is not None:
        costs = tuple(
            0.0 if a.get("free") or a.get("employer_paid") else float(a.get(cost_key) or 0.0)
            for a in activities
        )
    # months until the plan reaches its target: its learning done, and the product's own
    # readiness estimate for the target passed
    finish_weeks = 0.0
    if activities:
        done = [a.get("finishes_week") for a in activities]
        finish_weeks = float(max((w for w in done if w is not None), default=0))
        left = [a for a in activities if a.get("finishes_week") is None]
        if left:
            learning_hours = [
                sum(s["hours"] for s in w.get("slots") or ()) for w in learning.get("weeks") or ()
            ]
            pace = sum(learning_hours) / len(learning_hours) if learning_hours else 0.0
            spent: dict[str, float] = {}
            for w in learning.get("weeks") or ():
                for slot in w.get("slots") or ():
                    spent[slot["activity"]] = spent.get(slot["activity"], 0.0) + slot["hours"]
            # what is left of each unfinished activity after the hours the plan's weeks give it
            hours_left = sum(
                max(0.0, float(a.get("hours") or 0) - spent.get(a.get("id"), 0.0)) for a in left
            )
            finish_weeks = (
                math.inf
                if pace <= 0
                else max(finish_weeks, len(learning_hours)) + hours_left / pace
            )
    plan_months: float | None = finish_weeks / WEEKS_A_MONTH
    if target_months is None:
        plan_months = None
    elif plan_months is not None:
        plan_months = max(plan_months, target_months)
    if plan_months is not None and not math.isfinite(plan_months):
        plan_months = None
    return {
        "learning_text": learning_text,
        "exit_text": exit_text,
        "weekly_hours": weekly,
        "costs": costs,
        "plan_target": target,
        "plan_months": plan_months,
        "notes": [] if costs is not None else ["plan has no costs"],
    }


def journey_output(
    kb: Any,
    data: Any,
    persona: Mapping[str, Any],
    person: Any,
    diag: tuple[tuple[str, ...], str | None, bool],
    notes: Sequence[str],
    strategy: Mapping[str, float] | None = None,
) -> ProductOutput:
    """Rank for ``person``, shortlist the top 10, plan, and collect the product's output."""
    from unstuck.core.paths import explain

    paths_services = services("paths")

    ranking, top, by_kind, readiness = rank(data, person, persona, strategy)
    for old in paths_services.shortlist():
        paths_services.remove(old.code)
    for it in top:
        paths_services.add(it.code, it.title)
    current = persona["current"]["code"]
    codes = [it.code for it in top]
    target = next((t["code"] for t in persona["expect"]["targets"] if t["code"] in codes), None)
    if target is None:
        target = next((c for c in codes if c != current), None)
    target_months = None
    if target is not None:
        target_months = _months(explain(ranking, target))
    plan = plan_output(kb, target, target_months)
    causes, first, care = diag
    return ProductOutput(
        current_code=current,
        causes=causes,
        first_strategy=first,
        care_note=care,
        top=tuple(top),
        by_kind=by_kind,
        readiness=readiness,
        learning_text=plan.get("learning_text", ""),
        exit_text=plan.get("exit_text", ""),
        weekly_hours=plan.get("weekly_hours", ()),
        costs=plan.get("costs"),
        plan_target=plan.get("plan_target"),
        plan_months=plan.get("plan_months"),
        notes=tuple(notes) + tuple(plan.get("notes", ())),
    )


def baseline_person(data: Any, product_person: Any) -> Any:
    """Occupation similarity alone: the current occupation's own profile as the person, with the
    product person's constraints and area wages."""
    from unstuck.core.paths import person_from_occupation

    base = person_from_occupation(data, product_person.occupation)
    return dataclasses.replace(
        base,
        area_wages=product_person.area_wages,
        area_name=product_person.area_name,
        hours_per_week=product_person.hours_per_week,
        min_pay=product_person.min_pay,
        retraining_months=product_person.retraining_months,
        max_zone_step=product_person.max_zone_step,
        excluded=product_person.excluded,
    )


@dataclass
class Run:
    personas: list[dict[str, Any]]
    product: list[tuple[ProductOutput, dict[str, Check]]] = field(default_factory=list)
    baseline: list[tuple[ProductOutput, dict[str, Check]]] = field(default_factory=list)
    seconds: float = 0.0


def evaluate(
    kb: Any, personas: Sequence[dict[str, Any]], *, baseline: bool = True, progress: Any = None
) -> Run:
    """Walk every persona through the product (Django set up, database migrated) and score."""
    from unstuck.knowledge.matrices import occupation_data

    paths_services = services("paths")

    started = time.perf_counter()
    data = occupation_data(kb)
    run = Run(list(personas))
    for persona in personas:
        t = time.perf_counter()
        reset_user_data()
        notes = build_profile(kb, data, persona)
        diag = diagnosis()
        person, _, problems = paths_services.person_for(kb, data, {})
        notes += problems
        strategy = getattr(paths_services, "strategy_weights", lambda: None)()
        out = journey_output(kb, data, persona, person, diag, notes, strategy)
        run.product.append((out, score_persona(persona, out)))
        if baseline:
            base = journey_output(kb, data, persona, baseline_person(data, person), diag, notes)
            run.baseline.append((base, score_persona(persona, base)))
        if progress:
            progress(f"{persona['id']}: {time.perf_counter() - t:.1f} s")
    reset_user_data()
    run.seconds = time.perf_counter() - started
    return run


# -- reporting ----------------------------------------------------------------------------------


def _cell(name: str, ch: Check) -> str:
    if name in RATE_CHECKS or name == "plan.must_respect":
        if ch.rate is None:
            return "-" if ch.passed is None else ("ok" if ch.passed else "x")
        mark = (
            "" if name in RATE_CHECKS else ("" if ch.passed else "x" if ch.passed is False else "?")
        )
        return f"{ch.rate:.2f}{mark}"
    if name == "absurd":
        return "ok" if ch.passed else f"x{ch.count}"
    return "-" if ch.passed is None else ("ok" if ch.passed else "x")


def report_json(run: Run) -> dict[str, Any]:
    def block(rows: list[tuple[ProductOutput, dict[str, Check]]]) -> dict[str, Any]:
        return {
            "personas": [
                {
                    "id": p["id"],
                    "score": round(points(p, checks), 1),
                    "checks": {k: checks[k].to_dict() for k in CHECKS},
                    "notes": list(out.notes),
                    "plan_target": out.plan_target,
                    "top10": [it.to_dict() for it in out.top[:10]],
                }
                for p, (out, checks) in zip(run.personas, rows, strict=True)
            ],
            "totals": totals(run.personas, [c for _, c in rows]),
        }

    doc = block(run.product)
    doc["baseline"] = block(run.baseline) if run.baseline else None
    doc["seconds"] = round(run.seconds, 1)
    return doc


def report_text(run: Run) -> str:
    lines: list[str] = []
    widths = {k: max(len(SHORT[k]), 6) for k in CHECKS}

    def table(title: str, rows: list[tuple[ProductOutput, dict[str, Check]]]) -> None:
        lines.append(title)
        lines.append(
            f"{'persona':<26} " + " ".join(f"{SHORT[k]:>{widths[k]}}" for k in CHECKS) + "  score"
        )
        for p, (_, checks) in zip(run.personas, rows, strict=True):
            cells = " ".join(f"{_cell(k, checks[k]):>{widths[k]}}" for k in CHECKS)
            lines.append(f"{p['id'][:26]:<26} {cells}  {points(p, checks):5.1f}")
        t = totals(run.personas, [c for _, c in rows])
        lines.append(
            f"{'passed / scored':<26} "
            + " ".join(
                f"{t['checks'][k]['passed']}/{t['checks'][k]['scored']}".rjust(widths[k])
                for k in CHECKS
            )
        )
        lines.append(
            f"average score {t['average_score']}; every pass/fail check passed: "
            f"{t['all_pass_fail_passed']}/{t['personas']} (no pass/fail check failed: "
            f"{t['no_pass_fail_failed']}); targets hit {t['checks']['targets.hit']['passed']}/"
            f"{t['personas']}, recall@10 {t['targets_recall_at_10']}; readiness in range "
            f"{t['readiness_in_range']} of {t['readiness_asked']}; absurd in a kind's top 5: "
            f"{t['absurd_count']}"
        )
        for label, s in t["special"].items():
            lines.append(
                f"  {label} ({s['id']}): score {s['score']}, failed: "
                + (", ".join(s["failed"]) or "none")
            )
        lines.append("")

    table("PRODUCT", run.product)
    if run.baseline:
        table("BASELINE (occupation similarity alone, person features off)", run.baseline)
    lines.append(
        "cells: ok/x pass/fail, - not scored, rates 0-1 (resp: share of constraints held, "
        "x a failed one, ? one not checkable), absurd xN: N appearances"
    )
    lines.append(f"{len(run.personas)} personas in {run.seconds:.1f} s")
    return "\n".join(lines)


# -- setting up ----------------------------------------------------------------------------------


def usual_kb() -> Path | None:
    """The knowledge base of the usual install (UNSTUCK_HOME or the platform's data folder),
    found without creating anything."""
    from unstuck.knowledge.build import KB_FILENAME

    env = os.environ.get("UNSTUCK_HOME")
    if env:
        home = Path(env).expanduser()
    else:
        import platformdirs

        home = Path(platformdirs.user_data_dir("unstuck", appauthor=False))
    path = home / "knowledge" / KB_FILENAME
    return path if path.exists() else None


def find_kb(home: Path | None, data: Path, cache: Path) -> Path:
    """The folder holding the knowledge base file: ``--home``'s, the usual install's, or one
    built (once, cached) from ``data`` with every optional source found there."""
    from unstuck.knowledge.build import KB_FILENAME, install

    if home is not None:
        path = home / "knowledge" / KB_FILENAME
        if not path.exists():
            raise SystemExit(f"no knowledge base in {home}")
        return path.parent
    usual = usual_kb()
    if usual is not None:
        return usual.parent
    from unstuck.knowledge.extras import extras_from_folder

    print(
        f"knowledge base: {cache / 'knowledge'} (built from {data} when missing)", file=sys.stderr
    )
    result = install(
        data / "onet" / "db_29_0_text.zip",
        extras=extras_from_folder(data),
        directory=cache / "knowledge",
        cache=cache / "cache",
    )
    return result.path.parent


def setup_django(kb_dir: Path, home: Path) -> None:
    """A throwaway UNSTUCK_HOME (the knowledge base linked in) with its own SQLite database."""
    (home / "knowledge").symlink_to(kb_dir.resolve(), target_is_directory=True)
    os.environ["UNSTUCK_HOME"] = str(home)
    os.environ["DATABASE_URL"] = f"sqlite:///{home / 'user.sqlite3'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "unstuck.web.settings"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--personas", type=Path, default=DEFAULT_PERSONAS)
    ap.add_argument("--json", action="store_true", help="print one JSON document")
    ap.add_argument("--baseline", action=argparse.BooleanOptionalAction, default=True)
    ap.add_argument("--home", type=Path, help="an UNSTUCK_HOME with a knowledge base installed")
    ap.add_argument(
        "--data",
        type=Path,
        default=Path(os.environ.get("UNSTUCK_TEST_DATA") or REPO.parent / "shared" / "data"),
    )
    ap.add_argument("--cache", type=Path, default=Path("/tmp/unstuck-bench-journeys"))
    args = ap.parse_args(argv)

    personas = load_personas(args.personas.expanduser().resolve())
    kb_dir = find_kb(args.home, args.data, args.cache)
    with tempfile.TemporaryDirectory(prefix="unstuck-journeys-") as tmp:
        setup_django(kb_dir, Path(tmp))
        from unstuck.knowledge.store import get_knowledge_base

        kb = get_knowledge_base()
        missing = [
            name
            for name, present in (
                ("BLS area wages", bool(getattr(kb, "area_wages", None))),
                ("BLS projections", bool(getattr(kb, "outlook", None))),
            )
            if not present
        ]
        if missing:
            print(f"warning: the knowledge base has no {', '.join(missing)}", file=sys.stderr)

        def progress(msg: str) -> None:
            if not args.json:
                print(msg, file=sys.stderr)

        run = evaluate(kb, personas, baseline=args.baseline, progress=progress)
    if args.json:
        print(json.dumps(report_json(run), indent=2, ensure_ascii=False))
    else:
        print(report_text(run))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
