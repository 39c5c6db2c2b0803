"""`seller-desktop sandbox` (cli.main): one parseable line, serves, stops on SIGTERM, saves."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

from seller_desktop.sandbox.cli import main

from .helpers import call, ok

LINE_RE = re.compile(r"^base=(http://127\.0\.0\.1:\d+) appid=(\S+) secret=(\S+)$")
ROOT = Path(__file__).resolve().parents[2]


def test_cli_serves_and_saves_on_sigterm(tmp_path):
    state = tmp_path / "state.json"
    proc = subprocess.Popen(
        [sys.executable, "-m", "seller_desktop.sandbox.cli", "--port", "0", "--seed", "4",
         "--products", "12", "--orders", "5", "--gift-orders", "1", "--state", str(state),
         "--token-ttl", "600", "--review-delay", "2"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().rstrip("\n")
        m = LINE_RE.match(line)
        assert m, line
        base, appid, secret = m.groups()
        status, tok = call(base, "/cgi-bin/token", method="GET",
                           query={"grant_type": "client_credential", "appid": appid,
                                  "secret": secret})
        assert status == 200 and tok["expires_in"] == 600
        ids = ok(base, "/channels/ec/product/list/get", {"page_size": 30, "status": 5},
                 token=tok["access_token"])
        assert ids["product_ids"]
    finally:
        proc.send_signal(signal.SIGTERM)
        out, errout = proc.communicate(timeout=20)
    assert proc.returncode == 0, errout
    assert out == ""  # exactly one line
    assert state.exists()


def test_cli_rejects_bad_numbers(capsys):
    assert main(["--products", "-1"]) == 2
    assert "products" in capsys.readouterr().err


def test_cli_refuses_a_corrupt_state_file(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["--state", str(bad)]) == 1
    assert "cannot load state file" in capsys.readouterr().err
