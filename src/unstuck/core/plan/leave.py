"""Leave and income protection a person can use while they recover, by US state.

When the rut check shows a care note, the plan's first weeks put recovery first: see a doctor
or therapist, use the Employee Assistance Programme, and find out what leave and wage
replacement the person is entitled to before anything else. :func:`leave_options` names them.

The federal Family and Medical Leave Act (FMLA) gives eligible employees up to 12 weeks of
unpaid, job-protected leave a year for a serious health condition (29 U.S.C. 2612). The
states in :data:`STATE_PROGRAMMES` run their own paid leave or temporary disability insurance
(state labour departments' published programmes, 2025; benefits in Delaware, Minnesota and
Maine begin in 2026). Elsewhere, short-term disability insurance comes only through an
employer or a private policy.

Pure data and lookups; nothing here knows a person.
"""

from __future__ import annotations

import re

FMLA = (
    "Ask HR about medical leave: the federal FMLA gives up to 12 weeks of job-protected "
    "leave a year for a serious health condition, including mental health, once you have "
    "worked there a year."
)
#: US state postal code -> the state's own leave and wage-replacement programmes.
STATE_PROGRAMMES: dict[str, str] = {
    "CA": "State Disability Insurance (SDI) replaces part of your pay while a doctor certifies "
    "you cannot work, and the California Family Rights Act (CFRA) protects the job",
    "NY": "New York's disability benefits (DBL) replace part of your pay while you cannot "
    "work, and Paid Family Leave covers caring for family",
    "NJ": "New Jersey's Temporary Disability Insurance (TDI) replaces part of your pay while "
    "you cannot work",
    "RI": "Rhode Island's Temporary Disability Insurance (TDI) replaces part of your pay while "
    "you cannot work",
    "HI": "Hawaii's Temporary Disability Insurance (TDI), through your employer, replaces part "
    "of your pay while you cannot work",
    "WA": "Washington's Paid Family and Medical Leave pays part of your wages during medical leave",
    "MA": "Massachusetts Paid Family and Medical Leave (PFML) pays part of your wages during "
    "medical leave",
    "CT": "Connecticut Paid Leave pays part of your wages during medical leave",
    "OR": "Paid Leave Oregon pays part of your wages during medical leave",
    "CO": "Colorado's FAMLI paid leave pays part of your wages during medical leave",
    "DC": "DC Paid Family Leave pays part of your wages during medical leave",
    "DE": "Delaware Paid Leave (benefits from 2026) pays part of your wages during medical leave",
    "MN": "Minnesota Paid Leave (benefits from 2026) pays part of your wages during medical leave",
    "ME": "Maine Paid Family and Medical Leave (benefits from 2026) pays part of your wages "
    "during medical leave",
}
ELSEWHERE = (
    "Check whether your employer offers short-term disability insurance: it replaces part of "
    "your pay while a doctor certifies you cannot work."
)

_STATE = re.compile(r"\b([A-Z]{2})\b")


def state_of(code: str | None, name: str = "") -> str | None:
    """The postal code of a state location, or the first state a metro area's name lists
    ("Sacramento-Roseville-Folsom, CA" -> "CA"); None when neither says."""
    if code and len(code) == 2 and code.isalpha():
        return code.upper()
    tail = name.rsplit(",", 1)[-1] if "," in name else ""
    m = _STATE.search(tail)
    return m.group(1) if m else None


def leave_options(state: str | None) -> tuple[str, ...]:
    """What to ask about, federal first, then the state's own programme or the employer's."""
    own = STATE_PROGRAMMES.get((state or "").upper())
    return (FMLA, (own + ".") if own else ELSEWHERE)
