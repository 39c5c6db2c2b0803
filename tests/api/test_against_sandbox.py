"""The real client against the sandbox over loopback HTTP: every endpoint family end to end,
then fault injection through ``/sandbox/faults``."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import Any

import httpx
import pytest
import pytest_asyncio

from seller_desktop.api import (
    ApiClient,
    AuthExpired,
    AuthFailed,
    Busy,
    Rejected,
    RetryPolicy,
    UnknownOutcome,
    delivery,
    ewaybill,
    media,
    orders,
    products,
    shop,
)
from seller_desktop.api.schemas import WaybillGoods
from seller_desktop.domain import EditStatus, OrderStatus, Parcel, ParcelItem, ProductStatus
from seller_desktop.sandbox.server import start_sandbox

pytestmark = pytest.mark.asyncio
WEEK = 7 * 86400


class Sandbox:
    def __init__(self, server: Any) -> None:
        self.server = server
        self.url = server.url
        self.config = server.shop.config
        self._http = httpx.AsyncClient(base_url=server.url, timeout=10)

    async def control(self, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        if body is None:
            reply = await self._http.get(path)
        else:
            reply = await self._http.post(path, json=body)
        assert reply.status_code == 200, reply.text
        return reply.json()

    async def now(self) -> int:
        return (await self.control("/sandbox/clock"))["now"]

    async def faults(self, *rules: dict[str, Any]) -> None:
        await self.control("/sandbox/faults", {"seed": 7, "faults": list(rules)})

    async def aclose(self) -> None:
        await self._http.aclose()


@pytest_asyncio.fixture
async def sandbox():
    server = await asyncio.to_thread(start_sandbox, products=12, orders=80, gift_orders=3)
    box = Sandbox(server)
    yield box
    await box.aclose()
    await asyncio.to_thread(server.stop)
    assert server.errors == []


@pytest_asyncio.fixture
async def api(sandbox):
    async with ApiClient(sandbox.url, sandbox.config.appid, sandbox.config.secret, timeout=5.0,
                         retry=RetryPolicy(attempts=4, base_delay=0.01, max_delay=0.05)) as client:
        yield client


async def test_token_and_shop_info(api):
    info = await shop.get_shop_info(api)
    assert info.nickname and info.status == "open_finished"
    assert (await api.access_token()) == (await api.access_token())


async def test_bad_secret_is_auth_failed(sandbox):
    async with ApiClient(sandbox.url, sandbox.config.appid, "wrong-secret") as client:
        with pytest.raises(AuthFailed):
            await shop.get_shop_info(client)


async def test_list_and_get_every_product(api):
    ids, _, total = await products.list_product_ids(api, page_size=5)
    assert len(ids) == 5
    all_ids = [i async for i in products.iter_product_ids(api, page_size=5)]
    assert len(all_ids) == total == len(set(all_ids))
    copies = await asyncio.gather(*(products.get_product(api, i) for i in all_ids))
    for product_id, pair in zip(all_ids, copies, strict=True):
        assert pair.draft is not None and pair.draft.product_id == product_id
        assert pair.draft.skus and all(s.sku_id for s in pair.draft.skus)
        if pair.online is not None:
            assert pair.online.product_id == product_id


async def _an_on_sale_product(api: ApiClient):
    async for product_id in products.iter_product_ids(api, status=ProductStatus.ON_SALE):
        pair = await products.get_product(api, product_id)
        if pair.online is not None and pair.draft.edit_status != EditStatus.IN_REVIEW:
            return pair
    raise AssertionError("the demo shop has no product on sale")


async def test_add_update_list_and_review(api, sandbox):
    template = (await _an_on_sale_product(api)).draft
    new = replace(template, product_id=None, title="接口测试新品 手工红糖礼盒", out_product_id="",
                  skus=tuple(replace(s, sku_id=None, out_sku_id="") for s in template.skus))
    product_id = await products.add_product(api, new)
    pair = await products.get_product(api, product_id)
    assert pair.online is None and pair.draft is not None
    assert pair.draft.title == "接口测试新品 手工红糖礼盒"
    assert pair.draft.extra.get("cats_v2") == template.extra.get("cats_v2")
    sku_ids = [s.sku_id for s in pair.draft.skus]
    edited = replace(pair.draft, title="接口测试新品 手工红糖礼盒 升级版")
    await products.update_product(api, edited)
    await products.list_product(api, product_id)
    pair = await products.get_product(api, product_id)
    assert pair.draft.edit_status == EditStatus.IN_REVIEW
    assert [s.sku_id for s in pair.draft.skus] == sku_ids  # updated, not recreated
    with pytest.raises(Rejected):
        await products.update_product(api, edited)  # under review
    await sandbox.control("/sandbox/clock/advance",
                          {"seconds": sandbox.config.review_delay + sandbox.config.async_write_delay + 1})
    pair = await products.get_product(api, product_id)
    assert pair.online is not None and pair.online.status == ProductStatus.ON_SALE
    assert pair.online.title == "接口测试新品 手工红糖礼盒 升级版"
    await products.delist_product(api, product_id)
    assert (await products.get_product(api, product_id)).online.status == ProductStatus.DELISTED


async def test_stock_update(api):
    pair = await _an_on_sale_product(api)
    sku = pair.online.skus[0]
    before = (await products.get_stock(api, pair.online.product_id, sku.sku_id)).normal
    await products.update_stock(api, pair.online.product_id, sku.sku_id, products.DIFF_ADD, 3)
    after = await products.get_stock(api, pair.online.product_id, sku.sku_id)
    assert after.normal == before + 3
    with pytest.raises(Rejected) as err:
        await products.update_stock(api, pair.online.product_id, sku.sku_id,
                                    products.DIFF_SUBTRACT, before + 4)
    assert err.value.errcode == 10020219


async def test_orders_in_a_week_window_and_get(api, sandbox):
    now = await sandbox.now()
    page = await orders.list_order_ids(api, update_time_range=(now - WEEK, now), page_size=10)
    assert page.ids
    everything = [i async for i in orders.iter_order_ids(api, now - 60 * 86400, now + 60)]
    assert set(page.ids) <= set(everything)
    fetched = await asyncio.gather(*(orders.get_order(api, i) for i in everything))
    assert {o.order_id for o in fetched} == set(everything)
    assert any(o.gift is not None for o in fetched)
    for order in fetched:
        if order.status == OrderStatus.GIFT_AWAITING_ACCEPTANCE:
            assert order.address is None and order.gift is not None
        if order.status in (OrderStatus.AWAITING_SHIPMENT, OrderStatus.SHIPPED):
            assert order.address is not None


async def _order_to_ship(api: ApiClient, sandbox: Sandbox):
    now = await sandbox.now()
    async for order_id in orders.iter_order_ids(api, now - 60 * 86400, now + 60,
                                                status=OrderStatus.AWAITING_SHIPMENT):
        order = await orders.get_order(api, order_id)
        if order.status == OrderStatus.AWAITING_SHIPMENT and order.address is not None \
                and order.gift is None:
            return order
    raise AssertionError("the demo shop has no order awaiting shipment")


async def test_gift_acceptance_brings_an_address(api, sandbox):
    now = await sandbox.now()
    gift = None
    async for order_id in orders.iter_order_ids(api, now - 60 * 86400, now + 60,
                                                status=OrderStatus.GIFT_AWAITING_ACCEPTANCE):
        gift = await orders.get_order(api, order_id)
        break
    assert gift is not None and gift.address is None and gift.gift is not None
    await sandbox.control("/sandbox/gift/accept", {"order_id": gift.order_id})
    accepted = await orders.get_order(api, gift.order_id)
    assert accepted.status == OrderStatus.AWAITING_SHIPMENT
    assert accepted.address is not None and accepted.gift is not None


async def test_ewaybill_then_delivery_send(api, sandbox):
    order = await _order_to_ship(api, sandbox)
    opened = await ewaybill.get_carriers(api)
    names = {c.delivery_id: c.delivery_name for c in opened.carriers}
    accounts, _ = await ewaybill.get_accounts(api, need_balance=True, names=names)
    account = next(a for a in accounts if a.available > 0 and a.sender and a.sender.name)
    request = ewaybill.WaybillRequest(
        account=account, sender=account.sender, receiver=order.address, order_id=order.order_id,
        goods=[WaybillGoods.from_line(line) for line in order.lines])
    ewb_id = await ewaybill.precreate(api, request)
    created = await ewaybill.create(api, request, ewb_id)
    assert created.waybill_id
    print_info = created.print_info or await ewaybill.get_print_info(api, ewb_id)
    assert print_info
    waybill = await ewaybill.get_waybill(api, ewb_id, names)
    assert (waybill.order_id, waybill.waybill_id, waybill.status) == \
        (order.order_id, created.waybill_id, 1)
    await ewaybill.report_printed(api, waybill)
    assert (await ewaybill.get_waybill(api, ewb_id)).status == 3
    parcel = Parcel(account.delivery_id, created.waybill_id, 0, order.unshipped_items())
    await delivery.send_delivery(api, order.order_id, [parcel])
    shipped = await orders.get_order(api, order.order_id)
    assert shipped.status == OrderStatus.SHIPPED
    assert [p.waybill_id for p in shipped.parcels] == [created.waybill_id]
    with pytest.raises(Rejected):
        await delivery.send_delivery(api, order.order_id, [parcel])


# ---- faults --------------------------------------------------------------------------------------

async def test_transient_faults_on_reads_are_retried(api, sandbox):
    path = "/channels/ec/basics/info/get"
    for kind in ("busy", "minute_quota", "http500", "http502", "reset", "bad_json", "cut"):
        await sandbox.faults({"path": path, "kind": kind, "times": 2})
        info = await shop.get_shop_info(api)
        assert info.nickname, kind
    await sandbox.faults({"path": path, "kind": "busy"})
    with pytest.raises(Busy):
        await shop.get_shop_info(api)


async def test_token_invalidated_is_refreshed(api, sandbox):
    await shop.get_shop_info(api)
    await sandbox.control("/sandbox/tokens/invalidate", {})
    assert (await shop.get_shop_info(api)).nickname
    await sandbox.faults({"path": "/channels/ec/basics/info/get", "kind": "token_invalid",
                          "times": 1})
    assert (await shop.get_shop_info(api)).nickname
    await sandbox.faults({"path": "/channels/ec/basics/info/get", "kind": "token_invalid",
                          "times": 2})
    with pytest.raises(AuthExpired):  # refused again after the one refresh
        await shop.get_shop_info(api)


@pytest.mark.parametrize("kind", ["http500", "reset", "bad_json", "cut"])
async def test_after_phase_fault_on_a_delta_is_unknown_outcome(api, kind, sandbox):
    pair = await _an_on_sale_product(api)
    sku = pair.online.skus[0]
    before = (await products.get_stock(api, pair.online.product_id, sku.sku_id)).normal
    await sandbox.faults({"path": "/channels/ec/product/stock/update", "kind": kind,
                          "phase": "after", "times": 1})
    with pytest.raises(UnknownOutcome):
        await products.update_stock(api, pair.online.product_id, sku.sku_id,
                                    products.DIFF_ADD, 2)
    # the write was applied: the caller must read before re-sending
    assert (await products.get_stock(api, pair.online.product_id, sku.sku_id)).normal == before + 2


async def test_before_phase_busy_on_delivery_send_is_retried_safely(api, sandbox):
    order = await _order_to_ship(api, sandbox)
    await sandbox.faults({"path": "/channels/ec/order/delivery/send", "kind": "busy",
                          "times": 1})
    parcel = Parcel("YTO", "YT0000000001", 0, order.unshipped_items())
    await delivery.send_delivery(api, order.order_id, [parcel])
    shipped = await orders.get_order(api, order.order_id)
    assert len(shipped.parcels) == 1


async def test_after_phase_reset_on_delivery_send(api, sandbox):
    order = await _order_to_ship(api, sandbox)
    await sandbox.faults({"path": "/channels/ec/order/delivery/send", "kind": "reset",
                          "phase": "after", "times": 1})
    parcel = Parcel("YTO", "YT0000000002", 0,
                    (ParcelItem(order.lines[0].product_id, order.lines[0].sku_id,
                                order.lines[0].sku_cnt),))
    with pytest.raises(UnknownOutcome):
        await delivery.send_delivery(api, order.order_id, [parcel])
    assert len((await orders.get_order(api, order.order_id)).parcels) == 1


async def test_search_notes_decode_and_catalogues(api, sandbox):
    order = await _order_to_ship(api, sandbox)
    await orders.update_merchant_notes(api, order.order_id, "接口测试备注")
    assert (await orders.get_order(api, order.order_id)).merchant_notes == "接口测试备注"
    page = await orders.search_orders(api, order_id=order.order_id)
    assert page.ids == [order.order_id]
    page = await orders.search_orders(api, tel_number_last4=order.address.tel_last4)
    assert order.order_id in page.ids
    decoded = await orders.decode_sensitive_info(api, order.order_id)
    assert decoded is not None and "*" not in decoded.tel_number
    assert decoded.tel_last4 == order.address.tel_last4
    assert await delivery.list_carriers(api)
    assert await delivery.list_carriers_legacy(api)
    templates = await ewaybill.get_template_config(api)
    assert {(t.width_mm, t.height_mm) for t in templates} == {(76, 130)}


async def test_gift_note_and_sub_orders(api, sandbox):
    now = await sandbox.now()
    async for order_id in orders.iter_order_ids(api, now - 60 * 86400, now + 60,
                                                status=OrderStatus.GIFT_AWAITING_ACCEPTANCE):
        gift = (await orders.get_order(api, order_id)).gift
        break
    assert gift is not None
    await orders.add_present_note(api, gift.present_order_id, "商家祝福：生日快乐")
    assert order_id in await orders.get_present_sub_orders(api, gift.present_order_id)


async def test_upload_image(api):
    png = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x02\x00\x00\x00\x01\x08\x02"
           b"\x00\x00\x00\x7b\x40\xe8\xdd\x00\x00\x00\x0eIDATx\x9cc```\x00\x02\x06\x00\x00"
           b"\x10\x00\x03\xd5\xc5\xa1\x9f\x00\x00\x00\x00IEND\xaeB`\x82")
    url = await media.upload_image(api, png, filename="dot.png")
    assert url.startswith("https://mmecimage.cn/p/")


async def test_waybill_cancel_and_batch_print(api, sandbox):
    order = await _order_to_ship(api, sandbox)
    accounts, _ = await ewaybill.get_accounts(api, need_balance=True)
    account = next(a for a in accounts if a.available > 0 and a.sender and a.sender.name)
    request = ewaybill.WaybillRequest(account=account, sender=account.sender,
                                      receiver=order.address, order_id=order.order_id,
                                      goods=[WaybillGoods.from_line(ln) for ln in order.lines])
    first = await ewaybill.create(api, request, await ewaybill.precreate(api, request))
    await ewaybill.cancel(api, first.ewaybill_order_id, account.delivery_id, first.waybill_id)
    assert (await ewaybill.get_waybill(api, first.ewaybill_order_id)).status == 2
    second = await ewaybill.create(api, request, await ewaybill.precreate(api, request))
    waybill = await ewaybill.get_waybill(api, second.ewaybill_order_id)
    result = await ewaybill.report_batch_printed(api, [waybill])
    assert result.succeeded == [second.ewaybill_order_id] and result.failed == []
    with pytest.raises(Rejected) as err:
        await ewaybill.create(api, request, second.ewaybill_order_id)  # id already used
    assert err.value.errcode == 10025019


async def test_lost_create_reply_then_read_back(api, sandbox):
    order = await _order_to_ship(api, sandbox)
    accounts, _ = await ewaybill.get_accounts(api, need_balance=True)
    account = next(a for a in accounts if a.available > 0 and a.sender and a.sender.name)
    request = ewaybill.WaybillRequest(account=account, sender=account.sender,
                                      receiver=order.address, order_id=order.order_id,
                                      goods=[WaybillGoods.from_line(ln) for ln in order.lines])
    ewb_id = await ewaybill.precreate(api, request)
    await sandbox.faults({"path": f"{ewaybill.PREFIX}/order/create", "kind": "http502",
                          "phase": "after", "times": 1})
    with pytest.raises(UnknownOutcome):
        await ewaybill.create(api, request, ewb_id)
    taken = await ewaybill.get_waybill(api, ewb_id)  # what the sync engine does next
    assert taken.waybill_id and taken.status == 1


async def test_slow_reply_times_out_and_is_retried(sandbox):
    async with ApiClient(sandbox.url, sandbox.config.appid, sandbox.config.secret, timeout=0.3,
                         retry=RetryPolicy(attempts=3, base_delay=0.01)) as client:
        await shop.get_shop_info(client)
        await sandbox.faults({"path": "/channels/ec/basics/info/get", "kind": "delay",
                              "seconds": 0.8, "phase": "after", "times": 1})
        assert (await shop.get_shop_info(client)).nickname
        assert client.online
