"""Render the setup screenshots: the 连接店铺 dialog in each state a new install meets (each
setup error produced by a loopback sandbox's scenario controls, or a loopback stand-in for the
network), and 帮助 → 诊断信息 on the demo shop.

    xvfb-run -a -s "-screen 0 1400x900x24" env QT_QPA_PLATFORM=xcb \\
        .venv/bin/python docs/screenshots/render_setup.py [OUT_DIR]
"""

from __future__ import annotations

import asyncio
import json
import socket
import sys
import tempfile
import urllib.request
from pathlib import Path

from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests"))
from loopback_servers import captive_portal

from seller_desktop import app
from seller_desktop.config import Paths
from seller_desktop.credentials import SecretStore
from seller_desktop.sandbox.demo import build_demo_shop
from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.ui.dialogs.connect_dialog import ConnectDialog
from seller_desktop.ui.event_loop import QEventLoop
from seller_desktop.ui.settings import Settings


def control(url: str, path: str, body: dict) -> None:
    request = urllib.request.Request(url + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10):
        pass


def dead_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


async def connect_shots(data_dir: Path, out: Path) -> None:
    server = SandboxServer(build_demo_shop(seed=1, products=3, orders=3, gift_orders=0))
    server.start()
    cfg, url = server.shop.config, server.url
    dialog = ConnectDialog(Settings(data_dir), SecretStore(), first_run=True, timeout=2.0)
    dialog.resize(620, 380)
    dialog.show()

    async def state(name: str, appid: str, secret: str, base: str) -> None:
        dialog.appid.setText(appid)
        dialog.secret.setText(secret)
        dialog.advanced.setChecked(base != "https://api.weixin.qq.com")
        dialog.api_base.setText(base)
        await dialog.test()
        await asyncio.sleep(0.2)
        dialog.grab().save(str(out / f"connect-{name}.png"))

    try:
        await state("ok", cfg.appid, cfg.secret, url)
        await state("appid", "wx0000000000000000", cfg.secret, url)
        await state("secret", cfg.appid, "y" * len(cfg.secret), url)
        control(url, "/sandbox/auth/whitelist", {"allowed": ["10.0.0.1"],
                                                 "seen_ip": "203.0.113.7"})
        await state("whitelist", cfg.appid, cfg.secret, url)
        control(url, "/sandbox/auth/whitelist", {"allowed": []})
        control(url, "/sandbox/auth/permission", {"enabled": False})
        await state("permission", cfg.appid, cfg.secret, url)
        await state("offline", cfg.appid, cfg.secret, dead_url())
        with captive_portal() as portal:
            await state("portal", cfg.appid, cfg.secret, portal)
    finally:
        dialog.close()
        server.stop()


async def diagnostics_shot(qapp: QApplication, data_dir: Path, out: Path) -> None:
    ready = asyncio.get_running_loop().create_future()
    task = asyncio.ensure_future(app.run(qapp, Paths.resolve(data_dir), Settings(data_dir),
                                         True, ready))
    window = await ready
    while window.sync.task is None or not window.sync.task.done():
        await asyncio.sleep(0.1)
    dialog = window.show_diagnostics()
    dialog.resize(720, 480)
    await dialog.checking
    await asyncio.sleep(0.3)
    dialog.grab().save(str(out / "diagnostics.png"))
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
        loop.run_until_complete(connect_shots(Path(tmp) / "connect", out))
        loop.run_until_complete(diagnostics_shot(qapp, Path(tmp) / "demo", out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
