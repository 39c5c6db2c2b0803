"""Every count of one set of orders agrees across the screens, or names what it adds: the 发货
summary counts 待发货 and 部分发货 by the 订单 tabs' own sets and says it includes the partial
ones; the gift board's 等待收下 is the 订单 tab's 礼物待收下."""

from __future__ import annotations

import re

import pytest

from seller_desktop.store import ui_queries as q

from .conftest import open_window, sync

pytestmark = [pytest.mark.asyncio, pytest.mark.qt_loop]


async def test_to_ship_counts_agree_across_screens(data_dir, sandbox, qtbot):
    async with open_window(data_dir, sandbox) as window:
        assert not (await sync(window)).stopped
        window.tabs.setCurrentWidget(window.orders)
        counts = window.orders.counts
        to_ship, partial = counts[q.OrderTab.TO_SHIP], counts[q.OrderTab.PARTIAL]
        gifts = counts[q.OrderTab.GIFT_PENDING]
        assert to_ship and partial and gifts, counts  # the fixture shop has all three
        assert window.orders.tab_title(q.OrderTab.TO_SHIP) == f"待发货 ({to_ship})"

        window.tabs.setCurrentWidget(window.shipping)
        summary = window.shipping.summary.text()
        assert summary.startswith(f"{to_ship + partial} 个订单待发货（含 {partial} 个部分发货）"), \
            summary
        assert f"{gifts} 个礼物待收下" in summary
        ready = sum(1 for c in window.shipping.model.rows if c.can_ship)
        blocked = re.search(r"其中 (\d+) 个暂不能发货", summary)
        assert ready == to_ship + partial - (int(blocked.group(1)) if blocked else 0)

        window.tabs.setCurrentWidget(window.gifts)
        heading = window.gifts.headings[q.GiftSection.AWAITING].text()
        assert heading == f"等待收下（{gifts}）"
