"""The plan's gap list ranks what saved postings for the target ask for (issue 6 item 1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from unstuck.app.documents import services as documents
from unstuck.app.paths import services as paths_services
from unstuck.app.plan import services
from unstuck.app.profile import services as profile_services
from unstuck.knowledge.store import KnowledgeBase, get_knowledge_base

pytestmark = pytest.mark.django_db

NURSE = "29-1141.00"
NP = "29-1171.00"  # Nurse Practitioners

POSTING = """Nurse Practitioner
Requirements:
- Experience with Epic Systems and electronic medical record (EMR) software
- Strong critical thinking and active listening
"""


@pytest.fixture
def kb(kb_home: Path) -> KnowledgeBase:
    return get_knowledge_base()


def test_gaps_have_no_market_share_without_postings(kb: KnowledgeBase) -> None:
    profile_services.set_occupation(kb, NURSE, 5)
    paths_services.add(NP, kb.titles[NP])
    services.choose_target(NP)
    built = services.build(kb)
    assert built.analysis is not None and built.analysis.gaps
    assert all(g.market_share is None for g in built.analysis.gaps)
    assert services.market_shares(NP) is None


def test_gaps_carry_the_share_of_saved_postings(kb: KnowledgeBase) -> None:
    profile_services.set_occupation(kb, NURSE, 5)
    paths_services.add(NP, kb.titles[NP])
    services.choose_target(NP)
    documents.add_postings(POSTING.encode(), filename="np.txt", target_code=NP)
    shares = services.market_shares(NP)
    assert shares, "the posting names skills, so the market has shares"
    assert all(0 < v <= 1 for v in shares.values())
    built = services.build(kb)
    assert built.analysis is not None
    with_share = [g for g in built.analysis.gaps if g.market_share is not None]
    assert with_share, [g.name for g in built.analysis.gaps]
    folded = {" ".join(k.casefold().split()): v for k, v in shares.items()}
    for gap in with_share:
        expected = folded.get(" ".join(gap.name.casefold().split()), folded.get(gap.key.casefold()))
        assert gap.market_share == pytest.approx(expected)
