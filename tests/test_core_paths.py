"""The career-path engine on small hand-made occupation data: scores that add up, missing parts
reported, constraints, kinds of move, what-if, time to ready, and purity of the package."""

from __future__ import annotations

import ast
import math
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import unstuck.core.paths as paths_pkg
from unstuck.core.paths import (
    DEFAULT_WEIGHTS,
    Person,
    compare,
    explain,
    explore,
    person_from_occupation,
    score,
)
from unstuck.core.paths.data import RIASEC_IDS, Element, OccupationData
from unstuck.core.paths.engine import KEEP, person_from_profile
from unstuck.core.paths.explain import LeftOut, context, rounded_to_add_up, shown_components
from unstuck.core.paths.text import tfidf_cosine, tokens
from unstuck.core.profile import Constraints, Profile, Rating

NAN = math.nan
# code, title, zone, levels (skill A, skill B, knowledge C), RIASEC, wage, self-employed %, tasks
OCCS = [
    (
        "11-1011.00",
        "Chief Executives",
        5,
        (5, 6, 5),
        (1, 3, 2, 3, 7, 4),
        200000,
        25.0,
        ("Direct and coordinate activities of the organisation.", "Negotiate contracts."),
    ),
    (
        "11-3021.00",
        "Computer Managers",
        4,
        (5, 5, 6),
        (2, 5, 2, 2, 6, 4),
        170000,
        3.0,
        ("Direct computer programs.", "Research new technology."),
    ),
    (
        "15-1251.00",
        "Computer Programmers",
        4,
        (6, 3, 6),
        (2, 6, 3, 1, 2, 5),
        99000,
        8.0,
        ("Write and test computer programs.", "Research and repair program errors."),
    ),
    (
        "15-1252.00",
        "Software Developers",
        4,
        None,
        (2, 7, 4, 1, 2, 3),
        135000,
        4.0,
        ("Design and test software.", "Research user needs."),
    ),
    (
        "15-1211.00",
        "Systems Analysts",
        3,
        (5, 4, 5),
        (2, 6, 2, 2, 3, 5),
        103000,
        NAN,
        ("Analyse computer systems.", "Test and repair systems."),
    ),
    (
        "29-1141.00",
        "Registered Nurses",
        3,
        (3, 6, 2),
        (3, 4, 1, 7, 2, 3),
        97000,
        1.0,
        ("Care for patients and help them recover.", "Teach families about health."),
    ),
    (
        "27-1024.00",
        "Graphic Designers",
        4,
        (2, 4, 3),
        (2, 2, 7, 2, 3, 2),
        61000,
        30.0,
        ("Design logos and create artwork.", "Build page layouts."),
    ),
]
TEXT = {
    "11-1011.00": "direct organisation strategy budget executive",
    "11-3021.00": "direct computer information systems strategy budget",
    "15-1251.00": "write computer programs code test debug",
    "15-1252.00": "design software code test applications",
    "15-1211.00": "analyse computer systems requirements test",
    "29-1141.00": "patients care health nursing medication",
    "27-1024.00": "design artwork layouts logos graphics",
}
ELEMENTS = (
    Element("2.A.1.a", "Programming", "skill"),
    Element("2.A.1.b", "Speaking", "skill"),
    Element("2.C.3.a", "Computers and Electronics", "knowledge"),
)


def make_data(*, with_outlook: bool = True) -> OccupationData:
    n = len(OCCS)
    codes = tuple(o[0] for o in OCCS)
    level = np.full((n, 3), np.nan, np.float32)
    importance = np.full((n, 3), np.nan, np.float32)
    for i, o in enumerate(OCCS):
        if o[3] is not None:
            level[i] = o[3]
            importance[i] = [1 + x * 4 / 7 for x in o[3]]
    interests = np.array([o[4] for o in OCCS], np.float32)
    values = np.array([[3, 4, 3, 4, 3, 5]] * n, np.float32)
    values[5] = [5, 4, 3, 7, 5, 3]
    values[6] = np.nan
    sim, has = tfidf_cosine([tokens(TEXT[c], pairs=False) for c in codes], min_df=1)
    self_emp = np.array([o[6] for o in OCCS], np.float32)
    missing = np.full(n, np.nan, np.float32)
    return OccupationData(
        codes=codes,
        titles=tuple(o[1] for o in OCCS),
        release="test",
        elements=ELEMENTS,
        importance=importance,
        level=level,
        has_ratings=np.isfinite(level).all(axis=1),
        interests=interests,
        has_interests=np.ones(n, bool),
        values=values,
        has_values=np.isfinite(values).all(axis=1),
        job_zone=np.array([o[2] for o in OCCS], np.float32),
        similarity={"tasks": (sim, has)},
        wage_median=np.array([o[5] for o in OCCS], np.float32),
        wage_area="United States, test",
        growth_percent=np.linspace(-3, 12, n).astype(np.float32) if with_outlook else missing,
        openings=np.full(n, 10.0, np.float32) if with_outlook else missing,
        self_employed_percent=self_emp if with_outlook else missing,
        projections_period="2024-34" if with_outlook else None,
        typical_education=tuple("Bachelor's degree" for _ in OCCS),
        tasks=tuple(o[7] for o in OCCS),
        interest_keywords={
            "I": ("Research", "Analyse"),
            "R": ("Repair", "Build"),
            "A": ("Design", "Create"),
            "E": ("Negotiate", "Direct"),
        },
    )


DATA = make_data()
ALL = tuple(DATA.codes)


# -- text --------------------------------------------------------------------------------------
def test_tfidf_cosine_identical_disjoint_and_empty_documents() -> None:
    sim, has = tfidf_cosine(
        [["alpha", "beta"], ["alpha", "beta"], ["gamma", "delta"], [], ["gamma", "delta"]]
    )
    assert sim[0, 1] == pytest.approx(1.0, abs=1e-6)
    assert sim[0, 2] == 0.0
    assert sim[2, 4] == pytest.approx(1.0, abs=1e-6)
    assert not has[3] and has[0]
    assert (sim[3] == 0).all()


def test_tokens_drop_stop_words_and_add_pairs() -> None:
    assert tokens("Write and test the programs") == [
        "write",
        "test",
        "programs",
        "write test",
        "test programs",
    ]


# -- scores add up ---------------------------------------------------------------------------
levels_st = st.fixed_dictionaries({e.element_id: st.floats(0, 7) for e in ELEMENTS})
riasec_st = st.fixed_dictionaries({eid: st.floats(1, 7) for eid, _, _ in RIASEC_IDS})


@settings(max_examples=60, deadline=None)
@given(
    occupation=st.sampled_from((None, *ALL)),
    levels=st.one_of(st.just({}), levels_st),
    interests=st.one_of(st.just({}), riasec_st),
    weights=st.fixed_dictionaries(
        {s: st.sampled_from((0.0, 0.5, 1.0, 3.0)) for s in DEFAULT_WEIGHTS}
    ),
)
def test_components_shown_add_up_to_the_score_shown(occupation, levels, interests, weights):
    person = Person(occupation=occupation, levels=levels, interests=interests)
    ranking = score(DATA, person, weights)
    for kind in ("sideways", "change", "compare"):
        for code in ALL:
            rec = explain(ranking, code, kind)
            assert rec.component_sum == pytest.approx(rec.score, abs=1e-3)
            assert sum(p.contribution for c in rec.components for p in c.parts) == pytest.approx(
                rec.score, abs=1e-3
            )
    for code in ALL:
        assert sum(ranking.components(code).values()) == pytest.approx(
            ranking.total(code), abs=1e-3
        )
        rec = explain(ranking, code, "sideways")
        shown = shown_components(rec)
        assert round(sum(v for _, v in shown), 1) == round(rec.score, 1)


@settings(max_examples=200, deadline=None)
@given(
    values=st.lists(st.floats(-50, 50, allow_nan=False), min_size=1, max_size=9),
    places=st.integers(0, 2),
)
def test_rounded_components_add_up_and_stay_within_one_unit(values, places):
    total = sum(values)
    shown = rounded_to_add_up(values, total, places)
    unit = 10.0**-places
    assert round(sum(shown), places) == round(total, places)
    for s, v in zip(shown, values, strict=True):
        assert abs(s - v) < unit + 1e-9
        assert round(s, places) == s


def test_own_occupation_is_never_a_target_and_order_is_stable() -> None:
    person = person_from_occupation(DATA, "15-1251.00")
    order = score(DATA, person).order()
    assert DATA.codes[order[-1]] == "15-1251.00"  # own occupation: last, never recommended
    first = [DATA.codes[i] for i in order]
    second = [DATA.codes[i] for i in score(DATA, person).order()]
    assert first == second
    # the programmer's nearest neighbours are computer occupations, not nursing or design
    assert set(first[:3]) <= {"15-1252.00", "15-1211.00", "11-3021.00"}


# -- missing parts --------------------------------------------------------------------------
def test_an_empty_profile_is_still_ranked_and_says_what_it_could_not_use() -> None:
    ranking = score(DATA, Person())
    unused = {u.signal for u in ranking.unused}
    assert {"tasks", "skills_knowledge", "levels", "interests", "values", "job_zone"} <= unused
    result = explore(ranking, limit=3)
    assert result.group("grow").items == () and result.group("grow").note
    assert result.group("sideways").note and result.group("sideways").items == ()
    change = result.group("change")
    assert len(change.items) == 3  # every occupation counts as a change of field
    assert len(ranking.order()) == len(DATA)


def test_profile_without_interests_reports_interests_unused_but_uses_skills() -> None:
    base = person_from_occupation(DATA, "15-1251.00")
    person = Person(occupation=base.occupation, levels=base.levels)
    ranking = score(DATA, person)
    unused = {u.signal: u.reason for u in ranking.unused}
    assert "interests" in unused and "questionnaire" in unused["interests"]
    assert "skills_knowledge" in ranking.z and "interests" not in ranking.z


def test_an_unrated_occupation_is_compared_through_its_closest_rated_one_without_penalty():
    ranking = score(DATA, person_from_occupation(DATA, "15-1251.00"))
    rec = explain(ranking, "15-1252.00")
    # the closest rated occupation by task text stands in for its ratings, named as such
    assert rec.rated_by == "Computer Programmers"
    assert "skills_knowledge" not in rec.not_published
    assert rec.readiness.months is not None
    # the same data with no stand-in: the missing ratings count as average, not as a bad fit
    i = DATA.index["15-1252.00"]
    skills = {c.key: c.value for c in rec.components}["skills"]
    assert skills == pytest.approx(
        sum(ranking.weights[s] * float(ranking.z[s][i]) for s in ("skills_knowledge",
            "knowledge", "levels", "gaps") if s in ranking.z), abs=1e-3)


def test_a_person_in_an_unrated_occupation_is_rated_through_its_stand_in() -> None:
    ranking = score(DATA, person_from_occupation(DATA, "15-1252.00"))
    unused = {u.signal for u in ranking.unused}
    assert "skills_knowledge" not in unused and "skills_knowledge" in ranking.z
    assert "tasks" in ranking.z and "interests" in ranking.z


def test_knowledge_signal_compares_the_knowledge_areas_alone() -> None:
    # one knowledge area in the fixture: every rated occupation has the same knowledge profile
    # shape, so that signal cannot tell them apart while skills and knowledge together can
    ranking = score(DATA, person_from_occupation(DATA, "29-1141.00"))
    rated = DATA.has_ratings
    assert np.allclose(ranking.z["knowledge"][rated], 0.0)
    assert np.ptp(ranking.z["skills_knowledge"][rated]) > 0.1
    rec = explain(ranking, "15-1211.00")
    skills = next(c for c in rec.components if c.key == "skills")
    assert "knowledge" in {p.signal for p in skills.parts}


# -- explanations ----------------------------------------------------------------------------
def test_gaps_and_strengths_compare_current_and_required_levels() -> None:
    person = Person(occupation="29-1141.00", levels={"2.A.1.a": 3, "2.A.1.b": 6, "2.C.3.a": 2})
    rec = explain(score(DATA, person), "15-1251.00")
    gaps = {g.name: g for g in rec.gaps}
    assert gaps["Programming"].current == 3 and gaps["Programming"].required == 6
    assert gaps["Programming"].gap == pytest.approx(3)
    assert "Speaking" in {s.name for s in rec.strengths}
    assert rec.education.step == 1 and rec.education.current_zone == 3
    assert rec.pay.change_percent == pytest.approx(100 * (99000 - 97000) / 97000)


def test_readiness_shrinks_with_hours_and_shows_its_parts() -> None:
    levels = {"2.A.1.a": 1, "2.A.1.b": 3, "2.C.3.a": 1}
    slow = explain(score(DATA, Person(occupation="29-1141.00", levels=levels,
                                      hours_per_week=4, education=2)), "15-1251.00")
    fast = explain(score(DATA, Person(occupation="29-1141.00", levels=levels,
                                      hours_per_week=20, education=2)), "15-1251.00")
    assert slow.readiness.months is not None and fast.readiness.months is not None
    # no degree data: experience in place of the typical bachelor's, however many hours
    assert slow.readiness.months == fast.readiness.months > 0
    assert slow.readiness.steps[0].kind == "experience"
    # with the degree in hand, only the skill gap is left, and more hours close it sooner
    slow, fast = (
        explain(score(DATA, Person(occupation="29-1141.00", levels=levels, hours_per_week=h,
                                   education=6)), "15-1251.00").readiness
        for h in (4, 20)
    )
    assert slow.months is not None and fast.months is not None
    assert slow.months > fast.months > 0 and slow.steps[0].kind == "skills"
    own = explain(score(DATA, Person(occupation="29-1141.00", levels=levels)), "29-1141.00")
    assert own.readiness.months == 0 and own.readiness.steps == ()


def test_interest_fit_names_shared_top_types() -> None:
    person = Person(
        interests={eid: v for (eid, _, _), v in zip(RIASEC_IDS, (1, 7, 2, 1, 2, 6), strict=True)}
    )
    rec = explain(score(DATA, person), "15-1251.00")
    assert rec.interests.fit is not None and rec.interests.fit > 0.8
    assert rec.interests.person_top[0] == "Investigative"
    assert "Investigative" in rec.interests.shared
    nurse = explain(score(DATA, person), "29-1141.00")
    assert nurse.interests.fit < rec.interests.fit


# -- constraints, kinds, what-if ----------------------------------------------------------
def test_pay_floor_filters_and_what_if_lowering_it_brings_targets_back() -> None:
    person = person_from_occupation(DATA, "15-1211.00")
    strict = person.what_if(min_pay=150000)
    groups = explore(score(DATA, strict), ["sideways", "change", "up"], limit=10)
    shown = {r.code for g in groups.groups for r in g.items}
    assert shown and all(DATA.wage_median[DATA.index[c]] >= 150000 for c in shown)
    assert sum(g.filtered_count for g in groups.groups) > 0
    relaxed = strict.what_if(min_pay=None)
    shown2 = {
        r.code
        for g in explore(score(DATA, relaxed), ["sideways", "change", "up"], limit=10).groups
        for r in g.items
    }
    assert shown < shown2
    rec = explain(score(DATA, strict), "29-1141.00")
    assert LeftOut("pay_below_floor", 97000.0, 150000.0) in rec.filtered


def test_what_if_raising_a_skill_shrinks_the_gap_and_reranks() -> None:
    person = Person(occupation="29-1141.00", levels={"2.A.1.a": 1, "2.A.1.b": 6, "2.C.3.a": 1})
    before = score(DATA, person)
    after = score(DATA, person.what_if(levels={"2.A.1.a": 6, "2.C.3.a": 6}))
    i = DATA.index["15-1251.00"]
    assert after.gap_share[i] < before.gap_share[i]
    assert after.total("15-1251.00") > before.total("15-1251.00")
    # KEEP leaves a constraint alone, None removes it
    p = Person(min_pay=1000.0, retraining_months=6)
    assert p.what_if(retraining_months=KEEP).retraining_months == 6
    raised = p.what_if(levels={"2.A.1.a": 5})
    assert raised.min_pay == 1000.0 and raised.retraining_months == 6
    assert raised.levels == {"2.A.1.a": 5}
    assert p.what_if(min_pay=KEEP, retraining_months=None).retraining_months is None


def test_retraining_limit_excluded_codes_and_zone_step() -> None:
    levels = {"2.A.1.a": 1, "2.A.1.b": 2, "2.C.3.a": 1}
    person = Person(
        occupation="29-1141.00",
        levels=levels,
        hours_per_week=2,
        retraining_months=6,
        excluded=frozenset({"27-1024.00"}),
        max_zone_step=1,
    )
    ranking = score(DATA, person)
    result = explore(ranking, ["sideways", "change"], limit=10)
    for rec in (r for g in result.groups for r in g.items):
        assert rec.code != "27-1024.00"
        assert rec.readiness.months is not None and rec.readiness.months <= 6
    chief = explain(ranking, "11-1011.00")
    assert LeftOut("zone_step", 2.0, 1.0) in chief.filtered
    left = {item.code: item for g in result.groups for item in g.left_out}
    assert all(item.reasons for item in left.values())


def test_kinds_hold_what_they_promise() -> None:
    ranking = score(DATA, person_from_occupation(DATA, "15-1211.00"))  # zone 3
    result = explore(ranking, limit=10)
    up = result.group("up")
    # managers who lead the work, and more senior work of the same family
    # (a poor fit is not shown: the fixture's weakest fall below the fit floor)
    assert "11-3021.00" in {r.code for r in up.items}
    assert {r.code for r in up.items} <= {"11-3021.00", "11-1011.00", "15-1251.00", "15-1252.00"}
    assert {r.move.reason for r in up.items} <= {"leads_your_work", "senior_in_family"}
    kinds = {DATA.codes[i]: context(ranking).moves.of(i) for i in range(len(DATA))}
    assert kinds["15-1251.00"].reason == "senior_in_family"
    assert kinds["11-1011.00"].reason == "leads_your_work"
    # seven occupations: every other one is among the 40 closest, so close work, sideways
    assert kinds["29-1141.00"].kind == kinds["27-1024.00"].kind == "sideways"
    assert result.group("change").items == ()
    self_emp = result.group("self")
    # the person's own work first, then close work where many are self-employed
    assert self_emp.items[0].code == "15-1211.00"
    assert {r.code for r in self_emp.items[1:]} <= {"11-1011.00", "27-1024.00"}
    grow = result.group("grow")
    assert grow.items[0].code == "15-1211.00"
    assert grow.ideas and all(idea.interests for idea in grow.ideas)
    assert grow.note == "fitted_to_interests"
    # an analyst keen on Artistic work gets design tasks, from relatives up the ladder or own
    levels = {"A": 7.0, "I": 5.0}
    artistic = {eid: levels.get(letter, 2.0) for eid, letter, _ in RIASEC_IDS}
    person = replace(person_from_occupation(DATA, "15-1211.00"), interests=artistic)
    ideas = explore(score(DATA, person), ["grow"]).group("grow").ideas
    assert ideas and all(set(idea.interests) <= {"A", "I"} for idea in ideas)
    assert any("A" in idea.interests for idea in ideas)  # not the occupation's own I and C


def test_change_field_is_led_by_the_person_not_by_how_alike_the_occupations_are() -> None:
    person = person_from_occupation(DATA, "15-1211.00")
    ranking = score(DATA, person)
    rec = explain(ranking, "29-1141.00", "change")
    weights = {p.signal: p.weight for c in rec.components for p in c.parts}
    assert weights["levels"] > DEFAULT_WEIGHTS["levels"]  # your own levels, what transfers
    assert weights["values"] > DEFAULT_WEIGHTS["values"]
    assert weights["skills_knowledge"] < DEFAULT_WEIGHTS["skills_knowledge"]


def test_self_employment_needs_projections() -> None:
    data = make_data(with_outlook=False)
    ranking = score(data, person_from_occupation(data, "15-1211.00"))
    group = explore(ranking, ["self"]).group("self")
    assert group.items == () and group.note == "needs_projections"
    assert "outlook" in {u.signal for u in ranking.unused}


def test_compare_two_or_three_and_unknown_code() -> None:
    ranking = score(DATA, person_from_occupation(DATA, "15-1211.00"))
    recs = compare(ranking, ["15-1251.00", "29-1141.00", "11-3021.00"])
    assert [r.code for r in recs] == ["15-1251.00", "29-1141.00", "11-3021.00"]
    assert recs[0].score > recs[1].score  # programmers are closer to analysts than nurses
    with pytest.raises(KeyError):
        compare(ranking, ["15-1251.00", "99-9999.99"])


def test_person_from_profile_uses_levels_constraints_and_interest_letters() -> None:
    profile = Profile(
        occupation_code="29-1141.00",
        ratings=(Rating("2.A.1.a", "Programming", "skill", 4.0, 3.0),),
        constraints=Constraints(min_pay=50000, hours_per_week=6, retraining_months=12),
    )
    person = person_from_profile(profile, interests={"I": 6.0, "R": 2.0})
    assert person.levels == {"2.A.1.a": 4.0}
    assert person.interests == {"1.B.1.b": 6.0, "1.B.1.a": 2.0}
    assert person.min_pay == 50000 and person.hours_per_week == 6
    ranking = score(DATA, person)
    assert "interests" in {u.signal for u in ranking.unused}  # incomplete profile: not guessed


def test_paths_package_is_pure() -> None:
    forbidden = {"django", "click", "sqlite3", "os", "pathlib", "io", "subprocess", "socket"}
    root = Path(paths_pkg.__file__).parent
    for path in sorted(root.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in forbidden, f"{path.name} imports {name}"


@settings(max_examples=40, deadline=None)
@given(
    docs=st.lists(st.lists(st.sampled_from("abcdefghij"), max_size=12), min_size=1, max_size=30),
    dense_df=st.integers(1, 8),
)
def test_tfidf_cosine_matches_a_dense_computation(docs, dense_df):
    sim, has = tfidf_cosine(docs, min_df=1, dense_df=dense_df)
    vocab = sorted({t for d in docs for t in d})
    n = len(docs)
    x = np.zeros((n, len(vocab)))
    for i, d in enumerate(docs):
        for t in set(d):
            df = sum(t in other for other in docs)
            x[i, vocab.index(t)] = (1 + math.log(d.count(t))) * (math.log((1 + n) / (1 + df)) + 1)
    norms = np.linalg.norm(x, axis=1)
    unit = x / np.where(norms > 0, norms, 1)[:, None]
    assert np.allclose(sim, np.clip(unit @ unit.T, 0, 1), atol=1e-5)
    assert list(has) == [bool(d) for d in docs]
