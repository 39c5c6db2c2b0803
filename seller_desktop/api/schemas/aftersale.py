"""Wire ↔ domain for after-sale cases and buyer requests (aftersale.md §1, §2, §5).

Strict about types, tolerant of absence: ``after_sale_order_id`` may be a string or a number,
``product_id``/``sku_id`` likewise; ``deadline`` is seconds left. Proof images are read from
``details.media_id_list`` and, for older replies, ``details.prove_imgs``. What the domain does not
model stays in ``AfterSaleCase.extra`` by its wire name (``refund_resp``,
``merchant_update_detail``, ``virtual_tel_num_info``…). Sizes are bounded like an order's (the
``_wire`` helpers; texts, proof lists and the kept fields have caps of their own below).

Also here: the order-side signals the shipping guard reads (:func:`order_hold_signals`: stored
as ``Order.extra["holds"]`` under the app's own keys, see ``domain/guard.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...domain.aftersale import AfterSaleCase, Shipment
from ._wire import (
    Wire,
    bounded_extra,
    id_list,
    obj,
    objs,
    opt_bool,
    opt_id,
    opt_int,
    opt_obj,
    opt_str,
    opt_time,
    req_id,
    req_str,
    str_list,
)

_CASE_MODELLED = frozenset({
    "after_sale_order_id", "order_id", "status", "type", "create_time", "update_time",
    "product_info", "refund_info", "details", "reason", "reason_text", "deadline",
    "return_info", "exchange_delivery_info", "merchant_upload_info", "complaint_id",
    "exchange_product_info", "openid", "unionid"})
MAX_TEXT = 1000  # the buyer's description, the seller's reject reason (the forms take far less)
MAX_PROOFS = 50  # proof images / refund certificates of one case (the forms take 9)
SKU_CHANGE_WAITING = 3  # change_sku_info.preshipment_change_sku_state: waiting for the seller


@dataclass(frozen=True)
class CaseIdPage:
    ids: list[str]
    next_key: str
    has_more: bool
    server_time: int | None = None  # the reply's HTTP Date (the server's clock), if readable


@dataclass(frozen=True)
class Reason:
    code: str
    text: str


@dataclass(frozen=True)
class RejectReason:
    reject_reason_type: int
    text: str
    default_reason: str
    scene: int


def parse_case_id_page(reply: Wire) -> CaseIdPage:
    return CaseIdPage(ids=id_list(reply, "after_sale_order_id_list", "reply"),
                      next_key=opt_str(reply, "next_key", "reply"),
                      has_more=opt_bool(reply, "has_more", "reply"))


def _shipment(d: Wire, where: str) -> Shipment | None:
    if not d:
        return None
    parcel = Shipment(delivery_id=opt_str(d, "delivery_id", where),
                      delivery_name=opt_str(d, "delivery_name", where),
                      waybill_id=opt_id(d, "waybill_id", where))
    return parcel if parcel.waybill_id or parcel.delivery_id else None


def parse_case(d: Any, where: str = "after_sale_order") -> AfterSaleCase:
    d = obj(d, where)
    product = opt_obj(d, "product_info", where)
    refund = opt_obj(d, "refund_info", where)
    details = opt_obj(d, "details", where)
    upload = opt_obj(d, "merchant_upload_info", where)
    exchange = opt_obj(d, "exchange_product_info", where)
    dw = f"{where}.details"
    proof = (str_list(details, "media_id_list", dw, max_items=MAX_PROOFS)
             or str_list(details, "prove_imgs", dw, max_items=MAX_PROOFS))
    return AfterSaleCase(
        case_id=req_id(d, "after_sale_order_id", where),
        order_id=req_id(d, "order_id", where),
        type=req_str(d, "type", where),
        status=req_str(d, "status", where),
        create_time=opt_time(d, "create_time", where),
        update_time=opt_time(d, "update_time", where),
        product_id=opt_id(product, "product_id", f"{where}.product_info"),
        sku_id=opt_id(product, "sku_id", f"{where}.product_info"),
        count=opt_int(product, "count", f"{where}.product_info"),
        amount=opt_int(refund, "amount", f"{where}.refund_info"),
        reason=opt_id(d, "reason", where),
        reason_text=opt_str(d, "reason_text", where),
        buyer_desc=opt_str(details, "desc", dw, max_len=MAX_TEXT),
        buyer_received=opt_bool(details, "receive_product", dw),
        proof_media=proof,
        deadline=max(0, opt_int(d, "deadline", where)),
        return_parcel=_shipment(opt_obj(d, "return_info", where), f"{where}.return_info"),
        reship_parcel=_shipment(opt_obj(d, "exchange_delivery_info", where),
                                f"{where}.exchange_delivery_info"),
        reject_reason=opt_str(upload, "reject_reason", f"{where}.merchant_upload_info",
                              max_len=MAX_TEXT),
        refund_certificates=str_list(upload, "refund_certificates",
                                     f"{where}.merchant_upload_info", max_items=MAX_PROOFS),
        complaint_id=opt_id(d, "complaint_id", where),
        exchange_new_sku_id=opt_id(exchange, "new_sku_id", f"{where}.exchange_product_info"),
        extra=bounded_extra({k: v for k, v in d.items() if k not in _CASE_MODELLED}, where),
    )


def parse_case_reply(reply: Wire) -> AfterSaleCase:
    return parse_case(reply.get("after_sale_order"), "reply.after_sale_order")


def parse_reasons(reply: Wire) -> list[Reason]:
    return [Reason(opt_id(r, "reason", w), opt_str(r, "reason_text", w))
            for r, w in objs(reply, "reason_list", "reply")]


def parse_reject_reasons(reply: Wire) -> list[RejectReason]:
    found = []
    for r, w in objs(reply, "reason_list", "reply"):
        found.append(RejectReason(
            reject_reason_type=opt_int(r, "reject_reason_type", w),
            text=opt_str(r, "reject_reason_type_text", w),
            default_reason=opt_str(r, "reject_reason", w),
            scene=opt_int(r, "reject_scene", w)))
    return found


def parse_address_ids(reply: Wire) -> list[str]:
    return id_list(reply, "address_id_list", "reply")


@dataclass(frozen=True)
class ReturnAddress:
    address_id: str
    text: str  # one line, for the seller to pick
    default_recv: bool
    recv: bool


def parse_return_address(reply: Wire) -> ReturnAddress:
    d = obj(reply.get("address_detail"), "reply.address_detail")
    where = "reply.address_detail"
    info = opt_obj(d, "address_info", where)
    iw = f"{where}.address_info"
    text = "".join(opt_str(info, k, iw) for k in ("province_name", "city_name", "county_name",
                                                  "detail_info", "house_number"))
    name = opt_str(info, "user_name", iw)
    return ReturnAddress(address_id=req_id(d, "address_id", where),
                         text=f"{name} {text}".strip(),
                         default_recv=opt_bool(d, "default_recv", where),
                         recv=opt_bool(d, "recv_addr", where))


def parse_sku_change_page(reply: Wire) -> tuple[list[str], bool]:
    """``preshipmentchangesku/get``: the waiting order ids and whether a page may follow."""
    ids = id_list(reply, "order_ids", "reply")
    return ids, opt_bool(reply, "has_more", "reply")


def order_hold_signals(d: Wire, detail: Wire, delivery: Wire, where: str) -> dict[str, Any]:
    """The order's after-sale and buyer-request signals (``Order.extra["holds"]``); {} if none."""
    after = opt_obj(d, "aftersale_detail", where)
    open_cases = opt_int(after, "on_aftersale_order_cnt", f"{where}.aftersale_detail")
    lines_in_case = 0
    sku_waiting = False
    for line, lw in objs(detail, "product_infos", f"{where}.order_detail"):
        lines_in_case += opt_int(line, "on_aftersale_sku_cnt", lw) > 0
        change = opt_obj(line, "change_sku_info", lw)
        state = opt_int(change, "preshipment_change_sku_state", f"{lw}.change_sku_info")
        sku_waiting = sku_waiting or state == SKU_CHANGE_WAITING
    review = opt_obj(delivery, "address_under_review", f"{where}.order_detail.delivery_info")
    rw = f"{where}.order_detail.delivery_info.address_under_review"
    review_text = "".join(opt_str(review, k, rw) for k in (
        "province_name", "city_name", "county_name", "detail_info", "house_number"))
    if review and not review_text:
        review_text = opt_str(review, "user_name", rw) or "（新地址）"
    holds: dict[str, Any] = {}
    if open_cases:
        holds["open_cases"] = open_cases
    if lines_in_case:
        holds["lines_in_case"] = lines_in_case
    if review_text:
        holds["address_review"] = review_text
        holds["address_apply_time"] = opt_int(delivery, "address_apply_time",
                                              f"{where}.order_detail.delivery_info")
    if sku_waiting:
        holds["sku_change_waiting"] = True
    return holds
