"""Migration 2: after-sale cases, buyer requests, outbox scheduling, the address a label carries.

- ``aftersale_cases``: one row per case (``case_json`` = the server copy, ``store/codec`` style)
  with the columns the 售后 tabs filter, sort and search on: ``tab`` (seller / others / closed),
  ``actor``, ``holds`` (1: the order must not ship), ``deadline_at`` (unix s: the time the reply
  was read + its ``deadline``; 0 = none), ``amount`` (分), ``local_action`` (a seller action
  queued in the outbox, not yet confirmed: shown as "处理中").
- ``aftersale_history``: every status this app saw a case in, with when (the case's history as
  far as the cache knows it; the API has no history endpoint).
- ``buyer_requests``: one row per (order, kind) — ``address`` (修改地址) or ``sku`` (发货前换款) —
  ``state`` pending / accepted / rejected / gone, ``answer`` queued in the outbox.
- ``outbox``: rebuilt (SQLite cannot change a CHECK; ids and the id sequence kept) with the ``aftersale`` entity and
  ``not_before`` (unix s): a row the store asked to wait (the one-refund-per-order-per-minute
  rule) is not eligible before then.
- ``waybills.printed_address``: ``domain.guard.address_key`` of the address the waybill was taken
  for (the carrier has it) or, failing that, the one its label first printed with; a waybill
  whose order's address changed since is never printed, reprinted or shipped.
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
