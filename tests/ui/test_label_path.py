"""Which path labels take (ui/screens/label_path.py): a real shop defaults to WeChat's print
component when it answers getAppInfo, unless the seller chose a target by hand; the demo and
sandbox shops keep our renderer; the line says why, per OS when no component answers."""

from __future__ import annotations

import pytest
from sandbox_support import dead_url

from seller_desktop.sandbox.printcomp import PrintComponent
from seller_desktop.ui.models.shipping import TARGET_COMPONENT, TARGET_PDF, ShippingPrefs
from seller_desktop.ui.screens.label_path import LabelPath
from seller_desktop.ui.screens.shipping_target import PrintTargetPicker

pytestmark = [pytest.mark.asyncio, pytest.mark.qt_loop]


@pytest.fixture
def component():
    comp = PrintComponent()
    comp.start()
    yield comp
    comp.stop()


def _path(qtbot, real_shop, address, platform=None, prefs=None):
    prefs = prefs or ShippingPrefs(None)
    picker = PrintTargetPicker(prefs)
    qtbot.addWidget(picker)
    picker.choose(TARGET_PDF)
    return LabelPath(picker, prefs, real_shop, address, platform=platform), picker, prefs


async def test_real_shop_defaults_to_the_component_when_it_answers(qtbot, component):
    path, picker, _ = _path(qtbot, True, (component.host, component.port))
    await path.probe()
    assert picker.target.currentData() == TARGET_COMPONENT
    assert picker.component_printer.currentText() == "DL-888B"
    assert "打印组件" in path.text() and "2.3.1-sandbox" in path.text()


async def test_a_target_chosen_by_hand_stays_and_the_line_says_so(qtbot, component):
    prefs = ShippingPrefs(None)
    prefs.target_chosen = True
    path, picker, _ = _path(qtbot, True, (component.host, component.port), prefs=prefs)
    await path.probe()
    assert picker.target.currentData() == TARGET_PDF
    assert "你选择了 PDF 文件" in path.text() and "2.3.1-sandbox" in path.text()


async def test_demo_shop_keeps_our_renderer(qtbot, component):
    path, picker, _ = _path(qtbot, False, (component.host, component.port))
    await path.probe()
    assert picker.target.currentData() == TARGET_PDF
    assert "演示或沙盒店铺" in path.text()


@pytest.mark.parametrize(("platform", "words"), [("win32", "请安装并打开打印组件"),
                                                 ("darwin", "请安装并打开打印组件"),
                                                 ("linux", "只有 Windows 和 macOS 版")])
async def test_no_component_line_per_os(qtbot, platform, words):
    port = int(dead_url().rsplit(":", 1)[1])
    path, picker, _ = _path(qtbot, True, ("127.0.0.1", port), platform=platform)
    await path.probe()
    assert picker.target.currentData() == TARGET_PDF and words in path.text()
