"""The status bar's sync area: online/offline (unreadable replies count as offline), last
successful sync, changes waiting, failures with the server's message (a click opens 失败的修改),
conflicts, progress during a sync, and 立即同步."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from ...api.errors import CaptivePortal, MalformedResponse
from ...domain import timeutil
from ...store import ui_queries as q
from ...sync import marks
from .. import labels
from ..messages import message
from ..sync_controller import SyncController
from .plain_text import PlainLabel, plain_tip


class SyncStatus(QWidget):
    show_conflicts = Signal()
    show_failures = Signal()

    def __init__(self, controller: SyncController, reader: Callable[[], Any],
                 demo: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.reader = reader
        self.demo = demo
        self.online = PlainLabel()
        self.last_sync = PlainLabel()
        self.pending = PlainLabel()
        self.failures = QPushButton()
        self.failures.setFlat(True)
        self.failures.setStyleSheet("color: #c62828;")
        self.conflicts = QPushButton()
        self.conflicts.setFlat(True)
        self.conflicts.setStyleSheet("color: #c62828; font-weight: bold;")
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(True)
        self.bar.hide()
        self.sync_button = QPushButton(self.tr("立即同步"))
        self.sync_button.setToolTip(self.tr("立即同步（F5）"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        for widget in (self.online, self.last_sync, self.pending, self.failures, self.conflicts,
                       self.bar):
            layout.addWidget(widget)
            layout.addSpacing(12)
        layout.addStretch(1)
        layout.addWidget(self.sync_button)
        self.sync_button.clicked.connect(lambda: controller.sync_now())
        self.conflicts.clicked.connect(self.show_conflicts)
        self.failures.clicked.connect(self.show_failures)
        controller.started.connect(self._started)
        controller.progress.connect(self._progress)
        controller.finished.connect(lambda _report: self._finished())
        controller.failed.connect(self._failed)
        controller.online_changed.connect(lambda _online: self.refresh())
        self._error = ""
        self.refresh()

    def _unreadable(self) -> bool:
        """The last run stopped on replies it could not read (a captive portal, a proxy): to
        the seller that is offline, whatever the connection says."""
        report = getattr(self.controller.engine, "last_report", None)
        return isinstance(getattr(report, "stop_error", None), MalformedResponse)

    def _portal(self) -> bool:
        """The last run met a captive portal's 511: the Wi-Fi wants a login."""
        report = getattr(self.controller.engine, "last_report", None)
        return isinstance(getattr(report, "stop_error", None), CaptivePortal)

    def refresh(self) -> None:
        self.online.setToolTip("")
        if not self.controller.available:
            self.online.setText(self.tr("● 未连接店铺（仅本地）"))
            self.online.setStyleSheet("color: #757575;")
        elif self._unreadable():
            self.online.setText(self.tr("● 离线（回复无法读取）"))
            self.online.setToolTip(self.tr("微信小店的回复无法读取：网络可能需要先登录（例如酒店或"
                                           "咖啡馆的 Wi-Fi）。修改都已保存，会自动重试。"))
            self.online.setStyleSheet("color: #c62828;")
        elif self._portal() and not self.controller.online:
            self.online.setText(self.tr("● 离线（需要登录 Wi-Fi）"))
            self.online.setToolTip(self.tr("所在的网络要求先登录（例如酒店或咖啡馆的 Wi-Fi）："
                                           "请在浏览器中登录。修改都已保存，登录后会自动重试。"))
            self.online.setStyleSheet("color: #c62828;")
        elif self.controller.online:
            self.online.setText(self.tr("● 演示店铺") if self.demo else self.tr("● 在线"))
            self.online.setStyleSheet("color: #2e7d32;")
        else:
            self.online.setText(self.tr("● 离线"))
            self.online.setStyleSheet("color: #c62828;")
        reader = self.reader()
        last = marks.last_success(reader) or 0
        self.last_sync.setText(self.tr("上次同步：%1").replace(
            "%1", timeutil.format_ts(last) if last else self.tr("从未")))
        summary = q.outbox_summary(reader)
        self.pending.setText(self.tr("待同步：%1").replace("%1", str(summary.pending)))
        self.failures.setVisible(summary.failed > 0 or bool(self._error))
        if summary.failed:
            text = self.tr("失败：%1").replace("%1", str(summary.failed))
            if summary.blocked:
                text += self.tr("（%n 项排在后面）", "", summary.blocked)
            self.failures.setText(text)
            self.failures.setToolTip(plain_tip(self.tr(
                "微信小店拒绝了这些修改，点击查看原因、重试或放弃。最近一项：%1").replace(
                "%1", message(summary.last_error))))
        elif self._error:
            self.failures.setText(self.tr("同步失败"))
            self.failures.setToolTip(plain_tip(message(self._error)))
        self.conflicts.setVisible(summary.conflicts > 0)
        self.conflicts.setText(self.tr("冲突：%1").replace("%1", str(summary.conflicts)))
        self.sync_button.setEnabled(self.controller.available and not self.controller.running)

    def _started(self) -> None:
        self._error = ""
        self.bar.setRange(0, 0)
        self.bar.setFormat(self.tr("同步中…"))
        self.bar.show()
        self.sync_button.setEnabled(False)

    def _progress(self, step: str, done: int, total: object) -> None:
        name = labels.sync_step(step)
        if isinstance(total, int) and total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
            self.bar.setFormat(f"{name} %v/%m")
        else:
            self.bar.setRange(0, 0)
            self.bar.setFormat(name)

    def _failed(self, message: str) -> None:
        self._error = message

    def _finished(self) -> None:
        self.bar.hide()
        self.refresh()

    @property
    def error(self) -> str:
        return self._error
