"""Every per-OS difference the app depends on, in one place: where the data lives, which keyring
backs the secrets, which fonts (UI and labels) are asked for by name, how the default printer
is found, and whether WeChat's desktop print component can exist at all (Windows and macOS only).

Stdlib only and no Qt, so every layer may ask it; each function takes the platform name
(``sys.platform`` by default) so tests can simulate any OS without running on it.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "seller-desktop"

WINDOWS, MACOS, LINUX = "windows", "macos", "linux"

# Chinese UI/label fonts asked for by name, the OS's own first; any later one is a fallback
# (a Linux box with the Noto fonts, a Windows box with WenQuanYi installed by hand).
_FONTS = {
    LINUX: ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC"),
    WINDOWS: ("Microsoft YaHei", "Microsoft YaHei UI", "SimHei", "Noto Sans CJK SC"),
    MACOS: ("PingFang SC", "Hiragino Sans GB", "Heiti SC", "Noto Sans CJK SC"),
}
_FONT_HINT = {
    LINUX: "请安装 fonts-wqy-microhei 或 Noto Sans CJK SC",
    WINDOWS: "请在 Windows 设置 → 字体 中安装“微软雅黑 (Microsoft YaHei)”",
    MACOS: "请在“字体册”中启用“苹方 (PingFang SC)”",
}
_KEYRING = {
    LINUX: "Secret Service（GNOME 钥匙串 / KWallet）",
    WINDOWS: "Windows 凭据管理器",
    MACOS: "macOS 钥匙串",
}
_PRINTERS = {
    LINUX: "CUPS（lpstat -d）",
    WINDOWS: "Windows 默认打印机",
    MACOS: "CUPS（系统设置 → 打印机与扫描仪）",
}


def os_kind(platform: str | None = None) -> str:
    """``windows``, ``macos`` or ``linux`` (every other Unix is treated like Linux)."""
    name = platform if platform is not None else sys.platform
    if name.startswith(("win32", "cygwin", "msys", WINDOWS)):
        return WINDOWS
    if name.startswith(("darwin", MACOS)):
        return MACOS
    return LINUX


@dataclass(frozen=True)
class OsTraits:
    kind: str
    cjk_fonts: tuple[str, ...]
    font_hint: str  # what to install when none of ``cjk_fonts`` is there
    keyring_name: str  # the seller-facing name of the secret store
    printer_system: str  # how the OS names its default printer
    print_component: bool  # WeChat's 打印组件 exists for this OS

    @property
    def label_fonts(self) -> tuple[str, ...]:
        """Labels prefer WenQuanYi, the font their layout was measured with, then the OS's."""
        first = ("WenQuanYi Micro Hei",)
        return first + tuple(f for f in self.cjk_fonts if f not in first)


def traits(platform: str | None = None) -> OsTraits:
    kind = os_kind(platform)
    return OsTraits(kind=kind, cjk_fonts=_FONTS[kind], font_hint=_FONT_HINT[kind],
                    keyring_name=_KEYRING[kind], printer_system=_PRINTERS[kind],
                    print_component=kind in (WINDOWS, MACOS))


def data_dir(platform: str | None = None, environ: dict[str, str] | None = None,
             home: Path | None = None) -> Path:
    """The default data dir (README "Your data"): XDG on Linux, Application Support on macOS,
    %LOCALAPPDATA% on Windows (not roaming: the cache is big and per machine)."""
    env = os.environ if environ is None else environ
    home = home or Path.home()
    kind = os_kind(platform)
    if kind == WINDOWS:
        base = env.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
        return Path(base) / APP_NAME
    if kind == MACOS:
        return home / "Library" / "Application Support" / APP_NAME
    xdg = env.get("XDG_DATA_HOME")
    return (Path(xdg) if xdg and os.path.isabs(xdg) else home / ".local" / "share") / APP_NAME


def default_printer(platform: str | None = None, environ: dict[str, str] | None = None) -> str:
    """The default printer when Qt cannot say (the CLI before Qt starts, diagnostics):
    ``$PRINTER`` / ``lpstat -d`` on CUPS systems; "" on Windows (Qt's QPrinterInfo knows)."""
    env = os.environ if environ is None else environ
    if os_kind(platform) == WINDOWS:
        return ""
    if env.get("PRINTER"):
        return env["PRINTER"]
    import shutil
    import subprocess

    lpstat = shutil.which("lpstat")
    if not lpstat:
        return ""
    try:
        out = subprocess.run([lpstat, "-d"], capture_output=True, text=True, timeout=3,
                             check=False).stdout
    except (OSError, subprocess.TimeoutExpired):
        return ""
    _, sep, name = out.partition(":")
    return name.strip() if sep else ""
