"""Valid product bodies for the product tests (auth-products.md §7.4/§7.5) and small shortcuts."""

from __future__ import annotations

import copy
from typing import Any

from .helpers import control, ok

IMG = "https://mmecimage.cn/p/wxsandbox0000shop/"


def sku(price: int = 5990, stock: int = 20, colour: str = "红色", **extra: Any) -> dict[str, Any]:
    body = {"out_sku_id": f"out-{colour}", "thumb_img": IMG + "thumb1", "sale_price": price,
            "market_price": price + 2000, "stock_num": stock, "sku_code": f"C-{colour}",
            "sku_attrs": [{"attr_key": "颜色", "attr_value": colour}]}
    body.update(extra)
    return body


def product_body(title: str = "纯棉圆领短袖T恤 夏季新款", skus: list[dict[str, Any]] | None = None,
                 **extra: Any) -> dict[str, Any]:
    body = {"title": title, "short_title": "短袖T恤",
            "head_imgs": [IMG + "h1", IMG + "h2", IMG + "h3"],
            "desc_info": {"imgs": [IMG + "d1"], "desc": "纯棉面料"},
            "cats_v2": [{"cat_id": "1001"}, {"cat_id": "100102"}, {"cat_id": "10010215"}],
            "deliver_method": 0,
            "express_info": {"template_id": "38983386001"},
            "extra_service": {"seven_day_return": 1, "freight_insurance": 0},
            "skus": skus if skus is not None else [sku(colour="红色"), sku(6990, 5, "蓝色")]}
    body.update(extra)
    return copy.deepcopy(body)


def add(url: str, token: str, body: dict[str, Any] | None = None, **extra: Any) -> str:
    reply = ok(url, "/channels/ec/product/add", {**(body or product_body()), **extra},
               token=token)
    return str(reply["data"]["product_id"])


def get(url: str, token: str, pid: str, data_type: int = 3) -> dict[str, Any]:
    return ok(url, "/channels/ec/product/get", {"product_id": pid, "data_type": data_type},
              token=token)


def advance(url: str, seconds: int) -> None:
    control(url, "/sandbox/clock/advance", {"seconds": seconds})


def listed(url: str, token: str, body: dict[str, Any] | None = None) -> str:
    """Add, list and let the review pass: an on-sale product id."""
    pid = add(url, token, body)
    ok(url, "/channels/ec/product/listing", {"product_id": pid}, token=token)
    advance(url, 3600)
    return pid
