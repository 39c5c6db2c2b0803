"""ChangeSets broadcast on the GUI thread: ops and sync publish, models decide what to refresh.

``Events.publish`` may be called from any thread; a queued signal delivers it on the thread the
``Events`` object lives on (the GUI thread). Empty ChangeSets are dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..domain.changes import ChangeSet


class Events(QObject):
    changed = Signal(object)  # ChangeSet

    def publish(self, changes: ChangeSet) -> None:
        if not changes.is_empty():
            self.changed.emit(changes)
