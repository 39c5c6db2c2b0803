"""Migration 2: after-sale cases, buyer requests, outbox scheduling, the address a label carries.

Adds ``aftersale_cases`` (the server copy + the columns the 售后 tabs use), ``aftersale_history``
(every status this app saw a case in), ``buyer_requests`` (one row per order and kind), rebuilds
``outbox`` with the ``aftersale`` entity and ``not_before``, and adds
``waybills.printed_address`` (the shipping guard's label address). Each column:
docs/architecture.md, "Store".
"""

SCHEMA_V2 = """
CREATE TABLE aftersale_cases (
    case_id TEXT PRIMARY KEY,
    order_id TEXT NOT NULL,
    type TEXT NOT NULL,
    status TEXT NOT NULL,
    tab TEXT NOT NULL,
    actor TEXT NOT NULL,
    holds INTEGER NOT NULL DEFAULT 0,
    amount INTEGER NOT NULL DEFAULT 0,
    deadline_at INTEGER NOT NULL DEFAULT 0,
    reason_text TEXT NOT NULL DEFAULT '',
    buyer_desc TEXT NOT NULL DEFAULT '',
    create_time INTEGER NOT NULL DEFAULT 0,
    update_time INTEGER NOT NULL DEFAULT 0,
    seen_at INTEGER NOT NULL DEFAULT 0,
    local_action TEXT NOT NULL DEFAULT '',
    case_json TEXT NOT NULL
);
CREATE INDEX aftersale_tab ON aftersale_cases(tab, (deadline_at = 0), deadline_at, update_time);
CREATE INDEX aftersale_order ON aftersale_cases(order_id);

CREATE TABLE aftersale_history (
    case_id TEXT NOT NULL,
    time INTEGER NOT NULL,
    status TEXT NOT NULL,
    PRIMARY KEY (case_id, time, status)
) WITHOUT ROWID;

CREATE TABLE buyer_requests (
    order_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('address', 'sku')),
    state TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'accepted', 'rejected', 'gone')),
    apply_time INTEGER NOT NULL DEFAULT 0,
    new_address_text TEXT NOT NULL DEFAULT '',
    seen_at INTEGER NOT NULL DEFAULT 0,
    resolved_at INTEGER NOT NULL DEFAULT 0,
    answer TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (order_id, kind)
) WITHOUT ROWID;
CREATE INDEX buyer_requests_state ON buyer_requests(state, apply_time);

CREATE TABLE outbox_v2 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entity TEXT NOT NULL CHECK (entity IN ('product', 'order', 'waybill', 'aftersale')),
    entity_id TEXT NOT NULL,
    op TEXT NOT NULL,
    payload TEXT NOT NULL,
    base TEXT,
    state TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'sending', 'done', 'failed', 'conflict')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    not_before INTEGER NOT NULL DEFAULT 0
);
INSERT INTO outbox_v2 (id, entity, entity_id, op, payload, base, state, attempts, last_error,
                       created_at, updated_at)
    SELECT id, entity, entity_id, op, payload, base, state, attempts, last_error, created_at,
           updated_at FROM outbox;
INSERT INTO sqlite_sequence (name, seq)
    SELECT 'outbox_v2', seq FROM sqlite_sequence WHERE name = 'outbox'
    AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'outbox_v2');
UPDATE sqlite_sequence
    SET seq = (SELECT max(seq) FROM sqlite_sequence WHERE name IN ('outbox', 'outbox_v2'))
    WHERE name = 'outbox_v2';
DROP TABLE outbox;
ALTER TABLE outbox_v2 RENAME TO outbox;
CREATE INDEX outbox_open ON outbox(entity, entity_id, id) WHERE state != 'done';
CREATE INDEX outbox_state ON outbox(state);

ALTER TABLE waybills ADD COLUMN printed_address TEXT NOT NULL DEFAULT '';
"""
