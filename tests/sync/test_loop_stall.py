"""The event loop never stalls for 50 ms during a full sync of a mid-size shop.

The UI runs sync on the Qt loop; a 5 ms heartbeat records the longest gap between its ticks
while a full sync of 300 products / 3,000 orders runs against a sandbox in another process.

Two readings per gap: wall time (what the seller feels) and the loop thread's CPU time (how
long our code kept the loop busy). The CPU reading must stay under 50 ms always. The wall
reading also includes time the OS gave the CPU to other processes; it must stay under 50 ms
too, except on a machine that is itself overloaded (load average above its CPU count), where
the test reports an expected failure with the numbers instead of blaming the sync for the
scheduler.
"""

from __future__ import annotations

import asyncio
import gc
import os
import sys
import time
from collections.abc import Iterator

import pytest

from seller_desktop.store import Store
from seller_desktop.sync import SyncEngine
from seller_desktop.sync.engine import NO_FULL_COLLECTION, SWITCH_INTERVAL
from seller_desktop.sync.progress import Progress

from .helpers import SandboxProcess

BUDGET = 0.050
BEAT = 0.005


@pytest.fixture(scope="module")
def mid_shop() -> Iterator[SandboxProcess]:
    # niced: the emulator must not take the CPU the measured loop needs on a small machine
    server = SandboxProcess("--seed", "3", "--products", "300", "--orders", "3000",
                            "--gift-orders", "20", nice=10)
    try:
        yield server
    finally:
        server.close()


@pytest.mark.asyncio
async def test_full_sync_keeps_the_loop_responsive(mid_shop: SandboxProcess, data_dir) -> None:
    store = Store.open(data_dir)
    client = mid_shop.client()
    wall_gaps: list[float] = []
    cpu_gaps: list[float] = []
    stop = asyncio.Event()
    # The process's first request imports httpx's async backend (anyio) lazily, a one-time
    # start-up cost (~40 ms here) the app pays when it first goes online, not per sync.
    started = time.perf_counter()
    await client.access_token()
    first = time.perf_counter() - started

    async def heartbeat() -> None:
        last, last_cpu = time.perf_counter(), time.thread_time()
        while not stop.is_set():
            await asyncio.sleep(BEAT)
            now, now_cpu = time.perf_counter(), time.thread_time()
            wall_gaps.append(now - last - BEAT)
            cpu_gaps.append(now_cpu - last_cpu)
            last, last_cpu = now, now_cpu

    beat = asyncio.ensure_future(heartbeat())
    try:
        report = await SyncEngine(client, store).run(full=True)
    finally:
        stop.set()
        await beat
        await client.aclose()
        store.close()
    assert report.stop_error is None, report.stopped
    assert report.orders >= 2900 and report.products >= 300
    wall, cpu = max(wall_gaps), max(cpu_gaps)
    load = os.getloadavg()[0]
    print(f"loop stall: worst wall gap {wall * 1000:.1f} ms, worst busy {cpu * 1000:.1f} ms, "
          f"{len(wall_gaps)} beats, load average {load:.1f}; first request {first * 1000:.0f} ms")
    assert cpu < BUDGET, f"our code kept the loop busy for {cpu * 1000:.1f} ms"
    if wall >= BUDGET and load > (os.cpu_count() or 1):
        pytest.xfail(f"wall gap {wall * 1000:.1f} ms on an overloaded machine "
                     f"(load {load:.1f}); the loop itself was busy at most {cpu * 1000:.1f} ms")
    assert wall < BUDGET, f"the loop stalled for {wall * 1000:.1f} ms"


@pytest.mark.asyncio
async def test_a_run_holds_off_full_collections_and_restores_the_settings(
        engine: SyncEngine) -> None:
    """During a run: no automatic full GC pass (its cost grew with the shop), the app's heap
    frozen, a short switch interval; afterwards the process's own settings come back."""
    before = gc.get_threshold(), sys.getswitchinterval(), gc.get_freeze_count()
    seen: list[tuple[int, float, int]] = []
    engine.ctx.progress = Progress(lambda step, done, total: seen.append(
        (gc.get_threshold()[2], sys.getswitchinterval(), gc.get_freeze_count())))
    report = await engine.run(full=True)
    assert report.stopped == "", report.stopped
    assert seen
    assert all(t == NO_FULL_COLLECTION and si <= SWITCH_INTERVAL and frozen > 0
               for t, si, frozen in seen)
    assert (gc.get_threshold(), sys.getswitchinterval(), gc.get_freeze_count()) == before
