"""失败的修改 through the window: refused changes are listed with the store's reason (and the
change waiting behind one), retry sends one again once the cause is fixed, drop restores the
local copy; an unreadable reply fails nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from seller_desktop.domain.waybill import CarrierAccount, SenderAddress
from seller_desktop.ops import shipping as shipping_ops
from seller_desktop.store.products import ProductRepo
from seller_desktop.store.waybills import WaybillRepo
from seller_desktop.ui.models.failed import COL_CHANGE, COL_REASON, COL_STATE, COL_WHAT

from .conftest import acontrol, open_window, settled, sync, until
from .test_listings_flow import pick_on_sale

pytestmark = [pytest.mark.asyncio, pytest.mark.qt_loop]
ACCOUNT = CarrierAccount("YTO", "圆通速递", "7001001", "1000000812345678", "510450",
                         "广州白云太和网点", 500,
                         SenderAddress("小店发货仓", "02088886666", "广东省", "广州市", "白云区",
                                       "大源北路88号仓储园3栋", "太和镇"))


def texts(dialog) -> list[dict[str, str]]:
    model = dialog.model
    return [{name: model.index(i, col).data() for name, col in
             (("what", COL_WHAT), ("change", COL_CHANGE), ("state", COL_STATE),
              ("reason", COL_REASON))} for i in range(model.rowCount())]


def row_of(dialog, needle: str) -> int:
    return next(i for i, t in enumerate(texts(dialog)) if needle in t["change"])


async def test_failed_changes_are_listed_retried_and_dropped(data_dir, sandbox, qtbot):
    async with open_window(data_dir, sandbox) as window:
        await sync(window)
        store = window.services.store
        pid = pick_on_sale(window.listings)
        record = ProductRepo(store.reader()).get(pid)
        sku = record.draft.skus[0]
        # sold down to 2 elsewhere: a -5 here is refused; a title edit queues behind it
        await acontrol(sandbox, "/sandbox/product/edit", {"product_id": pid, "fields": {
            "skus": [{"sku_id": sku.sku_id, "stock_num": 2}]}})
        await window.actions.stock_delta(pid, str(sku.sku_id), -5)
        edited = ProductRepo(store.reader()).get(pid).draft
        from dataclasses import replace
        await window.actions.save_product(replace(edited, title="排在失败修改后面的新标题"))
        # the carrier account has no waybills left: 取号 is refused
        await acontrol(sandbox, "/sandbox/ewaybill/stock", {"acct_id": ACCOUNT.acct_id,
                                                           "available": 0})
        order_id = store.reader().execute(
            "SELECT order_id FROM orders WHERE status = 20 AND user_name != ''"
            " ORDER BY order_id LIMIT 1").fetchone()[0]
        await shipping_ops.create_waybill_jobs(store, [order_id], ACCOUNT)
        report = await sync(window)
        assert report.failed == 2 and report.blocked == 1

        status = window.status
        await until(lambda: status.failures.isVisible(), what="the failures badge")
        assert status.failures.text() == "失败：2（1 项排在后面）"
        qtbot.mouseClick(status.failures, Qt.MouseButton.LeftButton)
        dialog = window.failures_dialog
        assert dialog is not None and dialog.isVisible()
        rows = texts(dialog)
        assert len(rows) == 3, rows
        stock = rows[row_of(dialog, "库存 -5")]
        assert stock["state"] == "失败" and "库存不足" in stock["reason"]
        assert stock["what"] == "商品 排在失败修改后面的新标题"  # the title the seller sees
        waybill = rows[row_of(dialog, "电子面单取号")]
        assert waybill["state"] == "失败" and "取号失败" in waybill["reason"]
        assert order_id in waybill["what"]
        waiting = rows[row_of(dialog, "修改商品信息")]
        assert waiting["state"] == "排在失败的修改之后" and "库存不足" in waiting["reason"]

        dialog.table.selectRow(row_of(dialog, "修改商品信息"))  # a waiting row: nothing to do
        assert not dialog.retry_button.isEnabled() and not dialog.drop_button.isEnabled()

        # retry after the cause is fixed: it goes out at once, with a sync
        await acontrol(sandbox, "/sandbox/ewaybill/stock", {"acct_id": ACCOUNT.acct_id,
                                                           "available": 10})
        dialog.table.selectRow(row_of(dialog, "电子面单取号"))
        qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
        await until(lambda: WaybillRepo(store.reader()).for_order(order_id)
                    and WaybillRepo(store.reader()).for_order(order_id)[0].waybill_id,
                    what="the waybill number")
        await until(lambda: not window.sync.running, what="the sync to finish")
        await settled(window)
        assert [t["change"] for t in texts(dialog)] == [f"库存 -5（SKU {sku.sku_id}）",
                                                        "修改商品信息"]

        # drop: asks first, then the stock shown is the store's again and the edit goes out
        dialog.table.selectRow(row_of(dialog, "库存 -5"))
        qtbot.mouseClick(dialog.drop_button, Qt.MouseButton.LeftButton)
        box = dialog.confirm
        assert box is not None and box.isVisible()
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Discard),
                         Qt.MouseButton.LeftButton)
        await until(lambda: dialog.model.rowCount() == 0, what="the list to clear")
        shown = ProductRepo(store.reader()).get(pid)
        assert shown.draft.skus[0].stock_num == shown.server_draft.skus[0].stock_num
        assert dialog.empty.isVisible()
        report = await sync(window)
        assert report.failed == 0 and report.waiting == 0
        await until(lambda: not status.failures.isVisible(), what="the badge to go")
        state = (await acontrol(sandbox, "/sandbox/state"))["state"]
        assert state["products"][pid]["edit_product"]["title"] == "排在失败修改后面的新标题"


async def test_unreadable_replies_fail_nothing_and_say_why(data_dir, sandbox, qtbot):
    async with open_window(data_dir, sandbox) as window:
        await sync(window)
        pid = pick_on_sale(window.listings)
        sku = ProductRepo(window.services.store.reader()).get(pid).draft.skus[0]
        await window.actions.stock_delta(pid, str(sku.sku_id), 7)
        await acontrol(sandbox, "/sandbox/faults", {"faults": [
            {"path": "*", "kind": "html", "times": 5}]})
        report = await sync(window)
        assert report.failed == 0 and report.waiting == 1
        assert "无法读取" in window.status.error
        assert window.status.online.text() == "● 离线（回复无法读取）"
        assert window.status.failures.text() == "同步失败"
        assert window.status.pending.text() == "待同步：1"
        await acontrol(sandbox, "/sandbox/faults", {"faults": []})
        report = await sync(window)
        assert report.failed == 0 and report.waiting == 0 and report.pushed == 1
        assert window.status.online.text() == "● 演示店铺"


async def test_a_refused_after_sale_answer_is_named_and_dropped(data_dir, sandbox, qtbot):
    """An after-sale answer the store refuses (reject before negotiating) is listed by its
    order and in the seller's words (拒绝售后, not the op's internal name); drop discards it."""
    from seller_desktop.ops import aftersale as aftersale_ops

    async with open_window(data_dir, sandbox) as window:
        store = window.services.store
        oid = (await acontrol(sandbox, "/sandbox/order/create", {"status": 20}))["order_id"]
        case = await acontrol(sandbox, "/sandbox/aftersale/open",
                              {"order_id": oid, "need_negotiation": True})
        await sync(window)
        await aftersale_ops.reject(store, case["after_sale_order_id"], 6, "已与买家协商取消")
        report = await sync(window)
        assert report.failed == 1, report.errors
        dialog = window.show_failures()
        (row,) = texts(dialog)
        assert row["change"] == "拒绝售后" and oid in row["what"], row
        assert row["state"] == "失败" and "协商" in row["reason"], row
        dialog.table.selectRow(0)
        qtbot.mouseClick(dialog.drop_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.confirm.button(QMessageBox.StandardButton.Discard),
                         Qt.MouseButton.LeftButton)
        await until(lambda: dialog.model.rowCount() == 0, what="the list to clear")
        assert store.reader().execute(
            "SELECT count(*) FROM outbox WHERE state != 'done'").fetchone()[0] == 0
