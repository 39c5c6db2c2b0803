"""帮助 → 诊断信息: what support asks first, in one place, and "复制报告" to paste it.

Versions (app, Python, Qt/PySide6, OS), the data and shop folders, the log file, the local
changes waiting or refused (outbox counts), the default printer; then, checked on the event
loop so the window never waits: whether the API answers (a cheap read, timed), the access
token's age (never the token), and WeChat's print component with the 打印设置. The report
carries no secret, no token and no buyer data: only counts, versions, paths and error codes
(the AppID masked, the custom area's template by its host alone).
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
    QLabel,
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
    print_settings: list[tuple[str, str]] = field(default_factory=list)  # 发货 → 打印设置


def mask(appid: str) -> str:
    """``wx12…cd``: enough to tell two shops apart, not the whole AppID."""
    return appid if len(appid) <= 6 else f"{appid[:4]}…{appid[-2:]}"


class DiagnosticsDialog(QDialog):
    def __init__(self, sources: DiagnosticsSources, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sources = sources
        self.setWindowTitle(self.tr("诊断信息"))
        self.setMinimumSize(640, 460)
        self.rows: dict[str, str] = {}
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.copy_button = QPushButton(self.tr("复制报告"))
        self.copy_button.clicked.connect(self.copy_report)
        self.copied = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        note = QLabel(self.tr("报告中没有 AppSecret、令牌和买家信息，可以放心发给客服。"))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.copied, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(buttons)
        self._static_rows()
        self.checking: asyncio.Task | None = asyncio.ensure_future(self.check())

    def _set(self, key: str, value: str) -> None:
        self.rows[key] = value
        self.text.setPlainText("\n".join(f"{k}: {v}" for k, v in self.rows.items()))

    def _static_rows(self) -> None:
        s = self.sources
        os_kind = traits().kind
        self._set(self.tr("小店桌面"), __version__)
        self._set(self.tr("运行环境"), f"Python {platform.python_version()} · Qt {qVersion()} · "
                                     f"PySide6 {PySide6.__version__}")
        self._set(self.tr("操作系统"), f"{platform.platform()} ({os_kind})")
        self._set(self.tr("店铺"), self.tr("演示店铺") if s.demo
                  else (mask(s.appid) if s.appid else self.tr("未连接")))
        self._set(self.tr("数据文件夹"), str(s.data_dir))
        if s.shop_dir != s.data_dir:
            self._set(self.tr("店铺文件夹"), str(s.shop_dir))
        self._set(self.tr("日志文件"), str(s.log_file))
        summary = q.outbox_summary(s.reader)
        self._set(self.tr("待同步的修改"), self.tr("%1 条待推送，%2 条失败，%3 个冲突").replace(
            "%1", str(summary.pending)).replace("%2", str(summary.failed)).replace(
            "%3", str(summary.conflicts)))
        for key, value in s.print_settings:
            self._set(key, value)
        for key in (self.tr("默认打印机"), self.tr("API"), self.tr("令牌"), self.tr("打印组件")):
            self._set(key, self.tr("检测中…"))

    async def check(self) -> None:
        """The API and the print component, side by side, each bounded in time."""
        await asyncio.gather(self._check_api(), self._check_component(), self._printer())

    async def _printer(self) -> None:
        """Qt's answer, else the OS's own (``lpstat -d``/$PRINTER: a subprocess, on a thread)."""
        name = default_printer_name() or await asyncio.to_thread(default_printer)
        self._set(self.tr("默认打印机"), name or self.tr("（无）"))

    async def _check_api(self) -> None:
        api = self.sources.api
        if api is None:
            self._set(self.tr("API"), self.tr("未连接店铺"))
            self._set(self.tr("令牌"), self.tr("（无）"))
            return
        started = time.monotonic()
        try:
            await asyncio.wait_for(get_shop_info(api), 10)
        except Exception as exc:  # every failure is a line of the report, none escapes
            problem = connect_check.classify(exc)
            code = f"[{problem.errcode}] " if problem.errcode else ""
            self._set(self.tr("API"), self.tr("不可用（%1）：").replace("%1", problem.kind)
                      + code + (problem.detail or type(exc).__name__))
        else:
            ms = round((time.monotonic() - started) * 1000)
            self._set(self.tr("API"), self.tr("可连接（%1 毫秒）").replace("%1", str(ms)))
        age = api.token_age()
        self._set(self.tr("令牌"), self.tr("（无）") if age is None
                  else self.tr("%1 分钟前获取").replace("%1", str(int(age // 60))))

    async def _check_component(self) -> None:
        host, port = self.sources.component
        try:
            async with PrintComponentClient(host, port, timeout=3.0,
                                            connect_timeout=1.0) as client:
                info = await client.get_app_info()
                printers = await client.get_printer_list()
        except (PrintComponentError, OSError):
            text = (self.tr("未检测到（需要安装并打开）") if traits().print_component
                    else self.tr("未检测到（只有 Windows 和 macOS 版）"))
        else:
            text = self.tr("版本 %1，%2 台打印机").replace(
                "%1", str(info.get("version") or "?")).replace("%2", str(len(printers)))
        self._set(self.tr("打印组件"), text)

    def report(self) -> str:
        return self.text.toPlainText()

    def copy_report(self) -> None:
        QApplication.clipboard().setText(self.report())
        self.copied.setText(self.tr("已复制到剪贴板"))

    def done(self, result: int) -> None:
        if self.checking is not None:
            self.checking.cancel()
        super().done(result)
