"""Job title -> occupation search: typo-tolerant, ranked, pure Python, no I/O.

The knowledge base hands :class:`TitleIndex` every title it knows (official O*NET titles,
alternate titles and their short forms, reported titles and, when ESCO is installed, ESCO
labels through the crosswalk) and calls :meth:`TitleIndex.search` with whatever a person typed.

**Normalising.** Text is folded to ASCII lower case; ``&`` becomes "and", dotted acronyms
("R.N.") are joined, everything else that is not a letter, digit, ``+`` or ``#`` splits tokens.
Tokens get a light plural stemmer (nurses -> nurse, secretaries -> secretary) and a few
spelling canonicalisations (sr -> senior, ii -> 2). A title with a parenthesis, as O*NET writes
them ("Registered Nurse (RN)", "Lab Technician (Laboratory Technician)"), is indexed as both of
its forms.

**Weights.** Each token weighs its inverse *occupation* frequency, ln(1 + N / occupations using
it): "nurse" is rare across occupations even though hundreds of nurse titles exist. Seniority
and level words (senior, junior, lead, entry, level, II, 3, ...) and function words are capped
to a small weight: they barely move a match either way, so "sr. software eng II" is scored
almost like "software engineer".

**Score.** A query and an indexed title are compared by weighted Dice overlap,
2 * weight(shared) / (weight(query) + weight(title)), which is 1.0 for the same words and
falls off for missing or extra words; it is multiplied by a head-noun factor (the last
significant word of a title names the job: "nurse manager" is a manager) and by the source's
weight (official title > alternate > reported > ESCO). An occupation's best title gives its
*title score*. Its *profile* looks at all its titles together: each query word counts
n / (n + 1) of its weight when n of the occupation's titles use it (the official title counts
thrice), so an occupation whose titles keep repeating the query's words ("rangeland ...")
beats one that has a single look-alike title. The two are combined as a noisy-or,
1 - (1 - title) * (1 - 0.9 * profile), so an exact title still scores 1.0. Residual
occupations ("..., All Other") collect every odd title and would win too many loose matches:
they are scaled by 0.9. On held-out reported titles the profile adds about 7 points of top-1
over the best title alone, the residual factor about 1.5.

**Abbreviations** come mostly from the data: O*NET pairs a form with its expansion in
parentheses and in the Short Title column ("Dept Store GM (Department Store General Manager)"),
and aligning the two forms yields acronyms (gm -> general manager) and shortenings
(dept -> department, lab -> laboratory). A short hand list adds the few everyday ones the data
lacks (mgr, asst, dev, ...). An abbreviation in a query becomes an alternative reading of that
word, scored beside the literal one; the better reading wins.

**Typos.** A query word of 4+ letters that the vocabulary does not know is read as its nearest
known words: edit distance 1 (2 for longer words) through a SymSpell-style deletion table built
on first use, a split into two known words ("datascientist"), or a prefix completion; or it is
left unread, counting against every title. Adjacent words that form a known word
("book keeper") are joined. Each combination of readings is a query variant, capped at a few,
scored with a small penalty.

**Synonyms** are mined from the data too: two titles of one occupation that differ in a
single word ("Carpenter Helper", "Carpenter Assistant") show the words are interchangeable
there; pairs seen in at least three occupations (technician ~ specialist, helper ~ assistant,
repairman ~ repairer, manager ~ director) give the query's head word up to two more readings.

**Speed.** Query words are taken heaviest first and their posting lists (kept sorted by
title weight) accumulated max-score style: once no title outside the accumulator could still
reach the current 30th best occupation, or half the best score so far, lighter words such as
"manager" only update titles already held, and a posting list is left as soon as its titles
grow too heavy to matter (Dice falls as a title's weight grows). A search touches a few hundred
titles rather than every title sharing a common word. The 30 best occupations by title score
are then re-ranked with their profiles.
"""

from __future__ import annotations

import gc
import math
import re
import unicodedata
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

SOURCE_WEIGHTS: dict[str, float] = {
    "title": 1.0,
    "alternate": 0.97,
    "reported": 0.95,
    "esco": 0.92,
}
# Seniority, grade and level words: noise for matching an occupation.
LEVEL_WORDS = frozenset(
    "senior junior lead principal entry level experienced mid midlevel intermediate "
    "1 2 3 4 5 6 i ii iii iv v vi".split()
)
FUNCTION_WORDS = frozenset("and of the for in a an to with at on or by from de".split())
LEVEL_WEIGHT = 0.25
FUNCTION_WEIGHT = 0.15
# Spelling variants folded at tokenisation time, on both sides.
CANONICAL: dict[str, str] = {
    "sr": "senior",
    "snr": "senior",
    "jr": "junior",
    "jnr": "junior",
    "ii": "2",
    "iii": "3",
    "iv": "4",
    "vi": "6",
}
# Everyday abbreviations that O*NET's own short forms do not cover well (the data supplies
# the rest: rn, lpn, cna, gm, hr, it, qa, vp, cfo, lab, dept, ...).
HAND_ABBREVIATIONS: dict[str, tuple[tuple[str, ...], ...]] = {
    "eng": (("engineer",),),
    "engr": (("engineer",),),
    "mgr": (("manager",),),
    "mngr": (("manager",),),
    "asst": (("assistant",),),
    "assoc": (("associate",),),
    "admin": (("administrator",), ("administrative",)),
    "dev": (("developer",),),
    "tech": (("technician",), ("technologist",)),
    "rep": (("representative",),),
    "coord": (("coordinator",),),
    "spec": (("specialist",),),
    "exec": (("executive",),),
    "dir": (("director",),),
    "supv": (("supervisor",),),
    "supvr": (("supervisor",),),
    "supt": (("superintendent",),),
    "acct": (("accountant",),),
    "ops": (("operations",),),
    "svc": (("service",),),
    "cust": (("customer",),),
    "mktg": (("marketing",),),
    "swe": (("software", "engineer"),),
    "sde": (("software", "development", "engineer"),),
}
EXPANSION_SIM = 0.96
DROP_SIM = 0.9
MAX_VARIANTS = 8
MAX_QUERY_TOKENS = 12
MIN_SCORE = 0.15
UNKNOWN_WEIGHT = 2.0  # weight of a query word that matches nothing (a common word weighs ~1-3)
HEAD_MISS = 0.85  # factor when the title's head noun is not the query's
CANDIDATES = 30  # occupations scored on their best title before the blend re-ranks them
RESIDUAL_FACTOR = 0.9  # "..., All Other" occupations: see _build
PROFILE_WEIGHT = 0.9  # how much of its gap to 1.0 the profile can close
OFFICIAL_SHARE = 2  # the official title counts as this many more titles in the profile
PROFILE_K = 1.0  # a word in n of an occupation's titles covers n / (n + k) of itself
SYNONYM_MIN = 3  # occupations in which two words must be seen interchanged
SYNONYM_TOP = 2  # synonyms kept per word
SYNONYM_SIM = 0.7
RELATIVE_FLOOR = 0.5  # titles below this share of the best score are not worth finding

_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}")
_POSSESSIVE = re.compile(r"['\u2019]s\b")
_TOKEN = re.compile(r"[a-z0-9]+(?:\+\+|#)?")
_PAREN = re.compile(r"\(([^()]*)\)")


@dataclass(frozen=True, slots=True)
class TitleEntry:
    text: str  # a title as written in the source
    code: str  # O*NET-SOC code, e.g. "15-1252.00"
    source: str  # "title" | "alternate" | "reported" | "esco"


@dataclass(frozen=True, slots=True)
class TitleMatch:
    code: str
    title: str  # the occupation's official title
    score: float  # 0..1, higher is better
    matched: str  # the entry text that matched best
    source: str  # its source


# -- text --------------------------------------------------------------------------------------
def _fold(text: str) -> str:
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold()
    if "." in text:
        text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)
    if "'" in text or "\u2019" in text:
        text = _POSSESSIVE.sub("", text).replace("'", "").replace("\u2019", "")
    return text.replace("&", " and ")


_stem_cache: dict[str, str] = {}


def _stem(token: str) -> str:
    """A light plural stemmer (Harman's S-stemmer plus -sses/-ches/-xes)."""
    cached = _stem_cache.get(token)
    if cached is not None:
        return cached
    t = CANONICAL.get(token, token)
    if len(t) > 3 and t.isalpha() and t[-1] == "s":
        if t.endswith("ies") and t[-4] not in "ae":
            t = t[:-3] + "y"
        elif t.endswith(("sses", "ches", "shes", "xes", "zzes")):
            t = t[:-2]
        elif t.endswith("es") and t[-3] not in "aeo":
            t = t[:-1]
        elif t[-2] not in "us":
            t = t[:-1]
    if len(_stem_cache) < 200_000:
        _stem_cache[token] = t
    return t


def tokens(text: str) -> list[str]:
    """The normalised, stemmed tokens of ``text`` (in order, duplicates kept)."""
    return [_stem(t) for t in _TOKEN.findall(_fold(text))]


def title_key(text: str) -> str:
    """A normal form: two titles with the same key are the same words in the same order,
    ignoring parentheses, case, punctuation, plurals and accents."""
    return " ".join(tokens(_PAREN.sub(" ", text)) or tokens(text))


def _forms(text: str) -> list[list[str]]:
    """The token lists a title is indexed as: itself without parentheses, and each
    parenthesised part ("Registered Nurse (RN)" -> registered nurse; rn)."""
    if "(" not in text:
        toks = tokens(text)
        return [toks] if toks else []
    out = []
    main = tokens(_PAREN.sub(" ", text))
    if main:
        out.append(main)
    for part in _PAREN.findall(text):
        toks = tokens(part)
        if toks and toks != main:
            out.append(toks)
    if not out:
        toks = tokens(text)
        if toks:
            out.append(toks)
    return out


def _weight_cap(token: str) -> float | None:
    if token in LEVEL_WORDS:
        return LEVEL_WEIGHT
    if token in FUNCTION_WORDS:
        return FUNCTION_WEIGHT
    return None


def _head(toks: Iterable[str]) -> str | None:
    head = None
    for t in toks:
        if t not in LEVEL_WORDS and t not in FUNCTION_WORDS:
            head = t
    return head


# -- abbreviations learnt from the data ------------------------------------------------------
def _is_shortening(short: str, long: str) -> bool:
    """dept -> department, lab -> laboratory, mgr -> manager: same first letter, a
    subsequence, clearly shorter."""
    if len(short) < 2 or len(short) >= len(long) or short[0] != long[0] or not short.isalpha():
        return False
    it = iter(long)
    return all(c in it for c in short)


def _align(short: list[str], long: list[str]) -> list[tuple[str, tuple[str, ...]]] | None:
    """Pairs (abbreviation, expansion) that turn ``short`` into ``long``, or None."""
    if not short:
        return [] if not long else None
    if not long:
        return None
    head, rest = short[0], short[1:]
    if head == long[0]:
        tail = _align(rest, long[1:])
        if tail is not None:
            return tail
    if _is_shortening(head, long[0]):
        tail = _align(rest, long[1:])
        if tail is not None:
            return [(head, (long[0],)), *tail]
    if head.isalpha() and 2 <= len(head) <= 6:
        # an acronym: its letters are the initials of the next words, function words optional
        for j in range(2, min(len(long), 2 * len(head)) + 1):
            words = long[:j]
            content = [w for w in words if w not in FUNCTION_WORDS]
            initials = "".join(w[0] for w in words)
            if initials == head or "".join(w[0] for w in content) == head:
                tail = _align(rest, long[j:])
                if tail is not None:
                    return [(head, tuple(words)), *tail]
    return None


def learn_abbreviations(
    pairs: Iterable[tuple[list[str], list[str]]],
) -> dict[str, Counter[tuple[str, ...]]]:
    """Abbreviations found by aligning the two forms of titles such as
    "Dept Store GM (Department Store General Manager)"."""
    found: dict[str, Counter[tuple[str, ...]]] = defaultdict(Counter)
    for a, b in pairs:
        if len(a) > len(b):
            a, b = b, a
        if a == b or len(b) > 12:
            continue
        aligned = _align(a, b)
        if aligned:
            for short, expansion in aligned:
                found[short][expansion] += 1
    return dict(found)


# -- edit distance -----------------------------------------------------------------------------
def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _distance(a: str, b: str, cap: int) -> int:
    """Optimal-string-alignment distance, giving up past ``cap``."""
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        best = cur[0]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
            best = min(best, v)
        if best > cap:
            return cap + 1
        prev2, prev = prev, cur
    return prev[-1]


def _by_source(item: tuple[str, tuple[float, str, str]]) -> float:
    return -item[1][0]


# -- the index ---------------------------------------------------------------------------------
@dataclass(slots=True)
class _Variant:
    """One reading of the query: known token ids with weights, plus unmatched weight."""

    weights: dict[int, float]
    unknown: float
    head: int | None
    penalty: float


class TitleIndex:
    """Every title of every occupation, searchable by what a person would type."""

    def __init__(self, entries: Iterable[TitleEntry], titles: Mapping[str, str]) -> None:
        # The build allocates ~10^6 small objects and no cycles: the cyclic collector would
        # otherwise walk the growing heap again and again, doubling the build time.
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            self._build(entries, titles)
        finally:
            if was_enabled:
                gc.enable()

    def _build(self, entries: Iterable[TitleEntry], titles: Mapping[str, str]) -> None:
        self.titles = dict(titles)
        # "Production Workers, All Other": residual occupations collect every odd title, so
        # they win too many loose matches; a specific occupation is the likelier answer.
        self._residual = frozenset(c for c, t in self.titles.items() if "all other" in t.lower())
        vocab: dict[str, int] = {}
        doc_ids: dict[tuple[str, ...], int] = {}
        doc_tokens: list[tuple[int, ...]] = []
        # per doc: code -> (source weight, entry text, source)
        owners: list[dict[str, tuple[float, str, str]]] = []
        pairs: list[tuple[list[str], list[str]]] = []
        for entry in entries:
            srcw = SOURCE_WEIGHTS.get(entry.source, 0.9)
            forms = _forms(entry.text)
            if len(forms) > 1:
                pairs.extend((forms[0], f) for f in forms[1:])
            for form in forms:
                key = tuple(form)
                d = doc_ids.get(key)
                if d is None:
                    d = doc_ids[key] = len(doc_tokens)
                    ids = []
                    for t in form:
                        tid = vocab.get(t)
                        if tid is None:
                            tid = vocab[t] = len(vocab)
                        ids.append(tid)
                    doc_tokens.append(tuple(ids))
                    owners.append({})
                held = owners[d].get(entry.code)
                if held is None or held[0] < srcw:
                    owners[d][entry.code] = (srcw, entry.text, entry.source)
        self._vocab = vocab
        self._words = sorted(vocab)
        doc_sets = [frozenset(ids) for ids in doc_tokens]
        # in how many titles of each occupation a word occurs
        shares: list[Counter[str]] = [Counter() for _ in vocab]
        for s, own in zip(doc_sets, owners, strict=True):
            official = [c for c, (_, _, source) in own.items() if source == "title"]
            for i in s:
                shares[i].update(own.keys())
                for c in official:
                    shares[i][c] += OFFICIAL_SHARE
        n_codes = max(len({c for o in owners for c in o}), 1)
        weight = [0.0] * len(vocab)
        for t, tid in vocab.items():
            w = math.log(1.0 + n_codes / max(len(shares[tid]), 1))
            cap = _weight_cap(t)
            weight[tid] = min(w, cap) if cap is not None else w
        self._weight = weight
        self._df = [len(c) for c in shares]
        self._code_shares = [{code: k / (k + PROFILE_K) for code, k in c.items()} for c in shares]
        level_ids = {vocab[t] for t in LEVEL_WORDS | FUNCTION_WORDS if t in vocab}
        head_of: list[int | None] = []
        for seq in doc_tokens:
            h = None
            for i in seq:
                if i not in level_ids:
                    h = i
            head_of.append(h)
        doc_weight = [sum(map(weight.__getitem__, s)) for s in doc_sets]
        postings: list[list[int]] = [[] for _ in vocab]
        for d in sorted(range(len(doc_tokens)), key=doc_weight.__getitem__):
            for i in doc_sets[d]:
                postings[i].append(d)
        self._postings = postings
        self._posting_sets = [frozenset(p) for p in postings]
        self._doc_sets = doc_sets
        self._doc_weight = doc_weight
        self._doc_head = head_of
        self._owners = [
            sorted(o.items(), key=_by_source) if len(o) > 1 else list(o.items()) for o in owners
        ]
        self.abbreviations = self._abbreviations(learn_abbreviations(pairs))
        self._synonyms = self._mine_synonyms(doc_tokens, owners, vocab)
        self._deletion_table: dict[str, list[str]] | None = None

    def __len__(self) -> int:
        return len(self._doc_sets)

    def _abbreviations(
        self, learnt: dict[str, Counter[tuple[str, ...]]]
    ) -> dict[str, tuple[tuple[str, ...], ...]]:
        out: dict[str, tuple[tuple[str, ...], ...]] = {}
        for short, counts in learnt.items():
            known = [e for e, _ in counts.most_common() if all(t in self._vocab for t in e)]
            if known:
                out[short] = tuple(known[:3])
        for short, expansions in HAND_ABBREVIATIONS.items():
            known = [e for e in expansions if all(t in self._vocab for t in e)]
            rest = [e for e in out.get(short, ()) if e not in known]
            if known:
                out[short] = tuple(known + rest)[:3]
        return out

    # -- query understanding -------------------------------------------------------------------
    def _deletions(self) -> dict[str, list[str]]:
        table = self._deletion_table
        if table is None:
            built: dict[str, list[str]] = defaultdict(list)
            for w in self._vocab:
                if len(w) >= 3 and w.isalpha():
                    for d in _deletes(w):
                        built[d].append(w)
            table = self._deletion_table = dict(built)
        return table

    def _corrections(self, word: str) -> list[tuple[tuple[str, ...], float]]:
        """Known readings of an unknown word, best first."""
        found: dict[tuple[str, ...], float] = {}
        if len(word) >= 4 and word.isalpha():
            table = self._deletions()
            near: set[str] = set(table.get(word, ()))  # a letter missing from the query
            for d in _deletes(word):
                if d in self._vocab:  # an extra letter in the query
                    near.add(d)
                near.update(table.get(d, ()))  # a wrong or swapped letter
            cap = 1
            if not near and len(word) >= 7:
                cap = 2
                for d in _deletes(word):
                    for dd in _deletes(d):
                        if dd in self._vocab:
                            near.add(dd)
                        near.update(table.get(dd, ()))
            for w in near:
                dist = _distance(word, w, cap)
                if dist <= cap:
                    sim = 0.9 if dist == 1 else 0.75
                    found[(w,)] = max(found.get((w,), 0.0), sim)
            for i in range(3, len(word) - 2):  # two words run together
                a, b = word[:i], _stem(word[i:])
                if a in self._vocab and b in self._vocab:
                    found[(a, b)] = max(found.get((a, b), 0.0), 0.9)
            if len(word) >= 4 and not found:
                lo = bisect_left(self._words, word)
                completions = []
                for w in self._words[lo : lo + 50]:
                    if not w.startswith(word):
                        break
                    completions.append(w)
                completions.sort(key=lambda w: -self._df[self._vocab[w]])
                for w in completions[:2]:
                    found[(w,)] = 0.7
        # among equally near readings prefer the more common word
        ranked = sorted(found.items(), key=lambda kv: (-kv[1], -self._commonness(kv[0])))
        return ranked[:3]

    def _commonness(self, toks: tuple[str, ...]) -> int:
        return min(self._df[self._vocab[t]] for t in toks)

    def _readings(self, word: str, head: bool = False) -> list[tuple[tuple[str, ...], float]]:
        """Alternative readings of one query word, each with a similarity."""
        readings: list[tuple[tuple[str, ...], float]] = []
        known = word in self._vocab
        if known:
            readings.append(((word,), 1.0))
        expansions = self.abbreviations.get(word, ())
        if expansions and (not known or len(word) <= 4):
            readings.extend((e, EXPANSION_SIM) for e in expansions)
        if known and head:
            readings.extend(((x,), SYNONYM_SIM) for x in self._synonyms.get(word, ()))
        if not readings and _weight_cap(word) is None:
            readings.extend(self._corrections(word))
            if readings:  # the guesses may all be wrong: also read the query without it
                readings.append(((), DROP_SIM))
        return readings

    def _variants(self, words: list[str]) -> list[_Variant]:
        bases = [words]
        for i in range(len(words) - 1):  # "book keeper" -> "bookkeeper"
            joined = words[i] + words[i + 1]
            if joined in self._vocab:
                bases.append(words[:i] + [joined] + words[i + 2 :])
        out: list[_Variant] = []
        for base in bases[:3]:
            last = _head(base)
            per_word = [self._readings(w, w == last) for w in base]
            # a word the index cannot read still counts against every title, unless it is a
            # level or function word
            unknown = sum(
                _weight_cap(w) or UNKNOWN_WEIGHT
                for w, r in zip(base, per_word, strict=True)
                if not r
            )
            for combo, sim in _best_combinations([r for r in per_word if r], MAX_VARIANTS):
                weights: dict[int, float] = {}
                seq: list[str] = []
                dropped = unknown
                for toks in combo:
                    if not toks:  # a guessed-at word left unread
                        dropped += UNKNOWN_WEIGHT
                    for t in toks:
                        tid = self._vocab[t]
                        weights[tid] = self._weight[tid]
                        seq.append(t)
                h = _head(seq)
                out.append(
                    _Variant(
                        weights=weights,
                        unknown=dropped,
                        head=self._vocab[h] if h is not None else None,
                        penalty=sim * (0.98 if base is not words else 1.0),
                    )
                )
        out.sort(key=lambda v: -v.penalty)
        return out[:MAX_VARIANTS]

    # -- search --------------------------------------------------------------------------------
    def search(self, query: str, limit: int = 10) -> list[TitleMatch]:
        """Occupations whose titles match ``query``, one per occupation, best first."""
        if limit <= 0 or not isinstance(query, str):
            return []
        state = _State(max(limit, CANDIDATES))
        variants: list[_Variant] = []
        # "Quality Control Lab Tech (QC Lab Tech)": each form is a query of its own
        for form in _forms(query[:300])[:3]:
            words = list(dict.fromkeys(form))[:MAX_QUERY_TOKENS]
            for variant in self._variants(words):
                self._score_variant(variant, state)
                variants.append(variant)
        candidates = sorted(state.best.items(), key=lambda kv: -kv[1][0])[: state.limit]
        profile = self._profile([code for code, _ in candidates], variants)
        # A noisy-or of the two signals: an exact title stays 1.0, and the occupation's
        # other titles close part of the remaining gap.
        residual = self._residual
        blended = [
            (
                (1.0 - (1.0 - score) * (1.0 - PROFILE_WEIGHT * profile[code]))
                * (RESIDUAL_FACTOR if code in residual else 1.0),
                profile[code],
                code,
                d,
            )
            for code, (score, d) in candidates
        ]
        ranked = sorted(blended, key=lambda x: (-x[0], -x[1], x[2]))[:limit]
        out = []
        for score, _, code, d in ranked:
            _, text, source = dict(self._owners[d])[code]
            out.append(
                TitleMatch(
                    code=code,
                    title=self.titles.get(code, code),
                    score=round(min(score, 1.0), 4),
                    matched=text,
                    source=source,
                )
            )
        return out

    def _mine_synonyms(
        self,
        doc_tokens: list[tuple[int, ...]],
        owners: list[dict[str, tuple[float, str, str]]],
        vocab: dict[str, int],
    ) -> dict[str, tuple[str, ...]]:
        """Words that titles of one occupation interchange, in SYNONYM_MIN+ occupations."""
        slots: dict[tuple[str, tuple[int, ...]], set[int]] = defaultdict(set)
        for seq, own in zip(doc_tokens, owners, strict=True):
            if not 2 <= len(seq) <= 6:
                continue
            for i, t in enumerate(seq):
                masked = seq[:i] + (-1,) + seq[i + 1 :]
                for code in own:
                    slots[(code, masked)].add(t)
        seen: dict[tuple[int, int], set[str]] = defaultdict(set)
        for (code, _), words in slots.items():
            if 2 <= len(words) <= 6:
                for a in words:
                    for b in words:
                        if a != b:
                            seen[(a, b)].add(code)
        ranked: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for (a, b), codes in seen.items():
            if len(codes) >= SYNONYM_MIN:
                ranked[a].append((len(codes), b))
        spelled = {i: w for w, i in vocab.items()}
        out: dict[str, tuple[str, ...]] = {}
        for a, found in ranked.items():
            found.sort(reverse=True)
            out[spelled[a]] = tuple(spelled[b] for _, b in found[:SYNONYM_TOP])
        return out

    def _profile(self, codes: list[str], variants: list[_Variant]) -> dict[str, float]:
        """How much of the query an occupation's titles cover, all titles together: a word
        shared by many of its titles counts nearly fully, a word in one title half."""
        profile = dict.fromkeys(codes, 0.0)
        for v in variants:
            wq = sum(v.weights.values()) + v.unknown
            if wq <= 0:
                continue
            scale = v.penalty / wq
            terms = [(self._code_shares[t], w * scale) for t, w in v.weights.items()]
            for code in codes:
                s = 0.0
                for shares, w in terms:
                    share = shares.get(code)
                    if share is not None:
                        s += w * share
                if s > profile[code]:
                    profile[code] = s
        return profile

    def _score_variant(self, v: _Variant, state: _State) -> None:
        """Score the titles sharing words with one reading of the query (max-score style).

        Words are taken heaviest first and their postings accumulated; once no title outside
        the accumulator could still reach the current ``limit``-th best occupation (nor half
        the best score so far), lighter words only update titles already held. Scores only
        grow as words are added, so the running ``limit``-th best is a safe threshold."""
        if not v.weights:
            return
        wq = sum(v.weights.values()) + v.unknown
        order = sorted(v.weights.items(), key=lambda kv: -kv[1])
        remaining = sum(w for _, w in order)
        penalty = v.penalty
        head = v.head
        doc_weight = self._doc_weight
        doc_head = self._doc_head
        owners = self._owners
        best = state.best
        top = state.top
        limit = state.limit
        acc: dict[int, float] = {}
        scale = 2.0 * penalty

        def credit(d: int, score: float) -> bool:
            """Offer a title's score to its occupations; True when the bar was raised."""
            raised = False
            if score > state.peak:
                state.peak = score
                raised = True
            for code, (srcw, _, _) in owners[d]:
                s = score * srcw
                if s < state.threshold:
                    break
                held = best.get(code)
                if held is not None and held[0] >= s:
                    continue
                best[code] = (s, d)
                if code in top or len(top) < limit:
                    top[code] = s
                else:
                    low = min(top, key=top.__getitem__)
                    if top[low] >= s:
                        continue
                    del top[low]
                    top[code] = s
                if len(top) >= limit:
                    state.threshold = max(state.threshold, min(top.values()))
                    raised = True
            return raised

        for t, w in order:
            post = self._postings[t]
            reach = remaining  # the most a title not yet held can still gain
            remaining -= w
            touched: set[int] = set()
            floor = max(state.threshold, RELATIVE_FLOOR * state.peak)
            if scale * reach / (wq + reach) >= floor:
                # a title heavier than this cannot reach the floor even with all of ``reach``
                heaviest = scale * reach / floor - wq if floor > 0 else math.inf
                for d in post:
                    we = doc_weight[d]
                    if we > heaviest:
                        break
                    touched.add(d)
                    m = acc.get(d, 0.0) + w
                    acc[d] = m
                    score = scale * m / (wq + we)
                    if head is not None and doc_head[d] != head:
                        score *= HEAD_MISS
                    if score >= state.threshold and credit(d, score):
                        floor = max(state.threshold, RELATIVE_FLOOR * state.peak)
                        heaviest = scale * reach / floor - wq
            if len(touched) < len(post):
                held_docs = self._posting_sets[t]
                for d, m in acc.items():
                    if d in held_docs and d not in touched:
                        m += w
                        acc[d] = m
                        score = scale * m / (wq + doc_weight[d])
                        if head is not None and doc_head[d] != head:
                            score *= HEAD_MISS
                        if score >= state.threshold:
                            credit(d, score)


class _State:
    """What one search has found so far, shared by the readings of the query."""

    __slots__ = ("best", "top", "limit", "threshold", "peak")

    def __init__(self, limit: int) -> None:
        self.best: dict[str, tuple[float, int]] = {}  # code -> (score, title)
        self.top: dict[str, float] = {}  # the ``limit`` best codes so far
        self.limit = limit
        self.threshold = MIN_SCORE
        self.peak = 0.0


def _best_combinations(
    options: list[list[tuple[tuple[str, ...], float]]], cap: int
) -> Iterator[tuple[list[tuple[str, ...]], float]]:
    """Up to ``cap`` choices of one reading per word, by decreasing product of similarity."""
    if not options:
        return
    combos: list[tuple[list[tuple[str, ...]], float]] = [([], 1.0)]
    for readings in options:
        combos = [(c + [r], s * rs) for c, s in combos for r, rs in readings]
        combos.sort(key=lambda cs: -cs[1])
        combos = combos[:cap]
    yield from combos
