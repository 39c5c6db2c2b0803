"""Issue 14's journey, through the real window: a new install with no account shows 连接店铺, the
seller connects a running sandbox as if it were a real shop (AppID, secret, its address), the
window reopens on that shop, syncs, and the 发货 screen takes numbers and prints labels to a PDF
whose barcodes decode back to the waybill numbers."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from seller_desktop.credentials import SecretStore
from seller_desktop.ui.models.shipping import TARGET_PDF
from seller_desktop.ui.settings import Settings

from .conftest import acontrol, until
from .test_app import start, synced

pytestmark = [pytest.mark.asyncio, pytest.mark.qt_loop]


def _code128(pdf, tmp_path) -> set[str]:
    prefix = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "203", "-gray", str(pdf), str(prefix)], check=True,
                   capture_output=True)
    found: set[str] = set()
    for page in sorted(tmp_path.glob("page-*.pgm")):
        out = subprocess.run(["zbarimg", "-q", "--raw", "--nodbus", "-Sdisable",
                              "-Scode128.enable", str(page)], capture_output=True, text=True)
        found.update(line for line in out.stdout.splitlines() if line)
    return found


async def test_a_new_seller_connects_a_running_sandbox_and_prints_labels(
        qapp, data_dir, sandbox, qtbot, tmp_path):
    paths, window, task = await start(qapp, data_dir, demo=False)
    dialog = window.connect_dialog
    assert dialog is not None and dialog.isVisible() and window.sync.engine is None

    cfg = sandbox.shop.config
    dialog.appid.setText(cfg.appid)
    dialog.secret.setText(cfg.secret)
    dialog.advanced.setChecked(True)
    dialog.api_base.setText(sandbox.url)
    test = dialog.test()
    assert test is not None, dialog.result.text()
    await test
    assert dialog.result.text().startswith("连接成功") and dialog.save_button.isEnabled()
    await dialog.save()

    shop = await until(lambda: next((w for w in QApplication.topLevelWidgets()
                                     if isinstance(w, type(window)) and w is not window
                                     and w.isVisible()), None), timeout=20,
                       what="the window on the connected shop")
    report = await synced(shop)
    assert not report.stopped and report.orders > 0
    assert "演示" not in shop.windowTitle()
    settings = Settings(data_dir)
    assert (settings.appid, settings.api_base, settings.demo) == (cfg.appid, sandbox.url, False)
    assert SecretStore().load(cfg.appid) == cfg.secret
    assert not list(data_dir.glob("demo-shop.json"))  # never the demo shop's cache

    screen = shop.shipping
    shop.tabs.setCurrentWidget(screen)
    screen.reload()
    await screen.refresh_accounts()
    assert screen.account.count() > 0
    screen.picker.choose(TARGET_PDF)  # no print component on this machine: the seller's PDF
    pdf = tmp_path / "labels.pdf"
    screen.picker.pdf_path.setText(str(pdf))
    qtbot.mouseClick(screen.select_all, Qt.MouseButton.LeftButton)
    to_ship = screen.model.checked_ids()[:3]
    screen.model.check_all(False)
    screen.model.set_checked(to_ship)
    assert screen.model.checked_ids() == to_ship
    qtbot.mouseClick(screen.print_button, Qt.MouseButton.LeftButton)  # takes numbers first
    await screen.current_task
    text = screen.status.text()
    assert f"已打印 {len(to_ship)} 张面单，{len(to_ship)} 个订单已发货" in text, text

    state = (await acontrol(sandbox, "/sandbox/state"))["state"]
    assert all(state["orders"][o]["status"] == 30 for o in to_ship)
    # the store shipped each with the number printed on its label (Code128 decoded back)
    waybills = {p["waybill_id"] for o in to_ship for p in state["orders"][o]["parcels"]}
    assert len(waybills) == len(to_ship) and waybills <= _code128(pdf, tmp_path)
    shop.close()
    assert await task == 0
