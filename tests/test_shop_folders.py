"""Each shop identity has its own cache folder (config.shop_dir): switching between the demo
shop and a real one (or two real ones) never
mixes their caches; the first shop of a data dir keeps the data dir's own cache."""

from __future__ import annotations

import stat

import pytest

from seller_desktop.config import Paths, shop_dir, shop_identity
from seller_desktop.context import open_context


class _Settings:  # what open_context reads of ui.settings.Settings
    def __init__(self, appid="", api_base=""):
        self.appid, self.api_base = appid, api_base


def test_identities_differ_by_appid_and_demo():
    assert shop_identity("wx1") != shop_identity("wx2")
    assert shop_identity("wx1", demo=True) == "demo" != shop_identity("demo")


def test_first_shop_keeps_the_data_dir_others_get_their_own(tmp_path):
    paths = Paths.resolve(tmp_path / "d")
    assert shop_dir(paths, None) == paths.data_dir  # no account: claims nothing
    assert not (paths.data_dir / "shop.json").exists()
    assert shop_dir(paths, "demo") == paths.data_dir
    real = shop_dir(paths, shop_identity("wx1"))
    assert real.parent == paths.data_dir / "shops" and real != paths.data_dir
    assert stat.S_IMODE(real.stat().st_mode) == 0o700
    assert stat.S_IMODE((paths.data_dir / "shop.json").stat().st_mode) == 0o600
    assert shop_dir(paths, shop_identity("wx1")) == real  # stable
    assert shop_dir(paths, "demo") == paths.data_dir
    other = shop_dir(paths, shop_identity("wx2"))
    assert other not in (real, paths.data_dir)


def test_unreadable_marker_leaves_the_data_dirs_cache_alone(tmp_path):
    paths = Paths.resolve(tmp_path / "d")
    (paths.data_dir / "shop.json").write_text("{not json", encoding="utf-8")
    assert shop_dir(paths, "demo") != paths.data_dir


@pytest.mark.asyncio
async def test_demo_then_real_shop_never_share_a_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SELLER_DESKTOP_APPID", "wxreal0001")
    monkeypatch.setenv("SELLER_DESKTOP_SECRET", "s" * 32)
    paths = Paths.resolve(tmp_path / "d")
    demo = await open_context(paths, _Settings(), demo=True)
    try:
        demo_dir = demo.store.data_dir
    finally:
        await demo.aclose()
    real = await open_context(paths, _Settings("wxreal0001"), demo=False)
    try:
        assert real.store.data_dir != demo_dir
        assert real.store.path.parent == real.store.data_dir != paths.data_dir
    finally:
        await real.aclose()


def test_two_processes_claiming_a_data_dir_at_once_both_succeed(tmp_path, monkeypatch):
    """Two ``seller-desktop`` processes starting on one new data dir both write shop.json. With
    one shared temporary name, the second replace found it gone (ENOENT, exit 13 in CI). Here
    the other process writes its marker in between this one's write and its replace."""
    import os

    import seller_desktop.config as config

    paths = Paths.resolve(tmp_path / "d")
    real_replace = os.replace
    raced: list[str] = []

    def replace_after_the_other(src, dst):
        if not raced:
            raced.append("other")
            assert shop_dir(paths, "demo") == paths.data_dir  # the other process, all of it
        real_replace(src, dst)

    monkeypatch.setattr(config.os, "replace", replace_after_the_other)
    assert shop_dir(paths, "demo") == paths.data_dir
    assert raced and (paths.data_dir / "shop.json").read_text(encoding="utf-8")
    assert [p.name for p in paths.data_dir.iterdir() if p.name.endswith(".tmp")] == []
    assert stat.S_IMODE((paths.data_dir / "shop.json").stat().st_mode) == 0o600
