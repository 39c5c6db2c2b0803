"""``seller-desktop sync`` and failed rows: each refused change is printed with the store's
reason on every run until the seller settles it, with exit code 9; unreadable replies (a
captive portal) exit 5 with nothing failed; the codes are in ``--help``."""

from __future__ import annotations

import asyncio

import pytest

from seller_desktop import cli_sync
from seller_desktop.cli_exit import Exit
from seller_desktop.ops import outbox as outbox_ops
from seller_desktop.ops import shipping as shipping_ops
from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.store import Store

from .helpers import control, sandbox_log
from .test_push import ACCOUNT

CREATE = "/channels/ec/logistics/ewaybill/biz/order/create"


@pytest.fixture
def cli(data_dir, sandbox: SandboxServer, monkeypatch, capsys):
    cfg = sandbox.shop.config
    monkeypatch.setenv("SELLER_DESKTOP_APPID", cfg.appid)
    monkeypatch.setenv("SELLER_DESKTOP_SECRET", cfg.secret)

    def run(*extra: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = cli_sync.main(["--api-base", sandbox.url, "--data-dir", str(data_dir),
                              "--quiet", "--order-days", "91", *extra])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def _in_store(data_dir, fn):
    store = Store.open(data_dir)
    try:
        return asyncio.run(fn(store))
    finally:
        store.close()


def test_failed_rows_are_reported_on_every_run_and_exit_9(cli, data_dir,
                                                          sandbox: SandboxServer) -> None:
    assert cli("--full")[0] == Exit.OK
    order_id = str(next(o for o, rec in sorted(sandbox.shop.orders.items())
                        if rec["status"] == 20 and rec.get("real_address")))
    control(sandbox.url, "/sandbox/ewaybill/stock", {"acct_id": ACCOUNT.acct_id, "available": 0})
    _in_store(data_dir, lambda store: shipping_ops.create_waybill_jobs(store, [order_id],
                                                                       ACCOUNT))
    for _ in range(2):  # the first run fails it, a later clean run still says so
        code, out, err = cli()
        assert code == Exit.FAILED_ROWS == 9, err
        assert "failed: 1" in out
        assert "failed row: 电子面单取号" in out and "取号失败" in out
        assert "retry or drop" in err
    control(sandbox.url, "/sandbox/ewaybill/stock", {"acct_id": ACCOUNT.acct_id,
                                                    "available": 10})

    async def retry(store: Store) -> None:
        row_id = store.reader().execute("SELECT id FROM outbox WHERE state = 'failed'"
                                        ).fetchone()[0]
        await outbox_ops.retry_outbox_row(store, row_id)

    _in_store(data_dir, retry)
    code, out, _ = cli()
    assert code == Exit.OK and "failed: 0" in out and "pushed: 1" in out
    assert len(sandbox_log(sandbox.url, CREATE)) == 1


def test_unreadable_replies_exit_5_with_nothing_failed(cli, sandbox: SandboxServer) -> None:
    assert cli("--full")[0] == Exit.OK
    control(sandbox.url, "/sandbox/faults", {"faults": [
        {"path": "*", "kind": "html", "times": 50}]})
    control(sandbox.url, "/sandbox/tokens/invalidate")
    code, out, err = cli()
    assert code == Exit.OFFLINE == 5
    assert "failed: 0" in out and "无法读取微信小店的回复" in err


def test_help_lists_the_exit_codes(capsys) -> None:
    with pytest.raises(SystemExit):
        cli_sync.main(["--help"])
    out = capsys.readouterr().out
    for code in (0, 1, 2, 3, 4, 5, 9):
        assert f"  {code}  " in out
    assert "unreadable" in out and "refused some local changes" in out
