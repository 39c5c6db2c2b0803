"""A cache records the shop it belongs to (``store/owner.py``): the first sync records it, and a
sync for another shop, from the window, the CLI or the engine itself, is refused before anything
is pulled into the cache or pushed from it. A data dir's cache made before per-shop folders
goes only to the shop it records or account.json names (``config.shop_dir``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from seller_desktop import cli_sync
from seller_desktop.cli_exit import Exit
from seller_desktop.config import SHOP_MARKER, Paths, shop_dir, shop_identity
from seller_desktop.ops import products as product_ops
from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.store import OtherShopsCache, Store, outbox
from seller_desktop.store import owner as cache_owner
from seller_desktop.store.meta import Watermarks
from seller_desktop.sync import SyncEngine

from .conftest import make_client
from .helpers import sandbox_log
from .test_push import on_sale_product

STOCK = "/channels/ec/product/stock/update"
NOTES = "/channels/ec/order/merchantnotes/update"
OTHER = "appid-wxother00000001"


def other_shops_cache(folder: Path, owner: str | None = OTHER) -> None:
    """A cache of another shop (``None``: made before caches recorded their shop), with one
    unsynced change of its own."""
    with Store.open(folder) as store:
        if owner is not None:
            store.writer.write_sync(lambda c: Watermarks(c).set(cache_owner.SHOP_KEY, owner))
        store.writer.write_sync(lambda c: outbox.enqueue(
            c, "order", "1", "merchant_note", {"order_id": "1", "notes": "另一个店铺的备注"}))


def pending(folder: Path) -> int:
    with Store.open(folder) as store:
        return outbox.pending_count(store.reader())


@pytest.mark.asyncio
async def test_the_first_sync_records_the_shop_and_another_shop_is_refused(
        engine: SyncEngine, store: Store, sandbox: SandboxServer) -> None:
    appid = sandbox.shop.config.appid
    await engine.run(full=True)
    assert cache_owner.owner(store.reader()) == cache_owner.identity(appid)
    pid = on_sale_product(store)
    sku = store.reader().execute("SELECT sku_id FROM skus WHERE product_id = ? LIMIT 1",
                                 (pid,)).fetchone()[0]
    await product_ops.change_stock(store, pid, str(sku), 3)
    store.writer.write_sync(lambda c: Watermarks(c).set(cache_owner.SHOP_KEY, OTHER))
    orders = store.reader().execute("SELECT count(*) FROM orders").fetchone()[0]
    for shop in (None, "demo"):  # the API's shop, and the demo shop: neither owns it
        store.shop = shop
        other = SyncEngine(make_client(sandbox.url, sandbox), store, order_days=91,
                           clock=sandbox.shop.clock.now)
        try:
            for call in (other.run, other.push, other.pull):
                with pytest.raises(OtherShopsCache) as refused:
                    await call()
                assert "属于另一个店铺" in str(refused.value) and "wxother" in str(refused.value)
        finally:
            await other.api.aclose()
    assert sandbox_log(sandbox.url, STOCK) == []  # nothing pushed
    assert outbox.pending_count(store.reader()) == 1
    assert store.reader().execute("SELECT count(*) FROM orders").fetchone()[0] == orders
    assert cache_owner.owner(store.reader()) == OTHER  # and nothing re-recorded


@pytest.mark.asyncio
async def test_credentials_of_another_shop_than_the_cache_was_opened_for_are_refused(
        store: Store, sandbox: SandboxServer) -> None:
    store.shop = OTHER  # opened for wxother, the API credentials are the sandbox's
    engine = SyncEngine(make_client(sandbox.url, sandbox), store, order_days=91)
    try:
        with pytest.raises(OtherShopsCache):
            await engine.run()
    finally:
        await engine.api.aclose()
    assert cache_owner.owner(store.reader()) is None
    assert store.reader().execute("SELECT count(*) FROM products").fetchone()[0] == 0


def test_a_legacy_cache_goes_only_to_the_shop_of_account_json(tmp_path: Path) -> None:
    paths = Paths.resolve(tmp_path / "d")
    other_shops_cache(paths.data_dir, owner=None)
    # no account.json: nobody can prove it is theirs, so nobody gets it
    for identity in ("demo", shop_identity("wxB"), shop_identity("wxA")):
        assert shop_dir(paths, identity) != paths.data_dir
    assert not (paths.data_dir / SHOP_MARKER).exists()
    (paths.data_dir / "account.json").write_text(json.dumps({"appid": "wxA"}))
    assert shop_dir(paths, "demo") != paths.data_dir
    assert shop_dir(paths, shop_identity("wxB")) != paths.data_dir
    assert shop_dir(paths, shop_identity("wxA")) == paths.data_dir
    marker = json.loads((paths.data_dir / SHOP_MARKER).read_text())
    assert marker == {"identity": shop_identity("wxA")}


def test_a_legacy_cache_that_records_its_shop_goes_to_that_shop(tmp_path: Path) -> None:
    paths = Paths.resolve(tmp_path / "d")
    other_shops_cache(paths.data_dir, owner=shop_identity("wxA"))
    (paths.data_dir / "account.json").write_text(json.dumps({"appid": "wxB"}))  # changed since
    assert shop_dir(paths, shop_identity("wxB")) != paths.data_dir
    assert shop_dir(paths, "demo") != paths.data_dir
    assert shop_dir(paths, shop_identity("wxA")) == paths.data_dir


@pytest.fixture
def cli(data_dir: Path, sandbox: SandboxServer, monkeypatch, capsys):
    cfg = sandbox.shop.config
    monkeypatch.setenv("SELLER_DESKTOP_APPID", cfg.appid)
    monkeypatch.setenv("SELLER_DESKTOP_SECRET", cfg.secret)

    def run(*extra: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = cli_sync.main(["--api-base", sandbox.url, "--data-dir", str(data_dir),
                              "--quiet", "--order-days", "91", *extra])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_cli_sync_of_a_legacy_data_dir_leaves_another_shops_cache_alone(
        cli, data_dir: Path, sandbox: SandboxServer) -> None:
    other_shops_cache(data_dir)  # no shop.json: before per-shop folders
    code, out, err = cli("--full")
    assert code == Exit.OK, err
    assert sandbox_log(sandbox.url, NOTES) == []
    assert pending(data_dir) == 1  # its own change is still waiting for its own shop
    own = shop_dir(Paths.resolve(data_dir), shop_identity(sandbox.shop.config.appid))
    assert own != data_dir
    with Store.open(own) as store:
        assert cache_owner.owner(store.reader()) == shop_identity(sandbox.shop.config.appid)


def test_cli_sync_refuses_a_data_dir_claimed_for_it_whose_cache_is_another_shops(
        cli, data_dir: Path, sandbox: SandboxServer) -> None:
    """shop.json names the shop syncing (the old "first to ask" rule gave it the data dir) but
    the cache records another shop: exit 11, said plainly, nothing sent or pulled."""
    other_shops_cache(data_dir)
    (data_dir / SHOP_MARKER).write_text(json.dumps(
        {"identity": shop_identity(sandbox.shop.config.appid)}))
    code, out, err = cli()
    assert code == Exit.CACHE, (out, err)
    assert "belongs to another shop (AppID wxother00000001)" in err, err
    assert "nothing was sent" in err
    assert sandbox_log(sandbox.url, NOTES) == []
    assert pending(data_dir) == 1
    with Store.open(data_dir) as store:
        assert store.reader().execute("SELECT count(*) FROM orders").fetchone()[0] == 0

