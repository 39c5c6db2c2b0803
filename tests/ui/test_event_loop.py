"""The window's event loop: a cancelled delayed callback leaves Qt at once (qasync kept it as
a live Qt timer until it came due; httpx's per-read timeouts piled up into once-a-second
stalls during a sync)."""

from __future__ import annotations

import asyncio

import pytest

from seller_desktop.ui.event_loop import QEventLoop, _callbacks

pytestmark = [pytest.mark.asyncio, pytest.mark.qt_loop]


async def test_the_tests_run_on_the_windows_loop():
    assert isinstance(asyncio.get_running_loop(), QEventLoop)


async def test_a_cancelled_timer_is_unregistered_at_once():
    loop = asyncio.get_running_loop()
    table = _callbacks(loop._timer)
    before = len(table)
    handles = [loop.call_later(30, pytest.fail, "a cancelled callback ran") for _ in range(100)]
    assert len(table) == before + 100
    for handle in handles:
        handle.cancel()
    assert len(table) == before
    handles[0].cancel()  # twice: nothing more happens


async def test_delayed_callbacks_still_run_once_and_in_order():
    loop = asyncio.get_running_loop()
    ran: list[str] = []
    loop.call_later(0.03, ran.append, "late")
    loop.call_later(0.01, ran.append, "early")
    skipped = loop.call_later(0.02, ran.append, "cancelled")
    skipped.cancel()
    fired = loop.call_later(0.005, ran.append, "first")
    await asyncio.sleep(0.1)
    assert ran == ["first", "early", "late"]
    fired.cancel()  # after it ran: must not touch a timer id Qt may have reused
    await asyncio.wait_for(asyncio.sleep(0.01), timeout=1)  # timeouts (call_later) still work
    assert len(_callbacks(loop._timer)) <= 1


async def test_a_callback_that_cancels_its_own_timer(qtbot):
    """anyio's cancel scopes cancel their deadline handle from inside its own callback (a
    timeout that fires); qasync then found the timer gone and raised KeyError in Qt's event
    loop, a failure that came and went with the machine's load."""
    loop = asyncio.get_running_loop()
    ran: list[bool] = []
    handles: list[asyncio.Handle] = []

    def fire() -> None:
        ran.append(True)
        handles[0].cancel()

    handles.append(loop.call_later(0.005, fire))
    with qtbot.captureExceptions() as caught:
        await asyncio.sleep(0.05)
    assert ran == [True] and caught == []
