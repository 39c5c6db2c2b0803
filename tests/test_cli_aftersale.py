"""``seller-desktop aftersale`` against the sandbox on loopback: the list (table and JSON),
accept / reject through the ops, a refusal named, the refund rate as "waiting", and SIGKILL
while an accept is ``sending`` (the restart reads the case back: the buyer is paid once)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sandbox_support import control, serve

from seller_desktop.cli_aftersale import main
from seller_desktop.cli_exit import Exit
from seller_desktop.sandbox.server import SandboxServer

ROOT = Path(__file__).resolve().parents[1]
ACCEPT = "/channels/ec/aftersale/acceptapply"


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    yield from serve(seed=9, products=8, orders=10, gift_orders=1)


@pytest.fixture
def creds(sandbox: SandboxServer, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    cfg = sandbox.shop.config
    env = {"SELLER_DESKTOP_APPID": cfg.appid, "SELLER_DESKTOP_SECRET": cfg.secret}
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return env


def _applied(shop, op: str) -> list[dict]:
    return [e for e in shop.log if e["op"] == op]


def _refund_case(url: str, count: int = 1) -> tuple[str, str]:
    oid = control(url, "/sandbox/order/create", {"status": 20, "count": count})["order_id"]
    case = control(url, "/sandbox/aftersale/open", {"order_id": oid, "count": 1})
    return oid, case["after_sale_order_id"]


def test_list_accept_reject_and_json(sandbox: SandboxServer, creds: dict[str, str],
                                     data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    oid, cid = _refund_case(sandbox.url)
    _, other = _refund_case(sandbox.url)
    base = ["--api-base", sandbox.url, "--data-dir", str(data_dir)]
    assert main([*base, "--json", "--open"]) == 0
    rows = {r["case_id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows[cid]["order_id"] == oid and rows[cid]["type"] == "REFUND"
    assert rows[cid]["status"] == "MERCHANT_PROCESSING" and rows[cid]["actor"] == "seller"
    assert rows[cid]["amount"] > 0 and 0 < rows[cid]["seconds_left"] <= 48 * 3600

    assert main(["accept", cid, *base]) == 0
    assert f"done {cid}" in capsys.readouterr().out
    assert [e["after_sale_order_id"] for e in _applied(sandbox.shop, ACCEPT)] == [cid]
    # a case that is closed cannot be answered again: refused here, nothing sent
    assert main(["accept", cid, *base]) == Exit.FAILED_ROWS
    assert f"failed {cid}" in capsys.readouterr().out
    assert len(_applied(sandbox.shop, ACCEPT)) == 1

    assert main(["reject", other, *base]) == 2  # the reason type is required
    assert main(["reject", other, "--reason-type", "6", *base]) == 0
    assert f"done {other}" in capsys.readouterr().out

    assert main(base) == 0  # the table: one line per case, who acts, seconds left
    table = capsys.readouterr().out.splitlines()
    assert table[0].split("\t")[:3] == ["case_id", "order_id", "type"]
    line = next(ln for ln in table if ln.startswith(cid))
    assert line.split("\t")[3] == "MERCHANT_REFUND_SUCCESS" and line.split("\t")[6] == "nobody"


def test_refund_rate_is_waiting_not_an_error(sandbox: SandboxServer, creds: dict[str, str],
                                             data_dir: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    oid = control(sandbox.url, "/sandbox/order/create", {"status": 20, "count": 2})["order_id"]
    first = control(sandbox.url, "/sandbox/aftersale/open", {"order_id": oid, "count": 1})
    second = control(sandbox.url, "/sandbox/aftersale/open", {"order_id": oid, "count": 1})
    base = ["--api-base", sandbox.url, "--data-dir", str(data_dir)]
    assert main(base) == 0
    capsys.readouterr()
    code = main(["accept", first["after_sale_order_id"], second["after_sale_order_id"], *base])
    out = capsys.readouterr().out
    assert code == Exit.QUEUED, out
    assert "done " in out and "waiting " in out and "每分钟" in out and "failed" not in out


def _ship_state(data_dir: Path, case_id: str) -> str:
    path = data_dir / "cache.sqlite3"
    if not path.exists():
        return ""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as conn:
            row = conn.execute("SELECT state FROM outbox WHERE entity = 'aftersale'"
                               " AND entity_id = ?", (case_id,)).fetchone()
            return row[0] if row else ""
    except sqlite3.Error:
        return ""


def _cli(data_dir: Path, url: str, env: dict[str, str], *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "seller_desktop", "aftersale", *extra, "--api-base", url,
         "--data-dir", str(data_dir)],
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)


def test_killed_while_an_accept_is_sending_pays_the_buyer_once(
        sandbox: SandboxServer, creds: dict[str, str], data_dir: Path) -> None:
    _, cid = _refund_case(sandbox.url)
    first = _cli(data_dir, sandbox.url, creds)
    assert first.wait(timeout=120) == 0
    # acceptapply is applied, then its reply hangs: the kill lands with the outcome unknown
    control(sandbox.url, "/sandbox/faults", {"seed": 1, "faults": [
        {"path": ACCEPT, "kind": "delay", "seconds": 60, "phase": "after"}]})
    proc = _cli(data_dir, sandbox.url, creds, "accept", cid)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if _ship_state(data_dir, cid) == "sending" and _applied(sandbox.shop, ACCEPT):
            break
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    else:
        pytest.fail("the CLI never reached acceptapply")
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    control(sandbox.url, "/sandbox/faults", {"faults": []})

    again = _cli(data_dir, sandbox.url, creds, "--json")
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    rows = {r["case_id"]: r for r in json.loads(out)}
    assert rows[cid]["status"] == "MERCHANT_REFUND_SUCCESS" and rows[cid]["queued"] == ""
    assert len(_applied(sandbox.shop, ACCEPT)) == 1
    assert _ship_state(data_dir, cid) == "done"


def test_unreadable_replies_are_named_as_such(sandbox: SandboxServer, creds: dict[str, str],
                                              data_dir: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """A captive portal's page instead of the store's replies: the command says the replies
    could not be read (and what to do), like ``sync``; it lists from the cache."""
    _refund_case(sandbox.url)
    base = ["--api-base", sandbox.url, "--data-dir", str(data_dir)]
    assert main([*base, "--json"]) == 0
    capsys.readouterr()
    control(sandbox.url, "/sandbox/faults", {"faults": [
        {"path": "*", "kind": "html", "times": 50}]})
    control(sandbox.url, "/sandbox/tokens/invalidate")
    assert main([*base, "--json"]) == 0
    err = capsys.readouterr().err
    assert "sync stopped: 无法读取微信小店的回复" in err, err


@pytest.mark.parametrize("denied", ["/channels/ec/aftersale/getaftersalelist",
                                    "/channels/ec/aftersale/acceptapply"])
def test_a_permission_the_app_lacks_is_auth(sandbox: SandboxServer, creds: dict[str, str],
                                            data_dir: Path, denied: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """48001 on the after-sale list (the sync goes on without it) or on the answer itself is
    a setup problem: exit 3 with the store's reason, not 0 over a stale list, not 9."""
    _, cid = _refund_case(sandbox.url)
    base = ["--api-base", sandbox.url, "--data-dir", str(data_dir)]
    assert main(base) == 0
    capsys.readouterr()
    control(sandbox.url, "/sandbox/auth/permission", {"enabled": False, "paths": [denied]})
    action = [] if denied.endswith("list") else ["accept", cid]
    code = main([*action, *base])
    err = capsys.readouterr().err
    assert code == Exit.AUTH, err
    assert "没有调用该接口的权限" in err
    assert not _applied(sandbox.shop, ACCEPT)
