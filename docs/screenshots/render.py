"""Render the screenshots in this folder from the demo shop: the app started as by
``seller-desktop --demo`` (sandbox in-process, a fresh temp data dir), synced, each main view
grabbed offscreen.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/render.py [OUT_DIR]
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QDialog

from seller_desktop import app
from seller_desktop.config import Paths
from seller_desktop.store import ui_queries as q
from seller_desktop.ui.event_loop import QEventLoop
from seller_desktop.ui.settings import Settings

SIZE = (1280, 800)


async def settle(seconds: float = 0.6) -> None:
    await asyncio.sleep(seconds)  # thumbnails load, countdowns tick


async def shoot(qapp: QApplication, data_dir: Path, out: Path, language: str) -> None:
    settings = Settings(data_dir)
    settings.language = language
    ready = asyncio.get_running_loop().create_future()
    task = asyncio.ensure_future(app.run(qapp, Paths.resolve(data_dir), settings, True, ready))
    window = await ready
    window.resize(*SIZE)
    while window.sync.task is None or not window.sync.task.done():
        await asyncio.sleep(0.1)
    suffix = "" if language == "zh_CN" else f"-{language}"
    await settle(1.5)
    window.tabs.setCurrentWidget(window.listings)
    await settle()
    window.grab().save(str(out / f"listings{suffix}.png"))
    window.tabs.setCurrentWidget(window.orders)
    window.orders.set_tab(q.OrderTab.TO_SHIP)
    await settle()
    window.grab().save(str(out / f"orders{suffix}.png"))
    window.tabs.setCurrentWidget(window.gifts)
    await settle(1.2)
    window.grab().save(str(out / f"gifts{suffix}.png"))
    window.tabs.setCurrentWidget(window.aftersale)
    window.aftersale.set_tab("seller")
    await settle(1.2)
    window.grab().save(str(out / f"aftersale{suffix}.png"))
    window.aftersale.set_tab("requests")
    await settle()
    window.grab().save(str(out / f"aftersale-requests{suffix}.png"))
    window.aftersale.set_tab("seller")
    refund = next((r.case_id for r in (window.aftersale.model.row_at(i) for i in range(
        window.aftersale.model.rowCount())) if r.type == "REFUND"), None)
    if refund is not None:  # the confirmation where money leaves the shop
        window.aftersale.select_case(refund)
        dialog = window.aftersale.answer("accept", refund)
        await settle(0.3)
        dialog.grab().save(str(out / f"aftersale-confirm{suffix}.png"))
        dialog.reject()
    about = window.show_about()
    await settle(0.3)
    about.grab().save(str(out / f"about{suffix}.png"))
    about.close()
    if language == "zh_CN":
        window.tabs.setCurrentWidget(window.listings)
        editor = window.listings.open_editor(window.listings.model.keys()[0])
        editor.title.setText("短")
        await settle(0.3)
        editor.grab().save(str(out / "editor-invalid.png"))
        editor.done(QDialog.DialogCode.Rejected)  # close() would ask before dropping the edit
        order_id = window.gifts.models[q.GiftSection.ACCEPTED].order_ids()[:1]
        if order_id:
            window.notify_gift_accepted(order_id[0])
            window.tabs.setCurrentWidget(window.orders)
            window.orders.show_order(order_id[0], q.OrderTab.TO_SHIP)
            await settle()
            window.grab().save(str(out / "gift-accepted.png"))
        dialog = window.show_settings()
        await settle(0.3)
        dialog.grab().save(str(out / "settings.png"))
        dialog.close()
    window.close()
    await task


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent
    out.mkdir(parents=True, exist_ok=True)
    qapp = QApplication([])
    app.use_cjk_font(qapp)
    qapp.setQuitOnLastWindowClosed(False)
    loop = QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    with tempfile.TemporaryDirectory() as tmp, loop:
        for language in ("zh_CN", "en"):
            loop.run_until_complete(shoot(qapp, Path(tmp), out, language))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
