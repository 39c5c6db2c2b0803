"""Wire ↔ domain for shipping (orders-shipping.md §2) and e-waybills (§3).

Carriers, e-waybill accounts (``account/get`` → CarrierAccount), label templates, the
``delivery/send`` parcel list, the e-waybill create/precreate body, and ``order/get`` → Waybill.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ...domain.order import Address, OrderLine, Parcel
from ...domain.waybill import CarrierAccount, SenderAddress, Waybill
from ._wire import (
    Wire,
    id_list,
    obj,
    objs,
    opt_id,
    opt_int,
    opt_obj,
    opt_str,
    req_id,
    req_str,
    wire_id,
)

MAX_PRINT_INFO = 256 * 1024  # opaque, base64: a few KB in practice


@dataclass(frozen=True)
class Carrier:
    delivery_id: str  # carrier code, e.g. "YTO"
    delivery_name: str


@dataclass(frozen=True)
class EwaybillCarriers:
    """``ewaybill/biz/delivery/get``: the e-waybill subject id and the carriers opened."""

    shop_id: str
    carriers: list[Carrier]


@dataclass(frozen=True)
class LabelTemplate:
    """One platform standard template from ``template/config`` (sizes in mm)."""

    delivery_id: str
    template_type: str
    desc: str
    width_mm: int
    height_mm: int
    url: str


@dataclass(frozen=True)
class CreatedWaybill:
    """``order/create`` (取号): ``print_info`` may be empty; fetch it with ``print/get`` then."""

    ewaybill_order_id: str
    waybill_id: str
    print_info: str
    delivery_error_msg: str = ""


@dataclass(frozen=True)
class BatchPrintResult:
    succeeded: list[str]
    failed: list[str]


@dataclass(frozen=True)
class WaybillGoods:
    """One goods line printed on the label and passed to the carrier."""

    name: str
    count: int
    product_id: str = ""
    sku_id: str = ""

    @classmethod
    def from_line(cls, line: OrderLine, count: int | None = None) -> WaybillGoods:
        return cls(line.title, line.sku_cnt if count is None else count, line.product_id,
                   line.sku_id)


# ---- carriers and delivery/send --------------------------------------------------------------

def parse_carriers(reply: Wire, key: str = "company_list") -> list[Carrier]:
    return [Carrier(req_str(c, "delivery_id", w), opt_str(c, "delivery_name", w))
            for c, w in objs(reply, key, "reply")]


def delivery_list_body(parcels: Sequence[Parcel]) -> list[Wire]:
    """``delivery/send`` ``delivery_list``: one element per parcel."""
    out: list[Wire] = []
    for parcel in parcels:
        item: Wire = {
            "deliver_type": parcel.deliver_type,
            "product_infos": [{"product_id": i.product_id, "sku_id": i.sku_id,
                               "product_cnt": i.count} for i in parcel.items],
        }
        if parcel.delivery_id:
            item["delivery_id"] = parcel.delivery_id
        if parcel.waybill_id:
            item["waybill_id"] = parcel.waybill_id
        out.append(item)
    return out


# ---- e-waybill accounts and templates ------------------------------------------------------

def parse_ewaybill_carriers(reply: Wire) -> EwaybillCarriers:
    return EwaybillCarriers(shop_id=opt_id(reply, "shop_id", "reply"),
                            carriers=parse_carriers(reply, "list"))


def _parse_sender(d: Wire, contact: Wire, where: str) -> SenderAddress | None:
    if not d:
        return None
    return SenderAddress(
        name=opt_str(contact, "name", f"{where}.contact"),
        mobile=opt_str(contact, "mobile", f"{where}.contact")
        or opt_str(contact, "phone", f"{where}.contact"),
        province=opt_str(d, "province", where),
        city=opt_str(d, "city", where),
        county=opt_str(d, "county", where),
        address=opt_str(d, "address", where),
        street=opt_str(d, "street", where),
    )


def parse_accounts(reply: Wire, names: Mapping[str, str] | None = None
                   ) -> tuple[list[CarrierAccount], int]:
    """``account/get`` → accounts and ``total_num``. ``names`` maps carrier codes to names
    (account/get has none; take them from ``delivery/get`` or a carrier list)."""
    accounts: list[CarrierAccount] = []
    for a, w in objs(reply, "account_list", "reply"):
        site = opt_obj(a, "site_info", w)
        contact = opt_obj(site, "contact", f"{w}.site_info")
        delivery_id = req_str(a, "delivery_id", w)
        accounts.append(CarrierAccount(
            delivery_id=delivery_id,
            delivery_name=(names or {}).get(delivery_id, ""),
            acct_id=req_id(a, "acct_id", w),
            shop_id=opt_id(a, "shop_id", w),
            site_code=opt_str(site, "site_code", f"{w}.site_info"),
            site_name=opt_str(site, "site_name", f"{w}.site_info"),
            available=opt_int(a, "available", w),
            sender=_parse_sender(opt_obj(a, "sender_address", w), contact,
                                 f"{w}.sender_address"),
        ))
    return accounts, opt_int(reply, "total_num", "reply", len(accounts))


def parse_template_config(reply: Wire) -> list[LabelTemplate]:
    config = opt_obj(reply, "config", "reply")
    templates: list[LabelTemplate] = []
    for delivery_id, by_type in config.items():
        by_type = obj(by_type, f"reply.config.{delivery_id}")
        for template_type, t in by_type.items():
            w = f"reply.config.{delivery_id}.{template_type}"
            t = obj(t, w)
            templates.append(LabelTemplate(
                delivery_id=delivery_id,
                template_type=opt_str(t, "type", w, template_type),
                desc=opt_str(t, "desc", w),
                width_mm=opt_int(t, "width", w),
                height_mm=opt_int(t, "height", w),
                url=opt_str(t, "url", w),
            ))
    return templates


# ---- e-waybill orders ----------------------------------------------------------------------

def sender_body(sender: SenderAddress) -> Wire:
    return {"name": sender.name, "mobile": sender.mobile, "province": sender.province,
            "city": sender.city, "county": sender.county, "street": sender.street,
            "address": sender.address}


def receiver_body(address: Address) -> Wire:
    """The receiver as an e-waybill wants it; masked values from order/get are accepted."""
    return {"name": address.user_name, "mobile": address.tel_number,
            "province": address.province, "city": address.city, "county": address.county,
            "street": "", "address": address.detail + address.house_number}


def ewaybill_order_body(*, delivery_id: str, ewaybill_acct_id: str, shop_id: str,
                        sender: SenderAddress, receiver: Address, order_id: str,
                        goods: Sequence[WaybillGoods], site_code: str = "",
                        remark: str = "") -> Wire:
    """The body shared by ``order/precreate`` and ``order/create``."""
    goods_list: list[Wire] = []
    for g in goods:
        item: Wire = {"good_name": g.name, "good_count": g.count}
        if g.product_id:
            item["product_id"] = wire_id(g.product_id)
        if g.sku_id:
            item["sku_id"] = wire_id(g.sku_id)
        goods_list.append(item)
    body: Wire = {
        "delivery_id": delivery_id,
        "ewaybill_acct_id": ewaybill_acct_id,
        "shop_id": shop_id,
        "sender": sender_body(sender),
        "receiver": receiver_body(receiver),
        "ec_order_list": [{"ec_order_id": wire_id(order_id), "goods_list": goods_list}],
    }
    if site_code:
        body["site_code"] = site_code
    if remark:
        body["remark"] = remark
    return body


def parse_precreated_id(reply: Wire) -> str:
    return req_id(reply, "ewaybill_order_id", "reply")


def parse_created_waybill(reply: Wire, ewaybill_order_id: str) -> CreatedWaybill:
    return CreatedWaybill(
        ewaybill_order_id=opt_id(reply, "ewaybill_order_id", "reply") or ewaybill_order_id,
        waybill_id=req_str(reply, "waybill_id", "reply"),
        print_info=opt_str(reply, "print_info", "reply", max_len=MAX_PRINT_INFO),
        delivery_error_msg=opt_str(reply, "delivery_error_msg", "reply"),
    )


def parse_waybill(reply: Wire, names: Mapping[str, str] | None = None) -> Waybill:
    """``order/get`` → Waybill (the first ec order is the shop order it ships)."""
    info = obj(reply.get("order_info"), "reply.order_info")
    w = "reply.order_info"
    ec_orders = objs(info, "ec_order_list", w)
    order_id = opt_id(ec_orders[0][0], "ec_order_id", ec_orders[0][1]) if ec_orders else ""
    delivery_id = opt_str(info, "delivery_id", w)
    return Waybill(
        ewaybill_order_id=req_id(info, "ewaybill_order_id", w),
        order_id=order_id,
        delivery_id=delivery_id,
        waybill_id=opt_str(info, "waybill_id", w),
        status=opt_int(info, "status", w),
        acct_id=opt_id(info, "ewaybill_acct_id", w),
        delivery_name=(names or {}).get(delivery_id, ""),
    )


def parse_print_info(reply: Wire) -> str:
    return req_str(reply, "print_info", "reply", max_len=MAX_PRINT_INFO)


def parse_batch_print(reply: Wire) -> BatchPrintResult:
    return BatchPrintResult(succeeded=id_list(reply, "succ_ewaybill_order_id", "reply"),
                            failed=id_list(reply, "fail_ewaybill_order_id", "reply"))
