"""The window's log file, ``<data dir>/seller-desktop.log``: owner-only (0600), rotated at 1 MB
with three old files kept, so a seller can look at it or send it when something went wrong
(Help → About shows where it is). Callers never log tokens, secrets, or buyers' phones and
addresses. A log that cannot be opened (read-only or full disk) never stops the app.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path
from typing import IO, Any

LOG_BYTES = 1_000_000
LOG_BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"


class _OwnerOnlyRotatingFile(logging.handlers.RotatingFileHandler):
    """Creates the log, and each new one after a rotation, with mode 0600."""

    def _open(self) -> IO[Any]:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)


def log_to_file(path: Path, logger: logging.Logger | None = None) -> logging.Handler | None:
    """Add the rotating file handler to ``logger`` (the root logger); None if it cannot open."""
    try:
        handler = _OwnerOnlyRotatingFile(path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS,
                                         encoding="utf-8", delay=False)
    except OSError as exc:
        logging.getLogger("seller_desktop").warning("no log file at %s: %s", path, exc)
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    (logger or logging.getLogger()).addHandler(handler)
    return handler
