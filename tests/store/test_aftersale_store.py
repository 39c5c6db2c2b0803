"""The after-sales part of the cache: migration 2 on a file with unsynced work, the case and
request repositories, the 售后 screen's queries, and the outbox's ``not_before``."""

from __future__ import annotations

import sqlite3

from seller_desktop.domain.aftersale import AfterSaleCase
from seller_desktop.store import Store, outbox
from seller_desktop.store import aftersale_queries as q
from seller_desktop.store.aftersale import CaseRepo
from seller_desktop.store.migrations import MIGRATIONS

T0 = 1_800_000_000


def _case(cid: str, status: str, deadline: int = 0, update: int = T0, order: str = "37001",
          desc: str = "") -> AfterSaleCase:
    return AfterSaleCase(cid, order, "REFUND", status, T0, update, amount=990,
                         deadline=deadline, reason_text="不想要了", buyer_desc=desc)


def test_migration_2_keeps_the_unsynced_outbox_and_its_ids(data_dir):
    with Store.open(data_dir, migrations=MIGRATIONS[:1]) as old:
        def seed(conn: sqlite3.Connection) -> None:
            for n in range(3):
                outbox.enqueue(conn, "order", "37001", "merchant_note",
                               {"order_id": "37001", "notes": f"n{n}"})
            conn.execute("DELETE FROM outbox WHERE id = 3")  # the sequence stays at 3
        old.writer.write_sync(seed)
    with Store.open(data_dir) as new:
        conn = new.reader()
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        rows = outbox.open_rows(conn, "order", "37001")
        assert [(r.id, r.payload["notes"]) for r in rows] == [(1, "n0"), (2, "n1")]
        fresh = new.writer.write_sync(
            lambda c: outbox.enqueue(c, "aftersale", "2000000000000001", "accept", {}))
        assert fresh == 4  # an id once used is never handed out again
    assert len(list(data_dir.glob("*.bak"))) == 1  # copied before migrating


def test_not_before_keeps_a_row_back_without_failing_it(store):
    def tx(conn: sqlite3.Connection) -> int:
        row = outbox.enqueue(conn, "aftersale", "c1", "accept", {"case_id": "c1"})
        outbox.mark_sending(conn, row)
        outbox.reschedule(conn, row, T0 + 61)
        return row
    row = store.writer.write_sync(tx)
    conn = store.reader()
    assert outbox.next_batch(conn, at=T0) == []
    assert [r.id for r in outbox.next_batch(conn, at=T0 + 61)] == [row]
    assert outbox.get(conn, row).state == "pending" and outbox.list_failed(conn) == []


def test_tabs_order_counts_and_search(store):
    cases = [_case("c-late", "MERCHANT_PROCESSING", deadline=9000),
             _case("c-soon", "MERCHANT_PROCESSING", deadline=60, desc="尺码偏小"),
             _case("c-none", "MERCHANT_WAIT_RECEIPT"),
             _case("c-buyer", "USER_WAIT_RETURN", deadline=500),
             _case("c-done", "MERCHANT_REFUND_SUCCESS", update=T0 + 5)]
    store.writer.write_sync(lambda conn: CaseRepo(conn).upsert_many(cases, T0))
    conn = store.reader()
    assert q.tab_counts(conn) == {"seller": 3, "others": 1, "closed": 1, "requests": 0}
    assert [r.case_id for r in q.list_cases(conn, "seller")] == ["c-soon", "c-late", "c-none"]
    assert [r.case_id for r in q.list_cases(conn, "seller", search="尺码")] == ["c-soon"]
    assert q.count_cases(conn, "seller", "c-") == 3 and q.count_cases(conn, None) == 5
    assert q.list_cases(conn, "seller", search="100%_") == []  # LIKE wildcards are literal
    soon = q.list_cases(conn, "seller")[0]
    assert soon.seconds_left(T0 + 10) == 50 and soon.status_label == "待商家处理"


def test_an_older_copy_never_replaces_a_newer_one(store):
    repo_write = store.writer.write_sync
    repo_write(lambda c: CaseRepo(c).upsert_many([_case("c1", "MERCHANT_REFUND_SUCCESS",
                                                        update=T0 + 50)], T0 + 50))
    result = repo_write(lambda c: CaseRepo(c).upsert_many(
        [_case("c1", "MERCHANT_PROCESSING", update=T0)], T0 + 60))
    assert result.touched == []
    assert CaseRepo(store.reader()).get("c1").status == "MERCHANT_REFUND_SUCCESS"
