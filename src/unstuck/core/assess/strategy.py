"""The rut check's strategy mix, adjusted for the person's constraints.

The rut check alone says which kinds of move the answers point to. Whether a move is wise also
depends on what the person can afford: a short savings runway makes leaving without a plan
risky, a low risk tolerance favours moves inside the current job, and refusing any retraining
rules out most field changes. :func:`adjust_for_constraints` adds those considerations as more
:class:`~unstuck.core.assess.rut.Reason` rows (negative weights where a constraint argues
against a move), then recomputes the shares, so the page can show both mixes and why they
differ. Without constraints the mix is returned unchanged.
"""

from __future__ import annotations

from dataclasses import replace

from unstuck.core.assess.common import largest_remainder
from unstuck.core.assess.rut import STRATEGIES, Reason, StrategyShare
from unstuck.core.profile import Constraints

#: Below this many months of savings, leaving without a plan counts as risky.
SAFE_RUNWAY_MONTHS = 6.0


def adjust_for_constraints(
    strategies: tuple[StrategyShare, ...], constraints: Constraints | None
) -> tuple[StrategyShare, ...]:
    if constraints is None:
        return strategies
    weights = {s.id: s.weight for s in strategies}
    extra: dict[str, list[Reason]] = {s.id: [] for s in strategies}
    leaving = weights.get("elsewhere", 0.0) + weights.get("change_field", 0.0)
    runway = constraints.runway_months
    if runway is not None and runway < SAFE_RUNWAY_MONTHS and leaving > 0:
        extra["exit_plan"].append(
            Reason(
                f"Your savings cover about {runway:.1f} months of expenses, less than "
                f"{SAFE_RUNWAY_MONTHS:.0f}: build a runway before leaving.",
                0.5 * leaving * (1 - runway / SAFE_RUNWAY_MONTHS),
            )
        )
    if constraints.risk_tolerance == "low" and leaving > 0:
        for sid in ("reshape", "internal"):
            extra[sid].append(
                Reason(
                    "You want a safe, gradual change: moves inside your current job weigh more.",
                    0.15 * leaving,
                )
            )
    if constraints.retraining_months == 0 and weights.get("change_field", 0.0) > 0:
        extra["change_field"].append(
            Reason(
                "You would accept no retraining, and changing field usually needs some.",
                -0.5 * weights["change_field"],
            )
        )
    if not any(extra.values()):
        return strategies
    new_weights = {
        sid: max(0.0, w + sum(r.weight for r in extra[sid])) for sid, w in weights.items()
    }
    ids = [sid for sid, _, _ in STRATEGIES]
    shares = dict(zip(ids, largest_remainder([new_weights[i] for i in ids]), strict=True))
    out = [
        replace(
            s,
            weight=new_weights[s.id],
            share=shares[s.id],
            reasons=(*s.reasons, *extra[s.id]),
        )
        for s in strategies
    ]
    return tuple(sorted(out, key=lambda s: (-s.weight, ids.index(s.id))))
