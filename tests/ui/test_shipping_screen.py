"""The 发货 screen clicked through with real widgets over a store synced from the sandbox:
a gift that cannot be checked (and says why), account + size + PDF, take numbers, true-size
preview, one PDF, shipped; self-arranged shipping by a "scanned" number and Enter.

Screenshots of the screen and the preview go to the test's tmp dir, and to docs/shipping/
when SELLER_DESKTOP_SHOTS=1.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from seller_desktop.api.client import ApiClient
from seller_desktop.store.db import Store
from seller_desktop.sync.engine import SyncEngine
from seller_desktop.ui.actions import Actions
from seller_desktop.ui.dialogs.shipping_self import SelfShipDialog
from seller_desktop.ui.events import Events
from seller_desktop.ui.models.shipping import TARGET_PDF
from seller_desktop.ui.screens.shipping import ShippingScreen
from seller_desktop.ui.tasks import TaskRunner
from seller_desktop.workflows.shipping import ShippingWorkflow

from .conftest import FAST_RETRY, acontrol

pytestmark = [pytest.mark.asyncio, pytest.mark.qt_loop]
DOCS = Path(__file__).resolve().parents[2] / "docs" / "shipping"
EWB_CREATE = "/channels/ec/logistics/ewaybill/biz/order/create"
GIFT_REASON = "礼物尚未被收下，收礼人填写地址后才能发货"


@pytest_asyncio.fixture
async def screen(data_dir, sandbox, qtbot) -> AsyncIterator[ShippingScreen]:
    store = Store.open(data_dir)
    cfg = sandbox.shop.config
    api = ApiClient(sandbox.url, cfg.appid, cfg.secret, retry=FAST_RETRY)
    engine = SyncEngine(api, store, order_days=91, clock=sandbox.shop.clock.now)
    tasks = TaskRunner()
    errors: list[BaseException] = []
    tasks.on_error = errors.append
    widget = ShippingScreen(Actions(store, Events(), tasks), ShippingWorkflow(store, engine))
    widget.sync_engine = engine  # for the test's own sync calls
    qtbot.addWidget(widget)
    widget.resize(1360, 820)
    widget.show()
    try:
        yield widget
    finally:
        await tasks.cancel_all()
        await api.aclose()
        store.close()
    assert errors == []


def _shot(widget, name: str, tmp_path: Path) -> Path:
    path = tmp_path / name
    assert widget.grab().save(str(path))
    if os.environ.get("SELLER_DESKTOP_SHOTS") == "1":
        DOCS.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(DOCS / name))
    return path


def _pages(pdf: Path) -> list[str]:
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    size = next(line for line in out.splitlines() if line.startswith("Page size"))
    count = next(line for line in out.splitlines() if line.startswith("Pages"))
    return [size, count]


async def test_select_account_size_print_to_pdf_and_see_shipped(screen, sandbox, qtbot,
                                                                 tmp_path, monkeypatch) -> None:
    ids = [(await acontrol(sandbox, "/sandbox/order/create", {"status": 20}))["order_id"]
           for _ in range(3)]
    gift = (await acontrol(sandbox, "/sandbox/order/create", {"gift": True}))["order_id"]
    await screen.sync_engine.run(full=True)
    screen.reload()
    model = screen.model

    gift_row = model.row_of(gift)
    assert gift_row >= 0
    assert not model.flags(model.index(gift_row, 0)) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.data(model.index(gift_row, 1)) == GIFT_REASON
    assert GIFT_REASON in model.data(model.index(gift_row, 0), Qt.ItemDataRole.ToolTipRole)
    assert "礼物待收下" in screen.summary.text()

    await screen.refresh_accounts()
    assert screen.account.count() == 5 and "余" in screen.account.itemText(0)
    screen.account.setCurrentIndex(screen.account.findData("7001002"))  # 中通
    screen.size.setCurrentIndex(screen.size.findData("100x150"))
    screen.picker.choose(TARGET_PDF)
    assert screen.picker.pdf_path.isVisible() and not screen.picker.component_printer.isVisible()
    pdf = tmp_path / "labels.pdf"
    screen.picker.pdf_path.setText(str(pdf))

    qtbot.mouseClick(screen.select_all, Qt.MouseButton.LeftButton)
    to_ship = model.checked_ids()
    assert set(ids) <= set(to_ship) and gift not in to_ship
    qtbot.mouseClick(screen.take, Qt.MouseButton.LeftButton)
    await screen.current_task
    assert f"取号成功 {len(to_ship)} 单" in screen.status.text()
    assert {model.candidate(model.row_of(o)).stage for o in ids} == {"待打印"}

    assert screen.select_order(ids[0])
    shown = screen.preview.shown
    assert shown is not None and shown.order.order_id == ids[0]
    assert shown.waybill == model.candidate(model.row_of(ids[0])).waybill
    assert screen.preview.image.pixmap() is not None and not screen.preview.image.pixmap().isNull()
    assert "*" in shown.order.address.tel_number  # the API masks it; the label prints it so
    assert screen.preview.masked_note.isVisible() and "打码" in screen.preview.masked_note.text()
    pix = screen.preview.image.pixmap()
    dpi = screen.preview.dpi
    assert abs(pix.width() / pix.devicePixelRatio() - 100 / 25.4 * dpi) <= 1  # true size
    _shot(screen, "shipping-screen.png", tmp_path)
    _shot(screen.preview, "shipping-preview.png", tmp_path)

    qtbot.mouseClick(screen.print_button, Qt.MouseButton.LeftButton)
    await screen.current_task
    text = screen.status.text()
    assert f"已打印 {len(to_ship)} 张面单，{len(to_ship)} 个订单已发货" in text, text
    size, count = _pages(pdf)
    assert count.split()[-1] == str(len(to_ship)) and "283 x 425 pts" in size
    assert all(model.row_of(o) < 0 for o in to_ship)  # shipped: off the list
    assert model.row_of(gift) >= 0
    state = (await acontrol(sandbox, "/sandbox/state"))["state"]
    assert all(state["orders"][o]["status"] == 30 for o in to_ship)

    # reprint from the 已打印 view, with a reason (the dialog answered by the test)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("卡纸", True)))
    screen.view.setCurrentIndex(screen.view.findData("printed"))
    assert set(to_ship) <= {c.order_id for c in model.rows}
    assert screen.select_order(ids[1])
    qtbot.mouseClick(screen.reprint_button, Qt.MouseButton.LeftButton)
    await screen.current_task
    assert "已补打 1 张面单" in screen.status.text()
    prints = [e for e in sandbox.shop.log
              if e["op"] == "/channels/ec/logistics/ewaybill/biz/order/print"]
    assert sorted(e["re_print"] for e in prints) == [0] * len(to_ship) + [1]
    _shot(screen, "shipping-after-print.png", tmp_path)


async def test_self_arranged_shipping_with_a_scanned_number(screen, sandbox, qtbot) -> None:
    oid = (await acontrol(sandbox, "/sandbox/order/create", {"status": 20}))["order_id"]
    await screen.sync_engine.run(full=True)
    screen.reload()
    await screen.refresh_accounts()
    assert screen.select_order(oid)
    qtbot.mouseClick(screen.self_ship_button, Qt.MouseButton.LeftButton)
    dialog = screen.findChild(SelfShipDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.carrier.setCurrentIndex(dialog.carrier.findData("SF"))
    qtbot.keyClicks(dialog.number, "12")
    qtbot.keyClick(dialog.number, Qt.Key.Key_Return)  # too short: refused, dialog stays
    assert dialog.isVisible() and dialog.error.text()
    dialog.number.clear()
    qtbot.keyClicks(dialog.number, "SF1234567890123")
    qtbot.keyClick(dialog.number, Qt.Key.Key_Return)  # the scanner's Enter
    await screen.current_task
    assert "已发货" in screen.status.text() and screen.model.row_of(oid) < 0
    state = (await acontrol(sandbox, "/sandbox/state"))["state"]
    assert state["orders"][oid]["status"] == 30


async def test_print_component_not_ready_ships_nothing_then_prints(screen, sandbox, qtbot) -> None:
    from seller_desktop.sandbox.printcomp import PrintComponent
    from seller_desktop.ui.models.shipping import TARGET_COMPONENT

    component = PrintComponent()
    component.start()
    try:
        screen.component = (component.host, component.port)
        oid = (await acontrol(sandbox, "/sandbox/order/create", {"status": 20}))["order_id"]
        await screen.sync_engine.run(full=True)
        screen.reload()
        await screen.refresh_accounts()
        screen.picker.choose(TARGET_COMPONENT)
        screen.picker.component_printer.setEditText("DL-888B")
        screen.model.set_checked([oid])
        component.set_printer_status("DL-888B", "paper-out")
        qtbot.mouseClick(screen.print_button, Qt.MouseButton.LeftButton)
        await screen.current_task
        assert "未就绪" in screen.status.text() and "没有订单被标记发货" in screen.status.text()
        # checked before taking a number: none is used up for a label that cannot print
        assert screen.model.candidate(screen.model.row_of(oid)).stage == "待取号"
        assert not [e for e in sandbox.shop.log if e["op"] == EWB_CREATE]
        component.set_printer_status("DL-888B", "ready")
        qtbot.mouseClick(screen.print_button, Qt.MouseButton.LeftButton)
        await screen.current_task
        assert "1 个订单已发货" in screen.status.text(), screen.status.text()
        assert [t["success"] for t in component.tasks] == [True]
    finally:
        component.stop()
    state = (await acontrol(sandbox, "/sandbox/state"))["state"]
    assert state["orders"][oid]["status"] == 30


async def test_a_pdf_that_cannot_be_written_takes_no_waybill(screen, sandbox, qtbot,
                                                              tmp_path) -> None:
    oid = (await acontrol(sandbox, "/sandbox/order/create", {"status": 20}))["order_id"]
    await screen.sync_engine.run(full=True)
    screen.reload()
    await screen.refresh_accounts()
    screen.picker.choose(TARGET_PDF)
    screen.picker.pdf_path.setText(str(tmp_path / "no-such-folder" / "labels.pdf"))
    screen.model.set_checked([oid])
    qtbot.mouseClick(screen.print_button, Qt.MouseButton.LeftButton)
    await screen.current_task
    assert "不存在" in screen.status.text() and "没有取号" in screen.status.text()
    assert screen.model.candidate(screen.model.row_of(oid)).stage == "待取号"
    assert not [e for e in sandbox.shop.log if e["op"] == EWB_CREATE]
    screen.picker.pdf_path.setText(str(tmp_path / "labels.pdf"))
    qtbot.mouseClick(screen.print_button, Qt.MouseButton.LeftButton)
    await screen.current_task
    assert "1 个订单已发货" in screen.status.text(), screen.status.text()
    assert len([e for e in sandbox.shop.log if e["op"] == EWB_CREATE]) == 1


async def test_a_refused_self_shipment_keeps_the_dialog_and_the_number(screen, sandbox, qtbot):
    oid = (await acontrol(sandbox, "/sandbox/order/create", {"status": 20}))["order_id"]
    await screen.sync_engine.run(full=True)
    screen.reload()
    assert screen.select_order(oid)
    qtbot.mouseClick(screen.self_ship_button, Qt.MouseButton.LeftButton)
    dialog = screen.findChild(SelfShipDialog)
    await acontrol(sandbox, "/sandbox/order/status", {"order_id": oid, "status": 250})
    await screen.sync_engine.run()  # the buyer cancelled while the seller was typing
    dialog.carrier.setCurrentIndex(dialog.carrier.findData("SF"))
    qtbot.keyClicks(dialog.number, "SF1234567890999")
    qtbot.keyClick(dialog.number, Qt.Key.Key_Return)
    await screen.current_task
    assert dialog.isVisible() and "取消" in dialog.error.text()
    assert dialog.number.text() == "SF1234567890999"


async def test_pick_list_and_packing_slips_are_made_a_page_at_a_time(screen, sandbox, qtbot,
                                                                      tmp_path) -> None:
    """The sheets are painted on the loop a page at a time (the window stays live, the
    progress shows and 停止 works) into one PDF each."""
    ids = [(await acontrol(sandbox, "/sandbox/order/create", {"status": 20}))["order_id"]
           for _ in range(3)]
    await screen.sync_engine.run(full=True)
    screen.reload()
    screen.select_rows(ids)

    pick = tmp_path / "pick.pdf"
    task = screen.print_sheet(ids, str(pick), pick=True)
    assert not task.done() and not screen.pick_button.isEnabled()  # handed to the loop
    await task
    assert screen.status.text().startswith("已生成 1 页") and _pages(pick)[1].endswith(" 1")

    slips = tmp_path / "slips.pdf"
    await screen.print_sheet(ids, str(slips), pick=False)
    assert _pages(slips)[1].split()[-1] == str(len(ids)) and screen.print_button.isEnabled()

    stopped = tmp_path / "stopped.pdf"
    set_value = screen.progress.setValue
    screen.progress.setValue = lambda done: (set_value(done), done == 1 and screen.stop_button.click())
    await screen.print_sheet(ids, str(stopped), pick=False)  # 停止 after the first page
    assert screen.status.text() == "已停止，没有生成文件" and not stopped.exists()


def _stock_shown(screen: ShippingScreen) -> int:
    import re
    return int(re.search(r"余 (\d+) 张", screen.account.currentText()).group(1))


async def test_waybill_stock_follows_numbers_taken_and_cancelled(screen, sandbox, qtbot,
                                                                 monkeypatch) -> None:
    ids = [(await acontrol(sandbox, "/sandbox/order/create", {"status": 20}))["order_id"]
           for _ in range(3)]
    await screen.sync_engine.run(full=True)
    screen.reload()
    await screen.refresh_accounts()
    screen.account.setCurrentIndex(screen.account.findData("7001002"))
    before = _stock_shown(screen)
    screen.select_rows(ids)
    qtbot.mouseClick(screen.take, Qt.MouseButton.LeftButton)
    await screen.current_task
    assert f"取号成功 {len(ids)} 单" in screen.status.text()
    assert screen.account.currentData() == "7001002"  # still the chosen account
    assert _stock_shown(screen) == before - len(ids)  # without 刷新账号

    screen.model.set_checked(ids, False)  # the highlighted row is then the one acted on
    assert screen.select_order(ids[0])
    box = screen.cancel_current()
    qtbot.mouseClick(box.button(box.StandardButton.Yes), Qt.MouseButton.LeftButton)
    await screen.current_task
    assert screen.status.text() == "面单已取消"
    assert _stock_shown(screen) == before - len(ids) + 1


async def test_every_action_acts_on_the_ticked_rows_else_the_highlighted_one(
        screen, sandbox, qtbot, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from seller_desktop.ui.screens import shipping as shipping_screen
    ids = [(await acontrol(sandbox, "/sandbox/order/create", {"status": 20}))["order_id"]
           for _ in range(2)]
    await screen.sync_engine.run(full=True)
    screen.reload()
    sheets: list[list[str]] = []
    monkeypatch.setattr(screen, "print_sheet", lambda order_ids, path, pick:
                        sheets.append(list(order_ids)))
    pdf = str(tmp_path / "pick.pdf")  # the save dialog, answered
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (pdf, "PDF (*.pdf)"))
    if hasattr(shipping_screen, "ask_pdf_path"):
        monkeypatch.setattr(shipping_screen, "ask_pdf_path", lambda *a, **k: pdf)

    screen.table.setCurrentIndex(screen.model.index(-1, 0))  # nothing ticked or highlighted
    qtbot.mouseClick(screen.pick_button, Qt.MouseButton.LeftButton)
    assert sheets == [] and "请先勾选" in screen.status.text()
    screen.model.set_checked([ids[0]])  # the hint goes as soon as there is something to act on
    assert screen.status.text() == ""
    assert screen.selection.label.text() == "已勾选 1 个订单"

    assert screen.select_order(ids[1])  # ticked rows win over the highlighted row, everywhere
    qtbot.mouseClick(screen.pick_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.slips_button, Qt.MouseButton.LeftButton)
    dialog = screen.self_ship_current()
    assert dialog is not None and dialog.order_id == ids[0]
    dialog.close()
    assert sheets == [[ids[0]], [ids[0]]]

    screen.model.set_checked([ids[0]], False)  # nothing ticked: the highlighted row
    assert ids[1] in screen.selection.label.text()
    qtbot.mouseClick(screen.pick_button, Qt.MouseButton.LeftButton)
    dialog = screen.self_ship_current()
    assert dialog is not None and dialog.order_id == ids[1]
    dialog.close()
    assert sheets[-1] == [ids[1]]

    screen.model.set_checked(ids)  # one number for one parcel: 自己联系物流 asks for one
    assert screen.self_ship_current() is None
    assert "只勾选一个" in screen.status.text()


async def test_cancel_asks_first_then_cancels_the_waybill(screen, sandbox, qtbot) -> None:
    oid = (await acontrol(sandbox, "/sandbox/order/create", {"status": 20}))["order_id"]
    await screen.sync_engine.run(full=True)
    screen.reload()
    await screen.refresh_accounts()
    screen.model.set_checked([oid], True)
    screen.take_numbers()
    await screen.current_task
    assert screen.select_order(oid)
    waybill = screen.model.candidate(screen.model.row_of(oid)).waybill
    assert waybill is not None and waybill.waybill_id

    box = screen.cancel_current()  # 否: nothing happens
    qtbot.mouseClick(box.button(box.StandardButton.No), Qt.MouseButton.LeftButton)
    assert screen.model.candidate(screen.model.row_of(oid)).waybill == waybill
    box = screen.cancel_current()
    assert waybill.waybill_id in box.text()
    qtbot.mouseClick(box.button(box.StandardButton.Yes), Qt.MouseButton.LeftButton)
    await screen.current_task
    assert screen.status.text() == "面单已取消"
    assert screen.model.candidate(screen.model.row_of(oid)).waybill is None


async def test_account_without_sender_address_takes_the_shops_own(screen, sandbox, qtbot) -> None:
    """account/get without sender_address (its official example) is no dead end: taking a
    number says where to set one; 寄件地址… offers the shop's ship-from address (merchant
    address list), typed input is checked, the choice is saved per account and used."""
    order = (await acontrol(sandbox, "/sandbox/order/create", {"status": 20}))["order_id"]
    await screen.sync_engine.run(full=True)
    screen.reload()
    await screen.refresh_accounts()
    screen.account.setCurrentIndex(screen.account.findData("7001005"))  # no sender_address
    screen._run(screen._take([order], screen.chosen_account()))
    await screen.current_task
    assert "没有寄件地址" in screen.status.text() and "寄件地址…" in screen.status.text()

    dialog = screen.waybill_accounts.edit_sender()
    await dialog.loading
    assert dialog.fields["name"].text() == "小店发货仓"  # the default ship-from address
    dialog.fields["mobile"].setText("12ab")
    assert dialog.save() is None and "电话" in dialog.note.text()
    dialog.fields["mobile"].setText("13900001111")
    await dialog.save()
    assert not dialog.isVisible()

    screen._run(screen._take([order], screen.chosen_account()))
    await screen.current_task
    assert "取号成功 1 单" in screen.status.text(), screen.status.text()
    made = [w for w in sandbox.shop.ewaybills.values() if w["ewaybill_acct_id"] == "7001005"]
    assert [(w["sender"]["name"], w["sender"]["mobile"]) for w in made] == [
        ("小店发货仓", "13900001111")]
    again = screen.waybill_accounts.edit_sender()  # editable: the saved one comes back
    assert again.fields["mobile"].text() == "13900001111"
    again.reject()
