"""Optional sources: ESCO, BLS wages and projections, the ESCO->O*NET crosswalk.

Each source has one name, the same everywhere: ``bls-wages`` is the source in the build
record, ``--bls-wages`` the install option, ``UNSTUCK_BLS_WAGES`` its variable and
``bls_wages`` the keyword of :func:`extras_from_options` (likewise ``bls-areas``,
``bls-projections``, ``esco``, ``crosswalk``). OEWS is the name of the BLS survey whose files
:mod:`unstuck.knowledge.oews` reads for both wage sources.

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
    "bls_wages": "UNSTUCK_BLS_WAGES",
    "bls_areas": "UNSTUCK_BLS_AREAS",
    "bls_projections": "UNSTUCK_BLS_PROJECTIONS",
    "crosswalk": "UNSTUCK_CROSSWALK",
    "onet_taxonomy": "UNSTUCK_ONET_TAXONOMY_CROSSWALK",
}

#: What the product lacks when a whole optional source is not installed.
DEGRADES: dict[str, str] = {
    "esco": "ESCO skills (skill extraction, ESCO skill gaps) and ESCO titles in title search",
    "bls_wages": "national wages on occupation profiles and in comparisons",
    "bls_areas": "wages for the person's state or metro area",
    "bls_projections": "outlook (growth, openings), typical entry education and "
    "self-employment share",
    "crosswalk": "ESCO titles in title search and links between ESCO and O*NET occupations",
}

PathLike = str | os.PathLike[str]


def extras_from_options(
    esco: PathLike | None = None,
    bls_wages: PathLike | None = None,
    bls_areas: PathLike | Sequence[PathLike] | None = None,
    bls_projections: PathLike | None = None,
    crosswalk: PathLike | None = None,
    onet_taxonomy: PathLike | None = None,
) -> list[ExtraSource]:
    """The extras for the given paths (None: not installed). Raises a DataError for a path that
    does not exist, before anything is built."""
    from unstuck.knowledge.bls_areas import BlsAreasSource
    from unstuck.knowledge.bls_projections import BlsProjectionsSource
    from unstuck.knowledge.bls_wages import BlsWagesSource
    from unstuck.knowledge.crosswalk import CrosswalkSource
    from unstuck.knowledge.esco import EscoSource

    extras: list[ExtraSource] = []
    if esco:
        extras.append(EscoSource(Path(esco)))
    if bls_wages:
        extras.append(BlsWagesSource(Path(bls_wages)))
    if bls_areas:
        areas = [bls_areas] if isinstance(bls_areas, str | os.PathLike) else list(bls_areas)
        if areas:
            extras.append(BlsAreasSource([Path(a) for a in areas]))
    if bls_projections:
        extras.append(BlsProjectionsSource(Path(bls_projections)))
    if crosswalk:
        extras.append(
            CrosswalkSource(Path(crosswalk), Path(onet_taxonomy) if onet_taxonomy else None)
        )
    return extras


def extras_from_env(environ: Mapping[str, str] | None = None) -> list[ExtraSource]:
    """The extras named by the ``UNSTUCK_*`` variables of :data:`ENV_VARS`."""
    env = os.environ if environ is None else environ
    given = {k: env.get(v) or None for k, v in ENV_VARS.items()}
    areas = given.pop("bls_areas")
    return extras_from_options(bls_areas=areas.split(os.pathsep) if areas else None, **given)


def missing_sources(extras: Sequence[ExtraSource]) -> list[str]:
    """A warning for each optional source not in ``extras``, naming what it degrades."""
    present = {e.name.replace("-", "_") for e in extras}  # "bls-wages" -> option bls_wages
    return [
        f"{option.replace('_', '-')} not installed ({ENV_VARS[option]}); without it: {what}."
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
        "bls_wages": _latest(sorted(oews_dir.glob("national_M*.csv"))) if oews_dir else None,
        "bls_areas": _latest(sorted(oews_dir.glob("oews-*.sqlite*"))) if oews_dir else None,
        "bls_projections": _latest(sorted(ep_dir.glob("table_1_2*.csv"))) if ep_dir else None,
        "crosswalk": walk,
        "onet_taxonomy": taxonomy,
    }


def extras_from_folder(folder: PathLike) -> list[ExtraSource]:
    """Every optional source found under ``folder`` (laid out like the shared data folder)."""
    return extras_from_options(**find_standard_files(Path(folder)))
