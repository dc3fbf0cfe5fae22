"""Opening an O*NET text release: a download URL, a local zip, or a local folder.

The pinned default is the official 29.0 text release. Downloads go through a cache with
timeouts and resume (HTTP ``Range``); a zip is checked member by member (CRC-32) before anything
is parsed; the SHA-256 of what was read is recorded, and compared with ``--sha256`` when one is
pinned. The official site publishes no checksum for its zips, so without ``--sha256`` the digest
is recorded (trust on first use) rather than verified.
"""

from __future__ import annotations

import hashlib
import os
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from unstuck import network
from unstuck.knowledge.errors import (
    ChecksumMismatchError,
    CorruptArchiveError,
    DownloadError,
    SourceNotFoundError,
    UnknownReleaseError,
)

PINNED_RELEASE = "29.0"
DEFAULT_URL = "https://www.onetcenter.org/dl_files/database/db_29_0_text.zip"
#: Text-layout releases this version reads (the 28.x-30.0 files share one layout).
SUPPORTED_RELEASES = (
    "28.0", "28.1", "28.2", "28.3", "29.0", "29.1", "29.2", "29.3", "30.0",
)
CONNECT_TIMEOUT = 30.0
#: A refusal to download more than this guards against a wrong URL serving something huge.
MAX_DOWNLOAD_BYTES = 512 * 1024 * 1024

ProgressFn = Callable[[str, int, int | None], None]
"""``progress(step, done, total)``: total is None when unknown."""

_README_RE = re.compile(r"O\*NET\s+(\d+\.\d+)\s+Database")
_NAME_RE = re.compile(r"db_(\d+)_(\d+)_text")


def _noop(step: str, done: int, total: int | None) -> None:
    return None


@dataclass
class OpenedSource:
    """A release ready to be read: base file name -> bytes, plus provenance."""

    location: str
    kind: str  # "zip" | "folder" | "url"
    sha256: str
    release: str
    _members: dict[str, str] = field(default_factory=dict, repr=False)
    _zip: zipfile.ZipFile | None = field(default=None, repr=False)
    _folder: Path | None = field(default=None, repr=False)

    def names(self) -> set[str]:
        return set(self._members)

    def has(self, name: str) -> bool:
        return name in self._members

    def read_bytes(self, name: str) -> bytes:
        member = self._members[name]
        if self._zip is not None:
            try:
                return self._zip.read(member)
            except (zipfile.BadZipFile, EOFError, OSError) as exc:
                raise CorruptArchiveError(
                    f"cannot read {name} from the zip ({exc}); the download is probably "
                    "truncated or damaged: fetch it again",
                    file=self.location,
                ) from exc
        assert self._folder is not None
        return (self._folder / member).read_bytes()

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
            self._zip = None

    def __enter__(self) -> OpenedSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file, read in chunks; a missing or unreadable file is a
    :class:`SourceNotFoundError` naming it."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except FileNotFoundError:
        raise SourceNotFoundError("the file does not exist", file=str(path)) from None
    except OSError as exc:
        raise SourceNotFoundError(f"cannot read the file ({exc})", file=str(path)) from exc
    return digest.hexdigest()


def detect_release(readme: str | None, location: str) -> str:
    """The release number from ``Read Me.txt``, else from a ``db_29_0_text`` style name."""
    found: str | None = None
    if readme:
        m = _README_RE.search(readme)
        if m:
            found = m.group(1)
    if found is None:
        m2 = _NAME_RE.search(location)
        if m2:
            found = f"{m2.group(1)}.{m2.group(2)}"
    if found is None:
        raise UnknownReleaseError(
            "cannot tell which O*NET release this is: there is no 'Read Me.txt' naming it and "
            "the name does not look like db_NN_N_text",
            file=location,
        )
    if found not in SUPPORTED_RELEASES:
        raise UnknownReleaseError(
            f"O*NET release {found} is not one this version of unstuck can read "
            f"(supported: {SUPPORTED_RELEASES[0]} to {SUPPORTED_RELEASES[-1]}, text layout)",
            file=location,
        )
    return found


def _index_members(names: list[str]) -> dict[str, str]:
    """Map base names to member paths, accepting one level of folder nesting."""
    members: dict[str, str] = {}
    for name in names:
        if name.endswith("/"):
            continue
        base = name.rsplit("/", 1)[-1]
        if not base.lower().endswith(".txt") or base.startswith("."):
            continue
        if "__MACOSX" in name:
            continue
        if base in members and members[base].count("/") <= name.count("/"):
            continue
        members[base] = name
    return members


def open_zip(
    path: Path, *, location: str | None = None, progress: ProgressFn = _noop
) -> OpenedSource:
    loc = location or str(path)
    if not path.exists():
        raise SourceNotFoundError("no such file", file=loc)
    if path.stat().st_size == 0:
        raise CorruptArchiveError("the zip is empty (0 bytes)", file=loc)
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise CorruptArchiveError(
            f"not a readable zip ({exc}); it is truncated or corrupt: download it again",
            file=loc,
        ) from exc
    try:
        infos = zf.infolist()
        total = sum(i.file_size for i in infos)
        done = 0
        for info in infos:
            if info.is_dir():
                continue
            try:
                with zf.open(info) as fh:
                    while fh.read(1 << 20):
                        pass
            except (zipfile.BadZipFile, EOFError, OSError, zipfile.LargeZipFile) as exc:
                raise CorruptArchiveError(
                    f"member {info.filename!r} is damaged ({exc}); the zip is truncated or "
                    "corrupt: download it again",
                    file=loc,
                ) from exc
            done += info.file_size
            progress("verify", done, total)
        members = _index_members([i.filename for i in infos])
        if not members:
            raise SourceNotFoundError("the zip holds no O*NET .txt files", file=loc)
        readme = None
        if "Read Me.txt" in members:
            readme = zf.read(members["Read Me.txt"]).decode("utf-8", "replace")
        release = detect_release(readme, loc)
    except BaseException:
        zf.close()
        raise
    return OpenedSource(
        location=loc,
        kind="zip",
        sha256=sha256_file(path),
        release=release,
        _members=members,
        _zip=zf,
    )


def open_folder(path: Path) -> OpenedSource:
    loc = str(path)
    if not path.is_dir():
        raise SourceNotFoundError("no such folder", file=loc)
    names = [p.relative_to(path).as_posix() for p in path.rglob("*.txt") if p.is_file()]
    names = [n for n in names if n.count("/") <= 1]
    members = _index_members(sorted(names))
    if not members:
        raise SourceNotFoundError(
            "the folder holds no O*NET .txt files (expected 'Occupation Data.txt' and the "
            "other files of a text release)",
            file=loc,
        )
    readme = None
    if "Read Me.txt" in members:
        readme = (path / members["Read Me.txt"]).read_text("utf-8", "replace")
    release = detect_release(readme, loc)
    digest = hashlib.sha256()
    for base in sorted(members):
        digest.update(base.encode())
        digest.update(b"\0")
        digest.update(sha256_file(path / members[base]).encode())
        digest.update(b"\n")
    return OpenedSource(
        location=loc,
        kind="folder",
        sha256=digest.hexdigest(),
        release=release,
        _members=members,
        _folder=path,
    )


def download(
    url: str,
    dest: Path,
    *,
    timeout: float = CONNECT_TIMEOUT,
    progress: ProgressFn = _noop,
    max_bytes: int = MAX_DOWNLOAD_BYTES,
) -> Path:
    """Fetch ``url`` to ``dest``, resuming a partial ``dest.part`` with an HTTP Range request.

    A complete file already at ``dest`` is reused (the cache). Raises :class:`DownloadError`.
    """
    if dest.exists() and dest.stat().st_size > 0:
        return dest
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(dest.name + ".part")
    have = part.stat().st_size if part.exists() else 0
    try:
        response = network.open_url(
            url,
            timeout=timeout,
            user_agent="unstuck (career tool)",
            headers={"Range": f"bytes={have}-"} if have else None,
        )
    except network.HttpStatusError as exc:
        if exc.code == 416 and have:
            part.replace(dest)
            return dest
        raise DownloadError(f"the server answered HTTP {exc.code} {exc.reason}", file=url) from exc
    except network.UnreachableError as exc:
        raise DownloadError(
            f"cannot reach the server ({exc.reason}). Check the connection, or pass a local copy "
            "with --source PATH",
            file=url,
        ) from exc
    with response:
        status = getattr(response, "status", 200)
        if have and status != 206:
            have = 0  # the server ignored Range: start again
        length = network.content_length(response)
        total = (length + have) if length is not None else None
        if total is not None and total > max_bytes:
            raise DownloadError(
                f"the server offers {total} bytes, more than the {max_bytes} allowed", file=url
            )
        mode = "ab" if have else "wb"
        done = have
        try:
            with part.open(mode) as fh:
                for chunk in network.chunks(response, max_bytes, already=have):
                    fh.write(chunk)
                    done += len(chunk)
                    progress("download", done, total)
        except network.TooLargeError:
            raise DownloadError(f"more than {max_bytes} bytes: refusing", file=url) from None
        except (TimeoutError, OSError) as exc:
            raise DownloadError(
                f"the download stopped after {done} bytes ({exc}); run the command again to "
                "resume",
                file=url,
            ) from exc
    if total is not None and done < total:
        raise DownloadError(
            f"the download stopped after {done} of {total} bytes; run the command again to resume",
            file=url,
        )
    part.replace(dest)
    return dest


def open_source(
    source: str | os.PathLike[str] | None,
    *,
    cache: Path,
    sha256: str | None = None,
    progress: ProgressFn = _noop,
    timeout: float = CONNECT_TIMEOUT,
) -> OpenedSource:
    """Open ``source`` (URL, zip or folder; None = the pinned official release)."""
    text = str(source) if source is not None else DEFAULT_URL
    if re.match(r"^https?://", text):
        name = text.rstrip("/").rsplit("/", 1)[-1] or "download.zip"
        name = re.sub(r"[^A-Za-z0-9._-]", "_", name)
        url_key = hashlib.sha256(text.encode()).hexdigest()[:12]
        path = download(text, cache / f"{url_key}-{name}", progress=progress, timeout=timeout)
        try:
            opened = open_zip(path, location=text, progress=progress)
        except CorruptArchiveError:
            path.unlink(missing_ok=True)  # never keep a damaged download in the cache
            raise
        opened.kind = "url"
    else:
        path = Path(text).expanduser()
        if not path.exists():
            raise SourceNotFoundError("no such file or folder", file=text)
        if path.is_dir():
            opened = open_folder(path)
        else:
            opened = open_zip(path, progress=progress)
    if sha256 and opened.sha256.lower() != sha256.lower():
        opened.close()
        raise ChecksumMismatchError(
            f"SHA-256 is {opened.sha256}, expected {sha256.lower()}", file=opened.location
        )
    return opened
