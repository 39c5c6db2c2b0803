"""The app's explicit context: paths, settings, the store, the API client, the sync engine and,
in demo mode, the embedded sandbox. Built once per opened shop by ``app.py`` and passed down;
no Qt here (settings arrive as an object from the UI layer).

Demo mode runs the sandbox in-process on a free loopback port, serving the shop saved in
``Paths.demo_state_file`` (created from the seeded demo shop on the first run), so the demo shop
and the seller's edits persist across runs. Any sandbox (embedded, or a `seller-desktop sandbox`
at a loopback http:// address) serves the image links it hands out under its own address.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from .api.client import ApiClient
from .config import DEFAULT_API_BASE, Paths, save_account, shop_dir, shop_identity
from .credentials import Credentials, SecretStore, resolve
from .store.db import Store, verify_cache_file
from .sync.engine import SyncEngine

log = logging.getLogger("seller_desktop")

DEMO_SEED = 1
DEMO_SIZE = {"products": 60, "orders": 600, "gift_orders": 8}  # the first run's demo shop


class ProgressRelay:
    """The engine's progress callback, forwarding to whoever shows progress (set later)."""

    def __init__(self) -> None:
        self.target: Callable[[str, int, int | None], None] | None = None

    def __call__(self, step: str, done: int, total: int | None) -> None:
        if self.target is not None:
            self.target(step, done, total)


@dataclass
class AppContext:
    paths: Paths
    settings: Any  # ui.settings.Settings (typed over QSettings, owned by the UI layer)
    store: Store
    secrets: SecretStore
    api: ApiClient | None = None
    engine: SyncEngine | None = None
    demo: bool = False
    sandbox: Any = None  # sandbox.server.SandboxServer in demo mode
    image_rewrite: Callable[[str], str] | None = None
    progress: ProgressRelay = field(default_factory=ProgressRelay)
    # the whole-file check of the cache, run while the window is built (CorruptCache if damaged)
    verified: asyncio.Future[None] | None = None

    async def aclose(self) -> None:
        if self.verified is not None:  # it reads the file: let it finish before closing
            await asyncio.gather(self.verified, return_exceptions=True)
        if self.api is not None:
            await self.api.aclose()
        await asyncio.to_thread(self.store.close)
        if self.sandbox is not None:
            await asyncio.to_thread(self.sandbox.stop)


def warm_up_imports() -> None:
    """httpcore imports its anyio backend (~25 modules) on the first request. Under PySide6's
    import hook that took ~100 ms on the event loop in the middle of the first sync; import it
    at start-up instead, before the window is interactive."""
    for name in ("anyio._backends._asyncio", "anyio.streams.tls", "anyio.to_thread"):
        importlib.import_module(name)


def start_demo_sandbox(paths: Paths) -> Any:
    """Serve the persisted demo shop (building it on the first run) on 127.0.0.1:<free>."""
    from .sandbox.demo import build_demo_shop
    from .sandbox.persistence import load_shop, save_shop
    from .sandbox.server import SandboxServer

    state = paths.demo_state_file
    shop = None
    if state.exists():
        try:
            shop = load_shop(state)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            aside = state.with_name(f"{state.name}.unreadable-{int(time.time())}")
            log.warning("demo shop %s unreadable (%s); moved to %s, starting a new one",
                        state, exc, aside)
            state.replace(aside)
    if shop is None:
        shop = build_demo_shop(seed=DEMO_SEED, **DEMO_SIZE)
        save_shop(shop, state)
    server = SandboxServer(shop, state_file=state)
    server.start()
    return server


def is_loopback_sandbox(base_url: str) -> bool:
    """A plain-HTTP loopback API address is a sandbox (the settings accept no other http://);
    the real API is HTTPS on the internet."""
    parts = urlsplit(base_url)
    return parts.scheme == "http" and parts.hostname in ("127.0.0.1", "localhost", "::1")


def sandbox_rewriter(base_url: str) -> Callable[[str], str]:
    """The sandbox serves the image links it hands out (``https://mmecimage.cn/p/…``) under
    its own address; an embedded or a standalone sandbox alike."""
    prefix = "https://mmecimage.cn/"

    def rewrite(url: str) -> str:
        return base_url.rstrip("/") + "/" + url[len(prefix):] if url.startswith(prefix) else url

    return rewrite


async def open_context(paths: Paths, settings: Any, *, demo: bool,
                       secrets: SecretStore | None = None) -> AppContext:
    """Open the shop. Each shop (the demo shop, each AppID) has its own cache folder
    (``config.shop_dir``), so switching shops never mixes their data. Raises ``CorruptCache``/
    ``CacheTooNew`` for a cache it cannot use; damage only the whole-file check finds comes
    through ``ctx.verified``, awaited before anything syncs (the check reads every page: seconds
    at 200,000 orders, so it runs while the window is built and shown; ``app.cache_verdict``)."""
    secrets = secrets or SecretStore()
    credentials: Credentials | None = None
    base = ""
    if not demo:
        credentials = resolve(settings.appid or None, secrets)
        base = settings.api_base or DEFAULT_API_BASE
    appid = credentials.appid if credentials is not None else settings.appid
    identity = shop_identity(appid, demo) if (demo or appid) else None
    folder = await asyncio.to_thread(shop_dir, paths, identity)
    store = await asyncio.to_thread(Store.open, folder, check=False)
    store.shop = identity  # the engine refuses a cache that records another shop
    ctx = AppContext(paths=paths, settings=settings, store=store, secrets=secrets, demo=demo)
    ctx.verified = asyncio.ensure_future(asyncio.to_thread(verify_cache_file, store.path))
    try:
        if demo:
            ctx.sandbox = await asyncio.to_thread(start_demo_sandbox, paths)
            config = ctx.sandbox.shop.config
            credentials = Credentials(config.appid, config.secret)
            base = ctx.sandbox.url
            ctx.image_rewrite = sandbox_rewriter(base)
        else:
            if is_loopback_sandbox(base):  # `seller-desktop sandbox`: its images too
                ctx.image_rewrite = sandbox_rewriter(base)
            overridden = getattr(settings, "is_overridden", lambda _name: False)
            if settings.appid and not overridden("api_base"):  # --api-base is for this run
                await asyncio.to_thread(save_account, paths, settings.appid, base)
        if credentials is not None:
            warm_up_imports()
            ctx.api = ApiClient(base, credentials.appid, credentials.secret)
            ctx.engine = SyncEngine(ctx.api, store, progress=ctx.progress, checked=ctx.verified)
    except BaseException:
        await ctx.aclose()
        raise
    return ctx
