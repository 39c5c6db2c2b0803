"""E-waybill endpoints (orders-shipping.md §3, prefix ``/channels/ec/logistics/ewaybill/biz/``):
carriers opened, accounts, templates, precreate, create (取号), cancel, get, print info and
the printed notifications.

``create`` is not idempotent: after ``UnknownOutcome`` read it back with :func:`get_waybill`
(same ``ewaybill_order_id``) before taking another number. A failed 取号 raises ``Rejected``
with errcode 10025005 and the carrier's ``delivery_error_msg``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..domain.order import Address
from ..domain.waybill import CarrierAccount, SenderAddress, Waybill
from .client import ApiClient
from .schemas import (
    BatchPrintResult,
    CreatedWaybill,
    EwaybillCarriers,
    LabelTemplate,
    WaybillGoods,
    ewaybill_order_body,
    parse_accounts,
    parse_batch_print,
    parse_created_waybill,
    parse_ewaybill_carriers,
    parse_precreated_id,
    parse_print_info,
    parse_template_config,
    parse_waybill,
)

PREFIX = "/channels/ec/logistics/ewaybill/biz"
STANDARD_TEMPLATE = "single"


@dataclass(frozen=True)
class WaybillRequest:
    """What a waybill is taken for: the account to draw from and the shop order it ships."""

    account: CarrierAccount
    sender: SenderAddress
    receiver: Address
    order_id: str
    goods: Sequence[WaybillGoods]
    remark: str = ""

    def body(self) -> dict[str, object]:
        return ewaybill_order_body(
            delivery_id=self.account.delivery_id, ewaybill_acct_id=self.account.acct_id,
            shop_id=self.account.shop_id, site_code=self.account.site_code,
            sender=self.sender, receiver=self.receiver, order_id=self.order_id,
            goods=self.goods, remark=self.remark)


async def get_carriers(client: ApiClient, status: int | None = None) -> EwaybillCarriers:
    body: dict[str, object] = {} if status is None else {"status": status}
    return parse_ewaybill_carriers(await client.call(f"{PREFIX}/delivery/get", body))


async def get_accounts(client: ApiClient, *, delivery_id: str = "", status: int | None = None,
                       need_balance: bool = False, offset: int = 0, limit: int = 10,
                       names: Mapping[str, str] | None = None
                       ) -> tuple[list[CarrierAccount], int]:
    """E-waybill accounts (sites) and ``total_num``; ``names`` fills ``delivery_name``."""
    body: dict[str, object] = {"need_balance": need_balance, "offset": offset, "limit": limit}
    if delivery_id:
        body["delivery_id"] = delivery_id
    if status is not None:
        body["status"] = status
    return parse_accounts(await client.call(f"{PREFIX}/account/get", body), names)


async def get_template_config(client: ApiClient) -> list[LabelTemplate]:
    return parse_template_config(await client.call(f"{PREFIX}/template/config", {}))


async def precreate(client: ApiClient, request: WaybillRequest) -> str:
    """Validates the request and allocates an ``ewaybill_order_id`` (nothing is taken yet)."""
    return parse_precreated_id(await client.call(f"{PREFIX}/order/precreate", request.body()))


async def create(client: ApiClient, request: WaybillRequest, ewaybill_order_id: str, *,
                 template_id: str = STANDARD_TEMPLATE) -> CreatedWaybill:
    """Takes a waybill number (取号). ``print_info`` may come back empty: use print_info()."""
    body = request.body()
    body["ewaybill_order_id"] = ewaybill_order_id
    if template_id:
        body["template_id"] = template_id
    reply = await client.call(f"{PREFIX}/order/create", body, idempotent=False)
    return parse_created_waybill(reply, ewaybill_order_id)


async def cancel(client: ApiClient, ewaybill_order_id: str, delivery_id: str,
                 waybill_id: str) -> None:
    """Cancels a taken number. A repeat after a lost reply would be refused, so an ambiguous
    failure raises ``UnknownOutcome`` (read it back with :func:`get_waybill`)."""
    await client.call(f"{PREFIX}/order/cancel",
                      {"ewaybill_order_id": ewaybill_order_id, "delivery_id": delivery_id,
                       "waybill_id": waybill_id}, idempotent=False)


async def get_waybill(client: ApiClient, ewaybill_order_id: str,
                      names: Mapping[str, str] | None = None) -> Waybill:
    reply = await client.call(f"{PREFIX}/order/get", {"ewaybill_order_id": ewaybill_order_id})
    return parse_waybill(reply, names)


async def get_print_info(client: ApiClient, ewaybill_order_id: str, *,
                         template_id: str = STANDARD_TEMPLATE, sub_waybill_id: str = "") -> str:
    """The opaque ``print_info`` for the print component (or our own label renderer)."""
    body: dict[str, object] = {"ewaybill_order_id": ewaybill_order_id,
                               "template_id": template_id}
    if sub_waybill_id:
        body["sub_waybill_id"] = sub_waybill_id
    return parse_print_info(await client.call(f"{PREFIX}/print/get", body))


def _printed(waybill: Waybill, reprint: bool) -> dict[str, object]:
    return {"ewaybill_order_id": waybill.ewaybill_order_id, "delivery_id": waybill.delivery_id,
            "waybill_id": waybill.waybill_id, "re_print": 1 if reprint else 0}


async def report_printed(client: ApiClient, waybill: Waybill, *, reprint: bool = False) -> None:
    """Tells the platform the label was printed (``order/print``)."""
    await client.call(f"{PREFIX}/order/print", _printed(waybill, reprint))


async def report_batch_printed(client: ApiClient, waybills: Sequence[Waybill], *,
                               reprint: bool = False) -> BatchPrintResult:
    if not waybills:
        return BatchPrintResult(succeeded=[], failed=[])
    reply = await client.call(f"{PREFIX}/order/batchprint",
                              {"req_list": [_printed(w, reprint) for w in waybills]})
    return parse_batch_print(reply)
