"""The OS seam: each OS simulated by its platform name (no real Windows or macOS needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from seller_desktop import platform_seam as seam
from seller_desktop.ui.i18n import cjk_families


@pytest.mark.parametrize(("platform", "kind"), [
    ("win32", seam.WINDOWS), ("cygwin", seam.WINDOWS), ("darwin", seam.MACOS),
    ("linux", seam.LINUX), ("freebsd13", seam.LINUX), (seam.MACOS, seam.MACOS),
    (seam.WINDOWS, seam.WINDOWS)])
def test_os_kind(platform, kind):
    assert seam.os_kind(platform) == kind


def test_data_dir_per_os(tmp_path):
    home = tmp_path / "home"
    win = seam.data_dir("win32", {"LOCALAPPDATA": r"C:\Users\a\AppData\Local"}, home)
    assert str(win).replace("\\", "/").endswith("AppData/Local/seller-desktop")
    assert seam.data_dir("win32", {}, home) == home / "AppData" / "Local" / "seller-desktop"
    assert seam.data_dir("darwin", {}, home) == (
        home / "Library" / "Application Support" / "seller-desktop")
    assert seam.data_dir("linux", {}, home) == home / ".local" / "share" / "seller-desktop"
    xdg = str(tmp_path / "xdg")
    assert seam.data_dir("linux", {"XDG_DATA_HOME": xdg}, home) == Path(xdg) / "seller-desktop"
    # a relative XDG_DATA_HOME is invalid by the spec and ignored
    assert seam.data_dir("linux", {"XDG_DATA_HOME": "rel"}, home) == (
        home / ".local" / "share" / "seller-desktop")


def test_fonts_keyring_and_print_component_per_os():
    win, mac, lin = seam.traits("win32"), seam.traits("darwin"), seam.traits("linux")
    assert win.cjk_fonts[0] == "Microsoft YaHei" and "微软雅黑" in win.font_hint
    assert mac.cjk_fonts[0] == "PingFang SC" and "苹方" in mac.font_hint
    assert lin.cjk_fonts[:2] == ("WenQuanYi Micro Hei", "Noto Sans CJK SC")
    assert "fonts-wqy-microhei" in lin.font_hint
    # WeChat's print component exists for Windows and macOS only
    assert win.print_component and mac.print_component and not lin.print_component
    assert "凭据管理器" in win.keyring_name and "钥匙串" in mac.keyring_name
    assert "Secret Service" in lin.keyring_name
    # labels keep WenQuanYi first (their layout is measured with it), then the OS's font
    assert win.label_fonts[:2] == ("WenQuanYi Micro Hei", "Microsoft YaHei")


def test_ui_font_order_puts_the_os_font_first():
    assert cjk_families("win32")[0] == "Microsoft YaHei"
    assert cjk_families("darwin")[0] == "PingFang SC"
    assert cjk_families("linux")[0] == "WenQuanYi Micro Hei"
    assert "PingFang SC" in cjk_families("linux")  # a hand-installed font still counts


def test_default_printer(monkeypatch):
    assert seam.default_printer("win32", {"PRINTER": "x"}) == ""  # Qt asks Windows itself
    assert seam.default_printer("linux", {"PRINTER": "Label-1"}) == "Label-1"
    monkeypatch.setattr("shutil.which", lambda _name: None)  # no CUPS client installed
    assert seam.default_printer("darwin", {}) == ""


def test_config_uses_the_seam(monkeypatch, tmp_path):
    from seller_desktop import config

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    if seam.os_kind() == seam.LINUX:
        assert config.default_data_dir() == tmp_path / "seller-desktop"
