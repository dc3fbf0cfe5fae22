"""A small rule-based English stemmer for matching what people write against what postings ask.

``stem("administered") == stem("administration") == stem("administer")``: the inflections
(-s, -ed, -ing) and the common derivations that turn a verb into a noun or a person (-ation,
-ment, -er, -or, -ance, -ive, -al, ...) are taken off, so "Administer medications" and
"medication administration", or "managed a team" and "team management", share their words.
The rules are written for this purpose (not a port of any published stemmer): they only need
to send the forms of one word to one key, and may send an unrelated word to a strange key, as
long as two different everyday words seldom meet. A small table handles irregular verbs that
resumes use ("led", "taught", "built").

:func:`content_stems` is the set of a phrase's stems without the function words, what the
matcher compares (order does not matter: "team management" is "managed a team").

Pure and standard library only (part of :mod:`unstuck.core`).
"""

from __future__ import annotations

import re
from functools import lru_cache

#: irregular forms resumes use -> the base form
IRREGULAR = {
    "led": "lead", "taught": "teach", "built": "build", "wrote": "write", "written": "write",
    "ran": "run", "drove": "drive", "driven": "drive", "made": "make", "sold": "sell",
    "bought": "buy", "brought": "bring", "thought": "think", "spoke": "speak",
    "spoken": "speak", "gave": "give", "given": "give", "took": "take", "taken": "take",
    "kept": "keep", "met": "meet", "held": "hold", "grew": "grow", "grown": "grow",
    "chose": "choose", "chosen": "choose", "began": "begin", "begun": "begin", "won": "win",
    "oversaw": "oversee", "overseen": "oversee", "undertook": "undertake", "sent": "send",
    "spent": "spend", "found": "find", "fed": "feed", "dealt": "deal", "understood":
    "understand", "analyses": "analysis", "analyse": "analyze", "analysed": "analyze",
    "children": "child", "people": "person", "women": "woman", "men": "man",
    "analysis": "analyze", "comply": "compliance", "maintenance": "maintain", "career": "career",
    "data": "data", "media": "media", "criteria": "criterion",
}  # fmt: skip

_KEEP = frozenset({"career", "data", "media"})

#: words that say nothing about what was done or asked for
STOP = frozenset(
    """a an and or the of for in on at to with by from as into onto over under per via
    is are was were be been being am do does did done has have had will would can could
    should may might must shall our your their his her its my we you they i he she it
    this that these those who which what when where while than then also both each every
    all any some such other new more most very well strong excellent good great proven
    ability able skill skills experience experienced knowledge including include includes
    etc using use used within across through about up out year years month months plus
    e g i e""".split()
)

_VOWEL = re.compile(r"[aeiouy]")

#: derivational endings, tried longest first; each must leave at least four letters
_DERIVATIONS = tuple(
    """isation ization ational fulness iveness ousness ication ation ition ution ement
    ments ment ances ences ance ence ators ator ities ity ively ive ical ally ial al
    ism ist ists ness ery ship icate ication ings ing ers er ors or ion ions ant ants
    ent ly ize ise ate ic y e""".split()
)
_DERIVATIONS = tuple(sorted(_DERIVATIONS, key=len, reverse=True))
#: endings another may stand inside ("document-ation", "leader-ship", "education-al")
_OUTER = frozenset({"ation", "ations", "al", "ally", "ly", "ship", "ical"})
#: "-ed" / "-ing" took a silent e with them ("educat-ed", "manag-ed", "improv-ing")
_SILENT_E = ("at", "iz", "is", "bl", "ut", "uc", "ag", "ic", "iv", "ov", "rv", "lv", "ur", "os",
             "as", "ag", "dg", "ng", "rc", "nc", "ul", "ys", "yz")  # fmt: skip


def _strip_inflection(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith(("ss", "us", "is")):
        return word
    for ending in ("ing", "ed"):
        if word.endswith(ending) and _VOWEL.search(word[: -len(ending)]):
            base = word[: -len(ending)]
            if len(base) >= 3 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]  # "planned" -> "plan", "running" -> "run"
            elif base.endswith(_SILENT_E) or (
                len(base) == 3 and not _VOWEL.match(base[0]) and base[1] in "aeiou"
                and base[2] not in "aeiouwxy"
            ):  # fmt: skip
                base += "e"  # "caring" -> "care", not "car"
            return base
    if word.endswith("s") and len(word) > 3 and not word.endswith("ss"):
        return word[:-1]
    return word


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The key one word is compared by (lower case; see the module docstring)."""
    w = word.lower().strip("'’.-")
    if w in IRREGULAR:
        w = IRREGULAR[w]
        if w in _KEEP:
            return w
    if len(w) <= 3 or not w.isalpha():
        return w
    w = _strip_inflection(w)
    for _ in range(2):  # again after an outer ending: "documentation", "leadership"
        ending = next((e for e in _DERIVATIONS if w.endswith(e) and len(w) - len(e) >= 4), "")
        w = w[: len(w) - len(ending)]
        if ending not in _OUTER:
            break
    if w.endswith(("iz", "is")) and len(w) > 5:
        w = w[:-2]  # "organiz" / "organis" / "organ"
    if w.endswith("ys"):
        w = w[:-1] + "z"  # "analys" -> "analyz"
    if len(w) > 4 and w[-1] == "r" and w[-2] not in "aeiouy":
        w = w[:-1]  # "administr" (-ation) and "administ" (-er); "registr" and "regist"
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "aeiouy":
        w = w[:-1]  # "controll" -> "control"
    return w


_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


def words(text: str) -> list[str]:
    """The words of ``text`` (letters; "wage-and-hour" is three words, "IV" one)."""
    return [w.replace("’", "'").removesuffix("'s") for w in _WORD.findall(text)]


@lru_cache(maxsize=65536)
def content_stems(text: str) -> frozenset[str]:
    """The stems of ``text``'s words, function words left out (see :data:`STOP`)."""
    return frozenset(stem(w) for w in words(text) if w.lower() not in STOP and len(w) > 1)
