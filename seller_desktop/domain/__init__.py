"""Domain model: dataclasses, enums, validation rules, money and time helpers, ChangeSet.

Pure Python (stdlib only): every other layer speaks these types.
"""

from .changes import ChangeSet
from .money import format_fen, parse_yuan
from .order import (
    Address,
    Gift,
    GiftState,
    Order,
    OrderLine,
    OrderStatus,
    Parcel,
    ParcelItem,
)
from .product import EditStatus, Product, ProductStatus, Sku, SkuAttr
from .validation import Issue, ValidationFailed, validate_product
from .waybill import CarrierAccount, SenderAddress, Waybill, WaybillStatus

__all__ = [
    "Address", "CarrierAccount", "ChangeSet", "EditStatus", "Gift", "GiftState", "Issue",
    "Order", "OrderLine", "OrderStatus", "Parcel", "ParcelItem", "Product", "ProductStatus",
    "SenderAddress", "Sku", "SkuAttr", "ValidationFailed", "Waybill", "WaybillStatus",
    "format_fen", "parse_yuan", "validate_product",
]
