"""The exit plan: how long the money lasts, whether it is safe to resign yet, and when.

**Runway.** The buffer is ``savings + severance``. Each month without a salary costs
``monthly expenses + extra costs − other income`` (extra costs are those that start on leaving,
such as buying health cover; other income is what continues, such as a partner's contribution
or side work), and for the first ``benefit months`` that burn is reduced by the monthly
benefit. The runway is the number of months until the buffer is spent::

    months = buffer / burn                      (no benefits)
    months = k + (buffer − k · (burn − benefit)) / burn   (benefits for k months, buffer lasts)

A paid notice period does not add to the buffer: the salary during notice pays that month's
expenses, and the runway starts on the last paid day (the timeline accounts for it).

**Unknown is not zero.** Savings and monthly expenses are required: without either, the runway
is ``None`` and ``missing`` names what to enter. The other inputs are optional; a missing one is
listed in ``unknown`` with the direction it would move the runway ("could be longer" for
severance, benefits and other income; "could be shorter" for extra costs), never silently
counted as 0. Zero savings is a known value and gives a runway of 0 months. When income covers
expenses the runway is unlimited (``math.inf``, shown as "unlimited").

**Readiness.** A score (0–100) over named conditions (:func:`readiness`), each met, not met or
unknown (unknown counts as not met and is shown as unknown). Some are *required*: a signed
written offer, and health cover arranged for the gap. **Runway is the safety net, not a
substitute for an offer**: only when the person's leading strategy is to plan an exit or to
recover first (:data:`RUNWAY_MAY_STAND_IN`) does a runway of at least :data:`RUNWAY_TARGET`
months for their risk tolerance stand in for the offer, and the verdict says so explicitly.
There is always a verdict sentence (:attr:`Readiness.verdict`).

**Timeline.** Resigning is dated only when it can be: with a signed offer, after the learning
plan; for a planned exit or recovery, once the runway reaches its target; otherwise the
resignation waits for the offer (undated) while the runway grows as a safety net. Savings that
would take more than :data:`MAX_SAVING_MONTHS` months are flagged, not printed as a date. A
preferred leaving month (the end of a school year, after a bonus) moves the date to the next
such month; the last working day follows after the notice period.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

from unstuck.core.profile import Constraints, RiskTolerance

#: Months of runway wanted before resigning without an offer, by risk tolerance.
RUNWAY_TARGET: dict[RiskTolerance, float] = {"low": 9.0, "medium": 6.0, "high": 3.0}
#: Leading strategies (rut check ids) under which enough runway may stand in for an offer.
RUNWAY_MAY_STAND_IN = frozenset({"exit_plan", "recover"})
#: Saving for longer than this is not a plan to date: flagged instead.
MAX_SAVING_MONTHS = 36.0
#: Informational interviews that count as having tested the direction.
MIN_CONVERSATIONS = 3
#: Share of the plan's top gaps closed with a proof that counts as ready.
MIN_GAPS_CLOSED = 0.5
DAYS_PER_MONTH = 30.44


@dataclass(frozen=True)
class ExitInputs:
    """Money in whole US dollars; months as numbers (1.5 months of notice is fine)."""

    savings: float | None = None
    monthly_expenses: float | None = None
    severance: float | None = None
    notice_months: float | None = None
    monthly_benefits: float | None = None  # e.g. unemployment insurance, if eligible
    benefit_months: float | None = None
    other_income: float | None = None  # monthly income that continues after leaving
    extra_costs: float | None = None  # monthly costs that start on leaving (health cover)
    monthly_saving: float | None = None  # what can be put aside a month while still employed
    #: the month (1-12) the person prefers to leave in, such as 6 for the end of a school year
    leaving_month: float | None = None

    @classmethod
    def from_constraints(cls, c: Constraints, **more: float | None) -> ExitInputs:
        return cls(savings=c.savings, monthly_expenses=c.monthly_expenses, **more)


@dataclass(frozen=True)
class Runway:
    months: float | None  # None: required input missing; math.inf: income covers expenses
    buffer: float | None
    monthly_burn: float | None
    missing: tuple[str, ...]  # required inputs not given
    unknown: tuple[str, ...]  # optional inputs not given, with the direction they would move it
    steps: tuple[str, ...]  # the arithmetic in words

    @property
    def unlimited(self) -> bool:
        return self.months is not None and math.isinf(self.months)

    def to_dict(self) -> dict[str, Any]:
        months: float | str | None
        if self.months is None:
            months = None
        elif self.unlimited:
            months = "unlimited"
        else:
            months = round(self.months, 1)
        return {
            "months": months,
            "buffer": self.buffer,
            "monthly_burn": self.monthly_burn,
            "missing": list(self.missing),
            "unknown": list(self.unknown),
            "steps": list(self.steps),
        }


_OPTIONAL = (
    ("severance", "severance not entered: the runway could be longer"),
    (
        "monthly_benefits",
        "benefits not entered: the runway could be longer (note that "
        "resigning often makes you ineligible for unemployment insurance)",
    ),
    ("other_income", "other income not entered: the runway could be longer"),
    (
        "extra_costs",
        "extra costs on leaving (such as health cover) not entered: the runway could be shorter",
    ),
)


def runway(inputs: ExitInputs) -> Runway:
    """Months the buffer lasts with no salary; see the module docstring for the formula."""
    for name in (
        "savings",
        "monthly_expenses",
        "severance",
        "monthly_benefits",
        "benefit_months",
        "other_income",
        "extra_costs",
        "notice_months",
    ):
        v = getattr(inputs, name)
        if v is not None and (v < 0 or math.isnan(v)):
            raise ValueError(f"{name} must not be negative")
    missing = tuple(
        label
        for name, label in (("savings", "savings"), ("monthly_expenses", "monthly expenses"))
        if getattr(inputs, name) is None
    )
    unknown = tuple(label for name, label in _OPTIONAL if getattr(inputs, name) is None)
    if inputs.monthly_benefits and inputs.benefit_months is None:
        unknown += (
            "benefit months not entered: benefits are left out until you say how long they last",
        )
    if missing:
        return Runway(
            None,
            None,
            None,
            missing,
            unknown,
            ("Enter " + " and ".join(missing) + " to compute a runway.",),
        )
    assert inputs.savings is not None and inputs.monthly_expenses is not None
    severance = inputs.severance or 0.0  # unknown severance is reported in ``unknown``
    buffer = inputs.savings + severance
    burn = inputs.monthly_expenses + (inputs.extra_costs or 0.0) - (inputs.other_income or 0.0)
    steps = [
        f"Buffer: savings {inputs.savings:,.0f}"
        + (f" + severance {severance:,.0f}" if inputs.severance is not None else "")
        + f" = {buffer:,.0f}.",
        f"Monthly burn: expenses {inputs.monthly_expenses:,.0f}"
        + (f" + extra costs {inputs.extra_costs:,.0f}" if inputs.extra_costs else "")
        + (f" − other income {inputs.other_income:,.0f}" if inputs.other_income else "")
        + f" = {burn:,.0f}.",
    ]
    benefit = inputs.monthly_benefits or 0.0
    k = inputs.benefit_months if inputs.benefit_months is not None and benefit > 0 else 0.0
    if burn <= 0:
        steps.append("Income after leaving covers expenses, so the buffer is never drawn down.")
        return Runway(math.inf, buffer, burn, (), unknown, tuple(steps))
    burn1 = burn - benefit
    if k > 0:
        steps.append(
            f"For the first {k:g} months benefits of {benefit:,.0f} cut the burn to {burn1:,.0f}."
        )
    if k > 0 and burn1 > 0 and buffer <= burn1 * k:
        months = buffer / burn1
        steps.append(
            f"The buffer runs out during the benefit months: {buffer:,.0f} / "
            f"{burn1:,.0f} = {months:.1f} months."
        )
    elif k > 0:
        left = buffer - burn1 * k
        if burn <= 0:
            return Runway(math.inf, buffer, burn, (), unknown, tuple(steps))
        months = k + left / burn
        steps.append(
            f"After {k:g} months {left:,.0f} is left, lasting {left / burn:.1f} more "
            f"months: {months:.1f} in all."
        )
    else:
        months = buffer / burn
        steps.append(f"Runway: {buffer:,.0f} / {burn:,.0f} = {months:.1f} months.")
    return Runway(months, buffer, burn, (), unknown, tuple(steps))


Status = Literal["met", "not met", "unknown"]


@dataclass(frozen=True)
class Condition:
    id: str
    name: str
    status: Status
    required: bool
    weight: float
    detail: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "status": self.status,
            "required": self.required,
            "weight": self.weight,
            "detail": self.detail,
        }


@dataclass(frozen=True)
class Readiness:
    score: int  # 0-100
    ready: bool
    conditions: tuple[Condition, ...]
    warning: str | None
    #: one sentence: whether to resign now, and what it waits for
    verdict: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "ready": self.ready,
            "verdict": self.verdict,
            "warning": self.warning,
            "conditions": [c.to_dict() for c in self.conditions],
        }


def _status(v: bool | None) -> Status:
    return "unknown" if v is None else "met" if v else "not met"


def readiness(
    rw: Runway,
    *,
    risk_tolerance: RiskTolerance = "medium",
    has_offer: bool | None = None,
    health_cover: bool | None = None,
    gaps_closed: float | None = None,
    conversations: int | None = None,
    resume_updated: bool | None = None,
    strategy: str | None = None,
) -> Readiness:
    """Score the conditions for resigning; ``gaps_closed`` is the share (0-1) of the plan's
    gaps closed with a proof, ``conversations`` the informational interviews held."""
    target = RUNWAY_TARGET[risk_tolerance]
    if rw.months is None:
        enough: bool | None = None
        rdetail = "Runway unknown: enter " + " and ".join(rw.missing) + "."
    else:
        enough = rw.months >= target
        shown = "unlimited" if rw.unlimited else f"{rw.months:.1f} months"
        rdetail = f"Runway {shown}; {target:g} months wanted at {risk_tolerance} risk tolerance."
    stand_in = strategy in RUNWAY_MAY_STAND_IN
    safe: bool | None
    if has_offer:
        safe = True
        sdetail = "A signed written offer: the runway only has to bridge the notice gap."
        name = "A signed written offer"
    elif stand_in and enough:
        safe = True
        sdetail = (
            rdetail + " Your strategy is to plan an exit first, and this runway covers it: "
            "leaving before an offer is a choice you can make, though an offer is still safer."
        )
        name = "A signed written offer, or (for a planned exit) enough runway"
    else:
        safe = False if has_offer is False else None
        sdetail = (
            "Keep your job until you hold a signed written offer with a start date. "
            + rdetail
            + " The runway is your safety net while you search, not a substitute for an offer."
        )
        name = "A signed written offer"
    conds = (
        Condition("offer", name, _status(safe), True, 3.0, sdetail),
        Condition(
            "health_cover",
            "Health cover arranged for the gap",
            _status(health_cover),
            True,
            2.0,
            "Know how you will be covered between jobs and what it costs.",
        ),
        Condition(
            "runway_target",
            f"At least {target:g} months of runway",
            _status(enough),
            False,
            2.0,
            rdetail,
        ),
        Condition(
            "skills",
            "Most of the plan's gaps closed with proof",
            _status(None if gaps_closed is None else gaps_closed >= MIN_GAPS_CLOSED),
            False,
            1.5,
            "Unknown"
            if gaps_closed is None
            else f"{gaps_closed:.0%} closed; {MIN_GAPS_CLOSED:.0%} wanted.",
        ),
        Condition(
            "network",
            f"At least {MIN_CONVERSATIONS} informational interviews held",
            _status(None if conversations is None else conversations >= MIN_CONVERSATIONS),
            False,
            1.0,
            "Unknown" if conversations is None else f"{conversations} held.",
        ),
        Condition(
            "resume",
            "Resume and LinkedIn updated",
            _status(resume_updated),
            False,
            0.5,
            "Recruiters look before you apply.",
        ),
    )
    total = sum(c.weight for c in conds)
    score = round(100 * sum(c.weight for c in conds if c.status == "met") / total)
    blocking = [c for c in conds if c.required and c.status != "met"]
    warning = None
    if blocking:
        warning = (
            "Do not resign yet. Still to hold: "
            + "; ".join(f"{c.name} ({c.status})" for c in blocking)
            + "."
        )
        if not safe:
            verdict = (
                "Not yet: keep your job until you hold a signed written offer"
                + ("" if health_cover else ", and arrange health cover for any gap")
                + "."
            )
        else:
            verdict = "Not yet: arrange health cover for the gap between jobs first."
    elif has_offer:
        verdict = "Yes: with a signed offer and cover arranged, you can give your notice."
    else:
        verdict = (
            "You can leave before an offer if you choose: your runway covers your planned exit "
            "and cover is arranged. An offer first is still the safer way."
        )
    return Readiness(score, not blocking, conds, warning, verdict)


@dataclass(frozen=True)
class Milestone:
    when: date | None
    label: str
    detail: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": None if self.when is None else self.when.isoformat(),
            "label": self.label,
            "detail": self.detail,
        }


@dataclass(frozen=True)
class Timeline:
    milestones: tuple[Milestone, ...]
    resign_from: date | None  # earliest recommended resignation; None when it cannot be dated
    last_day: date | None
    #: what to check before giving notice (see :func:`before_notice`)
    checklist: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "milestones": [m.to_dict() for m in self.milestones],
            "resign_from": None if self.resign_from is None else self.resign_from.isoformat(),
            "last_day": None if self.last_day is None else self.last_day.isoformat(),
            "checklist": list(self.checklist),
        }


def notice_words(months: float) -> str:
    """A notice period in the unit people use: weeks under two months, else months."""
    if months < 2:
        weeks = round(months * 52 / 12)
        return f"{weeks} week{'s' if weeks != 1 else ''}"
    return f"{months:.1f}".removesuffix(".0") + " months"


def before_notice(inputs: ExitInputs, rw: Runway | None = None) -> tuple[str, ...]:
    """What a career coach has a person check before giving notice, whatever the job: money
    that leaving forfeits, clauses that bind, and benefits that resigning gives up."""
    out = [
        "Check what leaving on a given date costs you: bonus and pay-rise dates, unvested "
        "stock or deferred compensation, and pension or retirement-system vesting. Leaving a "
        "little later can be worth more than the wait.",
        "Read your contract and handbook for a non-compete, non-solicit or garden-leave "
        "clause and the notice it asks for, before you accept anything elsewhere.",
        "Ask whether severance or a voluntary buyout is on offer before you resign: "
        "resigning usually gives both up, and usually makes you ineligible for unemployment "
        "insurance.",
    ]
    rw = rw if rw is not None else runway(inputs)
    if rw.months is not None and not rw.unlimited:
        out.append(
            f"Keep your runway (your emergency fund, {rw.months:.1f} months of expenses now) "
            "in savings you can reach; do not spend it on the move itself."
        )
    return tuple(out)


def _months_later(d: date, months: float) -> date:
    return d + timedelta(days=math.ceil(months * DAYS_PER_MONTH))


def months_to_save(rw: Runway, target_months: float, monthly_saving: float | None) -> float | None:
    """Months of saving until the runway reaches ``target_months``; 0 if it already does."""
    if rw.months is None or rw.monthly_burn is None or rw.buffer is None:
        return None
    if rw.months >= target_months:
        return 0.0
    if not monthly_saving or monthly_saving <= 0:
        return None
    need = target_months * rw.monthly_burn - rw.buffer
    # Benefits shorten the need; recomputing through runway() would need the benefit split,
    # so this is the conservative figure (it ignores benefits).
    return max(0.0, need / monthly_saving)


def timeline(
    inputs: ExitInputs,
    *,
    today: date,
    risk_tolerance: RiskTolerance = "medium",
    learning_weeks: int | None = None,
    has_offer: bool = False,
    strategy: str | None = None,
) -> Timeline:
    """Dated milestones to the resignation and the last working day (see the module
    docstring: without an offer, and unless the strategy lets the runway stand in for one,
    resigning waits for the offer and is not dated)."""
    rw = runway(inputs)
    target = RUNWAY_TARGET[risk_tolerance]
    stand_in = strategy in RUNWAY_MAY_STAND_IN
    ms: list[Milestone] = [Milestone(today, "Start", "Today.")]
    dates: list[date] = [today]
    dated = True
    if has_offer:
        detail = "With a signed offer in hand, after the plan's learning: the runway only needs "
        detail += "to cover the gap between jobs."
    else:
        save = months_to_save(rw, target, inputs.monthly_saving)
        label = f"Safety net: runway reaches {target:g} months"
        if save is None:
            why = (
                ("enter " + " and ".join(rw.missing))
                if rw.missing
                else ("say how much you can put aside a month")
            )
            ms.append(Milestone(None, label, f"Cannot be dated yet: {why}."))
            dated = not stand_in
        elif save > MAX_SAVING_MONTHS:
            ms.append(
                Milestone(
                    None,
                    label,
                    f"At {inputs.monthly_saving:,.0f} a month that is about "
                    f"{save / 12:.0f} years of saving: not a date to plan around. Keep your "
                    "job and move with a signed offer instead.",
                )
            )
            dated = not stand_in
        else:
            d = _months_later(today, save)
            if stand_in:
                dates.append(d)
            ms.append(
                Milestone(
                    d,
                    label,
                    "Already there."
                    if save == 0
                    else f"About {save:.1f} months of saving {inputs.monthly_saving:,.0f} a month.",
                )
            )
        if stand_in:
            detail = (
                "Your strategy is to plan an exit first: once the safety net is in place, the "
                "learning done and cover arranged, leaving before an offer is your choice."
            )
        else:
            dated = False
            detail = (
                "When you hold a signed written offer with a start date, not before: keep "
                "your job while you search."
            )
    if learning_weeks is not None:
        d = today + timedelta(days=7 * learning_weeks)
        dates.append(d)
        ms.append(Milestone(d, "Learning plan done", f"{learning_weeks} weeks of the plan."))
    resign = max(dates) if dated else None
    if resign is not None and inputs.leaving_month:
        month = int(inputs.leaving_month)
        resign = _next_in_month(resign, month)
        detail += f" Moved to your preferred leaving month ({_MONTHS[month - 1]})."
    # Steps towards resigning in date order (undated ones last), then resigning itself.
    ms = ms[:1] + sorted(ms[1:], key=lambda m: (m.when is None, m.when or today))
    ms.append(Milestone(resign, "Resignation", detail))
    last = None
    if resign is not None and inputs.notice_months is not None:
        last = _months_later(resign, inputs.notice_months)
        ms.append(
            Milestone(
                last, "Last working day", f"After {notice_words(inputs.notice_months)} of notice."
            )
        )
    elif inputs.notice_months is None:
        ms.append(Milestone(None, "Last working day", "Enter your notice period to date it."))
    else:
        ms.append(
            Milestone(
                None,
                "Last working day",
                f"{notice_words(inputs.notice_months)} after you give notice.",
            )
        )
    return Timeline(tuple(ms), resign, last, before_notice(inputs, rw))


_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


def _next_in_month(d: date, month: int) -> date:
    """The first day on or after ``d`` that falls in ``month`` (d itself when it does)."""
    if d.month == month:
        return d
    year = d.year if month > d.month else d.year + 1
    return date(year, month, 1)
