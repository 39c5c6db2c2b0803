"""Runs the sync engine from the window: on demand (立即同步, F5), on a timer, at start.

One run at a time. Progress arrives as ``progress(step, done, total)`` signals; a finished run
publishes its ChangeSet through ``Events`` and records the time of the last success in the
settings. Failures (offline, auth, quota) are reported, never raised into Qt.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ..domain import timeutil
from ..domain.changes import ChangeSet
from .events import Events
from .settings import Settings

log = logging.getLogger("seller_desktop.ui")


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
        # awaited before a run: the app's check of the cache file, which passes or closes us
        self.gate: asyncio.Future | None = None
        self._busy = False
        self.last_report: Any = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(lambda: self.sync_now())
        self.apply_interval()
        api = getattr(engine, "api", None)
        if api is not None and hasattr(api, "on_state_change"):
            api.on_state_change.append(self.online_changed.emit)

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

    def apply_interval(self) -> None:
        minutes = max(1, int(self.settings.sync_interval_min))
        self.timer.setInterval(minutes * 60_000)
        if self.available:
            self.timer.start()

    def sync_now(self, full: bool = False) -> asyncio.Task | None:
        if not self.available:
            return None
        if self.running:
            return self.task
        self.task = asyncio.ensure_future(self.run(full))
        return self.task

    async def run(self, full: bool = False) -> Any:
        self._busy = True
        self.started.emit()
        report = None
        try:
            if self.gate is not None:
                await asyncio.shield(self.gate)
            report = await self.engine.run(full=full)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.exception("sync failed")
            self.failed.emit(str(exc) or type(exc).__name__)
        else:
            self.last_report = report
            if not report.stopped:
                self.settings.last_sync = self.clock()
            else:
                self.failed.emit(report.stopped)
            self.events.publish(report.changes)
        finally:
            self._busy = False
            self.finished.emit(report)
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
        api = getattr(self.engine, "api", None)
        if api is not None and self.online_changed.emit in getattr(api, "on_state_change", []):
            api.on_state_change.remove(self.online_changed.emit)
        if self.running and self.task is not None:
            self.task.cancel()
            await asyncio.gather(self.task, return_exceptions=True)
