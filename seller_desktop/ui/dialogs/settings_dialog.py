"""设置 and first run: AppID + AppSecret (the secret goes to the OS keyring, never a file), API
base URL, sync interval, language, and the demo shop that needs nothing.

``applied(restart)`` tells the window what changed: the interval applies at once; account,
demo mode and language need the shop to be reopened (the window does that in place).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...credentials import NoKeyring, SecretStore
from ..settings import LANGUAGES, Settings


class SettingsDialog(QDialog):
    applied = Signal(bool)  # True: reopen the shop (account, demo or language changed)

    def __init__(self, settings: Settings, secrets: SecretStore, first_run: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.secrets = secrets
        self.setWindowTitle(self.tr("欢迎使用小店桌面") if first_run else self.tr("设置"))
        self.setMinimumWidth(480)
        self.demo = QCheckBox(self.tr("使用演示店铺（无需账号，数据只在本机）"))
        self.appid = QLineEdit(settings.appid)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        has_secret = bool(settings.appid and secrets.load(settings.appid))
        self.secret.setPlaceholderText(self.tr("已保存在系统钥匙串中") if has_secret
                                       else self.tr("在微信小店后台「开发设置」中获取"))
        self.api_base = QLineEdit(settings.api_base)
        self.api_base.setPlaceholderText("https://api.weixin.qq.com")
        self.interval = QSpinBox()
        self.interval.setRange(1, 240)
        self.interval.setSuffix(self.tr(" 分钟"))
        self.interval.setValue(int(settings.sync_interval_min))
        self.language = QComboBox()
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, LANGUAGES.index(settings.language)
                                          if settings.language in LANGUAGES else 0))
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.demo)
        form.addRow(self.tr("AppID"), self.appid)
        form.addRow(self.tr("AppSecret"), self.secret)
        form.addRow(self.tr("API 地址"), self.api_base)
        form.addRow(self.tr("自动同步间隔"), self.interval)
        form.addRow(self.tr("界面语言"), self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        layout = QVBoxLayout(self)
        if first_run:
            intro = QLabel(self.tr("填写微信小店的 AppID 和 AppSecret 连接你的店铺，"
                                   "或者先用演示店铺看看。"))
            intro.setWordWrap(True)
            layout.addWidget(intro)
            self.try_demo = QPushButton(self.tr("先用演示店铺"))
            self.try_demo.clicked.connect(self._choose_demo)
            layout.addWidget(self.try_demo)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.demo.setChecked(bool(settings.demo))
        self.demo.toggled.connect(self._demo_toggled)
        self._demo_toggled(self.demo.isChecked())
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

    def _demo_toggled(self, on: bool) -> None:
        for widget in (self.appid, self.secret, self.api_base):
            widget.setEnabled(not on)

    def _choose_demo(self) -> None:
        self.demo.setChecked(True)
        self.save()

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def save(self) -> None:
        s = self.settings
        demo, appid = self.demo.isChecked(), self.appid.text().strip()
        secret, base = self.secret.text().strip(), self.api_base.text().strip()
        if base and not base.startswith(("https://", "http://127.0.0.1", "http://localhost")):
            self._fail(self.tr("API 地址须以 https:// 开头"))
            return
        if not demo:
            if not appid:
                self._fail(self.tr("请填写 AppID"))
                return
            if not secret and not self.secrets.load(appid):
                self._fail(self.tr("请填写 AppSecret"))
                return
            if secret:
                try:
                    self.secrets.save(appid, secret)
                except NoKeyring as exc:
                    self._fail(str(exc))
                    return
        reopen = (demo != bool(s.demo) or appid != s.appid or base != s.api_base
                  or bool(secret) or self.language.currentData() != s.language)
        s.demo = demo
        s.appid = appid
        s.api_base = base
        s.sync_interval_min = self.interval.value()
        s.language = self.language.currentData()
        s.first_run_done = True
        s.sync()
        self.applied.emit(reopen)
        self.accept()
