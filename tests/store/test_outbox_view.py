"""The rows the 失败的修改 panel lists: failed ones with their reason, and the rows waiting
behind a failed or conflicting row of the same entity (never silently)."""

from __future__ import annotations

from seller_desktop.store import outbox, outbox_view


def test_failed_rows_and_the_rows_behind_them(store):
    def tx(conn):
        ids = {
            "stock": outbox.enqueue(conn, "product", "p1", "stock_delta",
                                    {"product_id": "p1", "sku_id": "s1", "delta": 7}),
            "edit": outbox.enqueue(conn, "product", "p1", "edit", {"title": "新"}),
            "other": outbox.enqueue(conn, "product", "p2", "list", {"product_id": "p2"}),
            "note": outbox.enqueue(conn, "order", "o1", "merchant_note",
                                   {"order_id": "o1", "notes": "n"}),
            "ship": outbox.enqueue(conn, "order", "o1", "ship", {"order_id": "o1"}),
        }
        outbox.mark_failed(conn, ids["stock"], "修改库存（p1）失败：库存不足")
        outbox.mark_conflict(conn, ids["note"], "冲突")
        return ids

    ids = store.writer.write_sync(tx)
    rows = {r.row_id: r for r in outbox_view.attention_rows(store.reader())}
    assert set(rows) == {ids["stock"], ids["edit"], ids["ship"]}  # p2 is not held up
    assert rows[ids["stock"]].state == outbox_view.FAILED
    assert rows[ids["stock"]].payload["delta"] == 7
    assert (rows[ids["edit"]].state, rows[ids["edit"]].behind, rows[ids["edit"]].reason) == (
        outbox_view.BLOCKED, ids["stock"], "修改库存（p1）失败：库存不足")
    assert rows[ids["ship"]].state == outbox_view.BEHIND_CONFLICT
    assert rows[ids["ship"]].order_id == "o1"
    assert outbox.blocked_count(store.reader()) == 2
