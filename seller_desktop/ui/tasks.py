"""Running coroutines from Qt slots: one place that starts tasks, keeps them, and reports errors.

Slots stay synchronous (so no ``dialog.exec()`` ever runs inside a coroutine); they call
``spawn(coro)``, which schedules the coroutine on the qasync loop. An exception that escapes is
logged and handed to ``on_error`` (the window shows it in the status bar), never swallowed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

log = logging.getLogger("seller_desktop.ui")


class TaskRunner:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task] = set()
        self.on_error: Callable[[BaseException], None] | None = None

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task: asyncio.Task) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        error = task.exception()
        if error is not None:
            log.error("background task failed", exc_info=error)
            if self.on_error is not None:
                self.on_error(error)

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    async def finish_all(self, timeout: float = 10.0) -> None:
        """Let running work end (a save being written, a print being sent) for up to
        ``timeout`` seconds, then cancel what is left."""
        tasks = list(self._tasks)
        if tasks:
            await asyncio.wait(tasks, timeout=timeout)
        await self.cancel_all()

    async def cancel_all(self) -> None:
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
