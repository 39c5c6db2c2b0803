"""Product, stock, shop and image wire samples (auth-products.md §3, §4, §7, §8) ↔ domain."""

from __future__ import annotations

import copy

import pytest

from seller_desktop.api import MalformedResponse
from seller_desktop.api.schemas import (
    parse_product,
    parse_product_copies,
    parse_product_id_page,
    parse_shop_info,
    parse_stock,
    parse_uploaded_image_url,
    parse_written_product_id,
    product_body,
)
from seller_desktop.domain import EditStatus, ProductStatus, Sku, SkuAttr

IMG = "https://mmecimage.cn/p/wx123/"


def wire_product(**over):
    product = {
        "product_id": "10000029995861",
        "out_product_id": "A-1001",
        "title": "云南高山红茶 春茶礼盒装",
        "short_title": "红茶礼盒",
        "sub_title": "",
        "head_imgs": [IMG + "h1", IMG + "h2", IMG + "h3"],
        "deliver_method": 0,
        "desc_info": {"imgs": [IMG + "d1"], "desc": "产地直发", "video_ids": ["v1"]},
        "cats": [{"cat_id": "6033"}, {"cat_id": "6057"}, {"cat_id": "6091"}],
        "cats_v2": [{"cat_id": "6033"}, {"cat_id": "6057"}, {"cat_id": "6091"}],
        "attrs": [{"attr_key": "产地", "attr_value": "云南"}],
        "spu_code": "SPU-77",
        "brand_id": "2100000000",
        "express_info": {"template_id": "38983386001", "weight": 500},
        "aftersale_desc": "七天无理由",
        "extra_service": {"seven_day_return": 1, "freight_insurance": 0},
        "skus": [
            {"sku_id": "1380001", "out_sku_id": "S-1", "thumb_img": IMG + "s1",
             "sale_price": 12800, "market_price": 16800, "stock_num": 40, "sku_code": "RT-250",
             "sku_attrs": [{"attr_key": "规格", "attr_value": "250g"}],
             "sku_deliver_info": {"stock_type": 0}, "status": 5},
            {"sku_id": 1380002, "sale_price": 22800, "stock_num": 0,
             "sku_attrs": [{"attr_key": "规格", "attr_value": "500g"}]},
        ],
        "min_price": 12800,
        "status": 5,
        "edit_status": 4,
        "create_time": "2026-03-25 12:05:25",
        "edit_time": 1774410325,
        "product_type": 1,
        "total_sold_num": 311,
        "some_future_field": {"x": 1},
    }
    product.update(over)
    return product


def test_product_fields_and_extras():
    p = parse_product(wire_product())
    assert p.product_id == "10000029995861"
    assert p.title == "云南高山红茶 春茶礼盒装"
    assert p.short_title == "红茶礼盒"
    assert p.head_imgs == (IMG + "h1", IMG + "h2", IMG + "h3")
    assert (p.desc, p.desc_imgs) == ("产地直发", (IMG + "d1",))
    assert (p.out_product_id, p.spu_code) == ("A-1001", "SPU-77")
    assert p.status == ProductStatus.ON_SALE and p.edit_status == EditStatus.REVIEW_PASSED
    assert p.edit_time == 1774410325
    for key in ("cats", "cats_v2", "attrs", "express_info", "extra_service", "deliver_method",
                "aftersale_desc", "brand_id", "some_future_field", "total_sold_num"):
        assert key in p.extra
    assert p.extra["desc_info"] == {"video_ids": ["v1"]}
    first, second = p.skus
    assert first == Sku("1380001", 12800, 40, (SkuAttr("规格", "250g"),), 16800, "RT-250", "S-1",
                        IMG + "s1")
    assert first.extra == {"sku_deliver_info": {"stock_type": 0}, "status": 5}
    assert second.sku_id == "1380002"  # a number on the wire, a string in the domain
    assert second.market_price is None and second.thumb_img == ""


def test_numeric_product_id_and_missing_optionals():
    minimal = {"product_id": 10000029995862, "title": "极简商品五个字",
               "skus": [{"sale_price": 100}]}
    p = parse_product(minimal)
    assert p.product_id == "10000029995862"
    assert p.head_imgs == () and p.desc == "" and p.extra == {}
    assert p.status == 0 and p.skus[0].stock_num == 0 and p.skus[0].sku_id is None


def test_unknown_status_kept_as_int():
    p = parse_product(wire_product(status=77, edit_status=99))
    assert p.status == 77 and not isinstance(p.status, ProductStatus)
    assert p.edit_status == 99


@pytest.mark.parametrize("mutate", [
    lambda d: d.pop("product_id"),
    lambda d: d.pop("title"),
    lambda d: d.update(title=123),
    lambda d: d.update(head_imgs="not-a-list"),
    lambda d: d.update(head_imgs=[1, 2]),
    lambda d: d["skus"][0].update(sale_price="128.00"),
    lambda d: d["skus"][0].update(sale_price=128.5),
    lambda d: d["skus"][0].update(stock_num=True),
    lambda d: d["skus"][0].pop("sale_price"),
    lambda d: d["skus"][0].update(sku_attrs=[{"attr_key": "规格"}]),
    lambda d: d.update(skus={"sku_id": "1"}),
    lambda d: d.update(desc_info=["x"]),
    lambda d: d.update(status="5"),
])
def test_wrong_types_are_malformed(mutate):
    d = wire_product()
    mutate(d)
    with pytest.raises(MalformedResponse):
        parse_product(d)


def test_both_copies_from_get():
    draft = wire_product(title="云南高山红茶 新版草稿", edit_status=1)
    copies = parse_product_copies({"errcode": 0, "errmsg": "ok", "product": wire_product(),
                                   "edit_product": draft, "info_score": {"level": 2}})
    assert copies.online is not None and copies.online.title == "云南高山红茶 春茶礼盒装"
    assert copies.draft is not None and copies.draft.title == "云南高山红茶 新版草稿"
    never_listed = parse_product_copies({"errcode": 0, "edit_product": draft})
    assert never_listed.online is None and never_listed.draft is not None


def test_update_body_round_trips_everything_the_server_sent():
    wire = wire_product()
    p = parse_product(copy.deepcopy(wire))
    body = product_body(p, with_id=True)
    for key in ("min_price", "status", "edit_status", "create_time", "edit_time",
                "product_type", "total_sold_num"):
        assert key not in body
    for key in ("cats", "cats_v2", "attrs", "express_info", "extra_service", "deliver_method",
                "aftersale_desc", "brand_id", "some_future_field", "spu_code", "out_product_id",
                "short_title", "head_imgs", "title", "product_id"):
        assert body[key] == wire[key], key
    assert body["desc_info"] == wire["desc_info"]
    sku0 = body["skus"][0]
    assert sku0["sku_id"] == "1380001" and "status" not in sku0
    assert sku0["sku_deliver_info"] == {"stock_type": 0}
    assert sku0["market_price"] == 16800 and sku0["sku_code"] == "RT-250"
    assert body["skus"][1]["sku_id"] == "1380002" and "market_price" not in body["skus"][1]
    assert "listing" not in body


def test_add_body_has_no_ids_for_new_product_and_new_skus():
    p = parse_product(wire_product())
    new_sku = Sku(None, 9900, 5, (SkuAttr("规格", "100g"),))
    from dataclasses import replace
    draft = replace(p, product_id=None, skus=(*p.skus, new_sku))
    body = product_body(draft, with_id=False, listing=True)
    assert "product_id" not in body
    assert body["listing"] == 1
    assert body["skus"][2] == {"sale_price": 9900, "stock_num": 5,
                               "sku_attrs": [{"attr_key": "规格", "attr_value": "100g"}]}
    with pytest.raises(ValueError):
        product_body(draft, with_id=True)


def test_product_id_page_accepts_numbers():
    page = parse_product_id_page({"errcode": 0, "product_ids": [10000029995861, "10000029995862"],
                                  "next_key": "THE-NEXT", "total_num": 61})
    assert page.ids == ["10000029995861", "10000029995862"]
    assert (page.next_key, page.total_num) == ("THE-NEXT", 61)
    empty = parse_product_id_page({"errcode": 0})
    assert empty.ids == [] and empty.next_key == ""
    with pytest.raises(MalformedResponse):
        parse_product_id_page({"product_ids": "1,2"})


def test_written_product_id_and_stock():
    assert parse_written_product_id({"data": {"product_id": 123, "create_time": "x"}}) == "123"
    with pytest.raises(MalformedResponse):
        parse_written_product_id({"data": {}})
    stock = parse_stock({"data": {"normal_stock_num": 10, "limited_discount_stock_num": 2,
                                  "warehouse_stocks": [], "total_stock_num": 12}})
    assert (stock.normal, stock.limited_discount, stock.total) == (10, 2, 12)


def test_shop_info_and_uploaded_image():
    info = parse_shop_info({"info": {"nickname": "山野茶铺", "headimg_url": "https://x/y.png",
                                     "subject_type": "个体工商户", "status": "open_finished",
                                     "username": "gh_abc", "open_timestamp": 1700000000,
                                     "is_local_life": 0}})
    assert (info.nickname, info.status, info.username) == ("山野茶铺", "open_finished", "gh_abc")
    with pytest.raises(MalformedResponse):
        parse_shop_info({"errcode": 0})
    url = parse_uploaded_image_url({"pic_file": {"media_id": "", "img_url": IMG + "k"}})
    assert url == IMG + "k"
    with pytest.raises(MalformedResponse):
        parse_uploaded_image_url({"pic_file": {"media_id": "m"}})


# ---- sizes and references a reply may not carry (issue 13 items 5, 6) --------------------------

@pytest.mark.parametrize("over", [
    {"head_imgs": ["local:/etc/passwd", IMG + "h2", IMG + "h3"]},
    {"head_imgs": [IMG + "h1", "local:../../.ssh/id_rsa", IMG + "h3"]},
    {"head_imgs": ["file:///etc/passwd"]},
    {"head_imgs": ["/home/seller/photo.png"]},
    {"desc_info": {"imgs": ["local:images/0123456789abcdef0123456789abcdef.png"]}},
    {"skus": [{"sku_id": "1", "sale_price": 100, "thumb_img": "local:/etc/shadow"}]},
    {"head_imgs": ["https://mmecimage.cn/p/x\n/y"]},
], ids=lambda o: str(o)[:40])
def test_a_reply_cannot_name_a_local_file_as_an_image(over):
    with pytest.raises(MalformedResponse):
        parse_product(wire_product(**over))


@pytest.mark.parametrize("over", [
    {"title": "长" * 121},
    {"title": "长" * (10 * 1024 * 1024)},
    {"short_title": "短" * 41},
    {"out_product_id": "x" * 257},
    {"skus": [{"sku_id": "1", "sale_price": 100, "sku_code": "c" * 201}]},
    {"skus": [{"sku_id": "1", "sale_price": 100, "stock_num": 2**64 - 1}]},
    {"skus": [{"sku_id": "1", "sale_price": 2**70}]},
    {"skus": [{"sku_id": "1", "sale_price": 100}]} | {"edit_time": 2**40},
    {"head_imgs": [IMG + str(i) for i in range(19)]},
    {"skus": [{"sku_id": str(i), "sale_price": 100} for i in range(1001)]},
    {"product_id": "9" * 129},
    {"unmodelled_blob": "x" * (300 * 1024)},
    {"desc_info": {"desc": "描" * 20_001}},
], ids=lambda o: str(o)[:40])
def test_an_oversized_field_is_a_malformed_reply(over):
    with pytest.raises(MalformedResponse):
        parse_product(wire_product(**over))


def test_fields_at_their_limits_are_read():
    product = parse_product(wire_product(title="长" * 120, short_title="短" * 40,
                                         head_imgs=[IMG + str(i) for i in range(18)]))
    assert len(product.title) == 120 and len(product.head_imgs) == 18


def test_an_uploaded_image_must_come_back_as_an_https_link():
    for url in ("local:/etc/passwd", "http://mmecimage.cn/p/x", "", "javascript:alert(1)"):
        with pytest.raises(MalformedResponse):
            parse_uploaded_image_url({"pic_file": {"img_url": url}})
