"""An incremental sync reads again only the part of its overlap that may hide a change (issue 12):
nothing changed, nothing is read twice; an order or case the lagging list hid is still read when
it shows; a server without a usable Date (none, garbled, far off, or moved) is read as before."""

from __future__ import annotations

from collections import Counter

import pytest

from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.store import Store
from seller_desktop.store.meta import Watermarks
from seller_desktop.sync import SyncEngine

from .helpers import control, sandbox_state

GET = "/channels/ec/order/get"
CASE_GET = "/channels/ec/aftersale/getaftersaleorder"
OVERLAP = 300  # the engine's default


def counted(sandbox: SandboxServer) -> Counter[str]:
    """The API requests since the last call, by path."""
    with sandbox.shop.lock:
        calls = Counter(sandbox.calls)
        sandbox.calls.clear()
    return calls


def followed(store: Store) -> int:
    """Gifts awaiting acceptance: read each run until they settle, whatever the overlap."""
    return store.reader().execute("SELECT count(*) FROM orders WHERE status = 12").fetchone()[0]


def status_of(store: Store, order_id: str) -> int:
    return store.reader().execute("SELECT status FROM orders WHERE order_id = ?",
                                  (order_id,)).fetchone()[0]


def marks(store: Store) -> dict[str, str]:
    return Watermarks(store.reader()).all()


def recent(url: str, since: int) -> set[str]:
    return {o for o, rec in sandbox_state(url)["orders"].items() if rec["update_time"] >= since}


def advance(url: str, seconds: int) -> int:
    return control(url, "/sandbox/clock/advance", {"seconds": seconds})["now"]


async def run(engine: SyncEngine, *, full: bool = False) -> None:
    report = await engine.run(full=full)
    assert report.stopped == "" and not report.errors, (report.stopped, report.errors)


async def extra_reads(engine: SyncEngine, store: Store, sandbox: SandboxServer) -> int:
    """One run; its order reads beyond the gifts it follows (read each run, see ``followed``)."""
    gifts = followed(store)
    counted(sandbox)
    await run(engine)
    return counted(sandbox)[GET] - gifts


async def changed_then_full_sync(engine: SyncEngine, sandbox: SandboxServer) -> tuple[int, str]:
    """Freeze the clock, change an order and open a case on it a moment before a full sync;
    returns (the clock then, the order)."""
    url = sandbox.url
    now = control(url, "/sandbox/clock/freeze", {"frozen": True})["now"]
    order = control(url, "/sandbox/order/create", {})["order_id"]
    control(url, "/sandbox/aftersale/open", {"order_id": order})
    advance(url, 10)
    await run(engine, full=True)
    return now, order


@pytest.mark.asyncio
async def test_nothing_changed_reads_no_order_or_case_again(
        engine: SyncEngine, store: Store, sandbox: SandboxServer) -> None:
    url = sandbox.url
    _, order = await changed_then_full_sync(engine, sandbox)
    synced = int(marks(store)["orders.synced_to"])
    assert synced == sandbox.shop.clock.now()  # the server's Date (the sandbox clock)
    overlap = recent(url, synced - OVERLAP)
    assert order in overlap and len(overlap) >= 2  # what the old sync read again each run
    # runs close together (each overlap spans several earlier runs) and 5 minutes apart
    for seconds in (30, 20, 60, 300, 1):
        advance(url, seconds)
        gifts = followed(store)
        counted(sandbox)
        await run(engine)
        calls = counted(sandbox)
        print(f"nothing changed after {seconds} s: {sum(calls.values())} requests, "
              f"{calls[GET]} order reads ({gifts} gifts followed), {calls[CASE_GET]} case reads")
        assert calls[GET] == gifts, (seconds, calls)
        assert calls[CASE_GET] == 0, (seconds, calls)


@pytest.mark.asyncio
async def test_an_order_changed_after_the_last_run_is_read(
        engine: SyncEngine, store: Store, sandbox: SandboxServer) -> None:
    url = sandbox.url
    await changed_then_full_sync(engine, sandbox)
    advance(url, 20)
    unpaid = control(url, "/sandbox/order/create", {"status": 10})["order_id"]
    advance(url, 3)  # within SLACK of the next watermark: in its new part
    await run(engine)
    assert status_of(store, unpaid) == 10
    control(url, "/sandbox/order/status", {"order_id": unpaid, "status": 20})
    advance(url, 1)
    gifts = followed(store)
    counted(sandbox)
    await run(engine)
    assert status_of(store, unpaid) == 20
    assert counted(sandbox)[GET] == gifts + 1


@pytest.mark.asyncio
async def test_an_order_the_lagging_list_hid_is_read_when_it_shows(
        engine: SyncEngine, store: Store, sandbox: SandboxServer) -> None:
    url = sandbox.url
    t0 = control(url, "/sandbox/clock/freeze", {"frozen": True})["now"]
    order = control(url, "/sandbox/order/create", {"status": 10})["order_id"]
    advance(url, 10)
    await run(engine, full=True)  # read after its watermark: the next run skips it
    assert status_of(store, order) == 10
    advance(url, 100)
    control(url, "/sandbox/order/status", {"order_id": order, "status": 20})  # at t0 + 110
    control(url, "/sandbox/list_lag", {"order_id": order, "seconds": 60})
    advance(url, 50)
    await run(engine)  # t0 + 160: the list does not show the change yet
    assert status_of(store, order) == 10, "the list lag should have hidden the change"
    advance(url, 100)
    # t0 + 260: the change (t0 + 110) lies in this run's overlap, before the last watermark
    assert int(marks(store)["orders.synced_to"]) - OVERLAP < t0 + 110 < \
        int(marks(store)["orders.synced_to"])
    await run(engine)
    assert status_of(store, order) == 20


@pytest.mark.asyncio
async def test_a_case_the_lagging_list_hid_is_read_when_it_shows(
        engine: SyncEngine, store: Store, sandbox: SandboxServer) -> None:
    url = sandbox.url
    _, order = await changed_then_full_sync(engine, sandbox)
    case_id = store.reader().execute("SELECT case_id FROM aftersale_cases WHERE order_id = ?",
                                     (order,)).fetchone()[0]
    advance(url, 20)
    control(url, "/sandbox/aftersale/cancel", {"after_sale_order_id": case_id})
    control(url, "/sandbox/list_lag", {"after_sale_order_id": case_id, "seconds": 60})
    advance(url, 30)
    await run(engine)

    def status() -> str:
        return store.reader().execute("SELECT status FROM aftersale_cases WHERE case_id = ?",
                                      (case_id,)).fetchone()[0]

    assert status() != "USER_CANCELD", "the list lag should have hidden the change"
    advance(url, 100)
    await run(engine)
    assert status() == "USER_CANCELD"


@pytest.mark.parametrize("mode, skew", [
    ("omit", 0), ("garbled", 0), ("clock", OVERLAP + 3600), ("clock", -(OVERLAP + 1)),
])
@pytest.mark.asyncio
async def test_without_a_usable_date_the_overlap_is_read_as_before(
        engine: SyncEngine, store: Store, sandbox: SandboxServer, mode: str, skew: int) -> None:
    url = sandbox.url
    control(url, "/sandbox/http_date", {"mode": mode, "skew": skew})
    await changed_then_full_sync(engine, sandbox)
    local = sandbox.shop.clock.now()  # the engine's clock in these tests
    assert marks(store)["orders.synced_to"] == str(local)  # our clock, never the lie
    assert marks(store)["orders.seen"] == ""
    advance(url, 30)
    overlap = recent(url, local - OVERLAP)
    gifts = followed(store)
    counted(sandbox)
    await run(engine)
    calls = counted(sandbox)
    print(f"no usable Date ({mode} {skew:+d}): {sum(calls.values())} requests, "
          f"{calls[GET]} order reads")
    assert calls[GET] == gifts + len(overlap - gift_ids(store))
    assert calls[CASE_GET] >= 1


def gift_ids(store: Store) -> set[str]:
    return {r[0] for r in store.reader().execute("SELECT order_id FROM orders WHERE status = 12")}


@pytest.mark.asyncio
async def test_a_server_clock_that_moved_since_the_last_run_is_not_trusted(
        engine: SyncEngine, store: Store, sandbox: SandboxServer) -> None:
    url = sandbox.url
    await changed_then_full_sync(engine, sandbox)
    synced = int(marks(store)["orders.synced_to"])
    overlap = recent(url, synced - OVERLAP) - gift_ids(store)
    control(url, "/sandbox/http_date", {"skew": -100})  # within the overlap, but it moved
    advance(url, 30)
    assert await extra_reads(engine, store, sandbox) == len(overlap)
    assert int(marks(store)["orders.synced_to"]) == sandbox.shop.clock.now() - 100
    control(url, "/sandbox/http_date", {"skew": 0})  # and back: moved again
    advance(url, 30)
    assert await extra_reads(engine, store, sandbox) == len(overlap)
    advance(url, 30)  # the offset holds still: trusted again
    assert await extra_reads(engine, store, sandbox) == 0


@pytest.mark.asyncio
async def test_the_scenario_clock_moving_on_an_hour_is_followed(
        engine: SyncEngine, store: Store, sandbox: SandboxServer) -> None:
    url = sandbox.url
    await changed_then_full_sync(engine, sandbox)
    advance(url, 3600)
    new = control(url, "/sandbox/order/create", {})["order_id"]
    advance(url, 10)
    waiting = gift_ids(store)  # before the run: a gift may have expired in that hour
    counted(sandbox)
    await run(engine)
    assert counted(sandbox)[GET] == len(waiting) + 1
    assert status_of(store, new) == 20
    advance(url, 60)
    # A followed gift is read before the run knows the server's clock, so a gift that settled
    # (its update_time in this overlap) is read once more; nothing else is.
    settled = waiting - gift_ids(store)
    assert await extra_reads(engine, store, sandbox) == len(settled)


@pytest.mark.asyncio
async def test_a_damaged_seen_mark_reads_the_overlap_again(
        engine: SyncEngine, store: Store, sandbox: SandboxServer) -> None:
    url = sandbox.url
    await changed_then_full_sync(engine, sandbox)
    synced = int(marks(store)["orders.synced_to"])
    overlap = recent(url, synced - OVERLAP) - gift_ids(store)
    for damaged in ('{"runs": [{"at": "x"}]}', "[1, 2", '{"runs": []}'):
        await store.writer.write(lambda conn, text=damaged: Watermarks(conn).set(
            "orders.seen", text))
        advance(url, 1)
        assert await extra_reads(engine, store, sandbox) == len(overlap), damaged



@pytest.mark.asyncio
async def test_a_running_server_clock_ahead_of_ours_with_our_wall_clock(
        api, store: Store, sandbox: SandboxServer) -> None:
    """The app's case: our clock is the wall clock, the server's runs on (here 40 s ahead, within
    the overlap); whole seconds and latency wobble the offset, not the outcome."""
    url = sandbox.url
    engine = SyncEngine(api, store, order_days=91)  # the wall clock
    order = control(url, "/sandbox/order/create", {})["order_id"]
    advance(url, 40)
    await run(engine, full=True)
    assert abs(int(marks(store)["orders.synced_to"]) - sandbox.shop.clock.now()) <= 2
    assert order in recent(url, int(marks(store)["orders.synced_to"]) - OVERLAP)
    for _ in range(3):
        assert await extra_reads(engine, store, sandbox) == 0
    control(url, "/sandbox/order/status", {"order_id": order, "status": 250})
    await run(engine)
    assert status_of(store, order) == 250
