"""How an ``Order`` becomes an ``orders`` row (bulk-import speed matters here).

``order_json`` is assembled from pre-encoded pieces (``json.encoder.encode_basestring``, the C
string encoder, for every text value) instead of building a dict and ``json.dumps``-ing it:
that was the largest single cost of the 50,000-order import (about half of the Python time).
The text has exactly the shape of ``codec.order_to_dict`` (a test holds the two together), so
``codec.order_from_dict`` reads it back.
"""

from __future__ import annotations

import re
from json.encoder import encode_basestring as q  # the C encoder: a JSON string literal

from ..domain.order import Order
from .codec import dumps, parcel_to_dict

COLUMNS = (
    "order_id", "status", "create_time", "update_time", "ship_by", "is_gift", "gift_state",
    "present_order_id", "giver_openid", "present_note", "send_type", "gift_accepted_at",
    "gift_expired_at", "user_name", "tel_masked", "tel_last4", "province", "city", "county",
    "address_text", "customer_notes", "merchant_notes", "line_titles", "order_price",
    "item_count", "has_local_changes",
)
_ALL = (*COLUMNS, "order_json")
INSERT = f"INSERT INTO orders ({', '.join(_ALL)}) VALUES ({', '.join('?' * len(_ALL))})"
_KEEP_FIRST_SEEN = ("gift_accepted_at", "gift_expired_at")
UPSERT = (
    f"{INSERT} ON CONFLICT(order_id) DO UPDATE SET "
    + ", ".join(
        f"{c} = coalesce(orders.{c}, excluded.{c})" if c in _KEEP_FIRST_SEEN else f"{c} = excluded.{c}"
        for c in _ALL[1:]
    )
)
INDEX_NEW = (  # see schema.py: new orders are indexed per chunk, not by a trigger
    "INSERT INTO orders_fts(rowid, order_id, line_titles, user_name, address_text, tel_last4,"
    " customer_notes, merchant_notes, present_note)"
    " SELECT rowid, order_id, line_titles, user_name, address_text, tel_last4, customer_notes,"
    " merchant_notes, present_note FROM orders WHERE rowid > ?"
)
INSERT_PARCEL = "INSERT INTO parcels VALUES (?, ?, ?, ?, ?, ?, ?)"


def _from_json(sql_head: str, width: int, tail: str = "") -> str:
    """``sql_head`` fed by one JSON array of rows (``json_each``) instead of ``executemany``.

    One statement for a whole batch: the sqlite3 module releases and re-takes the GIL around
    every row of ``executemany``, and on a busy event loop each re-take is a forced thread
    switch; one ``json_each`` statement releases it once for the batch.
    """
    values = ", ".join(f"value ->> {i}" for i in range(width))
    return f"{sql_head} SELECT {values} FROM json_each(?) WHERE true{tail}"


_INSERT_HEAD = f"INSERT INTO orders ({', '.join(_ALL)})"
INSERT_ROWS = _from_json(_INSERT_HEAD, len(_ALL))
UPSERT_ROWS = _from_json(_INSERT_HEAD, len(_ALL), UPSERT[len(INSERT):])
INSERT_PARCEL_ROWS = _from_json("INSERT INTO parcels", 7)

_NON_DIGITS = re.compile(r"\D")
_NO_ADDRESS = ("", "", "", "", "", "", "")
_NO_GIFT = (0, 0, "", "", "", None)


def _num(value: int | None) -> str:
    return "null" if value is None else f"{value:d}"


def order_json(o: Order) -> str:
    """``dumps(codec.order_to_dict(o))``, faster (same JSON value).

    ``:d`` formats ints (and IntEnum members) as numbers and refuses anything else.
    """
    a, g = o.address, o.gift
    lines = ",".join([
        f"[{q(ln.product_id)},{q(ln.sku_id)},{q(ln.title)},{ln.sku_cnt:d},"
        f"{ln.sale_price:d},{ln.real_price:d},"
        f"[{','.join([f'[{q(k)},{q(v)}]' for k, v in ln.sku_attrs])}],"
        f"{q(ln.sku_code)},{q(ln.thumb_img)},{ln.delivery_deadline:d}]"
        for ln in o.lines])
    address = "null" if a is None else (
        f'{{"user_name":{q(a.user_name)},"tel_number":{q(a.tel_number)},'
        f'"province":{q(a.province)},"city":{q(a.city)},"county":{q(a.county)},'
        f'"detail":{q(a.detail)},"postal_code":{q(a.postal_code)},'
        f'"house_number":{q(a.house_number)}}}')
    gift = "null" if g is None else (
        f"[{q(g.present_order_id)},{q(g.note)},{q(g.giver_openid)},{_num(g.send_type)}]")
    parcels = dumps([parcel_to_dict(p) for p in o.parcels]) if o.parcels else "[]"
    extra = dumps(o.extra) if o.extra else "{}"
    return (
        f'{{"order_id":{q(o.order_id)},"status":{o.status:d},'
        f'"create_time":{o.create_time:d},"update_time":{o.update_time:d},'
        f'"lines":[{lines}],"openid":{q(o.openid)},"address":{address},'
        f'"customer_notes":{q(o.customer_notes)},"merchant_notes":{q(o.merchant_notes)},'
        f'"parcels":{parcels},"product_price":{o.product_price:d},'
        f'"order_price":{o.order_price:d},"freight":{o.freight:d},'
        f'"pay_time":{o.pay_time:d},"ship_done_time":{o.ship_done_time:d},'
        f'"deliver_method":{o.deliver_method:d},"gift":{gift},"extra":{extra}}}'
    )


def order_params(o: Order, accepted_at: int | None, expired_at: int | None) -> tuple:
    """The parameters of ``INSERT`` / ``UPSERT`` for one order."""
    a, g, lines = o.address, o.gift, o.lines
    if a is not None:
        tel = a.tel_number
        last4 = tel[-4:] if tel[-4:].isdigit() else _NON_DIGITS.sub("", tel)[-4:]
        addr = (a.user_name, tel, last4, a.province, a.city, a.county,
                a.province + a.city + a.county + a.detail + a.house_number)
    else:
        addr = _NO_ADDRESS
    if g is not None:
        gift = (1, int(o.gift_state), g.present_order_id, g.giver_openid, g.note, g.send_type)
    else:
        gift = _NO_GIFT
    deadlines = [ln.delivery_deadline for ln in lines if ln.delivery_deadline]
    return (
        o.order_id, o.status, o.create_time, o.update_time, min(deadlines) if deadlines else 0,
        *gift, accepted_at, expired_at, *addr, o.customer_notes, o.merchant_notes,
        " / ".join([ln.title for ln in lines]), o.order_price, sum([ln.sku_cnt for ln in lines]),
        0, order_json(o),
    )


def parcel_params(o: Order) -> list[tuple]:
    oid = o.order_id
    return [(oid, i, p.delivery_id, p.waybill_id, p.delivery_time, dumps(parcel_to_dict(p)), 0)
            for i, p in enumerate(o.parcels)]
