"""The strategy mix: the rut check's leaning, adjusted for the person's situation.

The rut check alone says which kinds of move the answers point to. Whether a move is wise also
depends on the rest of the person's situation, and :func:`strategy_mix` adds those
considerations as more :class:`~unstuck.core.assess.rut.Reason` rows (negative weights where
something argues against a move), then recomputes the shares, so a page can show the mix and
why. It is the one function behind the results page, the paths page's top picks, the plan, the
report and ``unstuck profile show`` (the application layer gathers its inputs).

The considerations, each a principle a career coach works by:

- **Money and risk.** A short savings runway makes leaving without a plan risky (plan an exit
  first); a low risk tolerance favours moves inside the current job and argues against working
  for yourself; refusing any retraining rules out most field changes.
- **Wellbeing first.** A very hard week on the wellbeing check-in (at or below
  :data:`LOW_WELLBEING`), or a care note, makes recovering first the first step. An emotional
  toll that comes from a harmful workplace is answered by leaving that workplace, so there the
  toll weighs less towards recovering and more towards the same work elsewhere.
- **A shrinking field.** When the person's occupation is projected to shrink (BLS Employment
  Projections, growth at or below :data:`SHRINKING_GROWTH` percent), the same work for another
  employer is a weaker bet and changing field a stronger one.
- **Independence.** Working for yourself weighs more when Independence is among the person's
  strongest work values, with enough risk tolerance and runway to carry it.

Without any of these inputs the mix is returned unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from unstuck.core.assess.common import largest_remainder
from unstuck.core.assess.rut import (
    STRATEGIES,
    TOLL_RECOVER_WEIGHT,
    Reason,
    RutCheckResult,
    StrategyShare,
)
from unstuck.core.assess.values import ValuesResult
from unstuck.core.assess.wellbeing import WellbeingResult
from unstuck.core.profile import Constraints

#: Below this many months of savings, leaving without a plan counts as risky.
SAFE_RUNWAY_MONTHS = 6.0
#: A wellbeing check-in at or below this (0-100) is a very hard week.
LOW_WELLBEING = 30.0
#: Projected growth (percent over the projection decade) at or below which a field shrinks.
SHRINKING_GROWTH = -2.0


def adjust_for_constraints(
    strategies: tuple[StrategyShare, ...], constraints: Constraints | None
) -> tuple[StrategyShare, ...]:
    """The mix adjusted for money, risk and retraining only (see :func:`strategy_mix`)."""
    return strategy_mix(strategies, constraints)


def strategy_mix(
    strategies: tuple[StrategyShare, ...],
    constraints: Constraints | None = None,
    *,
    wellbeing: float | None = None,
    care: bool = False,
    environment_leads: bool = False,
    toll_weight: float = 0.0,
    outlook_growth: float | None = None,
    occupation: str | None = None,
    top_values: Iterable[str] = (),
) -> tuple[StrategyShare, ...]:
    """The mix with every consideration of the module docstring applied.

    ``wellbeing``: the latest wellbeing check-in (0-100); ``care``: a care note is shown;
    ``environment_leads``: a harmful environment is the leading root cause; ``toll_weight``:
    what the emotional toll added to "recover first" in the rut check; ``outlook_growth``: the
    projected growth of the person's occupation (percent), ``occupation`` its title;
    ``top_values``: the person's strongest work values (ids such as ``"independence"``).
    """
    weights = {s.id: s.weight for s in strategies}
    extra: dict[str, list[Reason]] = {s.id: [] for s in strategies}
    for sid, _, _ in STRATEGIES:
        weights.setdefault(sid, 0.0)
        extra.setdefault(sid, [])
    leaving = weights.get("elsewhere", 0.0) + weights.get("change_field", 0.0)
    c = constraints
    runway = None if c is None else c.runway_months
    if c is not None and runway is not None and runway < SAFE_RUNWAY_MONTHS and leaving > 0:
        extra["exit_plan"].append(
            Reason(
                f"Your savings cover about {runway:.1f} months of expenses, less than "
                f"{SAFE_RUNWAY_MONTHS:.0f}: build a runway before leaving.",
                0.5 * leaving * (1 - runway / SAFE_RUNWAY_MONTHS),
            )
        )
    if c is not None and c.risk_tolerance == "low" and leaving > 0:
        for sid in ("reshape", "internal"):
            extra[sid].append(
                Reason(
                    "You want a safe, gradual change: moves inside your current job weigh more.",
                    0.15 * leaving,
                )
            )
    if c is not None and c.retraining_months == 0 and weights.get("change_field", 0.0) > 0:
        extra["change_field"].append(
            Reason(
                "You would accept no retraining, and changing field usually needs some.",
                -0.5 * weights["change_field"],
            )
        )
    # wellbeing and care
    if environment_leads and toll_weight > 0:
        extra["recover"].append(
            Reason(
                "The toll comes mostly from how you are treated at work: leaving that "
                "workplace is the first relief, so recovering first weighs less.",
                -0.5 * toll_weight,
            )
        )
        extra["elsewhere"].append(
            Reason(
                "The same work away from a harmful workplace takes its main cause away.",
                0.5 * toll_weight,
            )
        )
    low = wellbeing is not None and wellbeing <= LOW_WELLBEING
    # a care note always shows; it leads to "recover first" unless the harm comes from the
    # workplace itself and the week is not a very hard one (then leaving it comes first)
    care = care and (low or not environment_leads)
    if low or care:
        why = []
        if low:
            why.append(f"your wellbeing check-in was {wellbeing:.0f} of 100, a very hard week")
        if care:
            why.append("the check-in raised a care note")
        depth = 0.0 if wellbeing is None else max(0.0, (LOW_WELLBEING - wellbeing) / LOW_WELLBEING)
        extra["recover"].append(
            Reason(
                " and ".join(why).capitalize() + ": rest and support come before any move.",
                (0.5 + depth if low else 0.0) + (0.3 if care else 0.0),
            )
        )
    # a shrinking field
    if outlook_growth is not None and outlook_growth <= SHRINKING_GROWTH:
        lost = 0.5 * weights.get("elsewhere", 0.0)
        lost_inside = 0.25 * weights.get("internal", 0.0)
        what = occupation or "your occupation"
        extra["elsewhere"].append(
            Reason(
                f"Employment in {what} is projected to shrink ({outlook_growth:+.1f}% over the "
                "decade): the same work elsewhere is a weaker bet.",
                -lost,
            )
        )
        if lost_inside > 0:
            extra["internal"].append(
                Reason(
                    "A shrinking field has fewer new roles inside it too.", -lost_inside
                )
            )
        extra["change_field"].append(
            Reason(
                f"{what[0].upper()}{what[1:]} is projected to shrink ({outlook_growth:+.1f}%): "
                "a field with more openings is a better bet.",
                lost + lost_inside + 0.1,
            )
        )
    # working for yourself
    values = {v.casefold() for v in top_values}
    risk = None if c is None else c.risk_tolerance
    if "independence" in values and risk != "low":
        enough = runway is None or runway >= SAFE_RUNWAY_MONTHS
        extra["self"].append(
            Reason(
                "Independence is among your strongest work values"
                + ("" if enough else ", though a short runway makes it a slower build")
                + ": working for yourself fits it.",
                0.35 if enough else 0.15,
            )
        )
    if risk == "low" and weights.get("self", 0.0) > 0:
        extra["self"].append(
            Reason(
                "You want little risk: working for yourself carries the most.",
                -0.6 * weights["self"],
            )
        )
    if not any(extra.values()):
        return strategies
    new_weights = {
        sid: max(0.0, w + sum(r.weight for r in extra[sid])) for sid, w in weights.items()
    }
    ids = [sid for sid, _, _ in STRATEGIES]
    shares = dict(zip(ids, largest_remainder([new_weights[i] for i in ids]), strict=True))
    by_id = {s.id: s for s in strategies}
    out = []
    for sid, name, desc in STRATEGIES:
        base = by_id.get(sid) or StrategyShare(sid, name, desc, 0, 0.0, ())
        out.append(
            replace(
                base,
                weight=new_weights[sid],
                share=shares[sid],
                reasons=(*base.reasons, *extra[sid]),
            )
        )
    return tuple(sorted(out, key=lambda s: (-s.weight, ids.index(s.id))))


def mix_for(
    rut: RutCheckResult,
    constraints: Constraints | None = None,
    *,
    wellbeing: WellbeingResult | None = None,
    values: ValuesResult | None = None,
    outlook_growth: float | None = None,
    occupation: str | None = None,
) -> tuple[StrategyShare, ...]:
    """:func:`strategy_mix` for a rut-check result and the person's other results: what every
    page and command shows."""
    toll = rut.subscales["toll"].score if "toll" in rut.subscales else None
    toll_weight = TOLL_RECOVER_WEIGHT * max(0.0, ((toll or 50.0) - 50.0) / 50.0)
    leading = rut.causes[0].subscale_id if rut.causes else None
    care = bool(rut.care.shown) or bool(wellbeing is not None and wellbeing.care.shown)
    return strategy_mix(
        rut.strategies,
        constraints,
        wellbeing=None if wellbeing is None else wellbeing.score,
        care=care,
        environment_leads=leading == "cause.environment",
        toll_weight=toll_weight,
        outlook_growth=outlook_growth,
        occupation=occupation,
        top_values=[] if values is None else [v.id for v in values.top(2)],
    )
