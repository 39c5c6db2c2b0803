"""Runs the sync engine from the window: on demand (立即同步, F5), on a timer, at start, and a
push shortly after the seller changed something.

One run at a time; progress arrives as signals; a finished run publishes its ChangeSet through
``Events``; failures are reported, never raised into Qt. ``schedule_push()`` pushes within
seconds (debounced ``PUSH_DELAY_MS``, at most ``PUSH_MAX_WAIT_MS`` after the first change),
never during a run, and while offline (or on unreadable replies) retries every
``PUSH_OFFLINE_RETRY_MS``. The timings and why: docs/architecture.md, "The window".
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ..api.errors import MalformedResponse
from ..domain import timeutil
from ..domain.changes import ChangeSet
from ..store import StoreError
from .events import Events
from .settings import Settings
from .storage_text import describe

log = logging.getLogger("seller_desktop.ui")

PUSH_DELAY_MS = 1_500
PUSH_MAX_WAIT_MS = 5_000
PUSH_OFFLINE_RETRY_MS = 30_000


class SyncController(QObject):
    started = Signal()
    progress = Signal(str, int, object)  # step, done, total (None when unknown)
    finished = Signal(object)  # the SyncReport, or None when the run raised
    failed = Signal(str)  # what went wrong, in the seller's words
    online_changed = Signal(bool)

    def __init__(self, engine: Any, events: Events, settings: Settings,
                 clock: Callable[[], int] = timeutil.now, progress_relay: Any = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        if progress_relay is not None:
            progress_relay.target = self._progress
        self.events = events
        self.settings = settings
        self.clock = clock
        self.task: asyncio.Task | None = None
        self._task_is_push = False
        self._busy = False
        self._push_wanted = False
        self._push_since: float | None = None  # monotonic time of the first change not yet pushed
        self._offline_wait = False  # the push waits PUSH_OFFLINE_RETRY_MS (offline)
        self._unreadable = False  # the last push or run stopped on unreadable replies
        self.push_timer = QTimer(self, singleShot=True)
        self.push_timer.timeout.connect(self._push_due)
        self.last_report: Any = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(lambda: self.sync_now())
        self.apply_interval()
        api = getattr(engine, "api", None)
        if api is not None and hasattr(api, "on_state_change"):
            api.on_state_change.append(self.online_changed.emit)
        self.online_changed.connect(self._online_changed)

    @property
    def available(self) -> bool:
        return self.engine is not None

    @property
    def running(self) -> bool:
        return self._busy

    @property
    def online(self) -> bool:
        api = getattr(self.engine, "api", None)
        return bool(api is not None and api.online)

    @property
    def reachable(self) -> bool:
        """Online, and the last push or run could read the store's replies."""
        return self.online and not self._unreadable

    def _note_stop(self, report: Any) -> None:
        self._unreadable = isinstance(getattr(report, "stop_error", None), MalformedResponse)

    def apply_interval(self) -> None:
        minutes = max(1, int(self.settings.sync_interval_min))
        self.timer.setInterval(minutes * 60_000)
        if self.available:
            self.timer.start()

    def _in_flight(self) -> asyncio.Task | None:
        return self.task if self.task is not None and not self.task.done() else None

    def sync_now(self, full: bool = False) -> asyncio.Task | None:
        if not self.available:
            return None
        previous = self._in_flight()
        if previous is not None and not self._task_is_push:
            return previous
        # a push in flight finishes first; the sync then pulls what it changed
        self._task_is_push = False
        self.task = asyncio.ensure_future(self.run(full, after=previous))
        return self.task

    # -- pushing local changes soon -------------------------------------------------------------

    def schedule_push(self) -> None:
        """A change was queued in the outbox: push it within seconds (see the module doc)."""
        if not self.available:
            return
        self._push_wanted = True
        if self._offline_wait and self.push_timer.isActive():
            return  # offline: the retry already waits
        now = time.monotonic()
        if self._push_since is None:
            self._push_since = now
        left_ms = int((self._push_since - now) * 1000) + PUSH_MAX_WAIT_MS
        self.push_timer.start(max(0, min(PUSH_DELAY_MS, left_ms)))

    def _push_due(self) -> None:
        if not self._push_wanted or not self.available or self._in_flight() is not None:
            return  # a run in flight re-arms the timer when it ends
        if not self.reachable and not self._offline_wait:
            self._offline_wait = True  # offline: try again later, not on every change
            self.push_timer.start(PUSH_OFFLINE_RETRY_MS)
            return
        self._offline_wait = False
        self._push_wanted = False
        self._push_since = None
        self._task_is_push = True
        self.task = asyncio.ensure_future(self.push())

    def _online_changed(self, online: bool) -> None:
        if online and self._push_wanted:
            self._offline_wait = False
            self.push_timer.start(PUSH_DELAY_MS)

    def _rearm_push(self) -> None:
        if self._push_wanted and not self.push_timer.isActive():
            self.push_timer.start(PUSH_DELAY_MS)

    async def push(self) -> Any:
        """Send the outbox now (no pull but the read-back of what was pushed)."""
        self._busy = True
        self.started.emit()
        changes = report = None
        try:
            changes = await self.engine.push()
        except asyncio.CancelledError:
            raise
        except StoreError as exc:  # the cache failed its check, or the disk: named, not sent
            log.warning("push stopped by the cache: %s", exc)
            self.failed.emit(describe(exc))
        except Exception as exc:
            log.exception("push failed")
            self.failed.emit(str(exc) or type(exc).__name__)
        else:
            report = getattr(self.engine, "last_report", None)
            self._note_stop(report)
            if report is not None and report.stopped:
                self.failed.emit(report.stopped)
            self.events.publish(changes)
        finally:
            self._busy = False
            self.finished.emit(report)
            if not self.reachable:  # the changes wait: try again after the offline backoff
                self._push_wanted = self._offline_wait = True
                self.push_timer.start(PUSH_OFFLINE_RETRY_MS)
            self._rearm_push()
        return changes

    async def run(self, full: bool = False, after: asyncio.Task | None = None) -> Any:
        if after is not None:
            await asyncio.gather(after, return_exceptions=True)
        # this run's push sends every change queued so far
        self._push_wanted = False
        self._push_since = None
        self._offline_wait = False
        self.push_timer.stop()
        self._busy = True
        self.started.emit()
        report = None
        try:
            report = await self.engine.run(full=full)
        except asyncio.CancelledError:
            raise
        except StoreError as exc:  # disk full, read-only…: named, and the next run resumes
            log.warning("sync stopped by the cache: %s", exc)
            self.failed.emit(describe(exc))
        except Exception as exc:
            log.exception("sync failed")
            self.failed.emit(str(exc) or type(exc).__name__)
        else:
            self.last_report = report
            self._note_stop(report)
            if report.stopped:  # the time of a success is kept by the engine, in the store
                self.failed.emit(report.stopped)
            self.events.publish(report.changes)
        finally:
            self._busy = False
            self.finished.emit(report)
            self._rearm_push()
        return report

    async def resolve_conflicts(self, choices: dict[str, dict[str, str]]) -> None:
        """Settle conflicts ({product id: {field: "mine" | "theirs"}}) and push the result."""
        if not self.available:
            raise RuntimeError(self.tr("没有连接店铺，无法解决冲突"))
        changes = ChangeSet(conflicts=True, outbox=True)
        for product_id, fields in choices.items():
            changes.merge(await self.engine.resolve_conflict(product_id, fields))
            changes.products.add(product_id)
        self.events.publish(changes)

    def _progress(self, step: str, done: int, total: int | None) -> None:
        self.progress.emit(step, done, total)

    async def stop(self) -> None:
        self.timer.stop()
        self.push_timer.stop()
        self._push_wanted = False
        api = getattr(self.engine, "api", None)
        if api is not None and self.online_changed.emit in getattr(api, "on_state_change", []):
            api.on_state_change.remove(self.online_changed.emit)
        task = self._in_flight()
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
