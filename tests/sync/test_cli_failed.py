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


def test_a_conflicting_edit_is_not_a_clean_exit(cli, data_dir, sandbox: SandboxServer) -> None:
    """A product edited here and on the server waits for the seller: exit 9 on every run, with
    the change named, until it is resolved."""
    from dataclasses import replace

    from seller_desktop.ops import products as product_ops

    from .test_push import on_sale_product

    assert cli("--full")[0] == Exit.OK

    async def edit(store: Store) -> str:
        pid = on_sale_product(store)
        from seller_desktop.store.products import ProductRepo

        record = ProductRepo(store.reader()).get(pid)
        await product_ops.save_product(store, replace(record.draft, title="桌面改的标题"))
        return pid

    pid = _in_store(data_dir, edit)
    control(sandbox.url, "/sandbox/product/edit",
            {"product_id": pid, "fields": {"title": "网页后台改的标题"}})
    for _ in range(2):  # the run that finds it, and a later one that pushes nothing
        code, out, err = cli()
        assert code == Exit.FAILED_ROWS, (out, err)
        assert "conflicts: 1" in out and f"conflict row: 修改商品（{pid}）" in out
        assert "冲突" in err


def test_an_intercepted_shipment_is_not_a_clean_exit(cli, data_dir,
                                                     sandbox: SandboxServer) -> None:
    """The guard reads the order fresh before delivery/send: a refund opened after the label
    printed stops the shipment (拦截); the sync says so and exits 9."""
    assert cli("--full")[0] == Exit.OK
    order_id = str(next(o for o, rec in sorted(sandbox.shop.orders.items())
                        if rec["status"] == 20 and rec.get("real_address")))
    _in_store(data_dir, lambda store: shipping_ops.create_waybill_jobs(store, [order_id],
                                                                       ACCOUNT))
    assert cli()[0] == Exit.OK  # the number is taken

    async def printed(store: Store) -> None:
        eid = store.reader().execute("SELECT ewaybill_order_id FROM waybills WHERE order_id = ?",
                                     (order_id,)).fetchone()[0]
        await shipping_ops.labels_printed(store, [eid], reprint=False)

    _in_store(data_dir, printed)
    control(sandbox.url, "/sandbox/aftersale/open", {"order_id": order_id})
    code, out, err = cli()
    assert code == Exit.FAILED_ROWS, (out, err)
    assert f"failed row: 发货（{order_id}）失败：拦截" in out
    assert not sandbox_log(sandbox.url, "/channels/ec/order/delivery/send")


def test_a_change_the_store_asked_to_wait_is_queued(cli, data_dir,
                                                    sandbox: SandboxServer) -> None:
    """Two refunds on one order: the store takes one per minute, the other is still queued
    after the run (exit 14, not 0); once sent, the run is clean again."""
    from seller_desktop.ops import aftersale as aftersale_ops

    oid = control(sandbox.url, "/sandbox/order/create", {"status": 20, "count": 2})["order_id"]
    cases = [control(sandbox.url, "/sandbox/aftersale/open",
                     {"order_id": oid, "count": 1})["after_sale_order_id"] for _ in range(2)]
    assert cli("--full")[0] == Exit.OK

    async def accept(store: Store) -> None:
        for case_id in cases:
            await aftersale_ops.accept(store, case_id)

    _in_store(data_dir, accept)
    code, out, err = cli()
    assert code == Exit.QUEUED, (out, err)
    assert "waiting: 1" in out and "failed: 0" in out and "queued" in err
    control(sandbox.url, "/sandbox/clock/advance", {"seconds": 61})  # a minute passes, here too
    _in_store(data_dir, lambda store: store.writer.write(
        lambda conn: conn.execute("UPDATE outbox SET not_before = 0"), durable=True))
    code, out, err = cli()
    assert code == Exit.OK and "waiting: 0" in out, (out, err)


@pytest.mark.parametrize("errcode_path", ["/channels/ec/aftersale/getaftersalelist",
                                          "/channels/ec/order/list/get"])
def test_a_permission_the_app_lacks_is_auth(cli, sandbox: SandboxServer,
                                            errcode_path: str) -> None:
    """48001 (API not enabled for the app) is a setup problem like wrong credentials: exit 3,
    whether it stops the run (orders) or the run goes on without it (after-sales)."""
    control(sandbox.url, "/sandbox/auth/permission", {"enabled": False,
                                                      "paths": [errcode_path]})
    code, out, err = cli("--full")
    assert code == Exit.AUTH, (out, err)
    assert "没有调用该接口的权限" in err
    control(sandbox.url, "/sandbox/auth/permission", {"enabled": True})
    assert cli()[0] == Exit.OK
