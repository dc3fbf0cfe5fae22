"""Pay in a posting: stated on a line of text (:func:`find_pay`) or as JSON-LD ``baseSalary``
(:func:`json_pay`).

An amount is pay only with a currency symbol or code ("$85,000 - $95,000 a year", "45 USD per
hour", "£40k"); bare numbers are years, team sizes or phone numbers. Amounts above
:data:`~unstuck.text.posting.model.MAX_PAY` are not pay on a line, and refused in JSON-LD.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from unstuck.core.limits import short
from unstuck.text.posting.model import MAX_PAY, Pay, PostingError

_SYMBOLS = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR"}
_AMOUNT = (
    r"(?:(?P<{0}sym>[$£€¥₹])\s?)?"
    r"(?P<{0}num>\d{{1,3}}(?:[,.]\d{{3}})+|\d+(?:\.\d+)?)\s?(?P<{0}k>[kK])?"
)
_PAY = re.compile(
    _AMOUNT.format("a")
    + r"(?:\s*(?:-|–|—|to)\s*"
    + _AMOUNT.format("b")
    + r")?\s*(?P<cur>USD|GBP|EUR|CAD|AUD)?\s*"
    r"(?:(?:per|an?|/)\s*(?P<period>year|yr|annum|month|mo|week|wk|day|hour|hr)\b"
    r"|(?P<hourly>hourly|annually|yearly|monthly))?",
    re.I,
)
_PERIOD_WORDS = {"year": "year", "yr": "year", "annum": "year", "annually": "year",
                 "yearly": "year", "month": "month", "mo": "month", "monthly": "month",
                 "week": "week", "wk": "week", "day": "day", "hour": "hour", "hr": "hour",
                 "hourly": "hour"}  # fmt: skip
_PAY_LINE = re.compile(r"salary|pay|compensation|wage|rate|\$|£|€|per (?:hour|year)", re.I)


def _number(num: str, k: str | None) -> float:
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", num):
        value = float(re.sub(r"[.,]", "", num))
    else:
        value = float(num.replace(",", ""))
    return value * 1000 if k else value


def find_pay(line: str) -> Pay | None:
    """Pay stated on one line: an amount with a currency symbol or code, optionally a range
    and a period. Bare numbers are not pay (they are years, team sizes, phone numbers)."""
    if not _PAY_LINE.search(line):
        return None
    for m in _PAY.finditer(line):
        sym = m.group("asym") or m.group("bsym")
        currency = m.group("cur").upper() if m.group("cur") else _SYMBOLS.get(sym or "")
        if currency is None:
            continue
        low = _number(m.group("anum"), m.group("ak") or m.group("bk"))
        high = _number(m.group("bnum"), m.group("bk")) if m.group("bnum") else None
        if low > MAX_PAY or (high is not None and high > MAX_PAY):
            continue  # a phone or reference number after a currency sign, not pay
        word = (m.group("period") or m.group("hourly") or "").lower()
        return Pay(low, high, currency, _PERIOD_WORDS.get(word), line.strip())
    return None


_PERIODS = {"YEAR": "year", "MONTH": "month", "WEEK": "week", "DAY": "day", "HOUR": "hour"}


def json_pay(value: Any) -> Pay | None:
    if not isinstance(value, dict):
        return None
    currency = value.get("currency")
    amount = value.get("value", value)
    if not isinstance(amount, dict):
        amount = {"value": amount}
    low = amount.get("minValue", amount.get("value"))
    high = amount.get("maxValue")
    if low is None:
        return None
    try:
        minimum = float(low)
    except (TypeError, ValueError):
        return None
    try:
        maximum = float(high) if high is not None else None
    except (TypeError, ValueError):
        maximum = None
    for v in (minimum, maximum):
        if v is not None and not (math.isfinite(v) and 0 <= v <= MAX_PAY):
            raise PostingError(
                f"the posting's baseSalary holds {short(v)}, not an amount of pay"
            )
    period = _PERIODS.get(str(amount.get("unitText", "")).upper())
    return Pay(minimum, maximum, currency if isinstance(currency, str) else None, period,
               json.dumps(value, ensure_ascii=False)[:200])  # fmt: skip
