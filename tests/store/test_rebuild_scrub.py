"""A cache written by a version that stored the e-waybill ``print_info`` (the buyer's real
name, phone and address) and damaged before the new version could scrub it: the rebuilt cache
never gets the text back, and the damaged file moved aside keeps none of it that can be
reached, earlier moved-aside files included. A file too damaged to open is left as it is."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from seller_desktop.store import Store
from seller_desktop.store.backups import copies
from seller_desktop.store.db import CACHE_NAME
from seller_desktop.store.orders import OrderRepo
from seller_desktop.store.rebuild import rebuild_cache
from seller_desktop.store.scrub import SCRUBBED, scrub_damaged
from seller_desktop.store.waybills import WaybillRepo
from store.factories import make_order
from store.test_print_info_scrub import BUYER, PRINT_INFO, _on_disk, _stored, _waybill
from store.test_rescue_waybills import wreck_a_leaf

N = 60
TEXT = BUYER.hex().encode()


def _old_version(data_dir: Path) -> None:
    """N waybills with their print_info, as an earlier version stored them, and many orders."""
    def tx(conn: sqlite3.Connection) -> None:
        for i in range(N):
            WaybillRepo(conn).upsert(_waybill(str(i)))
        conn.execute("UPDATE waybills SET print_info = ?", (PRINT_INFO,))
        conn.execute("DELETE FROM watermarks WHERE key = ?", (SCRUBBED,))
        OrderRepo(conn).upsert_many(make_order(i) for i in range(1500))

    with Store.open(data_dir) as store:
        store.writer.write_sync(tx)


def test_the_rebuilt_cache_and_the_damaged_file_keep_no_print_info(data_dir: Path) -> None:
    _old_version(data_dir)
    earlier = data_dir / f"{CACHE_NAME}.corrupt-20200101-000000"  # moved aside by an older
    earlier.write_bytes((data_dir / CACHE_NAME).read_bytes())  # version, never scrubbed
    wreck_a_leaf(data_dir / CACHE_NAME, "orders")

    result = rebuild_cache(data_dir)
    assert result.waybills == N
    assert _stored(data_dir / CACHE_NAME) == [""] * N
    assert TEXT not in _on_disk(data_dir / CACHE_NAME)
    with Store.open(data_dir) as store:
        assert len(WaybillRepo(store.reader()).for_order("o1")) == 1
    assert copies(data_dir / CACHE_NAME, "corrupt") == [earlier, result.moved]
    assert _stored(earlier) == [""] * N and _stored(result.moved) == [""] * N
    assert TEXT not in _on_disk(earlier)  # SQLite could rewrite it: no copy in free space
    assert scrub_damaged(result.moved) == (0, 0)  # done once: nothing left to empty


def test_past_a_damaged_waybill_page_the_rest_is_emptied(data_dir: Path) -> None:
    _old_version(data_dir)
    wreck_a_leaf(data_dir / CACHE_NAME, "waybills")

    result = rebuild_cache(data_dir)
    assert 0 < result.shipping_unreadable < N
    assert TEXT not in _on_disk(data_dir / CACHE_NAME)
    # every row that can be reached is empty; the one on the damaged page cannot be
    conn = sqlite3.connect(result.moved)
    found, unreachable = [], 0
    try:
        for rowid in range(1, N + 1):
            try:
                found += [r[0] for r in conn.execute(
                    "SELECT print_info FROM waybills WHERE rowid = ?", (rowid,))]
            except sqlite3.DatabaseError:
                unreachable += 1
    finally:
        conn.close()
    assert unreachable == result.shipping_unreadable
    assert found == [""] * (N - unreachable)
    assert scrub_damaged(result.moved) == (0, result.shipping_unreadable)


def test_a_file_too_damaged_to_open_is_left_as_it_is(data_dir: Path) -> None:
    wrecked = data_dir / f"{CACHE_NAME}.corrupt-20200101-000000"
    wrecked.write_bytes(b"\xde\xad\xbe\xef" * 4096)
    assert scrub_damaged(wrecked) is None
    assert wrecked.read_bytes() == b"\xde\xad\xbe\xef" * 4096
