"""Find known terms (skills, technologies, tools, occupations) in free text, fast.

An :class:`Extractor` is built once from a list of :class:`Term` (a surface label and the
:class:`Concept` it names) and then maps any text to :class:`Mention` objects: character spans
into that text, the concepts named there, and what the surrounding words say about them
(negated, hedged, emphasised, optional; see :mod:`unstuck.text.negation`). This module is pure:
it knows nothing of the knowledge base; :mod:`unstuck.text.vocabulary` turns a
:class:`~unstuck.knowledge.store.KnowledgeBase` into terms and caches the extractor on it.

**Normal form.** Labels and text are folded the same way (:mod:`unstuck.text.normal`): lower
case, punctuation to spaces ("problem-solving", "Node.js", "CI/CD" match "problem solving",
"node js", "ci cd"), accents dropped, one ASCII byte per character so that offsets survive.

**Matching.** Every label is stored as a key (its folded words joined by single spaces) in a
dictionary, and the folded text is read a word at a time: at each word, the keys that start
there are looked up, one word longer each time, up to the longest key that starts with that
word. A key can only match whole words, so "java" never fires inside "javascript";
overlapping matches are reported, so nested labels ("project management" / "management") and
neighbours are all seen. Of the candidates the longest win (the leftmost among equals) and
shorter ones overlapping them are dropped: "enjoy working independently" reads "working
independently", not the leftmost "enjoy working". The cost is one dictionary lookup per word
(and one per word ahead where keys start), plus Python work per mention. An Aho-Corasick
automaton (Rust), used before, found the same spans but took seconds to compile over 400,000
keys and cannot be saved; the dictionary loads from disk in a fraction of a second (see
:meth:`unstuck.knowledge.store.KnowledgeBase.derived`).

**Variants.** Each label is also stored in a few regular inflections: the last word's plural
or singular ("databases", "skills"), and for verb phrases (ESCO skills are mostly "manage
staff", "use databases") the first word's -ing and -ed forms ("managing staff", "managed
staff"; the -s form is rare in postings and resumes and would add a quarter more patterns). A
parenthesised qualifier is dropped as another variant ("Python (computer programming)" ->
"Python"); that shortened name ranks with the alternative labels, ahead of other concepts'
("SaaS" names "SaaS (service-oriented modelling)" before the "service-oriented modelling"
that lists it as an alternative). Any other variant never displaces an exact label of another
concept.

**Case.** Matching ignores case except where case is what tells a name from a word: a
capitalised one-letter label ("R", "C") or a capitalised label that spells a short common
English word ("IT", "GO", "ART") must appear as written, as must a two-letter acronym ("RE"
is not the "re" of "we're", "HR" not the "hr" of "$17/hr"), and so must a one-word label that only
exists as a parenthesis-stripped variant when that word is also used in other labels, a sign
of an everyday word ("Chef (tools for software configuration management)" -> "Chef", but
"Python (computer programming)" -> "Python" in any case). Labels of two characters or fewer
that are all lower case are not used at all.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from unstuck.text.negation import CUES, PLAIN, Assertion, Cues, cue_key
from unstuck.text.normal import alnum, fold, key


@dataclass(frozen=True, slots=True)
class Concept:
    """What a label names. ``kind`` says which vocabulary ("esco", "technology", "tool",
    "element", "occupation"); ``id`` is that vocabulary's identifier; ``label`` is the name to
    show (an ESCO preferred label, an O*NET example or element name, an occupation title)."""

    kind: str
    id: str
    label: str


@dataclass(frozen=True, slots=True)
class Term:
    """One surface form of a concept. ``rank`` 0 is the concept's own name (ESCO's preferred
    label), 1 another name (an alternative label). ``verb`` marks a verb phrase ("manage
    staff"), which also gets -ing/-ed variants of its first word. ``cased`` asks for the case
    as written ("Word" the product, not "word"). ``vague`` marks a label that still reads as a
    skill mention but is too loose to link to its concept (see :attr:`Mention.vague`)."""

    text: str
    concept: Concept
    verb: bool = False
    rank: int = 0
    cased: bool = False  # match only as written (unless no other label uses the word)
    vague: bool = False  # too loose to say which concept is meant ("be flexible")


class Mention(NamedTuple):
    """``text[start:end]`` of the input names ``concepts`` (best first within each kind);
    ``exact`` is False when the span matched only an inflected or shortened variant of a label;
    ``vague`` is True when it matched only labels too generic to tell which concept is meant.
    (A named tuple: thousands are made per document and a tuple is the cheapest object.)
    """

    start: int
    end: int
    text: str
    concepts: tuple[Concept, ...]
    assertion: Assertion = PLAIN
    exact: bool = True
    vague: bool = False
    named: bool = True  # some concept is named by its own label (not an alternative or variant)

    @property
    def negated(self) -> bool:
        return self.assertion.negated

    def primary(self, kind: str) -> Concept | None:
        """The best concept of one vocabulary named here, or None when the mention is vague
        (an alternative label shared by several concepts names all of them; the first is
        the one listed first)."""
        if self.vague:
            return None
        return next((c for c in self.concepts if c.kind == kind), None)


# -- variants --------------------------------------------------------------------------------

_VOWELS = frozenset("aeiou")


def plural(word: str) -> str:
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return word[:-1] + "ies"
    return word + "s"


def singular(word: str) -> str | None:
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return None
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses", "zes")):
        return word[:-2]
    return word[:-1]


def _doubles(word: str) -> bool:
    """Short consonant-vowel-consonant verbs double their last letter: plan -> planning."""
    return (
        3 <= len(word) <= 4
        and word[-1] not in _VOWELS
        and word[-1] not in "wxy"
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
    )


def verb_forms(word: str) -> list[str]:
    """-ing and -ed forms of a verb (postings say "managing staff", resumes "managed staff"),
    by the regular rules (irregular forms are skipped: a wrong form costs nothing, it never
    occurs in text)."""
    if not word.isalpha() or len(word) < 3:
        return []
    if word.endswith("ie"):
        ing = word[:-2] + "ying"
    elif word.endswith("e") and not word.endswith(("ee", "ye", "oe")):
        ing = word[:-1] + "ing"
    elif _doubles(word):
        ing = word + word[-1] + "ing"
    else:
        ing = word + "ing"
    if word.endswith("e"):
        past = word + "d"
    elif word.endswith("y") and word[-2] not in _VOWELS:
        past = word[:-1] + "ied"
    elif _doubles(word):
        past = word + word[-1] + "ed"
    else:
        past = word + "ed"
    return [ing, past]


_PAREN = re.compile(r"\s*\([^)]*\)\s*")


def variants(label: str, verb: bool) -> list[tuple[str, bool]]:
    """(variant, needs_case) pairs for a label, excluding the label itself."""
    out: list[tuple[str, bool]] = []
    if "(" in label:
        stripped = _PAREN.sub(" ", label).strip()
        if stripped and stripped != label:
            out.append((stripped, True))
            label = stripped
    words = label.split()
    if not words:
        return out
    last = words[-1]
    if last.isalpha() and last.islower() and len(last) > 2:  # not acronyms or names
        other = (singular(last) if last.endswith("s") else None) or plural(last)
        if other:
            out.append((" ".join([*words[:-1], other]), False))
    if verb and len(words) >= 2 and words[0].islower():
        for form in verb_forms(words[0]):
            out.append((" ".join([form, *words[1:]]), False))
    return out


# -- the extractor ---------------------------------------------------------------------------

VARIANT = 2  # rank offset of a variant below the label it comes from
VAGUE = 4  # rank offset of a label too generic to say which concept it names
GENERIC = 25  # a one-word alternative label used in this many labels is too generic to keep


# Short English words that are also capitalised labels ("IT", "GO", "AS", "ART"): such a
# label only counts where the text writes it in capitals, as the label does.
_COMMON_SHORT = frozenset(
    "a an as at be by do go he if in is it me my no of on or so to up us we am are art can may "
    "act age aid air all and any ask bad big bit box but buy car cut day die dig dry due ear eat "
    "end eye far few fit fly for fun get got gun has her him his hot how its job key kid law lay "
    "let lie lot low man mix net new nor not now odd off oil old one our out own pay per put ran "
    "raw red run sat saw say sea see set she sit six sky son sum sun tax tea ten the tie too top "
    "try two use van war was way web who why win yes yet you".split()
)


def _needs_case(label: str) -> bool | None:
    """True: match this label only in its written case; None: do not use it at all."""
    if len(label) > 8:  # too long to be a short word, whatever its punctuation
        return False
    core = alnum(label)
    upper = not core.islower() and not core.isdigit()
    if len(core) <= 2 and not upper:
        return None
    if upper and core.isupper() and core.isalpha() and len(core) == 2:
        return True  # a two-letter acronym ("RE", "HR"): "we're" and "$17/hr" are not it
    return upper and (len(core) == 1 or core.lower() in _COMMON_SHORT)


class Extractor:
    """Finds the terms it was built with in any text. Build once, reuse: construction compiles
    an automaton over every label and its variants (seconds for ESCO's ~100,000 labels); each
    :meth:`extract` call is a single pass over the text plus work per mention.

    ``generic``: a one-word alternative label (rank >= 1) whose word appears in this many
    distinct labels is *vague*: ESCO lists "data" under statistics, "design" under thinking
    creatively and "process" under ground-handling procedures. Such a word still marks a skill
    mention (postings do ask for "data" and "cloud") but not which concept it is, so its
    mentions carry ``vague=True`` and :meth:`Mention.primary` does not link them. Preferred
    labels are never vague. None: no label is vague. A :class:`Term` can also be vague by
    itself; where another vocabulary names the same span clearly, the vague concepts are left
    out, unless the text's case rules out every clear one ("powershell" is not the cased
    product name "PowerShell"): then the mention stands, vague.
    """

    def __init__(
        self, terms: Iterable[Term], *, inflect: bool = True, generic: int | None = GENERIC
    ) -> None:
        terms = list(terms)
        keys = {key(t.text) for t in terms}
        uses: Counter[bytes] = Counter(w for k in keys for w in set(k.split()))
        # key -> kind -> [(rank, order, concept, case form)]
        table: dict[bytes, dict[str, list[tuple[int, int, Concept, str | None]]]] = {}
        order = 0

        # (key, concept) of vague terms: a mention when another vocabulary's case fails
        loosened: set[tuple[bytes, Concept]] = set()

        def add(surface: str, concept: Concept, rank: int, case: bool,
                stripped: bool = False, loose: bool = False) -> None:  # fmt: skip
            nonlocal order
            k = key(surface)
            if not k:
                return
            needs = _needs_case(surface)
            if needs is None:
                return
            if (1 <= rank < VAGUE and generic is not None and b" " not in k and uses[k] >= generic
                    and surface.islower()):  # fmt: skip  # an acronym ("HR") is specific
                rank += VAGUE
            if case and rank >= VARIANT and b" " not in k and uses[k] <= 2:
                case = False  # a stripped "Python (computer programming)": no everyday word
            order += 1
            if stripped and rank == VARIANT:
                # "SaaS" of "SaaS (service-oriented modelling)" is that concept's own name,
                # qualifier aside: it ranks with the alternative labels, ahead of them
                # ("SaaS" is also an alternative label of "service-oriented modelling")
                rank, sort = 1, -order
            else:
                sort = order
            if loose:
                loosened.add((k, concept))
            slot = table.setdefault(k, {}).setdefault(concept.kind, [])
            slot.append((rank, sort, concept, alnum(surface) if (case or needs) else None))

        for term in terms:
            rank = term.rank + (VAGUE if term.vague else 0)
            add(term.text, term.concept, rank, term.cased, loose=term.vague)
            if inflect or "(" in term.text:
                for n, (variant, case) in enumerate(variants(term.text, term.verb and inflect)):
                    if case or inflect:
                        add(variant, term.concept, rank + VARIANT, case,
                            n == 0 and "(" in term.text, term.vague)  # fmt: skip
        self.term_count = len(terms)
        keys_in_order = list(table)
        # The negation cues and the phrase leads ride in the same automaton: one pass finds
        # labels, cues and leads.
        cue_kinds: dict[bytes, str] = {}
        for kind, phrases in CUES.items():
            for phrase in phrases:
                cue_kinds.setdefault(cue_key(phrase), kind)
        leads = {cue_key(lead) for lead in LEADS}
        keys_in_order += [k for k in {**cue_kinds, **dict.fromkeys(leads)} if k not in table]
        # The entries are kept in columns (a flag byte each, the concepts of all entries in one
        # list), so that an extractor saved to disk loads in a fraction of a second: an
        # _Entry object is only made for a key a text holds.
        concept_index: dict[Concept, int] = {}
        all_concepts: list[Concept] = []
        refs: list[int] = []
        offsets = [0]
        self._cases: list[str | None] = []
        # key index -> how many of its concepts are its own; the rest are the vague concepts
        # of another vocabulary, kept for when the text's case rules out every clear one
        # ("powershell": not the cased product name "PowerShell", still a skill mention)
        self._fallback: dict[int, int] = {}
        flags = bytearray()
        self._cue_of: list[str] = []
        for k in keys_in_order:
            self._cue_of.append(cue_kinds.get(k) or "")
            lead = k in leads
            if k not in table:
                flags.append(_LEAD if lead else 0)
                offsets.append(len(refs))
                continue
            concepts: list[Concept] = []
            cases: list[str | None] = []
            slots = list(table[k].values())
            bests = [min(r for r, _, _, _ in slot) for slot in slots]
            vague = all(b >= VAGUE for b in bests)
            exact = any(r == b and r % VAGUE < VARIANT and o > 0  # a stripped name: o < 0
                        for slot, b in zip(slots, bests, strict=True) for r, o, _, _ in slot)
            named = min(bests) == 0
            skipped: list[tuple[Concept, str | None]] = []
            for slot, best in zip(slots, bests, strict=True):
                if best >= VAGUE and not vague:  # another vocabulary names it clearly
                    skipped += [(c, f) for r, _, c, f in sorted(slot, key=lambda x: (x[0], x[1]))
                                if r == best and (k, c) in loosened]  # fmt: skip
                    continue
                for rank, _, concept, form in sorted(slot, key=lambda x: (x[0], x[1])):
                    if rank != best:
                        continue
                    if concept not in concepts:
                        concepts.append(concept)
                        cases.append(form)
                    elif form is None:  # also a label in any case ("Java" of "Java (...)")
                        cases[concepts.index(concept)] = None
            if skipped and all(c is not None for c in cases):
                self._fallback[len(offsets) - 1] = len(concepts)
                for concept, form in skipped:
                    if concept not in concepts:
                        concepts.append(concept)
                        cases.append(form)
            for concept in concepts:
                n = concept_index.get(concept)
                if n is None:
                    n = concept_index[concept] = len(all_concepts)
                    all_concepts.append(concept)
                refs.append(n)
            self._cases += cases
            offsets.append(len(refs))
            flags.append((_EXACT if exact else 0) | (_VAGUE if vague else 0)
                         | (_CASED if any(c is not None for c in cases) else 0)
                         | (_LEAD if lead else 0) | (_NAMED if named else 0)
                         | (_CONCEPTS if concepts else 0))  # fmt: skip
        self._refs = array("I", refs)
        self._offsets = array("I", offsets)
        self._flags = bytes(flags)
        self._roles = bytes(
            (1 if f & _CONCEPTS else 0) | (2 if c else 0) | (4 if f & _LEAD else 0)
            for f, c in zip(self._flags, self._cue_of, strict=True)
        )
        self._made: dict[int, _Entry] = {}
        self._keys = _Keys(keys_in_order)
        self._rows = [(c.kind, c.id, c.label) for c in all_concepts]
        self._concept_of = dict(enumerate(all_concepts))

    def __getstate__(self) -> dict[str, object]:
        state = {k: v for k, v in self.__dict__.items() if k not in ("_made", "_concept_of")}
        state["_keys"] = (self._keys.index, self._keys.longest)
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        index, longest = state.pop("_keys")  # type: ignore[misc]
        self.__dict__.update(state)
        self._made = {}
        self._concept_of = {}
        self._keys = _Keys.__new__(_Keys)
        self._keys.index, self._keys.longest = index, longest

    def _concept(self, n: int) -> Concept:
        made = self._concept_of.get(n)
        if made is None:
            made = self._concept_of[n] = Concept(*self._rows[n])
        return made

    def _entry(self, i: int) -> _Entry:
        made = self._made.get(i)
        if made is None:
            lo, hi = self._offsets[i], self._offsets[i + 1]
            f = self._flags[i]
            mid = lo + self._fallback.get(i, hi - lo)
            made = self._made[i] = _Entry(
                tuple(self._concept(n) for n in self._refs[lo:mid]),
                tuple(self._cases[lo:mid]),
                bool(f & _EXACT),
                bool(f & _VAGUE),
                bool(f & _CASED),
                self._cue_of[i] or None,
                bool(f & _LEAD),
                bool(f & _NAMED),
                tuple(self._concept(n) for n in self._refs[mid:hi]),
                tuple(self._cases[mid:hi]),
            )
        return made

    def __len__(self) -> int:
        """Number of distinct surface forms (labels and variants) it finds."""
        return sum(1 for f in self._flags if f & _CONCEPTS)

    def _scan(self, text: str, assess: bool, phrases: bool = False) -> list[Mention]:
        folded = fold(text)  # one byte per character: byte offsets are character offsets
        hits = self._keys.find(folded)
        if not hits:
            return []
        # A hit (i, start, end) spans " key " in the padded text, so the key itself spans
        # folded[start:end - 2]: the padding space before it is the space before the key.
        roles, cue_of = self._roles, self._cue_of
        cands = []
        cue_hits = []
        lead_ends = []
        for i, start, end in hits:
            role = roles[i]
            if role & 1:
                cands.append((start + 2 - end, start, i))  # sorts longest, then leftmost
            if role & 2:
                cue_hits.append((start, end - 2, cue_of[i]))
            if role & 4 and phrases:
                lead_ends.append(end - 2)
        if not cands and not lead_ends:
            return []
        cands.sort()
        cues = Cues.from_hits(text, cue_hits) if assess and cue_hits else None
        # Longest first: "enjoy working independently" reads "working independently" rather
        # than the leftmost "enjoy working"; a shorter label inside or across a taken span
        # is dropped.
        # The characters taken so far, one byte each: checking and taking a span costs its
        # length (in C), so the whole pass is linear in the text and the spans found.
        out: list[Mention] = []
        taken = bytearray(len(text))
        entry_of = self._entry
        for neg_len, start, i in cands:
            end = start - neg_len
            if taken.find(1, start, end) != -1:
                continue
            entry = entry_of(i)
            concepts = entry.concepts
            vague = entry.vague
            shown = text[start:end]
            if entry.cased:
                core = alnum(shown)
                if _sentence_capital(text, start, end):
                    core = core.lower()  # "Plan the annual conference": not RockWare Plan
                concepts = tuple(c for c, case in zip(entry.concepts, entry.cases, strict=True)
                                 if case is None or case == core)  # fmt: skip
                if not concepts and entry.fallback:
                    concepts = tuple(c for c, case in zip(entry.fallback, entry.fallback_cases,
                                                          strict=True)
                                     if case is None or case == core)  # fmt: skip
                    vague = True
                if not concepts:
                    continue
            taken[start:end] = b"\x01" * (end - start)
            assertion = PLAIN if cues is None else cues.assertion(start, end)
            out.append(Mention(start, end, shown, concepts, assertion, entry.exact, vague,
                               entry.named))  # fmt: skip
        out.sort(key=_by_start)
        if lead_ends:
            for start, end in _phrases(text, lead_ends):
                assertion = PLAIN if cues is None else cues.assertion(start, end)
                out.append(Mention(start, end, text[start:end], (), assertion, False, True, False))
            out.sort(key=_by_start)
        return out

    def find(self, text: str) -> list[Mention]:
        """Mentions without reading their context (every assertion is plain)."""
        return self._scan(text, False)

    def extract(self, text: str, *, phrases: bool = False) -> list[Mention]:
        """Mentions in text order, each with its :class:`~unstuck.text.negation.Assertion`.
        The mentions of labels never overlap. With ``phrases``, the phrases that follow a lead
        such as "experience with" or "ability to" are mentions too (no concepts, ``vague``:
        see :data:`LEADS`); they may overlap labelled mentions."""
        return self._scan(text, True, phrases)


#: Words that, after a capitalised first word, show the sentence goes on in prose: the
#: capital is the sentence's, not a name's ("Plan the annual conference", "Access to files").
_PROSE_NEXT = re.compile(
    r"[ \t]+(?:the|a|an|our|my|all|new|to|of|for|with|your|their|its|this|that|these|"
    r"those|each|every|up|out)\b"
)
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n)[\s\-*•–—]*$")


def _sentence_capital(text: str, start: int, end: int) -> bool:
    """Whether the one word ``text[start:end]`` is capitalised only because it opens a sentence
    or a bullet and the sentence goes on in prose (:data:`_PROSE_NEXT`): then a label known
    only in its written case ("Plan" of RockWare Plan, "Access") is not named there."""
    word = text[start:end]
    if not (word[:1].isupper() and word[1:].islower() and word.isalpha()):
        return False
    if not _SENTENCE_START.search(text, max(0, start - 12), start):
        return False
    return _PROSE_NEXT.match(text, end) is not None


# -- skill phrases -----------------------------------------------------------------------------

#: Words that introduce a skill in postings and resumes: what follows them, up to a clause
#: boundary, is a skill phrase even when no vocabulary names it ("experience with <anything>").
LEADS = (
    "experience with", "experience in", "experience of", "experience using",
    "experience working with", "experienced in", "knowledge of", "knowledge in",
    "knowledge about", "ability to", "able to", "understanding of", "skill in", "skills in",
    "skilled in", "proficiency in", "proficiency with", "proficient in", "proficient with",
    "expertise in", "expertise with", "familiar with", "familiarity with", "background in",
    "capable of", "passion for", "passionate about", "responsible for", "you will",
    "degree in", "focus on", "good at", "excellent", "strong",
)  # fmt: skip
PHRASE_WORDS = 6  # at most this many words in a phrase
_PHRASE_WORD = (
    r"(?!(?:and|or|to|as|is|are|with|in|for|from|that|who|which)\b)"  # stop words
    r"""(?:[^\s,;:!?()\[\]{}"'.]|\.(?=\S))+"""  # a word; "Node.js" keeps its dot
)
_PHRASE = re.compile(
    r"\s*(?:(?:a|an|the|our|your|their|its)\s+)?"  # dropped at the start
    rf"({_PHRASE_WORD}(?:[ \t]+{_PHRASE_WORD}){{0,{PHRASE_WORDS - 1}}})",
    re.IGNORECASE,
)  # words up to a stop word (and, or, to, with...) or a punctuation mark


def _phrases(text: str, lead_ends: list[int]) -> list[tuple[int, int]]:
    """The phrase after each lead: words up to a stop word, a punctuation mark or
    :data:`PHRASE_WORDS` words."""
    out = []
    match = _PHRASE.match
    for at in lead_ends:
        m = match(text, at)
        if m:
            out.append(m.span(1))
    return out


def _by_start(m: Mention) -> int:
    return m.start


_EXACT, _VAGUE, _CASED, _LEAD, _NAMED, _CONCEPTS = 1, 2, 4, 8, 16, 32
_WORD = re.compile(rb"[^ ]+")


class _Keys:
    """Where the keys (folded words joined by single spaces) stand in a folded text, whole
    words only, overlapping: (key index, start, end + 2), as an Aho-Corasick automaton over
    " key " finds them in " text ". A dictionary of the keys and, per first word, the most
    words a key starting with it has: each word of the text costs one lookup, and a word that
    starts keys one lookup per word ahead. Unlike a compiled automaton it is made in a moment
    from the key list, so an extractor saved to disk loads fast."""

    __slots__ = ("index", "longest")

    def __init__(self, keys: list[bytes]) -> None:
        self.index = {k: i for i, k in enumerate(keys)}
        longest: dict[bytes, int] = {}
        for k in keys:
            first = k.split(b" ", 1)[0]
            n = k.count(b" ") + 1
            if longest.get(first, 0) < n:
                longest[first] = n
        self.longest = longest

    def find(self, folded: bytes) -> list[tuple[int, int, int]]:
        longest, index = self.longest, self.index
        words = [m.span() for m in _WORD.finditer(folded)]
        out = []
        count = len(words)
        for w, (start, end) in enumerate(words):
            n = longest.get(folded[start:end])
            if n is None:
                continue
            i = index.get(folded[start:end])
            if i is not None:
                out.append((i, start, end + 2))
            last = end
            for j in range(w + 1, min(count, w + n)):
                s_j, e_j = words[j]
                if s_j != last + 1:  # words a single space apart only, as the keys are
                    break
                last = e_j
                i = index.get(folded[start:e_j])
                if i is not None:
                    out.append((i, start, e_j + 2))
        return out


@dataclass(frozen=True, slots=True)
class _Entry:
    concepts: tuple[Concept, ...]
    cases: tuple[str | None, ...]  # per concept: the alphanumerics the text must show, or None
    exact: bool
    vague: bool
    cased: bool
    cue: str | None = None  # the negation cue kind this key also is, if any
    lead: bool = False  # this key also introduces a skill phrase
    named: bool = False  # some concept's own label (rank 0), not only alternatives
    fallback: tuple[Concept, ...] = ()  # vague concepts, for when case rules out the others
    fallback_cases: tuple[str | None, ...] = ()
