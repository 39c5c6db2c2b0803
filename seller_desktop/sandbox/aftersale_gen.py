"""Cases the seller opens for the buyer (代用户发起售后, aftersale.md §2 ``genaftersaleorder``):
e.g. an item out of stock. The case waits in USER_WAIT_HANDLE_MERCHANT_AFTER_SALE until the
buyer agrees (a refund is paid, a return waits for the parcel) or refuses; a buyer who does not
answer within ``aftersale_buyer_window`` leaves it cancelled (aftersale.py ``on_due``).

Decisions: the reply carries both ``after_sale_order_id`` (string) and ``aftersale_id``
(number); ``request_id`` is an idempotency key: the same request again answers the same case,
the same key with another request is 10021089. Errors: order not found 10021085, an order or
line not eligible 10021088 / 10021043, an unknown reason 10021084, RETURN without / with a
wrong ``address_id`` 10021060 / 10021062.
"""

from __future__ import annotations

import json
from typing import Any

from . import aftersale as sm
from .aftersale_data import index
from .core import ApiError, Request, body_dict, field_int, field_str, record, route
from .state import Shop

GEN_REASONS = frozenset({"10000014", "10000002", "10000000", "10000001", "10000006",
                         "10000021", "10000007", "10000015", "10000017", "10000008"})


def _requests(shop: Shop) -> dict[str, str]:
    """request_id → case id, rebuilt from the cases when the index was rebuilt."""
    ix = index(shop)
    if "requests" not in ix:
        ix["requests"] = {c["_request_id"]: cid for cid, c in shop.aftersales.items()
                          if c.get("_request_id")}
    return ix["requests"]


def _reply(cid: str) -> dict[str, Any]:
    return {"after_sale_order_id": cid, "aftersale_id": int(cid)}


@route("/channels/ec/aftersale/genaftersaleorder")
def gen_case(shop: Shop, req: Request) -> dict[str, Any]:
    body = body_dict(req)
    request_id = field_str(body, "request_id") or ""
    order_id = field_str(body, "order_id") or ""
    product_id, sku_id = field_str(body, "product_id"), field_str(body, "sku_id")
    count, amount = field_int(body, "count"), field_int(body, "amount")
    reason = field_str(body, "reason") or ""
    kind = field_str(body, "type") or ""
    address_id = field_str(body, "address_id", required=False) or ""
    desc = body.get("desc", "")
    if not isinstance(desc, str):
        raise ApiError(47001, "data format error, field \"desc\" does't expect this value type")
    fingerprint = json.dumps([order_id, product_id, sku_id, count, amount, reason, kind,
                              address_id, desc], ensure_ascii=False)
    known = _requests(shop).get(request_id)
    if known is not None:
        if shop.aftersales[known].get("_request_key") != fingerprint:
            raise ApiError(10021089, "request_id already used")
        return _reply(known)  # a replay of the same request: the same case
    if kind not in ("REFUND", "RETURN"):
        raise ApiError(40097, "invalid args, type must be REFUND or RETURN")
    if reason not in GEN_REASONS:
        raise ApiError(10021084, f"reason {reason} is not allowed here")
    order = shop.orders.get(order_id)
    if order is None:
        raise ApiError(10021085, "order lookup failed")
    if kind == "RETURN":
        if not address_id:
            raise ApiError(10021060, "退货需要传入收货地址的address_id")
        address = shop.merchant_addresses.get(address_id)
        if address is None or not address.get("recv_addr"):
            raise ApiError(10021062, "address_id is not a return address of this shop")
    line_no = next((i for i, ln in enumerate(order["lines"])
                    if ln["product_id"] == product_id and ln["sku_id"] == sku_id), None)
    if line_no is None:
        raise ApiError(10021043, "当前商品不支持售后: the item is not in this order")
    now = shop.clock.now()
    try:
        case = sm.open_case(shop, order, line_no, kind, count or 0, now, reason=reason,
                            desc=desc, amount=amount, need_negotiation=False,
                            platform_may_refund=False)
    except sm.CaseError as exc:
        raise ApiError(exc.code, str(exc)) from None
    case.update(gen_scene=2, _request_id=request_id, _request_key=fingerprint,
                _address_id=address_id)
    sm.move(shop, case, "USER_WAIT_HANDLE_MERCHANT_AFTER_SALE", now,
            now + shop.config.aftersale_buyer_window)
    _requests(shop)[request_id] = case["after_sale_order_id"]
    record(shop, req.path, after_sale_order_id=case["after_sale_order_id"], order_id=order_id)
    return _reply(case["after_sale_order_id"])


def buyer_answers(shop: Shop, case: dict[str, Any], agree: bool, t: int) -> None:
    """The buyer agrees to (or refuses) a case the seller opened for them."""
    if not agree:
        sm.cancel(shop, case, t)
    elif case["type"] == "REFUND":
        sm.refund(shop, case, sm.BY_MERCHANT_API, t, by_merchant=False)
    else:
        sm.wait_return(shop, case, case["_address_id"], t)
