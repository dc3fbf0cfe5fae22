"""Cue handling around a mention: negation, hedging, emphasis, optional/required, years."""

from __future__ import annotations

import pytest

from unstuck.text.negation import PLAIN, Cues, assess


def _assess(sentence: str, target: str, nth: int = 0):
    start = -1
    for _ in range(nth + 1):
        start = sentence.index(target, start + 1)
    return assess(sentence, start, start + len(target))


NEGATED = [
    ("No experience with Tableau.", "Tableau"),
    ("no experience with Tableau, Power BI or Looker", "Looker"),
    ("I have never used Tableau", "Tableau"),
    ("Worked without Tableau", "Tableau"),
    ("I don't know Tableau", "Tableau"),
    ("I don’t know Tableau", "Tableau"),  # curly apostrophe
    ("I haven't used Tableau yet", "Tableau"),
    ("Lack of Tableau skills", "Tableau"),
    ("Tableau is not required.", "Tableau"),
    ("Tableau: not needed for this role", "Tableau"),
    ("Not required: Tableau", "Tableau"),
    ("Neither Tableau nor Looker", "Looker"),
    ("cannot use Tableau", "Tableau"),
    ("We do not expect Tableau knowledge", "Tableau"),
    ("Unfamiliar with Tableau", "Tableau"),
]

NOT_NEGATED = [
    ("Experience with Tableau", "Tableau"),
    ("Tools including but not limited to Tableau and Looker", "Tableau"),
    ("Not only Tableau but also Looker", "Looker"),
    ("No travel required. Tableau daily", "Tableau"),  # sentence break ends the scope
    ("No travel; Tableau daily", "Tableau"),
    ("No Java, but strong Tableau", "Tableau"),  # "but" ends the scope
    ("We have no doubt Tableau helps", "Tableau"),
    ("Tableau, no Java", "Tableau"),  # a negation after the mention is not a post-cue
    ("Node.js is not used by us but Tableau is", "Tableau"),
    ("Another line\nTableau", "Tableau"),
]


@pytest.mark.parametrize(("sentence", "target"), NEGATED)
def test_negated(sentence: str, target: str) -> None:
    a = _assess(sentence, target)
    assert a.negated, (sentence, a)
    assert a.cues


@pytest.mark.parametrize(("sentence", "target"), NOT_NEGATED)
def test_not_negated(sentence: str, target: str) -> None:
    assert not _assess(sentence, target).negated


@pytest.mark.parametrize(
    ("sentence", "target", "strength", "years"),
    [
        ("Familiar with Tableau", "Tableau", "weak", None),
        ("Some exposure to Tableau", "Tableau", "weak", None),
        ("Basic knowledge of Tableau", "Tableau", "weak", None),
        ("Currently learning Tableau", "Tableau", "weak", None),
        ("Tableau", "Tableau", "normal", None),
        ("Expert in Tableau", "Tableau", "strong", None),
        ("Advanced Tableau skills", "Tableau", "strong", None),
        ("5+ years of Tableau", "Tableau", "strong", 5.0),
        ("3-5 years experience with Tableau", "Tableau", "strong", 3.0),
        ("Five years of Tableau", "Tableau", "strong", 5.0),
        ("1 year of Tableau", "Tableau", "normal", 1.0),
        ("Tableau (7 years)", "Tableau", "strong", 7.0),
        ("Tableau and 4 years of Java", "Tableau", "normal", None),  # not inside parentheses
        # the nearest cue wins: "familiar with" is closer than "strong"
        ("Strong SQL, familiar with Tableau", "Tableau", "weak", None),
    ],
)
def test_strength(sentence: str, target: str, strength: str, years: float | None) -> None:
    a = _assess(sentence, target)
    assert (a.strength, a.years) == (strength, years), a
    assert not a.negated


@pytest.mark.parametrize(
    ("sentence", "target", "requirement"),
    [
        ("Tableau is a plus", "Tableau", "optional"),
        ("Nice to have: Tableau", "Tableau", "optional"),
        ("Preferred: Tableau", "Tableau", "optional"),
        ("Tableau experience would be an advantage", "Tableau", "optional"),
        ("SQL is a plus but not required", "SQL", "optional"),
        ("Required: Tableau", "Tableau", "required"),
        ("You must know Tableau", "Tableau", "required"),
        ("Tableau is mandatory", "Tableau", "required"),
        ("Tableau", "Tableau", None),
    ],
)
def test_requirement(sentence: str, target: str, requirement: str | None) -> None:
    a = _assess(sentence, target)
    assert a.requirement == requirement, a
    assert not a.negated


def test_plain_text_gives_the_shared_plain_assertion() -> None:
    assert _assess("We use Tableau daily", "Tableau") is PLAIN


def test_scope_is_bounded_by_the_window() -> None:
    text = "No " + "word " * 60 + "Tableau"
    assert not _assess(text, "Tableau").negated


def test_cues_object_serves_many_mentions_of_one_text() -> None:
    text = "No Tableau; Looker daily. Familiar with Excel, not Access."
    cues = Cues(text)

    def at(word: str):
        i = text.index(word)
        return cues.assertion(i, i + len(word))

    assert at("Tableau").negated
    assert not at("Looker").negated
    assert at("Excel").strength == "weak" and not at("Excel").negated
    assert at("Access").negated


def test_non_ascii_text_keeps_offsets() -> None:
    text = "Café “résumé” — aucune expérience… No Tableau • Looker"
    i = text.index("Tableau")
    assert Cues(text).assertion(i, i + 7).negated
    j = text.index("Looker")
    assert not Cues(text).assertion(j, j + 6).negated  # the bullet breaks the clause
