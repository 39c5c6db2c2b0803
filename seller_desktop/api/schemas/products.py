"""Wire ↔ domain for products (auth-products.md §7, §8), shop info, images and stock.

A product reply carries fields the app does not model (categories, attributes, freight,
after-sale settings…). They are kept verbatim in ``Product.extra`` / ``Sku.extra`` (for
``desc_info``, the keys beyond ``desc``/``imgs`` go to ``extra["desc_info"]``) and sent back by
:func:`product_body`, because ``product/update`` overwrites the whole draft. Read-only fields
(``min_price``, ``status``, ``create_time``…) stay in ``extra`` for display but are never sent.

Field sizes are checked against the reference's limits (§7.4, §7.5) with twice the room (the
server counts a title's "effective" characters its own way): beyond that a reply is malformed,
not a product to cache. Image fields must be ``http(s)`` links.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...domain.product import EditStatus, Product, ProductStatus, Sku, SkuAttr, status_of
from ._wire import (
    MAX_URL,
    Wire,
    bounded_extra,
    id_list,
    malformed,
    obj,
    objs,
    opt_id,
    opt_int,
    opt_int_or_none,
    opt_obj,
    opt_str,
    opt_time,
    opt_url,
    req_id,
    req_int,
    req_str,
    url_list,
)

# auth-products.md §7.4/§7.5 limits, doubled (see the module docstring)
MAX_TITLE = 2 * 60
MAX_SHORT_TITLE = 2 * 20
MAX_OUT_ID = 2 * 128
MAX_SKU_CODE = 2 * 100
MAX_ATTR_KEY = 2 * 40
MAX_ATTR_VALUE = 200
MAX_DESC = 20_000
MAX_HEAD_IMGS = 2 * 9
MAX_DESC_IMGS = 200
MAX_SKUS = 2 * 500

_PRODUCT_MODELLED = frozenset({"product_id", "title", "short_title", "head_imgs", "desc_info",
                               "out_product_id", "spu_code", "status", "edit_status",
                               "edit_time", "skus"})
PRODUCT_READ_ONLY = frozenset({"min_price", "status", "edit_status", "create_time", "edit_time",
                               "update_time", "total_sold_num", "product_type",
                               "src_product_id", "listing"})
_SKU_MODELLED = frozenset({"sku_id", "sale_price", "stock_num", "sku_attrs", "market_price",
                           "sku_code", "out_sku_id", "thumb_img"})
SKU_READ_ONLY = frozenset({"status"})


@dataclass(frozen=True)
class ProductCopies:
    """Both copies of a product from ``product/get``: the draft and the online (on-sale) one."""

    draft: Product | None
    online: Product | None


@dataclass(frozen=True)
class ProductIdPage:
    ids: list[str]
    next_key: str
    total_num: int


@dataclass(frozen=True)
class StockInfo:
    normal: int
    limited_discount: int
    total: int


@dataclass(frozen=True)
class ShopInfo:
    nickname: str
    headimg_url: str
    subject_type: str
    status: str
    username: str
    open_timestamp: int = 0


# ---- products --------------------------------------------------------------------------------

def parse_sku(d: Wire, where: str) -> Sku:
    attrs = tuple(SkuAttr(req_str(a, "attr_key", w, max_len=MAX_ATTR_KEY),
                          req_str(a, "attr_value", w, max_len=MAX_ATTR_VALUE))
                  for a, w in objs(d, "sku_attrs", where, max_items=100))
    market = opt_int_or_none(d, "market_price", where)
    return Sku(
        sku_id=opt_id(d, "sku_id", where) or None,
        sale_price=req_int(d, "sale_price", where),
        stock_num=opt_int(d, "stock_num", where),
        attrs=attrs,
        market_price=market or None,  # 0 means "no crossed-out price"
        sku_code=opt_str(d, "sku_code", where, max_len=MAX_SKU_CODE),
        out_sku_id=opt_str(d, "out_sku_id", where, max_len=MAX_OUT_ID),
        thumb_img=opt_url(d, "thumb_img", where),
        extra=bounded_extra({k: v for k, v in d.items() if k not in _SKU_MODELLED}, where),
    )


def parse_product(d: Any, where: str = "product") -> Product:
    d = obj(d, where)
    desc_info = opt_obj(d, "desc_info", where)
    extra = {k: v for k, v in d.items() if k not in _PRODUCT_MODELLED}
    desc_rest = {k: v for k, v in desc_info.items() if k not in ("desc", "imgs")}
    if desc_rest:
        extra["desc_info"] = desc_rest
    return Product(
        product_id=req_id(d, "product_id", where),
        title=req_str(d, "title", where, max_len=MAX_TITLE),
        skus=tuple(parse_sku(s, w) for s, w in objs(d, "skus", where, max_items=MAX_SKUS)),
        short_title=opt_str(d, "short_title", where, max_len=MAX_SHORT_TITLE),
        head_imgs=url_list(d, "head_imgs", where, max_items=MAX_HEAD_IMGS),
        desc=opt_str(desc_info, "desc", f"{where}.desc_info", max_len=MAX_DESC),
        desc_imgs=url_list(desc_info, "imgs", f"{where}.desc_info", max_items=MAX_DESC_IMGS),
        out_product_id=opt_str(d, "out_product_id", where, max_len=MAX_OUT_ID),
        spu_code=opt_str(d, "spu_code", where, max_len=MAX_SKU_CODE),
        status=status_of(opt_int(d, "status", where), ProductStatus),
        edit_status=status_of(opt_int(d, "edit_status", where), EditStatus),
        edit_time=opt_time(d, "edit_time", where),
        extra=bounded_extra(extra, where),
    )


def parse_product_copies(reply: Wire) -> ProductCopies:
    """``product/get``: ``edit_product`` is the draft, ``product`` the online copy."""
    draft = reply.get("edit_product")
    online = reply.get("product")
    return ProductCopies(
        draft=parse_product(draft, "edit_product") if draft is not None else None,
        online=parse_product(online, "product") if online is not None else None,
    )


def sku_body(sku: Sku) -> Wire:
    body: Wire = {k: v for k, v in sku.extra.items() if k not in SKU_READ_ONLY}
    if sku.sku_id:
        body["sku_id"] = sku.sku_id
    body.update({
        "sale_price": sku.sale_price,
        "stock_num": sku.stock_num,
        "sku_attrs": [{"attr_key": a.key, "attr_value": a.value} for a in sku.attrs],
    })
    if sku.market_price is not None:
        body["market_price"] = sku.market_price
    for key, value in (("sku_code", sku.sku_code), ("out_sku_id", sku.out_sku_id),
                       ("thumb_img", sku.thumb_img)):
        if value:
            body[key] = value
    return body


def product_body(product: Product, *, with_id: bool, listing: bool = False) -> Wire:
    """The add (``with_id=False``) or update body: the whole draft, unmodelled fields included."""
    body: Wire = {k: v for k, v in product.extra.items()
                  if k not in PRODUCT_READ_ONLY and k != "desc_info"}
    if with_id:
        if not product.product_id:
            raise ValueError("updating a product needs its product_id")
        body["product_id"] = product.product_id
    desc_info = dict(product.extra.get("desc_info") or {})
    desc_info.update({"desc": product.desc, "imgs": list(product.desc_imgs)})
    body.update({
        "title": product.title,
        "head_imgs": list(product.head_imgs),
        "desc_info": desc_info,
        "skus": [sku_body(s) for s in product.skus],
    })
    for key, value in (("short_title", product.short_title),
                       ("out_product_id", product.out_product_id),
                       ("spu_code", product.spu_code)):
        if value:
            body[key] = value
    if listing:
        body["listing"] = 1
    return body


def parse_product_id_page(reply: Wire) -> ProductIdPage:
    return ProductIdPage(
        ids=id_list(reply, "product_ids", "reply"),
        next_key=opt_str(reply, "next_key", "reply", max_len=1024),
        total_num=opt_int(reply, "total_num", "reply"),
    )


def parse_written_product_id(reply: Wire) -> str:
    """``product/add`` and ``product/update`` reply ``data.product_id``."""
    return req_id(opt_obj(reply, "data", "reply"), "product_id", "reply.data")


def parse_stock(reply: Wire) -> StockInfo:
    data = opt_obj(reply, "data", "reply")
    normal = opt_int(data, "normal_stock_num", "reply.data")
    limited = opt_int(data, "limited_discount_stock_num", "reply.data")
    return StockInfo(normal=normal, limited_discount=limited,
                     total=opt_int(data, "total_stock_num", "reply.data", normal + limited))


# ---- shop and images -------------------------------------------------------------------------

def parse_shop_info(reply: Wire) -> ShopInfo:
    info = obj(reply.get("info"), "reply.info")
    return ShopInfo(
        nickname=req_str(info, "nickname", "reply.info", max_len=200),
        headimg_url=opt_url(info, "headimg_url", "reply.info"),
        subject_type=opt_str(info, "subject_type", "reply.info"),
        status=opt_str(info, "status", "reply.info"),
        username=opt_str(info, "username", "reply.info"),
        open_timestamp=opt_time(info, "open_timestamp", "reply.info"),
    )


def parse_uploaded_image_url(reply: Wire) -> str:
    pic = obj(reply.get("pic_file"), "reply.pic_file")
    url = opt_url(pic, "img_url", "reply.pic_file")
    if not url.lower().startswith("https://") or len(url) > MAX_URL:
        raise malformed("reply.pic_file.img_url", "an https link")
    return url
