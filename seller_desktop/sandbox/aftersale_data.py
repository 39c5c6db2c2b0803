"""After-sale facts (aftersale.md §1.3–§2): statuses and who acts in each, the buyer reason list,
the reject reasons by scene, the negotiation reasons; the case record and its wire shape; the
case indexes (``shop.index["aftersale"]``: by update and create time, deadlines, cases by order).

A case record is the §1.2 ``after_sale_order`` with its wire names, plus internal keys that start
with ``_`` (never sent): ``_due`` (absolute sandbox time the current step times out, 0 none),
``_line`` (index of the order line), ``_pre_shipment`` (the units had not shipped when opened),
``_need_negotiation``, ``_negotiated``, ``_dispute``, ``_proposal`` (a negotiation waiting for
the buyer), ``_address_id`` (the return address the seller chose), ``_max_amount`` (the most
the case may refund, 分), ``_request_id`` / ``_request_key`` (a genaftersaleorder's idempotency
key and request, aftersale_gen.py).
"""

from __future__ import annotations

import bisect
import copy
import heapq
from typing import Any

from .state import Shop

# status -> who must act next (aftersale.md §1.3); "-" = terminal
WHO: dict[str, str] = {
    "MERCHANT_PROCESSING": "seller", "USER_WAIT_RETURN": "buyer",
    "MERCHANT_WAIT_RECEIPT": "seller", "USER_WAIT_CONFIRM": "buyer",
    "USER_WAIT_CONFIRM_UPDATE": "buyer", "USER_WAIT_HANDLE_MERCHANT_AFTER_SALE": "buyer",
    "USER_WAIT_RECEIPT": "buyer", "WAIT_PACKAGE_INTERCEPT": "platform",
    "PLATFORM_REFUNDING": "platform", "PLATFORM_REFUND_FAIL": "seller",
    "MERCHANT_REJECT_REFUND": "buyer", "MERCHANT_REJECT_RETURN": "buyer",
    "MERCHANT_REJECT_EXCHANGE": "buyer", "MERCHANT_REJECT_RESHIP": "buyer",
    "RETURN_CLOSED": "buyer",
    "USER_CANCELD": "-", "MERCHANT_REFUND_SUCCESS": "-", "MERCHANT_RETURN_SUCCESS": "-",
    "MERCHANT_EXCHANGE_SUCCESS": "-", "MERCHANT_REFUND_RETRY_FAIL": "-", "MERCHANT_FAIL": "-",
    "MERCHANT_OVERDUE_REFUND": "-",
}
TERMINAL = frozenset(s for s, who in WHO.items() if who == "-")
# rejected / closed: the buyer may still escalate, but the goods are not held (README decision)
SEMI_TERMINAL = frozenset({"MERCHANT_REJECT_REFUND", "MERCHANT_REJECT_RETURN",
                           "MERCHANT_REJECT_EXCHANGE", "MERCHANT_REJECT_RESHIP", "RETURN_CLOSED"})
REFUNDED = frozenset({"MERCHANT_REFUND_SUCCESS", "MERCHANT_RETURN_SUCCESS"})
# statuses whose `deadline` counts down for the seller
SELLER_DEADLINE = frozenset({"MERCHANT_PROCESSING", "MERCHANT_WAIT_RECEIPT",
                             "PLATFORM_REFUND_FAIL"})
TYPES = ("REFUND", "RETURN", "EXCHANGE")
TYPE_NUMBER = {"REFUND": 1, "RETURN": 2}  # merchant_update_detail old_/new_after_sale_type

REASONS: tuple[tuple[str, str], ...] = (
    ("10000000", "不想要了"), ("10000001", "缺货"), ("10000002", "拍错/多拍"),
    ("10000003", "没用/少用优惠"), ("10000004", "地址/电话填错"), ("10000005", "少件/漏发"),
    ("10000006", "卖家发错货"), ("10000007", "未收到商品"), ("10000008", "其他"),
    ("10000010", "商家未按约定时间发货"), ("10000011", "与描述不符"),
    ("10000014", "双方协商一致退款"), ("10000015", "快递长时间未送达"), ("10000016", "包裹为空"),
    ("10000017", "物流无跟踪记录"), ("10000018", "已拒签包裹"), ("10000019", "7天无理由"),
    ("10000021", "质量问题"), ("10000033", "假冒产品"), ("10000039", "尺码与描述不符"),
    ("10000040", "商品破损"), ("10000041", "功能故障"), ("10000042", "材质与描述不符"),
    ("10000043", "颜色与描述不符"),
)
REASON_TEXT = dict(REASONS)

# (reject_reason_type, reject_reason_type_text, default reject_reason, reject_scene)
# scenes: 1 refund-only, 4 return-refund, 5 exchange, 6 exchange reship, 7 fast exchange
REJECT_REASONS: tuple[tuple[int, str, str, int], ...] = (
    (1, "已按约定发货且物流正常", "商品已按约定时间发出，物流正常，请耐心等待收货", 1),
    (4, "已发货/揽收", "商品已发货并被快递揽收，请收到后再申请退货退款", 1),
    (6, "买家误操作/已协商取消", "已与您协商一致，请撤销本次售后申请", 1),
    (6, "买家误操作/已协商取消", "已与您协商一致，请撤销本次售后申请", 4),
    (19, "退货单号有误", "您填写的退货单号查询不到物流信息，请核对后重新填写", 4),
    (20, "影响二次销售", "退回的商品已影响二次销售，无法退款", 4),
    (21, "寄回非本订单商品", "收到的退货不是本订单的商品", 4),
    (6, "买家误操作/已协商取消", "已与您协商一致，请撤销本次换货申请", 5),
    (20, "影响二次销售", "商品已影响二次销售，无法换货", 5),
    (19, "退货单号有误", "您填写的退货单号查询不到物流信息，暂不发出新商品", 6),
    (20, "影响二次销售", "退回的商品已影响二次销售，无法换货", 6),
    (21, "寄回非本订单商品", "收到的退货不是本订单的商品，无法换货", 6),
    (20, "影响二次销售", "退回的商品已影响二次销售", 7),
    (21, "寄回非本订单商品", "收到的退货不是本订单的商品", 7),
)

# merchantupdateaftersale reasons: update_reason_type -> (merchant_update_type, need_image, text)
UPDATE_REASONS: dict[int, tuple[int, bool, str]] = {
    6: (3, True, "新方案已与买家协商一致"),
    7: (2, True, "联系不上买家，请补充凭证"),
    8: (3, False, "生鲜商品，无需退货直接退款"),
    9: (1, True, "已发货，拦截失败"),
    10: (3, True, "仅修改退款金额"),
}


def reject_scene(case: dict[str, Any]) -> int:
    """The ``reject_scene`` a rejectapply of this case must use (§1.4)."""
    return {"REFUND": 1, "RETURN": 4, "EXCHANGE": 5}[case["type"]]


def is_open(case: dict[str, Any]) -> bool:
    """Whether the case holds its units (on_aftersale_sku_cnt, 108009): not terminal, and not
    rejected/closed unless a dispute runs."""
    status = case["status"]
    if status in TERMINAL:
        return False
    return status not in SEMI_TERMINAL or bool(case.get("_dispute"))


def new_case(case_id: str, order: dict[str, Any], line_no: int, case_type: str, count: int,
             amount: int, reason: str, desc: str, t: int, pre_shipment: bool,
             media: list[str] | None = None, receive_product: bool = False) -> dict[str, Any]:
    line = order["lines"][line_no]
    case = {
        "after_sale_order_id": case_id, "order_id": order["order_id"], "status": "",
        "type": case_type, "sub_type": "", "openid": order["openid"], "unionid": "",
        "reason": reason, "reason_text": REASON_TEXT.get(reason, ""),
        "product_info": {"product_id": line["product_id"], "sku_id": line["sku_id"],
                         "count": count, "sku_code": line["snap"].get("sku_code", ""),
                         "fast_refund": False, "voucher_list": [], "gift_product_list": []},
        "details": {"desc": desc, "receive_product": receive_product, "cancel_time": 0,
                    "media_id_list": list(media or []), "wxa_vip_discounted_price": 0},
        "refund_info": {"amount": amount, "refund_reason": 0,
                        "platform_discount_return_amount": 0,
                        "is_low_price_insurance_refund": False,
                        "is_final_refund_by_insurance": False},
        "return_info": {"delivery_id": "", "delivery_name": "", "waybill_id": ""},
        "merchant_upload_info": {"reject_reason": "", "refund_certificates": []},
        "merchant_update_detail": {}, "refund_resp": {"code": "", "ret": 0, "message": ""},
        "complaint_id": "", "exchange_product_info": {}, "exchange_delivery_info": {},
        "create_time": t, "update_time": t, "gen_scene": 1, "complete_time": 0,
        "compensation_liability_amount": 0,
        "_due": 0, "_line": line_no, "_pre_shipment": pre_shipment,
        "_need_negotiation": False, "_negotiated": False, "_dispute": False, "_proposal": None,
        "_address_id": "",
    }
    gift_fields(case, order)
    return case


def gift_fields(case: dict[str, Any], order: dict[str, Any]) -> None:
    """On a gift order the case is the recipient's (``openid``), with the giver beside it."""
    present = order.get("present")
    if present:
        case["present_giver_openid"] = present["present_giver_openid"]
        case["present_giver_unionid"] = ""


def case_wire(case: dict[str, Any], now: int) -> dict[str, Any]:
    """The ``after_sale_order`` of getaftersaleorder: a deep copy without the internal keys;
    ``deadline`` is the seconds left while the seller must act (0 otherwise)."""
    wire = {k: copy.deepcopy(v) for k, v in case.items() if not k.startswith("_")}
    due = case["_due"]
    wire["deadline"] = max(0, due - now) if due and case["status"] in SELLER_DEADLINE else 0
    if not wire["exchange_product_info"]:
        del wire["exchange_product_info"]
    if not wire["exchange_delivery_info"]:
        del wire["exchange_delivery_info"]
    return wire


# ---- indexes -----------------------------------------------------------------------------

def build_index(shop: Shop) -> dict[str, Any]:
    cases = shop.aftersales
    by_order: dict[str, list[str]] = {}
    due: list[tuple[int, str]] = []
    for cid, case in cases.items():
        by_order.setdefault(case["order_id"], []).append(cid)
        if case["_due"]:
            due.append((case["_due"], cid))
    for ids in by_order.values():
        ids.sort(key=lambda c: (cases[c]["create_time"], c))
    heapq.heapify(due)
    ix = {"n": len(cases),
          "by_update": sorted((c["update_time"], cid) for cid, c in cases.items()),
          "by_create": sorted((c["create_time"], cid) for cid, c in cases.items()),
          "by_order": by_order, "due": due}
    shop.index["aftersale"] = ix
    return ix


def index(shop: Shop) -> dict[str, Any]:
    ix = shop.index.get("aftersale")
    if ix is None or ix["n"] != len(shop.aftersales):
        ix = build_index(shop)
    return ix


def add_case(shop: Shop, case: dict[str, Any]) -> None:
    ix = index(shop)
    cid = case["after_sale_order_id"]
    shop.aftersales[cid] = case
    bisect.insort(ix["by_update"], (case["update_time"], cid))
    bisect.insort(ix["by_create"], (case["create_time"], cid))
    ix["by_order"].setdefault(case["order_id"], []).append(cid)
    if case["_due"]:
        heapq.heappush(ix["due"], (case["_due"], cid))
    ix["n"] += 1


def set_due(shop: Shop, case: dict[str, Any], due: int) -> None:
    """The current step times out at ``due`` (0: no timer). Stale heap entries are skipped."""
    case["_due"] = due
    if due:
        heapq.heappush(index(shop)["due"], (due, case["after_sale_order_id"]))


def touch_case(shop: Shop, case: dict[str, Any], t: int) -> None:
    """``update_time`` becomes ``t`` (never backwards), keeping the update-time index sorted."""
    keys = index(shop)["by_update"]
    old = (case["update_time"], case["after_sale_order_id"])
    i = bisect.bisect_left(keys, old)
    if i < len(keys) and keys[i] == old:
        del keys[i]
    case["update_time"] = max(t, case["update_time"])
    bisect.insort(keys, (case["update_time"], case["after_sale_order_id"]))


def order_cases(shop: Shop, order_id: str) -> list[dict[str, Any]]:
    return [shop.aftersales[c] for c in index(shop)["by_order"].get(order_id, [])]


def new_case_id(shop: Shop) -> str:
    """16 digits starting with 2 (``"2000000234115377"``), increasing."""
    while True:
        cid = str(2_000_000_000_000_000 + shop.next_id("aftersale.id", 310_000) * 7919)
        if cid not in shop.aftersales:
            return cid
