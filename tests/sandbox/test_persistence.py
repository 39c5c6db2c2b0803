"""Saving and loading the shop (--state FILE): round trip, atomic throttled saves, reindex."""

from __future__ import annotations

import json
import threading
import time

from seller_desktop.sandbox.demo import build_demo_shop
from seller_desktop.sandbox.persistence import load_shop, save_shop
from seller_desktop.sandbox.server import SandboxServer

from .helpers import control, ok, stable_token
from .product_helpers import add, get


def test_save_load_round_trip(tmp_path):
    shop = build_demo_shop(seed=5, products=20, orders=10, gift_orders=2)
    shop.clock.advance(1234)
    shop.clock.freeze()
    path = tmp_path / "shop.json"
    save_shop(shop, path)
    loaded = load_shop(path)
    assert loaded.products == shop.products
    assert loaded.orders == shop.orders
    assert loaded.images == shop.images
    assert loaded.info == shop.info
    assert loaded.counters == shop.counters
    assert loaded.clock.offset == 1234
    assert loaded.clock.now() == shop.clock.now()
    assert loaded.config == shop.config
    assert [p.name for p in tmp_path.iterdir()] == ["shop.json"]  # no temp files left


def test_server_saves_after_writes_and_on_stop(tmp_path):
    path = tmp_path / "state.json"
    shop = build_demo_shop(seed=2, products=10, orders=0, gift_orders=0)
    server = SandboxServer(shop, state_file=path)
    url = server.start()
    try:
        tok = stable_token(url, shop.config.appid, shop.config.secret)["access_token"]
        pid = add(url, tok)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            if path.exists() and pid in json.loads(path.read_text("utf-8"))["products"]:
                break
            time.sleep(0.05)
        assert pid in json.loads(path.read_text("utf-8"))["products"]
        control(url, "/sandbox/clock/advance", {"seconds": 50})
    finally:
        server.stop()
    assert server.errors == []
    saved = json.loads(path.read_text("utf-8"))
    assert saved["clock_offset"] == 50

    # a new server on the loaded state: same token still valid, same products, ids continue
    again = SandboxServer(load_shop(path))
    url2 = again.start()
    try:
        assert get(url2, tok, pid)["edit_product"]["product_id"] == pid
        pid2 = add(url2, tok)
        assert int(pid2) > int(pid)
    finally:
        again.stop()
    assert again.errors == []


def test_review_pending_at_save_still_finishes_after_load(tmp_path):
    shop = build_demo_shop(seed=3, products=5, orders=0, gift_orders=0)
    server = SandboxServer(shop)
    url = server.start()
    try:
        tok = stable_token(url, shop.config.appid, shop.config.secret)["access_token"]
        pid = add(url, tok, listing=1)
    finally:
        server.stop()
    path = tmp_path / "s.json"
    save_shop(shop, path)
    loaded = load_shop(path)
    server = SandboxServer(loaded)
    url = server.start()
    try:
        control(url, "/sandbox/clock/advance", {"seconds": 600})
        product = ok(url, "/channels/ec/product/get", {"product_id": pid}, token=tok)["product"]
        assert product["status"] == 5
    finally:
        server.stop()


def test_state_is_serialized_outside_the_lock_from_a_snapshot(tmp_path, monkeypatch):
    from seller_desktop.sandbox import persistence

    shop = build_demo_shop(seed=6, products=10, orders=5, gift_orders=0)
    pid = next(iter(shop.products))
    title = shop.products[pid]["edit_product"]["title"]
    real_dumps = json.dumps
    seen = {}

    def dumps(obj, **kw):
        # another thread (a request) can take the lock while the JSON is built ...
        def grab():
            got = shop.lock.acquire(timeout=2)
            seen["lock_free"] = got
            if got:
                # ... and change records in place without changing what is being saved
                shop.products[pid]["edit_product"]["title"] = "改过的标题"
                shop.lock.release()
        t = threading.Thread(target=grab)
        t.start()
        t.join()
        return real_dumps(obj, **kw)

    monkeypatch.setattr(persistence.json, "dumps", dumps)
    path = tmp_path / "s.json"
    save_shop(shop, path)
    monkeypatch.undo()
    assert seen["lock_free"] is True
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["products"][pid]["edit_product"]["title"] == title
    assert shop.products[pid]["edit_product"]["title"] == "改过的标题"


def test_state_file_keeps_only_the_last_log_entries(tmp_path):
    from seller_desktop.sandbox.persistence import LOG_KEEP

    shop = build_demo_shop(seed=6, products=5, orders=0, gift_orders=0)
    shop.log = [{"t": i, "op": "x", "n": i} for i in range(LOG_KEEP + 500)]
    path = tmp_path / "s.json"
    save_shop(shop, path)
    assert len(shop.log) == LOG_KEEP + 500  # memory untouched
    loaded = load_shop(path)
    assert [e["n"] for e in loaded.log] == list(range(500, LOG_KEEP + 500))


def test_saves_are_spaced_by_ten_times_the_last_duration(tmp_path):
    from seller_desktop.sandbox.persistence import Saver

    shop = build_demo_shop(seed=6, products=5, orders=0, gift_orders=0)
    saver = Saver(shop, tmp_path / "s.json", min_interval=0.01)
    try:
        shop.dirty = True
        saver.notify()
        deadline = time.monotonic() + 10
        while saver.saves < 1 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert saver.saves == 1
        saver.last_duration = 0.3  # as if that dump took 0.3 s
        assert saver.gap() >= 3.0
        shop.dirty = True
        saver.notify()
        time.sleep(1.0)
        assert saver.saves == 1  # still waiting out the gap
    finally:
        started = time.monotonic()
        saver.close()
    assert saver.saves == 2 and time.monotonic() - started < 5  # close does not wait the gap
