"""The rut check: how stuck someone is, why, and which kind of move that points to.

Thirty-five statements rated for agreement over the last three months, in four groups:

- **signs** of stagnation (motivation, productivity and focus, learning curve, feeling
  undervalued, dissatisfaction) — one subscale;
- seven **root causes**, three statements each, one of them reverse-keyed so that agreeing with
  everything does not make every cause look important; the first is a screen, and the other
  two are asked only when it is not disagreed with (:data:`FOLLOW_UP_FROM`);
- **emotional toll** (stress, anger, inadequacy, fear, resentment);
- **growth** (learning, being challenged, keeping up with the field) — higher is better.

Scoring, all shown to the person:

- *Severity* (0–100) is a weighted mean of three components: signs (45%), emotional toll (30%)
  and lack of growth (25%, i.e. ``100 - growth``). A component that could not be scored is left
  out and the other weights are rescaled. Root causes do not enter severity: they explain the
  rut, they do not measure it.
- *Root causes* are ranked by their subscale score; each lists the answers that drove it (the
  items whose keyed answer leaned towards the cause). 50 is the neutral point of the scale.
- *Strategy mix*: each cause's strength above neutral (``(score - 50) / 50``) is spread over
  the six strategies with the weights in :data:`CAUSE_STRATEGY_WEIGHTS`; a heavy emotional toll
  pushes towards recovering wellbeing first, a high severity with a poor fit or a harmful
  workplace towards planning an exit. Each strategy's share lists the reasons that built it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from unstuck.core.assess.care import CareNote, care_note
from unstuck.core.assess.common import NamedScore, largest_remainder
from unstuck.core.assess.instruments import (
    Coverage,
    Instrument,
    Item,
    Responses,
    ResponseScale,
    ScoredItem,
    Subscale,
    SubscaleScore,
    check_responses,
    coverage,
    score_subscales,
)

AGREEMENT = ResponseScale(
    1,
    5,
    ("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"),
)

CAUSES: tuple[tuple[str, str, str], ...] = (
    ("cause.challenge", "Not enough challenge",
     "The work no longer stretches you; it has become routine."),
    ("cause.advancement", "No growth or advancement",
     "There is no visible next step where you are."),
    ("cause.values", "Values misfit",
     "What the work or the organisation stands for clashes with what matters to you."),
    ("cause.environment", "Harmful environment or manager",
     "How you are treated at work is wearing you down."),
    ("cause.balance", "Work–life balance",
     "Work takes more of your time and energy than you can give."),
    ("cause.recognition", "Lack of recognition",
     "Your work and effort go unacknowledged."),
    ("cause.pay", "Pay", "You are paid less than the work is worth to you or the market."),
)

_SUBSCALES = (
    Subscale("signs", "Signs of stagnation",
             "Motivation, focus, learning curve, feeling undervalued, dissatisfaction.", "signs"),
    *(Subscale(sid, name, desc, "causes") for sid, name, desc in CAUSES),
    Subscale("toll", "Emotional toll",
             "Stress, anger, self-doubt, fear and resentment tied to work.", "toll"),
    Subscale("growth", "Growth",
             "Learning, being challenged, keeping up with your field. Higher is better.",
             "growth"),
)

#: Three statements per root cause, (text, reverse-keyed). One per cause is reverse-keyed so
#: that agreeing with everything does not make every cause look important.
_CAUSE_STATEMENTS: dict[str, tuple[tuple[str, bool], ...]] = {
    "cause.challenge": (
        ("Most of my tasks are things I could do half asleep.", False),
        ("My job regularly stretches what I can do.", True),
        ("I know my job so well that little about it still holds my interest.", False),
    ),
    "cause.advancement": (
        ("I cannot see a next step for me where I work now.", False),
        ("People in my position here get real chances to move up or take on more.", True),
        ("My career has stood still for the last few years.", False),
    ),
    "cause.values": (
        ("What my organisation rewards clashes with what I care about.", False),
        ("I can stand behind what my work is for.", True),
        ("I am sometimes asked to do things at work that sit badly with me.", False),
    ),
    "cause.environment": (
        ("The way I am treated at work, by my manager or colleagues, wears me down.", False),
        ("I can raise a problem at work without worrying about what happens to me.", True),
        ("I dread dealing with certain people at work.", False),
    ),
    "cause.balance": (
        ("Work takes time and energy I need for the rest of my life.", False),
        ("I can usually switch off from work in the evenings and on days off.", True),
        ("My job leaves me too tired for the people and things I care about.", False),
    ),
    "cause.recognition": (
        ("When I do good work, nobody seems to notice.", False),
        ("The people I work for acknowledge my efforts.", True),
        ("Others get the credit for work I have done.", False),
    ),
    "cause.pay": (
        ("My pay falls short of what my work is worth.", False),
        ("I am paid fairly compared with others doing similar work.", True),
        ("My pay has not kept up with what I contribute.", False),
    ),
}
#: A cause's second and third statements are asked only when its first, the screen, is answered
#: "Neither agree nor disagree" or higher: disagreeing with it rules the cause out.
FOLLOW_UP_FROM = 3
_CAUSE_ITEMS = tuple(
    Item(f"rut.{sid}.{n + 1}", _CAUSE_STATEMENTS[sid][n][0], sid,
         reverse=_CAUSE_STATEMENTS[sid][n][1],
         asked_if=None if n == 0 else (f"rut.{sid}.1", FOLLOW_UP_FROM))
    for n in range(3)
    for sid, _, _ in CAUSES
)

_ITEMS = (
    # Signs of stagnation
    Item("rut.signs.motivation.1",
         "Getting started on a working day takes more effort than it used to.", "signs"),
    Item("rut.signs.motivation.2", "I still look forward to most of my working days.", "signs",
         reverse=True),
    Item("rut.signs.focus.1", "My mind drifts away from my work more often than it should.",
         "signs"),
    Item("rut.signs.learning.1", "It has been a long time since my work taught me something.",
         "signs"),
    Item("rut.signs.undervalued.1", "I feel that much of what I can do is wasted in my role.",
         "signs"),
    Item("rut.signs.dissatisfaction.1",
         "On the whole, I am dissatisfied with where my working life is.", "signs"),
    # Root causes, interleaved so that no cause comes as a block of three.
    *_CAUSE_ITEMS,
    # Emotional toll
    Item("rut.toll.stress", "Work leaves me feeling tense or on edge.", "toll"),
    Item("rut.toll.anger", "I get irritated or angry about work more easily than I used to.",
         "toll"),
    Item("rut.toll.inadequacy", "Work makes me doubt whether I am good enough.", "toll"),
    Item("rut.toll.fear", "I feel afraid about what will happen with my job or career.", "toll"),
    Item("rut.toll.resentment", "I feel bitter about how things have turned out at work.",
         "toll"),
    # Growth (higher is better)
    Item("rut.growth.learning", "I am picking up new skills or knowledge through my work.",
         "growth"),
    Item("rut.growth.challenged", "I often meet problems at work that I have not solved before.",
         "growth"),
    Item("rut.growth.keeping_up", "I am keeping up with how my field is changing.", "growth"),
)

RUT_CHECK = Instrument(
    id="rut-check/1",
    name="Rut check",
    description="How stuck you are, what is behind it, and what kind of change it points to.",
    instructions=(
        "Think about the last three months at work. How much do you agree with each statement? "
        "There are no right answers, and you can skip any statement."
    ),
    scale=AGREEMENT,
    subscales=_SUBSCALES,
    items=_ITEMS,
    min_coverage=0.7,
)

#: Severity components: (subscale, weight, whether the score is inverted).
SEVERITY_COMPONENTS: tuple[tuple[str, float, bool], ...] = (
    ("signs", 0.45, False),
    ("toll", 0.30, False),
    ("growth", 0.25, True),
)


@dataclass(frozen=True)
class Band:
    lower: float
    name: str
    meaning: str


#: Severity bands, lowest first; a score belongs to the last band whose lower bound it reaches.
SEVERITY_BANDS: tuple[Band, ...] = (
    Band(0, "Not stuck", "Few signs of a rut. Small adjustments may be all you need."),
    Band(20, "Early signs",
         "Some signs of a rut are showing. A good time to act, before it sets in."),
    Band(40, "Stuck in places",
         "Several parts of your work feel stuck. Worth a deliberate change."),
    Band(60, "Clearly stuck",
         "The rut is clear and broad. A real change is likely to help."),
    Band(80, "Deeply stuck",
         "Almost everything points to a deep rut. Go step by step, and look after yourself."),
)


def band_for(score: float) -> Band:
    if not 0 <= score <= 100:
        raise ValueError(f"severity {score} outside 0–100")
    chosen = SEVERITY_BANDS[0]
    for band in SEVERITY_BANDS:
        if score >= band.lower:
            chosen = band
    return chosen


STRATEGIES: tuple[tuple[str, str, str], ...] = (
    ("reshape", "Reshape your current job",
     "Change what you do, how, or with whom, without leaving: new tasks, projects, boundaries."),
    ("internal", "Move internally",
     "A different role, team or level in the same organisation."),
    ("elsewhere", "Same work elsewhere",
     "Similar work for a different employer, manager or sector."),
    ("change_field", "Change field",
     "Move towards a different occupation that fits your interests and values better."),
    ("self", "Work for yourself",
     "Freelance, contract or a business of your own, in your own or a close line of work."),
    ("exit_plan", "Plan an exit first",
     "Build a runway (money, skills, contacts) before leaving, so the move is safe."),
    ("recover", "Recover wellbeing first",
     "Get rest and support before making big decisions."),
)

#: How strongly each root cause points to each strategy (per unit of cause strength).
#: Work-life balance points mostly to the same work on other terms (another employer, shift,
#: route or arrangement), then to a role inside; reshaping the job one has rarely frees time.
#: Lack of advancement, pay and a values clash each carry a little towards working for oneself.
CAUSE_STRATEGY_WEIGHTS: dict[str, dict[str, float]] = {
    "cause.challenge": {"reshape": 0.5, "internal": 0.3, "change_field": 0.2},
    "cause.advancement": {"internal": 0.45, "elsewhere": 0.35, "change_field": 0.1, "self": 0.1},
    "cause.values": {"change_field": 0.55, "elsewhere": 0.25, "exit_plan": 0.1, "self": 0.1},
    "cause.environment": {"elsewhere": 0.5, "internal": 0.3, "exit_plan": 0.2},
    "cause.balance": {"elsewhere": 0.45, "internal": 0.25, "reshape": 0.2, "recover": 0.1},
    "cause.recognition": {"reshape": 0.3, "internal": 0.3, "elsewhere": 0.4},
    "cause.pay": {"elsewhere": 0.45, "internal": 0.3, "change_field": 0.15, "self": 0.1},
}
#: Emotional toll above neutral pushes towards recovering first with this weight (how low the
#: person's week is, and a care note, add to it: see ``strategy.strategy_mix``).
TOLL_RECOVER_WEIGHT = 1.0
#: Severity above this adds weight to planning an exit when fit or environment is poor.
EXIT_SEVERITY = 60.0

#: A cause at or above this score is called likely; at or above POSSIBLE_CAUSE, possible.
LIKELY_CAUSE = 60.0
POSSIBLE_CAUSE = 40.0
#: Care note when the emotional toll reaches this score, or two toll items are at the maximum.
CARE_TOLL = 70.0


@dataclass(frozen=True)
class SeverityComponent:
    subscale_id: str
    name: str
    weight: float
    score: float | None
    inverted: bool

    @property
    def value(self) -> float | None:
        if self.score is None:
            return None
        return 100.0 - self.score if self.inverted else self.score


@dataclass(frozen=True)
class Severity:
    score: float
    band: Band
    components: tuple[SeverityComponent, ...]

    def to_dict(self) -> dict[str, Any]:
        used = [c for c in self.components if c.value is not None]
        wsum = sum(c.weight for c in used)
        return {
            "score": round(self.score, 1),
            "band": self.band.name,
            "meaning": self.band.meaning,
            "bands": [{"from": b.lower, "name": b.name} for b in SEVERITY_BANDS],
            "how": "weighted mean of the components below (missing ones left out, "
            "weights rescaled)",
            "components": [
                {
                    "subscale": c.subscale_id,
                    "name": ("Lack of growth" if c.inverted else c.name),
                    "weight": c.weight,
                    "effective_weight": (round(c.weight / wsum, 3) if c.value is not None else 0.0),
                    "value": None if c.value is None else round(c.value, 1),
                    "from": (f"100 - {c.name} score" if c.inverted else f"{c.name} score"),
                }
                for c in self.components
            ],
        }


@dataclass(frozen=True)
class RankedCause:
    rank: int
    subscale_id: str
    name: str
    description: str
    score: float
    likelihood: str  # "likely", "possible" or "unlikely"
    drivers: tuple[ScoredItem, ...]
    answered: int
    total: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "id": self.subscale_id,
            "name": self.name,
            "description": self.description,
            "score": round(self.score, 1),
            "likelihood": self.likelihood,
            "answered": self.answered,
            "total": self.total,
            "driven_by": [d.to_dict() for d in self.drivers],
        }


@dataclass(frozen=True)
class Reason:
    text: str
    weight: float


@dataclass(frozen=True)
class StrategyShare:
    id: str
    name: str
    description: str
    share: int  # percent; the shares of one result add up to 100
    weight: float
    reasons: tuple[Reason, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "description": self.description,
            "share": self.share,
            "weight": round(self.weight, 3),
            "reasons": [{"text": r.text, "weight": round(r.weight, 3)} for r in self.reasons],
        }


@dataclass(frozen=True)
class RutCheckResult:
    instrument_id: str
    coverage: Coverage
    severity: Severity
    subscales: dict[str, SubscaleScore]
    causes: tuple[RankedCause, ...]
    unscored_causes: tuple[str, ...]
    strategies: tuple[StrategyShare, ...]
    care: CareNote

    @property
    def likely_causes(self) -> tuple[RankedCause, ...]:
        return tuple(c for c in self.causes if c.likelihood == "likely")

    def summary(self) -> tuple[NamedScore, ...]:
        rows = [NamedScore("severity", "Severity", self.severity.score, "lower")]
        for sid in ("signs", "toll"):
            s = self.subscales[sid]
            rows.append(NamedScore(sid, s.name, s.score, "lower"))
        g = self.subscales["growth"]
        rows.append(NamedScore("growth", g.name, g.score, "higher"))
        for sid, name, _ in CAUSES:
            rows.append(NamedScore(sid, name, self.subscales[sid].score, "lower"))
        return tuple(rows)

    def highlights(self) -> dict[str, str]:
        top = self.likely_causes
        return {
            "Severity band": self.severity.band.name,
            "Main causes": ", ".join(c.name for c in top[:3]) or "none stands out",
            "Leading strategy": self.strategies[0].name,
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "instrument": self.instrument_id,
            "coverage": self.coverage.to_dict(),
            "severity": self.severity.to_dict(),
            "subscales": {k: v.to_dict() for k, v in self.subscales.items()},
            "root_causes": [c.to_dict() for c in self.causes],
            "unscored_causes": list(self.unscored_causes),
            "strategy_mix": [s.to_dict() for s in self.strategies],
            "care": self.care.to_dict(),
        }


def _severity(subs: dict[str, SubscaleScore]) -> Severity:
    comps = tuple(
        SeverityComponent(sid, subs[sid].name, w, subs[sid].score, inv)
        for sid, w, inv in SEVERITY_COMPONENTS
    )
    used = [(c.weight, c.value) for c in comps if c.value is not None]
    if not used:
        # Unreachable with the instrument's minimum coverage, kept as a clear failure.
        raise ValueError("no severity component could be scored")
    score = sum(w * v for w, v in used) / sum(w for w, _ in used)
    return Severity(score, band_for(score), comps)


def _likelihood(score: float) -> str:
    if score >= LIKELY_CAUSE:
        return "likely"
    if score >= POSSIBLE_CAUSE:
        return "possible"
    return "unlikely"


def _rank_causes(subs: dict[str, SubscaleScore]) -> tuple[tuple[RankedCause, ...], tuple[str, ...]]:
    order = {sid: n for n, (sid, _, _) in enumerate(CAUSES)}
    desc = {sid: d for sid, _, d in CAUSES}
    scored = [subs[sid] for sid, _, _ in CAUSES if subs[sid].score is not None]
    unscored = tuple(sid for sid, _, _ in CAUSES if subs[sid].score is None)

    # Ties on score go to the cause with the strongest single answer, then instrument order,
    # so the ranking is deterministic and explainable.
    def sort_key(s: SubscaleScore) -> tuple[float, int, int]:
        assert s.score is not None
        return (-s.score, -max(i.keyed for i in s.items), order[s.subscale_id])

    ranked = []
    for rank, s in enumerate(sorted(scored, key=sort_key), start=1):
        assert s.score is not None
        # Drivers: answers leaning towards the cause (above the scale's midpoint once keyed).
        drivers = tuple(sorted((i for i in s.items if i.keyed > 3), key=lambda i: -i.keyed))
        ranked.append(
            RankedCause(
                rank=rank,
                subscale_id=s.subscale_id,
                name=s.name,
                description=desc[s.subscale_id],
                score=s.score,
                likelihood=_likelihood(s.score),
                drivers=drivers,
                answered=s.answered,
                total=s.total,
            )
        )
    return tuple(ranked), unscored


def _strength(score: float | None) -> float:
    """How far above the neutral point (50) a score is, as 0..1."""
    if score is None:
        return 0.0
    return max(0.0, (score - 50.0) / 50.0)


def _strategies(
    subs: dict[str, SubscaleScore], causes: tuple[RankedCause, ...], severity: Severity
) -> tuple[StrategyShare, ...]:
    reasons: dict[str, list[Reason]] = {sid: [] for sid, _, _ in STRATEGIES}
    names = {sid: name for sid, name, _ in STRATEGIES}
    for cause in causes:
        strength = _strength(cause.score)
        if strength <= 0:
            continue
        for strategy, w in CAUSE_STRATEGY_WEIGHTS[cause.subscale_id].items():
            reasons[strategy].append(
                Reason(
                    f"“{cause.name}” scored {cause.score:.0f}, which points towards "
                    f"“{names[strategy]}”.",
                    w * strength,
                )
            )
    toll = subs["toll"].score
    toll_strength = _strength(toll)
    if toll is not None and toll_strength > 0:
        reasons["recover"].append(
            Reason(
                f"Emotional toll scored {toll:.0f}: getting some rest and support first makes "
                "every other move easier.",
                TOLL_RECOVER_WEIGHT * toll_strength,
            )
        )
    if severity.score > EXIT_SEVERITY:
        over = (severity.score - EXIT_SEVERITY) / (100.0 - EXIT_SEVERITY)
        for sid in ("cause.values", "cause.environment"):
            s = subs[sid].score
            if s is not None and s >= LIKELY_CAUSE:
                reasons["exit_plan"].append(
                    Reason(
                        f"Severity is {severity.score:.0f} and “{subs[sid].name}” scored "
                        f"{s:.0f}: leaving may be the answer, so build a safe runway first.",
                        0.5 * over * _strength(s),
                    )
                )
    weights = {sid: sum(r.weight for r in rs) for sid, rs in reasons.items()}
    if sum(weights.values()) <= 0:
        # Nothing stands out above neutral: small changes where you are come first.
        reasons["reshape"].append(
            Reason(
                "No root cause stands out above neutral, so adjusting your current job is "
                "the natural first step.",
                1.0,
            )
        )
        weights["reshape"] = 1.0
    ids = [sid for sid, _, _ in STRATEGIES]
    shares = largest_remainder([weights[i] for i in ids])
    out = [
        StrategyShare(
            id=sid,
            name=name,
            description=desc,
            share=share,
            weight=weights[sid],
            reasons=tuple(sorted(reasons[sid], key=lambda r: -r.weight)),
        )
        for (sid, name, desc), share in zip(STRATEGIES, shares, strict=True)
    ]
    return tuple(sorted(out, key=lambda s: (-s.weight, ids.index(s.id))))


def _care(subs: dict[str, SubscaleScore]) -> CareNote:
    toll = subs["toll"]
    reasons: list[str] = []
    if toll.score is not None and toll.score >= CARE_TOLL:
        reasons.append(f"Your emotional toll score is {toll.score:.0f} out of 100.")
    at_max = [i for i in toll.items if i.keyed == RUT_CHECK.scale.maximum]
    if len(at_max) >= 2:
        reasons.append("You strongly agreed with: " + "; ".join(f"“{i.text}”" for i in at_max))
    return care_note(reasons)


def score_rut_check(responses: Responses, instrument: Instrument = RUT_CHECK) -> RutCheckResult:
    """Score a rut check; raises ``InsufficientAnswersError`` below the minimum coverage."""
    answered = check_responses(instrument, responses)
    subs = score_subscales(instrument, answered)
    severity = _severity(subs)
    causes, unscored = _rank_causes(subs)
    return RutCheckResult(
        instrument_id=instrument.id,
        coverage=coverage(instrument, answered),
        severity=severity,
        subscales=subs,
        causes=causes,
        unscored_causes=unscored,
        strategies=_strategies(subs, causes, severity),
        care=_care(subs),
    )
