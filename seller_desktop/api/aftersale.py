"""After-sale and buyer-request endpoints (aftersale.md §1, §2, §5, §5.1): one function each.

Cases are listed by update-time windows of at most 24 h (:func:`iter_case_ids`, incremental
sync) and read one by one (:func:`get_case`). Seller actions are not idempotent (a refund
pays the buyer): they are sent with ``idempotent=False`` so a lost reply becomes
``UnknownOutcome`` and the sync engine reads the case back before sending again. The refund
calls (``acceptapply`` with a refund, ``merchantupdateaftersale``…) are limited by the store to
one per order per minute (:data:`REFUND_RATE_ERRCODE`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import replace

from ..domain.aftersale import AfterSaleCase
from .client import ApiClient
from .page_walk import PageWalk
from .paging import iter_window_ids
from .schemas.aftersale import (
    CaseIdPage,
    Reason,
    RejectReason,
    ReturnAddress,
    parse_address_ids,
    parse_case_id_page,
    parse_case_reply,
    parse_reasons,
    parse_reject_reasons,
    parse_return_address,
    parse_sku_change_page,
)

MAX_WINDOW_SECONDS = 24 * 3600
# Cases updated in one 24 h window, for a small seller: far fewer. Bounds the id walk; the list
# has no page size, so the walk counts pages as if they held few ids (the sandbox's hold 100).
MAX_CASES_PER_WINDOW = 50_000
ASSUMED_PAGE_SIZE = 10
MAX_SKU_CHANGE_ORDERS = 10_000
REFUND_RATE_ERRCODE = 10021059  # one refund call per order per minute
NEGOTIATE_FIRST_ERRCODE = 10021068  # reject refused: negotiate first
_AS = "/channels/ec/aftersale/"


async def list_case_ids(client: ApiClient, begin: int, end: int,
                        next_key: str = "") -> CaseIdPage:
    """One page of case ids updated in [begin, end] (a window of at most 24 h)."""
    if end < begin:
        raise ValueError("end is before begin")
    if end - begin > MAX_WINDOW_SECONDS:
        raise ValueError("an after-sale list window may span at most 24 hours")
    body: dict[str, object] = {"begin_update_time": int(begin), "end_update_time": int(end)}
    if next_key:
        body["next_key"] = next_key
    reply, server_time = await client.call_dated(_AS + "getaftersalelist", body)
    return replace(parse_case_id_page(reply), server_time=server_time)


async def iter_case_ids(client: ApiClient, start: int, end: int, *,
                        on_page: Callable[[CaseIdPage], None] | None = None
                        ) -> AsyncIterator[str]:
    """Every case id updated in [start, end], oldest window first, each once; a cursor loop,
    stale pages or more pages than ``MAX_CASES_PER_WINDOW`` fill raise ``MalformedResponse``.
    ``on_page`` sees each page before its ids are yielded."""
    async def page(begin: int, stop: int, next_key: str) -> CaseIdPage:
        reply = await list_case_ids(client, begin, stop, next_key)
        if on_page is not None:
            on_page(reply)
        return reply

    async for case_id in iter_window_ids(page, start, end, MAX_WINDOW_SECONDS,
                                         path=_AS + "getaftersalelist",
                                         page_size=ASSUMED_PAGE_SIZE,
                                         max_items=MAX_CASES_PER_WINDOW):
        yield case_id


async def get_case(client: ApiClient, case_id: str) -> AfterSaleCase:
    reply = await client.call(_AS + "getaftersaleorder", {"after_sale_order_id": case_id})
    return parse_case_reply(reply)


async def accept(client: ApiClient, case_id: str, *, address_id: str = "",
                 accept_type: int | None = None) -> None:
    """``acceptapply``: agree (a refund pays the buyer; a return/exchange needs ``address_id``)."""
    body: dict[str, object] = {"after_sale_order_id": case_id}
    if address_id:
        body["address_id"] = address_id
    if accept_type is not None:
        body["accept_type"] = int(accept_type)
    await client.call(_AS + "acceptapply", body, idempotent=False)


async def reject(client: ApiClient, case_id: str, reject_reason_type: int,
                 reject_reason: str = "") -> None:
    body: dict[str, object] = {"after_sale_order_id": case_id,
                               "reject_reason_type": int(reject_reason_type)}
    if reject_reason:
        body["reject_reason"] = reject_reason
    await client.call(_AS + "rejectapply", body, idempotent=False)


async def negotiate(client: ApiClient, case_id: str, *, target_type: int, amount: int,
                    desc: str, update_reason_type: int, merchant_update_type: int,
                    media_ids: Sequence[str] = ()) -> None:
    """``merchantupdateaftersale`` (协商): propose a new plan (type 1 refund / 2 return)."""
    body: dict[str, object] = {
        "after_sale_order_id": case_id, "type": int(target_type), "amount": int(amount),
        "merchant_update_desc": desc, "update_reason_type": int(update_reason_type),
        "merchant_update_type": int(merchant_update_type)}
    if media_ids:
        body["media_ids"] = list(media_ids)
    await client.call(_AS + "merchantupdateaftersale", body, idempotent=False)


async def upload_refund_certificate(client: ApiClient, case_id: str,
                                    media_ids: Sequence[str], desc: str) -> None:
    await client.call(_AS + "uploadrefundcertificate",
                      {"after_sale_order_id": case_id, "refund_certificates": list(media_ids),
                       "desc": desc}, idempotent=False)


async def accept_exchange_reship(client: ApiClient, case_id: str, delivery_id: str,
                                 waybill_id: str) -> None:
    await client.call(_AS + "acceptexchangereship",
                      {"after_sale_order_id": case_id, "delivery_id": delivery_id,
                       "waybill_id": waybill_id}, idempotent=False)


async def reject_exchange_reship(client: ApiClient, case_id: str, reject_reason_type: int,
                                 reject_reason: str = "",
                                 certificates: Sequence[str] = ()) -> None:
    body: dict[str, object] = {"after_sale_order_id": case_id,
                               "reject_reason_type": int(reject_reason_type)}
    if reject_reason:
        body["reject_reason"] = reject_reason
    if certificates:
        body["reject_certificates"] = list(certificates)
    await client.call(_AS + "rejectexchangereship", body, idempotent=False)


async def get_reasons(client: ApiClient) -> list[Reason]:
    return parse_reasons(await client.call(_AS + "reason/get", {}))


async def get_reject_reasons(client: ApiClient) -> list[RejectReason]:
    return parse_reject_reasons(await client.call(_AS + "rejectreason/get", {}))


async def list_return_addresses(client: ApiClient, limit: int = 20) -> list[ReturnAddress]:
    """The shop's merchant addresses that receive returns, the default first."""
    ids = parse_address_ids(await client.call("/channels/ec/merchant/address/list",
                                              {"offset": 0, "limit": int(limit)}))
    found = []
    for address_id in ids:
        reply = await client.call("/channels/ec/merchant/address/get",
                                  {"address_id": address_id})
        found.append(parse_return_address(reply))
    receiving = [a for a in found if a.recv or a.default_recv] or found
    return sorted(receiving, key=lambda a: not a.default_recv)


# ---- buyer requests (orders) ---------------------------------------------------------------

async def accept_address_change(client: ApiClient, order_id: str) -> None:
    await client.call("/channels/ec/order/addressmodify/accept", {"order_id": order_id},
                      idempotent=False)


async def reject_address_change(client: ApiClient, order_id: str) -> None:
    await client.call("/channels/ec/order/addressmodify/reject", {"order_id": order_id},
                      idempotent=False)


async def list_sku_change_orders(client: ApiClient, page_size: int = 100) -> list[str]:
    """Every order with a pre-shipment SKU change waiting for the seller; a page loop, stale
    pages or more than ``MAX_SKU_CHANGE_ORDERS`` raise ``MalformedResponse`` (a cut list would
    read as requests the buyers withdrew)."""
    path = "/channels/ec/order/preshipmentchangesku/get"
    walk = PageWalk(path, page_size, MAX_SKU_CHANGE_ORDERS)
    found: dict[str, None] = {}  # ordered, each once
    page = 1
    while True:
        ids, has_more = parse_sku_change_page(await client.call(
            path, {"page": page, "page_size": page_size}))
        new_ids = len([i for i in ids if i not in found])
        found.update(dict.fromkeys(ids))
        if not ids or (not has_more and len(ids) < page_size):
            return list(found)
        page += 1
        walk.page(str(page), new_ids)


async def approve_sku_change(client: ApiClient, order_id: str) -> None:
    await client.call("/channels/ec/order/preshipmentchangesku/approve", {"order_id": order_id},
                      idempotent=False)


async def reject_sku_change(client: ApiClient, order_id: str) -> None:
    await client.call("/channels/ec/order/preshipmentchangesku/reject", {"order_id": order_id},
                      idempotent=False)
