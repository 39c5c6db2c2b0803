"""The cache's tables, as SQL: what each one holds and why.

Migration 1 (``migrations.py``) executes ``SCHEMA_V1``. Later changes are new migrations, never
edits of this text once released.

- ``products``: one row per product the seller has, keyed by ``product_id``: the server id, or
  ``local-<uuid>`` for a product created offline until the sync engine assigns the real one
  (``ProductRepo.assign_server_id``; ``local_id`` keeps the old key). ``draft_json`` is the
  draft the seller sees (the server draft with unsynced local edits applied);
  ``server_draft_json`` / ``online_json`` are the last server copies (the base of a merge).
  The flat columns (title, prices, stock…) exist for listing, sorting and filtering.
- ``skus``: one row per SKU of the displayed draft, for search by code and quick stock edits.
- ``orders``: one row per order; the full order as JSON plus the columns the tabs filter, sort
  and search on. Addresses are stored masked, as the API sends them; ``tel_last4`` is what a
  seller types to find an order by phone. ``gift_accepted_at`` / ``gift_expired_at`` record when
  this app first saw the gift change state.
- ``order_lines``: a VIEW over each order's ``lines`` array (``json_each``), with the columns
  a table would have (``order_id, idx, product_id, sku_id, title, sku_cnt, sale_price,
  real_price, sku_code, attrs, thumb_img, delivery_deadline``). A real table cost a sixth of
  the 50,000-order import (100,000 more rows, deleted and re-inserted on every change) to hold
  a copy of what ``order_json`` already has; reading one order's lines through the view is one
  primary-key lookup. (No query needs "orders containing product X" yet; that one would want
  a table or an index.)
- ``parcels``: the parcels shipped, from the server, plus ``local = 1`` rows for shipments
  made here and not yet confirmed (they are the overlay, see ``orders.py``).
- ``waybills``, ``print_log``: e-waybills taken for orders and every label print.
- ``outbox``: the seller's changes waiting to reach the server (see ``outbox.py``).
- ``conflicts``: fields edited here and on the server since the edit started.
- ``watermarks``: sync progress by key (update-time windows, cursors).
- ``products_fts`` / ``orders_fts``: external-content FTS5 tables, ``tokenize='trigram'``,
  kept in step with their content tables by triggers, except for INSERT into ``orders``: the
  only code that inserts orders, ``OrderRepo.upsert_many``, indexes its new rows with one
  ``INSERT … SELECT`` per chunk (with a per-row trigger the 50,000-order import took about
  twice as long). Queries of 1–2 characters do not use the FTS tables (see ``search.py``).

Indexes are few on purpose: each one costs every import (about 0.1 s per 50,000 orders). The
tabs sort through ``(status, ship_by = 0, ship_by, create_time)`` (to ship: the nearest
deadline first, none last), ``(status, create_time)``, and ``(create_time)`` for ``全部``.
"""

SCHEMA_V1 = """
CREATE TABLE products (
    product_id TEXT PRIMARY KEY,
    local_id TEXT UNIQUE,
    draft_json TEXT NOT NULL,
    server_draft_json TEXT,
    online_json TEXT,
    status INTEGER NOT NULL DEFAULT 0,
    edit_status INTEGER NOT NULL DEFAULT 0,
    edit_time INTEGER NOT NULL DEFAULT 0,
    title TEXT NOT NULL DEFAULT '',
    short_title TEXT NOT NULL DEFAULT '',
    sku_codes TEXT NOT NULL DEFAULT '',
    min_price INTEGER,
    max_price INTEGER,
    total_stock INTEGER NOT NULL DEFAULT 0,
    thumb_url TEXT NOT NULL DEFAULT '',
    has_local_changes INTEGER NOT NULL DEFAULT 0,
    has_conflict INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX products_status ON products(status, updated_at);

CREATE TABLE skus (
    product_id TEXT NOT NULL REFERENCES products(product_id)
        ON DELETE CASCADE ON UPDATE CASCADE,
    idx INTEGER NOT NULL,
    sku_id TEXT,
    sku_code TEXT NOT NULL DEFAULT '',
    attrs TEXT NOT NULL DEFAULT '',
    sale_price INTEGER NOT NULL,
    stock_num INTEGER NOT NULL,
    PRIMARY KEY (product_id, idx)
);
CREATE INDEX skus_sku_id ON skus(sku_id);

CREATE TABLE orders (
    order_id TEXT PRIMARY KEY,
    status INTEGER NOT NULL,
    create_time INTEGER NOT NULL,
    update_time INTEGER NOT NULL,
    ship_by INTEGER NOT NULL DEFAULT 0,
    is_gift INTEGER NOT NULL DEFAULT 0,
    gift_state INTEGER NOT NULL DEFAULT 0,
    present_order_id TEXT NOT NULL DEFAULT '',
    giver_openid TEXT NOT NULL DEFAULT '',
    present_note TEXT NOT NULL DEFAULT '',
    send_type INTEGER,
    gift_accepted_at INTEGER,
    gift_expired_at INTEGER,
    user_name TEXT NOT NULL DEFAULT '',
    tel_masked TEXT NOT NULL DEFAULT '',
    tel_last4 TEXT NOT NULL DEFAULT '',
    province TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    county TEXT NOT NULL DEFAULT '',
    address_text TEXT NOT NULL DEFAULT '',
    customer_notes TEXT NOT NULL DEFAULT '',
    merchant_notes TEXT NOT NULL DEFAULT '',
    line_titles TEXT NOT NULL DEFAULT '',
    order_price INTEGER NOT NULL DEFAULT 0,
    item_count INTEGER NOT NULL DEFAULT 0,
    has_local_changes INTEGER NOT NULL DEFAULT 0,
    order_json TEXT NOT NULL
);
CREATE INDEX orders_status_ship_by ON orders(status, (ship_by = 0), ship_by, create_time);
CREATE INDEX orders_status_create ON orders(status, create_time);
CREATE INDEX orders_create ON orders(create_time);

CREATE VIEW order_lines AS
SELECT o.order_id AS order_id, CAST(l.key AS INTEGER) AS idx,
       l.value ->> 0 AS product_id, l.value ->> 1 AS sku_id, l.value ->> 2 AS title,
       l.value ->> 3 AS sku_cnt, l.value ->> 4 AS sale_price, l.value ->> 5 AS real_price,
       l.value ->> 7 AS sku_code,
       (SELECT coalesce(group_concat((a.value ->> 0) || ':' || (a.value ->> 1), ' '), '')
          FROM json_each(l.value, '$[6]') AS a) AS attrs,
       l.value ->> 8 AS thumb_img, l.value ->> 9 AS delivery_deadline
FROM orders AS o, json_each(o.order_json, '$.lines') AS l;

CREATE TABLE parcels (
    order_id TEXT NOT NULL REFERENCES orders(order_id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    delivery_id TEXT NOT NULL,
    waybill_id TEXT NOT NULL,
    delivery_time INTEGER NOT NULL DEFAULT 0,
    items_json TEXT NOT NULL,
    local INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (order_id, idx)
) WITHOUT ROWID;
CREATE INDEX parcels_waybill ON parcels(waybill_id);

CREATE TABLE waybills (
    ewaybill_order_id TEXT PRIMARY KEY,
    order_id TEXT NOT NULL,
    delivery_id TEXT NOT NULL,
    delivery_name TEXT NOT NULL DEFAULT '',
    acct_id TEXT NOT NULL DEFAULT '',
    waybill_id TEXT NOT NULL DEFAULT '',
    status INTEGER NOT NULL DEFAULT 0,
    print_info TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL DEFAULT 0,
    printed_at INTEGER NOT NULL DEFAULT 0,
    print_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX waybills_order ON waybills(order_id);

CREATE TABLE print_log (
    id INTEGER PRIMARY KEY,
    time INTEGER NOT NULL,
    ewaybill_order_id TEXT NOT NULL,
    order_id TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    reprint INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX print_log_waybill ON print_log(ewaybill_order_id, time);

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entity TEXT NOT NULL CHECK (entity IN ('product', 'order', 'waybill')),
    entity_id TEXT NOT NULL,
    op TEXT NOT NULL,
    payload TEXT NOT NULL,
    base TEXT,
    state TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'sending', 'done', 'failed', 'conflict')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX outbox_open ON outbox(entity, entity_id, id) WHERE state != 'done';
CREATE INDEX outbox_state ON outbox(state);

CREATE TABLE conflicts (
    id INTEGER PRIMARY KEY,
    product_id TEXT NOT NULL,
    field TEXT NOT NULL,
    mine TEXT,
    theirs TEXT,
    base TEXT,
    outbox_id INTEGER,
    created_at INTEGER NOT NULL,
    resolved_at INTEGER,
    choice TEXT
);
CREATE INDEX conflicts_open ON conflicts(product_id) WHERE resolved_at IS NULL;

CREATE TABLE watermarks (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE VIRTUAL TABLE products_fts USING fts5(
    product_id, title, short_title, sku_codes,
    content='products', content_rowid='rowid', tokenize='trigram'
);
CREATE TRIGGER products_fts_ai AFTER INSERT ON products BEGIN
    INSERT INTO products_fts(rowid, product_id, title, short_title, sku_codes)
    VALUES (new.rowid, new.product_id, new.title, new.short_title, new.sku_codes);
END;
CREATE TRIGGER products_fts_ad AFTER DELETE ON products BEGIN
    INSERT INTO products_fts(products_fts, rowid, product_id, title, short_title, sku_codes)
    VALUES ('delete', old.rowid, old.product_id, old.title, old.short_title, old.sku_codes);
END;
CREATE TRIGGER products_fts_au AFTER UPDATE OF product_id, title, short_title, sku_codes
        ON products BEGIN
    INSERT INTO products_fts(products_fts, rowid, product_id, title, short_title, sku_codes)
    VALUES ('delete', old.rowid, old.product_id, old.title, old.short_title, old.sku_codes);
    INSERT INTO products_fts(rowid, product_id, title, short_title, sku_codes)
    VALUES (new.rowid, new.product_id, new.title, new.short_title, new.sku_codes);
END;

CREATE VIRTUAL TABLE orders_fts USING fts5(
    order_id, line_titles, user_name, address_text, tel_last4,
    customer_notes, merchant_notes, present_note,
    content='orders', content_rowid='rowid', tokenize='trigram'
);
CREATE TRIGGER orders_fts_ad AFTER DELETE ON orders BEGIN
    INSERT INTO orders_fts(orders_fts, rowid, order_id, line_titles, user_name, address_text,
                           tel_last4, customer_notes, merchant_notes, present_note)
    VALUES ('delete', old.rowid, old.order_id, old.line_titles, old.user_name,
            old.address_text, old.tel_last4, old.customer_notes, old.merchant_notes,
            old.present_note);
END;
CREATE TRIGGER orders_fts_au AFTER UPDATE OF line_titles, user_name, address_text, tel_last4,
        customer_notes, merchant_notes, present_note ON orders BEGIN
    INSERT INTO orders_fts(orders_fts, rowid, order_id, line_titles, user_name, address_text,
                           tel_last4, customer_notes, merchant_notes, present_note)
    VALUES ('delete', old.rowid, old.order_id, old.line_titles, old.user_name,
            old.address_text, old.tel_last4, old.customer_notes, old.merchant_notes,
            old.present_note);
    INSERT INTO orders_fts(rowid, order_id, line_titles, user_name, address_text, tel_last4,
                           customer_notes, merchant_notes, present_note)
    VALUES (new.rowid, new.order_id, new.line_titles, new.user_name, new.address_text,
            new.tel_last4, new.customer_notes, new.merchant_notes, new.present_note);
END;
"""
