"""The JSON form a parsed resume or posting is stored in (``parsed`` in the user store).

Skills become ``{kind, id, label, ..., surface, evidence}``: ``surface`` holds the words the
document itself used for the skill (what tailoring may repeat), ``evidence`` the lines that show
it. :meth:`unstuck.core.match.ResumeFacts.from_dict` and
:meth:`~unstuck.core.match.PostingFacts.from_dict` read this form back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from unstuck.text.extract import Concept, Mention
from unstuck.text.posting import Posting
from unstuck.text.resume import Resume


def _skill(
    concept: Concept, mentions: Iterable[Mention], evidence: Iterable[str], **extra: Any
) -> dict[str, Any]:
    surface = list(dict.fromkeys(m.text for m in mentions))
    return {
        "kind": concept.kind,
        "id": concept.id,
        "label": concept.label,
        **extra,
        "surface": surface,
        "evidence": list(evidence),
    }


def resume_to_dict(r: Resume) -> dict[str, Any]:
    return {
        "source": r.source,
        "name": r.name,
        "headline": r.headline,
        "contact": list(r.contact),
        "preamble": list(r.preamble),
        "sections": [dict(s, lines=list(s["lines"])) for s in r.sections],
        "positions": [asdict(p) for p in r.positions],
        "education": [asdict(e) for e in r.education],
        "certifications": [asdict(c) for c in r.certifications],
        "listed_skills": list(r.listed_skills),
        "skills": [
            _skill(s.concept, s.mentions, s.evidence, strength=s.strength, years=s.years)
            for s in r.skills
        ],
    }


def posting_to_dict(p: Posting) -> dict[str, Any]:
    return {
        "source": p.source,
        "title": p.title,
        "employer": p.employer,
        "location": p.location,
        "pay": None if p.pay is None else asdict(p.pay),
        "requirements": [asdict(r) for r in p.requirements],
        "skills": [
            _skill(s.concept, s.mentions, s.evidence, required=s.required, section=s.section)
            for s in p.skills
        ],
    }
