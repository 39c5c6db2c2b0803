"""Three-way merge of product edits: one-sided changes merge, two-sided differences conflict."""

from __future__ import annotations

import copy

import pytest

from seller_desktop.domain.merge import FieldConflict, merge_product, resolve


def sku(sku_id, price=1000, code="A", stock=10, attrs=(("颜色", "红"),)):
    return {"sku_id": sku_id, "sale_price": price, "market_price": None, "sku_code": code,
            "attrs": [list(a) for a in attrs], "thumb_img": "", "stock_num": stock, "extra": {}}


BASE = {"product_id": "1", "title": "原来的标题", "short_title": "短", "head_imgs": ["a.jpg"],
        "desc": "描述", "desc_imgs": [], "spu_code": "", "edit_time": 100, "status": 5,
        "skus": [sku("s1"), sku("s2", price=2000, code="B")]}


def edited(**changes):
    product = copy.deepcopy(BASE)
    product.update(changes)
    return product


def test_nothing_changed():
    result = merge_product(BASE, edited(), edited())
    assert result.clean and result.merged == BASE


def test_one_sided_changes_merge_by_themselves():
    mine = edited(title="我改的标题")
    theirs = edited(desc="后台改的描述", edit_time=200)
    result = merge_product(BASE, mine, theirs)
    assert result.clean
    assert result.merged["title"] == "我改的标题"
    assert result.merged["desc"] == "后台改的描述"
    assert result.merged["edit_time"] == 200


def test_both_sides_same_value_is_fine():
    result = merge_product(BASE, edited(title="一样的标题"), edited(title="一样的标题"))
    assert result.clean and result.merged["title"] == "一样的标题"


def test_both_sides_different_values_conflict_and_keep_theirs_until_resolved():
    result = merge_product(BASE, edited(title="我的标题啊"), edited(title="他的标题啊"))
    assert result.conflicts == [FieldConflict("title", "原来的标题", "我的标题啊", "他的标题啊")]
    assert result.merged["title"] == "他的标题啊"
    assert resolve(result.merged, result.conflicts, {"title": "mine"})["title"] == "我的标题啊"
    assert resolve(result.merged, result.conflicts, {"title": "theirs"})["title"] == "他的标题啊"


def test_tuples_and_lists_compare_equal():
    mine = edited(head_imgs=("a.jpg",))
    assert merge_product(BASE, mine, edited(head_imgs=["b.jpg"])).merged["head_imgs"] == ["b.jpg"]


def test_skus_merge_per_id_and_field():
    mine = edited(skus=[sku("s1", price=1500), sku("s2", price=2000, code="B2")])
    theirs = edited(skus=[sku("s1", price=1800, stock=4), sku("s2", price=2500, code="B")])
    result = merge_product(BASE, mine, theirs)
    assert result.conflicts == [FieldConflict("skus[s1].sale_price", 1000, 1500, 1800)]
    s1, s2 = result.merged["skus"]
    assert (s1["sale_price"], s1["stock_num"]) == (1800, 4)
    assert (s2["sale_price"], s2["sku_code"]) == (2500, "B2")
    fixed = resolve(result.merged, result.conflicts, {"skus[s1].sale_price": "mine"})
    assert fixed["skus"][0]["sale_price"] == 1500 and fixed["skus"][0]["stock_num"] == 4


def test_stock_never_conflicts():
    mine = edited(skus=[sku("s1", stock=99), sku("s2", price=2000, code="B")])
    theirs = edited(skus=[sku("s1", stock=3), sku("s2", price=2000, code="B")])
    result = merge_product(BASE, mine, theirs)
    assert result.clean and result.merged["skus"][0]["stock_num"] == 3


def test_new_skus_on_either_side_are_kept():
    new_mine = sku(None, price=3000, code="C", attrs=(("颜色", "蓝"),))
    mine = edited(skus=[*BASE["skus"], new_mine])
    theirs = edited(skus=[*BASE["skus"], sku("s3", price=4000, code="D")])
    result = merge_product(BASE, mine, theirs)
    assert result.clean
    assert [(s["sku_id"], s["sku_code"]) for s in result.merged["skus"]] == [
        ("s1", "A"), ("s2", "B"), ("s3", "D"), (None, "C")]


def test_sku_removed_on_one_side_untouched_on_the_other_is_removed():
    mine = edited(skus=[sku("s1")])
    assert [s["sku_id"] for s in merge_product(BASE, mine, edited()).merged["skus"]] == ["s1"]
    theirs = edited(skus=[sku("s2", price=2000, code="B")])
    assert [s["sku_id"] for s in merge_product(BASE, edited(), theirs).merged["skus"]] == ["s2"]


def test_sku_removed_on_one_side_edited_on_the_other_conflicts():
    mine = edited(skus=[sku("s1")])  # I removed s2
    theirs = edited(skus=[sku("s1"), sku("s2", price=2600, code="B")])  # they repriced it
    result = merge_product(BASE, mine, theirs)
    assert [c.field for c in result.conflicts] == ["skus[s2]"]
    assert result.conflicts[0].mine is None
    kept = resolve(result.merged, result.conflicts, {"skus[s2]": "theirs"})
    assert [s["sku_id"] for s in kept["skus"]] == ["s1", "s2"]
    removed = resolve(result.merged, result.conflicts, {"skus[s2]": "mine"})
    assert [s["sku_id"] for s in removed["skus"]] == ["s1"]


def test_resolve_needs_every_choice():
    result = merge_product(BASE, edited(title="我的标题啊", desc="我的描述"),
                           edited(title="他的标题啊", desc="他的描述"))
    with pytest.raises(ValueError, match="desc"):
        resolve(result.merged, result.conflicts, {"title": "mine"})
    with pytest.raises(ValueError):
        resolve(result.merged, result.conflicts, {"title": "mine", "desc": "both"})


def test_inputs_are_not_modified():
    mine, theirs = edited(title="我的标题啊"), edited(title="他的标题啊")
    snapshot = copy.deepcopy((mine, theirs))
    result = merge_product(BASE, mine, theirs)
    resolve(result.merged, result.conflicts, {"title": "mine"})
    assert (mine, theirs) == snapshot and BASE["title"] == "原来的标题"
