"""The window started as a program closes on Ctrl+C (SIGINT) or SIGTERM the way the seller
closes it: exit 0, the data dir's lock released (a command can open the shop right after)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from seller_desktop.cli_exit import Exit


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_the_window_closes_on_a_signal_and_releases_the_shop(tmp_path: Path, sig) -> None:
    data_dir = tmp_path / "shop"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    window = subprocess.Popen([sys.executable, "-m", "seller_desktop", "--demo", "--data-dir",
                               str(data_dir)], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
    try:
        log = data_dir / "seller-desktop.log"
        deadline = time.monotonic() + 60
        while not (log.exists() and "window shown" in log.read_text(encoding="utf-8")):
            assert window.poll() is None and time.monotonic() < deadline, "the window never showed"
            time.sleep(0.2)
        window.send_signal(sig)
        code = window.wait(timeout=20)
    finally:
        if window.poll() is None:
            window.kill()
            window.wait()
    assert code == 0, window.stderr.read() if window.stderr else ""
    probe = subprocess.run([sys.executable, "-m", "seller_desktop", "picklist", "--data-dir",
                            str(data_dir), "--all-pending", "--pdf", str(tmp_path / "p.pdf")],
                           env=env, capture_output=True, text=True, timeout=60)
    assert probe.returncode != Exit.LOCKED, probe.stderr
