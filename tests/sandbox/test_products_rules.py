"""Product write rules from the reference: title (§7.4, 10020045), required add fields (§8.3 →
40097), head/detail/qualification images (§7.4, §4.1, §9), categories (§5, §7.4: 10020011,
10020017), freight templates (§8.3: 10020019), stock cap (§7.5), immutable out ids (§7.4,
§7.5) and list/get's required page_size (§8.1)."""

from __future__ import annotations

import pytest

from .helpers import api, err, ok
from .product_helpers import IMG, add, get, listed, product_body, sku

P = "/channels/ec/product/"
CATS = [{"cat_id": "1001"}, {"cat_id": "100102"}, {"cat_id": "10010215"}]


@pytest.mark.parametrize("title", ["Cotton T-shirt 2026", "12345678", "!!!!!??????", "ABCDE"])
def test_title_only_ascii_is_rejected(sb_url, token, title):
    assert err(sb_url, P + "add", product_body(title=title), token=token) == 10020045


def test_title_with_chinese_and_latin_passes(sb_url, token):
    add(sb_url, token, product_body(title="iPhone 16 手机壳"))


def _without(body, path):
    """``body`` with the dotted ``path`` removed (``skus.0.stock_num`` style)."""
    *parents, last = path.split(".")
    obj = body
    for key in parents:
        obj = obj[int(key)] if isinstance(obj, list) else obj[key]
    del obj[last]
    return body


@pytest.mark.parametrize("path, named", [
    ("title", "title"),
    ("head_imgs", "head_imgs"),
    ("cats_v2", "cats_v2"),
    ("skus", "skus"),
    ("skus.1.sale_price", "skus[1].sale_price"),
    ("skus.0.stock_num", "skus[0].stock_num"),
    ("skus.0.sku_attrs", "skus[0].sku_attrs"),
    ("extra_service", "extra_service"),
    ("extra_service.seven_day_return", "extra_service.seven_day_return"),
    ("extra_service.freight_insurance", "extra_service.freight_insurance"),
    ("deliver_method", "deliver_method"),
])
def test_required_add_fields(sb_url, token, path, named):
    reply = api(sb_url, P + "add", _without(product_body(), path), token=token)
    assert reply["errcode"] == 40097, reply
    assert named in reply["errmsg"], reply


def test_deliver_acct_type_required_for_deliver_method_3(sb_url, token):
    body = product_body(deliver_method=3)
    del body["express_info"]
    reply = api(sb_url, P + "add", body, token=token)
    assert reply["errcode"] == 40097 and "deliver_acct_type" in reply["errmsg"], reply
    assert err(sb_url, P + "add", {**body, "deliver_acct_type": []}, token=token) == 40097
    add(sb_url, token, {**body, "deliver_acct_type": [1, 3]})


def test_legacy_cats_satisfy_the_category_requirement(sb_url, token):
    body = product_body()
    del body["cats_v2"]
    add(sb_url, token, {**body, "cats": CATS})


@pytest.mark.parametrize("head, code", [
    ([], 10020022),
    ([IMG + "h1"], 10020106),
    ([IMG + "h1", IMG + "h2"], 10020106),
    ([IMG + f"h{i}" for i in range(10)], 10020023),
    ([IMG + "h1", IMG + "h2", IMG + "h1"], 10020051),
])
def test_head_image_count_and_duplicates(sb_url, token, head, code):
    assert err(sb_url, P + "add", product_body(head_imgs=head), token=token) == code


def test_head_images_three_to_nine_pass(sb_url, token):
    add(sb_url, token, product_body(head_imgs=[IMG + f"h{i}" for i in range(9)]))


def test_detail_and_qualification_images(sb_url, token):
    desc = {"imgs": [IMG + f"d{i}" for i in range(21)], "desc": ""}
    assert err(sb_url, P + "add", product_body(desc_info=desc), token=token) == 10020025
    add(sb_url, token, product_body(desc_info={"imgs": desc["imgs"][:20], "desc": ""}))
    bad_qua = [{"qua_id": "1", "qua_url": [IMG + "q1", "https://example.com/q.png"]}]
    assert err(sb_url, P + "add", product_body(product_qua_infos=bad_qua),
               token=token) == 10020035
    assert err(sb_url, P + "add", product_body(qualifications=["https://x.example/q.jpg"]),
               token=token) == 10020035
    add(sb_url, token, product_body(product_qua_infos=[{"qua_id": "1", "qua_url": [IMG + "q"]}],
                                    qualifications=[IMG + "q2"]))


@pytest.mark.parametrize("change, code", [
    ({"cats_v2": [{"cat_id": "1001"}, {"cat_id": "100102"}, {"cat_id": "99999999"}]}, 10020017),
    ({"cats_v2": [{"cat_id": "1001"}, {"cat_id": "100102"}]}, 10020017),  # not a leaf
    ({"cats_v2": [{"cat_id": "2001"}, {"cat_id": "100102"}, {"cat_id": "10010215"}]}, 10020017),
    ({"cats": CATS[:2]}, 10020011),
    ({"cats": [*CATS, {"cat_id": "1"}]}, 10020011),
    ({"cats": [{"cat_id": "1001"}, {"cat_id": "100102"}, {"cat_id": "424242"}]}, 10020017),
])
def test_categories(sb_url, token, change, code):
    assert err(sb_url, P + "add", product_body(**change), token=token) == code


def test_unknown_freight_template(sb_url, token):
    bad = {"template_id": "1234"}
    assert err(sb_url, P + "add", product_body(express_info=bad), token=token) == 10020019
    pid = add(sb_url, token)
    assert err(sb_url, P + "update", product_body(product_id=pid, express_info=bad),
               token=token) == 10020019
    # no template at all: accepted as a draft, refused at listing (add with listing:1 too)
    body = product_body()
    del body["express_info"]
    draft = add(sb_url, token, body)
    assert err(sb_url, P + "listing", {"product_id": draft}, token=token) == 10020019
    assert err(sb_url, P + "add", {**body, "listing": 1}, token=token) == 10020019
    # a product that is not shipped by express needs none
    add(sb_url, token, {**body, "deliver_method": 1}, listing=1)


def test_every_demo_template_is_usable(sb_url, token):
    ids = ok(sb_url, "/channels/ec/merchant/getfreighttemplatelist", {"offset": 0, "limit": 10},
             token=token)["template_id_list"]
    for tid in ids:
        add(sb_url, token, product_body(express_info={"template_id": tid}), listing=1)


def test_stock_num_capped_on_add_and_update(sb_url, token):
    add(sb_url, token, product_body(skus=[sku(stock=10_000_000)]))
    assert err(sb_url, P + "add", product_body(skus=[sku(stock=10_000_001)]),
               token=token) == 10020051
    assert err(sb_url, P + "add", product_body(skus=[sku(stock=-1)]), token=token) == 10020051
    pid = add(sb_url, token)
    assert err(sb_url, P + "update", product_body(product_id=pid, skus=[sku(stock=10**8)]),
               token=token) == 10020051


def test_out_ids_are_immutable_after_add(sb_url, token):
    pid = add(sb_url, token, product_body(out_product_id="SPU-1"))
    skus = get(sb_url, token, pid)["edit_product"]["skus"]
    upd = P + "update"
    assert err(sb_url, upd, product_body(product_id=pid, out_product_id="SPU-2", skus=skus),
               token=token) == 10020051
    renamed = [dict(skus[0], out_sku_id="other"), skus[1]]
    assert err(sb_url, upd, product_body(product_id=pid, out_product_id="SPU-1", skus=renamed),
               token=token) == 10020051
    # the same values, or leaving them out, keep them; a new SKU brings its own out_sku_id
    same = product_body(product_id=pid, out_product_id="SPU-1",
                        skus=[skus[0], {k: v for k, v in skus[1].items() if k != "out_sku_id"},
                              sku(colour="绿色")])
    ok(sb_url, upd, same, token=token)
    ok(sb_url, upd, product_body(product_id=pid, skus=[skus[0]]), token=token)
    draft = get(sb_url, token, pid)["edit_product"]
    assert draft["out_product_id"] == "SPU-1"
    assert draft["skus"][0]["out_sku_id"] == skus[0]["out_sku_id"] == "out-红色"


def test_out_sku_id_immutable_for_an_online_sku(sb_url, token):
    pid = listed(sb_url, token)
    skus = get(sb_url, token, pid)["product"]["skus"]
    body = product_body(product_id=pid, skus=[dict(skus[0], out_sku_id="changed")])
    assert err(sb_url, P + "update", body, token=token) == 10020051


def test_list_needs_page_size(sb_url, token):
    reply = api(sb_url, P + "list/get", {}, token=token)
    assert reply["errcode"] == 40097 and "page_size" in reply["errmsg"], reply
    assert err(sb_url, P + "list/get", {"status": 5}, token=token) == 40097
