"""Checking a parsed answers file, reporting every problem at once.

An answers file (YAML or JSON; parsing happens at the edge) looks like::

    instrument: rut-check/1
    answers:
      rut.signs.motivation.1: 4
      rut.signs.motivation.2: null     # skipped
    ranking: [independence, achievement, ...]   # work values only, optional, may be partial

:func:`validate_answers` takes the parsed data and the instrument the caller expects, and returns
a list of :class:`Problem` — empty when the file can be scored. It never stops at the first
problem: someone fixing a file by hand wants the whole list, each naming the item it concerns.
:func:`parse_answers` turns valid data into :class:`Responses` or raises
:class:`AnswersError` carrying the same list, so callers cannot store half-checked answers.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from unstuck.core.assess.instruments import Instrument, Responses
from unstuck.core.limits import short

TOP_LEVEL_KEYS = ("instrument", "answers", "ranking")
MAX_ANSWERS_FACTOR = 4  # more answers than this many per item is not an answers file


def short_key(key: object) -> str:
    """A mapping key as it is named in a problem: its text, cut to a short prefix."""
    text = key if isinstance(key, str) else short(key)
    return text if len(text) <= 60 else text[:60] + "..."


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an answers file; ``where`` is an item id or a key."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    def to_dict(self) -> dict[str, str]:
        return {"where": self.where, "message": self.message}


class AnswersError(ValueError):
    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) with the answers:\n{lines}")


def _family(instrument_id: str) -> str:
    return instrument_id.split("/", 1)[0]


def validate_answers(
    instrument: Instrument, data: Any, known: Mapping[str, Instrument] | None = None
) -> list[Problem]:
    """Every problem with ``data`` as answers to ``instrument``; empty when it can be scored.

    ``known`` (instrument id to instrument) lets the message for a file made for another
    instrument name it properly; it defaults to just ``instrument``.
    """
    known = known if known is not None else {instrument.id: instrument}
    problems: list[Problem] = []
    if not isinstance(data, Mapping):
        return [
            Problem(
                "file",
                "expected a mapping with the keys 'instrument' and 'answers', got "
                f"{type(data).__name__}",
            )
        ]
    for k in data:
        if k not in TOP_LEVEL_KEYS:
            problems.append(
                Problem(short_key(k), f"unknown key; expected only {', '.join(TOP_LEVEL_KEYS)}")
            )

    declared = data.get("instrument")
    if declared is None:
        problems.append(Problem("instrument", f"missing; this file should say {instrument.id}"))
    elif not isinstance(declared, str):
        problems.append(Problem("instrument", f"should be a text like {instrument.id!r}"))
    elif len(declared) > 100:
        problems.append(Problem("instrument", f"unknown instrument {short(declared)}"))
    elif declared != instrument.id:
        if _family(declared) == instrument.family:
            problems.append(
                Problem(
                    "instrument",
                    f"wrong instrument version: the file says {declared}, this version of "
                    f"unstuck asks {instrument.id}",
                )
            )
        elif declared in known:
            problems.append(
                Problem(
                    "instrument",
                    f"the file is for {known[declared].name} ({declared}), not "
                    f"{instrument.name} ({instrument.id})",
                )
            )
        else:
            problems.append(
                Problem(
                    "instrument", f"unknown instrument {short(declared)}; expected {instrument.id}"
                )
            )

    answers = data.get("answers")
    answered = 0
    if answers is None:
        problems.append(Problem("answers", "missing; expected a mapping of item id to answer"))
    elif not isinstance(answers, Mapping):
        problems.append(Problem("answers", "should be a mapping of item id to answer"))
    elif len(answers) > MAX_ANSWERS_FACTOR * len(instrument.items):
        problems.append(
            Problem(
                "answers",
                f"{len(answers):,} answers for a questionnaire of {len(instrument.items)} items",
            )
        )
    else:
        item_ids = [i.id for i in instrument.items]
        known_ids = frozenset(item_ids)
        lo, hi = instrument.scale.minimum, instrument.scale.maximum
        unknown = 0
        valid: dict[str, int] = {}
        for raw_id, value in answers.items():
            item_id = short_key(raw_id)
            if item_id not in known_ids:
                unknown += 1  # fuzzy matching costs: only the first few get a suggestion
                close = difflib.get_close_matches(item_id, item_ids, n=1) if unknown <= 10 else []
                hint = f"; did you mean {close[0]}?" if close else ""
                problems.append(Problem(item_id, f"unknown item for {instrument.id}{hint}"))
                continue
            if value is None:
                continue  # skipped on purpose
            if isinstance(value, bool) or not isinstance(value, int):
                problems.append(
                    Problem(
                        item_id,
                        f"answer {short(value)} is not a whole number from {lo} to {hi} "
                        "(use null to skip)",
                    )
                )
            elif not lo <= value <= hi:
                problems.append(
                    Problem(item_id, f"answer {value} is out of range; expected {lo} to {hi}")
                )
            else:
                answered += 1
                valid[item_id] = value
        asked = len(instrument.asked(valid))
        needed = instrument.min_answers(valid)
        if answered < needed and not any(p.where in item_ids for p in problems):
            problems.append(
                Problem(
                    "answers",
                    f"only {answered} of {asked} items answered; at least "
                    f"{needed} ({instrument.min_coverage:.0%}) are needed",
                )
            )

    ranking = data.get("ranking")
    if ranking is not None:
        problems.extend(_ranking_problems(instrument, ranking))
    return problems


def _ranking_problems(instrument: Instrument, ranking: Any) -> list[Problem]:
    if not instrument.ranking_of:
        return [Problem("ranking", f"{instrument.name} has no ranking")]
    if not isinstance(ranking, list):
        return [Problem("ranking", "should be a list, most important first")]
    if len(ranking) > 2 * len(instrument.ranking_of):
        return [Problem("ranking", f"{len(ranking):,} entries; rank the six values or none")]
    problems: list[Problem] = []
    expected = instrument.ranking_of
    seen: set[str] = set()
    for entry in ranking:
        if entry not in expected:
            problems.append(
                Problem("ranking", f"unknown entry {short(entry)}; expected {', '.join(expected)}")
            )
        elif entry in seen:
            problems.append(Problem("ranking", f"{entry} is listed more than once"))
        else:
            seen.add(entry)
    # A partial ranking is fine: the values left out share the places after the ranked ones.
    return problems


def parse_answers(
    instrument: Instrument, data: Any, known: Mapping[str, Instrument] | None = None
) -> Responses:
    """Valid answers as :class:`Responses`; raises :class:`AnswersError` listing all problems."""
    problems = validate_answers(instrument, data, known)
    if problems:
        raise AnswersError(problems)
    answers = {str(k): v for k, v in data["answers"].items()}
    ranking = tuple(data.get("ranking") or ())
    return Responses(instrument.id, answers, ranking)
