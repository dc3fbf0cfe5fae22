"""What the words around a mention say about it: negated, hedged, emphasised, optional.

A skill named in a resume or a posting is not always claimed or required: "no experience with
Tableau", "Tableau is not required", "familiar with Tableau", "5+ years of Tableau",
"Tableau is a plus". :meth:`Cues.assertion` reads the clause around one mention and returns an
:class:`Assertion` saying which of these applies, with the cue words that decided it, so the
app can show *why* ("negated by 'no experience with'").

**Scope.** Cues act inside the mention's clause only, NegEx style. The clause runs back from the
mention to the nearest sentence end (``.``, ``!`` or ``?`` before a space, ``;``, a line break,
a bullet, a pipe) or scope-breaking conjunction (but, however, although, except, whereas,
while, yet, unlike), and at most :data:`WINDOW` characters. Commas do not break scope, so a cue
covers a list: "no experience with Tableau, Power BI or Looker" negates all three. Post-cues
("Tableau is not required", "Tableau is a plus", "Tableau (5 years)") are read forward from the
mention to the end of its clause.

**Cues** (:data:`CUES`), by kind:

- ``pseudo``: phrases holding a negation word that negate nothing ("not only", "not limited
  to", "no matter", "no doubt"); a negation starting where a pseudo-negation starts is ignored.
- ``neg``: no, not, never, without, lack of, none, neither/nor, don't/doesn't/haven't/can't...,
  "have yet to", "unfamiliar with". Before the mention.
- ``post_neg``: "not required", "not needed", "not necessary"... after the mention.
- ``weak``: familiar(ity) with, exposure to, basic, some, limited, beginner, introductory,
  learning, awareness of, interest in, working knowledge.
- ``strong``: expert, expertise, advanced, extensive, proficient, proficiency, mastery, deep,
  in-depth, strong, solid, fluent, senior; ``years``: a stated number of years ("5+ years",
  "3-5 years", "five years"; after the mention only inside parentheses: "Python (5 years)").
- ``optional``: nice to have, a plus, bonus, preferred, ideally, desirable, an advantage/asset.
- ``required``: required, must, mandatory, essential, minimum, need(s), necessary.

Of the strength cues before a mention the nearest wins; any negation in scope negates.

**Speed.** Cues are found by one Aho-Corasick pass over the document's normal form (see
:mod:`unstuck.text.normal`): the cue phrases are stored space-delimited, so they match whole
words only. For each mention the cues are walked outwards from it, nearest first, and clause
breaks are searched for only in the gaps between the mention and those cues, so a mention
with no cue in reach costs two bisections. Nothing here knows about skills: it works on
character offsets into any text.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from dataclasses import dataclass

import ahocorasick_rs

from unstuck.text.normal import fold

WINDOW = 160  # characters looked back from a mention (a long bullet's worth)
AHEAD = 80  # characters looked forward for post-cues
STRONG_YEARS = 3.0  # this many stated years count as strong evidence

_CONTRACTED = ("do", "does", "did", "have", "has", "had", "is", "are", "was", "were", "could",
               "would", "should", "wo", "ca", "must", "need")  # fmt: skip

CUES: dict[str, tuple[str, ...]] = {
    "pseudo": ("not only", "not just", "not limited to", "not necessarily", "not least",
               "not to mention", "no matter", "no doubt", "no later than", "no less than",
               "no fewer than", "no more than", "without limitation", "without doubt"),
    "neg": ("no", "not", "never", "none", "neither", "nor", "without", "lack", "lacks",
            "lacking", "unfamiliar", "have yet to", "has yet to", "zero experience", "cannot",
            "can t", "cant", "won t", "wont", "dont", "doesnt", "didnt", "havent", "hasnt",
            "isnt", "arent", "wasnt", "werent",
            *(f"{w}n t" for w in _CONTRACTED)),
    "post_neg": ("not required", "not needed", "not necessary", "not mandatory",
                 "not essential", "not a must", "not a requirement", "not a prerequisite"),
    "weak": ("familiar with", "familiarity with", "exposure to", "exposed to", "basic",
             "basics of", "some", "limited", "beginner", "beginning", "introductory",
             "introduction to", "entry level", "learning", "studying", "awareness of",
             "aware of", "interest in", "interested in", "keen to learn", "working knowledge",
             "a little", "elementary"),
    "strong": ("expert", "expertise", "advanced", "extensive", "extensively", "proficient",
               "proficiency", "mastery", "mastered", "deep", "in depth", "strong", "solid",
               "fluent", "fluency", "senior", "highly skilled", "thorough", "excellent"),
    "years": ("years", "year", "yrs", "yr"),
    "optional": ("nice to have", "a plus", "a bonus", "bonus", "preferred", "preferably",
                 "ideally", "desirable", "desired", "an advantage", "advantageous", "optional",
                 "beneficial", "an asset", "a strong plus", "a big plus", "would be great"),
    "required": ("required", "require", "requires", "must", "mandatory", "essential",
                 "minimum", "need", "needs", "necessary", "prerequisite"),
    "break": ("but", "however", "although", "though", "except", "whereas", "while", "yet",
              "unlike"),
}  # fmt: skip

# A sentence mark ends a clause only before a space or the end ("Node.js", "e.g.," and "3.5"
# do not).
# A sentence mark ends a clause only before a space or the end ("Node.js", "e.g.," and "3.5"
# do not).
_BREAK = re.compile(r"[\n;|\r•·▪◦●]|[.!?](?=\s|\Z)")
_NUMBER_BEFORE = re.compile(
    r"(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|several|many)"
    r"\s*\+?\s*(?:(?:-|–|to)\s*\d+(?:\.\d+)?\s*\+?\s*)?$",
    re.IGNORECASE,
)
_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "several": 3, "many": 5}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Assertion:
    """How a mention is asserted. ``cues`` holds the words that decided, in text order."""

    negated: bool = False
    strength: str = "normal"  # "weak" (hedged) | "normal" | "strong"
    requirement: str | None = None  # "required" | "optional" | None (not stated)
    years: float | None = None
    cues: tuple[str, ...] = ()


PLAIN = Assertion()


def cue_key(phrase: str) -> bytes:
    """A cue phrase's automaton key."""
    return fold(phrase).strip()


class _Automaton:
    """The cue automaton, built on first use (a few hundred phrases: milliseconds)."""

    _lock = threading.Lock()
    _built: tuple[ahocorasick_rs.BytesAhoCorasick, list[str], list[int]] | None = None

    @classmethod
    def get(cls) -> tuple[ahocorasick_rs.BytesAhoCorasick, list[str], list[int]]:
        if cls._built is None:
            with cls._lock:
                if cls._built is None:
                    kinds: list[str] = []
                    keys: list[bytes] = []
                    for kind, phrases in CUES.items():
                        for phrase in phrases:
                            keys.append(b" " + cue_key(phrase) + b" ")
                            kinds.append(kind)
                    cls._built = (
                        ahocorasick_rs.BytesAhoCorasick(keys),
                        kinds,
                        [len(k) - 2 for k in keys],
                    )
        return cls._built


class Cues:
    """The cues of one document, found once and consulted for each mention in it."""

    __slots__ = ("text", "starts", "ends", "kinds")

    def __init__(self, text: str) -> None:
        automaton, kinds, lengths = _Automaton.get()
        hits = automaton.find_matches_as_indexes(b" " + fold(text) + b" ", overlapping=True)
        self._set(text, [(start, start + lengths[i], kinds[i]) for i, start, _ in hits])

    @classmethod
    def from_hits(cls, text: str, hits: list[tuple[int, int, str]]) -> Cues:
        """Cues already found (character offsets, kinds as in :data:`CUES`), e.g. by an
        extractor whose automaton carries the cue phrases too."""
        cues = cls.__new__(cls)
        cues._set(text, list(hits))
        return cues

    def _set(self, text: str, found: list[tuple[int, int, str]]) -> None:
        # longest first at one start, so a pseudo-negation is seen before the negation in it
        found.sort(key=_longest_first)
        self.text = text
        self.starts = [s for s, _, _ in found]
        self.ends = [e for _, e, _ in found]
        self.kinds = [k for _, _, k in found]

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause around ``text[start:end]``: (first offset, offset past the last)."""
        text = self.text
        lo = max(0, start - WINDOW)
        for m in _BREAK.finditer(text, lo, start):
            lo = m.end()
        hi = min(len(text), end + AHEAD)
        after = _BREAK.search(text, end, hi)
        if after:
            hi = after.start()
        starts, kinds = self.starts, self.kinds
        j = bisect_left(starts, start) - 1
        while j >= 0 and starts[j] >= lo:  # a conjunction that breaks scope
            if kinds[j] == "break" and self.ends[j] <= start:
                lo = self.ends[j]
                break
            j -= 1
        k = bisect_left(starts, end)
        while k < len(starts) and starts[k] < hi:
            if kinds[k] == "break":
                hi = starts[k]
                break
            k += 1
        return lo, hi

    def assertion(self, start: int, end: int) -> Assertion:
        """The assertion of the mention ``text[start:end]``.

        Cues are walked outwards from the mention, nearest first, and the walk stops at the
        first clause break between a cue and the mention; only the gaps between consecutive
        cues are searched for breaks, so a mention with no cue near costs two bisections."""
        starts = self.starts
        if not starts:
            return PLAIN
        text, ends, kinds = self.text, self.ends, self.kinds
        search = _BREAK.search
        j = bisect_left(starts, start)
        pre: list[int] = []  # indices, nearest first
        boundary = start
        i = j - 1
        floor = start - WINDOW
        while i >= 0 and starts[i] >= floor:
            e = ends[i]
            if e <= start:  # (cue words inside the mention are not cues for it)
                if kinds[i] == "break" or search(text, e, boundary):
                    break
                boundary = starts[i]
                pre.append(i)
            i -= 1
        k = j
        while k < len(starts) and starts[k] < end:  # cue words inside the mention
            k += 1
        post: dict[str, tuple[int, int]] = {}
        boundary = end
        ceiling = end + AHEAD
        while k < len(starts) and starts[k] < ceiling:
            s = starts[k]
            if kinds[k] == "break" or (s > boundary and search(text, boundary, s)):
                break
            post.setdefault(kinds[k], (s, ends[k]))
            boundary = max(boundary, ends[k])
            k += 1
        if not pre and not post:
            return PLAIN
        negated = False
        strength: str | None = None
        requirement: str | None = None
        years: float | None = None
        cues: list[str] = []
        pseudo_at = -1
        for i in reversed(pre):  # text order: the nearest strength cue is seen last and wins
            s, e, kind = starts[i], ends[i], kinds[i]
            if kind == "pseudo":
                pseudo_at = s
            elif kind == "neg" and s != pseudo_at:
                negated = True
                cues.append(text[s:e])
            elif kind in ("weak", "strong"):
                strength = kind
                cues.append(text[s:e])
            elif kind == "years":
                found = _years_before(text, s)
                if found is not None:
                    years, at = found
                    strength = "strong" if years >= STRONG_YEARS else "normal"
                    cues.append(text[at:e])
            elif kind == "optional":
                requirement = "optional"
                cues.append(text[s:e])
            elif kind == "required" and requirement is None:
                requirement = "required"
                cues.append(text[s:e])
        if "post_neg" in post:
            s, e = post["post_neg"]
            negated = True
            cues.append(text[s:e])
        elif "optional" in post:
            s, e = post["optional"]
            requirement = "optional"
            cues.append(text[s:e])
        elif "required" in post and requirement is None:
            s, e = post["required"]
            requirement = "required"
            cues.append(text[s:e])
        if "years" in post and years is None:
            s, e = post["years"]
            found = _years_before(text, s)
            if found is not None and "(" in text[end:s]:
                years, at = found
                if years >= STRONG_YEARS:
                    strength = "strong"
                cues.append(text[at:e])
        if not cues:
            return PLAIN
        return Assertion(negated, strength or "normal", requirement, years, tuple(cues))


def _years_before(text: str, at: int) -> tuple[float, int] | None:
    """The number of years stated just before ``at`` ("5+ years", "3-5 years", "five years")
    and where it starts."""
    m = _NUMBER_BEFORE.search(text, max(0, at - 16), at)
    if not m:
        return None
    value = m.group(1).lower()
    number = float(_WORD_NUMBERS[value]) if value in _WORD_NUMBERS else float(value)
    return number, m.start()


def assess(text: str, start: int, end: int) -> Assertion:
    """The assertion of one mention ``text[start:end]`` (scans the whole text: to assess many
    mentions of one text, build :class:`Cues` once)."""
    return Cues(text).assertion(start, end)


def _longest_first(c: tuple[int, int, str]) -> tuple[int, int]:
    return c[0], -c[1]
