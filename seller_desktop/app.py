"""Start-up: the QApplication, the qasync loop, the context, and the main window.

``main(args)`` runs one coroutine (``run``) on the qasync loop: open the shop (``context.py``),
show the window, sync, and wait until the window closes, or reopen the shop in place when the
settings changed the account, demo mode or language. A cache SQLite cannot read gets a clear
message and a way out: its unsynced changes are exported to a JSON file, the file is moved
aside, and the cache is rebuilt from the server. Dialogs inside coroutines are opened with
``open()`` and awaited through their ``finished`` signal, never ``exec()``.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sqlite3
import sys
import time

from PySide6.QtWidgets import QApplication, QMessageBox

from .config import Paths
from .context import AppContext, open_context
from .credentials import SecretStore, resolve
from .store.db import CacheTooNew, CorruptCache, move_aside
from .store.rescue import rescue_unsynced
from .ui.event_loop import QEventLoop
from .ui.i18n import install_language, use_cjk_font
from .ui.main_window import MainWindow, Services
from .ui.settings import Settings

log = logging.getLogger("seller_desktop")


async def ask(box: QMessageBox) -> QMessageBox.StandardButton | None:
    """Show a message box without blocking the loop; the button the seller clicked."""
    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    box.finished.connect(lambda _r: done.done() or done.set_result(None))
    box.open()
    await done
    clicked = box.clickedButton()
    return box.standardButton(clicked) if clicked is not None else None


async def recover_corrupt_cache(paths: Paths, error: Exception) -> bool:
    """Explain, export unsynced changes, move the bad file aside. True: try to open again."""
    box = QMessageBox(QMessageBox.Icon.Critical, QApplication.translate("App", "缓存文件无法读取"),
                      QApplication.translate("App", "本地缓存文件已损坏或无法读取，小店桌面无法打开它。\n\n%1\n\n"
                          "可以重建缓存：未同步的修改会先导出到一个文件，"
                          "然后从微信小店重新下载店铺数据。").replace("%1", str(error)))
    rebuild = box.addButton(QApplication.translate("App", "导出未同步的修改并重建"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QApplication.translate("App", "退出"), QMessageBox.ButtonRole.RejectRole)
    await ask(box)
    if box.clickedButton() is not rebuild:
        return False
    stamp = time.strftime("%Y%m%d-%H%M%S")
    export = paths.data_dir / f"unsynced-{stamp}.json"
    try:
        count = await asyncio.to_thread(rescue_unsynced, paths.cache_file, export)
    except Exception as exc:  # an unreadable file: say so, still move it aside
        log.warning("rescue failed: %s", exc)
        count = -1
    moved = await asyncio.to_thread(move_aside, paths.cache_file)
    if count > 0:
        text = QApplication.translate("App", "已导出 %1 条未同步的修改到：\n%2\n\n损坏的文件已移到：\n%3").replace(
            "%1", str(count)).replace("%2", str(export)).replace("%3", str(moved))
    elif count == 0:
        text = QApplication.translate("App", "没有未同步的修改。损坏的文件已移到：\n%1").replace("%1", str(moved))
    else:
        text = QApplication.translate("App", "无法从损坏的文件中读出未同步的修改。损坏的文件已移到：\n%1").replace(
            "%1", str(moved))
    await ask(QMessageBox(QMessageBox.Icon.Information, QApplication.translate("App", "缓存已重建"), text))
    return True


async def open_shop(paths: Paths, settings: Settings, demo: bool,
                    secrets: SecretStore) -> AppContext | None:
    while True:
        try:
            return await open_context(paths, settings, demo=demo, secrets=secrets)
        except CacheTooNew as exc:
            await ask(QMessageBox(QMessageBox.Icon.Critical, QApplication.translate("App", "缓存文件版本过新"),
                                  QApplication.translate("App", "这个数据目录由更新版本的小店桌面创建，请升级后再打开。\n\n%1")
                                  .replace("%1", str(exc))))
            return None
        except CorruptCache as exc:
            if not await recover_corrupt_cache(paths, exc):
                return None


async def cache_verdict(ctx: AppContext, window: MainWindow | None,
                        paths: Paths) -> bool | None:
    """Wait for the cache's whole-file check (``ctx.verified``), which runs while the window
    is built and shown (it reads every page: seconds at 200,000 orders, the start would wait
    for it). None: the file passed. Damaged: the window closes, the unsynced edits are offered
    for export as when the file cannot be opened; then whether the cache was rebuilt."""
    try:
        if ctx.verified is not None:
            await ctx.verified
    except CorruptCache as exc:
        if window is not None:
            await window.shutdown()
            window.hide()
            window.deleteLater()
        await ctx.aclose()
        return await recover_corrupt_cache(paths, exc)
    return None


def services_for(ctx: AppContext) -> Services:
    return Services(store=ctx.store, settings=ctx.settings, secrets=ctx.secrets,
                    engine=ctx.engine, progress_relay=ctx.progress,
                    image_rewrite=ctx.image_rewrite, demo=ctx.demo)


def window_outcome(window: MainWindow) -> asyncio.Future[str]:
    """Resolves to "closed" or "reopen" (settings changed what the shop is)."""
    outcome: asyncio.Future[str] = asyncio.get_running_loop().create_future()

    def finish(result: str) -> None:
        if not outcome.done():
            outcome.set_result(result)

    window.closed.connect(lambda: finish("closed"))
    window.reopen_requested.connect(lambda: finish("reopen"))
    return outcome


async def run(app: QApplication, paths: Paths, settings: Settings, demo_flag: bool,
              ready: asyncio.Future[MainWindow] | None = None) -> int:
    secrets = SecretStore()
    while True:
        install_language(app, settings.language)
        demo = demo_flag or bool(settings.demo)
        ctx = await open_shop(paths, settings, demo, secrets)
        if ctx is None:
            return 1
        try:
            window = MainWindow(services_for(ctx))
        except sqlite3.DatabaseError:  # a damaged page read while building: the check says
            if (rebuilt := await cache_verdict(ctx, None, paths)) is None:
                raise
            if rebuilt:
                continue
            return 1
        outcome = window_outcome(window)
        window.sync.gate = ctx.verified  # 立即同步 (F5) pressed meanwhile waits for the check
        window.show()
        # nothing syncs before the file passed its check
        if (rebuilt := await cache_verdict(ctx, window, paths)) is not None:
            if rebuilt:
                continue  # the damaged cache was moved aside: open the new one
            return 1
        if ready is not None and not ready.done():
            ready.set_result(window)
        if ctx.engine is not None:
            window.sync.sync_now()
        elif not settings.first_run_done and resolve(settings.appid or None, secrets) is None:
            window.show_settings(first_run=True)
        result = await outcome
        window.save_layout()
        await window.shutdown()
        window.hide()
        window.deleteLater()
        await ctx.aclose()
        if result != "reopen":
            return 0


def main(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request drowns the rest
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("seller-desktop")
    app.setApplicationDisplayName("小店桌面")
    app.setQuitOnLastWindowClosed(False)
    use_cjk_font(app)
    paths = Paths.resolve(getattr(args, "data_dir", None))
    settings = Settings(paths.data_dir)
    if getattr(args, "lang", None):
        settings.language = args.lang
    loop = QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        with loop:
            return loop.run_until_complete(run(app, paths, settings, bool(args.demo)))
    finally:
        asyncio.set_event_loop(None)

