"""The asyncio event loop the window runs on: qasync's, with cancelled timers taken out of Qt.

qasync (0.28) turns every ``call_later`` into a Qt timer and keeps it registered until it fires,
even when its handle was cancelled long before. httpx (through anyio) arms a timeout around
every read and write of every request and cancels it milliseconds later, so a full sync left
tens of thousands of dead 15–30 s timers in Qt. Qt aligns long coarse timers to whole seconds,
so from 15 s into a sync on they came due together once a second and the loop spent 30–60 ms
dispatching them: the periodic stalls ``tests/benchmarks/bench_ui.py`` measured. Here a
cancelled handle kills its Qt timer at once (unless it is the one running: qasync removes it).
"""

from __future__ import annotations

import asyncio
from typing import Any

import qasync


def _callbacks(timer: Any) -> dict[int, asyncio.Handle]:
    """qasync's ``_SimpleTimer`` table of timer id → handle (private; qasync is pinned)."""
    return timer._SimpleTimer__callbacks


class _TimerHandle(asyncio.Handle):
    """A delayed callback that, when cancelled before it fires, unregisters its Qt timer."""

    __slots__ = ("_qt_fired", "_qt_timer", "_qt_timer_id")

    def _run(self) -> None:
        # qasync drops the table entry itself once this returns: a callback that cancels its
        # own handle (anyio's deadline does) must leave it there, or qasync raises KeyError
        self._qt_fired = True
        super()._run()

    def cancel(self) -> None:
        if self._cancelled:
            return
        super().cancel()
        if self._qt_fired:
            return
        table = _callbacks(self._qt_timer)
        if table.get(self._qt_timer_id) is self:  # not fired yet (Qt reuses timer ids)
            del table[self._qt_timer_id]
            self._qt_timer.killTimer(self._qt_timer_id)


class QEventLoop(qasync.QEventLoop):
    """``qasync.QEventLoop`` whose delayed callbacks leave Qt when they are cancelled."""

    def call_later(self, delay: float, callback: Any, *args: Any,
                   context: Any = None) -> asyncio.Handle:
        if delay <= 0:  # due at once: nothing would linger
            return super().call_later(delay, callback, *args, context=context)
        if asyncio.iscoroutinefunction(callback) or not callable(callback):  # as qasync checks
            return super().call_later(delay, callback, *args, context=context)
        timer = self._timer
        handle = _TimerHandle(callback, args, self, context=context)
        handle._qt_timer = timer
        handle._qt_fired = False
        # what qasync's ``_SimpleTimer.add_callback`` does, keeping the timer id
        handle._qt_timer_id = timer.startTimer(int(delay * 1000))
        _callbacks(timer)[handle._qt_timer_id] = handle
        return handle
