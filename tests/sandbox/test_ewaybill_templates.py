"""Merchant e-waybill templates (orders-shipping.md §3.4): get, getbyid, create, update, delete;
options[] exactly 8 entries with option_id 0–7 each once; template_name unique per carrier;
a merchant template id usable on order/create and print/get."""

from __future__ import annotations

import base64
import json

import pytest

from .test_ewaybill import _account, _create
from .test_orders_support import EWB, OrdersSandbox

T = EWB + "template/"


@pytest.fixture
def sb():
    with OrdersSandbox(seed=9, products=20, orders=40, gift_orders=4) as sandbox:
        yield sandbox


def _options(**overrides):
    opts = [{"option_id": i, "font_size": 0, "is_bold": False, "is_open": i in (1, 5, 6, 7)}
            for i in range(8)]
    for i, change in overrides.items():
        opts[int(i[1:])].update(change)
    return opts


def _info(name="标准发货模板", **extra):
    return {"template_name": name, "template_desc": "商品名+规格+数量", "template_type": "single",
            "options": _options(), "is_default": False, **extra}


def test_create_get_update_delete(sb):
    created = sb.ok(T + "create", {"delivery_id": "YTO", "info": _info(is_default=True)})
    tid = created["template_id"]
    assert created["delivery_id"] == "YTO" and isinstance(tid, str) and tid
    info = sb.ok(T + "getbyid", {"delivery_id": "YTO", "template_id": tid})["template_info"]
    assert info["template_id"] == tid and info["template_name"] == "标准发货模板"
    assert info["template_type"] == "single" and info["is_default"] is True
    assert [o["option_id"] for o in info["options"]] == list(range(8))
    assert {"font_size", "is_bold", "is_open"} <= set(info["options"][0])
    assert isinstance(info["create_time"], int) and info["update_time"] >= info["create_time"]
    second = sb.ok(T + "create", {"delivery_id": "YTO", "info": _info("大字模板")})["template_id"]
    sb.ok(T + "create", {"delivery_id": "ZTO", "info": _info()})  # same name, other carrier
    total = sb.ok(T + "get", {"delivery_id": "YTO"})["total_template"]
    assert len(total) == 1 and total[0]["delivery_id"] == "YTO"
    assert total[0]["default_template_id"] == tid
    assert [t["template_id"] for t in total[0]["template_list"]] == [tid, second]
    every = sb.ok(T + "get", {})["total_template"]
    assert {g["delivery_id"] for g in every} == {"YTO", "ZTO"}
    # update is a full overwrite; making the second default clears the first
    new = _info("大字模板v2", template_desc="", options=_options(o1={"font_size": 1,
                                                                  "is_bold": True}),
                is_default=True)
    sb.ok(T + "update", {"delivery_id": "YTO", "info": {**new, "template_id": second}})
    info = sb.ok(T + "getbyid", {"delivery_id": "YTO", "template_id": second})["template_info"]
    assert info["template_name"] == "大字模板v2" and info["template_desc"] == ""
    assert info["options"][1]["font_size"] == 1 and info["options"][1]["is_bold"] is True
    assert sb.ok(T + "get", {"delivery_id": "YTO"})["total_template"][0]["default_template_id"] \
        == second
    sb.ok(T + "delete", {"delivery_id": "YTO", "template_id": tid})
    assert sb.call(T + "getbyid", {"delivery_id": "YTO", "template_id": tid})["errcode"] \
        == 10025106
    assert sb.call(T + "delete", {"delivery_id": "YTO", "template_id": tid})["errcode"] \
        == 10025106
    left = sb.ok(T + "get", {"delivery_id": "YTO"})["total_template"][0]["template_list"]
    assert [t["template_id"] for t in left] == [second]


@pytest.mark.parametrize("options", [
    _options()[:7],
    [*_options(), {"option_id": 7, "font_size": 0, "is_bold": False, "is_open": True}],
    [*_options()[:7], {"option_id": 8, "font_size": 0, "is_bold": False, "is_open": True}],
    [*_options()[:7], {"option_id": 6, "font_size": 0, "is_bold": False, "is_open": True}],
    _options(o2={"font_size": 2}),
    [{k: v for k, v in o.items() if k != "is_open"} for o in _options()],
    [],
])
def test_options_must_be_exactly_the_eight(sb, options):
    reply = sb.call(T + "create", {"delivery_id": "YTO", "info": _info(options=options)})
    assert reply["errcode"] == 40097, reply
    assert sb.ok(T + "get", {"delivery_id": "YTO"})["total_template"][0]["template_list"] == []


def test_create_and_update_errors(sb):
    tid = sb.ok(T + "create", {"delivery_id": "YTO", "info": _info()})["template_id"]
    other = sb.ok(T + "create", {"delivery_id": "YTO", "info": _info("另一个")})["template_id"]
    for body, code in (
        ({"delivery_id": "YTO", "info": _info()}, 40097),  # name taken on this carrier
        ({"delivery_id": "NOPE", "info": _info("x模板")}, 10025012),
        ({"info": _info("x模板")}, 40097),
        ({"delivery_id": "YTO"}, 40097),
        ({"delivery_id": "YTO", "info": _info("")}, 40097),
        ({"delivery_id": "YTO", "info": _info("x模板", template_type="double")}, 40097),
        ({"delivery_id": "YTO", "info": _info("x模板", options="all")}, 47001),
    ):
        assert sb.call(T + "create", body)["errcode"] == code, body
    upd = T + "update"
    assert sb.call(upd, {"delivery_id": "YTO", "info": {**_info("另一个"), "template_id": tid}}
                   )["errcode"] == 40097  # renaming onto another template's name
    sb.ok(upd, {"delivery_id": "YTO", "info": {**_info(), "template_id": tid}})  # its own name
    assert sb.call(upd, {"delivery_id": "YTO", "info": {**_info("y"), "template_id": "9"}}
                   )["errcode"] == 10025106
    assert sb.call(upd, {"delivery_id": "ZTO", "info": {**_info("y"), "template_id": other}}
                   )["errcode"] == 10025106
    assert sb.call(T + "getbyid", {"delivery_id": "YTO"})["errcode"] == 40097


def test_merchant_template_prints(sb):
    tid = sb.ok(T + "create", {"delivery_id": "YTO", "info": _info()})["template_id"]
    oid = sb.orders_in(20)[0]["order_id"]
    reply = _create(sb, oid, _account(sb), template_id=tid)
    assert json.loads(base64.b64decode(reply["print_info"]))["template_id"] == tid
    again = sb.ok(EWB + "print/get", {"ewaybill_order_id": reply["ewaybill_order_id"],
                                       "template_id": tid})
    assert json.loads(base64.b64decode(again["print_info"]))["template_id"] == tid
    zto = sb.ok(T + "create", {"delivery_id": "ZTO", "info": _info()})["template_id"]
    assert sb.call(EWB + "print/get", {"ewaybill_order_id": reply["ewaybill_order_id"],
                                       "template_id": zto})["errcode"] == 10025106
