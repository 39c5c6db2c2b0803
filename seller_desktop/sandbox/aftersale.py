"""The after-sale state machine: opening a case, every move between statuses, the platform's own
moves when a step's time runs out (the ``expire_due`` tick, on the sandbox clock), refunds and
the order side they keep consistent (per-line ``on_aftersale_sku_cnt`` /
``finish_aftersale_sku_cnt``, units refunded before shipment, status 200 when all is refunded).

The API endpoints (aftersale_routes.py), the scenario controls (aftersale_controls.py) and the
demo generator (demo_aftersale.py) all move cases through these functions, so a case always
bumps its own and its order's ``update_time``. A timeout fires at its own due time (not at the
request that noticed it), so one long clock advance plays a whole chain of timeouts in order.
"""

from __future__ import annotations

import heapq
from typing import Any

from .aftersale_data import (
    REFUNDED,
    TERMINAL,
    add_case,
    index,
    is_open,
    new_case,
    new_case_id,
    order_cases,
    set_due,
    touch_case,
)
from .core import ApiError, record, tick
from .delivery import SEND_GUARDS
from .order_wire import masked_address
from .orders import change_stock, touch, unshipped
from .state import Shop

MAX_APPLICATIONS = 5  # cases per order line (aftersale.md §1.5: "< 5 applications")
REFUND_SPACING = 60  # seconds between two refund calls on one order (10021059)

# refund_info.refund_reason (§1.4)
BY_MERCHANT_API, AUTO_UNSHIPPED, DISPUTE, PLATFORM_FORCED, SELLER_LATE, RECEIPT_LATE = \
    3, 4, 5, 6, 9, 11


class CaseError(ValueError):
    """A case cannot be opened or moved as asked: ``code`` is the API errcode to answer."""

    def __init__(self, code: int, msg: str) -> None:
        super().__init__(msg)
        self.code = code


# ---- the order side ----------------------------------------------------------------------

def line_units(shop: Shop, order: dict[str, Any], line_no: int) -> dict[str, int]:
    """Units of one line: ``unshipped_free`` (not shipped, not in a case: a refund before
    shipment), ``shipped_free`` (shipped, not in a case: a return, exchange or refund after
    shipment), ``open`` / ``done`` (in open / refunded cases), ``cases`` (applications)."""
    open_pre = open_post = done = done_post = cases = 0
    for case in order_cases(shop, order["order_id"]):
        if case["_line"] != line_no:
            continue
        cases += 1
        count = case["product_info"]["count"]
        if is_open(case):
            open_pre += count if case["_pre_shipment"] else 0
            open_post += 0 if case["_pre_shipment"] else count
        elif case["status"] in REFUNDED:
            done += count
            done_post += 0 if case["_pre_shipment"] else count
    line = order["lines"][line_no]
    left = max(0, unshipped(order).get((line["product_id"], line["sku_id"]), 0))
    shipped = line["sku_cnt"] - line.get("refunded_unshipped", 0) - left
    return {"unshipped_free": max(0, left - open_pre),
            "shipped_free": max(0, shipped - open_post - done_post),
            "open": open_pre + open_post, "done": done, "cases": cases}


def free_units(units: dict[str, int], case_type: str) -> tuple[int, bool]:
    """(units a new case of this type may cover, whether they are unshipped). A refund takes
    unshipped units first; a return or exchange needs shipped ones."""
    if case_type == "REFUND" and units["unshipped_free"]:
        return units["unshipped_free"], True
    return units["shipped_free"], False


def sync_order(shop: Shop, order: dict[str, Any], t: int) -> None:
    """Recompute the order's after-sale fields from its cases; return refunded unshipped stock;
    cancel (200) an order whose every unit was refunded; bump its ``update_time`` to ``t``."""
    cases = order_cases(shop, order["order_id"])
    for i, line in enumerate(order["lines"]):
        mine = [c for c in cases if c["_line"] == i]
        line["on_aftersale_sku_cnt"] = sum(c["product_info"]["count"] for c in mine if is_open(c))
        line["finish_aftersale_sku_cnt"] = sum(c["product_info"]["count"] for c in mine
                                               if c["status"] in REFUNDED)
        before = line.get("refunded_unshipped", 0)
        after = sum(c["product_info"]["count"] for c in mine
                    if c["status"] in REFUNDED and c["_pre_shipment"])
        if after != before:
            line["refunded_unshipped"] = after
            change_stock(shop, line["product_id"], line["sku_id"], after - before)
    order["aftersale"] = {"ids": [c["after_sale_order_id"] for c in cases],
                          "open": sum(1 for c in cases if is_open(c))}
    if order["status"] in (20, 21, 30, 100) and all(
            ln["finish_aftersale_sku_cnt"] >= ln["sku_cnt"] for ln in order["lines"]):
        order["status"] = 200  # 全部商品售后之后，订单取消 (cancel_type 3)
        record(shop, "aftersale.order_cancelled", order_id=order["order_id"])
    elif order["status"] == 21 and all(n <= 0 for n in unshipped(order).values()):
        order["status"] = 30  # what was left unshipped was refunded: the order is all shipped
        order["ship_done_time"] = t
    touch(shop, order, t)


# ---- opening and moving ------------------------------------------------------------------

def open_case(shop: Shop, order: dict[str, Any], line_no: int, case_type: str, count: int,
              t: int, reason: str = "10000000", desc: str = "", amount: int | None = None,
              media: list[str] | None = None, new_sku: dict[str, Any] | None = None,
              need_negotiation: bool | None = None,
              platform_may_refund: bool = True) -> dict[str, Any]:
    """The buyer applies (aftersale.md §1.5 rules); the case waits on the seller (unless the
    platform's switch refunds a refund-only case before shipment at once)."""
    if order["status"] not in (20, 21, 30, 100):
        raise CaseError(10021088, f"order {order['order_id']} (status {order['status']}) "
                        "is not eligible for after-sale")
    if not 0 <= line_no < len(order["lines"]):
        raise CaseError(40097, f"order {order['order_id']} has no line {line_no}")
    units = line_units(shop, order, line_no)
    line = order["lines"][line_no]
    if units["cases"] >= MAX_APPLICATIONS:
        raise CaseError(10021043, "当前商品不支持售后: too many applications on this item")
    free, pre_shipment = free_units(units, case_type)
    if not 1 <= count <= free:
        raise CaseError(10021043, f"当前商品不支持售后: {free} unit(s) of this item can be "
                        f"applied for in a {case_type} case"
                        + ("" if case_type == "REFUND" else " (it needs shipped goods)"))
    share = line["real_price"] * count // line["sku_cnt"]
    rest_refunded = all(ln["sku_cnt"] == ln.get("finish_aftersale_sku_cnt", 0)
                        for j, ln in enumerate(order["lines"]) if j != line_no)
    if (pre_shipment and not order["parcels"] and rest_refunded
            and units["done"] + count == line["sku_cnt"]):
        share += order["freight"]  # nothing shipped: freight goes back with the last item
    if amount is None:
        amount = share
    if not 0 < amount <= share:
        raise CaseError(10021046, f"amount must be 1..{share} 分")
    case = new_case(new_case_id(shop), order, line_no, case_type, count, amount, reason, desc,
                    t, pre_shipment, media, receive_product=not pre_shipment)
    if case_type == "EXCHANGE":
        if new_sku is None:
            raise CaseError(40097, "an exchange needs the SKU the buyer wants")
        case["exchange_product_info"] = {
            "product_id": line["product_id"], "old_sku_id": line["sku_id"],
            "new_sku_id": str(new_sku["sku_id"]), "old_sku_price": line["sale_price"],
            "new_sku_price": int(new_sku["sale_price"]),
            "old_sku_code": line["snap"].get("sku_code", ""),
            "new_sku_code": new_sku.get("sku_code", ""), "product_cnt": count}
    if need_negotiation is None:
        need_negotiation = shop.config.aftersale_reject_needs_negotiation
    case["_need_negotiation"] = bool(need_negotiation)
    case["_max_amount"] = share
    case["status"] = "MERCHANT_PROCESSING"
    add_case(shop, case)
    set_due(shop, case, t + shop.config.aftersale_seller_review)
    record(shop, "aftersale.open", after_sale_order_id=case["after_sale_order_id"],
           order_id=order["order_id"], type=case_type)
    sync_order(shop, order, t)
    if (case_type == "REFUND" and pre_shipment and platform_may_refund
            and shop.config.aftersale_auto_refund_unshipped):
        refund(shop, case, AUTO_UNSHIPPED, t, by_merchant=False)
    return case


def move(shop: Shop, case: dict[str, Any], status: str, t: int, due: int = 0,
         op: str = "aftersale.move") -> None:
    """Put the case in ``status`` at time ``t`` with its next timeout at ``due`` (0: none)."""
    case["status"] = status
    set_due(shop, case, 0 if status in TERMINAL else due)
    touch_case(shop, case, t)
    record(shop, op, after_sale_order_id=case["after_sale_order_id"], status=status)
    sync_order(shop, shop.orders[case["order_id"]], t)


def refund(shop: Shop, case: dict[str, Any], cause: int, t: int, by_merchant: bool) -> None:
    """Pay the buyer back: the case ends refunded (or, when the switch says so and the seller
    asked for it, in PLATFORM_REFUND_FAIL, waiting for an offline refund and its proof)."""
    case["refund_info"]["refund_reason"] = cause
    if by_merchant and shop.config.aftersale_refund_fails:
        case["refund_resp"] = {"code": "FAIL", "ret": -1, "message": "退款失败：商户号余额不足"}
        move(shop, case, "PLATFORM_REFUND_FAIL", t, t + shop.config.aftersale_seller_review)
        return
    case["refund_resp"] = {"code": "SUCCESS", "ret": 0, "message": "退款成功"}
    case["complete_time"] = t
    done = "MERCHANT_REFUND_SUCCESS" if case["type"] == "REFUND" else "MERCHANT_RETURN_SUCCESS"
    if case["type"] == "EXCHANGE":
        case["type"] = "RETURN"  # an exchange the platform settles by refunding becomes a return
    move(shop, case, done, t, op="aftersale.refund")


def wait_return(shop: Shop, case: dict[str, Any], address_id: str, t: int) -> None:
    """Return / exchange accepted: the buyer has ``aftersale_return_window`` to ship it back."""
    case["_address_id"] = address_id
    move(shop, case, "USER_WAIT_RETURN", t, t + shop.config.aftersale_return_window)


def reject(shop: Shop, case: dict[str, Any], status: str, text: str, t: int) -> None:
    case["merchant_upload_info"]["reject_reason"] = text
    move(shop, case, status, t, t + shop.config.aftersale_escalate_window)


def buyer_returns(shop: Shop, case: dict[str, Any], delivery: dict[str, str], t: int) -> None:
    case["return_info"] = dict(delivery)
    move(shop, case, "MERCHANT_WAIT_RECEIPT", t, t + shop.config.aftersale_receipt_window)


def reship(shop: Shop, case: dict[str, Any], delivery: dict[str, str], t: int) -> None:
    order = shop.orders[case["order_id"]]
    address = order.get("real_address")
    case["exchange_delivery_info"] = {
        **delivery, "address_info": masked_address(address) if address else {}}
    swap = case["exchange_product_info"]
    if swap:  # the new goods leave the warehouse
        change_stock(shop, swap["product_id"], swap["new_sku_id"], -swap["product_cnt"])
    move(shop, case, "USER_WAIT_RECEIPT", t, t + shop.config.aftersale_receipt_window)


def back_to_seller(shop: Shop, case: dict[str, Any], t: int) -> None:
    """A negotiation ended without the buyer agreeing: the seller answers again (and may now
    reject a case that needed a negotiation first)."""
    case["_proposal"] = None
    case["_negotiated"] = True
    move(shop, case, "MERCHANT_PROCESSING", t, t + shop.config.aftersale_seller_review)


def buyer_agrees(shop: Shop, case: dict[str, Any], t: int) -> None:
    """The buyer accepts the seller's negotiation (README decisions)."""
    proposal = case["_proposal"] or {}
    case["_proposal"] = None
    case["_negotiated"] = True
    if proposal.get("merchant_update_type") == 1:  # agreed: the buyer withdraws the case
        cancel(shop, case, t)
        return
    if proposal.get("new_after_sale_amount"):
        case["refund_info"]["amount"] = proposal["new_after_sale_amount"]
    if proposal.get("new_after_sale_type") == 1:
        case["type"] = "REFUND"
        refund(shop, case, BY_MERCHANT_API, t, by_merchant=False)
    else:
        if proposal.get("new_after_sale_type") == 2:
            case["type"] = "RETURN"
        move(shop, case, "MERCHANT_PROCESSING", t, t + shop.config.aftersale_seller_review)


def cancel(shop: Shop, case: dict[str, Any], t: int) -> None:
    case["details"]["cancel_time"] = t
    case["_proposal"] = None
    move(shop, case, "USER_CANCELD", t, op="aftersale.cancel")


def escalate(shop: Shop, case: dict[str, Any], t: int) -> None:
    """The buyer opens a dispute (纠纷单) on a rejected / closed case; the platform decides."""
    case["_dispute"] = True
    case["complaint_id"] = f"8{int(case['after_sale_order_id']) % 10**15:015d}"
    move(shop, case, case["status"], t, op="aftersale.escalate")


def rule(shop: Shop, case: dict[str, Any], for_buyer: bool, t: int) -> None:
    """The platform's ruling on a dispute: refund (cause 5) or close the case (MERCHANT_FAIL)."""
    case["_dispute"] = False
    if for_buyer:
        refund(shop, case, DISPUTE, t, by_merchant=False)
    else:
        move(shop, case, "MERCHANT_FAIL", t, op="aftersale.ruling")


def refund_everything(shop: Shop, order: dict[str, Any], t: int) -> None:
    """The platform refunds the whole order (cause 6, forced): its open cases, then a refund
    case for every unit not yet refunded; the order ends 200 (forced if a line was out of
    applications)."""
    for case in order_cases(shop, order["order_id"]):
        if case["status"] not in TERMINAL and case["status"] != "PLATFORM_REFUND_FAIL":
            case["_dispute"] = False
            refund(shop, case, PLATFORM_FORCED, t, by_merchant=False)
    for line_no in range(len(order["lines"])):
        for _ in range(2):  # unshipped units, then shipped ones
            units = line_units(shop, order, line_no)
            count, _pre = free_units(units, "REFUND")
            if not count or order["status"] == 200 or units["cases"] >= MAX_APPLICATIONS:
                break
            case = open_case(shop, order, line_no, "REFUND", count, t, reason="10000014",
                             need_negotiation=False, platform_may_refund=False)
            refund(shop, case, PLATFORM_FORCED, t, by_merchant=False)
    if order["status"] != 200:
        order["status"] = 200
        touch(shop, order, t)


# ---- the platform's own moves when time runs out -----------------------------------------

def default_return_address(shop: Shop) -> str:
    recv = [a for a in shop.merchant_addresses.values() if a.get("recv_addr")]
    recv.sort(key=lambda a: (not a.get("default_recv"), a["create_time"], a["address_id"]))
    return recv[0]["address_id"] if recv else ""


def on_due(shop: Shop, case: dict[str, Any], t: int) -> None:
    status, kind = case["status"], case["type"]
    if status == "MERCHANT_PROCESSING":
        if kind == "REFUND":
            refund(shop, case, SELLER_LATE, t, by_merchant=False)
        else:  # unanswered returns are accepted with the default return address
            wait_return(shop, case, default_return_address(shop), t)
    elif status == "USER_WAIT_RETURN":
        move(shop, case, "RETURN_CLOSED", t, t + shop.config.aftersale_escalate_window)
    elif status == "MERCHANT_WAIT_RECEIPT":
        refund(shop, case, RECEIPT_LATE, t, by_merchant=False)
    elif status == "USER_WAIT_CONFIRM_UPDATE":
        back_to_seller(shop, case, t)
    elif status == "USER_WAIT_RECEIPT":
        case["complete_time"] = t
        move(shop, case, "MERCHANT_EXCHANGE_SUCCESS", t)
    elif status == "USER_WAIT_HANDLE_MERCHANT_AFTER_SALE":  # the buyer never answered
        cancel(shop, case, t)
    elif status == "PLATFORM_REFUND_FAIL":
        move(shop, case, "MERCHANT_OVERDUE_REFUND", t)
    elif status in ("MERCHANT_REJECT_REFUND", "MERCHANT_REJECT_RETURN",
                    "MERCHANT_REJECT_EXCHANGE", "MERCHANT_REJECT_RESHIP", "RETURN_CLOSED"):
        if not case["_dispute"]:
            case["details"]["cancel_time"] = t
            move(shop, case, "USER_CANCELD", t)


@tick
def expire_due(shop: Shop) -> None:
    """Fire every step whose time ran out, in due-time order (a stale heap entry, whose case
    moved on since, is dropped)."""
    heap = index(shop)["due"]
    now = shop.clock.now()
    while heap and heap[0][0] <= now:
        due, cid = heapq.heappop(heap)
        case = shop.aftersales.get(cid)
        if case is not None and case["_due"] == due:
            case["_due"] = 0
            on_due(shop, case, due)


def check_refund_rate(shop: Shop, order_id: str, now: int) -> None:
    """One refund call per order per minute, across its cases (10021059)."""
    last = shop.counters.get(f"aftersale.refund_call.{order_id}")
    if last is not None and now - last < REFUND_SPACING:
        raise CaseError(10021059, "refund requests too frequent, 1 per order per minute")


def note_refund_call(shop: Shop, order_id: str, now: int) -> None:
    shop.counters[f"aftersale.refund_call.{order_id}"] = now


def _no_open_case(shop: Shop, order: dict[str, Any]) -> None:
    """delivery/send refuses an order while any of its lines is in an open case."""
    if (order.get("aftersale") or {}).get("open"):
        raise ApiError(108009, "订单在售后中，不允许发货")


SEND_GUARDS.append(_no_open_case)
