"""帮助 → 诊断信息 on a synced shop: versions, folders, outbox counts, the API timed, the
token's age and the print component, checked on the event loop; the copied report carries no
secret, no token and no buyer data (names, phones, addresses) of the shop."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QApplication

from seller_desktop import __version__
from seller_desktop.sandbox.printcomp import PrintComponent
from seller_desktop.ui import i18n

from .conftest import acontrol, open_window, sync

pytestmark = [pytest.mark.asyncio, pytest.mark.qt_loop]


async def test_report_has_the_facts_and_no_secret_or_buyer_data(data_dir, sandbox):
    component = PrintComponent()
    component.start()
    try:
        async with open_window(data_dir, sandbox) as window:
            await sync(window)
            window.shipping.component = (component.host, component.port)
            dialog = window.show_diagnostics()
            await dialog.checking
            dialog.copy_button.click()
            report = QApplication.clipboard().text()
            assert report == dialog.report()
            page = dialog.shown()
            token = window.services.engine.api._token
            rows = window.actions.reader().execute(
                "SELECT user_name, tel_masked, tel_last4, address_text FROM orders "
                "WHERE address_text != ''").fetchall()
            dialog.close()
    finally:
        component.stop()
    # the page: every label and value in the seller's language
    assert f"小店桌面版本：{__version__}" in page
    assert "接口连接：可连接（" in page and "分钟前获取" in page
    assert "打印组件：版本 2.3.1-sandbox，3 台打印机" in page
    assert "本地修改：0 条待推送，0 条失败，0 个冲突" in page
    assert "店铺：演示店铺" in page and "（Linux）" in page
    # the copied report: stable English keys, readable values
    keys = [line.split(": ", 1)[0] for line in report.splitlines()]
    assert keys == ["app_version", "runtime", "os", "shop", "data_dir", "log_file", "outbox",
                    "component_url", "custom_area", "everything_component",
                    "default_printer", "api", "token", "print_component"]
    assert f"app_version: {__version__}" in report and "shop: demo" in report
    assert "api: ok (" in report and " min ago" in report
    assert "print_component: version 2.3.1-sandbox, 3 printers" in report
    assert "outbox: 0 pending, 0 failed, 0 conflicts" in report
    assert str(data_dir) in report and "seller-desktop.log" in report
    cfg = sandbox.shop.config
    assert token and token not in report and cfg.secret not in report
    assert cfg.appid not in report  # masked
    assert rows
    for name, tel, _last4, address in rows:  # (4 digits alone may be in a temp path)
        for value in (name, tel, address):
            assert value not in report, value


async def test_api_problem_is_a_line_not_a_crash(data_dir, sandbox):
    async with open_window(data_dir, sandbox) as window:
        await sync(window)
        await acontrol(sandbox, "/sandbox/auth/permission", {"enabled": False})
        dialog = window.show_diagnostics()
        await dialog.checking
        report, page = dialog.report(), dialog.shown()
        dialog.close()
    assert "接口连接：不可用：没有接口权限 [48001]" in page
    assert "permission" not in page  # no raw code in the Chinese page
    assert "api: unavailable (permission) [48001]" in report


async def test_the_english_page_uses_plural_forms(data_dir, sandbox, qapp):
    assert i18n.install_language(qapp, "en")
    try:
        async with open_window(data_dir, sandbox) as window:
            await sync(window)
            dialog = window.show_diagnostics()
            await dialog.checking
            page = dialog.shown()
            dialog.close()
    finally:
        i18n.install_language(qapp, "zh_CN")
    assert "Local changes: 0 changes waiting, 0 failed, 0 conflicts" in page, page
    assert not re.search(r"[\u4e00-\u9fff]", page), page  # no Chinese left in the English page
