"""The custom area (自定义区): the settings are checked like the reference (https template, the
65.6×30 mm area), filled per order with its id and items only, and escaped for the template."""

from __future__ import annotations

import json

import pytest
from labels_sample import sample_orders

from seller_desktop.domain import Order
from seller_desktop.labels.custom_area import (
    CustomArea,
    custom_info,
    fill,
    problem,
    width_units,
)

URL = "https://shop.example.com/area.html"


@pytest.mark.parametrize(("area", "says"), [
    (CustomArea("", "订单 {订单号}"), "模板地址"),
    (CustomArea("http://shop.example.com/a.html", ""), "https://"),
    (CustomArea("https://user:pw@shop.example.com/a.html", ""), "用户名或密码"),
    (CustomArea("https:///a.html", ""), "域名"),
    (CustomArea("https://shop.example.com/a b.html", ""), "空格"),
    (CustomArea("https://x.example/" + "a" * 1100, ""), "太长"),
    (CustomArea(URL, "{订单号} {电话}"), "买家"),
    (CustomArea(URL, "{收件人地址}"), "买家"),
    (CustomArea(URL, "{运单号}"), "无法识别"),
    (CustomArea(URL, "\n".join("第行" for _ in range(6))), "最多 5 行"),
    (CustomArea(URL, "谢" * 22), "第 1 行太长"),
    (CustomArea(URL, "x" * 201), "太长"),
])
def test_bad_settings_are_named(area: CustomArea, says: str) -> None:
    assert says in problem(area)


def test_good_settings_pass() -> None:
    assert problem(CustomArea()) == ""
    assert problem(CustomArea(URL, "")) == ""
    assert problem(CustomArea(URL, "订单 {订单号}\n{商品}（共 {件数} 件）\n{店铺} 感谢惠顾")) == ""
    assert problem(CustomArea(URL, "谢" * 21)) == ""  # exactly a line


def _order(**changes) -> Order:
    from dataclasses import replace
    base = next(o for o in sample_orders() if o.address is not None and len(o.lines) > 1)
    return replace(base, **changes)


def test_filled_per_order_cut_to_the_area_and_never_the_buyer() -> None:
    order = _order()
    area = CustomArea(URL, "订单 {订单号}\n{商品}\n共 {件数} 件 · {店铺}")
    lines = fill(area.text, order, "小店")
    assert lines[0] == f"订单 {order.order_id}"
    assert all(width_units(line) <= 42 for line in lines)
    info = custom_info(area, order, "小店")
    assert info is not None and info["templateUrl"] == URL
    assert info["data"]["orderId"] == order.order_id
    assert info["data"]["text"].count("<br>") == 2
    wire = json.dumps(info, ensure_ascii=False)
    address = order.address
    assert address is not None
    for secret in (address.tel_number, address.detail, address.user_name):
        assert secret not in wire


def test_a_hostile_title_cannot_inject_markup() -> None:
    order = _order()
    evil = order.lines[0].__class__(**{**order.lines[0].__dict__,
                                       "title": '<img src=x onerror=alert(1)>毛衣'})
    order = _order(lines=(evil,))
    info = custom_info(CustomArea(URL, "{商品}"), order, "<b>店</b>")
    assert info is not None
    wire = json.dumps(info, ensure_ascii=False)
    assert "<img" not in wire and "<b>" not in wire and "&lt;" in wire


def test_nothing_is_sent_without_a_template_and_bad_settings_raise() -> None:
    assert custom_info(CustomArea("", ""), _order(), "小店") is None
    with pytest.raises(ValueError, match="https"):
        custom_info(CustomArea("http://a.example/t.html", ""), _order(), "小店")


def test_english_placeholder_names_work_too() -> None:
    order = _order()
    area = CustomArea(URL, "Order {order_id}\n{items}\n{count} pcs · {shop}")
    assert problem(area) == ""
    assert fill(area.text, order, "Shop")[0] == f"Order {order.order_id}"
    assert "买家" in problem(CustomArea(URL, "{phone}"))
