"""Categories and freight templates (auth-products.md §5, §6) and the product-reference checks.

Categories are a small fixed 3-level platform tree (:data:`CATEGORIES`); freight templates are
the shop's (``shop.freight_templates``, filled by :func:`default_freight_templates`). Serves the
category and freight-template endpoints; :func:`check_categories` and :func:`check_freight` are
the product-write checks that need these tables (10020011 / 10020017 / 10020019). Decisions
where the reference is silent: sandbox/README.md, "Products".
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from .core import ApiError, Request, body_dict, field_int, field_str, reindex, route

if TYPE_CHECKING:
    from .state import Shop

# (cat_id, f_cat_id, name); level and leaf follow from the tree
_TREE: tuple[tuple[str, str, str], ...] = (
    ("1001", "0", "服饰内衣"), ("100102", "1001", "女装"), ("10010215", "100102", "T恤"),
    ("100103", "1001", "男装"), ("10010301", "100103", "衬衫"),
    ("2001", "0", "食品饮料"), ("200105", "2001", "休闲零食"), ("20010533", "200105", "坚果炒货"),
    ("200106", "2001", "茶叶冲饮"), ("20010601", "200106", "咖啡"),
    ("3001", "0", "家居日用"), ("300111", "3001", "家纺"), ("30011102", "300111", "床品套件"),
    ("4001", "0", "数码"), ("400107", "4001", "手机配件"), ("40010719", "400107", "数据线"),
    ("5001", "0", "美妆护肤"), ("500103", "5001", "面部护肤"), ("50010308", "500103", "洁面"),
    ("6001", "0", "母婴"), ("600102", "6001", "婴童用品"), ("60010211", "600102", "口水巾"),
)
CATEGORIES: dict[str, dict[str, Any]] = {}
for _cid, _fid, _name in _TREE:
    _level = 1 if _fid == "0" else CATEGORIES[_fid]["level"] + 1
    CATEGORIES[_cid] = {"cat_id": _cid, "f_cat_id": _fid, "name": _name, "level": _level,
                        "leaf": False}
for _cat in CATEGORIES.values():
    _cat["leaf"] = not any(c["f_cat_id"] == _cat["cat_id"] for c in CATEGORIES.values())

# sale attributes offered per level-1 category (category/detail's sale_attr_list)
_SALE_ATTRS = {"1001": ("颜色", "尺码"), "2001": ("口味", "规格"), "3001": ("颜色", "规格"),
               "4001": ("颜色", "型号"), "5001": ("规格", "香型"), "6001": ("颜色", "规格")}

FREIGHT_TEMPLATE_IDS = ("38983386001", "38983386002", "38983386003")


def _path(cat_id: str) -> list[str]:
    ids = [cat_id]
    while CATEGORIES[ids[0]]["f_cat_id"] != "0":
        ids.insert(0, CATEGORIES[ids[0]]["f_cat_id"])
    return ids


def default_freight_templates(now: int) -> dict[str, dict[str, Any]]:
    """The demo shop's templates: free shipping, conditional free by weight, buyer pays."""
    address = {"user_name": "李仓管", "postal_code": "510000", "province_name": "广东省",
               "city_name": "广州市", "county_name": "白云区",
               "detail_info": "太和镇大源北路88号仓储园3栋", "national_code": "440111",
               "tel_number": "13800138000"}
    calc = {"freight_calc_method_list": [{"is_default": True, "delivery_id": "YTO",
                                          "first_val_amount": 1, "first_price": 800,
                                          "second_val_amount": 1, "second_price": 200,
                                          "address_info": []}]}
    plans = (
        (FREIGHT_TEMPLATE_IDS[0], "全国包邮", "PIECE", "FREE", True, []),
        (FREIGHT_TEMPLATE_IDS[1], "满99包邮（按重量）", "WEIGHT", "CONDITION_FREE", False,
         [{"min_amount": 9900, "valuation_flag": 0, "address_infos": []}]),
        (FREIGHT_TEMPLATE_IDS[2], "买家承担运费（偏远不发）", "PIECE", "NO_FREE", False, []),
    )
    out: dict[str, dict[str, Any]] = {}
    for n, (tid, name, valuation, method, default, free) in enumerate(plans):
        out[tid] = {
            "template_id": tid, "name": name, "valuation_type": valuation,
            "send_time": "SendTime_FOUR_HOUR", "address_info": dict(address),
            "delivery_type": "EXPRESS", "delivery_id": ["YTO", "ZTO", "SF"],
            "shipping_method": method,
            "all_condition_free_detail": {"condition_free_detail_list": copy.deepcopy(free)},
            "all_freight_calc_method": copy.deepcopy(calc) if method != "FREE" else
            {"freight_calc_method_list": []},
            "create_time": now - (400 - n) * 86400, "update_time": now - (100 - n) * 86400,
            "is_default": default,
            "not_send_area": {"address_info": [{"province_name": "西藏自治区"},
                                               {"province_name": "新疆维吾尔自治区"}]
                              if n == 2 else []},
        }
    return out


@reindex
def _ensure_templates(shop: Shop) -> None:
    # a state file saved before the shop had freight templates: give it the demo's
    if not shop.freight_templates:
        shop.freight_templates = default_freight_templates(shop.clock.now())


# ---- product-write checks --------------------------------------------------------------------

def check_categories(body: dict[str, Any]) -> None:
    """``cats`` (exactly 3 levels) and ``cats_v2`` must each name a chain root → known leaf.

    Called after the JSON types were checked (lists of objects with a ``cat_id``)."""
    for name in ("cats", "cats_v2"):
        items = body.get(name)
        if not items:
            continue
        if name == "cats" and len(items) != 3:
            raise ApiError(10020011, "cats must have exactly 3 levels")
        ids = [str(c["cat_id"]) for c in items]
        leaf = CATEGORIES.get(ids[-1])
        if leaf is None or not leaf["leaf"] or _path(ids[-1]) != ids:
            raise ApiError(10020017, f"illegal category: {name} {'/'.join(ids)}")


def check_freight(shop: Shop, body: dict[str, Any], listing: bool) -> None:
    """An express product's freight template must exist (10020019); at listing it is needed."""
    if body.get("deliver_method", 0) != 0:
        return
    express = body.get("express_info") or {}
    tid = express.get("template_id")
    if tid is None or tid == "":
        if listing:
            raise ApiError(10020019, "invalid freight template: express_info.template_id is "
                                     "required for an express product")
        return
    if str(tid) not in shop.freight_templates:
        raise ApiError(10020019, f"invalid freight template {tid}")


# ---- endpoints -------------------------------------------------------------------------------

@route("/channels/ec/category/availablesoncategories/get")
def available_son_categories(shop: Shop, req: Request) -> dict[str, Any]:
    f_cat_id = field_str(body_dict(req), "f_cat_id")
    if f_cat_id != "0" and f_cat_id not in CATEGORIES:
        raise ApiError(10020017, f"illegal category {f_cat_id}")
    cats = [dict(c) for c in CATEGORIES.values() if c["f_cat_id"] == f_cat_id]
    return {"cat_list": cats, "cat_list_v2": copy.deepcopy(cats)}


@route("/channels/ec/category/detail")
def category_detail(shop: Shop, req: Request) -> dict[str, Any]:
    cat_id = field_str(body_dict(req), "cat_id")
    cat = CATEGORIES.get(cat_id or "")
    if cat is None:
        raise ApiError(10020017, f"illegal category {cat_id}")
    root = _path(cat["cat_id"])[0]
    sale = [{"name": key, "type": "string", "value": "", "is_required": True}
            for key in _SALE_ATTRS[root]] if cat["leaf"] else []
    product_attrs = [{"name": "产地", "type": "string", "value": "", "is_required": False}] \
        if cat["leaf"] else []
    return {"info": {"cat_id": cat["cat_id"], "name": cat["name"]},
            "attr": {"access_permit_required": False, "pre_sale": True,
                     "no_reason_return": True, "seven_day_return": 1, "shop_no_shipment": False,
                     "product_attr_list": product_attrs, "sale_attr_list": sale},
            "product_qua_list": []}


@route("/channels/ec/merchant/getfreighttemplatelist")
def freight_template_list(shop: Shop, req: Request) -> dict[str, Any]:
    body = body_dict(req)
    offset = field_int(body, "offset")
    limit = field_int(body, "limit")
    assert offset is not None and limit is not None
    if offset < 0 or limit < 1:
        raise ApiError(40097, "invalid args, offset must be >= 0 and limit >= 1")
    ids = sorted(shop.freight_templates, key=int)
    return {"template_id_list": ids[offset:offset + limit]}


@route("/channels/ec/merchant/getfreighttemplatedetail")
def freight_template_detail(shop: Shop, req: Request) -> dict[str, Any]:
    tid = field_str(body_dict(req), "template_id")
    tpl = shop.freight_templates.get(tid or "")
    if tpl is None:
        raise ApiError(10020005, f"freight template {tid} does not exist")
    return {"freight_template": copy.deepcopy(tpl)}
