"""Running an op's transaction on the writer, from async code or blocking code."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from ..domain.changes import ChangeSet
from ..domain.validation import Issue, ValidationFailed
from ..store import Store

Tx = Callable[[sqlite3.Connection], ChangeSet]


async def run(store: Store, tx: Tx) -> ChangeSet:
    return await store.writer.write(tx, durable=True)


def run_sync(store: Store, tx: Tx) -> ChangeSet:
    return store.writer.write_sync(tx, durable=True)


def fail(field: str, message: str) -> ValidationFailed:
    return ValidationFailed([Issue(field, message)])
