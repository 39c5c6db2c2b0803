"""帮助 → 诊断信息: what support asks first, in one place, and "复制报告" to paste it.

Versions (app, Python, Qt/PySide6, OS), the data and shop folders, the log file, the local
changes waiting or refused (outbox counts), the default printer; then, checked on the event
loop so the window never waits: whether the API answers (a cheap read, timed), the access
token's age (never the token), and WeChat's print component with the 打印设置. The report
carries no secret, no token and no buyer data: only counts, versions, paths and error codes (the
AppID masked, the custom area's template by its host alone).
The page speaks the seller's language; the copied report keeps stable English keys and values.
"""

from __future__ import annotations

import asyncio
import platform
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ... import __version__
from ...api import connect_check
from ...api.shop import get_shop_info
from ...labels import default_printer_name
from ...labels.printcomp import (
    DEFAULT_HOST,
    DEFAULT_PORT,
    PrintComponentClient,
    PrintComponentError,
)
from ...platform_seam import default_printer, traits
from ...store import ui_queries as q
from ..widgets.plain_text import PlainLabel


@dataclass
class DiagnosticsSources:
    """What the dialog reads; the window fills it from its services."""

    data_dir: Path
    shop_dir: Path
    log_file: Path
    reader: Any  # the store's read-only connection (outbox counts)
    api: Any = None  # the ApiClient, None without an account
    appid: str = ""
    demo: bool = False
    component: tuple[str, int] = (DEFAULT_HOST, DEFAULT_PORT)
    # 发货 → 打印设置: (report key, label, shown, report value)
    print_settings: list[tuple[str, str, str, str]] = field(default_factory=list)


OS_NAMES = {"linux": "Linux", "windows": "Windows", "macos": "macOS"}


def mask(appid: str) -> str:
    """``wx12…cd``: enough to tell two shops apart, not the whole AppID."""
    return appid if len(appid) <= 6 else f"{appid[:4]}…{appid[-2:]}"


class DiagnosticsDialog(QDialog):
    def __init__(self, sources: DiagnosticsSources, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sources = sources
        self.setWindowTitle(self.tr("诊断信息"))
        self.setMinimumSize(640, 460)
        self.rows: dict[str, tuple[str, str, str]] = {}  # key: (label, shown, report value)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.copy_button = QPushButton(self.tr("复制报告"))
        self.copy_button.clicked.connect(self.copy_report)
        self.copied = PlainLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        note = PlainLabel(self.tr("报告中没有 AppSecret、令牌和买家信息，可以放心发给客服。"))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.copied, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(buttons)
        self._static_rows()
        self.checking: asyncio.Task | None = asyncio.ensure_future(self.check())

    def _set(self, key: str, label: str, shown: str, report: str | None = None) -> None:
        """One row: ``label: shown`` on the page (the seller's language); ``key: report`` in
        the copied report (stable English keys and values, for support)."""
        self.rows[key] = (label, shown, shown if report is None else report)
        line = self.tr("%1：%2")
        self.text.setPlainText("\n".join(line.replace("%1", label).replace("%2", shown)
                                         for label, shown, _ in self.rows.values()))

    def _static_rows(self) -> None:
        s = self.sources
        os_kind = traits().kind
        runtime = (f"Python {platform.python_version()} · Qt {qVersion()} · "
                   f"PySide6 {PySide6.__version__}")
        self._set("app_version", self.tr("小店桌面版本"), __version__)
        self._set("runtime", self.tr("运行环境"), runtime)
        system = platform.platform()
        self._set("os", self.tr("操作系统"), self.tr("%1（%2）").replace("%1", system).replace(
            "%2", OS_NAMES.get(os_kind, os_kind)), f"{system} ({os_kind})")
        if s.demo:
            self._set("shop", self.tr("店铺"), self.tr("演示店铺"), "demo")
        elif s.appid:
            self._set("shop", self.tr("店铺"), "AppID " + mask(s.appid), "appid " + mask(s.appid))
        else:
            self._set("shop", self.tr("店铺"), self.tr("未连接"), "not connected")
        self._set("data_dir", self.tr("数据文件夹"), str(s.data_dir))
        if s.shop_dir != s.data_dir:
            self._set("shop_dir", self.tr("店铺文件夹"), str(s.shop_dir))
        self._set("log_file", self.tr("日志文件"), str(s.log_file))
        summary = q.outbox_summary(s.reader)
        self._set("outbox", self.tr("本地修改"), self.tr("，").join([
            self.tr("%n 条待推送", "", summary.pending), self.tr("%n 条失败", "", summary.failed),
            self.tr("%n 个冲突", "", summary.conflicts)]),
            f"{summary.pending} pending, {summary.failed} failed, {summary.conflicts} conflicts")
        for key, label, shown, report in s.print_settings:
            self._set(key, label, shown, report)
        for key, label in self._checked_rows():
            self._set(key, label, self.tr("检测中…"), "checking")

    def _checked_rows(self) -> list[tuple[str, str]]:
        return [("default_printer", self.tr("默认打印机")), ("api", self.tr("接口连接")),
                ("token", self.tr("访问令牌")), ("print_component", self.tr("打印组件"))]

    def _label(self, key: str) -> str:
        return dict(self._checked_rows())[key]

    async def check(self) -> None:
        """The API and the print component, side by side, each bounded in time."""
        await asyncio.gather(self._check_api(), self._check_component(), self._printer())

    async def _printer(self) -> None:
        """Qt's answer, else the OS's own (``lpstat -d``/$PRINTER: a subprocess, on a thread)."""
        name = default_printer_name() or await asyncio.to_thread(default_printer)
        self._set("default_printer", self._label("default_printer"), name or self.tr("（无）"),
                  name or "(none)")

    def problem_text(self, kind: str) -> str:
        """A setup problem (``connect_check``) in the seller's words."""
        texts = {connect_check.APPID: self.tr("AppID 不正确"),
                 connect_check.SECRET: self.tr("AppSecret 不正确"),
                 connect_check.IP: self.tr("本机 IP 不在白名单中"),
                 connect_check.PERMISSION: self.tr("没有接口权限"),
                 connect_check.DNS: self.tr("找不到服务器"),
                 connect_check.UNREACHABLE: self.tr("连接不上"),
                 connect_check.TIMEOUT: self.tr("响应超时"),
                 connect_check.PORTAL: self.tr("网络需要先登录（Wi-Fi）")}
        return texts.get(kind, self.tr("其他错误"))

    async def _check_api(self) -> None:
        api = self.sources.api
        if api is None:
            self._set("api", self._label("api"), self.tr("未连接店铺"), "no shop connected")
            self._set("token", self._label("token"), self.tr("（无）"), "(none)")
            return
        started = time.monotonic()
        try:
            await asyncio.wait_for(get_shop_info(api), 10)
        except Exception as exc:  # every failure is a line of the report, none escapes
            problem = connect_check.classify(exc)
            code = f" [{problem.errcode}]" if problem.errcode else ""
            self._set("api", self._label("api"), self.tr("不可用：%1").replace(
                "%1", self.problem_text(problem.kind)) + code,
                f"unavailable ({problem.kind}){code} {problem.detail or type(exc).__name__}")
        else:
            ms = round((time.monotonic() - started) * 1000)
            self._set("api", self._label("api"), self.tr("可连接（%1 毫秒）").replace("%1", str(ms)),
                      f"ok ({ms} ms)")
        age = api.token_age()
        if age is None:
            self._set("token", self._label("token"), self.tr("（无）"), "(none)")
        else:
            minutes = int(age // 60)
            self._set("token", self._label("token"), self.tr("%n 分钟前获取", "", minutes),
                      f"obtained {minutes} min ago")

    async def _check_component(self) -> None:
        host, port = self.sources.component
        try:
            async with PrintComponentClient(host, port, timeout=3.0,
                                            connect_timeout=1.0) as client:
                info = await client.get_app_info()
                printers = await client.get_printer_list()
        except (PrintComponentError, OSError):
            shown = (self.tr("未检测到（需要安装并打开）") if traits().print_component
                     else self.tr("未检测到（只有 Windows 和 macOS 版）"))
            self._set("print_component", self._label("print_component"), shown, "not found")
        else:
            version = str(info.get("version") or "?")
            self._set("print_component", self._label("print_component"),
                      self.tr("版本 %1，%n 台打印机", "", len(printers)).replace("%1", version),
                      f"version {version}, {len(printers)} printers")

    def shown(self) -> str:
        """The page as the seller reads it."""
        return self.text.toPlainText()

    def report(self) -> str:
        """What "复制报告" copies: the same facts under stable English keys."""
        return "\n".join(f"{key}: {value}" for key, (_l, _s, value) in self.rows.items())

    def copy_report(self) -> None:
        QApplication.clipboard().setText(self.report())
        self.copied.setText(self.tr("已复制到剪贴板"))

    def done(self, result: int) -> None:
        if self.checking is not None:
            self.checking.cancel()
        super().done(result)
