"""The commands' exit codes are one table (``cli_exit``), shown by every ``--help`` and the
README; headless runs pick the offscreen platform only where a display is expected."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sandbox_support import dead_url

from seller_desktop import cli_labels, cli_sync
from seller_desktop.api.images import ImageFetcher
from seller_desktop.cli_exit import MEANING, Exit, table
from seller_desktop.headless import needs_offscreen
from seller_desktop.labels.cups import parse_accepting

ROOT = Path(__file__).resolve().parents[1]


def test_every_code_is_explained_and_the_readme_has_the_table() -> None:
    assert set(MEANING) == set(Exit)
    assert len({int(code) for code in Exit}) == len(Exit)
    assert {"LOCKED", "FAILED_ROWS", "NOT_ALL_SHIPPED"} <= {code.name for code in Exit}
    assert table() in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["sync", "labels", "picklist"])
def test_help_lists_the_codes_the_command_returns(command: str) -> None:
    out = subprocess.run([sys.executable, "-m", "seller_desktop", command, "--help"],
                         capture_output=True, text=True, timeout=60, cwd=ROOT, check=True).stdout
    codes = {"sync": cli_sync.CODES, "labels": cli_labels.LABELS_CODES,
             "picklist": cli_labels.PICKLIST_CODES}[command]
    assert "exit codes:" in out
    for code in codes:
        assert f"  {int(code):>3}  {MEANING[code]}\n" in out


def test_version() -> None:
    from seller_desktop import __version__

    out = subprocess.run([sys.executable, "-m", "seller_desktop", "--version"],
                         capture_output=True, text=True, timeout=60, cwd=ROOT, check=True).stdout
    assert out.strip() == f"seller-desktop {__version__}"


@pytest.mark.parametrize(("environ", "platform", "expected"), [
    ({}, "linux", True),
    ({"DISPLAY": ":0"}, "linux", False),
    ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
    ({"QT_QPA_PLATFORM": "xcb"}, "linux", False),  # the user's choice stands
    ({}, "freebsd14", True),
    ({}, "win32", False),  # no DISPLAY there, and none needed
    ({}, "darwin", False),
])
def test_offscreen_only_where_a_display_is_expected(environ, platform, expected) -> None:
    assert needs_offscreen(environ, platform) is expected


def test_cups_says_when_a_printer_refuses_jobs() -> None:
    out = ("LabelPDF accepting requests since Fri Dec  4 14:50:08 2026\n"
           "Office not accepting requests since Fri Dec  4 15:00:00 2026 -\n"
           "\tPaper jam, being fixed\n")
    assert parse_accepting("LabelPDF", out) == (True, "")
    assert parse_accepting("Office", out) == (False, "Paper jam, being fixed")
    assert parse_accepting("Other", out) is None


@pytest.mark.asyncio
async def test_an_unreachable_image_host_is_logged_once(caplog) -> None:
    base = dead_url()
    fetcher = ImageFetcher(lambda url: url.replace("https://mmecimage.cn", base))
    try:
        with caplog.at_level(logging.INFO, logger="seller_desktop.api.images"):
            for key in range(5):
                assert await fetcher.fetch(f"https://mmecimage.cn/p/wx/{key}") is None
    finally:
        await fetcher.aclose()
    lines = [r for r in caplog.records if r.name == "seller_desktop.api.images"]
    assert len(lines) == 1 and "127.0.0.1" in lines[0].getMessage()


def test_the_window_without_a_display_says_so(tmp_path: Path) -> None:
    """Qt used to abort (134) with a misleading "libxcb-cursor0 is needed"."""
    if not sys.platform.startswith("linux"):
        pytest.skip("a display is an X11/Wayland matter")
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    proc = subprocess.run([sys.executable, "-m", "seller_desktop", "--data-dir",
                           str(tmp_path / "d")], env={**env, "PYTHONPATH": str(ROOT)},
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert proc.returncode == Exit.NO_DISPLAY, proc.stderr
    assert "DISPLAY" in proc.stderr and "sync" in proc.stderr


@pytest.mark.parametrize("command", [[], ["sync"], ["labels", "--all-pending", "--pdf", "x.pdf"]])
def test_the_secret_is_never_sent_in_clear(command: list[str], tmp_path: Path) -> None:
    """``--api-base`` takes HTTPS, or plain HTTP on this machine only (a sandbox)."""
    from seller_desktop.config import api_base_arg

    assert api_base_arg("https://api.weixin.qq.com/") == "https://api.weixin.qq.com"
    assert api_base_arg("http://127.0.0.1:8765") == "http://127.0.0.1:8765"
    proc = subprocess.run([sys.executable, "-m", "seller_desktop", *command, "--api-base",
                           "http://shop.example.com", "--data-dir", str(tmp_path)],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert proc.returncode == Exit.USAGE and "https://" in proc.stderr, proc.stderr
