"""The release notes: CHANGELOG.md's newest entry names the package's version, the bundle's
spec carries the file, and ``top_version`` reads only a real entry heading."""

from __future__ import annotations

from pathlib import Path

from seller_desktop import __version__, changelog
from seller_desktop.changelog import changelog_path, read_changelog, top_version

ROOT = Path(__file__).resolve().parents[1]


def test_the_top_entry_is_the_package_version():
    path = changelog_path()
    assert path == ROOT / "CHANGELOG.md"
    assert top_version(read_changelog()) == __version__


def test_the_bundle_carries_the_changelog_where_the_app_looks(tmp_path, monkeypatch):
    spec = (ROOT / "packaging" / "seller-desktop.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "CHANGELOG.md"), "seller_desktop")' in spec
    # the bundle's layout: _internal/seller_desktop/CHANGELOG.md, no repository above it
    package = tmp_path / "_internal" / "seller_desktop"
    package.mkdir(parents=True)
    monkeypatch.setattr(changelog, "_PACKAGE", package)
    assert changelog_path() is None and read_changelog() == ""
    (package / "CHANGELOG.md").write_text("## 9.1.0\n", encoding="utf-8")
    assert changelog_path() == package / "CHANGELOG.md"
    assert top_version(read_changelog()) == "9.1.0"


def test_top_version_reads_the_first_entry_heading_only():
    text = "# Changelog\n\nSome ## words 9.9 inline\n\n## 1.2.3 — 2026-12-01\n\n## 1.2.2\n"
    assert top_version(text) == "1.2.3"
    assert top_version("## v0.3.0.dev1 — unreleased") == "0.3.0.dev1"
    assert top_version("# nothing here\n### 1.0 deeper heading") == ""
