"""Categories (auth-products.md §5) and freight templates (§6): walking the tree to a leaf, a
leaf's detail, the template list and detail, and the demo products referencing both."""

from __future__ import annotations

from .helpers import api, err, ok

SONS = "/channels/ec/category/availablesoncategories/get"
DETAIL = "/channels/ec/category/detail"
TPL_LIST = "/channels/ec/merchant/getfreighttemplatelist"
TPL_DETAIL = "/channels/ec/merchant/getfreighttemplatedetail"


def _sons(url, token, f_cat_id):
    cats = ok(url, SONS, {"f_cat_id": f_cat_id}, token=token)["cat_list"]
    for cat in cats:
        assert set(cat) >= {"cat_id", "f_cat_id", "name", "level", "leaf"}
        assert isinstance(cat["cat_id"], str) and cat["name"]
        assert cat["f_cat_id"] == str(f_cat_id)
    return cats


def test_walk_the_category_tree_to_leaves(sb_url, token):
    roots = _sons(sb_url, token, 0)
    assert roots and all(c["level"] == 1 and not c["leaf"] for c in roots)
    leaves = []
    for root in roots:
        for second in _sons(sb_url, token, root["cat_id"]):
            assert second["level"] == 2
            for third in _sons(sb_url, token, int(second["cat_id"])):  # ids as numbers too
                assert third["level"] == 3 and third["leaf"]
                leaves.append(third["cat_id"])
                assert _sons(sb_url, token, third["cat_id"]) == []
    assert "10010215" in leaves and len(leaves) >= 6
    assert err(sb_url, SONS, {"f_cat_id": "424242"}, token=token) == 10020017
    assert err(sb_url, SONS, {}, token=token) == 40097


def test_category_detail(sb_url, token):
    reply = ok(sb_url, DETAIL, {"cat_id": "10010215"}, token=token)
    assert reply["info"]["cat_id"] == "10010215" and reply["info"]["name"]
    sale = [a["name"] for a in reply["attr"]["sale_attr_list"]]
    assert "颜色" in sale
    assert isinstance(reply["attr"]["product_attr_list"], list)
    assert isinstance(reply["product_qua_list"], list)
    assert err(sb_url, DETAIL, {"cat_id": "1"}, token=token) == 10020017


def test_freight_template_list_and_detail(sb_url, token):
    ids = ok(sb_url, TPL_LIST, {"offset": 0, "limit": 10}, token=token)["template_id_list"]
    assert len(ids) >= 2 and all(isinstance(t, str) for t in ids)
    assert ok(sb_url, TPL_LIST, {"offset": 1, "limit": 1}, token=token)["template_id_list"] \
        == ids[1:2]
    assert ok(sb_url, TPL_LIST, {"offset": 99, "limit": 5}, token=token)["template_id_list"] == []
    assert err(sb_url, TPL_LIST, {"offset": 0}, token=token) == 40097
    for tid in ids:
        tpl = ok(sb_url, TPL_DETAIL, {"template_id": tid}, token=token)["freight_template"]
        assert tpl["template_id"] == tid and tpl["name"]
        assert tpl["valuation_type"] in ("PIECE", "WEIGHT")
        assert tpl["shipping_method"] in ("FREE", "CONDITION_FREE", "NO_FREE")
        assert tpl["delivery_type"] == "EXPRESS" and tpl["delivery_id"]
        assert isinstance(tpl["create_time"], int) and isinstance(tpl["update_time"], int)
        assert {"province_name", "city_name", "detail_info"} <= set(tpl["address_info"])
    assert sum(1 for tid in ids if ok(sb_url, TPL_DETAIL, {"template_id": tid},
                                      token=token)["freight_template"]["is_default"]) == 1
    reply = api(sb_url, TPL_DETAIL, {"template_id": "1"}, token=token)
    assert reply["errcode"] == 10020005, reply


def test_demo_products_reference_the_tables(shop, sb_url, token):
    ids = set(ok(sb_url, TPL_LIST, {"offset": 0, "limit": 100}, token=token)["template_id_list"])
    used = set()
    for rec in shop.products.values():
        for copy_ in (rec["edit_product"], rec["product"]):
            if copy_ is None:
                continue
            assert copy_["express_info"]["template_id"] in ids
            used.add(copy_["express_info"]["template_id"])
            leaf = copy_["cats_v2"][-1]["cat_id"]
            info = ok(sb_url, DETAIL, {"cat_id": leaf}, token=token)["info"]
            assert info["cat_id"] == leaf
            assert len(copy_["head_imgs"]) >= 3
            assert len(set(copy_["head_imgs"])) == len(copy_["head_imgs"])
    assert len(used) >= 2
