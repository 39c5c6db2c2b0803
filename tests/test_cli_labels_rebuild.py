"""After a rebuild, ``seller-desktop labels`` takes and prints with the sender address the
seller chose for the account, not the account's default: a damaged cache (a real one, pages
overwritten) is rebuilt as the window's 重建 does, and the next label run's waybill request
and PDF carry the chosen address. Against the sandbox on loopback."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from sandbox_support import serve
from store.factories import make_order
from sync.test_rebuild_push import wreck_the_middle
from workflows.helpers import code128_per_page, new_orders, pdf_text, sandbox_state

from seller_desktop.cli_labels import main
from seller_desktop.domain.waybill import SenderAddress
from seller_desktop.ops import shipping as shipping_ops
from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.store import CorruptCache, Store
from seller_desktop.store.db import CACHE_NAME
from seller_desktop.store.orders import OrderRepo
from seller_desktop.store.rebuild import rebuild_cache

ACCOUNT = "7001001"  # YTO; its own sender_address is the sandbox's 大源北路88号仓储园3栋
CHOSEN = SenderAddress("退货仓李四", "13912345678", "浙江省", "杭州市", "余杭区",
                       "文一西路1号退货仓", "仓前街道")


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    yield from serve(seed=9, products=8, orders=10, gift_orders=1)


@pytest.fixture
def creds(sandbox: SandboxServer, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = sandbox.shop.config
    monkeypatch.setenv("SELLER_DESKTOP_APPID", cfg.appid)
    monkeypatch.setenv("SELLER_DESKTOP_SECRET", cfg.secret)


def _labels(sandbox: SandboxServer, data_dir: Path, order_id: str, pdf: Path) -> None:
    code = main(["--api-base", sandbox.url, "--data-dir", str(data_dir), "--orders", order_id,
                 "--account", ACCOUNT, "--pdf", str(pdf)])
    assert code == 0


def test_labels_after_a_rebuild_use_the_chosen_sender(
        sandbox: SandboxServer, creds: None, data_dir: Path, tmp_path: Path, qapp) -> None:
    first, second = new_orders(sandbox.url, 2)
    _labels(sandbox, data_dir, first, tmp_path / "a.pdf")  # the cache: synced, claimed
    with Store.open(data_dir) as store:
        asyncio.run(shipping_ops.save_sender(store, ACCOUNT, CHOSEN))
        store.writer.write_sync(lambda c: OrderRepo(c).upsert_many(
            make_order(900_000 + i) for i in range(3000)), durable=False)
    wreck_the_middle(data_dir / CACHE_NAME)
    with pytest.raises(CorruptCache):
        Store.open(data_dir)
    assert rebuild_cache(data_dir).settings_lost is False

    _labels(sandbox, data_dir, second, tmp_path / "b.pdf")
    (taken,) = [w for w in sandbox_state(sandbox.url)["ewaybills"].values()
                if [str(o["ec_order_id"]) for o in w["ec_order_list"]] == [second]]
    assert taken["sender"]["name"] == CHOSEN.name
    assert taken["sender"]["address"] == CHOSEN.address
    text = pdf_text(tmp_path / "b.pdf")
    assert CHOSEN.name in text and "文一西路1号退货仓" in text
    assert "大源北路88号" not in text  # not the account's default return address
    assert len(code128_per_page(tmp_path / "b.pdf")) == 1
