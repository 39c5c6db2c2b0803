"""Test-wide setup: offscreen Qt, an in-memory keyring, a temp data dir, async loops.

Async tests (``@pytest.mark.asyncio``) run on a plain asyncio loop, or on a qasync loop over
the QApplication when marked ``@pytest.mark.qt_loop`` (UI tests that await and click).
"""

from __future__ import annotations

import asyncio
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import keyring.backend
import pytest


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that forgets everything at the end of each test."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "qt_loop: run this asyncio test on a qasync loop")


def _qt_loop() -> asyncio.AbstractEventLoop:
    from PySide6.QtWidgets import QApplication

    from seller_desktop.ui.event_loop import QEventLoop

    return QEventLoop(QApplication.instance() or QApplication([]))


def pytest_asyncio_loop_factories(config, item):
    if item.get_closest_marker("qt_loop"):
        return {"qt": _qt_loop}
    return {"asyncio": asyncio.new_event_loop}


@pytest.fixture(autouse=True)
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def data_dir(tmp_path):
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def store(data_dir):
    from seller_desktop.store import Store

    opened = Store.open(data_dir)
    yield opened
    opened.close()
