"""售后 through the window against the sandbox's demo mix: the queue order and countdown, tab
counts and search, each answer from the window ends in the outbox and on the server (with the
confirmation where money leaves), bad input refused in the dialog, the buyer-requests queue,
the notices, the orders' badge and the order detail's hold reason."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from sandbox_support import serve

from seller_desktop.domain.aftersale import TAB_CLOSED, TAB_OTHERS, TAB_SELLER
from seller_desktop.domain.money import format_fen
from seller_desktop.store import aftersale_queries as aq
from seller_desktop.store import ui_queries as q
from seller_desktop.ui.models.aftersale import COL_LEFT
from seller_desktop.ui.models.orders import COL_STATUS

from .conftest import acontrol, open_window, settled, sync, until

pytestmark = [pytest.mark.asyncio, pytest.mark.qt_loop]


@pytest.fixture
def shop() -> Any:
    """The demo mix: cases of each kind (one per 20 orders) and both buyer requests."""
    yield from serve(seed=7, products=12, orders=200, gift_orders=6, buyer_requests=True)


def server_case(sandbox, case_id: str) -> dict:
    with sandbox.shop.lock:
        return dict(sandbox.shop.aftersales[case_id])


def outbox_rows(window, entity: str, entity_id: str) -> list[tuple[str, str]]:
    return [tuple(r) for r in window.actions.reader().execute(
        "SELECT op, state FROM outbox WHERE entity = ? AND entity_id = ? ORDER BY id",
        (entity, entity_id))]


async def opened(window) -> Any:
    await sync(window)
    window.tabs.setCurrentWidget(window.aftersale)
    return window.aftersale


def find(screen, type_: str, status: str) -> str:
    model = screen.model
    for i in range(model.rowCount()):
        row = model.row_at(i)
        if row.type == type_ and row.status == status:
            return row.case_id
    raise AssertionError(f"no {type_} {status} case in the queue")


async def answer(window, screen, action: str, case_id: str) -> Any:
    assert screen.select_case(case_id)
    button = screen.detail.buttons[action]
    assert button.isEnabled(), action
    button.click()
    dialog = screen.dialog
    assert dialog is not None and dialog.isVisible()
    await until(lambda: dialog.ok.isEnabled(), what="the dialog's choices to load")
    return dialog


async def confirmed(window, dialog) -> None:
    dialog.ok.click()
    await until(lambda: not dialog.isVisible(), what="the answer to be queued")
    await sync(window)


async def test_queue_most_urgent_first_with_live_countdown(data_dir, shop, qtbot):
    async with open_window(data_dir, shop, clock=shop.shop.clock.now) as window:
        screen = await opened(window)
        model = screen.model
        assert screen.tab == TAB_SELLER and model.rowCount() >= 4
        deadlines = [model.row_at(i).deadline_at for i in range(model.rowCount())]
        dated = [d for d in deadlines if d]
        assert dated and dated == sorted(dated) and deadlines[:len(dated)] == dated
        before = model.index(0, COL_LEFT).data()
        assert before not in ("", "—")
        await acontrol(shop, "/sandbox/clock/advance", {"seconds": 3601})  # an hour less
        screen.tick()
        assert model.index(0, COL_LEFT).data() != before  # counts down on the clock
        assert screen.detail.case_id == model.row_at(0).case_id
        assert screen.detail.left.text() == model.index(0, COL_LEFT).data()

        counts = aq.tab_counts(window.actions.reader())
        assert counts[TAB_SELLER] == model.rowCount()
        for i, tab in enumerate((TAB_SELLER, TAB_OTHERS, TAB_CLOSED, "requests")):
            assert screen.tabs.tabText(i).endswith(f"({counts[tab]})")
        screen.set_tab(TAB_CLOSED)
        assert screen.model.rowCount() == counts[TAB_CLOSED] > 0
        assert all(screen.model.row_at(i).status in {
            "MERCHANT_REFUND_SUCCESS", "MERCHANT_RETURN_SUCCESS", "USER_CANCELD"}
            for i in range(screen.model.rowCount()))

        # the refund before shipment holds its order: the order pane says so, and the way out
        screen.set_tab(TAB_SELLER)
        reader = window.actions.reader()
        unshipped = [r for r in (model.row_at(i) for i in range(model.rowCount()))
                     if q.orders_by_id(reader, [r.order_id])[r.order_id].status == 20]
        assert unshipped
        window.open_order(unshipped[0].order_id)
        hold = window.orders.detail.hold
        assert hold.isVisible() and "售后" in hold.text() and "取消电子面单" in hold.text()
        window.tabs.setCurrentWidget(screen)

        screen.set_tab(TAB_SELLER)
        target = model.row_at(model.rowCount() - 1)
        qtbot.keyClicks(screen.search, target.order_id)
        screen.apply_search()
        assert model.keys() == [target.case_id]
        assert screen.count_label.text() == "1 个售后单"
        screen.search.setText(target.case_id)
        screen.apply_search()
        assert model.keys() == [target.case_id]
        screen.search.setText("没有这种东西")
        screen.apply_search()
        assert model.rowCount() == 0 and screen.detail.case_id is None
        assert not any(b.isEnabled() for b in screen.detail.buttons.values())


async def test_accept_refund_confirms_the_amount_and_reaches_the_server(data_dir, shop, qtbot):
    async with open_window(data_dir, shop, clock=shop.shop.clock.now) as window:
        screen = await opened(window)
        case_id = find(screen, "REFUND", "MERCHANT_PROCESSING")
        detail = aq.case_detail(window.actions.reader(), case_id)
        dialog = await answer(window, screen, "accept", case_id)
        amount = format_fen(detail.case.amount)
        assert dialog.ok.text() == f"确认退款 {amount}"  # the confirmation says the money
        assert amount in dialog.summary.text() and "不能撤回" in dialog.summary.text()
        await confirmed(window, dialog)
        assert outbox_rows(window, "aftersale", case_id) == [("accept", "done")]
        assert server_case(shop, case_id)["status"] != "MERCHANT_PROCESSING"
        await settled(window)
        assert screen.model.row_of(case_id) < 0  # it left the seller's queue


async def test_accept_return_with_a_chosen_return_address(data_dir, shop, qtbot):
    async with open_window(data_dir, shop, clock=shop.shop.clock.now) as window:
        screen = await opened(window)
        case_id = find(screen, "RETURN", "MERCHANT_PROCESSING")
        dialog = await answer(window, screen, "accept", case_id)
        assert dialog.choice.count() >= 1 and dialog.choice.currentData()
        assert "【默认】" in dialog.choice.itemText(0)
        assert dialog.ok.text() == "同意"  # no money leaves yet
        address_id = dialog.choice.currentData()
        await confirmed(window, dialog)
        assert outbox_rows(window, "aftersale", case_id) == [("accept", "done")]
        case = server_case(shop, case_id)
        assert case["status"] == "USER_WAIT_RETURN"
        assert address_id in str(case)


async def test_reject_with_a_reason_from_the_list(data_dir, shop, qtbot):
    async with open_window(data_dir, shop, clock=shop.shop.clock.now) as window:
        screen = await opened(window)
        case_id = find(screen, "EXCHANGE", "MERCHANT_PROCESSING")
        dialog = await answer(window, screen, "reject", case_id)
        assert dialog.choice.count() >= 1
        assert dialog.text.toPlainText()  # the reason's default words, editable
        dialog.text.setPlainText("商品已影响二次销售")
        await confirmed(window, dialog)
        assert outbox_rows(window, "aftersale", case_id) == [("reject", "done")]
        assert server_case(shop, case_id)["status"] == "MERCHANT_REJECT_EXCHANGE"


async def test_bad_input_is_refused_in_the_dialog_and_nothing_is_queued(data_dir, shop, qtbot):
    async with open_window(data_dir, shop, clock=shop.shop.clock.now) as window:
        screen = await opened(window)
        case_id = find(screen, "REFUND", "MERCHANT_PROCESSING")
        dialog = await answer(window, screen, "negotiate", case_id)
        dialog.amount.setText("十二块")
        dialog.ok.click()
        assert "金额" in dialog.error.text() and dialog.isVisible()
        dialog.amount.setText("0.01")
        dialog.ok.click()  # no words for the buyer: the op refuses
        await until(lambda: dialog.error.text(), what="the refusal")
        assert "请填写说明" in dialog.error.text() and dialog.isVisible()
        assert outbox_rows(window, "aftersale", case_id) == []
        dialog.text.setPlainText("生鲜商品，直接退款，不用寄回")
        dialog.choice.setCurrentIndex(dialog.choice.findData(6))  # a reason that needs proof
        assert dialog.pick.isVisible()
        dialog.ok.click()
        assert "凭证图片" in dialog.error.text()
        dialog.images = [str(data_dir / "gone.png")]  # picked, then deleted
        dialog.error.setText("")
        dialog.ok.click()
        await until(lambda: dialog.error.text(), what="the unreadable picture")
        assert "读取图片失败" in dialog.error.text() and dialog.isVisible()
        assert outbox_rows(window, "aftersale", case_id) == []
        dialog.choice.setCurrentIndex(dialog.choice.findData(8))
        await confirmed(window, dialog)
        assert outbox_rows(window, "aftersale", case_id) == [("negotiate", "done")]
        assert server_case(shop, case_id)["status"] == "USER_WAIT_CONFIRM_UPDATE"


async def test_buyer_requests_queue_badge_hold_and_accept(data_dir, shop, qtbot):
    async with open_window(data_dir, shop, clock=shop.shop.clock.now) as window:
        screen = await opened(window)
        screen.set_tab("requests")
        requests = screen.requests
        assert requests.rowCount() == 2
        kinds = {requests.row_at(i).kind: requests.row_at(i) for i in range(2)}
        address = kinds["address"]
        state = requests.index(list(kinds).index("address"), 5).data()
        assert state.startswith("待处理，") and state.endswith("后自动同意")  # silence is a yes

        window.open_order(address.order_id)  # the orders table: badge and hold reason
        orders = window.orders
        row = orders.model.row_of(address.order_id)
        assert row >= 0
        assert orders.model.index(row, COL_STATUS).data().startswith("【改地址】")
        assert orders.detail.hold.isVisible() and "修改地址" in orders.detail.hold.text()

        window.tabs.setCurrentWidget(window.aftersale)
        screen.request_table.selectRow(list(kinds).index("address"))
        assert screen._current_request().order_id == address.order_id
        screen.accept_request.click()
        await until(lambda: screen.request_task.done(), what="the answer to be queued")
        await sync(window)
        assert outbox_rows(window, "order", address.order_id) == [("address_accept", "done")]
        with shop.shop.lock:
            assert not shop.shop.orders[address.order_id].get("address_under_review")
        assert requests.rowCount() == 1
        row = orders.model.row_of(address.order_id)
        assert not (orders.model.index(row, COL_STATUS).data() or "").startswith("【")


async def test_a_new_case_raises_a_notice_that_opens_it(data_dir, shop, qtbot):
    async with open_window(data_dir, shop, clock=shop.shop.clock.now) as window:
        await sync(window)
        with shop.shop.lock:
            order_id = next(o["order_id"] for o in sorted(
                shop.shop.orders.values(), key=lambda o: o["order_id"])
                if o["status"] == 30 and not o.get("present"))
        opened_case = await acontrol(shop, "/sandbox/aftersale/open",
                                     {"order_id": order_id, "type": "RETURN"})
        case_id = opened_case["after_sale_order_id"]
        report = await sync(window)
        assert case_id in report.changes.new_cases
        assert window.notification.isVisible()
        assert "新的售后申请" in window.notification.text.text()
        assert order_id in window.notification.text.text()
        qtbot.mouseClick(window.notification.action, Qt.MouseButton.LeftButton)
        assert window.tabs.currentWidget() is window.aftersale
        assert window.aftersale.detail.case_id == case_id
        assert window.aftersale.model.row_of(case_id) >= 0

        window.aftersale.detail.order_button.click()  # 查看订单 from the case
        assert window.tabs.currentWidget() is window.orders
        assert window.orders.detail.order_id == order_id
        row = window.orders.model.row_of(order_id)
        assert window.orders.model.index(row, COL_STATUS).data().startswith("【售后】")


async def test_an_exchange_through_the_window_to_the_reship(data_dir, shop, qtbot):
    async with open_window(data_dir, shop, clock=shop.shop.clock.now) as window:
        screen = await opened(window)
        case_id = find(screen, "EXCHANGE", "MERCHANT_PROCESSING")
        assert not screen.detail.buttons["reship"].isEnabled()  # not before the return
        await confirmed(window, await answer(window, screen, "accept", case_id))
        await acontrol(shop, "/sandbox/aftersale/return", {"after_sale_order_id": case_id})
        await sync(window)
        assert screen.model.row_of(case_id) >= 0  # back in the seller's queue
        assert not screen.detail.buttons["accept"].isEnabled() or \
            screen.detail.case_id != case_id
        dialog = await answer(window, screen, "reship", case_id)
        assert not screen.detail.buttons["accept"].isEnabled()  # reship, not accept
        assert "YTO" in [dialog.choice.itemData(i) for i in range(dialog.choice.count())]
        dialog.choice.setCurrentIndex(dialog.choice.findData("YTO"))
        dialog.number.setText("YT9876543210123")
        await confirmed(window, dialog)
        assert outbox_rows(window, "aftersale", case_id) == [("accept", "done"),
                                                             ("reship", "done")]
        case = server_case(shop, case_id)
        assert case["status"] == "USER_WAIT_RECEIPT"
        assert "YT9876543210123" in str(case)
        screen.set_tab(TAB_OTHERS)
        assert screen.model.row_of(case_id) >= 0


async def test_a_refused_answer_is_shown_and_can_be_replaced(data_dir, shop, qtbot):
    async with open_window(data_dir, shop, clock=shop.shop.clock.now) as window:
        screen = await opened(window)
        case_id = find(screen, "REFUND", "MERCHANT_PROCESSING")
        await acontrol(shop, "/sandbox/aftersale/update",
                       {"after_sale_order_id": case_id, "need_negotiation": True})
        await confirmed(window, await answer(window, screen, "reject", case_id))
        assert outbox_rows(window, "aftersale", case_id) == [("reject", "failed")]
        screen.select_case(case_id)
        pane = screen.detail
        assert pane.error.isVisible() and "拒绝" in pane.error.text()
        assert screen.model.row_at(screen.model.row_of(case_id)).local_action == ""
        assert pane.buttons["negotiate"].isEnabled()  # the seller can answer again
        dialog = await answer(window, screen, "negotiate", case_id)
        dialog.text.setPlainText("生鲜商品，直接退款")
        await confirmed(window, dialog)
        assert server_case(shop, case_id)["status"] == "USER_WAIT_CONFIRM_UPDATE"
        assert [r[1] for r in outbox_rows(window, "aftersale", case_id)][-1] == "done"


async def test_offline_a_refund_waits_in_the_outbox_and_lookups_say_why(data_dir, shop, qtbot):
    async with open_window(data_dir, shop, clock=shop.shop.clock.now) as window:
        await sync(window)
    async with open_window(data_dir, None, clock=shop.shop.clock.now) as window:  # offline
        window.tabs.setCurrentWidget(window.aftersale)
        screen = window.aftersale
        case_id = find(screen, "RETURN", "MERCHANT_PROCESSING")
        assert screen.select_case(case_id)
        screen.detail.buttons["accept"].click()
        dialog = screen.dialog
        await until(lambda: dialog.error.text(), what="the address look-up to fail")
        assert "离线" in dialog.error.text() and not dialog.ok.isEnabled()
        dialog.reject()
        assert outbox_rows(window, "aftersale", case_id) == []

        refund = find(screen, "REFUND", "MERCHANT_PROCESSING")
        assert screen.select_case(refund)
        screen.detail.buttons["accept"].click()
        dialog = screen.dialog
        assert dialog.ok.isEnabled()  # a refund needs no look-up: it waits in the outbox
        dialog.ok.click()
        await until(lambda: not dialog.isVisible(), what="the refund to be queued")
        await settled(window)
        assert outbox_rows(window, "aftersale", refund) == [("accept", "pending")]
        assert "处理中" in screen.detail.status.text()
        assert not any(b.isEnabled() for b in screen.detail.buttons.values())
    assert server_case(shop, refund)["status"] == "MERCHANT_PROCESSING"


async def test_a_new_buyer_request_raises_a_notice_and_the_tab_counts_it(data_dir, shop, qtbot):
    async with open_window(data_dir, shop, clock=shop.shop.clock.now) as window:
        await sync(window)
        counts = aq.tab_counts(window.actions.reader())
        index = window.tabs.indexOf(window.aftersale)
        waiting = counts[TAB_SELLER] + counts["requests"]
        assert window.tabs.tabText(index) == f"售后 ({waiting})"  # before the screen opens
        window.tabs.setCurrentWidget(window.orders)  # 待发货: orders a buyer may re-address
        order_id = next(oid for oid in window.orders.model.keys()
                        if not window.orders.model.badge(oid))
        await acontrol(shop, "/sandbox/order/address_change", {"order_id": order_id})
        await sync(window)
        assert "买家申请修改地址" in window.notification.text.text()
        assert order_id in window.notification.text.text()
        assert window.tabs.tabText(index) == f"售后 ({waiting + 1})"
        qtbot.mouseClick(window.notification.action, Qt.MouseButton.LeftButton)
        assert window.tabs.currentWidget() is window.aftersale
        assert window.aftersale.tab == "requests"
        assert order_id in [window.aftersale.requests.row_at(i).order_id
                            for i in range(window.aftersale.requests.rowCount())]


async def test_the_buyers_words_are_shown_as_written(data_dir, shop, qtbot):
    async with open_window(data_dir, shop, clock=shop.shop.clock.now) as window:
        await sync(window)
        with shop.shop.lock:
            order_id = next(o["order_id"] for o in sorted(
                shop.shop.orders.values(), key=lambda o: o["order_id"])
                if o["status"] == 30 and not o.get("present"))
        words = "<b>坏了</b> & <img src=x>"
        case_id = (await acontrol(shop, "/sandbox/aftersale/open", {
            "order_id": order_id, "type": "REFUND", "desc": words}))["after_sale_order_id"]
        await sync(window)
        window.tabs.setCurrentWidget(window.aftersale)
        window.aftersale.show_case(case_id)
        label = window.aftersale.detail.buyer_words
        assert label.text() == words and label.textFormat() == Qt.TextFormat.PlainText
        # its siblings: the notice (titles, names) and the order pane (the buyer's note)
        assert window.notification.text.textFormat() == Qt.TextFormat.PlainText
        assert window.orders.detail.buyer_note.textFormat() == Qt.TextFormat.PlainText


async def test_a_failed_platform_refund_is_settled_with_uploaded_proof(data_dir, shop, qtbot):
    from seller_desktop.sandbox.pngs import tile_png

    await acontrol(shop, "/sandbox/config", {"aftersale_refund_fails": True})
    async with open_window(data_dir, shop, clock=shop.shop.clock.now) as window:
        screen = await opened(window)
        case_id = find(screen, "REFUND", "MERCHANT_PROCESSING")
        await confirmed(window, await answer(window, screen, "accept", case_id))
        assert server_case(shop, case_id)["status"] == "PLATFORM_REFUND_FAIL"
        await settled(window)
        assert screen.model.row_of(case_id) >= 0  # back with the seller
        proof = data_dir / "转账凭证.png"
        proof.write_bytes(tile_png("proof", 60, 60))
        dialog = await answer(window, screen, "refund_certificate", case_id)
        assert format_fen(server_case(shop, case_id)["refund_info"]["amount"]) \
            in dialog.summary.text()
        dialog.images = [str(proof)]
        dialog.text.setPlainText("已通过银行转账退款")
        await confirmed(window, dialog)
        assert outbox_rows(window, "aftersale", case_id)[-1] == ("refund_certificate", "done")
        case = server_case(shop, case_id)
        assert case["status"] == "MERCHANT_REFUND_SUCCESS"
        assert case["merchant_upload_info"]["refund_certificates"]
