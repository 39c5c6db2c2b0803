"""UI test fixtures: a small demo shop served by the sandbox on loopback, and a real main
window over a real store in the temp data dir, synced through the real client and engine."""

from __future__ import annotations

import asyncio
import json
import random
import urllib.request
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from sandbox_support import serve

from seller_desktop.api.client import ApiClient, RetryPolicy
from seller_desktop.context import ProgressRelay, sandbox_rewriter
from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.store.db import Store
from seller_desktop.sync.engine import SyncEngine

# Fail fast and recover fast when a test takes the sandbox away.
FAST_RETRY = RetryPolicy(attempts=2, base_delay=0.01, max_delay=0.05, offline_after=1,
                         offline_cooldown=0.05)


@pytest.fixture
def sandbox() -> Any:
    yield from serve(seed=7, products=12, orders=60, gift_orders=6)


def control(server: SandboxServer, path: str, body: dict | None = None) -> dict:
    """Call a /sandbox/... scenario control (GET without body, POST with)."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(server.url + path, data=data,
                                     method="GET" if body is None else "POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as reply:
        return json.loads(reply.read())


async def acontrol(server: SandboxServer, path: str, body: dict | None = None) -> dict:
    return await asyncio.to_thread(control, server, path, body)


async def until(predicate: Callable[[], Any], timeout: float = 10.0, what: str = "") -> Any:
    """Poll ``predicate`` on the running loop until it returns something truthy."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what or predicate}")
        await asyncio.sleep(0.02)


@asynccontextmanager
async def open_window(data_dir: Path, server: SandboxServer | None,
                      clock: Callable[[], int] | None = None) -> AsyncIterator[Any]:
    """A main window on ``data_dir``, syncing with ``server``; ``clock`` (the sandbox's, when a
    test moves time) drives both the engine and the window's countdowns."""
    from PySide6.QtWidgets import QApplication

    from seller_desktop.ui.main_window import MainWindow, Services
    from seller_desktop.ui.settings import Settings

    # as in app.main: closing the window must not quit the app (and stop the qasync loop)
    QApplication.instance().setQuitOnLastWindowClosed(False)

    store = Store.open(data_dir)
    api = engine = None
    relay = ProgressRelay()
    if server is not None:
        cfg = server.shop.config
        api = ApiClient(server.url, cfg.appid, cfg.secret, retry=FAST_RETRY)
        engine = SyncEngine(api, store, progress=relay, clock=clock)
    extra: dict[str, Any] = {"clock": clock} if clock is not None else {}
    if server is not None:  # thumbnails from the sandbox, never from the internet
        extra["image_rewrite"] = sandbox_rewriter(server.url)
    else:
        extra["fetch_images"] = False
    window = MainWindow(Services(store=store, settings=Settings(data_dir), engine=engine,
                                 progress_relay=relay, demo=server is not None, **extra))
    window.show()
    try:
        yield window
    finally:
        window.close()
        await window.shutdown()
        window.deleteLater()
        if api is not None:
            await api.aclose()
        store.close()


def accept_gift(server: SandboxServer, order_id: str, seed: int = 5) -> dict:
    """The recipient fills in an address and accepts (the sandbox's own transition)."""
    from seller_desktop.sandbox import gifts
    from seller_desktop.sandbox.demo_orders import random_person

    shop = server.shop
    with shop.lock:
        openid, address = random_person(random.Random(seed))
        gifts.accept(shop, shop.orders[order_id], openid, address)
        shop.dirty = True
    return address


async def sync(window: Any) -> Any:
    task = window.sync.sync_now()
    assert task is not None, "no sync engine"
    report = await task
    await until(lambda: not window.sync.running, what="sync to finish")
    await settled(window)
    return report


async def settled(window: Any) -> None:
    """Wait until the window has applied every ChangeSet (views refresh one per loop turn)."""
    await until(lambda: window.idle, what="the views to refresh")


async def answer_file_dialog(start: Callable[[], Any], typed: str | None,
                             seen: Callable[[Any], Any]) -> Any:
    """Run ``start`` (it opens a modal file dialog) as a button would, note ``seen(dialog)``,
    then answer as a seller would: put ``typed`` (a name, or a whole path) into the dialog's
    file-name field and accept, or cancel (``typed`` None: accept as suggested; ``""``:
    cancel). Returns what ``seen`` noted once the dialog has closed.

    ``QFileDialog.selectFile`` is ignored while the file-name field has focus (Qt keeps what
    the user may be typing), and a second dialog opens with the focus there: so type, never
    select."""
    import shiboken6
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

    noted: list[Any] = []
    shown: list[Any] = []

    def answer() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, QFileDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(10, answer)
            return
        shown.append(dialog)
        noted.append(seen(dialog))
        if typed == "":
            dialog.reject()
            return
        if typed is not None:
            field = dialog.findChild(QLineEdit, "fileNameEdit")
            assert field is not None, "the file dialog has no file-name field"
            field.setFocus()
            field.setText(typed)  # as pasted: key by key, the completer's popup takes keys
            chosen = dialog.selectedFiles()
            assert chosen and Path(chosen[0]).name == Path(typed).name, chosen
        dialog.accept()

    QTimer.singleShot(0, start)
    QTimer.singleShot(10, answer)
    await until(lambda: noted, what="the file dialog")
    # a static QFileDialog.get…() deletes its dialog as it returns: gone is closed too
    await until(lambda: not shiboken6.isValid(shown[0]) or not shown[0].isVisible(),
                what="the file dialog to close")
    return noted[0]
