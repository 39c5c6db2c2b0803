"""Every command opens the cache folder the window opens for the same flags (``--demo``, or the
configured shop): the demo shop's outbox is never pushed to a real shop, nor a real shop's
cases synced into the demo cache. The window's folders come from ``context.open_context``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sandbox_support import control, serve

from seller_desktop import cli_aftersale, cli_labels, cli_sync
from seller_desktop.cli_exit import Exit
from seller_desktop.config import Paths
from seller_desktop.context import open_context
from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.store import Store


class _Settings:  # what open_context reads of ui.settings.Settings
    def __init__(self, appid: str = "") -> None:
        self.appid, self.api_base = appid, ""


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    yield from serve(seed=9, products=8, orders=10, gift_orders=1)


async def _window_folder(paths: Paths, appid: str, demo: bool) -> Path:
    ctx = await open_context(paths, _Settings(appid), demo=demo)
    try:
        return ctx.store.data_dir
    finally:
        await ctx.aclose()


@pytest.mark.asyncio
@pytest.mark.parametrize("first", ["demo", "real"])
async def test_each_command_opens_the_windows_folder_for_its_flags(
        first: str, sandbox: SandboxServer, data_dir: Path, tmp_path: Path, qapp,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import asyncio

    cfg = sandbox.shop.config
    monkeypatch.setenv("SELLER_DESKTOP_APPID", cfg.appid)
    monkeypatch.setenv("SELLER_DESKTOP_SECRET", cfg.secret)
    paths = Paths.resolve(data_dir)
    order = [True, False] if first == "demo" else [False, True]  # who claims the data dir
    window = {demo: await _window_folder(paths, cfg.appid, demo) for demo in order}
    assert window[True] != window[False]

    opened: list[Path] = []
    real_open = Store.open

    def spy(cls, folder, *args, **kwargs):  # records the folder, opens it for real
        opened.append(Path(folder))
        return real_open(folder, *args, **kwargs)

    monkeypatch.setattr(Store, "open", classmethod(spy))
    pdf = str(tmp_path / "x.pdf")
    commands = {
        "sync": lambda shop: cli_sync.main([*shop, "--quiet"]),
        "labels": lambda shop: cli_labels.main([*shop, "--orders", "1", "--pdf", pdf]),
        "picklist": lambda shop: cli_labels.main_picklist(
            [a for a in shop if a != "--api-base" and a != sandbox.url]
            + ["--orders", "1", "--pdf", pdf]),
        "aftersale": lambda shop: cli_aftersale.main([*shop, "--json"]),
    }
    for name, run in commands.items():
        for demo in (True, False):
            flags = ["--demo"] if demo else ["--api-base", sandbox.url]
            opened.clear()
            await asyncio.to_thread(run, ["--data-dir", str(data_dir), *flags])
            assert opened == [window[demo]], (name, flags, capsys.readouterr())


def test_aftersale_never_mixes_the_demo_shop_and_a_real_one(
        sandbox: SandboxServer, data_dir: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """The demo shop first (it keeps the data dir), then a real shop with a new case: each
    list is its own shop's cases, and nothing of the demo's cache reaches the real shop."""
    from seller_desktop.sandbox.persistence import load_shop

    cfg = sandbox.shop.config
    monkeypatch.setenv("SELLER_DESKTOP_APPID", cfg.appid)
    monkeypatch.setenv("SELLER_DESKTOP_SECRET", cfg.secret)
    base = ["--data-dir", str(data_dir)]

    def listed(*flags: str) -> set[tuple[str, str]]:
        assert cli_aftersale.main([*base, *flags, "--json"]) == Exit.OK
        return {(r["case_id"], r["order_id"]) for r in json.loads(capsys.readouterr().out)}

    def cases(shop) -> set[tuple[str, str]]:
        return {(cid, str(rec["order_id"])) for cid, rec in shop.aftersales.items()}

    assert listed("--demo") == cases(load_shop(Paths.resolve(data_dir).demo_state_file))
    oid = control(sandbox.url, "/sandbox/order/create", {"status": 20})["order_id"]
    control(sandbox.url, "/sandbox/aftersale/open", {"order_id": oid})
    assert listed("--api-base", sandbox.url) == cases(sandbox.shop)  # before: the demo's too
    assert listed("--demo") == cases(load_shop(Paths.resolve(data_dir).demo_state_file))
