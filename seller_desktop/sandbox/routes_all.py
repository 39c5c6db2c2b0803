"""The list of endpoint modules: importing one registers its routes, ticks, reindex hooks
and scenario controls in ``core``. The server imports them all before it serves."""

from __future__ import annotations

import importlib

ENDPOINT_MODULES: tuple[str, ...] = (
    # auth, shop, images, products, categories + freight templates, controls (this side)
    "auth",
    "access",
    "shop_info",
    "images",
    "products",
    "catalog",
    "controls",
    # orders, gifts, delivery, e-waybill (the orders side)
    "orders",
    "delivery",
    "ewaybill",
    "ewaybill_templates",
    "gifts",
    "order_controls",
    # after-sales and buyer requests
    "merchant_address",
    "aftersale",
    "aftersale_routes",
    "aftersale_gen",
    "aftersale_controls",
    "buyer_requests",
    "buyer_request_controls",
)


def load_endpoints() -> None:
    for name in ENDPOINT_MODULES:
        importlib.import_module(f"{__package__}.{name}")
