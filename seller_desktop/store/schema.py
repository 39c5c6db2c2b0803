"""The cache's tables, as SQL (migration 1, ``SCHEMA_V1``).

``migrations.py`` executes ``SCHEMA_V1``; later changes are new migrations, never edits of this
text once released. Tables: ``products``, ``skus``, ``orders`` (+ the ``order_lines`` view),
``parcels``, ``waybills``, ``print_log``, ``outbox``, ``conflicts``, ``watermarks``, and the
FTS5 trigram tables ``products_fts`` / ``orders_fts``. What each holds, why ``order_lines`` is a
view, how new orders are indexed, and why indexes are few: docs/architecture.md, "Store".
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
