"""Outbox order per entity, blocking on failure, editing failed rows, 'sending' across a crash."""

from __future__ import annotations

import pytest

from seller_desktop.store import Store, outbox
from seller_desktop.store.outbox import ClaimLost, OutboxError


def ids(rows) -> list[tuple[str, str, str]]:
    return [(r.entity, r.entity_id, r.op) for r in rows]


def fill(store: Store) -> dict[str, int]:
    def tx(conn):
        return {
            "p1-edit": outbox.enqueue(conn, "product", "p1", "edit", {"title": "一"}, base={"edit_time": 5}),
            "o1-note": outbox.enqueue(conn, "order", "o1", "merchant_note", {"order_id": "o1", "notes": "a"}),
            "p1-stock": outbox.enqueue(conn, "product", "p1", "stock_delta", {"delta": 3}),
            "p2-list": outbox.enqueue(conn, "product", "p2", "list", {"product_id": "p2"}),
        }
    return store.writer.write_sync(tx)


def test_only_the_oldest_open_row_of_each_entity_goes_out(store):
    rows = fill(store)
    batch = outbox.next_batch(store.reader())
    assert ids(batch) == [("product", "p1", "edit"), ("order", "o1", "merchant_note"),
                          ("product", "p2", "list")]
    assert batch[0].base == {"edit_time": 5}
    store.writer.write_sync(lambda c: outbox.mark_sending(c, rows["p1-edit"]))
    store.writer.write_sync(lambda c: outbox.mark_done(c, rows["p1-edit"]))
    assert ("product", "p1", "stock_delta") in ids(outbox.next_batch(store.reader()))


def test_a_failed_row_blocks_its_entity_only(store):
    rows = fill(store)
    store.writer.write_sync(lambda c: outbox.mark_sending(c, rows["p1-edit"]))
    store.writer.write_sync(lambda c: outbox.mark_failed(c, rows["p1-edit"], "标题违规"))
    batch = ids(outbox.next_batch(store.reader()))
    assert batch == [("order", "o1", "merchant_note"), ("product", "p2", "list")]
    failed = outbox.list_failed(store.reader())
    assert [(r.id, r.last_error, r.attempts) for r in failed] == [(rows["p1-edit"], "标题违规", 1)]
    # nothing the seller typed is dropped: the failed row is edited, then retried
    store.writer.write_sync(lambda c: outbox.update_payload(c, rows["p1-edit"], {"title": "二"}))
    store.writer.write_sync(lambda c: outbox.retry(c, rows["p1-edit"]))
    head = outbox.next_batch(store.reader())[0]
    assert (head.id, head.payload, head.state, head.base) == (rows["p1-edit"], {"title": "二"},
                                                               "pending", {"edit_time": 5})


def test_rows_being_sent_or_done_cannot_be_edited(store):
    rows = fill(store)
    store.writer.write_sync(lambda c: outbox.mark_sending(c, rows["o1-note"]))
    with pytest.raises(OutboxError):
        store.writer.write_sync(lambda c: outbox.update_payload(c, rows["o1-note"], {}))
    store.writer.write_sync(lambda c: outbox.mark_done(c, rows["o1-note"]))
    with pytest.raises(OutboxError):
        store.writer.write_sync(lambda c: outbox.retry(c, rows["o1-note"]))
    assert outbox.get(store.reader(), rows["o1-note"]).payload == {"order_id": "o1", "notes": "a"}


def test_sending_survives_a_restart(data_dir):
    with Store.open(data_dir) as first:
        rows = fill(first)
        first.writer.write_sync(lambda c: outbox.mark_sending(c, rows["o1-note"]))
    with Store.open(data_dir) as second:
        batch = outbox.next_batch(second.reader())
        sending = [r for r in batch if r.id == rows["o1-note"]]
        assert sending and sending[0].state == "sending" and sending[0].attempts == 1
        assert outbox.pending_count(second.reader()) == 4


def test_pending_count_and_conflict_state(store):
    rows = fill(store)
    store.writer.write_sync(lambda c: outbox.mark_conflict(c, rows["p2-list"], "冲突"))
    assert outbox.pending_count(store.reader()) == 4
    assert ("product", "p2", "list") not in ids(outbox.next_batch(store.reader()))
    store.writer.write_sync(lambda c: outbox.mark_done(c, rows["o1-note"]))
    assert outbox.pending_count(store.reader()) == 3


def test_unknown_entity_is_refused(store):
    with pytest.raises(ValueError):
        store.writer.write_sync(lambda c: outbox.enqueue(c, "shop", "1", "x", {}))


def test_a_claim_on_a_row_another_pusher_took_is_lost_and_changes_nothing(store):
    rows = fill(store)
    seen = outbox.get(store.reader(), rows["o1-note"])
    other = outbox.get(store.reader(), rows["o1-note"])  # a second pusher read the same row
    store.writer.write_sync(lambda c: outbox.mark_sending(c, seen.id, seen))
    with pytest.raises(ClaimLost):
        store.writer.write_sync(lambda c: outbox.mark_sending(c, other.id, other))
    store.writer.write_sync(lambda c: outbox.mark_done(c, seen.id))
    store.writer.write_sync(lambda c: outbox.mark_done(c, seen.id))  # completing twice: a no-op
    with pytest.raises(ClaimLost):
        store.writer.write_sync(lambda c: outbox.mark_sending(c, other.id, other))
    row = outbox.get(store.reader(), rows["o1-note"])
    assert (row.state, row.attempts) == ("done", 1)
