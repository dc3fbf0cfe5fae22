"""Gap analysis: which gaps appear, how they are prioritised, and what stays unknown."""

from __future__ import annotations

import pytest

from unstuck.core.occupations import EducationShare, JobZone, Occupation, Rating, Technology
from unstuck.core.plan.gaps import (
    MAX_TECHNOLOGY,
    WEIGHTS,
    analyse_gaps,
    priority,
    required_education,
)
from unstuck.core.profile import Profile
from unstuck.core.profile import Rating as Mine

TARGET = Occupation(
    "15-1252.00",
    "Software Developers",
    None,
    "29.0",
    job_zone=JobZone(4, "Job Zone Four", None, None, None),
    education=(
        EducationShare(2, "High school", 10.0),
        EducationShare(5, "Associate's", 20.0),
        EducationShare(6, "Bachelor's", 60.0),
        EducationShare(8, "Master's", 10.0),
    ),
    skills=(
        Rating("2.B.3.e", "Programming", 4.5, 5.0),
        Rating("2.A.2.a", "Critical Thinking", 4.0, 4.5),
        Rating("2.A.1.d", "Speaking", 3.0, 3.5),
        Rating("2.B.2.i", "Complex Problem Solving", 4.0, 4.2, suppressed=True),
        Rating("2.B.5.d", "Management of Personnel", 2.0, 3.0),  # not important enough
        Rating("2.B.3.a", "Equipment Selection", 3.5, 4.0, not_relevant=True),
        Rating("2.A.1.f", "Science", 3.2, None),  # level not published
    ),
    knowledge=(
        Rating("2.C.3.a", "Computers and Electronics", 4.8, 6.0),
        Rating("2.C.4.a", "Mathematics", 3.5, 4.0),
    ),
    technology=(
        Technology("Python", None, None, hot=True, in_demand=True),
        Technology("Git", None, None, hot=True, in_demand=False),
        Technology("Notepad", None, None, hot=False, in_demand=False),
        Technology("Microsoft Excel", None, None, hot=True, in_demand=False),
    ),
)


def person(**kw: object) -> Profile:
    ratings = (
        Mine("2.B.3.e", "Programming", "skill", 1.0),
        Mine("2.A.2.a", "Critical Thinking", "skill", 4.3),  # within MIN_SIZE: a strength
        Mine("2.A.1.d", "Speaking", "skill", 2.0),
        Mine("2.B.2.i", "Complex Problem Solving", "skill", 3.0),
        Mine("2.B.5.d", "Management of Personnel", "skill", 0.0),
        Mine("2.B.3.a", "Equipment Selection", "skill", 0.0),
        Mine("2.C.3.a", "Computers and Electronics", "knowledge", 3.0),
        # Mathematics not rated
    )
    base: dict[str, object] = {
        "ratings": ratings,
        "technology": ("microsoft  EXCEL",),
        "education": 4,
    }
    base.update(kw)
    return Profile(**base)  # type: ignore[arg-type]


def test_skill_and_knowledge_gaps() -> None:
    ga = analyse_gaps(person(), TARGET)
    keys = {g.key for g in ga.gaps}
    assert {"2.B.3.e", "2.A.1.d", "2.B.2.i", "2.C.3.a"} <= keys
    assert "2.B.5.d" not in keys  # importance 2 < 3
    assert "2.B.3.a" not in keys  # O*NET marks it not relevant
    assert "2.A.1.f" not in keys  # no level to compare with
    assert "Critical Thinking" in ga.strengths
    assert [u.key for u in ga.unrated] == ["2.C.4.a"]  # not rated: listed, never guessed
    prog = next(g for g in ga.gaps if g.key == "2.B.3.e")
    assert prog.size == pytest.approx(4.0)
    assert prog.current == 1.0 and prog.required == 5.0
    cps = next(g for g in ga.gaps if g.key == "2.B.2.i")
    assert any("imprecise" in r for r in cps.reasons)


def test_priority_orders_by_importance_and_size() -> None:
    ga = analyse_gaps(person(), TARGET)
    prios = [g.priority for g in ga.gaps]
    assert prios == sorted(prios, reverse=True)
    by_key = {g.key: g for g in ga.gaps}
    # Programming: importance 4.5, 4 levels short -> (0.45*0.875 + 0.35*1) / 0.8
    assert by_key["2.B.3.e"].priority == pytest.approx((0.45 * 0.875 + 0.35 * 1.0) / 0.8)
    # Speaking: less important and a smaller gap, so lower.
    assert by_key["2.A.1.d"].priority < by_key["2.B.3.e"].priority
    # Without market data the market component is unknown, not zero.
    market = next(c for c in by_key["2.B.3.e"].components if c.name == "market")
    assert market.value is None


def test_market_frequency_raises_priority() -> None:
    plain = analyse_gaps(person(), TARGET)
    with_market = analyse_gaps(person(), TARGET, market={"speaking": 0.9, "Programming": 0.1})
    p0 = {g.key: g.priority for g in plain.gaps}
    p1 = {g.key: g.priority for g in with_market.gaps}
    assert p1["2.A.1.d"] > p0["2.A.1.d"]
    assert p1["2.B.3.e"] < p0["2.B.3.e"]  # rarely asked for: pulled down
    speaking = next(g for g in with_market.gaps if g.key == "2.A.1.d")
    assert speaking.market_share == 0.9
    with pytest.raises(ValueError):
        analyse_gaps(person(), TARGET, market={"Speaking": 45})


def test_priority_rescales_missing_components() -> None:
    from unstuck.core.plan.gaps import Component

    comps = (
        Component("importance", 1.0, WEIGHTS["importance"], ""),
        Component("size", 0.5, WEIGHTS["size"], ""),
        Component("market", None, WEIGHTS["market"], ""),
    )
    assert priority(comps) == pytest.approx((0.45 + 0.175) / 0.8)
    assert priority((Component("market", None, 0.2, ""),)) == 0.0


def test_technology_gaps() -> None:
    ga = analyse_gaps(person(), TARGET)
    tech = ga.by_kind("technology")
    names = [g.name for g in tech]
    assert "Python" in names and "Git" in names
    assert "Microsoft Excel" not in names  # the person has it (case and spacing ignored)
    assert "Notepad" not in names  # neither hot nor in demand
    assert names.index("Python") < names.index("Git")  # in-demand before hot
    # Market data can bring in an unflagged technology.
    ga2 = analyse_gaps(person(), TARGET, market={"Notepad": 0.5})
    assert "Notepad" in [g.name for g in ga2.by_kind("technology")]


def test_technology_gaps_are_capped() -> None:
    many = tuple(
        Technology(f"Tool {i:02d}", None, None, hot=True, in_demand=False) for i in range(20)
    )
    occ = Occupation("x", "X", None, "29.0", technology=many)
    ga = analyse_gaps(Profile(), occ)
    assert len(ga.by_kind("technology")) == MAX_TECHNOLOGY
    assert any("12 more" in n for n in ga.notes)


def test_education_gap_uses_median_share() -> None:
    assert required_education(TARGET)[0] == 6  # 10 + 20 < 50 <= 10 + 20 + 60
    ga = analyse_gaps(person(education=4), TARGET)
    edu = ga.by_kind("education")
    assert len(edu) == 1
    assert edu[0].current == 4 and edu[0].required == 6
    imp = next(c for c in edu[0].components if c.name == "importance")
    assert imp.value == pytest.approx(0.9)  # 90% of incumbents report more than level 4
    assert not analyse_gaps(person(education=6), TARGET).by_kind("education")
    # Unknown education: no gap invented, a note asks for it.
    ga_none = analyse_gaps(person(education=None), TARGET)
    assert not ga_none.by_kind("education")
    assert any("Add your education" in n for n in ga_none.notes)


def test_education_falls_back_to_job_zone() -> None:
    occ = Occupation("x", "X", None, "29.0", job_zone=JobZone(5, None, None, None, None))
    assert required_education(occ)[0] == 8
    assert required_education(Occupation("y", "Y", None, "29.0"))[0] is None


def test_experience_gap() -> None:
    ga = analyse_gaps(person(), TARGET, relevant_years=0.5)
    exp = ga.by_kind("experience")
    assert len(exp) == 1 and exp[0].required == 2.0 and exp[0].size == pytest.approx(1.5)
    assert not analyse_gaps(person(), TARGET, relevant_years=3).by_kind("experience")
    # Same occupation: years in it count.
    same = person(occupation_code=TARGET.code, years_in_occupation=1.0)
    assert analyse_gaps(same, TARGET).by_kind("experience")[0].current == 1.0
    # Different occupation and no relevant years given: unknown, not zero.
    other = analyse_gaps(person(occupation_code="43-4051.00", years_in_occupation=8), TARGET)
    assert not other.by_kind("experience")
    assert any("years count" in n for n in other.notes)


def test_no_ratings_published() -> None:
    occ = Occupation("15-2051.00", "Data Scientists", None, "29.0")
    ga = analyse_gaps(person(), occ)
    assert not ga.gaps
    assert any("no skill or knowledge ratings" in n for n in ga.notes)


def test_round_trip_dict() -> None:
    d = analyse_gaps(person(), TARGET, relevant_years=0).to_dict()
    assert d["target"]["code"] == TARGET.code
    assert {g["kind"] for g in d["gaps"]} == {
        "skill", "knowledge", "technology", "education", "experience",
    }  # fmt: skip
    assert all(0 <= g["priority"] <= 1 for g in d["gaps"])


def test_real_occupation(kb) -> None:  # noqa: ANN001
    """A customer service representative aiming at computer systems analyst, on real O*NET."""
    from unstuck.core.profile import prefill_ratings

    cur = kb.occupation("43-4051.00")
    target = kb.occupation("15-1211.00")
    typical = [
        (r.element_id, r.name, "skill", r.level) for r in cur.skills if r.level is not None
    ] + [(r.element_id, r.name, "knowledge", r.level) for r in cur.knowledge if r.level is not None]
    p = Profile(occupation_code=cur.code, ratings=prefill_ratings(typical), education=4)
    ga = analyse_gaps(p, target, relevant_years=1)
    assert ga.gaps
    kinds = {g.kind for g in ga.gaps}
    assert {"skill", "knowledge", "technology"} <= kinds
    # Every skill gap is an element the target rates important, with the person below it.
    for g in ga.by_kind("skill"):
        assert g.importance is not None and g.importance >= 3.0
        assert g.current is not None and g.required is not None and g.required > g.current
    top_skill = ga.by_kind("skill")[0].name
    assert top_skill in {r.name for r in target.skills}
