"""Choosing the optional sources (options, environment, the shared folder) and loading them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from unstuck.knowledge.build import install
from unstuck.knowledge.errors import SourceNotFoundError
from unstuck.knowledge.extras import (
    ENV_VARS,
    extras_from_env,
    extras_from_folder,
    extras_from_options,
    find_standard_files,
    missing_sources,
)
from unstuck.knowledge.store import KnowledgeBase


def test_the_shared_folder_yields_every_source(test_data: Path) -> None:
    found = find_standard_files(test_data)
    assert found["esco"] == test_data / "esco" / "v1.1.1"
    assert found["bls_wages"].name.startswith("national_M") and found["bls_wages"].suffix == ".csv"
    assert found["bls_areas"].name.endswith(".sqlite.gz")
    assert found["bls_projections"].name.startswith("table_1_2")
    assert found["crosswalk"].name.startswith("esco_onet_crosswalk")
    names = [e.name for e in extras_from_folder(test_data)]
    assert names == ["esco", "bls-wages", "bls-areas", "bls-projections", "crosswalk"]
    assert missing_sources(extras_from_folder(test_data)) == []


def test_an_empty_folder_yields_nothing_and_warnings_name_what_is_lost(tmp_path: Path) -> None:
    assert extras_from_folder(tmp_path) == []
    warnings = missing_sources([])
    assert len(warnings) == 5
    assert any("UNSTUCK_BLS_AREAS" in w and "state or metro" in w for w in warnings)


def test_environment_variables(test_data: Path) -> None:
    found = find_standard_files(test_data)
    env = {ENV_VARS["bls_projections"]: str(found["bls_projections"]),
           ENV_VARS["bls_areas"]: os.pathsep.join([str(found["bls_areas"])])}
    assert [e.name for e in extras_from_env(env)] == ["bls-areas", "bls-projections"]
    assert extras_from_env({}) == []


def test_a_path_that_does_not_exist_fails_before_building(tmp_path: Path) -> None:
    with pytest.raises(SourceNotFoundError, match="nope"):
        extras_from_options(esco=tmp_path / "nope")
    with pytest.raises(SourceNotFoundError, match="nope.csv"):
        extras_from_options(crosswalk=tmp_path / "nope.csv")
    with pytest.raises(SourceNotFoundError, match="folder"):
        extras_from_options(bls_wages=tmp_path)


@pytest.mark.slow  # builds a knowledge base from a whole O*NET release
def test_an_optional_table_missing_in_the_build_stays_missing(test_data: Path,
                                                              tmp_path: Path) -> None:
    """A knowledge base built from O*NET alone loads with empty optional data, never zeros."""
    result = install(test_data / "onet" / "db_29_0_text.zip", directory=tmp_path / "kb",
                     cache=tmp_path / "cache")
    kb = KnowledgeBase.load(result.path)
    assert kb.wages == {} and kb.outlook == {} and not kb.area_wages
    assert kb.esco_skills == {} and kb.esco_labels == {}
    assert kb.area_wages.get("15-1252.00", "California") is None
    profile = kb.occupation("15-1252.00")
    assert profile.wages is None and profile.outlook is None and profile.esco_labels == ()


def test_rebuild_with_same_sources_is_a_no_op(test_data: Path, built_home: Path) -> None:
    """The build fingerprint covers the extras: the session build is confirmed, not redone."""
    result = install(test_data / "onet" / "db_29_0_text.zip",
                     extras=extras_from_folder(test_data), directory=built_home / "knowledge",
                     cache=built_home / "cache")
    assert result.changed is False


def test_each_source_has_one_name_and_hashes_its_files_once(test_data: Path,
                                                            tmp_path: Path) -> None:
    from unstuck.knowledge.bls_wages import BlsWagesSource
    from unstuck.knowledge.build import FingerprintOnce

    extras = extras_from_folder(test_data)
    assert all(isinstance(e, FingerprintOnce) for e in extras)
    # the source's name is its option's and its variable's: bls-wages, bls_wages, ..._BLS_WAGES
    options = [e.name.replace("-", "_") for e in extras]
    assert set(options) <= set(ENV_VARS)
    assert all(ENV_VARS[o] == f"UNSTUCK_{o.upper()}" for o in options if o.startswith("bls"))
    path = tmp_path / "national_M2025_dl.csv"
    path.write_text("OCC_CODE\n")
    source = BlsWagesSource(path)
    first = source.fingerprint()
    path.write_text("OCC_CODE\n15-1252\n")
    assert source.fingerprint() == first  # kept from the first time: install() asks, load() records
