"""One sync of a data dir against a (hostile) server, in its own process so its peak memory can
be measured: prints one JSON line with the time taken, the growth of the peak RSS during the
sync, the report and the outbox as the sync left it.

    python hostile_child.py URL DATA_DIR CALL_DEADLINE SYNC_DEADLINE
"""

from __future__ import annotations

import asyncio
import json
import resource
import sqlite3
import sys
import time


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def main(url: str, data_dir: str, call_deadline: float, sync_deadline: float) -> None:
    from seller_desktop.api import orders as orders_api
    from seller_desktop.api import products as products_api
    from seller_desktop.api.client import ApiClient, RetryPolicy
    from seller_desktop.store import Store
    from seller_desktop.store import owner as cache_owner
    from seller_desktop.sync import SyncEngine

    # the page caps a small shop would never reach, scaled down so the suite stays fast
    orders_api.MAX_ORDERS_PER_WINDOW = 300
    products_api.MAX_PRODUCTS = 300
    store = Store.open(data_dir)
    store.reader().execute("SELECT count(*) FROM outbox").fetchone()
    # the shop the cache was synced for, now served by a broken server (a cache records its
    # shop: another AppID would be refused before anything is sent)
    appid = (cache_owner.owner(store.reader()) or "appid-wxhostile0000shop").removeprefix("appid-")
    retry = RetryPolicy(attempts=2, base_delay=0.01, max_delay=0.05, offline_after=2,
                        offline_cooldown=0.1)

    async def run() -> object:
        async with ApiClient(url, appid, "hostile-secret", timeout=5.0,
                             deadline=call_deadline, retry=retry) as api:
            engine = SyncEngine(api, store, order_days=91, deadline=sync_deadline)
            return await engine.run(full=True)

    if "--before" in sys.argv:  # the code before the fix had no deadlines: run it as it was
        async def run() -> object:
            async with ApiClient(url, appid, "hostile-secret", timeout=5.0,
                                 retry=retry) as api:
                return await SyncEngine(api, store, order_days=91).run(full=True)

    baseline = _peak_rss_mb()
    start = time.monotonic()
    report = asyncio.run(run())
    elapsed = time.monotonic() - start
    growth = _peak_rss_mb() - baseline
    rows = [dict(r) for r in store.reader().execute(
        "SELECT id, op, state, entity_id FROM outbox ORDER BY id")]
    titles = [r[0] for r in store.reader().execute("SELECT title FROM products")]
    images = [r[0] for r in store.reader().execute("SELECT draft_json FROM products")]
    store.close()
    print(json.dumps({
        "elapsed": elapsed, "rss_growth_mb": growth, "rows": rows,
        "stopped": report.stopped, "stop_error": type(report.stop_error).__name__,
        "errors": report.errors, "failed": report.failed,
        "max_title": max((len(t or "") for t in titles), default=0),
        "local_refs": sum(j.count("local:/") + j.count("local:..") for j in images),
        "hostile_product_cached": "777" in [r[0] for r in sqlite3.connect(
            f"{data_dir}/cache.sqlite3").execute("SELECT product_id FROM products")],
    }, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]))
