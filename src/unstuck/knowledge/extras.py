"""Optional sources: ESCO, BLS wages and projections, the ESCO->O*NET crosswalk.

Building: :func:`extras_from_options` turns the paths given to ``unstuck data install``
(``--esco``, ``--bls-wages``, ``--bls-areas``, ``--bls-projections``, ``--crosswalk``; or the
``UNSTUCK_*`` variables in :data:`ENV_VARS`) into the ``extras`` that
:func:`unstuck.knowledge.build.install` loads, in the order their checks need (ESCO before the
crosswalk). :func:`extras_from_folder` finds the standard files under a folder laid out like the
shared data folder (``esco/v1.1.1/``, ``bls/oews_2025/``...).

Loading is each source's own (:func:`unstuck.knowledge.esco.load`,
:func:`unstuck.knowledge.wages.load`, :func:`unstuck.knowledge.crosswalk.load`), assembled by
:mod:`unstuck.knowledge.store`; when a source was not installed its tables are absent and the
values stay missing (``None`` / empty), which the profile shows as "not published".
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from unstuck.knowledge.build import ExtraSource

#: option name -> environment variable, shared with the CLI.
ENV_VARS: dict[str, str] = {
    "esco": "UNSTUCK_ESCO_SOURCE",
    "oews": "UNSTUCK_BLS_WAGES",
    "oews_areas": "UNSTUCK_BLS_AREAS",
    "projections": "UNSTUCK_BLS_PROJECTIONS",
    "crosswalk": "UNSTUCK_CROSSWALK",
    "onet_taxonomy": "UNSTUCK_ONET_TAXONOMY_CROSSWALK",
}

#: What the product lacks when a whole optional source is not installed.
DEGRADES: dict[str, str] = {
    "esco": "ESCO skills (skill extraction, ESCO skill gaps) and ESCO titles in title search",
    "oews": "national wages on occupation profiles and in comparisons",
    "oews_areas": "wages for the person's state or metro area",
    "projections": "outlook (growth, openings), typical entry education and self-employment share",
    "crosswalk": "ESCO titles in title search and links between ESCO and O*NET occupations",
}

PathLike = str | os.PathLike[str]


def extras_from_options(
    esco: PathLike | None = None,
    oews: PathLike | None = None,
    oews_areas: PathLike | Sequence[PathLike] | None = None,
    projections: PathLike | None = None,
    crosswalk: PathLike | None = None,
    onet_taxonomy: PathLike | None = None,
) -> list[ExtraSource]:
    """The extras for the given paths (None: not installed). Raises a DataError for a path that
    does not exist, before anything is built."""
    from unstuck.knowledge.bls_areas import OewsAreasSource
    from unstuck.knowledge.bls_projections import ProjectionsSource
    from unstuck.knowledge.bls_wages import OewsSource
    from unstuck.knowledge.crosswalk import CrosswalkSource
    from unstuck.knowledge.esco import EscoSource

    extras: list[ExtraSource] = []
    if esco:
        extras.append(EscoSource(Path(esco)))
    if oews:
        extras.append(OewsSource(Path(oews)))
    if oews_areas:
        areas = [oews_areas] if isinstance(oews_areas, str | os.PathLike) else list(oews_areas)
        if areas:
            extras.append(OewsAreasSource([Path(a) for a in areas]))
    if projections:
        extras.append(ProjectionsSource(Path(projections)))
    if crosswalk:
        extras.append(
            CrosswalkSource(Path(crosswalk), Path(onet_taxonomy) if onet_taxonomy else None)
        )
    return extras


def extras_from_env(environ: Mapping[str, str] | None = None) -> list[ExtraSource]:
    """The extras named by the ``UNSTUCK_*`` variables of :data:`ENV_VARS`."""
    env = os.environ if environ is None else environ
    given = {k: env.get(v) or None for k, v in ENV_VARS.items()}
    areas = given.pop("oews_areas")
    return extras_from_options(oews_areas=areas.split(os.pathsep) if areas else None, **given)


def missing_sources(extras: Sequence[ExtraSource]) -> list[str]:
    """A warning for each optional source not in ``extras``, naming what it degrades."""
    names = {"esco": "esco", "bls-wages": "oews", "bls-areas": "oews_areas",
             "bls-projections": "projections", "crosswalk": "crosswalk"}
    present = {names.get(e.name, e.name) for e in extras}
    return [
        f"{option.replace('_', ' ')} not installed ({ENV_VARS[option]}); without it: {what}."
        for option, what in DEGRADES.items()
        if option not in present
    ]


def _latest(paths: Sequence[Path]) -> Path | None:
    def key(p: Path) -> tuple[int, ...]:
        return tuple(int(n) for n in re.findall(r"\d+", p.name)) or (0,)

    return max(paths, key=key) if paths else None


def find_standard_files(folder: Path) -> dict[str, Path | None]:
    """The standard files under a folder laid out like the shared data folder; the newest
    version of each when several are present."""
    folder = Path(folder)
    esco = _latest([p for p in (folder / "esco").glob("v*") if p.is_dir()])
    oews_dir = _latest([p for p in (folder / "bls").glob("oews_*") if p.is_dir()])
    ep_dir = _latest([p for p in (folder / "bls").glob("employment_projections_*") if p.is_dir()])
    walk = _latest(sorted((folder / "crosswalks").glob("esco_onet*/esco_onet_crosswalk_*.csv")))
    taxonomy = _latest(sorted(folder.glob("crosswalks/*/2010_to_2019_Crosswalk*.csv")))
    return {
        "esco": esco,
        "oews": _latest(sorted(oews_dir.glob("national_M*.csv"))) if oews_dir else None,
        "oews_areas": _latest(sorted(oews_dir.glob("oews-*.sqlite*"))) if oews_dir else None,
        "projections": _latest(sorted(ep_dir.glob("table_1_2*.csv"))) if ep_dir else None,
        "crosswalk": walk,
        "onet_taxonomy": taxonomy,
    }


def extras_from_folder(folder: PathLike) -> list[ExtraSource]:
    """Every optional source found under ``folder`` (laid out like the shared data folder)."""
    return extras_from_options(**find_standard_files(Path(folder)))
