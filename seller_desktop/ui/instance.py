"""One window per shop: the window that holds a data dir answers "raise yourself" from another
start of the app on the same dir, over a local socket (QLocalServer) named after the dir.

The name is a hash of the data dir's real path; the socket is owner-only. Only the process that
holds the data dir's lock (``store/lock.py``) listens, so removing a stale socket left by a
killed process before listening is safe. ``ask_to_focus`` is the other side: True when a window
answered (it is now in front), False when nobody did (a CLI run holds the dir, or an old one).
"""

from __future__ import annotations

import asyncio
import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

REQUEST, REPLY = b"raise\n", b"ok\n"


def server_name(data_dir: Path | str) -> str:
    digest = hashlib.sha256(os.path.realpath(data_dir).encode("utf-8")).hexdigest()
    return f"seller-desktop-{digest[:24]}"


class FocusServer(QObject):
    """Listens while this process holds the data dir; ``activate`` when asked to come forward."""

    activate = Signal()

    def __init__(self, data_dir: Path | str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data_dir)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self.name)  # a killed holder's socket file
        self.listening = self.server.listen(self.name)
        self.server.newConnection.connect(self._connection)

    def _connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(REQUEST.strip()):
            self.activate.emit()
            socket.write(REPLY)
            socket.flush()
        socket.disconnectFromServer()

    def close(self) -> None:
        self.server.close()


async def ask_to_focus(data_dir: Path | str, timeout: float = 1.5) -> bool:
    """Ask the window holding ``data_dir`` to come forward; whether it answered."""
    socket = QLocalSocket()
    answered: asyncio.Future[bool] = asyncio.get_running_loop().create_future()

    def finish(value: bool) -> None:
        if not answered.done():
            answered.set_result(value)

    def read() -> None:
        if bytes(socket.readAll().data()).startswith(REPLY.strip()):
            finish(True)

    socket.connected.connect(lambda: (socket.write(REQUEST), socket.flush()))
    socket.readyRead.connect(read)
    socket.errorOccurred.connect(lambda _e: finish(False))
    socket.disconnected.connect(lambda: finish(False))
    socket.connectToServer(server_name(data_dir))
    try:
        return await asyncio.wait_for(answered, timeout)
    except TimeoutError:
        return False
    finally:
        socket.abort()
        socket.deleteLater()
