"""The seeded demo shop: shop info, the merchant addresses, the product catalogue
(demo_products.py) and, when the orders side exists, its orders and gift orders
(``demo_orders.generate``), after-sale cases and buyer requests (``demo_aftersale.generate``).
Deterministic from the seed; times are relative to the sandbox clock at build time."""

from __future__ import annotations

import dataclasses
import importlib
import importlib.util
import random

from . import demo_aftersale
from .catalog import default_freight_templates
from .core import run_reindex
from .demo_products import make_products
from .images import image_link
from .merchant_address import seed_addresses
from .routes_all import load_endpoints
from .shop_info import default_info
from .state import SandboxConfig, Shop

NICKNAMES = ("山野小铺", "拾光杂货店", "云朵生活馆", "青禾良品", "木子数码", "暖暖母婴屋")


def build_demo_shop(seed: int = 1, products: int = 60, orders: int = 600, gift_orders: int = 8,
                    config: SandboxConfig | None = None, aftersale_cases: int | None = None,
                    buyer_requests: bool | None = None) -> Shop:
    """``aftersale_cases`` defaults to one per 20 orders (demo_aftersale.py lists the first
    ones); ``buyer_requests`` (one address change, one SKU change waiting) to shops of 300
    orders or more."""
    load_endpoints()
    cfg = dataclasses.replace(config or SandboxConfig(), seed=seed)
    shop = Shop(config=cfg)
    shop.rng.seed(seed)
    rng = random.Random(seed)
    avatar = f"avatar{seed}"
    shop.images[avatar] = {"kind": "generated"}
    shop.info = default_info(cfg.appid, shop.clock.now(), nickname=rng.choice(NICKNAMES),
                             headimg_url=image_link(cfg.appid, avatar))
    shop.freight_templates = default_freight_templates(shop.clock.now())
    make_products(shop, rng, products)
    seed_addresses(shop, shop.clock.now() - 200 * 86400)
    run_reindex(shop)
    module = f"{__package__}.demo_orders"
    if (orders or gift_orders) and importlib.util.find_spec(module) is not None:
        importlib.import_module(module).generate(shop, orders=orders, gift_orders=gift_orders)
        run_reindex(shop)
    cases = orders // 20 if aftersale_cases is None else aftersale_cases
    requests = orders >= 300 if buyer_requests is None else buyer_requests
    if orders and (cases or requests):
        demo_aftersale.generate(shop, cases, requests)
        run_reindex(shop)
    shop.dirty = False
    return shop
