"""The store's rules for a product, checked before anything is saved or sent.

Messages are in the seller's language (Chinese); each names the field it is about so a form
can show it inline. The limits are those of the WeChat Store reference (auth-products.md §7, §9).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .money import MAX_PRICE_FEN
from .product import Product, Sku

TITLE_MIN, TITLE_MAX = 5, 60
SHORT_TITLE_MAX = 20
SKUS_MIN, SKUS_MAX = 1, 500
HEAD_IMGS_MIN, HEAD_IMGS_MAX = 3, 9
SKU_CODE_MAX = 100
ATTR_KEY_MAX = 40
ATTR_VALUE_MAX = 40
ATTR_VALUES_PER_KEY_MAX = 100  # distinct values under one spec name (10020031)
STOCK_MAX = 10_000_000


@dataclass(frozen=True)
class Issue:
    field: str  # "title", "skus", "skus[2].sale_price", …
    message: str


class ValidationFailed(ValueError):
    def __init__(self, issues: list[Issue]) -> None:
        super().__init__("；".join(i.message for i in issues))
        self.issues = issues


def title_length(title: str) -> int:
    return len(title.strip())


def validate_sku(sku: Sku, where: str) -> list[Issue]:
    issues: list[Issue] = []
    if sku.sale_price <= 0:
        issues.append(Issue(f"{where}.sale_price", "售价必须大于 0 元"))
    elif sku.sale_price > MAX_PRICE_FEN:
        issues.append(Issue(f"{where}.sale_price", "售价不能超过 1000 万元"))
    if sku.market_price is not None and sku.market_price <= sku.sale_price:
        issues.append(Issue(f"{where}.market_price", "划线价必须高于售价"))
    if sku.stock_num < 0:
        issues.append(Issue(f"{where}.stock_num", "库存不能为负数"))
    elif sku.stock_num > STOCK_MAX:
        issues.append(Issue(f"{where}.stock_num", "库存不能超过 1000 万"))
    if len(sku.sku_code) > SKU_CODE_MAX:
        issues.append(Issue(f"{where}.sku_code", f"SKU 编码不能超过 {SKU_CODE_MAX} 个字符"))
    for attr in sku.attrs:
        if not attr.key.strip() or not attr.value.strip():
            issues.append(Issue(f"{where}.attrs", "规格名和规格值都不能为空"))
        elif len(attr.key) > ATTR_KEY_MAX or len(attr.value) > ATTR_VALUE_MAX:
            issues.append(Issue(f"{where}.attrs", f"规格名和规格值不能超过 {ATTR_KEY_MAX} 个字符"))
    return issues


def validate_product(product: Product) -> list[Issue]:
    """Every rule the product breaks; an empty list means it may be saved."""
    issues: list[Issue] = []
    n = title_length(product.title)
    if n == 0:
        issues.append(Issue("title", "请填写商品标题"))
    elif n < TITLE_MIN:
        issues.append(Issue("title", f"标题至少 {TITLE_MIN} 个字（现在 {n} 个）"))
    elif n > TITLE_MAX:
        issues.append(Issue("title", f"标题最多 {TITLE_MAX} 个字（现在 {n} 个）"))
    elif product.title.strip().isascii():
        issues.append(Issue("title", "标题不能只有数字、字母或符号，请包含中文"))
    if len(product.short_title) > SHORT_TITLE_MAX:
        issues.append(Issue("short_title", f"短标题最多 {SHORT_TITLE_MAX} 个字"))
    if len(product.head_imgs) < HEAD_IMGS_MIN:
        issues.append(Issue("head_imgs", f"主图至少 {HEAD_IMGS_MIN} 张（现在 {len(product.head_imgs)} 张）"))
    elif len(product.head_imgs) > HEAD_IMGS_MAX:
        issues.append(Issue("head_imgs", f"主图最多 {HEAD_IMGS_MAX} 张"))
    elif len(set(product.head_imgs)) != len(product.head_imgs):
        issues.append(Issue("head_imgs", "主图不能重复"))
    issues.extend(validate_settings(product))
    if not (SKUS_MIN <= len(product.skus) <= SKUS_MAX):
        issues.append(Issue("skus", f"SKU 数量须在 {SKUS_MIN}–{SKUS_MAX} 个之间"))
    values: dict[str, set[str]] = {}
    for sku in product.skus:
        for attr in sku.attrs:
            values.setdefault(attr.key, set()).add(attr.value)
    if any(len(v) > ATTR_VALUES_PER_KEY_MAX for v in values.values()):
        issues.append(Issue("skus", f"同一规格名下最多 {ATTR_VALUES_PER_KEY_MAX} 个不同的规格值"))
    seen: set[tuple[tuple[str, str], ...]] = set()
    for i, sku in enumerate(product.skus):
        issues.extend(validate_sku(sku, f"skus[{i}]"))
        key = tuple((a.key, a.value) for a in sku.attrs)
        if key in seen:
            issues.append(Issue(f"skus[{i}].attrs", "两个 SKU 的规格完全相同"))
        seen.add(key)
    return issues


def validate_settings(product: Product) -> list[Issue]:
    """The settings the store requires on every product but the editor does not show field by
    field (category, freight template, after-sale service). A product from the server carries
    them; a new one takes them from an existing product (see ``copy_settings``)."""
    extra = product.extra
    issues: list[Issue] = []
    if not (extra.get("cats_v2") or extra.get("cats")):
        issues.append(Issue("category", "请选择商品类目（可沿用已有商品的类目和设置）"))
    deliver_method = extra.get("deliver_method", 0)
    template_id = (extra.get("express_info") or {}).get("template_id")
    if deliver_method == 0 and not template_id:
        issues.append(Issue("freight", "快递发货的商品需要运费模板"))
    service = extra.get("extra_service") or {}
    if "seven_day_return" not in service or "freight_insurance" not in service:
        issues.append(Issue("extra_service", "请设置售后服务（七天无理由退货、运费险）"))
    return issues


SETTINGS_KEYS = ("cats", "cats_v2", "deliver_method", "deliver_acct_type", "express_info",
                 "extra_service", "attrs", "brand_id", "aftersale_desc", "limited_info",
                 "after_sale_info")


def copy_settings(source: Product, target: Product) -> Product:
    """``target`` with the category, freight and after-sale settings of ``source``."""
    extra = {k: v for k, v in target.extra.items() if k not in SETTINGS_KEYS}
    extra.update({k: source.extra[k] for k in SETTINGS_KEYS if k in source.extra})
    return replace(target, extra=extra)


def check_product(product: Product) -> None:
    issues = validate_product(product)
    if issues:
        raise ValidationFailed(issues)
