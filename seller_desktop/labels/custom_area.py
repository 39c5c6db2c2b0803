"""The merchant's custom area (自定义区) of a label that WeChat's print component renders: the
seller's text, its placeholders filled per order, and the print task's ``customInfo``
``{templateUrl, data}`` (orders-shipping.md §3.12; the template is the seller's own, on https).

The area is what ``template/config`` reserves (``custom_config`` 656×300 px at 10 px = 1 mm:
65.6 × 30 mm), so the text is held to 5 lines of 21 full-width characters (3 mm glyphs). Only
the order id, the item summary, the piece count and the shop name can be placed: never the
buyer's name, phone or address. The template shows ``data`` unescaped ({{{…}}}, lines joined
by ``<br>``), so every value is HTML-escaped here: a product title cannot inject markup.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from seller_desktop.domain import Order

from .content import short_title

AREA_MM = (65.6, 30.0)  # template/config custom_config: 656 × 300 px, 10 px = 1 mm
MAX_LINES = 5
LINE_UNITS = 42  # half-width units a line holds: 21 Chinese characters of 3 mm in 65.6 mm
MAX_TEXT_CHARS = 200  # what the settings keep, before any placeholder is filled
MAX_URL_CHARS = 1024
MAX_PRODUCTS = 10  # productInfo entries sent (the area shows a few lines at most)

# placeholder → what it is filled with; each has a Chinese and an English name
PLACEHOLDERS = {"订单号": "order", "order_id": "order", "商品": "items", "items": "items",
                "件数": "count", "count": "count", "店铺": "shop", "shop": "shop"}
# what a seller might try to place but must not: the buyer's personal data
BUYER_FIELDS = ("收件人", "姓名", "买家", "电话", "手机", "地址", "phone", "tel", "mobile",
                "address", "name", "buyer", "receiver")
_FIELD = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class CustomArea:
    """The seller's settings: the template's https address and the area's text."""

    template_url: str = ""
    text: str = ""

    @property
    def configured(self) -> bool:
        return bool(self.template_url.strip())


def width_units(text: str) -> int:
    """How wide ``text`` prints, in half-width units (a Chinese character counts 2)."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _cut(text: str, units: int) -> str:
    if width_units(text) <= units:
        return text
    out, used = "", 0
    for ch in text:
        w = width_units(ch)
        if used + w > units - 1:  # keep room for the ellipsis (1 unit)
            break
        out, used = out + ch, used + w
    return out + "…"


def url_problem(url: str) -> str:
    """Why ``url`` cannot be the custom template's address; "" = it can (https, a host, no
    user or password in it, no spaces)."""
    url = url.strip()
    if not url:
        return ""
    if len(url) > MAX_URL_CHARS:
        return f"自定义区模板地址太长（最多 {MAX_URL_CHARS} 个字符）"
    if any(ch.isspace() for ch in url):
        return "自定义区模板地址不能包含空格"
    try:
        parts = urlsplit(url)
    except ValueError:
        return "自定义区模板地址无法识别"
    if parts.scheme.lower() != "https":
        return "自定义区模板地址必须以 https:// 开头（打印组件只接受 https 模板）"
    if not parts.hostname:
        return "自定义区模板地址缺少域名"
    if parts.username or parts.password:
        return "自定义区模板地址不能包含用户名或密码"
    return ""


def text_problem(text: str) -> str:
    """Why ``text`` cannot be the custom area; "" = it can. Placeholders count as empty, so
    the seller's own words must fit; a long item summary is cut when it is filled."""
    if len(text) > MAX_TEXT_CHARS:
        return f"自定义区内容太长（最多 {MAX_TEXT_CHARS} 个字符）"
    for name in _FIELD.findall(text):
        key = name.strip()
        if any(word in key.lower() for word in BUYER_FIELDS):
            return f"自定义区不能放买家的姓名、电话或地址（{{{key}}}）"
        if key not in PLACEHOLDERS:
            known = "、".join(f"{{{p}}}" for p in PLACEHOLDERS if not p.isascii())
            return f"自定义区中的 {{{key}}} 无法识别，可用：{known}"
    lines = text.splitlines()
    if len(lines) > MAX_LINES:
        return f"自定义区最多 {MAX_LINES} 行（面单上的自定义区约 65×30 毫米）"
    for n, line in enumerate(lines, 1):
        if width_units(_FIELD.sub("", line)) > LINE_UNITS:
            return f"自定义区第 {n} 行太长：每行最多 {LINE_UNITS // 2} 个汉字（或 {LINE_UNITS} 个字母数字）"
    return ""


def problem(area: CustomArea) -> str:
    """The first thing wrong with the settings; "" = they can be saved and sent."""
    if area.text.strip() and not area.template_url.strip():
        return "填写了自定义区内容，还需要填写自定义区模板地址（https）"
    return url_problem(area.template_url) or text_problem(area.text)


def item_summary(order: Order) -> str:
    """``短标题×2，短标题×1``: what is in the parcel, in the seller's words."""
    return "，".join(f"{short_title(line.title, 10)}×{line.sku_cnt}" for line in order.lines)


def fill(text: str, order: Order, shop_name: str) -> list[str]:
    """The area's lines for ``order``: placeholders filled, each line cut to fit."""
    values = {
        "order": order.order_id,
        "items": item_summary(order),
        "count": str(sum(line.sku_cnt for line in order.lines)),
        "shop": shop_name,
    }
    lines = []
    for line in text.splitlines()[:MAX_LINES]:
        filled = _FIELD.sub(lambda m: values.get(PLACEHOLDERS.get(m.group(1).strip(), ""), ""),
                            line)
        lines.append(_cut(filled, LINE_UNITS))
    return lines


def custom_info(area: CustomArea, order: Order, shop_name: str) -> dict[str, Any] | None:
    """The task's ``customInfo`` for ``order``, or None when no template is configured. Raises
    ValueError (in Chinese) when the settings are not valid."""
    if not area.configured:
        return None
    why = problem(area)
    if why:
        raise ValueError(why)
    esc = html.escape
    return {
        "templateUrl": area.template_url.strip(),
        "data": {
            "text": "<br>".join(esc(line) for line in fill(area.text, order, shop_name)),
            "orderId": order.order_id,
            "shopName": esc(shop_name),
            "productInfo": [
                {"name": esc(short_title(line.title)), "count": line.sku_cnt,
                 "code": esc(line.sku_code)}
                for line in order.lines[:MAX_PRODUCTS]
            ],
        },
    }
