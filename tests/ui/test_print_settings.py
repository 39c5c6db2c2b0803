"""发货 → 打印设置… through real widgets over a store synced from the sandbox and the emulated
print component: bad fields are refused with the reason (a remote component, an http template,
the buyer's phone in the custom area, no A4 printer), 恢复默认 / 清除, a saved file read back,
a settings file that cannot be written is never called saved; then the custom area travels
with each label and the pick list and slips go to the component's A4 printer as printType 2.

Screenshots of the dialog and the screen's label-path line go to the test's tmp dir, and to
docs/shipping/ when SELLER_DESKTOP_SHOTS=1 (run under Xvfb with QT_QPA_PLATFORM=xcb).
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import pytest_asyncio
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QWidget

from seller_desktop.api.client import ApiClient
from seller_desktop.sandbox.printcomp import PrintComponent
from seller_desktop.store.db import Store
from seller_desktop.sync.engine import SyncEngine
from seller_desktop.ui.actions import Actions
from seller_desktop.ui.dialogs.diagnostics import DiagnosticsDialog, DiagnosticsSources
from seller_desktop.ui.dialogs.print_settings import PrintSettingsDialog
from seller_desktop.ui.events import Events
from seller_desktop.ui.models.shipping import TARGET_COMPONENT, ShippingPrefs
from seller_desktop.ui.screens.shipping import ShippingScreen
from seller_desktop.ui.settings import Settings
from seller_desktop.ui.tasks import TaskRunner
from seller_desktop.workflows.shipping import ShippingWorkflow

from .conftest import FAST_RETRY, acontrol

pytestmark = [pytest.mark.asyncio, pytest.mark.qt_loop]
DOCS = Path(__file__).resolve().parents[2] / "docs" / "shipping"
URL = "https://shop.example.com/area.html?key=private-key"


def _shot(widget, name: str, tmp_path: Path, top: QWidget | None = None) -> None:
    """``widget`` (down to the bottom of ``top`` when given: the screen's top lines)."""
    area = QRect(0, 0, widget.width(), top.geometry().bottom() + 6) if top else QRect(0, 0, -1, -1)
    assert widget.grab(area).save(str(tmp_path / name))
    if os.environ.get("SELLER_DESKTOP_SHOTS") == "1":
        DOCS.mkdir(parents=True, exist_ok=True)
        widget.grab(area).save(str(DOCS / name))


@pytest.fixture
def component() -> Iterator[PrintComponent]:
    comp = PrintComponent()
    comp.start()
    try:
        yield comp
    finally:
        comp.stop()


@pytest_asyncio.fixture
async def screen(data_dir, sandbox, qtbot, component) -> AsyncIterator[ShippingScreen]:
    store = Store.open(data_dir)
    cfg = sandbox.shop.config
    api = ApiClient(sandbox.url, cfg.appid, cfg.secret, retry=FAST_RETRY)
    engine = SyncEngine(api, store, order_days=91, clock=sandbox.shop.clock.now)
    tasks = TaskRunner()
    errors: list[BaseException] = []
    tasks.on_error = errors.append
    widget = ShippingScreen(Actions(store, Events(), tasks), ShippingWorkflow(store, engine),
                            Settings(data_dir), component=(component.host, component.port))
    widget.sync_engine = engine
    qtbot.addWidget(widget)
    widget.resize(1360, 820)
    widget.show()
    try:
        await widget.load_accounts_once()
        await widget.probing
        yield widget
    finally:
        await tasks.cancel_all()
        await api.aclose()
        store.close()
    assert errors == []


async def test_the_dialog_refuses_bad_fields_and_saves_good_ones(screen, data_dir, qtbot,
                                                                 tmp_path) -> None:
    qtbot.mouseClick(screen.print_settings_button, Qt.MouseButton.LeftButton)
    dialog = screen.print_settings_dialog
    assert dialog is not None and dialog.isVisible()
    assert "DL-888B" in [dialog.a4_printer.itemText(i) for i in range(dialog.a4_printer.count())]
    before = screen.component
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)

    def refused(says: str) -> None:
        qtbot.keyClick(dialog.area_text, Qt.Key.Key_Tab)  # leave the text box, as a seller does
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        assert says in dialog.problem.text(), dialog.problem.text()
        assert dialog.isVisible()

    qtbot.keyClicks(dialog.component_url, "ws://192.168.1.20:12705")
    refused("本机")
    qtbot.mouseClick(dialog.default_url, Qt.MouseButton.LeftButton)
    assert dialog.component_url.text() == ""
    qtbot.keyClicks(dialog.template_url, "http://shop.example.com/area.html")
    refused("https")
    dialog.template_url.clear()
    qtbot.keyClicks(dialog.template_url, URL)
    dialog.area_text.insertPlainText("订单 {订单号} 电话 {电话}")  # (keyClicks is ASCII only)
    refused("买家")
    dialog.area_text.clear()
    dialog.area_text.insertPlainText("订单 {订单号}")
    dialog.area_text.appendPlainText("{商品}")
    qtbot.mouseClick(dialog.everything, Qt.MouseButton.LeftButton)
    assert dialog.everything.isChecked() and dialog.a4_printer.isEnabled()
    dialog.a4_printer.setEditText("")
    refused("A4")
    dialog.a4_printer.setEditText("HP-LaserJet-M1136")
    assert dialog.problem.text() == ""  # the reason went with the value it was about
    _shot(dialog, "print-settings.png", tmp_path)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.problem.text() == "" and not dialog.isVisible()
    assert screen.component == before  # "" = the window's own

    # read back from the file by a new reader (what the next start sees)
    saved = ShippingPrefs(Settings(data_dir))
    assert saved.custom_area_url == URL and saved.custom_area_text == "订单 {订单号}\n{商品}"
    assert saved.everything_component is True and saved.a4_printer == "HP-LaserJet-M1136"
    assert "private-key" in (data_dir / "settings.ini").read_text(encoding="utf-8")
    again = PrintSettingsDialog(ShippingPrefs(Settings(data_dir)))
    qtbot.addWidget(again)
    assert again.area_text.toPlainText() == "订单 {订单号}\n{商品}" and again.everything.isChecked()
    qtbot.mouseClick(again.clear_area, Qt.MouseButton.LeftButton)
    assert again.template_url.text() == "" and again.area_text.toPlainText() == ""


async def test_a_settings_file_that_cannot_be_written_is_not_called_saved(tmp_path, qtbot) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    dialog = PrintSettingsDialog(ShippingPrefs(Settings(blocker / "shop")))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.template_url.setText(URL)
    assert dialog.save() is False
    assert "没有保存" in dialog.problem.text() and dialog.isVisible()


async def test_the_custom_area_and_the_sheets_go_through_the_component(
        screen, sandbox, component, qtbot, tmp_path, monkeypatch) -> None:
    ids = [(await acontrol(sandbox, "/sandbox/order/create", {"status": 20}))["order_id"]
           for _ in range(2)]
    await screen.sync_engine.run(full=True)
    screen.reload()
    screen.model.set_checked(ids)

    # everything through the component: the pick list asks for no file, it prints on A4
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: pytest.fail("no file is asked for"))
    screen.prefs.everything_component = True
    screen.prefs.a4_printer = "HP-LaserJet-M1136"
    qtbot.mouseClick(screen.pick_button, Qt.MouseButton.LeftButton)
    await screen.current_task
    sheets = [t for t in component.tasks if t["printer"] == "HP-LaserJet-M1136"]
    assert sheets and all(t["printType"] == 2 and t["size"] == {"width": 210, "height": 297}
                          and t["success"] for t in sheets)
    assert "已通过打印组件打印" in screen.status.text(), screen.status.text()
    screen.prefs.a4_printer = "DL-888B"  # 76×130 labels loaded: the component refuses A4
    qtbot.mouseClick(screen.slips_button, Qt.MouseButton.LeftButton)
    await screen.current_task
    assert "不符" in screen.status.text() and "已打印 0 页" in screen.status.text()

    # the labels: the API's print_info (printType 1) with the custom area of each order
    # (printing everything through the component, a sandbox shop sends its drawn labels: below)
    screen.prefs.everything_component = False
    component.tasks.clear()
    screen.prefs.custom_area_url = URL
    screen.prefs.custom_area_text = "订单 {订单号}\n{商品}"
    screen.picker.choose(TARGET_COMPONENT)
    screen.picker.component_printer.setEditText("DL-888B")
    qtbot.mouseClick(screen.print_button, Qt.MouseButton.LeftButton)
    await screen.current_task
    assert "2 个订单已发货" in screen.status.text(), screen.status.text()
    assert sorted(t["customInfo"]["data"]["orderId"] for t in component.tasks) == sorted(ids)
    assert all(t["success"] and t["printType"] == 1 for t in component.tasks)
    assert "面单走微信小店打印组件" in screen.label_path.text()
    _shot(screen, "shipping-component.png", tmp_path)
    _shot(screen, "label-path-component.png", tmp_path, top=screen.label_path)

    dialog = DiagnosticsDialog(DiagnosticsSources(
        data_dir=tmp_path, shop_dir=tmp_path, log_file=tmp_path / "seller-desktop.log",
        reader=screen.actions.reader(), component=screen.component,
        print_settings=screen.print_settings_summary()))
    qtbot.addWidget(dialog)
    await dialog.checking
    report, page = dialog.report(), dialog.text.toPlainText()
    assert "面单自定义区：模板 shop.example.com，2 行" in page and "全部通过打印组件：否" in page
    assert "custom_area: template shop.example.com, 2 lines" in report
    assert "everything_component: no" in report
    assert "private-key" not in report and "private-key" not in page
    assert f"ws://{component.host}:{component.port}" in report


async def test_the_dialog_and_its_refusals_read_in_english(tmp_path, qtbot, qapp) -> None:
    from seller_desktop.ui import i18n

    assert i18n.install_language(qapp, "en")
    try:
        dialog = PrintSettingsDialog(ShippingPrefs(Settings(tmp_path)))
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.windowTitle() == "Print settings"
        assert dialog.default_url.text() == "Restore default"
        dialog.template_url.setText("http://shop.example.com/area.html")
        assert dialog.save() is False
        assert dialog.problem.text().startswith(
            "The custom area template's address must start with https://")
        dialog.template_url.setText(URL)
        dialog.area_text.setPlainText("Order {order_id}\n" + "x" * 43)
        assert dialog.save() is False
        assert dialog.problem.text().startswith("Line 2 of the custom area is too long")
        dialog.component_url.setText("ws://example.com:12705")
        assert dialog.save() is False and "this computer only" in dialog.problem.text()
    finally:
        i18n.install_language(qapp, "zh_CN")


async def test_a_sandbox_shop_printing_everything_sends_the_labels_it_draws(
        screen, sandbox, component, qtbot, tmp_path) -> None:
    ids = [(await acontrol(sandbox, "/sandbox/order/create", {"status": 20}))["order_id"]
           for _ in range(2)]
    await screen.sync_engine.run(full=True)
    screen.reload()
    screen.picker.choose(TARGET_COMPONENT)
    screen.picker.component_printer.setEditText("DL-888B")
    qtbot.mouseClick(screen.print_settings_button, Qt.MouseButton.LeftButton)
    dialog = screen.print_settings_dialog
    qtbot.mouseClick(dialog.everything, Qt.MouseButton.LeftButton)
    dialog.a4_printer.setEditText("HP-LaserJet-M1136")
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(
        QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert "作为图片经微信小店打印组件" in screen.label_path.text(), screen.label_path.text()
    assert ("everything_component", "全部通过打印组件", "是，A4 打印机：HP-LaserJet-M1136",
            "yes, A4 printer: HP-LaserJet-M1136") in screen.print_settings_summary()
    _shot(screen, "label-path-own-labels.png", tmp_path, top=screen.label_path)
    screen.model.set_checked(ids)
    qtbot.mouseClick(screen.print_button, Qt.MouseButton.LeftButton)
    await screen.current_task
    assert "2 个订单已发货" in screen.status.text(), screen.status.text()
    assert [t["printType"] for t in component.tasks] == [2, 2]
    assert all(t["success"] and t["size"] == {"width": 76, "height": 130}
               for t in component.tasks)  # printType 2 always names its paper


async def test_a_saved_address_is_asked_at_once_and_a_damaged_one_falls_back(
        screen, component, qtbot) -> None:
    qtbot.mouseClick(screen.print_settings_button, Qt.MouseButton.LeftButton)
    dialog = screen.print_settings_dialog
    qtbot.keyClicks(dialog.component_url, f"ws://localhost:{component.port}")
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(
        QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert screen.component == ("localhost", component.port)
    assert screen.label_path.component == ("localhost", component.port)
    await screen.probing  # asked again at the new address
    assert screen.label_path.version == "2.3.1-sandbox"
    assert screen.print_settings_summary()[0][1:3] == (
        "打印组件地址", f"ws://localhost:{component.port}")
    # settings.ini edited by hand to point elsewhere: the window's own address serves
    screen.prefs.component_url = "ws://203.0.113.9:12705"
    assert screen.component == (component.host, component.port)
