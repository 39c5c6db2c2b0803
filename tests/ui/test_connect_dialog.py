"""连接店铺 through the real dialog against the sandbox over loopback: each setup error the
shop gives a new install shows what to do (the whitelist one names the IP and copies it), a
good test enables saving, and saving keeps the secret in the keyring, never in settings."""

from __future__ import annotations

import pytest
from loopback_servers import captive_portal
from PySide6.QtWidgets import QApplication
from sandbox_support import dead_url

from seller_desktop.credentials import SecretStore
from seller_desktop.ui.dialogs.connect_dialog import ConnectDialog
from seller_desktop.ui.settings import Settings

from .conftest import acontrol

pytestmark = [pytest.mark.asyncio, pytest.mark.qt_loop]


def _dialog(data_dir, qtbot, first_run=False) -> ConnectDialog:
    QApplication.instance().setQuitOnLastWindowClosed(False)
    dialog = ConnectDialog(Settings(data_dir), SecretStore(), first_run, timeout=2.0)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


async def _test(dialog, appid, secret, base) -> str:
    dialog.appid.setText(appid)
    dialog.secret.setText(secret)
    dialog.advanced.setChecked(True)
    dialog.api_base.setText(base)
    task = dialog.test()
    assert task is not None, dialog.result.text()
    await task
    return dialog.result.text()


async def test_each_setup_error_says_what_to_do(data_dir, qtbot, sandbox):
    cfg, url = sandbox.shop.config, sandbox.url
    dialog = _dialog(data_dir, qtbot)
    text = await _test(dialog, "wx0000000000000000", cfg.secret, url)
    assert "AppID 不正确（40013）" in text and "服务市场 → 经营工具 → 自研" in text
    text = await _test(dialog, cfg.appid, "y" * len(cfg.secret), url)
    assert "AppSecret 不正确（40001）" in text
    await acontrol(sandbox, "/sandbox/auth/whitelist",
                   {"allowed": ["10.0.0.1"], "seen_ip": "198.51.100.23"})
    text = await _test(dialog, cfg.appid, cfg.secret, url)
    assert "198.51.100.23" in text and "IP白名单" in text and "（40164）" in text
    assert dialog.copy_ip.isVisible()
    dialog.copy_ip.click()
    assert QApplication.clipboard().text() == "198.51.100.23"
    await acontrol(sandbox, "/sandbox/auth/whitelist", {"allowed": []})
    await acontrol(sandbox, "/sandbox/auth/permission", {"enabled": False})
    text = await _test(dialog, cfg.appid, cfg.secret, url)
    assert "没有调用店铺接口的权限（48001）" in text and not dialog.copy_ip.isVisible()
    assert not dialog.save_button.isEnabled()
    text = await _test(dialog, cfg.appid, cfg.secret, dead_url())
    assert "连接不上 127.0.0.1" in text
    with captive_portal() as portal:
        text = await _test(dialog, cfg.appid, cfg.secret, portal)
    assert "在浏览器中登录" in text
    assert not dialog.save_button.isEnabled()


async def test_a_good_test_saves_the_secret_in_the_keyring_only(data_dir, qtbot, sandbox):
    cfg = sandbox.shop.config
    dialog = _dialog(data_dir, qtbot, first_run=True)
    reopened: list[bool] = []
    dialog.applied.connect(reopened.append)
    dialog.appid.setText(cfg.appid)
    assert dialog.save() is None and "请先测试连接" in dialog.result.text()
    text = await _test(dialog, cfg.appid, cfg.secret, sandbox.url)
    assert text.startswith("连接成功：店铺「") and dialog.save_button.isEnabled()
    dialog.secret.setText(cfg.secret + "x")  # changed after the test: test again first
    assert not dialog.save_button.isEnabled()
    dialog.secret.setText(cfg.secret)
    await dialog.save()
    assert reopened == [True] and not dialog.isVisible()
    settings = Settings(data_dir)
    assert (settings.appid, settings.api_base, settings.demo) == (cfg.appid, sandbox.url, False)
    assert SecretStore().load(cfg.appid) == cfg.secret
    assert cfg.secret not in (data_dir / "settings.ini").read_text(encoding="utf-8")


async def test_an_empty_or_plain_http_address_is_refused_before_any_call(data_dir, qtbot):
    dialog = _dialog(data_dir, qtbot)
    dialog.appid.setText("wx1")
    dialog.secret.setText("s")
    dialog.advanced.setChecked(True)
    dialog.api_base.setText("http://api.example.com")
    assert dialog.test() is None and "https://" in dialog.result.text()
    dialog.api_base.setText("https://api.weixin.qq.com")
    dialog.secret.setText("")
    assert dialog.test() is None and "请填写 AppSecret" in dialog.result.text()


async def test_environment_credentials_are_said_to_win(data_dir, qtbot, monkeypatch):
    monkeypatch.setenv("SELLER_DESKTOP_APPID", "wxenv")
    monkeypatch.setenv("SELLER_DESKTOP_SECRET", "env-secret")
    from PySide6.QtWidgets import QLabel

    dialog = _dialog(data_dir, qtbot)
    assert any("SELLER_DESKTOP_APPID" in label.text() for label in dialog.findChildren(QLabel))
