"""Interests: a RIASEC profile from 36 work activities, six per Holland type.

The person says how much they would enjoy each activity (1 strongly dislike … 5 strongly
like), setting aside training and pay. The activities are written for unstuck and balanced:
six per type, mixed in a fixed interleaved order so no type comes in a block.

Scores, per type:

- ``score``: mean answer rescaled to 0–100;
- ``oi``: the same mean mapped linearly onto O*NET's occupational interest (OI) scale,
  ``oi = 1 + 6 * (mean - 1) / 4``, so "strongly dislike everything" is 1 and "strongly like
  everything" is 7. O*NET's OI ratings describe occupations, not people; the mapping puts a
  person on the same 1–7 axis so the two profiles can be compared shape for shape
  (:func:`interest_fit`), not so the numbers mean the same thing absolutely.

The three-letter code is the three highest types. Ties are broken in R-I-A-S-E-C order and
reported in ``ties`` so the interface can say "A and S are level".
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from unstuck.core.assess.common import NamedScore
from unstuck.core.assess.instruments import (
    Coverage,
    Instrument,
    Item,
    Responses,
    ResponseScale,
    Subscale,
    SubscaleScore,
    check_responses,
    coverage,
    score_subscales,
)

#: Holland's six types in the customary order, with O*NET's Interests element ids.
RIASEC: tuple[tuple[str, str, str, str], ...] = (
    ("R", "Realistic", "1.B.1.a", "Hands-on work with tools, machines, plants or animals."),
    ("I", "Investigative", "1.B.1.b", "Working with ideas, research and solving problems."),
    ("A", "Artistic", "1.B.1.c", "Creating, designing and expressing yourself."),
    ("S", "Social", "1.B.1.d", "Helping, teaching and caring for people."),
    ("E", "Enterprising", "1.B.1.e", "Leading, persuading and starting things."),
    ("C", "Conventional", "1.B.1.f", "Organising, keeping records and following procedures."),
)
TYPE_NAMES = {letter: name for letter, name, _, _ in RIASEC}
ONET_ELEMENT_IDS = {letter: eid for letter, _, eid, _ in RIASEC}

LIKING = ResponseScale(1, 5, ("Strongly dislike", "Dislike", "Not sure", "Like", "Strongly like"))

_ACTIVITIES: dict[str, tuple[str, ...]] = {
    "R": (
        "Repair a bicycle or lawn mower that has stopped working.",
        "Turn a pile of timber into a sturdy workbench.",
        "Drive and look after a delivery truck or a heavy machine.",
        "Plant and tend crops or trees outdoors.",
        "Install the wiring or plumbing in a new building.",
        "Operate a machine that cuts metal parts to exact sizes.",
    ),
    "I": (
        "Run experiments to find out why a plant disease spreads.",
        "Analyse data to work out what is causing a pattern.",
        "Study how the human brain stores memories.",
        "Build a mathematical model of how traffic flows through a city.",
        "Track down the cause of a fault in a complicated system.",
        "Read research papers to answer an open question.",
    ),
    "A": (
        "Draft a short story or the lyrics of a song.",
        "Design the look of a magazine, website or poster.",
        "Act, dance or play music in front of an audience.",
        "Shoot and edit photographs or film for a project.",
        "Draw or paint the illustrations for a book.",
        "Invent a new recipe, garment or craft from your own ideas.",
    ),
    "S": (
        "Run a workshop that teaches adults a practical skill.",
        "Listen to someone's worries and help them find a way forward.",
        "Care for patients recovering from an illness or injury.",
        "Coach young people in a sport or activity.",
        "Organise support for families going through a hard time.",
        "Show a newcomer how things work and help them settle in.",
    ),
    "E": (
        "Turn an idea into a new company and grow it.",
        "Persuade customers to choose a product or service.",
        "Lead a team towards an ambitious target.",
        "Negotiate a contract or a deal.",
        "Pitch an idea to investors or senior managers.",
        "Campaign to win support for a cause or a candidate.",
    ),
    "C": (
        "Reconcile invoices against payments each month.",
        "Check documents carefully for errors and gaps.",
        "Organise files, schedules and stock lists.",
        "Process forms, orders or payments by set procedures.",
        "Keep a budget tracker balanced to the last cent.",
        "Make sure an office meets its rules and deadlines.",
    ),
}

# Interleave R1 I1 A1 S1 E1 C1 R2 ... so that the types are spread through the questionnaire.
_ITEMS = tuple(
    Item(f"int.{letter.lower()}.{n + 1}", _ACTIVITIES[letter][n], letter)
    for n in range(6)
    for letter, _, _, _ in RIASEC
)

INTERESTS = Instrument(
    id="interests/1",
    name="Interests",
    description="Which kinds of work activity you enjoy, as a RIASEC (Holland) profile.",
    instructions=(
        "How much would you enjoy doing each activity as part of your work? Don't think about "
        "training, pay or whether you could do it today — only whether you would like it."
    ),
    scale=LIKING,
    subscales=tuple(Subscale(letter, name, desc) for letter, name, _, desc in RIASEC),
    items=_ITEMS,
    min_coverage=0.7,
)


def to_oi(mean_answer: float, scale: ResponseScale = LIKING) -> float:
    """Map a mean answer on the liking scale onto O*NET's 1–7 OI scale (linear)."""
    return 1.0 + 6.0 * (mean_answer - scale.minimum) / (scale.maximum - scale.minimum)


def score_to_oi(score: float) -> float:
    """Map a 0–100 type score onto O*NET's 1–7 OI scale."""
    return 1.0 + 6.0 * score / 100.0


@dataclass(frozen=True)
class InterestScore:
    letter: str
    name: str
    score: float | None  # 0–100
    oi: float | None  # 1–7, O*NET OI scale
    detail: SubscaleScore

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.letter,
            "name": self.name,
            "onet_element_id": ONET_ELEMENT_IDS[self.letter],
            "score": None if self.score is None else round(self.score, 1),
            "oi": None if self.oi is None else round(self.oi, 2),
            **{k: v for k, v in self.detail.to_dict().items() if k not in ("id", "name", "score")},
        }


@dataclass(frozen=True)
class InterestsResult:
    instrument_id: str
    coverage: Coverage
    types: tuple[InterestScore, ...]  # RIASEC order
    code: str
    ties: tuple[tuple[str, ...], ...]
    flat: bool

    def by_letter(self) -> dict[str, InterestScore]:
        return {t.letter: t for t in self.types}

    def oi_profile(self) -> dict[str, float]:
        """The person's profile on O*NET's OI scale, keyed by type letter (scored types)."""
        return {t.letter: t.oi for t in self.types if t.oi is not None}

    def summary(self) -> tuple[NamedScore, ...]:
        return tuple(NamedScore(t.letter, t.name, t.score) for t in self.types)

    def highlights(self) -> dict[str, str]:
        return {"Interest code": self.code}

    def to_dict(self) -> dict[str, Any]:
        return {
            "instrument": self.instrument_id,
            "coverage": self.coverage.to_dict(),
            "code": self.code,
            "code_names": [TYPE_NAMES[c] for c in self.code],
            "ties": [list(t) for t in self.ties],
            "flat": self.flat,
            "types": [t.to_dict() for t in self.types],
            "oi_mapping": "oi = 1 + 6 * (mean answer - 1) / 4  (answers 1–5 onto O*NET OI 1–7)",
        }


#: A profile whose highest and lowest scored types differ by less than this is called flat.
FLAT_RANGE = 15.0


def score_interests(responses: Responses, instrument: Instrument = INTERESTS) -> InterestsResult:
    """Score the interests instrument; raises ``InsufficientAnswersError`` when too sparse."""
    answered = check_responses(instrument, responses)
    subs = score_subscales(instrument, answered)
    types = tuple(
        InterestScore(
            letter=letter,
            name=name,
            score=subs[letter].score,
            oi=None if subs[letter].score is None else score_to_oi(subs[letter].score or 0.0),
            detail=subs[letter],
        )
        for letter, name, _, _ in RIASEC
    )
    order = "RIASEC"
    scored = sorted(
        (t for t in types if t.score is not None),
        key=lambda t: (-(t.score or 0.0), order.index(t.letter)),
    )
    code = "".join(t.letter for t in scored[:3])
    groups: dict[float, list[str]] = {}
    for t in scored:
        groups.setdefault(round(t.score or 0.0, 6), []).append(t.letter)
    ties = tuple(tuple(g) for g in groups.values() if len(g) > 1)
    values = [t.score for t in scored if t.score is not None]
    flat = bool(values) and max(values) - min(values) < FLAT_RANGE
    return InterestsResult(
        instrument_id=instrument.id,
        coverage=coverage(instrument, answered),
        types=types,
        code=code,
        ties=ties,
        flat=flat,
    )


def interest_fit(person: Mapping[str, float], occupation: Mapping[str, float]) -> float | None:
    """How well two RIASEC profiles on the OI scale agree in shape: Pearson r, -1..1.

    Keys are type letters (``"R"``…) or O*NET element ids (``"1.B.1.a"``…); only types present
    in both are used. ``None`` when fewer than three types are shared or either profile is
    perfectly flat (correlation is undefined).
    """
    p = _by_letter(person)
    o = _by_letter(occupation)
    shared = [k for k in "RIASEC" if k in p and k in o]
    if len(shared) < 3:
        return None
    xs = [p[k] for k in shared]
    ys = [o[k] for k in shared]
    mx = sum(xs) / len(xs)
    my = sum(ys) / len(ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    return max(-1.0, min(1.0, sxy / math.sqrt(sxx * syy)))


def fit_words(fit: float | None) -> str:
    """Plain words for an :func:`interest_fit` value."""
    if fit is None:
        return "cannot be compared"
    if fit >= 0.6:
        return "a close match"
    if fit >= 0.2:
        return "a partial match"
    return "a poor match"


def _by_letter(profile: Mapping[str, float]) -> dict[str, float]:
    """Normalise keys given as letters ("R"), names ("Realistic") or element ids ("1.B.1.a")."""
    aliases = {letter: letter for letter in TYPE_NAMES}
    aliases.update({name.lower(): letter for letter, name in TYPE_NAMES.items()})
    aliases.update({eid: letter for letter, eid in ONET_ELEMENT_IDS.items()})
    out: dict[str, float] = {}
    for k, v in profile.items():
        letter = aliases.get(k) or aliases.get(k.lower()) or aliases.get(k.upper())
        if letter is not None:
            out[letter] = float(v)
    return out


def code_of(profile: Mapping[str, float]) -> str:
    """The three-letter code of any RIASEC profile (e.g. an occupation's OI ratings)."""
    p = _by_letter(profile)
    return "".join(sorted(p, key=lambda k: (-p[k], "RIASEC".index(k)))[:3])
