"""Fixtures for ops tests: a few server products and orders already pulled into the store."""

from __future__ import annotations

import pytest
from store.factories import make_order, make_product  # tests/ is on sys.path (rootdir conftest)

from seller_desktop.store.orders import OrderRepo
from seller_desktop.store.products import ProductRepo


@pytest.fixture
def pulled(store):
    """Two products and four orders (to ship, gift awaiting acceptance, shipped, to ship)."""
    products = [make_product(1), make_product(2)]
    orders = [make_order(1), make_order(2, status=12, gift=True, address=False),
              make_order(3, status=30), make_order(4, gift=True)]
    store.writer.write_sync(lambda c: ProductRepo(c).upsert_server_many((p, None) for p in products))
    store.writer.write_sync(lambda c: OrderRepo(c).upsert_many(orders))
    return products, orders
