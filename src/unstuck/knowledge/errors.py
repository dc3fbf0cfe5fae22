"""Errors raised by the knowledge-base pipeline.

Every error says what went wrong in words a person can act on, and names the file (and line,
where there is one). The CLI turns them into a message and a non-zero exit; nothing is swapped in
when one is raised, so the previous knowledge base keeps serving.
"""

from __future__ import annotations


class DataError(Exception):
    """Base class: the source data cannot be used."""

    exit_code = 3

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None) -> None:
        self.file = file
        self.line = line
        where = ""
        if file:
            where = f"{file}"
            if line is not None:
                where += f", line {line}"
            where += ": "
        super().__init__(where + message)


class SourceNotFoundError(DataError):
    """The source path does not exist or holds no O*NET files."""


class DownloadError(DataError):
    """Fetching the release failed (network, HTTP status, timeout)."""


class CorruptArchiveError(DataError):
    """The zip is truncated or a member fails its CRC check."""


class ChecksumMismatchError(DataError):
    """The SHA-256 of the source differs from the pinned one."""


class MissingFileError(DataError):
    """A required file is absent from the release."""


class HeaderError(DataError):
    """A file's header lacks a column the loader needs."""


class RowError(DataError):
    """A data row cannot be parsed (wrong field count, a value that is not a number...)."""


class EncodingError(DataError):
    """A file is not valid UTF-8."""


class UnknownReleaseError(DataError):
    """The release could not be identified, or is one this version cannot read."""


class InstallBusy(Exception):
    """Another install holds the knowledge folder's lock, and this one was told not to wait."""

    def __init__(self, directory: object) -> None:
        self.directory = directory
        super().__init__(f"another install is running on {directory}")


class KnowledgeBaseMissing(Exception):
    """No knowledge base has been installed yet."""

    def __init__(self, path: object) -> None:
        super().__init__(
            f"No knowledge base at {path}. Install one with 'unstuck data install' "
            "(downloads O*NET), or 'unstuck data install --source PATH_TO_ZIP_OR_FOLDER'."
        )
