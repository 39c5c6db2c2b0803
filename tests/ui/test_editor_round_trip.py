"""Whatever the store accepts, the editor accepts: every product of the demo shop opens in the
real editor valid, and unchanged it builds exactly the product it was opened with (what a save
would queue). The SKU spec text round-trips any key and value (spaces, colons, quotes)."""

from __future__ import annotations

import random

import pytest
from sandbox_support import serve

from seller_desktop.context import DEMO_SEED, DEMO_SIZE
from seller_desktop.domain.product import SkuAttr
from seller_desktop.store.codec import product_to_dict
from seller_desktop.ui.dialogs.product_editor import COL_ATTRS
from seller_desktop.ui.dialogs.sku_attrs import format_attrs, parse_attrs

from .conftest import open_window, sync


@pytest.fixture
def demo_shop():
    yield from serve(seed=DEMO_SEED, products=DEMO_SIZE["products"], orders=0, gift_orders=0)


@pytest.mark.asyncio
@pytest.mark.qt_loop
async def test_every_demo_product_opens_valid_and_round_trips(data_dir, demo_shop, qtbot):
    async with open_window(data_dir, demo_shop) as window:
        assert not (await sync(window)).stopped
        ids = [r[0] for r in window.actions.reader().execute(
            "SELECT product_id FROM products ORDER BY product_id")]
        assert len(ids) >= DEMO_SIZE["products"] - 5
        spaced = 0
        for product_id in ids:
            original = window.actions.load_product(product_id)
            editor = window.listings.open_editor(product_id)
            try:
                assert editor.revalidate() == [], (product_id, original.title)
                assert editor.save_button.isEnabled()
                built, issues = editor.build()
                assert issues == []
                assert product_to_dict(built) == product_to_dict(original), product_id
                spaced += any(" " in a.value for s in original.skus for a in s.attrs)
            finally:
                editor.done(0)
                editor.deleteLater()
        assert spaced > 0, "the demo shop has spec values with spaces (iPhone 16)"


@pytest.mark.asyncio
@pytest.mark.qt_loop
async def test_a_typed_value_with_a_space_is_one_value(data_dir, demo_shop, qtbot):
    async with open_window(data_dir, demo_shop) as window:
        await sync(window)
        product_id = window.actions.reader().execute(
            "SELECT product_id FROM products LIMIT 1").fetchone()[0]
        editor = window.listings.open_editor(product_id)
        editor.grid.item(0, COL_ATTRS).setText("颜色:远峰蓝 型号:iPhone 16 Pro")
        product, _ = editor.build()
        assert product.skus[0].attrs == (SkuAttr("颜色", "远峰蓝"),
                                         SkuAttr("型号", "iPhone 16 Pro"))
        assert not [i for i in editor.revalidate() if i.field == "skus[0].attrs"]
        editor.done(0)


def test_spec_text_round_trips_any_key_and_value():
    samples = [(), (SkuAttr("颜色", "红"),), (SkuAttr("型号", "iPhone 16/15"),),
               (SkuAttr("尺码", "L"), SkuAttr("备注", 'say "hi" \\ 你好')),
               (SkuAttr("a:b", "c:d"), SkuAttr("规格", "  两头空格  ")),
               (SkuAttr("全角：冒号", "值　全角空格"),), (SkuAttr("", ""),)]
    rng = random.Random(11)
    alphabet = 'ab 颜色:：" \\\t　红/'
    for _ in range(300):
        samples.append(tuple(
            SkuAttr("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6))),
                    "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6))))
            for _ in range(rng.randint(1, 3))))
    for attrs in samples:
        text = format_attrs(attrs)
        assert parse_attrs(text.strip()) == attrs, (attrs, text)
    # what a seller types by hand still reads as before
    assert parse_attrs("颜色:红 尺码:L") == (SkuAttr("颜色", "红"), SkuAttr("尺码", "L"))
    assert parse_attrs("颜色：红") == (SkuAttr("颜色", "红"),)
    assert parse_attrs("红") == (SkuAttr("", "红"),)  # no name: the rules ask for one
