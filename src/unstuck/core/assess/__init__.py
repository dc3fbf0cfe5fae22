"""Assessments: instruments as data, transparent scoring, validation and history.

One module per instrument (:mod:`.rut`, :mod:`.interests`, :mod:`.values`, :mod:`.wellbeing`),
each defining the instrument and a ``score_*`` function returning a result dataclass whose
``to_dict()`` traces every score back to the answers behind it. This package-level module is
the registry: instrument ids, the short names the CLI uses, and :func:`score` dispatching on
the id in the responses. :mod:`.strategy` adjusts the rut check's strategy mix for the person's
constraints; :mod:`.history` compares results over time; :mod:`.validation` checks answers files.

Pure: no I/O, no Django, no Click.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from unstuck.core.assess.history import Comparison, Snapshot, compare
from unstuck.core.assess.instruments import (
    Instrument,
    InsufficientAnswersError,
    Item,
    Responses,
    ResponseScale,
    Subscale,
)
from unstuck.core.assess.interests import INTERESTS, InterestsResult, score_interests
from unstuck.core.assess.rut import RUT_CHECK, RutCheckResult, score_rut_check
from unstuck.core.assess.validation import AnswersError, Problem, parse_answers, validate_answers
from unstuck.core.assess.values import WORK_VALUES_INSTRUMENT, ValuesResult, score_values
from unstuck.core.assess.wellbeing import WELLBEING, WellbeingResult, score_wellbeing

Result = RutCheckResult | InterestsResult | ValuesResult | WellbeingResult


class UnknownInstrument(LookupError):
    """No questionnaire by this name, family or versioned id in this version of unstuck."""

    def __init__(self, name: str, message: str | None = None) -> None:
        self.name = name
        super().__init__(message or f"unknown instrument {name!r}; known: {', '.join(INSTRUMENTS)}")


class UnknownInstrumentVersion(UnknownInstrument):
    """A versioned id (``"wellbeing/0"``) this version of unstuck cannot score.

    A result stored with it keeps its summary (the snapshot), but it cannot be re-scored, so
    nothing that needs the full result (paths, the plan, the results page) can use it.
    """

    def __init__(self, instrument_id: str) -> None:
        self.instrument_id = instrument_id
        super().__init__(
            instrument_id,
            f"{instrument_id} is not known to this version of unstuck; only its stored summary "
            "is available",
        )

#: Every instrument this version of unstuck can score, by versioned id.
INSTRUMENTS: dict[str, Instrument] = {
    i.id: i for i in (RUT_CHECK, INTERESTS, WORK_VALUES_INSTRUMENT, WELLBEING)
}

#: Short names (CLI verbs, URL slugs) to the current instrument id.
SHORT_NAMES: dict[str, str] = {
    "rut": RUT_CHECK.id,
    "interests": INTERESTS.id,
    "values": WORK_VALUES_INSTRUMENT.id,
    "wellbeing": WELLBEING.id,
}

_SCORERS: dict[str, Callable[..., Any]] = {
    RUT_CHECK.id: score_rut_check,
    INTERESTS.id: score_interests,
    WORK_VALUES_INSTRUMENT.id: score_values,
    WELLBEING.id: score_wellbeing,
}


def get_instrument(name: str) -> Instrument:
    """An instrument by versioned id (``"rut-check/1"``), family (``"rut-check"``) or short
    name (``"rut"``). Family and short name give the current version."""
    if name in INSTRUMENTS:
        return INSTRUMENTS[name]
    if name in SHORT_NAMES:
        return INSTRUMENTS[SHORT_NAMES[name]]
    for inst in INSTRUMENTS.values():
        if inst.family == name:
            return inst
    raise UnknownInstrument(name)


def short_name(instrument_id: str) -> str:
    for short, iid in SHORT_NAMES.items():
        if iid.split("/")[0] == instrument_id.split("/")[0]:
            return short
    raise UnknownInstrument(instrument_id)


def instrument_version(instrument_id: str) -> Instrument:
    """The instrument with exactly this versioned id; raises :class:`UnknownInstrumentVersion`."""
    if instrument_id not in INSTRUMENTS:
        raise UnknownInstrumentVersion(instrument_id)
    return INSTRUMENTS[instrument_id]


def score(responses: Responses) -> Result:
    """Score responses with the instrument named in them; raises
    :class:`UnknownInstrumentVersion` for an instrument this version cannot score."""
    scorer = _SCORERS.get(responses.instrument_id)
    if scorer is None:
        raise UnknownInstrumentVersion(responses.instrument_id)
    result: Result = scorer(responses)
    return result


__all__ = [
    "INSTRUMENTS",
    "SHORT_NAMES",
    "AnswersError",
    "Comparison",
    "InsufficientAnswersError",
    "Instrument",
    "InterestsResult",
    "Item",
    "Problem",
    "ResponseScale",
    "Responses",
    "Result",
    "RutCheckResult",
    "Snapshot",
    "Subscale",
    "UnknownInstrument",
    "UnknownInstrumentVersion",
    "ValuesResult",
    "WellbeingResult",
    "compare",
    "get_instrument",
    "instrument_version",
    "parse_answers",
    "score",
    "short_name",
    "validate_answers",
]
