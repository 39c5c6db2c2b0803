"""Products (商品) and SKUs as the app knows them, with the store's statuses.

A product has a draft (what the seller edits) and maybe an online copy (what buyers see);
``Product`` holds one copy. Fields the app does not edit (categories, freight, after-sale
settings…) ride along in ``extra`` so a full-overwrite update sends them back unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import IntEnum
from typing import Any


class ProductStatus(IntEnum):
    """Online state (``status``)."""

    INITIAL = 0  # never listed
    ON_SALE = 5
    RECYCLED = 6
    DELETED = 9
    DELISTED = 11
    SOLD_OUT = 12
    VIOLATION = 13
    NO_DEPOSIT = 14
    QUALIFICATION_EXPIRED = 15
    BANNED = 20


# Buyers can see (and buy) it: an edit of such a product goes live only after a review.
ON_SALE_STATUSES = frozenset({int(ProductStatus.ON_SALE), int(ProductStatus.SOLD_OUT)})


class EditStatus(IntEnum):
    """Draft state (``edit_status``)."""

    INITIAL = 0
    EDITING = 1
    IN_REVIEW = 2
    REVIEW_FAILED = 3
    REVIEW_PASSED = 4
    WRITING = 5
    ASYNC_UPLOADING = 7
    ASYNC_FAILED = 8


def status_of(value: int, enum: type[IntEnum]) -> IntEnum | int:
    """The enum member for a known code, else the bare int (the API adds codes)."""
    try:
        return enum(value)
    except ValueError:
        return value


@dataclass(frozen=True)
class SkuAttr:
    key: str
    value: str


@dataclass(frozen=True)
class Sku:
    sku_id: str | None  # None until the server assigned one
    sale_price: int  # 分
    stock_num: int
    attrs: tuple[SkuAttr, ...] = ()
    market_price: int | None = None  # 分
    sku_code: str = ""
    out_sku_id: str = ""
    thumb_img: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def attrs_text(self) -> str:
        return " ".join(f"{a.key}:{a.value}" for a in self.attrs)

    def with_stock(self, stock_num: int) -> Sku:
        return replace(self, stock_num=stock_num)


@dataclass(frozen=True)
class Product:
    product_id: str | None  # None for a product created offline and not yet added
    title: str
    skus: tuple[Sku, ...]
    short_title: str = ""
    head_imgs: tuple[str, ...] = ()
    desc: str = ""
    desc_imgs: tuple[str, ...] = ()
    out_product_id: str = ""
    spu_code: str = ""
    status: int = ProductStatus.INITIAL
    edit_status: int = EditStatus.INITIAL
    edit_time: int = 0  # unix seconds of the last draft edit on the server: our version
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def min_price(self) -> int | None:
        return min((s.sale_price for s in self.skus), default=None)

    @property
    def max_price(self) -> int | None:
        return max((s.sale_price for s in self.skus), default=None)

    @property
    def total_stock(self) -> int:
        return sum(s.stock_num for s in self.skus)

    def sku(self, sku_id: str) -> Sku | None:
        return next((s for s in self.skus if s.sku_id == sku_id), None)


# Fields a seller edits, compared field by field for conflicts. SKUs compare per sku_id.
EDITABLE_FIELDS = ("title", "short_title", "head_imgs", "desc", "desc_imgs", "spu_code")
SKU_EDITABLE_FIELDS = ("sale_price", "market_price", "sku_code", "attrs", "thumb_img")
