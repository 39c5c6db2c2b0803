"""The boxes shown before the window when the shop cannot be opened as it is.

- The shop is open elsewhere: the window that has it is asked to come forward
  (``ui/instance.py``); if none answers (a script's sync holds it), a box says so and waits,
  continuing by itself once the dir is free, or quits.
- A full disk, a read-only or forbidden data dir, an I/O error: named as what it is, nothing
  moved; 重试 tries again (after the seller freed space or fixed rights), 退出 quits.
- A damaged file (only that): 重建 rescues the unsynced changes into a fresh cache
  (``store/rebuild.py``) and says how many came back and what could not be read.

Boxes are opened with ``open()`` and awaited through ``finished`` (``ask``), never ``exec()``.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from ...store import CorruptCache, ShopInUse, StorageProblem, StoreError
from ...store.lock import DirLock
from ...store.rebuild import RebuildResult, rebuild_cache
from ..instance import ask_to_focus
from ..storage_text import describe

log = logging.getLogger("seller_desktop")
POLL_SECONDS = 0.5


async def ask(box: QMessageBox) -> QMessageBox.StandardButton | None:
    """Show a message box without blocking the loop; the button the seller clicked."""
    box.setTextFormat(Qt.TextFormat.PlainText)  # paths and the OS's words, never markup
    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    box.finished.connect(lambda _r: done.done() or done.set_result(None))
    box.open()
    await done
    clicked = box.clickedButton()
    return box.standardButton(clicked) if clicked is not None else None


async def explain_storage(error: StoreError) -> bool:
    """Say what is wrong with the disk or the dir; True: the seller wants to try again."""
    box = QMessageBox(QMessageBox.Icon.Warning, QApplication.translate("App", "无法使用数据目录"), describe(error))
    retry = box.addButton(QApplication.translate("App", "重试"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QApplication.translate("App", "退出"), QMessageBox.ButtonRole.RejectRole)
    await ask(box)
    return box.clickedButton() is retry


async def hold_data_dir(data_dir: Path) -> DirLock | str:
    """Hold the data dir for this process's life; or "focused" (the window that has it came
    forward), "quit" (the seller gave up waiting)."""
    while True:
        try:
            return await asyncio.to_thread(DirLock.acquire, data_dir)
        except ShopInUse as exc:
            if await ask_to_focus(data_dir):
                return "focused"
            return await _wait_for(data_dir, exc)
        except StorageProblem as exc:
            if not await explain_storage(exc):
                return "quit"


async def _wait_for(data_dir: Path, error: ShopInUse) -> DirLock | str:
    box = QMessageBox(QMessageBox.Icon.Information, QApplication.translate("App", "店铺已在别处打开"),
                      describe(error) + "\n\n" + QApplication.translate("App", "它关闭后这里会自动继续；也可以现在退出。"))
    box.addButton(QApplication.translate("App", "退出"), QMessageBox.ButtonRole.RejectRole)
    closed = asyncio.ensure_future(ask(box))
    try:
        while not closed.done():
            try:
                lock = await asyncio.to_thread(DirLock.acquire, data_dir)
            except ShopInUse:
                await asyncio.wait([closed], timeout=POLL_SECONDS)
                continue
            box.done(0)
            return lock
        return "quit"
    finally:
        if not closed.done():
            box.done(0)
        await closed


class App(QObject):
    """The translation context "App" of these messages (``App.tr`` has Qt's plural forms)."""


def rebuild_text(result: RebuildResult) -> str:
    if result.outbox_lost:
        lines = [QApplication.translate(
            "App", "损坏的文件中的待同步队列完全无法读取：如果有未同步的修改，它们已经丢失。请在微信小店后台核对最近的修改。")]
    elif result.restored or result.unreadable:
        lines = [App.tr("已把 %n 条未同步的修改放回新的缓存，下次同步时发送。", "", result.restored)]
        if result.unreadable:
            lines.append(App.tr("有 %n 条记录无法读取，其中可能有未同步的修改。请在微信小店后台核对最近的修改。",
                                "", result.unreadable))
    else:
        lines = [QApplication.translate("App", "没有未同步的修改。")]
    if result.waybills_to_check:
        lines.append(App.tr("有 %n 张已取号的电子面单记录无法读取：下次同步时先向微信小店核对，核对前不会为这些订单再取号。",
                            "", result.waybills_to_check))
    if result.shipping_unreadable or result.shipping_lost:
        lines.append(QApplication.translate(
            "App", "部分电子面单或打印记录无法读取。为订单取号前，请在微信小店后台核对它是否已有面单。"))
    if result.settings_unreadable or result.settings_lost:
        lines.append(QApplication.translate(
            "App", "部分设置（店铺归属、面单账号的寄件地址）无法读取。为订单取号前，请在“寄件地址…”中核对寄件地址。"))
    lines.append(QApplication.translate("App", "读出的修改另存在：\n%1").replace("%1", str(result.export)))
    lines.append(QApplication.translate("App", "损坏的文件已移到：\n%1").replace("%1", str(result.moved)))
    return "\n\n".join(lines)


async def offer_rebuild(data_dir: Path, error: CorruptCache) -> bool:
    """Explain the damage and rebuild on request (keeping the unsynced changes).
    True: open the shop again."""
    box = QMessageBox(QMessageBox.Icon.Critical, QApplication.translate("App", "缓存文件已损坏"),
                      describe(error) + "\n\n" + QApplication.translate(
                          "App", "可以重建缓存：未同步的修改会先读出并放回新的缓存，然后从微信小店重新下载店铺数据。"))
    rebuild = box.addButton(QApplication.translate("App", "重建缓存（保留未同步的修改）"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QApplication.translate("App", "退出"), QMessageBox.ButtonRole.RejectRole)
    await ask(box)
    if box.clickedButton() is not rebuild:
        return False
    try:
        result = await asyncio.to_thread(rebuild_cache, data_dir)
    except StoreError as exc:  # a read-only or full disk under a damaged file
        log.warning("rebuild failed: %s", exc)
        return await explain_storage(exc)
    await ask(QMessageBox(QMessageBox.Icon.Information, QApplication.translate("App", "缓存已重建"), rebuild_text(result)))
    return True
