"""The knowledge base's vocabularies as extractor terms, and one cached extractor per base.

:func:`skill_terms` lists what the knowledge base can recognise in text as a skill:

- ``esco``: every ESCO skill and knowledge concept, by its preferred and alternative labels
  (hidden labels are left out: they are misspellings and fragments meant for search engines).
  ESCO's skill/competence labels are verb phrases and get verb variants. A one-word label
  written with capitals that spells an everyday word ("Source", "SPARK", "Puppet") is only
  found as written. An alternative label that is a light verb and one word ("be flexible",
  "stay focused": :data:`DISPOSITION_VERBS`) marks a mention without linking it, and so does
  a product name listed under a catalogue concept (:data:`CATALOGUE`: "PowerShell" under
  *computer programming*) where O*NET's technology examples name that product: the product is
  the more specific match.
- ``technology``: O*NET Technology Skills examples ("Microsoft Excel", "Python") and their
  UNSPSC commodity titles ("Spreadsheet software"); an example that starts with a vendor's
  name is also known without it ("Excel", "Power BI"), in its written case.
- ``tool``: O*NET Tools Used examples ("Forklifts", "Soldering irons").
- ``element``: O*NET skill and knowledge areas by name ("Critical Thinking", "Customer and
  Personal Service"), content model elements 2.A, 2.B and 2.C.

:func:`position_occupations` maps the positions read from a resume to occupations.

:func:`title_terms` lists job titles (O*NET titles, alternate titles, ESCO labels linked through
the crosswalk) for finding occupations named in running text; a title typed by a person is better
served by ``kb.search`` (typo-tolerant, ranked).

Building an extractor over ESCO takes seconds (10-30 s for every vocabulary on two busy
cores), so :func:`skill_extractor` and :func:`title_extractor` keep one per knowledge base
instance (:meth:`~unstuck.knowledge.store.KnowledgeBase.derived`: a reloaded base gets a fresh
one, a dropped base frees its extractor), and :func:`warm_up` starts that build in the
background at server start.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from unstuck.text.extract import Concept, Extractor, Term

if TYPE_CHECKING:
    from unstuck.core.titles import TitleMatch
    from unstuck.knowledge.store import KnowledgeBase
    from unstuck.text.resume import Position

SKILL_SOURCES = ("esco", "technology", "tool", "element")
ELEMENT_PREFIXES = ("2.A", "2.B", "2.C")  # basic skills, cross-functional skills, knowledge
VENDOR_MIN = 10



def skill_terms(kb: KnowledgeBase, sources: Iterable[str] = SKILL_SOURCES) -> Iterator[Term]:
    wanted = set(sources)
    unknown = wanted - set(SKILL_SOURCES)
    if unknown:
        raise ValueError(f"unknown skill source(s): {', '.join(sorted(unknown))}")
    if "esco" in wanted:
        everyday = everyday_words(kb)
        products = _products(kb)
        later: list[Term] = []

        def named(label: str) -> bool:
            # "Source", "SPARK", "Puppet", "LaTeX": ESCO writes its labels in lower case, so a
            # one-word label in capitals is a name; where it spells an everyday word ("open
            # source", "a spark", "latex gloves") it is the name only as written
            return " " not in label and not label.islower() and label.lower() in everyday

        for skill in kb.esco_skills.values():
            concept = Concept("esco", skill.uri, skill.label)
            verb = skill.skill_type == "skill/competence"
            yield Term(skill.label, concept, verb, cased=named(skill.label))
            instances = _instances(skill.label, skill.alt_labels)
            for alt in skill.alt_labels:
                if alt == skill.label:
                    continue
                term = Term(alt, concept, verb, rank=1, cased=named(alt),
                            vague=_disposition(alt) or alt in instances & products)  # fmt: skip
                if alt in instances:
                    later.append(term)  # a concept that names the instance itself comes first
                else:
                    yield term
        yield from later  # "OpenCV": computer vision before computer programming
    if "technology" in wanted:
        seen: dict[str, Concept] = {}
        classes: set[tuple[int, str]] = set()
        everyday = everyday_words(kb)
        for items in kb.technology.values():
            for tech in items:
                if tech.example not in seen:
                    concept = Concept("technology", tech.example, tech.example)
                    seen[tech.example] = concept
                    # "Swift", "Forth", "Access": a product named by an everyday word is
                    # the product only where the text writes the name as the name
                    cased = " " not in tech.example and tech.example.lower() in everyday
                    yield Term(tech.example, concept, cased=cased)
                if tech.commodity_title and tech.commodity_code is not None:
                    classes.add((tech.commodity_code, tech.commodity_title))
        for code, title in sorted(classes):
            yield Term(title, Concept("technology", f"unspsc:{code}", title))
        # People write "Excel" and "Power BI", O*NET "Microsoft Excel", "Microsoft Power BI"
        vendors = _vendors(kb, seen)
        for example, concept in seen.items():
            first, _, rest = example.partition(" ")
            if first in vendors and len(rest) >= 2 and rest not in seen:
                yield Term(rest, concept, rank=1, cased=True)
    if "tool" in wanted:
        seen_tools: set[str] = set()
        for tools in kb.tools.values():
            for tool in tools:
                if tool.example not in seen_tools:
                    seen_tools.add(tool.example)
                    yield Term(tool.example, Concept("tool", tool.example, tool.example))
    if "element" in wanted:
        for eid, name in kb.element_names.items():
            if eid.startswith(ELEMENT_PREFIXES) and eid.count(".") >= 3:
                yield Term(name, Concept("element", eid, name))


#: Light verbs that make an attitude of one word: ESCO's alternative labels "be responsible",
#: "stay focused", "enjoy working", "be flexible" read as a skill mention, but one word of
#: evidence does not say which concept is meant ("You will be responsible for budgets" is a
#: duty, not *assume responsibility*), so they are vague: a mention, not a link.
DISPOSITION_VERBS = frozenset({"be", "stay", "remain", "enjoy", "feel", "have"})


def _disposition(label: str) -> bool:
    words = label.split()
    return len(words) == 2 and words[0] in DISPOSITION_VERBS


#: A concept that lists this many product or language names among its alternative labels is
#: a catalogue ("computer programming": Visual Basic, OpenCV, bash, ...): a name in it is an
#: instance of the concept, not another name for it.
CATALOGUE = 10


def _instances(label: str, alts: Iterable[str]) -> frozenset[str]:
    words = set(label.lower().split())
    names = [a for a in alts if not a.islower() and not words & set(a.lower().split())]
    return frozenset(names) if len(names) >= CATALOGUE else frozenset()


def _products(kb: KnowledgeBase) -> frozenset[str]:
    """O*NET's technology examples, also without their vendor's name ("PowerShell")."""
    examples = {tech.example for items in kb.technology.values() for tech in items}
    vendors = _vendors(kb, examples)
    out = set(examples)
    for example in examples:
        first, _, rest = example.partition(" ")
        if first in vendors and rest:
            out.add(rest)
    return frozenset(out)


def everyday_words(kb: KnowledgeBase) -> frozenset[str]:
    """Words that O*NET's task statements and ESCO's skill descriptions write in lower case
    inside a sentence, at least twice: English as people write it at work ("set forth", "access
    to", "product assembly"), derived once per knowledge base."""

    def build() -> frozenset[str]:
        counts: Counter[str] = Counter()
        texts = [s.description or "" for s in kb.esco_skills.values()]
        texts += [t.text for tasks in kb.tasks.values() for t in tasks]
        for text in texts:
            counts.update(set(_MID_WORD.findall(text)))
        return frozenset(w for w, n in counts.items() if n >= 2)

    return kb.derived("text.everyday", build, reuse=True, keep=True)


_MID_WORD = re.compile(r"(?<=[a-z,;] )[a-z][a-z-]+\b")


def _vendors(kb: KnowledgeBase, examples: Iterable[str]) -> set[str]:
    """Vendor names in O*NET's technology examples: a capitalised first word of at least
    :data:`VENDOR_MIN` multi-word examples that hardly any name (ESCO preferred labels, O*NET
    element names and examples) writes in lower case ("Microsoft", "Oracle", "IBM"; not
    "Scientific", "Data" or "The")."""
    counts: dict[str, int] = {}
    for example in examples:
        first, _, rest = example.partition(" ")
        if rest and first[:1].isupper():
            counts[first] = counts.get(first, 0) + 1
    frequent = {w for w, n in counts.items() if n >= VENDOR_MIN}
    lower_words: Counter[str] = Counter()
    names = [s.label for s in kb.esco_skills.values()]  # (ESCO's alternative
    names += [*kb.element_names.values(), *examples]  # labels lower-case product names)
    for name in names:
        lower_words.update(w for w in name.split() if w.islower())
    return {w for w in frequent if lower_words.get(w.lower(), 0) < 3}


def title_terms(kb: KnowledgeBase) -> Iterator[Term]:
    for code, title in kb.titles.items():
        concept = Concept("occupation", code, title)
        yield Term(title, concept)
        for other in kb.alternate_titles.get(code, ()):
            yield Term(other, concept, rank=1)
        for other in kb.esco_labels.get(code, ()):
            yield Term(other, concept, rank=1)


def skill_extractor(kb: KnowledgeBase, sources: Iterable[str] = SKILL_SOURCES) -> Extractor:
    """The extractor over ``sources`` of ``kb`` (built on first use, then reused)."""
    key = tuple(sorted(set(sources)))
    return kb.derived(
        f"text.skills:{','.join(key)}", lambda: Extractor(skill_terms(kb, key)), keep=True
    )


def title_extractor(kb: KnowledgeBase) -> Extractor:
    return kb.derived("text.titles", lambda: Extractor(title_terms(kb)), keep=True)


def warm_up(kb: KnowledgeBase) -> threading.Thread:
    """Build the default skill extractor in a daemon thread, so that a server can start
    answering while it builds (10-30 s on two cores); the first request that needs it waits
    for the same build instead of starting another."""
    thread = threading.Thread(target=skill_extractor, args=(kb,), name="unstuck-skills",
                              daemon=True)
    thread.start()
    return thread


def position_occupations(
    kb: KnowledgeBase, positions: Iterable[Position], *, limit: int = 3, min_score: float = 0.5
) -> list[tuple[Position, list[TitleMatch]]]:
    """Each position with the occupations its job title most likely is (``kb.search``: typo
    tolerant, abbreviations expanded), best first; matches scoring under ``min_score`` are
    dropped, and a position without a title gets none rather than a guess."""
    out: list[tuple[Position, list[TitleMatch]]] = []
    for position in positions:
        matches = kb.search(position.title, limit=limit) if position.title else []
        out.append((position, [m for m in matches if m.score >= min_score]))
    return out
