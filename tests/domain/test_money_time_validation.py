"""Money parsing, time display and the product rules, as a seller meets them."""

from dataclasses import replace

import pytest

from seller_desktop.domain.money import MoneyError, format_fen, format_range, parse_yuan
from seller_desktop.domain.order import Address, Order, OrderLine, Parcel, ParcelItem
from seller_desktop.domain.product import Product, Sku, SkuAttr
from seller_desktop.domain.timeutil import format_duration, format_ts, parse_wire_datetime
from seller_desktop.domain.validation import copy_settings, validate_product


@pytest.mark.parametrize(("text", "fen"), [("12.5", 1250), ("¥0.01", 1), (" 3 ", 300), ("99.99", 9999)])
def test_parse_yuan(text, fen):
    assert parse_yuan(text) == fen


@pytest.mark.parametrize("text", ["", "-1", "1.234", "abc", "1,000", "1e3"])
def test_parse_yuan_rejects(text):
    with pytest.raises(MoneyError, match="金额"):
        parse_yuan(text)


def test_format_money():
    assert format_fen(1250) == "¥12.50"
    assert format_fen(None) == "—"
    assert format_range(100, 2599) == "¥1.00–25.99"


def test_time_is_shanghai():
    assert format_ts(0) == ""
    assert format_ts(1_700_000_000) == "2023-11-15 06:13"
    assert parse_wire_datetime("2023-11-15 06:13:20") == 1_700_000_000
    assert format_duration(3 * 3600 + 5 * 60) == "3小时05分"
    assert format_duration(-5) == "0分00秒"


SETTINGS = {"cats_v2": [{"cat_id": "1"}, {"cat_id": "2"}, {"cat_id": "3"}],
            "deliver_method": 0, "express_info": {"template_id": "38983386001"},
            "extra_service": {"seven_day_return": 1, "freight_insurance": 0}}
IMGS = tuple(f"https://mmecimage.cn/p/wx/{i}" for i in range(3))


def _product(title="纯棉圆领短袖T恤", **sku_kw):
    sku = Sku(sku_id=None, sale_price=sku_kw.pop("sale_price", 5900), stock_num=10,
              attrs=(SkuAttr("颜色", "白"),), **sku_kw)
    return Product(product_id=None, title=title, skus=(sku,), head_imgs=IMGS, extra=dict(SETTINGS))


def test_valid_product_has_no_issues():
    assert validate_product(_product()) == []


@pytest.mark.parametrize(("product", "field"), [
    (_product(title="短袖"), "title"),
    (_product(title="长" * 61), "title"),
    (_product(title="ABC123"), "title"),
    (_product(title="Test Product-123!"), "title"),
    (_product(sale_price=0), "skus[0].sale_price"),
    (_product(sale_price=1_000_000_001), "skus[0].sale_price"),
    (_product(market_price=5000), "skus[0].market_price"),
    (Product(product_id=None, title="纯棉圆领短袖T恤", skus=(), head_imgs=IMGS,
             extra=dict(SETTINGS)), "skus"),
    (replace(_product(), head_imgs=IMGS[:2]), "head_imgs"),
    (replace(_product(), head_imgs=(IMGS[0],) * 3), "head_imgs"),
    # the store refuses more than 100 values under one spec name (10020031)
    (replace(_product(), skus=tuple(Sku(sku_id=None, sale_price=100, stock_num=1,
                                        attrs=(SkuAttr("颜色", f"色{i}"),))
                                    for i in range(101))), "skus"),
])
def test_invalid_product_names_the_field(product, field):
    issues = validate_product(product)
    assert [i.field for i in issues] == [field]
    assert all(i.message for i in issues)


def test_new_product_needs_store_settings_and_can_copy_them():
    bare = replace(_product(), extra={})
    assert {i.field for i in validate_product(bare)} == {"category", "freight", "extra_service"}
    assert validate_product(copy_settings(_product(), bare)) == []
    virtual = replace(_product(), extra={**SETTINGS, "deliver_method": 1, "express_info": {}})
    assert validate_product(virtual) == []


def test_unshipped_items_after_partial_parcel():
    line = OrderLine("p1", "s1", "T恤", 3, 5900, 17700)
    other = OrderLine("p2", "s2", "袜子", 1, 900, 900)
    order = Order("1", 21, 0, 0, (line, other),
                  address=Address("王**", "133****6868", "广东省", "深圳市", "南山区", "****"),
                  parcels=(Parcel("YTO", "YT1", 0, (ParcelItem("p1", "s1", 2),)),))
    assert order.unshipped_items() == (ParcelItem("p1", "s1", 1), ParcelItem("p2", "s2", 1))
    assert order.can_ship() == (True, "")
    assert order.address.tel_last4 == "6868"
