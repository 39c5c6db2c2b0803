"""The rescue reads the waybills row by row past a damaged page: what it can read is carried,
what it cannot is counted; a waybill on the damaged page whose job is in the outbox goes back
to be read from the server (its job ``sending``, a requested waybill in its place)."""

from __future__ import annotations

import sqlite3

import pytest

from seller_desktop.domain.waybill import Waybill
from seller_desktop.store import CorruptCache, Store, outbox
from seller_desktop.store.db import CACHE_NAME
from seller_desktop.store.rebuild import rebuild_cache
from seller_desktop.store.waybills import REQUESTED, PrintLog, WaybillRepo

N = 400


def _eid(i: int) -> str:
    return str(7_000_000_000_000_000_000 + i)


def _taken(conn: sqlite3.Connection) -> None:
    repo, log = WaybillRepo(conn), PrintLog(conn)
    for i in range(N):
        repo.upsert(Waybill(_eid(i), f"ord-{i}", "YTO", f"YT{i:010d}", 1, acct_id="a",
                            print_info="x" * 600, created_at=1_700_000_000 + i))
        log.add(_eid(i), reason="首次打印", order_id=f"ord-{i}", at=1_700_000_000 + i)
        row_id = outbox.enqueue(conn, "waybill", _eid(i), "ewaybill_create", {
            "ewaybill_order_id": _eid(i), "order_id": f"ord-{i}", "delivery_id": "YTO",
            "acct_id": "a", "delivery_name": "圆通速递"})
        outbox.mark_sending(conn, row_id)
        outbox.mark_done(conn, row_id)


def wreck_a_leaf(path, table: str) -> None:
    """Overwrite one leaf page of the table in the middle (not its root)."""
    conn = sqlite3.connect(path)
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    leaves = [r[0] for r in conn.execute(
        "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
        (table,))]
    conn.close()
    assert len(leaves) > 4, leaves
    with open(path, "r+b") as handle:
        handle.seek((leaves[len(leaves) // 2] - 1) * page)
        handle.write(b"\xde\xad\xbe\xef" * (page // 4))


def test_a_damaged_waybill_page_loses_only_its_rows_and_they_are_read_back(data_dir):
    with Store.open(data_dir) as store:
        store.writer.write_sync(_taken)
    wreck_a_leaf(data_dir / CACHE_NAME, "waybills")
    with pytest.raises(CorruptCache):
        Store.open(data_dir)

    result = rebuild_cache(data_dir)
    lost = result.shipping_unreadable
    assert 0 < lost < N and result.waybills == N - lost
    assert result.waybills_to_check == lost and result.shipping_lost == ()
    with Store.open(data_dir) as store:
        conn = store.reader()
        repo = WaybillRepo(conn)
        found = [repo.get(_eid(i)) for i in range(N)]
        assert all(w is not None for w in found)  # each order still shows its waybill
        requested = [w for w in found if w is not None and w.status == REQUESTED]
        assert len(requested) == lost
        for waybill in requested:  # and each of those is read from the server first
            (job,) = outbox.open_rows(conn, "waybill", waybill.ewaybill_order_id)
            assert (job.op, job.state) == ("ewaybill_create", "sending")
        assert outbox.pending_count(conn) == lost
        assert len(PrintLog(conn).entries()) == N  # its own pages: all of it
