"""Fixtures for store tests: an open Store in the temp data dir."""

from __future__ import annotations

import pytest

from seller_desktop.store import Store


@pytest.fixture
def store(data_dir):
    opened = Store.open(data_dir)
    yield opened
    opened.close()
