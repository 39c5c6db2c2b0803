"""帮助 → 诊断信息 on a synced shop: versions, folders, outbox counts, the API timed, the
token's age and the print component, checked on the event loop; the copied report carries no
secret, no token and no buyer data (names, phones, addresses) of the shop."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from seller_desktop import __version__
from seller_desktop.sandbox.printcomp import PrintComponent

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
            token = window.services.engine.api._token
            rows = window.actions.reader().execute(
                "SELECT user_name, tel_masked, tel_last4, address_text FROM orders "
                "WHERE address_text != ''").fetchall()
            dialog.close()
    finally:
        component.stop()
    assert f": {__version__}" in report
    assert "可连接（" in report and "分钟前获取" in report
    assert "版本 2.3.1-sandbox，3 台打印机" in report
    assert "0 条待推送，0 条失败，0 个冲突" in report
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
        report = dialog.report()
        dialog.close()
    assert "不可用（permission）：[48001]" in report
