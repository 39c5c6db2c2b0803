"""Endpoint functions: the requests they send, paging, windows and idempotency flags."""

from __future__ import annotations

import struct
import zlib

import httpx
import pytest

from seller_desktop.api import Rejected, UnknownOutcome, delivery, ewaybill, media, orders, products
from seller_desktop.api.schemas import WaybillGoods
from seller_desktop.api.shop import get_shop_info
from seller_desktop.domain import (
    Address,
    CarrierAccount,
    Parcel,
    ParcelItem,
    Product,
    SenderAddress,
    Sku,
    SkuAttr,
)

pytestmark = pytest.mark.asyncio
DAY = 86400


# ---- products ---------------------------------------------------------------------------------

async def test_product_id_pages_until_next_key_is_empty(client, wechat):
    path = "/channels/ec/product/list/get"
    wechat.script(path, {"errcode": 0, "product_ids": ["1", "2"], "next_key": "k1", "total_num": 5},
                  {"errcode": 0, "product_ids": [3, 4], "next_key": "k2", "total_num": 5},
                  {"errcode": 0, "product_ids": ["5"], "next_key": "", "total_num": 5})
    ids = [i async for i in products.iter_product_ids(client, status=5, page_size=2)]
    assert ids == ["1", "2", "3", "4", "5"]
    bodies = [wechat.body(r) for r in wechat.calls(path)]
    assert bodies == [{"page_size": 2, "status": 5}, {"page_size": 2, "status": 5, "next_key": "k1"},
                      {"page_size": 2, "status": 5, "next_key": "k2"}]


async def test_product_id_pages_stop_on_a_short_page(client, wechat):
    path = "/channels/ec/product/list/get"
    wechat.script(path, {"product_ids": ["1", "2", "3"], "next_key": "k1", "total_num": 4},
                  {"product_ids": ["4"], "next_key": "k2", "total_num": 4})
    assert [i async for i in products.iter_product_ids(client, page_size=3)] == ["1", "2", "3", "4"]
    assert len(wechat.calls(path)) == 2
    assert await products.list_product_ids(client) == ([], "", 0)
    with pytest.raises(ValueError):
        await products.list_product_ids(client, page_size=31)


async def test_get_add_update_and_simple_product_calls(client, wechat):
    wechat.script("/channels/ec/product/get", {"errcode": 0, "edit_product": {
        "product_id": "77", "title": "草稿商品标题", "skus": [{"sku_id": "9", "sale_price": 100}]}})
    copies = await products.get_product(client, "77")
    assert copies.online is None and copies.draft is not None
    assert wechat.body(wechat.calls("/channels/ec/product/get")[0]) == {"product_id": "77",
                                                                         "data_type": 3}
    wechat.script("/channels/ec/product/add",
                  {"errcode": 0, "data": {"product_id": "78", "create_time": "2026-01-01 00:00:00"}})
    new = Product(None, "新品手工红糖", (Sku(None, 990, 10, (SkuAttr("重量", "500g"),)),))
    assert await products.add_product(client, new, listing=True) == "78"
    add_body = wechat.body(wechat.calls("/channels/ec/product/add")[0])
    assert "product_id" not in add_body and add_body["listing"] == 1
    await products.update_product(client, copies.draft)
    assert wechat.body(wechat.calls("/channels/ec/product/update")[0])["skus"][0]["sku_id"] == "9"
    for fn, path in ((products.list_product, "listing"), (products.delist_product, "delisting"),
                     (products.cancel_audit, "audit/cancel"), (products.delete_product, "delete")):
        await fn(client, "77")
        assert wechat.body(wechat.calls(f"/channels/ec/product/{path}")[0]) == {"product_id": "77"}


async def test_add_is_not_retried_after_an_ambiguous_failure(client, wechat):
    wechat.script("/channels/ec/product/add", httpx.ReadTimeout("timed out"))
    with pytest.raises(UnknownOutcome):
        await products.add_product(client, Product(None, "新品手工红糖", (Sku(None, 990, 1),)))
    assert len(wechat.calls("/channels/ec/product/add")) == 1


@pytest.mark.parametrize("fn", [products.list_product, products.delist_product,
                                products.cancel_audit, products.delete_product])
async def test_state_transitions_are_not_retried_after_an_ambiguous_failure(client, wechat, fn):
    wechat.script("/channels/ec/product/listing", httpx.Response(502))
    wechat.script("/channels/ec/product/delisting", httpx.Response(502))
    wechat.script("/channels/ec/product/audit/cancel", httpx.Response(502))
    wechat.script("/channels/ec/product/delete", httpx.Response(502))
    with pytest.raises(UnknownOutcome):
        await fn(client, "77")
    assert sum(1 for r in wechat.requests if r.url.path.startswith("/channels/ec/product/")) == 1


async def test_stock_deltas_are_not_retried_but_absolute_sets_are(client, wechat):
    path = "/channels/ec/product/stock/update"
    wechat.script(path, httpx.Response(500))
    with pytest.raises(UnknownOutcome):
        await products.update_stock(client, "77", "9", products.DIFF_SUBTRACT, 2)
    assert wechat.body(wechat.calls(path)[0]) == {"product_id": "77", "sku_id": "9",
                                                  "diff_type": 2, "num": 2}
    wechat.script(path, httpx.Response(500))
    await products.update_stock(client, "77", "9", products.DIFF_SET, 5)
    assert len(wechat.calls(path)) == 3
    with pytest.raises(ValueError):
        await products.update_stock(client, "77", "9", 4, 1)
    wechat.script("/channels/ec/product/stock/get",
                  {"data": {"normal_stock_num": 5, "total_stock_num": 5}})
    assert (await products.get_stock(client, "77", "9")).total == 5


# ---- orders -----------------------------------------------------------------------------------

async def test_order_window_over_seven_days_is_refused_client_side(client, wechat):
    with pytest.raises(ValueError):
        await orders.list_order_ids(client, update_time_range=(0, 7 * DAY + 1))
    with pytest.raises(ValueError):
        await orders.list_order_ids(client)
    await orders.list_order_ids(client, create_time_range=(0, 7 * DAY), status=20)
    body = wechat.body(wechat.calls("/channels/ec/order/list/get")[0])
    assert body == {"page_size": 100, "next_key": "",
                    "create_time_range": {"start_time": 0, "end_time": 7 * DAY}, "status": 20}


async def test_long_span_is_split_into_windows_and_pages_followed(client, wechat):
    path = "/channels/ec/order/list/get"
    start = 1_760_000_000
    end = start + 16 * DAY
    wechat.script(path, {"order_id_list": ["a", "b"], "next_key": "p2", "has_more": True},
                  {"order_id_list": ["c"], "next_key": "", "has_more": False},
                  {"order_id_list": ["c", "d"], "next_key": "x", "has_more": False},
                  {"order_id_list": [], "has_more": False})
    ids = [i async for i in orders.iter_order_ids(client, start, end)]
    assert ids == ["a", "b", "c", "d"]
    ranges = [wechat.body(r)["update_time_range"] for r in wechat.calls(path)]
    keys = [wechat.body(r)["next_key"] for r in wechat.calls(path)]
    assert keys == ["", "p2", "", ""]
    assert ranges[0] == ranges[1] == {"start_time": start, "end_time": start + 7 * DAY}
    assert ranges[2] == {"start_time": start + 7 * DAY + 1, "end_time": start + 14 * DAY + 1}
    assert ranges[3] == {"start_time": start + 14 * DAY + 2, "end_time": end}
    for r in ranges:
        assert r["end_time"] - r["start_time"] <= 7 * DAY


async def test_order_get_search_notes_and_decode(client, wechat):
    wechat.script("/channels/ec/order/get", {"order": {"order_id": "37001", "status": 20}})
    assert (await orders.get_order(client, "37001")).order_id == "37001"
    wechat.script("/channels/ec/order/search", {"orders": ["37001"], "has_more": False})
    page = await orders.search_orders(client, tel_number_last4="6868")
    assert page.ids == ["37001"]
    assert wechat.body(wechat.calls("/channels/ec/order/search")[0])["search_condition"] == \
        {"tel_number_last4": "6868"}
    with pytest.raises(ValueError):
        await orders.search_orders(client)
    await orders.update_merchant_notes(client, "37001", "加急")
    assert wechat.body(wechat.calls("/channels/ec/order/merchantnotes/update")[0]) == \
        {"order_id": "37001", "merchant_notes": "加急"}
    await orders.add_present_note(client, "42001", "祝好")
    assert wechat.body(wechat.calls("/channels/ec/order/presentnote/add")[0]) == \
        {"present_order_id": "42001", "notes": "祝好"}
    wechat.script("/channels/ec/order/sensitiveinfo/decode", {"address_info": {
        "user_name": "王小明", "tel_number": "13300006868", "province_name": "北京市"}})
    address = await orders.decode_sensitive_info(client, "37001")
    assert address is not None and address.user_name == "王小明"


# ---- delivery and e-waybill ---------------------------------------------------------------------

async def test_delivery_send_is_not_idempotent(client, wechat):
    path = "/channels/ec/order/delivery/send"
    parcel = Parcel("YTO", "YT1", 0, (ParcelItem("10", "11", 1),))
    await delivery.send_delivery(client, "37001", [parcel])
    assert wechat.body(wechat.calls(path)[0])["delivery_list"][0]["waybill_id"] == "YT1"
    wechat.script(path, httpx.RemoteProtocolError("peer closed connection"))
    with pytest.raises(UnknownOutcome):
        await delivery.send_delivery(client, "37001", [parcel])
    assert len(wechat.calls(path)) == 2
    wechat.script("/channels/ec/order/deliverycompanylist/new/get",
                  {"company_list": [{"delivery_id": "SF", "delivery_name": "顺丰速运"}]})
    assert (await delivery.list_carriers(client, ewaybill_only=True))[0].delivery_id == "SF"


def _request() -> ewaybill.WaybillRequest:
    account = CarrierAccount("YTO", "圆通", "2000000001", "100000001", "021001", "浦东", 10)
    return ewaybill.WaybillRequest(
        account=account,
        sender=SenderAddress("李四", "13900001111", "上海市", "上海市", "浦东新区", "科苑路88号"),
        receiver=Address("王**", "133****6868", "北京市", "北京市", "海淀区", "****"),
        order_id="3705115058471208928", goods=[WaybillGoods("红茶", 1, "10", "11")])


async def test_ewaybill_create_flow(client, wechat):
    base = ewaybill.PREFIX
    wechat.script(f"{base}/order/precreate", {"ewaybill_order_id": "880001"})
    ewb_id = await ewaybill.precreate(client, _request())
    assert ewb_id == "880001"
    wechat.script(f"{base}/order/create", {"ewaybill_order_id": "880001", "waybill_id": "YT900",
                                           "print_info": "PI"})
    created = await ewaybill.create(client, _request(), ewb_id)
    body = wechat.body(wechat.calls(f"{base}/order/create")[0])
    assert body["ewaybill_order_id"] == "880001" and body["template_id"] == "single"
    assert body["ewaybill_acct_id"] == "2000000001" and body["site_code"] == "021001"
    assert (created.waybill_id, created.print_info) == ("YT900", "PI")
    wechat.script(f"{base}/order/create", {"errcode": 10025005, "errmsg": "取号失败",
                                           "delivery_error_msg": "其他原因"})
    with pytest.raises(Rejected) as err:
        await ewaybill.create(client, _request(), "880002")
    assert err.value.delivery_error_msg == "其他原因"
    wechat.script(f"{base}/order/create", httpx.ReadTimeout("timed out"))
    with pytest.raises(UnknownOutcome):
        await ewaybill.create(client, _request(), "880003")
    wechat.script(f"{base}/order/get", {"order_info": {
        "ewaybill_order_id": "880001", "delivery_id": "YTO", "waybill_id": "YT900", "status": 1,
        "ec_order_list": [{"ec_order_id": 3705115058471208928}]}})
    waybill = await ewaybill.get_waybill(client, "880001")
    assert waybill.order_id == "3705115058471208928"
    await ewaybill.report_printed(client, waybill, reprint=True)
    assert wechat.body(wechat.calls(f"{base}/order/print")[0]) == {
        "ewaybill_order_id": "880001", "delivery_id": "YTO", "waybill_id": "YT900", "re_print": 1}
    wechat.script(f"{base}/order/batchprint", {"succ_ewaybill_order_id": ["880001"],
                                               "fail_ewaybill_order_id": []})
    assert (await ewaybill.report_batch_printed(client, [waybill])).succeeded == ["880001"]
    wechat.script(f"{base}/print/get", {"print_info": "PI2"})
    assert await ewaybill.get_print_info(client, "880001") == "PI2"
    await ewaybill.cancel(client, "880001", "YTO", "YT900")
    assert wechat.body(wechat.calls(f"{base}/order/cancel")[0]) == {
        "ewaybill_order_id": "880001", "delivery_id": "YTO", "waybill_id": "YT900"}


# ---- shop and media -----------------------------------------------------------------------------

def _png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    raw = b"".join(b"\x00" + b"\x00\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw))
            + chunk(b"IEND", b""))


def _jpeg_header(width: int, height: int) -> bytes:
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof + b"\xff\xd9"


async def test_image_size_from_headers():
    assert media.image_size(_png(7, 3)) == (7, 3)
    assert media.image_size(_jpeg_header(640, 480)) == (640, 480)
    with pytest.raises(ValueError):
        media.image_size(b"GIF89a....")
    with pytest.raises(ValueError):
        media.image_size(b"\xff\xd8\xff\xe0\x00\x10JFIF")


async def test_upload_image_sends_multipart_with_size(client, wechat):
    wechat.script(media.UPLOAD_PATH, {"errcode": 0, "pic_file": {
        "media_id": "", "img_url": "https://mmecimage.cn/p/wx/abc"}})
    url = await media.upload_image(client, _png(4, 2), filename="a.png")
    assert url == "https://mmecimage.cn/p/wx/abc"
    request = wechat.calls(media.UPLOAD_PATH)[0]
    params = request.url.params
    assert (params["upload_type"], params["resp_type"], params["width"], params["height"]) == \
        ("0", "1", "4", "2")
    assert request.headers["content-type"].startswith("multipart/form-data")
    assert b'name="media"' in request.content


async def test_shop_info_is_a_get(client, wechat):
    wechat.script("/channels/ec/basics/info/get", {"info": {"nickname": "山野茶铺"}})
    assert (await get_shop_info(client)).nickname == "山野茶铺"
    assert wechat.calls("/channels/ec/basics/info/get")[0].method == "GET"
