"""The window never syncs a cache that records another shop (``store/owner.py``): the sync is
refused before anything is sent or pulled, and the status bar says why in the seller's words."""

from __future__ import annotations

import pytest

from seller_desktop.store import Store, outbox
from seller_desktop.store import owner as cache_owner
from seller_desktop.store.meta import Watermarks

from .conftest import open_window, settled

pytestmark = [pytest.mark.asyncio, pytest.mark.qt_loop]
OTHER = "appid-wxother00000001"


async def test_a_cache_of_another_shop_is_not_synced_and_the_window_says_why(
        qapp, tmp_path, sandbox) -> None:
    data_dir = tmp_path / "d"
    with Store.open(data_dir) as store:
        store.writer.write_sync(lambda c: Watermarks(c).set(cache_owner.SHOP_KEY, OTHER))
        store.writer.write_sync(lambda c: outbox.enqueue(
            c, "order", "1", "merchant_note", {"order_id": "1", "notes": "另一个店铺的备注"}))
    log_start = len(sandbox.shop.log)
    async with open_window(data_dir, sandbox) as window:
        task = window.sync.sync_now()
        assert task is not None
        await task
        await settled(window)
        text = window.status.error
        assert "这个缓存属于另一个店铺（AppID wxother00000001）" in text, text
        assert "没有发送或改动任何内容" in text
        assert window.status.failures.isVisible()
        assert outbox.pending_count(window.actions.reader()) == 1
        assert window.actions.reader().execute("SELECT count(*) FROM orders").fetchone()[0] == 0
    assert sandbox.shop.log[log_start:] == []  # nothing applied to the shop

