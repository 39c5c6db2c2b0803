"""Deterministic domain objects for store and ops tests (Chinese names, masked addresses)."""

from __future__ import annotations

from seller_desktop.domain.order import Address, Gift, Order, OrderLine, Parcel, ParcelItem
from seller_desktop.domain.product import Product, Sku, SkuAttr

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
CITIES = [("北京市", "北京市", "海淀区", "中关村大街"), ("上海市", "上海市", "浦东新区", "世纪大道"),
          ("广东省", "深圳市", "南山区", "科技园路"), ("浙江省", "杭州市", "西湖区", "文三路"),
          ("四川省", "成都市", "武侯区", "天府大道")]
GOODS = ["云南小粒咖啡豆", "手工红糖姜茶", "景德镇青花瓷杯", "苏绣真丝围巾", "武夷山大红袍",
         "宁夏枸杞礼盒", "新疆和田大枣", "东北五常大米"]


def make_address(i: int) -> Address:
    province, city, county, road = CITIES[i % len(CITIES)]
    return Address(
        user_name=f"{SURNAMES[i % len(SURNAMES)]}**", tel_number=f"13{i % 10}****{i % 10000:04d}",
        province=province, city=city, county=county, detail=f"{road}{i % 300 + 1}号",
    )


def make_order(i: int, status: int = 20, *, gift: bool = False, address: bool = True,
               create_time: int = 1_760_000_000, ship_by: int | None = None,
               update_time: int | None = None, lines: int = 2) -> Order:
    created = create_time + i * 60
    deadline = created + 48 * 3600 if ship_by is None else ship_by
    order_lines = tuple(
        OrderLine(product_id=f"10{(i + k) % 50:04d}", sku_id=f"20{(i + k) % 50:04d}{k}",
                  title=GOODS[(i + k) % len(GOODS)], sku_cnt=1 + k, sale_price=1990 + k * 100,
                  real_price=(1990 + k * 100) * (1 + k), sku_attrs=(("规格", f"{k + 1}号"),),
                  sku_code=f"SKU-{(i + k) % 50:04d}", delivery_deadline=deadline)
        for k in range(lines)
    )
    return Order(
        order_id=f"3705{i:015d}", status=status, create_time=created,
        update_time=created if update_time is None else update_time, lines=order_lines,
        address=make_address(i) if address else None, customer_notes="请尽快发货" if i % 7 == 0 else "",
        order_price=sum(ln.real_price for ln in order_lines),
        gift=Gift(f"42{i:017d}", "生日快乐，送你一份小礼物", f"giver-{i}", 0) if gift else None,
    )


def make_parcel(order: Order, waybill_id: str, delivery_id: str = "YTO") -> Parcel:
    return Parcel(delivery_id, waybill_id, order.update_time + 10,
                  tuple(ParcelItem(ln.product_id, ln.sku_id, ln.sku_cnt) for ln in order.lines))


# What the store requires on every product (category, freight template, after-sale service).
SETTINGS = {"cats_v2": [{"cat_id": "6000"}, {"cat_id": "6001"}, {"cat_id": "6002"}],
            "deliver_method": 0, "express_info": {"template_id": "38983386001"},
            "extra_service": {"seven_day_return": 1, "freight_insurance": 0}}


def head_imgs(i: int) -> tuple[str, ...]:
    return tuple(f"https://mmecimage.cn/p/demo/{i}-{n}.jpg" for n in range(3))


def make_product(i: int, product_id: str | None = None, *, edit_time: int = 1_750_000_000,
                 status: int = 5, skus: int = 2, title: str | None = None) -> Product:
    return Product(
        product_id=product_id if product_id is not None else f"10{i:04d}",
        title=title or f"{GOODS[i % len(GOODS)]} 第{i}款",
        short_title=GOODS[i % len(GOODS)][:6],
        skus=tuple(
            Sku(sku_id=f"20{i:04d}{k}", sale_price=2990 + 1000 * k, stock_num=10 * (k + 1),
                attrs=(SkuAttr("规格", f"{k + 1}号"),), sku_code=f"CODE-{i:04d}-{k}",
                market_price=9990 + 1000 * k)
            for k in range(skus)
        ),
        head_imgs=head_imgs(i),
        status=status, edit_status=4, edit_time=edit_time, extra=dict(SETTINGS),
    )
