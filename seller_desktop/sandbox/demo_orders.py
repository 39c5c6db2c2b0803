"""Seeded demo orders: 90 days of a shop's orders in every status, plus gift orders.

Owns the people pools (Chinese names, phones, addresses across provinces) and
:func:`generate`, which fills ``shop.orders`` deterministically from ``shop.config.seed`` and
``shop.clock.now()``. Orders use the online copy of on-sale products (status 5); historical
orders leave stock alone, gifts awaiting acceptance hold one unit each (expiry returns it).

Buyers come from a pool (repeat customers are realistic, and records share their address
objects, which keeps 50,000 orders within the memory budget). Status follows the order's age:
unpaid ones are under 30 minutes old, 20/21 within two days (a few 20s overdue, up to three
days old), 30 within ten days, older ones are completed (100); cancels (250) and refunds (200) at any age. The first orders are forced to one
of each status, so even a tiny demo shows them all.
"""

from __future__ import annotations

import random
from typing import Any

from .delivery import CARRIER_NAMES
from .gifts import SHIP_WINDOW, make_gift
from .orders import build_index, change_stock, new_line, new_record, sku_snapshot
from .state import Shop

DAY = 86400
SPAN = 90 * DAY

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
            "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN = ("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌宇浩凯"
         "欣怡婷雪琳晨阳子涵梓轩思雨佳琪一诺欣妍浩然宇航俊杰嘉怡晓东建国志强海燕春梅文博梦瑶雅")
PHONE_PREFIXES = ("133", "135", "136", "137", "138", "139", "150", "151", "152", "157", "158",
                  "159", "177", "180", "181", "186", "187", "188", "189", "199")
# (province, city, county, national_code, postal_code)
REGIONS: tuple[tuple[str, str, str, str, str], ...] = (
    ("北京市", "北京市", "朝阳区", "110105", "100020"), ("北京市", "北京市", "海淀区", "110108", "100080"),
    ("上海市", "上海市", "浦东新区", "310115", "200120"), ("上海市", "上海市", "徐汇区", "310104", "200030"),
    ("天津市", "天津市", "南开区", "120104", "300100"), ("重庆市", "重庆市", "渝北区", "500112", "401120"),
    ("广东省", "广州市", "天河区", "440106", "510630"), ("广东省", "深圳市", "南山区", "440305", "518052"),
    ("广东省", "佛山市", "顺德区", "440606", "528300"), ("广东省", "东莞市", "东莞市", "441900", "523000"),
    ("浙江省", "杭州市", "西湖区", "330106", "310012"), ("浙江省", "宁波市", "鄞州区", "330212", "315100"),
    ("浙江省", "温州市", "鹿城区", "330302", "325000"), ("江苏省", "南京市", "鼓楼区", "320106", "210009"),
    ("江苏省", "苏州市", "工业园区", "320571", "215021"), ("江苏省", "无锡市", "梁溪区", "320213", "214000"),
    ("四川省", "成都市", "武侯区", "510107", "610041"), ("四川省", "绵阳市", "涪城区", "510703", "621000"),
    ("湖北省", "武汉市", "洪山区", "420111", "430070"), ("湖南省", "长沙市", "岳麓区", "430104", "410006"),
    ("山东省", "青岛市", "市南区", "370202", "266001"), ("山东省", "济南市", "历下区", "370102", "250014"),
    ("河南省", "郑州市", "金水区", "410105", "450003"), ("河北省", "石家庄市", "长安区", "130102", "050011"),
    ("福建省", "厦门市", "思明区", "350203", "361001"), ("福建省", "福州市", "鼓楼区", "350102", "350001"),
    ("陕西省", "西安市", "雁塔区", "610113", "710061"), ("辽宁省", "沈阳市", "和平区", "210102", "110001"),
    ("辽宁省", "大连市", "中山区", "210202", "116001"), ("吉林省", "长春市", "朝阳区", "220104", "130012"),
    ("黑龙江省", "哈尔滨市", "南岗区", "230103", "150001"), ("安徽省", "合肥市", "蜀山区", "340104", "230031"),
    ("江西省", "南昌市", "红谷滩区", "360113", "330038"), ("云南省", "昆明市", "五华区", "530102", "650021"),
    ("贵州省", "贵阳市", "观山湖区", "520115", "550081"), ("广西壮族自治区", "南宁市", "青秀区", "450103", "530022"),
    ("海南省", "海口市", "美兰区", "460108", "570203"), ("山西省", "太原市", "小店区", "140105", "030032"),
    ("内蒙古自治区", "呼和浩特市", "赛罕区", "150105", "010020"), ("新疆维吾尔自治区", "乌鲁木齐市", "天山区", "650102", "830002"),
)
STREETS = ("人民路", "解放路", "中山路", "建设路", "和平路", "文化路", "新华路", "长江路", "黄河路",
           "青年路", "幸福路", "光明路", "朝阳路", "科技路", "学府路", "滨江路", "花园路", "胜利路")
ESTATES = ("阳光花园", "翠苑小区", "锦绣家园", "万科城", "碧桂园", "金地华府", "保利香槟", "绿城桂花园",
           "恒大名都", "龙湖春江郦城", "世纪新城", "东方明珠苑")
CUSTOMER_NOTES = ("请尽快发货，谢谢", "周末送货", "不要放快递柜", "送人的，不要放价格单", "请帮忙包装好一点",
                  "发顺丰可以吗？", "到了打电话", "急用，麻烦加急", "颜色要和图片一样", "放门卫室就行")
MERCHANT_NOTES = ("已联系买家确认尺码", "老客户，送小样", "优先发货", "地址已核对", "缺货，等补货后发",
                  "买家要求改发顺丰", "赠品已备好", "VIP客户")
GIFT_NOTES = ("生日快乐！愿你每天都开心🎂", "新年快乐，万事如意", "一点心意，请收下", "谢谢你一直以来的照顾",
              "祝你天天开心", "早日康复，多保重", "恭喜乔迁之喜", "毕业快乐，前程似锦", "")
OPENID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
SHIP_CARRIERS = ("YTO", "YTO", "ZTO", "ZTO", "YUNDA", "JTSD", "STO", "SF", "SF", "JD", "EMS")
WAYBILL_PREFIX = {"YTO": "YT", "ZTO": "78", "YUNDA": "43", "JTSD": "JT", "STO": "77", "SF": "SF",
                  "JD": "JDV", "EMS": "98"}
FORCED = (10, 20, 21, 30, 100, 200, 250)  # the first orders: one of each status


def random_openid(rng: random.Random) -> str:
    return "o" + "".join(rng.choices(OPENID_CHARS, k=27))


def random_person(rng: random.Random) -> tuple[str, dict[str, Any]]:
    """A buyer: (openid, unmasked address_info)."""
    province, city, county, code, postal = rng.choice(REGIONS)
    name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2, 2))))
    phone = rng.choice(PHONE_PREFIXES) + f"{rng.randrange(10**8):08d}"
    detail = (f"{rng.choice(STREETS)}{rng.randint(1, 999)}号{rng.choice(ESTATES)}"
              f"{rng.randint(1, 30)}栋{rng.randint(1, 32)}{rng.randint(1, 4):02d}室")
    address = {"user_name": name, "postal_code": postal, "province_name": province,
               "city_name": city, "county_name": county, "detail_info": detail,
               "national_code": code, "tel_number": phone, "house_number": "",
               "hash_code": f"{rng.getrandbits(64):016x}", "use_tel_number": 0}
    return random_openid(rng), address


def _catalogue(shop: Shop) -> list[tuple[dict[str, Any], list[tuple[dict[str, Any], dict[str, Any]]]]]:
    """(product record, [(sku, shared snapshot)]) for every on-sale product with SKUs."""
    result = []
    for pid in sorted(shop.products):
        prod = shop.products[pid]
        online = prod.get("product")
        if prod.get("status") != 5 or not online or not online.get("skus"):
            continue
        result.append((prod, [(sku, sku_snapshot(online, sku)) for sku in online["skus"]]))
    if not result:
        raise ValueError("demo orders need on-sale products (status 5) in the shop")
    return result


class _Builder:
    """Draws orders from the seeded generator; one instance per :func:`generate` call."""

    def __init__(self, shop: Shop, rng: random.Random) -> None:
        self.shop, self.rng, self.now = shop, rng, shop.clock.now()
        self.catalogue = _catalogue(shop)
        self.hot = self.catalogue[: max(1, len(self.catalogue) // 10)]
        self.waybill_seq = rng.randrange(10**12)
        # (online product, sku, another sku of the same price): for a gift's SKU switch
        self.twins = [(p["product"], a, b) for p, skus in self.catalogue[:50]
                      for a, _ in skus for b, _ in skus
                      if a is not b and a["sale_price"] == b["sale_price"]]

    # random.choice/randint are slow at 50,000 orders; these draw from rng.random() directly
    def pick(self, seq: Any) -> Any:
        return seq[int(self.rng.random() * len(seq))]

    def between(self, low: int, high: int) -> int:
        return low + int(self.rng.random() * (high - low + 1))

    def order_id(self) -> str:
        while True:
            oid = f"37{self.rng.getrandbits(57) % 10**17:017d}"
            if oid not in self.shop.orders:
                return oid

    def pick_sku(self, max_price: int | None = None) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
        rng = self.rng
        for _ in range(50):
            prod, skus = self.pick(self.hot if rng.random() < 0.6 else self.catalogue)
            sku, snap = self.pick(skus)
            if max_price is None or int(sku["sale_price"]) <= max_price:
                return prod, sku, snap
        return prod, sku, snap

    def lines(self, count: int, deadline: int) -> list[dict[str, Any]]:
        rng, lines, seen = self.rng, [], set()
        while len(lines) < count:
            prod, sku, snap = self.pick_sku()
            key = (prod["product_id"], sku["sku_id"])
            if key in seen and len(seen) < count * 3:
                continue
            seen.add(key)
            cnt = 1 if rng.random() < 0.8 else self.pick((2, 2, 3))
            price = int(sku["sale_price"])
            real = price * cnt
            if rng.random() < 0.2:
                real -= real * self.pick((5, 8, 10, 15)) // 100
            lines.append(new_line(prod["product_id"], sku["sku_id"], snap, price, cnt, real,
                                  deadline))
        return lines

    def parcel(self, items: list[dict[str, Any]], when: int) -> dict[str, Any]:
        carrier = self.pick(SHIP_CARRIERS)
        self.waybill_seq += self.between(1, 97)
        return {"waybill_id": f"{WAYBILL_PREFIX[carrier]}{self.waybill_seq % 10**13:013d}",
                "delivery_id": carrier, "delivery_name": CARRIER_NAMES[carrier],
                "delivery_time": when, "deliver_type": 1,
                "product_infos": [{"product_id": ln["product_id"], "sku_id": ln["sku_id"],
                                   "product_cnt": ln["sku_cnt"]} for ln in items]}

    def status_for(self, age: int) -> int:
        r = self.rng.random()
        if age < 1800:
            return 10 if r < 0.4 else 20
        if age < 2 * DAY:
            return 20 if r < 0.7 else 21 if r < 0.75 else 30 if r < 0.95 else 250
        if age < 3 * DAY:  # a few still unshipped past their 48-hour ship-by deadline
            return 20 if r < 0.1 else 30 if r < 0.95 else 250
        if age < 10 * DAY:
            return 30 if r < 0.7 else 100 if r < 0.9 else 250 if r < 0.96 else 200
        return 100 if r < 0.88 else 250 if r < 0.96 else 200

    def order(self, buyer: tuple[str, dict[str, Any]], forced: int | None) -> dict[str, Any]:
        rng, now = self.rng, self.now
        if forced is None:
            age = int(rng.random() * SPAN)
            status = self.status_for(age)
        else:
            status = forced
            age = {10: 600, 20: 3 * 3600, 21: 20 * 3600, 30: 3 * DAY}.get(status, 20 * DAY)
        create = now - age
        paid = status not in (10, 250)
        pay_time = create + self.between(10, 300) if paid else 0
        pay_time = min(pay_time, now)
        r = rng.random()
        n_lines = 1 if r < 0.7 else 2 if r < 0.92 else 3
        if status == 21:
            n_lines = max(n_lines, 2)
        lines = self.lines(n_lines, pay_time + SHIP_WINDOW if paid else 0)
        openid, real = buyer
        freight = self.pick((0, 0, 0, 0, 600, 800, 1000, 1200))
        rec = new_record(self.order_id(), status, create, openid, lines, freight, pay_time, real)
        update = create
        if status in (20, 200):
            update = pay_time
        if status in (21, 30, 100):
            first = min(now, pay_time + self.between(3600, 36 * 3600))
            if status == 21:
                rec["parcels"] = [self.parcel(lines[:1], first)]
            elif len(lines) > 1 and rng.random() < 0.2:
                second = min(now, first + self.between(600, 12 * 3600))
                rec["parcels"] = [self.parcel(lines[:1], first), self.parcel(lines[1:], second)]
                first = second
            else:
                rec["parcels"] = [self.parcel(lines, first)]
            update = first
            if status != 21:
                rec["ship_done_time"] = first
        if status == 100:
            update = rec["confirm_receipt_time"] = max(
                update, min(now - 60, update + self.between(3, 10) * DAY))
        elif status == 200:
            update = min(now, pay_time + self.between(3600, 3 * DAY))
        elif status == 250:
            update = min(now, create + 1800)
        rec["update_time"] = max(create, update)
        if rng.random() < 0.12:
            rec["customer_notes"] = self.pick(CUSTOMER_NOTES)
        if rng.random() < 0.06:
            rec["merchant_notes"] = self.pick(MERCHANT_NOTES)
        return rec

    def gift(self, giver: str, pay_time: int, send_type: int, present_id: str) -> dict[str, Any]:
        prod, sku, snap = self.pick_sku(max_price=1_000_000)
        line = new_line(prod["product_id"], sku["sku_id"], snap, int(sku["sale_price"]), 1)
        return make_gift(self.order_id(), present_id, pay_time, giver,
                         self.rng.choice(GIFT_NOTES), send_type, line)


def _gifts(b: _Builder, count: int) -> list[dict[str, Any]]:
    """Gift orders: one expired (250), a quarter accepted (20), the rest awaiting (12), some
    of those 20–23.5 h old, and one group gift of three sub-orders when there are enough."""
    rng, now, shop = b.rng, b.now, b.shop
    ttl = int(getattr(shop.config, "gift_ttl", DAY))
    expired = 1 if count >= 2 else 0
    accepted = max(1, count // 4) if count >= 3 else 0
    pending = count - expired - accepted
    used: set[str] = set()

    def present_id() -> str:
        while True:
            pid = f"42{rng.randrange(10**17):017d}"
            if pid not in used:
                used.add(pid)
                return pid

    recs: list[dict[str, Any]] = []
    group = 3 if pending >= 5 else 0
    if group:
        giver, pid, paid = random_openid(rng), present_id(), now - rng.randint(3600, 5 * 3600)
        recs += [b.gift(giver, paid, 1, pid) for _ in range(group)]
    for i in range(pending - group):
        age = ttl - rng.randint(1800, 4 * 3600) if i % 3 == 0 else rng.randint(600, ttl * 3 // 4)
        recs.append(b.gift(random_openid(rng), now - age, rng.choice((0, 0, 3, 4, 6)), present_id()))
    for i in range(accepted):
        pay = now - rng.randint(2 * 3600, 3 * DAY)
        rec = b.gift(random_openid(rng), pay, rng.choice((0, 3)), present_id())
        accept_time = min(now, pay + rng.randint(600, ttl - 600))
        openid, real = random_person(rng)
        line = rec["lines"][0]
        if i == 0 and b.twins:  # the recipient switched to another SKU of the same price
            prod, old, new = rng.choice(b.twins)
            line.update(product_id=str(prod["product_id"]), sku_id=str(new["sku_id"]),
                        sale_price=int(new["sale_price"]), real_price=int(new["sale_price"]),
                        snap=sku_snapshot(prod, new),
                        accept_change_sku_info={"old_sku_id": str(old["sku_id"]),
                                                "new_sku_id": str(new["sku_id"])})
        line["delivery_deadline"] = accept_time + SHIP_WINDOW
        rec.update(status=20, openid=openid, real_address=real,
                   update_time=accept_time)
        recs.append(rec)
    for _ in range(expired):
        pay = now - ttl - rng.randint(3600, 5 * DAY)
        rec = b.gift(random_openid(rng), pay, 0, present_id())
        rec.update(status=250, update_time=pay + ttl)
        recs.append(rec)
    return recs


def generate(shop: Shop, orders: int, gift_orders: int) -> None:
    """Add ``orders`` ordinary orders and ``gift_orders`` gift orders (deterministic)."""
    rng = random.Random(f"demo-orders:{shop.config.seed}")
    b = _Builder(shop, rng)
    buyers = []
    for _ in range(max(20, min(orders // 6, 8000))):
        openid, real = random_person(rng)
        buyers.append((openid, real))
    for i in range(orders):
        rec = b.order(b.pick(buyers), FORCED[i] if i < len(FORCED) else None)
        shop.orders[rec["order_id"]] = rec
    for rec in _gifts(b, gift_orders):
        shop.orders[rec["order_id"]] = rec
        if rec["status"] == 12:
            change_stock(shop, rec["lines"][0]["product_id"], rec["lines"][0]["sku_id"], -1)
    build_index(shop)
