"""设置 and first run: AppID + AppSecret (the secret goes to the OS keyring, never a file), API
base URL, sync interval, language, and the demo shop that needs nothing.

``applied(restart)`` tells the window what changed: the interval applies at once; account,
demo mode and language need the shop to be reopened (the window does that in place).

The keyring is asked off the UI thread: the system's secret service may be slow or wait for
the seller to unlock it, and the window must not freeze meanwhile. Settings that are not secret
always save: with the credentials in the environment the secret is not asked for; on a machine
without a keyring the secret is kept in memory for the run and asked again at the next start
(the dialog says so). What the run really uses (``--demo``, ``--api-base``) is what it shows.
"""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...config import ENV_APPID, ENV_SECRET
from ...credentials import NoKeyring, SecretStore, from_environment
from ..settings import LANGUAGES, Settings
from ..widgets.plain_text import PlainLabel


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
        self.secret.setPlaceholderText(self.tr("在微信小店后台「开发设置」中获取"))
        self.saving: asyncio.Task | None = None  # the keyring write and the rest of save()
        self.from_env = from_environment() is not None  # they win over what is typed here
        self.secret_note = PlainLabel()
        self.secret_note.setWordWrap(True)
        self.secret_note.setStyleSheet("color: #616161;")
        self.secret_note.hide()
        if self.from_env:
            self._note(self.tr("正在使用环境变量 %1 / %2 中的 AppID 和 AppSecret；"
                               "其他设置照常保存。"))
        self.keyring_available = True  # until _inspect_keyring has asked
        self.lookup = asyncio.ensure_future(self._inspect_keyring(settings.appid))
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
        self.error = PlainLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.demo)
        form.addRow(self.tr("AppID"), self.appid)
        form.addRow(self.tr("AppSecret"), self.secret)
        form.addRow(self.secret_note)
        form.addRow(self.tr("API 地址"), self.api_base)
        form.addRow(self.tr("自动同步间隔"), self.interval)
        form.addRow(self.tr("界面语言"), self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        layout = QVBoxLayout(self)
        if first_run:
            intro = PlainLabel(self.tr("填写微信小店的 AppID 和 AppSecret 连接你的店铺，"
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
        self.buttons = buttons

    def _note(self, text: str) -> None:
        self.secret_note.setText(text.replace("%1", ENV_APPID).replace("%2", ENV_SECRET))
        self.secret_note.show()

    async def _inspect_keyring(self, appid: str) -> None:
        if self.from_env:
            return
        self.keyring_available = await asyncio.to_thread(self.secrets.available)
        if not self.keyring_available:
            self._note(self.tr("此电脑没有可用的系统钥匙串：AppSecret 只保留在内存中，"
                               "每次启动都要重新填写。也可以改用环境变量 %1 / %2。"))
        if appid and await asyncio.to_thread(self.secrets.load, appid):
            self.secret.setPlaceholderText(self.tr("已保存在系统钥匙串中")
                                           if self.keyring_available
                                           else self.tr("已填写（只在本次运行中有效）"))

    def _demo_toggled(self, on: bool) -> None:
        self.api_base.setEnabled(not on)
        for widget in (self.appid, self.secret):
            widget.setEnabled(not on and not self.from_env)

    def _choose_demo(self) -> None:
        self.demo.setChecked(True)
        self.save()

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def save(self) -> asyncio.Task | None:
        """Check the form; with an account, the keyring is asked on a thread and the dialog
        closes when it answered (the task, kept in ``saving``, is returned)."""
        if self.saving is not None and not self.saving.done():
            return self.saving  # a second click while the keyring answers
        demo, appid = self.demo.isChecked(), self.appid.text().strip()
        secret, base = self.secret.text().strip(), self.api_base.text().strip()
        if base and not base.startswith(("https://", "http://127.0.0.1", "http://localhost")):
            self._fail(self.tr("API 地址须以 https:// 开头"))
            return None
        if demo or self.from_env:  # no secret to keep: the rest saves as it is
            self._apply(demo, appid, "", base)
            return None
        if not appid:
            self._fail(self.tr("请填写 AppID"))
            return None
        self.saving = asyncio.ensure_future(self._save_account(appid, secret, base))
        return self.saving

    async def _save_account(self, appid: str, secret: str, base: str) -> None:
        self.buttons.setEnabled(False)
        try:
            problem = await self._keep_secret(appid, secret)
        finally:
            self.buttons.setEnabled(True)
        if problem:
            self._fail(problem)
            return
        self._apply(False, appid, secret, base)

    async def _keep_secret(self, appid: str, secret: str) -> str:
        """Keep the secret (the keyring, else memory for this run); "" or why it could not."""
        if not secret:
            if await asyncio.to_thread(self.secrets.load, appid):
                return ""
            return self.tr("请填写 AppSecret")
        if not await asyncio.to_thread(self.secrets.available):
            self.secrets.remember(appid, secret)  # asked for again at the next start
            return ""
        try:
            await asyncio.to_thread(self.secrets.save, appid, secret)
        except NoKeyring as exc:  # a keyring that refused (locked): unlock and save again
            return str(exc)
        return ""

    def done(self, result: int) -> None:
        saving = self.saving is not None and not self.saving.done()
        if saving and result == QDialog.DialogCode.Rejected:
            return  # Esc or the close button while the keyring answers: the save decides
        if self.lookup is not None:
            self.lookup.cancel()
        super().done(result)

    def _apply(self, demo: bool, appid: str, secret: str, base: str) -> None:
        s = self.settings
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
