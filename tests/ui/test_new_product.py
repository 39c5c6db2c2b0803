"""A new product made in the editor takes the store settings it cannot show (category, freight
template, after-sale service) from an existing product, and the sandbox accepts the add."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from seller_desktop.ui.dialogs.product_editor import COL_ATTRS, COL_PRICE, COL_STOCK

from .conftest import acontrol, open_window, settled, sync, until

pytestmark = [pytest.mark.asyncio, pytest.mark.qt_loop]


def pictures(tmp_path, n=3):
    paths = []
    for i in range(n):
        image = QImage(120, 90, QImage.Format.Format_RGB32)
        image.fill(QColor.fromHsv(i * 90, 160, 220))
        path = tmp_path / f"新品图{i}.png"
        assert image.save(str(path))
        paths.append(str(path))
    return paths


async def test_new_product_copies_settings_and_reaches_the_sandbox(data_dir, sandbox, qtbot,
                                                                   tmp_path):
    async with open_window(data_dir, sandbox) as window:
        assert not (await sync(window)).stopped
        editor = window.listings.open_editor(None)
        assert editor.settings_from is not None and editor.settings_from.count() > 0
        source_id = editor.settings_from.currentData()
        editor.title.setText("手工红糖姜茶礼盒 新品")
        editor.grid.item(0, COL_ATTRS).setText("规格:500g")
        editor.grid.item(0, COL_PRICE).setText("39.90")
        editor.grid.item(0, COL_STOCK).setText("25")
        for path in pictures(tmp_path):
            editor._add_image(path)
        editor.revalidate()
        assert editor.save_button.isEnabled(), editor.revalidate()

        editor.settings_from.setCurrentIndex(-1)  # no settings to copy: the store would refuse
        assert "类目" in editor.status.text() and not editor.save_button.isEnabled()
        editor.settings_from.setCurrentIndex(0)
        assert editor.save_button.isEnabled()

        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
        editor.save()  # an impatient second Ctrl+S must not create the product twice
        await until(lambda: not editor.isVisible(), what="the editor to close")
        await settled(window)
        report = await sync(window)
        assert not report.stopped and not report.errors, report.errors

        products = (await acontrol(sandbox, "/sandbox/state"))["state"]["products"]
        (new,) = [p for p in products.values()
                  if p["edit_product"]["title"] == "手工红糖姜茶礼盒 新品"]
        source = products[source_id]["edit_product"]
        draft = new["edit_product"]
        assert draft["cats_v2"] == source["cats_v2"]
        assert draft["express_info"]["template_id"] == source["express_info"]["template_id"]
        assert len(draft["head_imgs"]) == 3
        assert all(u.startswith("https://mmecimage.cn/p/") for u in draft["head_imgs"])
        assert [(s["sale_price"], s["stock_num"]) for s in draft["skus"]] == [(3990, 25)]
