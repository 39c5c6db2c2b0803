"""Deterministic products, orders and gifts for UI model tests (written through the store's
own repositories, so the models read exactly what a sync would have written)."""

from __future__ import annotations

from seller_desktop.domain.order import Address, Gift, Order, OrderLine
from seller_desktop.domain.product import Product, Sku, SkuAttr
from seller_desktop.store.db import Store
from seller_desktop.store.meta import ConflictRepo
from seller_desktop.store.orders import OrderRepo
from seller_desktop.store.products import ProductRepo

GOODS = ("云南小粒咖啡豆", "手工红糖姜茶", "景德镇青花瓷杯", "苏绣真丝围巾", "东北五常大米")
NOW = 1_764_000_000


def product(i: int, status: int = 5) -> Product:
    return Product(
        product_id=f"9{i:05d}", title=f"{GOODS[i % len(GOODS)]} 第{i}款", status=status,
        edit_status=4, edit_time=NOW - 3600,
        skus=tuple(Sku(sku_id=f"8{i:05d}{k}", sale_price=1990 + 500 * k, stock_num=5 * k,
                       attrs=(SkuAttr("规格", f"{k + 1}号"),), sku_code=f"SKU-{i}-{k}")
                   for k in range(2)))


def order(i: int, status: int = 20, gift: bool = False) -> Order:
    created = NOW - 40 * 3600 + i * 60
    address = None if status == 12 or (gift and status == 250) else Address(
        "张**", "138****1234", "浙江省", "杭州市", "西湖区", "****")
    line = OrderLine(product_id=f"9{i % 7:05d}", sku_id=f"8{i % 7:05d}0",
                     title=GOODS[i % len(GOODS)], sku_cnt=1 + i % 3, sale_price=1990,
                     real_price=1990 * (1 + i % 3), sku_attrs=(("规格", "1号"),),
                     delivery_deadline=created + 48 * 3600 if status in (20, 21) else 0)
    return Order(order_id=f"37{i:017d}", status=status, create_time=created,
                 update_time=created + 10, lines=(line,), address=address,
                 order_price=line.real_price, customer_notes="请周末送货" if i % 5 == 0 else "",
                 gift=Gift(f"42{i:017d}", "生日快乐", f"ogiver{i:020d}", 1) if gift else None)


def fill(store: Store, products: int = 12, orders: int = 450) -> None:
    statuses = (20, 20, 20, 21, 30, 100, 250, 12)

    def tx(conn) -> None:
        repo = ProductRepo(conn)
        for i in range(products):
            p = product(i, status=5 if i % 4 else 11)
            repo.upsert_server(p, p)
        OrderRepo(conn).upsert_many(
            [order(i, statuses[i % len(statuses)], gift=statuses[i % len(statuses)] == 12
                   or i % 50 == 1) for i in range(orders)], now=NOW)
        ConflictRepo(conn).add("900001", "title", "我的新标题 春季款", "后台改的标题 夏季款",
                               "原来的标题", None)
        ConflictRepo(conn).add("900001", "skus[8000010].sale_price", 2590, 2790, 1990, None)

    store.writer.write_sync(tx)
