"""The release notes (CHANGELOG.md): where they are, in the source tree and in the bundle, and
the version their newest entry names. The bundle carries the file beside the package
(packaging/seller-desktop.spec); a test keeps its top entry equal to ``__version__``.
"""

from __future__ import annotations

import re
from pathlib import Path

NAME = "CHANGELOG.md"
_PACKAGE = Path(__file__).resolve().parent
_ENTRY = re.compile(r"^## +v?([0-9][0-9A-Za-z.+-]*)", re.MULTILINE)


def changelog_path() -> Path | None:
    """The bundle's copy (in the package folder) first, else the repository's; None if neither."""
    for candidate in (_PACKAGE / NAME, _PACKAGE.parent / NAME):
        if candidate.is_file():
            return candidate
    return None


def top_version(text: str) -> str:
    """The version of the first ``## <version> …`` heading; "" when there is none."""
    match = _ENTRY.search(text)
    return match.group(1) if match else ""


def read_changelog() -> str:
    """The release notes' text ("" when the file is missing or unreadable)."""
    path = changelog_path()
    if path is None:
        return ""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
