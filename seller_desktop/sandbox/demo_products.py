"""Demo catalogue: realistic Chinese products with SKUs, prices in 分, stock and image links.

:func:`make_products` fills ``shop.products`` (and registers a generated image for every link)
deterministically from ``rng``; every product satisfies the write rules of product_validate.py
(3–5 distinct head images, a leaf category of ``catalog.CATEGORIES``, one of the demo shop's
freight templates, a title that is not only ASCII); a mix of statuses: mostly on sale, some delisted, some
never-listed drafts, a few under review (finishing after ``config.review_delay``), a few with
unsubmitted draft edits or a failed review.
"""

from __future__ import annotations

import copy
import hashlib
import random
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .catalog import FREIGHT_TEMPLATE_IDS
from .images import image_link
from .product_store import min_price, new_product_id, new_sku_id, sync_status, time_string

if TYPE_CHECKING:
    from .state import Shop


@dataclass(frozen=True)
class Category:
    name: str
    cats: tuple[str, str, str]
    nouns: tuple[str, ...]
    dims: tuple[tuple[str, tuple[str, ...]], ...]  # sale attributes: key and its values
    price: tuple[int, int]  # 分
    origin: tuple[str, ...]


CATEGORIES = (
    Category("服装", ("1001", "100102", "10010215"),
             ("纯棉圆领短袖T恤", "宽松连帽卫衣", "高腰直筒牛仔裤", "冰丝防晒衣", "法式碎花连衣裙",
              "加厚摇粒绒外套", "男士商务休闲衬衫", "运动速干短裤", "针织开衫毛衣", "羊羔绒马甲"),
             (("颜色", ("白色", "黑色", "藏青", "燕麦色", "雾霾蓝", "酒红", "浅灰")),
              ("尺码", ("S", "M", "L", "XL", "XXL", "3XL"))),
             (3900, 29900), ("广东广州", "浙江杭州", "福建泉州")),
    Category("食品", ("2001", "200105", "20010533"),
             ("云南小粒咖啡豆", "手工红糖姜茶", "每日坚果混合装", "五常稻花香大米", "低脂全麦面包",
              "四川麻辣牛肉干", "新疆若羌灰枣", "安溪铁观音茶叶", "内蒙古风干牛肉", "桂林米粉"),
             (("口味", ("原味", "香辣", "五香", "蜂蜜", "海盐", "黑胡椒")),
              ("规格", ("250g", "500g", "1kg", "礼盒装", "30包/箱"))),
             (1990, 19900), ("云南普洱", "新疆和田", "四川成都", "黑龙江五常")),
    Category("家居", ("3001", "300111", "30011102"),
             ("北欧简约陶瓷马克杯", "记忆棉护颈枕", "全棉四件套", "加厚防滑浴室地垫", "可折叠收纳箱",
              "不锈钢保温杯", "竹纤维毛巾", "香薰蜡烛礼盒", "日式木质餐具套装", "遮光窗帘"),
             (("颜色", ("米白", "雾蓝", "豆沙粉", "墨绿", "奶咖")),
              ("规格", ("单只装", "两件套", "1.5m床", "1.8m床", "大号", "小号"))),
             (1590, 45900), ("江西景德镇", "浙江义乌", "江苏南通")),
    Category("数码配件", ("4001", "400107", "40010719"),
             ("快充数据线", "磁吸无线充电器", "蓝牙降噪耳机", "桌面手机支架", "防窥钢化膜",
              "氮化镓充电头", "Type-C扩展坞", "机械键盘青轴", "便携充电宝", "无线鼠标静音款"),
             (("颜色", ("黑色", "白色", "远峰蓝", "深空灰")),
              ("型号", ("iPhone 15", "iPhone 16", "华为Mate60", "小米14", "通用款"))),
             (990, 39900), ("广东深圳", "广东东莞")),
    Category("美妆个护", ("5001", "500103", "50010308"),
             ("氨基酸洁面乳", "玻尿酸补水面膜", "清爽防晒霜", "护手霜套装", "控油洗发水",
              "薰衣草身体乳", "温和卸妆水"),
             (("规格", ("50ml", "100ml", "200ml", "10片装")),
              ("香型", ("无香", "玫瑰", "白茶", "柑橘"))),
             (2900, 16900), ("上海", "广东广州")),
    Category("母婴", ("6001", "600102", "60010211"),
             ("婴儿纯棉口水巾", "儿童保温水杯", "宝宝辅食碗", "儿童防滑袜", "婴儿湿巾"),
             (("颜色", ("粉色", "蓝色", "黄色", "米色")),
              ("规格", ("3条装", "5条装", "单只", "80抽×6包"))),
             (1290, 12900), ("浙江湖州", "江苏苏州")),
)
PREFIXES = ("", "", "【现货】", "新款", "2026春季", "店长推荐 ", "【包邮】")
SUFFIXES = ("", " 多色可选", " 送礼佳品", " 加厚款", " 家用实惠装", " 官方正品")


def _key(seed: int, pid: str, kind: str, i: int) -> str:
    return hashlib.sha1(f"demo:{seed}:{pid}:{kind}:{i}".encode()).hexdigest()


def _price(rng: random.Random, lo: int, hi: int) -> int:
    return max(lo, (rng.randint(lo, hi) // 100) * 100 - 10)  # prices end in 9.90 元


def _skus(shop: Shop, rng: random.Random, cat: Category, pid: str, thumbs: dict[str, str],
          base: int) -> list[dict[str, Any]]:
    (k1, v1), (k2, v2) = cat.dims
    shape = rng.random()
    if shape < 0.15:
        combos: list[list[tuple[str, str]]] = [[(k2, rng.choice(v2))]]
    elif shape < 0.45:
        combos = [[(k1, v)] for v in rng.sample(v1, rng.randint(2, min(4, len(v1))))]
    elif shape < 0.95:
        firsts = rng.sample(v1, rng.randint(2, 3))
        seconds = rng.sample(v2, rng.randint(2, 4))
        combos = [[(k1, a), (k2, b)] for a in firsts for b in seconds]
    else:  # a big grid: more than 25 SKUs (listing goes through edit_status 7)
        combos = [[(k1, a), (k2, b)] for a in v1[:5] for b in v2[:6]]
        while len(combos) <= 25:
            combos.append([(k1, f"{v1[0]}{len(combos)}"), (k2, v2[0])])
    skus = []
    for n, attrs in enumerate(combos):
        first = attrs[0][1]
        if first not in thumbs:
            thumbs[first] = _key(shop.config.seed, pid, "thumb", len(thumbs))
        step = v2.index(attrs[-1][1]) if attrs[-1][1] in v2 else 0
        sale = base + step * (500 if cat.name in ("食品", "家居", "美妆个护") else 0)
        market = ((sale * 13 // 10) // 100 + 1) * 100 if rng.random() < 0.6 else 0
        stock = 0 if rng.random() < 0.06 else rng.randint(1, 500)
        skus.append({"sku_id": new_sku_id(shop), "out_sku_id": f"{pid[-6:]}-{n + 1:02d}",
                     "thumb_img": image_link(shop.config.appid, thumbs[first]),
                     "sale_price": sale, "market_price": market, "stock_num": stock,
                     "sku_code": f"SKU{pid[-5:]}{n + 1:03d}",
                     "sku_attrs": [{"attr_key": k, "attr_value": v} for k, v in attrs]})
    return skus


def _product(shop: Shop, rng: random.Random, pid: str, now: int) -> dict[str, Any]:
    cat = rng.choice(CATEGORIES)
    noun = rng.choice(cat.nouns)
    title = f"{rng.choice(PREFIXES)}{noun}{rng.choice(SUFFIXES)}".strip()
    if len(title) < 5:
        title = f"{title} {cat.name}精选"
    appid, seed = shop.config.appid, shop.config.seed
    keys = {kind: [_key(seed, pid, kind, i) for i in range(count)]
            for kind, count in (("head", rng.randint(3, 5)), ("desc", rng.randint(2, 4)))}
    thumbs: dict[str, str] = {}
    skus = _skus(shop, rng, cat, pid, thumbs, _price(rng, *cat.price))
    for key in [*keys["head"], *keys["desc"], *thumbs.values()]:
        shop.images[key] = {"kind": "generated"}
    created = now - rng.randint(10, 400) * 86400
    return {
        "product_id": pid, "out_product_id": f"SP{pid[-6:]}", "title": title[:60],
        "short_title": noun[:20], "spu_code": f"SPU{pid[-6:]}",
        "head_imgs": [image_link(appid, k) for k in keys["head"]],
        "desc_info": {"imgs": [image_link(appid, k) for k in keys["desc"]],
                      "desc": f"{noun}，{cat.name}好物，产地{rng.choice(cat.origin)}。"},
        "cats_v2": [{"cat_id": c} for c in cat.cats],
        "attrs": [{"attr_key": "产地", "attr_value": rng.choice(cat.origin)}],
        "deliver_method": 0,
        "express_info": {"template_id": FREIGHT_TEMPLATE_IDS[int(pid) % len(FREIGHT_TEMPLATE_IDS)],
                         "weight": rng.randint(100, 3000)},
        "extra_service": {"seven_day_return": 1, "freight_insurance": int(rng.random() < 0.5)},
        "skus": skus, "min_price": min_price(skus), "product_type": 1,
        "create_time": time_string(created),
        "edit_time": created + rng.randint(0, max(1, now - created - 3600)),
    }


def _edited(rng: random.Random, product: dict[str, Any]) -> dict[str, Any]:
    draft = copy.deepcopy(product)
    draft["title"] = (draft["title"] + " 升级款")[:60]
    for sku in draft["skus"]:
        sku["sale_price"] += rng.choice((-100, 100, 500))
        if sku["market_price"] and sku["market_price"] <= sku["sale_price"]:
            sku["market_price"] = sku["sale_price"] + 1000
    draft["min_price"] = min_price(draft["skus"])
    draft["edit_time"] = product["edit_time"] + rng.randint(60, 86400)
    return draft


def make_products(shop: Shop, rng: random.Random, count: int) -> None:
    now = shop.clock.now()
    due = now + shop.config.review_delay
    for _ in range(count):
        pid = new_product_id(shop)
        product = _product(shop, rng, pid, now)
        roll = rng.random()
        # (status, edit_status, has online copy, draft differs, under review)
        if roll < 0.72:
            plan = (5, 4, True, False)
        elif roll < 0.82:
            plan = (11, 4, True, False)
        elif roll < 0.90:
            plan = (0, 1, False, False)
        elif roll < 0.93:
            plan = (0, 2, False, False)
        elif roll < 0.96:
            plan = (5, 2, True, True)
        elif roll < 0.98:
            plan = (5, 1, True, True)
        else:
            plan = (5, 3, True, True)
        status, edit_status, online, differs = plan
        draft = _edited(rng, product) if differs else copy.deepcopy(product)
        shop.products[pid] = {"product_id": pid, "status": status, "edit_status": edit_status,
                              "edit_product": draft, "product": product if online else None,
                              "review_due": due if edit_status == 2 else None}
        sync_status(shop.products[pid])
