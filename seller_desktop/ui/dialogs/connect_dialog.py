"""连接店铺: the first-run (and 店铺 menu) flow that connects a real shop. AppID, AppSecret and,
under 高级, the API address; "测试连接" asks the token endpoint and the shop's basic info (on the
event loop, never blocking the window) and turns each setup error into what to do, in the
seller's language: wrong AppID or AppSecret, this machine's IP not in the shop's API IP
whitelist (the IP the platform named, with a button to copy it), the API not permitted, or no
way to reach the API (DNS, refused, timeout, a Wi-Fi login page).

Saving keeps the secret in the OS keyring through ``credentials.SecretStore`` (in memory for
the run when the machine has none), the AppID and address in the settings; the window then
reopens the shop (each shop identity has its own cache folder, see ``config.shop_dir``).
"""

from __future__ import annotations

import asyncio
from urllib.parse import urlsplit

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...api import connect_check as cc
from ...config import DEFAULT_API_BASE, ENV_APPID, ENV_SECRET
from ...credentials import NoKeyring, SecretStore, from_environment
from ..settings import Settings
from ..widgets.plain_text import PlainLabel

WHERE = "微信小店后台 → 服务市场 → 经营工具 → 自研"  # auth-products.md §2.1
OK_STYLE, BAD_STYLE = "color: #2e7d32;", "color: #c62828;"


class ConnectDialog(QDialog):
    applied = Signal(bool)  # True: reopen the shop (as SettingsDialog.applied)

    def __init__(self, settings: Settings, secrets: SecretStore, first_run: bool = False,
                 parent: QWidget | None = None, timeout: float = 8.0) -> None:
        super().__init__(parent)
        self.settings, self.secrets, self.timeout = settings, secrets, timeout
        self.setWindowTitle(self.tr("连接微信小店"))
        self.setMinimumWidth(520)
        self.testing: asyncio.Task | None = None
        self.saving: asyncio.Task | None = None
        self.tested: tuple[str, str, str] | None = None  # the inputs of the last good test
        self.problem: cc.SetupProblem | None = None
        self.appid = QLineEdit("" if settings.demo else settings.appid)
        self.appid.setPlaceholderText(self.tr("wx 开头，在%1获取").replace("%1", WHERE))
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(self.tr("在%1查看或重置").replace("%1", WHERE))
        base = settings.api_base or DEFAULT_API_BASE
        self.advanced = QCheckBox(self.tr("高级：API 地址"))
        self.api_base = QLineEdit(base)
        self.advanced.toggled.connect(self.api_base.setVisible)
        self.advanced.setChecked(base != DEFAULT_API_BASE)
        self.api_base.setVisible(self.advanced.isChecked())
        self.test_button = QPushButton(self.tr("测试连接"))
        self.test_button.clicked.connect(self.test)
        self.result = PlainLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_ip = QPushButton(self.tr("复制 IP"))
        self.copy_ip.clicked.connect(self._copy_ip)
        self.copy_ip.hide()
        self.save_button = QPushButton(self.tr("保存并连接"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(False)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.clicked.connect(self.reject)
        for edit in (self.appid, self.secret, self.api_base):
            edit.textChanged.connect(self._inputs_changed)

        layout = QVBoxLayout(self)
        intro = PlainLabel(self.tr("填写店铺的 AppID 和 AppSecret（在%1），先测试连接，成功后保存。"
                               "AppSecret 保存在系统钥匙串中，不会写入任何文件。").replace("%1", WHERE))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if from_environment() is not None:  # they win over what is saved here (credentials.py)
            env = PlainLabel(self.tr("注意：环境变量 %1 / %2 已设置，运行时优先使用其中的账号。")
                         .replace("%1", ENV_APPID).replace("%2", ENV_SECRET))
            env.setWordWrap(True)
            layout.addWidget(env)
        form = QFormLayout()
        form.addRow(self.tr("AppID"), self.appid)
        form.addRow(self.tr("AppSecret"), self.secret)
        form.addRow(self.advanced, self.api_base)
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addWidget(self.copy_ip)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.result)
        buttons = QHBoxLayout()
        if first_run:
            self.try_demo = QPushButton(self.tr("先用演示店铺"))
            self.try_demo.clicked.connect(self._choose_demo)
            buttons.addWidget(self.try_demo)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

    # -- inputs ------------------------------------------------------------------------------

    def inputs(self) -> tuple[str, str, str]:
        base = self.api_base.text().strip().rstrip("/") or DEFAULT_API_BASE
        return self.appid.text().strip(), self.secret.text().strip(), base

    def _inputs_changed(self) -> None:
        self.save_button.setEnabled(self.tested == self.inputs())

    def _show(self, text: str, good: bool) -> None:
        self.result.setStyleSheet(OK_STYLE if good else BAD_STYLE)
        self.result.setText(text)

    def _check_inputs(self) -> str:
        appid, secret, base = self.inputs()
        parts = urlsplit(base)
        loopback = parts.hostname in ("127.0.0.1", "localhost", "::1")
        if not parts.hostname or not (parts.scheme == "https"
                                      or (parts.scheme == "http" and loopback)):
            return self.tr("API 地址须以 https:// 开头（本机沙盒可用 http://127.0.0.1）")
        if not appid:
            return self.tr("请填写 AppID")
        if not secret:
            return self.tr("请填写 AppSecret")
        return ""

    # -- test --------------------------------------------------------------------------------

    def test(self) -> asyncio.Task | None:
        """Start the connection test (kept in ``testing``); the result shows when it ends."""
        if self.testing is not None and not self.testing.done():
            return self.testing
        problem = self._check_inputs()
        if problem:
            self._show(problem, False)
            return None
        self.testing = asyncio.ensure_future(self._test(*self.inputs()))
        return self.testing

    async def _test(self, appid: str, secret: str, base: str) -> None:
        self.test_button.setEnabled(False)
        self.copy_ip.hide()
        self._show(self.tr("正在连接 %1 …").replace("%1", urlsplit(base).hostname or base), True)
        try:
            info = await cc.test_connection(base, appid, secret, timeout=self.timeout)
        except Exception as exc:  # every failure becomes an instruction, none escapes
            self.problem = cc.classify(exc)
            self.tested = None
            self._show(self.explain(self.problem, base), False)
            self.copy_ip.setVisible(bool(self.problem.ip))
        else:
            self.problem = None
            self.tested = (appid, secret, base)
            self._show(self.tr("连接成功：店铺「%1」。点「保存并连接」开始同步。")
                       .replace("%1", info.nickname or appid), True)
        finally:
            self.test_button.setEnabled(True)
            self._inputs_changed()

    def explain(self, problem: cc.SetupProblem, base: str) -> str:
        """What the seller should do about ``problem``, in the seller's language."""
        host = urlsplit(base).hostname or base
        code = str(problem.errcode or "")
        kind = problem.kind
        if kind == cc.APPID:
            text = self.tr("AppID 不正确（%2）。请到%1复制 AppID（wx 开头），粘贴时不要带空格。")
        elif kind == cc.SECRET:
            text = self.tr("AppSecret 不正确（%2）。请到%1查看或重置 AppSecret 后重新粘贴；"
                           "重置后旧的 AppSecret 立即失效，其他用它的工具也要更新。")
        elif kind == cc.IP and problem.ip:
            text = self.tr("这台电脑的公网 IP %3 不在店铺的 API IP 白名单中（%2）。"
                           "请在%1（获取 AppID 的页面）的「IP白名单」中添加 %3，"
                           "保存后再点「测试连接」。")
        elif kind == cc.IP:
            text = self.tr("这台电脑的公网 IP 不在店铺的 API IP 白名单中（%2）。"
                           "请在%1（获取 AppID 的页面）的「IP白名单」中添加本机的公网 IP"
                           "（可在浏览器中搜索“IP”查看），保存后再点「测试连接」。")
        elif kind == cc.PERMISSION:
            text = self.tr("AppID 和 AppSecret 正确，但这个应用没有调用店铺接口的权限（%2）。"
                           "请在%1确认已开通商品、订单和物流接口的权限，然后再测试。")
        elif kind == cc.DNS:
            text = self.tr("找不到服务器 %4：这台电脑可能没有联网，或 DNS 不可用。"
                           "请检查网络后再测试。")
        elif kind == cc.UNREACHABLE:
            text = self.tr("连接不上 %4：请检查网络、代理或防火墙后再测试。")
        elif kind == cc.TIMEOUT:
            text = self.tr("%4 在 %5 秒内没有响应：网络太慢或被拦截，请稍后再测试。")
        elif kind == cc.PORTAL:
            text = self.tr("%4 返回的是一个网页而不是微信小店的回复：所在的网络（酒店、商场的 Wi-Fi）"
                           "可能要先在浏览器中登录。登录后再测试；若填写了 API 地址，请检查是否正确。")
        else:
            text = self.tr("测试连接失败：%6")
        return (text.replace("%1", WHERE).replace("%2", code).replace("%3", problem.ip)
                .replace("%4", host).replace("%5", f"{self.timeout:g}")
                .replace("%6", problem.detail or kind))

    def _copy_ip(self) -> None:
        if self.problem is not None and self.problem.ip:
            QApplication.clipboard().setText(self.problem.ip)

    # -- save --------------------------------------------------------------------------------

    def _choose_demo(self) -> None:
        s = self.settings
        reopen = not bool(s.demo)
        s.demo = True
        s.first_run_done = True
        s.sync()
        self.applied.emit(reopen)
        self.accept()

    def save(self) -> asyncio.Task | None:
        """Keep what a good test used; the keyring is asked on a thread (``saving``)."""
        if self.saving is not None and not self.saving.done():
            return self.saving
        if self.tested != self.inputs():
            self._show(self.tr("请先测试连接"), False)
            return None
        self.saving = asyncio.ensure_future(self._save(*self.inputs()))
        return self.saving

    async def _save(self, appid: str, secret: str, base: str) -> None:
        self.save_button.setEnabled(False)
        try:
            if await asyncio.to_thread(self.secrets.available):
                await asyncio.to_thread(self.secrets.save, appid, secret)
            else:
                self.secrets.remember(appid, secret)  # this run only; asked again next start
        except NoKeyring as exc:  # locked or refusing: nothing saved, the seller can retry
            self._show(str(exc), False)
            self.save_button.setEnabled(True)
            return
        s = self.settings
        s.demo = False
        s.appid = appid
        s.api_base = "" if base == DEFAULT_API_BASE else base
        s.first_run_done = True
        s.sync()
        self.applied.emit(True)
        self.accept()

    def done(self, result: int) -> None:
        if self.saving is not None and not self.saving.done() \
                and result == QDialog.DialogCode.Rejected:
            return  # the keyring is answering: the save decides
        if self.testing is not None:
            self.testing.cancel()
        super().done(result)
