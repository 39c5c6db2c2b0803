"""Start-up: the QApplication, the qasync loop, the context, and the main window.

``main(args)`` runs one coroutine (``run``) on the qasync loop: hold the data dir for the
process's life (one writer per data dir: a second start brings the first window forward, or
waits while a script's sync has the shop), open the shop (``context.py``), show the window,
sync, and wait until the window closes, or reopen the shop in place when the settings changed
the account, demo mode or language. A shop that cannot be opened gets a box that names why
(``ui/dialogs/cache_dialogs.py``): a damaged cache is rebuilt keeping its unsynced changes; a
full disk, a read-only or forbidden dir is explained, nothing moved, and retried on request.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import logging
import signal
import sqlite3
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from .config import Paths
from .context import AppContext, open_context
from .credentials import SecretStore
from .logs import log_to_file
from .store import CacheTooNew, CorruptCache, ShopInUse, StorageFailed, StoreError
from .store.errors import classify
from .store.lock import DirLock
from .ui.dialogs.cache_dialogs import ask, explain_storage, hold_data_dir, offer_rebuild
from .ui.event_loop import QEventLoop
from .ui.i18n import install_language, use_cjk_font
from .ui.instance import FocusServer
from .ui.main_window import MainWindow, Services
from .ui.settings import Settings
from .ui.storage_text import describe

log = logging.getLogger("seller_desktop")

__all__ = ["ask", "main", "open_shop", "run"]


async def open_shop(paths: Paths, settings: Settings, demo: bool,
                    secrets: SecretStore) -> AppContext | None:
    while True:
        try:
            return await open_context(paths, settings, demo=demo, secrets=secrets)
        except CacheTooNew as exc:
            await ask(QMessageBox(QMessageBox.Icon.Critical,
                                  QApplication.translate("App", "缓存文件版本过新"), describe(exc)))
            return None
        except CorruptCache as exc:
            if not await offer_rebuild(exc.path.parent, exc):  # the shop's own folder
                return None
        except (ShopInUse, StoreError) as exc:  # full, read-only, forbidden: nothing moved
            if not await explain_storage(exc):
                return None
        except OSError as exc:  # account.json or the demo shop could not be written
            if not await explain_storage(classify(exc, paths.data_dir) or StorageFailed(
                    paths.data_dir, str(exc))):
                return None


def use_language(app: QApplication, language: str) -> None:
    """The UI language, Qt's own dialogs included, and the app's name in it (the window
    manager appends that name to every window's title)."""
    install_language(app, language)
    app.setApplicationDisplayName(QApplication.translate("App", "小店桌面"))


async def cache_verdict(ctx: AppContext, window: MainWindow | None) -> bool | None:
    """Wait for the cache's whole-file check (``ctx.verified``), which runs while the window
    is built and shown (it reads every page: seconds at 200,000 orders, the start would wait
    for it). None: the file passed. Damaged: the window closes, the unsynced edits are offered
    for export as when the file cannot be opened; then whether the cache was rebuilt."""
    try:
        if ctx.verified is not None:
            await ctx.verified
        return None
    except StoreError as exc:
        if window is not None:
            await window.shutdown()
            window.hide()
            window.deleteLater()
        await ctx.aclose()
        if isinstance(exc, CorruptCache):
            return await offer_rebuild(exc.path.parent, exc)
        return await explain_storage(exc)  # the disk failed under the check: nothing moved


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
    use_language(app, settings.language)
    held = await hold_data_dir(paths.data_dir)
    if not isinstance(held, DirLock):
        return 0 if held == "focused" else 1
    focus = FocusServer(paths.data_dir)
    try:
        return await _run_shop(app, paths, settings, demo_flag, ready, focus)
    finally:
        focus.close()
        focus.deleteLater()
        held.release()


def _bring_forward(window: MainWindow) -> None:
    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()


async def _run_shop(app: QApplication, paths: Paths, settings: Settings, demo_flag: bool,
                    ready: asyncio.Future[MainWindow] | None, focus: FocusServer) -> int:
    secrets = SecretStore()
    if demo_flag:
        settings.override("demo", True)  # shown checked in 设置; unchecking it leaves demo mode
    while True:
        use_language(app, settings.language)
        demo = bool(settings.demo)
        ctx = await open_shop(paths, settings, demo, secrets)
        if ctx is None:
            return 1
        try:
            window = MainWindow(services_for(ctx))
        except sqlite3.DatabaseError:  # a damaged page read while building: the check says
            if (rebuilt := await cache_verdict(ctx, None)) is None:
                raise
            if rebuilt:
                continue
            return 1
        raise_window = functools.partial(_bring_forward, window)
        focus.activate.connect(raise_window)
        outcome = window_outcome(window)
        window.show()
        log.info("window shown")  # packaging/smoke.py times the start up to this line
        # nothing syncs before the file passed its check
        if (rebuilt := await cache_verdict(ctx, window)) is not None:
            focus.activate.disconnect(raise_window)
            if rebuilt:
                continue  # the damaged cache was rebuilt: open the new one
            return 1
        if ready is not None and not ready.done():
            ready.set_result(window)
        if ctx.engine is not None:
            window.sync.sync_now()
        elif not settings.first_run_done:  # no engine: no credentials found
            window.show_connect(first_run=True)
        elif settings.appid:  # an account whose secret is not kept (no keyring): ask for it
            window.show_settings()
        result = await outcome
        focus.activate.disconnect(raise_window)
        window.save_layout()
        await window.shutdown()
        window.hide()
        window.deleteLater()
        await ctx.aclose()
        if result != "reopen":
            return 0


def _close_on_signals(app: QApplication) -> QTimer:
    """Ctrl+C or SIGTERM closes the window as the seller would (saves finish, the lock is
    released); Python's default raised KeyboardInterrupt inside a Qt callback and the window
    kept running. The timer lets Python run its signal handler while Qt idles."""
    def close_windows(*_: object) -> None:
        for widget in app.topLevelWidgets():
            if isinstance(widget, MainWindow):
                widget.close()

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, close_windows)
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)  # a Python slot: the interpreter gets to run
    timer.start(250)
    return timer


def main(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request drowns the rest
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("seller-desktop")
    app.setQuitOnLastWindowClosed(False)
    use_cjk_font(app)
    try:
        paths = Paths.resolve(getattr(args, "data_dir", None))
    except OSError as exc:  # the data dir cannot even be made: say so, no traceback
        problem = classify(exc, getattr(args, "data_dir", None) or ".")
        QMessageBox.critical(None, QApplication.translate("App", "无法使用数据目录"),
                             describe(problem or exc))
        return 1
    log_file = log_to_file(paths.log_file)
    settings = Settings(paths.data_dir)
    if getattr(args, "lang", None):
        settings.language = args.lang
    if getattr(args, "api_base", None):
        settings.override("api_base", args.api_base)  # this run only, like the commands'
    loop = QEventLoop(app)
    asyncio.set_event_loop(loop)
    wake = _close_on_signals(app)
    try:
        with loop:
            return loop.run_until_complete(run(app, paths, settings, bool(args.demo)))
    finally:
        wake.stop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, signal.SIG_DFL if sig == signal.SIGTERM else signal.default_int_handler)
        asyncio.set_event_loop(None)
        if log_file is not None:
            logging.getLogger().removeHandler(log_file)
            log_file.close()

