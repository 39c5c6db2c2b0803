"""Realistic orders, waybills and a sender for the label tests and the label benchmark."""

from __future__ import annotations

from seller_desktop.domain import Address, Gift, Order, OrderLine, SenderAddress, Waybill
from seller_desktop.labels.content import LabelData

PRINTED_AT = 1764061200  # 2025-11-25 17:00 Asia/Shanghai
SHOP = "山野茶集·云南古树茶旗舰店"

SENDER = SenderAddress(
    name="李建国",
    mobile="13987654321",
    province="云南省",
    city="普洱市",
    county="思茅区",
    street="思茅镇",
    address="茶苑路18号山野茶集仓库2号门",
)

TEA = ("10001", "云南普洱熟茶饼 2019年勐海古树料 357克", "PE-357-2019")
GREEN = ("10002", "明前龙井绿茶 特级 罐装", "LJ-250-TJ")
CUP = ("10003", "汝窑开片品茗杯 天青色 单只装", "CUP-RY-TQ")
LONG = ("10004", "【官方正品】手工竹编茶盘家用大号办公室会客功夫茶具配件收纳托盘加厚款限量版", "TRAY-BZ-XL")


def line(product: tuple[str, str, str], sku: str, count: int, price: int, attrs: tuple = ()) -> OrderLine:
    product_id, title, code = product
    return OrderLine(
        product_id=product_id,
        sku_id=f"{product_id}-{sku}",
        title=title,
        sku_cnt=count,
        sale_price=price,
        real_price=price * count,
        sku_attrs=attrs,
        sku_code=f"{code}-{sku}",
    )


def address(name: str, tel: str, province: str, city: str, county: str, detail: str) -> Address:
    return Address(user_name=name, tel_number=tel, province=province, city=city, county=county, detail=detail)


def order(order_id: str, lines: tuple[OrderLine, ...], addr: Address | None, gift: Gift | None = None) -> Order:
    total = sum(ln.real_price for ln in lines)
    return Order(
        order_id=order_id,
        status=20,
        create_time=PRINTED_AT - 86400,
        update_time=PRINTED_AT - 3600,
        lines=lines,
        address=addr,
        product_price=total,
        order_price=total + 800,
        freight=800,
        pay_time=PRINTED_AT - 86000,
        gift=gift,
    )


def sample_orders() -> list[Order]:
    return [
        order("3720119835651457024", (line(TEA, "A", 2, 16800, (("规格", "357克/饼"),)),),
              address("王**", "133****6868", "北京市", "北京市", "海淀区", "中关村大街**号****")),
        order("3720119835651457001", (line(GREEN, "250", 1, 39800, (("规格", "250克"), ("包装", "铁罐"))),
                                      line(CUP, "1", 4, 5900, (("颜色", "天青"),))),
              address("张**", "139****0021", "上海市", "上海市", "浦东新区", "张江镇科苑路****弄**号")),
        order("3720119835651457100", (line(CUP, "1", 2, 5900, (("颜色", "天青"),)),),
              address("欧阳**", "186****7710", "广东省", "深圳市", "南山区",
                      "粤海街道科技园南区高新南九道**号**大厦A座**楼****室（前台代收，工作日9点至18点）"),
              gift=Gift("P9920011", "祝爸爸生日快乐，身体健康！少喝酒多喝茶——女儿小雨", "o6_gift_giver")),
        order("3720119835651457055", (line(LONG, "XL", 1, 26900, (("尺寸", "60×40厘米"), ("款式", "加厚款"))),
                                      line(TEA, "A", 1, 16800, (("规格", "357克/饼"),)),
                                      line(GREEN, "250", 3, 39800, (("规格", "250克"), ("包装", "铁罐"))),
                                      line(CUP, "1", 6, 5900, (("颜色", "天青"),)),
                                      line(TEA, "B", 2, 29800, (("规格", "整提7饼"),))),
              address("陈**", "158****3344", "浙江省", "杭州市", "西湖区", "文三路***号")),
        order("3720119835651457010", (line(TEA, "A", 1, 16800, (("规格", "357克/饼"),)),),
              address("赵**", "177****5566", "四川省", "成都市", "武侯区", "天府大道北段****号")),
    ]


CARRIERS = (("SF", "顺丰速运", "SF14"), ("YTO", "圆通速递", "YT78"), ("ZTO", "中通快递", "7731"),
            ("JTSD", "极兔速递", "JT00"))


def waybill_for(o: Order, index: int) -> Waybill:
    delivery_id, name, prefix = CARRIERS[index % len(CARRIERS)]
    number = f"{prefix}{int(o.order_id[-9:]) * 7 + index:011d}"[:15]
    return Waybill(
        ewaybill_order_id=f"88{o.order_id[-10:]}",
        order_id=o.order_id,
        delivery_id=delivery_id,
        waybill_id=number,
        status=1,
        delivery_name=name,
        print_info=f"opaque-print-info-{number}",
    )


def sample_labels() -> list[LabelData]:
    return [
        LabelData(o, waybill_for(o, i), SENDER, SHOP, PRINTED_AT) for i, o in enumerate(sample_orders())
    ]


def many_labels(count: int) -> list[LabelData]:
    """``count`` labels cycling through the sample orders with distinct ids and waybill numbers."""
    base = sample_orders()
    items = []
    for i in range(count):
        template = base[i % len(base)]
        o = order(f"37201198356{i:08d}", template.lines, template.address, template.gift)
        items.append(LabelData(o, waybill_for(o, i), SENDER, SHOP, PRINTED_AT))
    return items
