"""礼物 and 冲突 through the window: a gift accepted in the sandbox becomes 待发货 with its
address and raises the notification; an expired gift moves to 已过期; a conflict is shown
field by field and resolved both ways (keep mine / take theirs)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from seller_desktop.store import ui_queries as q
from seller_desktop.ui.models.conflicts import COL_FIELD

from .conftest import accept_gift, acontrol, open_window, sync, until
from .test_listings_flow import pick_on_sale

pytestmark = [pytest.mark.asyncio, pytest.mark.qt_loop]
AWAITING, ACCEPTED, EXPIRED = q.GiftSection.AWAITING, q.GiftSection.ACCEPTED, \
    q.GiftSection.EXPIRED


async def test_accepted_gift_becomes_to_ship_and_notifies(data_dir, sandbox, qtbot):
    async with open_window(data_dir, sandbox, clock=sandbox.shop.clock.now) as window:
        await sync(window)
        window.tabs.setCurrentWidget(window.orders)  # a screen loads when first shown
        window.tabs.setCurrentWidget(window.gifts)
        gifts = window.gifts
        waiting = gifts.models[AWAITING].order_ids()
        assert len(waiting) >= 2
        order_id = waiting[0]
        assert window.orders.counts[q.OrderTab.GIFT_PENDING] == len(waiting)
        address = accept_gift(sandbox, order_id)

        report = await sync(window)
        assert order_id in report.changes.gifts_accepted
        assert order_id not in gifts.models[AWAITING].order_ids()
        assert order_id in gifts.models[ACCEPTED].order_ids()
        assert window.notification.isVisible()
        assert "礼物已被收下" in window.notification.text.text()

        qtbot.mouseClick(window.notification.action, Qt.MouseButton.LeftButton)
        assert window.tabs.currentWidget() is window.orders
        assert window.orders.tab is q.OrderTab.TO_SHIP
        assert window.orders.model.row_of(order_id) >= 0
        detail = window.orders.detail
        assert detail.order_id == order_id
        assert address["province_name"] in detail.address.text()
        assert address["city_name"] in detail.address.text()
        assert detail.recipient.text().startswith(address["user_name"][0])
        assert detail.gift_box.isVisible() and "已收下" in detail.gift_time.text()


async def test_expired_gift_moves_to_expired(data_dir, sandbox, qtbot):
    async with open_window(data_dir, sandbox, clock=sandbox.shop.clock.now) as window:
        await sync(window)
        window.tabs.setCurrentWidget(window.orders)
        window.tabs.setCurrentWidget(window.gifts)
        waiting = window.gifts.models[AWAITING].order_ids()
        assert waiting
        await acontrol(sandbox, "/sandbox/clock/advance", {"seconds": 25 * 3600})
        report = await sync(window)
        assert set(waiting) <= set(report.changes.gifts_expired)
        assert window.gifts.models[AWAITING].rowCount() == 0
        assert set(waiting) <= set(window.gifts.models[EXPIRED].order_ids())
        assert "已过期" in window.statusBar().currentMessage()
        assert window.orders.counts[q.OrderTab.GIFT_PENDING] == 0


async def test_conflict_is_resolved_field_by_field(data_dir, sandbox, qtbot):
    async with open_window(data_dir, sandbox) as window:
        await sync(window)
        product_id = pick_on_sale(window.listings)
        editor = window.listings.open_editor(product_id)
        editor.title.setText("本地改的标题 春季新款")
        editor.short_title.setText("本地短标题")
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
        await until(lambda: not editor.isVisible(), what="the editor to close")
        await acontrol(sandbox, "/sandbox/product/edit", {
            "product_id": product_id,
            "fields": {"title": "后台改的标题 夏季新款", "short_title": "后台短标题"}})

        report = await sync(window)
        assert report.conflicts >= 1
        await until(lambda: window.status.conflicts.isVisible(), what="the conflict badge")
        row = window.listings.model.row_at(window.listings.model.row_of(product_id))
        assert window.listings.model.sync_badge(row) == "冲突"

        dialog = window.show_conflicts()
        fields = {dialog.model.index(i, COL_FIELD).data(): i
                  for i in range(dialog.model.rowCount())}
        assert set(fields) == {"标题", "短标题"}
        dialog.table.selectRow(fields["标题"])
        qtbot.mouseClick(dialog.keep_mine, Qt.MouseButton.LeftButton)
        assert dialog.model.rowCount() == 2  # one field still undecided: nothing applied yet
        applied = []
        resolve = window.sync.resolve_conflicts
        window.sync.resolve_conflicts = lambda decided: applied.append(decided) or resolve(decided)
        dialog.table.selectRow(fields["短标题"])
        qtbot.mouseClick(dialog.take_theirs, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.take_theirs, Qt.MouseButton.LeftButton)  # before it is applied
        await until(lambda: dialog.model.rowCount() == 0, what="the conflicts to clear")
        await until(lambda: not dialog.resolving, what="the resolution to finish")
        assert len(applied) == 1

        await sync(window)
        state = (await acontrol(sandbox, "/sandbox/state"))["state"]
        draft = state["products"][product_id]["edit_product"]
        assert draft["title"] == "本地改的标题 春季新款"
        assert draft["short_title"] == "后台短标题"
        await until(lambda: not window.status.conflicts.isVisible())
