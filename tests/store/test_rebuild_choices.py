"""A rebuild carries the seller's settings the server cannot give back: the shop the cache
belongs to and, per e-waybill account, the sender address the seller chose (and the one the
taken waybills were made with, and the shop name labels print). A damaged file is rebuilt
from a real cache whose pages are overwritten; settings on a page that cannot be read are
counted and said in the dialog, never a reason for the rebuild to stop."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path

import pytest

from seller_desktop.domain.waybill import SenderAddress
from seller_desktop.ops import aftersale as aftersale_ops
from seller_desktop.ops import shipping as shipping_ops
from seller_desktop.store import CorruptCache, OtherShopsCache, Store, outbox
from seller_desktop.store import orders as order_store
from seller_desktop.store import owner as cache_owner
from seller_desktop.store.aftersale import _ANSWER_OPS, RequestRepo
from seller_desktop.store.db import CACHE_NAME
from seller_desktop.store.meta import Watermarks
from seller_desktop.store.orders import OrderRepo
from seller_desktop.store.rebuild import rebuild_cache
from seller_desktop.ui.dialogs.cache_dialogs import rebuild_text
from store.factories import make_order
from store.test_rescue_waybills import wreck_a_leaf

SHOP = "appid-wx1234567890abcdef"
CHOSEN = SenderAddress("退货仓 李四", "13912345678", "浙江省", "杭州市", "余杭区",
                       "文一西路1号退货仓", "仓前街道")
USED = SenderAddress("小店发货仓", "02088886666", "广东省", "广州市", "白云区",
                     "大源北路88号仓储园3栋", "太和镇")


def _settings(store: Store) -> None:
    """A claimed cache with the seller's sender for account 7001001, the sender last used
    for 7001002, the shop name, sync progress, one unsynced note and many orders."""
    asyncio.run(shipping_ops.save_sender(store, "7001001", CHOSEN))

    def tx(conn: sqlite3.Connection) -> None:
        cache_owner.claim(conn, SHOP)
        marks = Watermarks(conn)
        marks.set(shipping_ops.SENDER_KEY + "7001002",
                  json.dumps(USED.__dict__, ensure_ascii=False))
        marks.set(shipping_ops.SHOP_NAME_KEY, "山间小铺")
        marks.set("orders.synced_to", 1_760_000_000)
        outbox.enqueue(conn, "order", "1", "merchant_note", {"order_id": "1", "notes": "备注"})
        OrderRepo(conn).upsert_many(make_order(i) for i in range(1500))

    store.writer.write_sync(tx)


def _damaged(data_dir: Path, table: str) -> None:
    wreck_a_leaf(data_dir / CACHE_NAME, table)
    with pytest.raises(CorruptCache):
        Store.open(data_dir)


def test_a_rebuild_keeps_the_shop_and_the_chosen_sender(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        _settings(store)
    _damaged(data_dir, "orders")

    result = rebuild_cache(data_dir)
    assert (result.settings, result.settings_unreadable, result.settings_lost) == (5, 0, False)
    assert result.restored == 1
    assert "寄件地址" not in rebuild_text(result)  # nothing to check: nothing said
    record = json.loads(result.export.read_text(encoding="utf-8"))
    assert record["settings"][cache_owner.SHOP_KEY] == SHOP
    with Store.open(data_dir) as store:
        conn = store.reader()
        assert cache_owner.owner(conn) == SHOP
        assert cache_owner.recorded_owner(data_dir / CACHE_NAME) == SHOP
        assert shipping_ops.chosen_sender(conn, "7001001") == CHOSEN
        assert shipping_ops.cached_sender(conn, "7001001") == CHOSEN
        assert shipping_ops.cached_sender(conn, "7001002") == USED
        assert shipping_ops.cached_shop_name(conn) == "山间小铺"
        # sync progress is not carried: the rebuilt cache has no orders, it pulls them again
        assert Watermarks(conn).get("orders.synced_to") is None
        # still this shop's cache: another shop is refused, this one goes on
        with pytest.raises(OtherShopsCache):
            store.writer.write_sync(lambda c: cache_owner.claim(c, "appid-wxother00000001"))
        store.writer.write_sync(lambda c: cache_owner.claim(c, SHOP))


def test_settings_on_a_damaged_page_are_counted_and_the_rest_carried(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        _settings(store)
        store.writer.write_sync(lambda c: [  # enough watermarks to fill several pages
            Watermarks(c).set(f"{shipping_ops.SENDER_CHOSEN_KEY}acct-{i:04d}",
                              json.dumps(CHOSEN.__dict__, ensure_ascii=False))
            for i in range(400)])
    _damaged(data_dir, "watermarks")

    result = rebuild_cache(data_dir)
    assert result.restored == 1  # the outbox is on its own pages
    assert 0 < result.settings_unreadable and not result.settings_lost
    assert result.settings + result.settings_unreadable >= 405
    assert "寄件地址" in rebuild_text(result)
    with Store.open(data_dir) as store:
        carried = [k for k in Watermarks(store.reader()).all()
                   if k.startswith(shipping_ops.SENDER_CHOSEN_KEY + "acct-")]
        assert 0 < len(carried) < 400
        for key in carried:
            assert shipping_ops.chosen_sender(store.reader(), key.rsplit(".", 1)[1]) == CHOSEN


def test_an_unreadable_watermarks_table_does_not_stop_the_rebuild(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        _settings(store)
        page = int(store.reader().execute("PRAGMA page_size").fetchone()[0])
        root = int(store.reader().execute("SELECT rootpage FROM sqlite_master"
                                          " WHERE name = 'watermarks'").fetchone()[0])
    with open(data_dir / CACHE_NAME, "r+b") as handle:  # the whole small table
        handle.seek((root - 1) * page)
        handle.write(b"\xde\xad\xbe\xef" * (page // 4))
    with pytest.raises(CorruptCache):
        Store.open(data_dir)

    result = rebuild_cache(data_dir)
    assert result.settings_lost and result.settings == 0 and result.restored == 1
    assert "寄件地址" in rebuild_text(result)
    with Store.open(data_dir) as store:  # unclaimed: the shop whose data dir it is claims it
        assert cache_owner.owner(store.reader()) is None
        assert shipping_ops.chosen_sender(store.reader(), "7001001") is None
        store.writer.write_sync(lambda c: cache_owner.claim(c, SHOP))
        assert cache_owner.owner(store.reader()) == SHOP


def test_an_answer_to_a_buyer_request_shows_again_once_the_request_is_pulled(
        data_dir: Path) -> None:
    """``buyer_requests`` is not carried (the server lists the waiting ones again), but the
    seller's queued answer is only in the outbox: the request pulled into the rebuilt cache
    shows it (not answerable a second time), and closes as accepted, not as settled by others."""
    oid = "3705000000000000042"
    with Store.open(data_dir) as store:
        _settings(store)
        store.writer.write_sync(lambda c: RequestRepo(c).sync_sku_waiting([oid], 1_760_000_000))
        aftersale_ops.answer_request_sync(store, oid, "sku", True)
        assert RequestRepo(store.reader()).get(oid, "sku").answer == "accept"
    _damaged(data_dir, "orders")

    rebuild_cache(data_dir)
    with Store.open(data_dir) as store:
        assert RequestRepo(store.reader()).get(oid, "sku") is None
        store.writer.write_sync(lambda c: RequestRepo(c).sync_sku_waiting([oid], 1_760_000_100))
        request = RequestRepo(store.reader()).get(oid, "sku")
        assert (request.state, request.answer) == ("pending", "accept")
        store.writer.write_sync(lambda c: RequestRepo(c).sync_sku_waiting([], 1_760_000_200))
        assert RequestRepo(store.reader()).get(oid, "sku").state == "accepted"


def test_every_answer_op_is_known_to_the_store() -> None:
    assert set(aftersale_ops.REQUEST_OPS.values()) == set(_ANSWER_OPS) == order_store.REQUEST_OPS
    assert all(_ANSWER_OPS[op] == ("accept" if yes else "reject")
               for (_kind, yes), op in aftersale_ops.REQUEST_OPS.items())
