"""What can go wrong with the cache file and its data dir, named as what it is.

A damaged file is not the same as a full disk, a read-only mount or a directory without
rights: only real damage (``SQLITE_CORRUPT``, ``SQLITE_NOTADB``, a failed ``quick_check``) is
``CorruptCache`` and may be rebuilt; the others are ``StorageProblem`` subclasses: nothing is
moved, the seller is told what to fix, and the same file works again once space or rights
return. ``classify(exc, path)`` maps a ``sqlite3`` or ``OSError`` to one of these.

Messages are in Chinese (the source language); the UI translates them by type
(``ui/storage_text.py``); ``CorruptCache.reason`` keeps SQLite's own words for the record.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

# SQLite primary result codes (the low byte of an extended code)
SQLITE_PERM, SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT = 3, 8, 10, 11
SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_AUTH, SQLITE_NOTADB = 13, 14, 23, 26
LOW_SPACE = 1 << 20  # below this much free space an I/O error is taken for a full disk


class StoreError(Exception):
    """Base of the store's own errors."""


class CorruptCache(StoreError):
    """The cache file cannot be used: damaged or not a database. Only this offers a rebuild."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"缓存文件已损坏：{path}（{reason}）")
        self.path = Path(path)
        self.reason = reason


class CacheTooNew(StoreError):
    """The file was written by a newer version of the app (its schema is ahead of ours)."""

    def __init__(self, path: Path | str, version: int, known: int) -> None:
        super().__init__(f"缓存文件来自更新版本的小店桌面（版本 {version} > {known}）：{path}")
        self.path = Path(path)
        self.version = version


class StorageProblem(StoreError):
    """The disk or its rights, not the file: nothing is moved; retry when it is fixed."""

    summary = "无法读写本地缓存"

    def __init__(self, path: Path | str, detail: str = "") -> None:
        super().__init__(f"{self.summary}：{path}" + (f"（{detail}）" if detail else ""))
        self.path = Path(path)
        self.detail = detail


class StorageFull(StorageProblem):
    summary = "磁盘空间已满，无法保存"


class StorageReadOnly(StorageProblem):
    summary = "数据目录是只读的，无法保存"


class StorageDenied(StorageProblem):
    summary = "没有读写数据目录的权限"


class StorageFailed(StorageProblem):
    """An I/O error that is neither space nor rights (a failing disk, a lost network share)."""

    summary = "读写本地缓存时出现磁盘错误"


class ShopInUse(StoreError):
    """Another process of this app holds the data dir (one writer per data dir)."""

    def __init__(self, data_dir: Path | str, holder: str = "") -> None:
        super().__init__(f"这个店铺的数据目录正被另一个小店桌面程序使用：{data_dir}"
                         + (f"（{holder}）" if holder else ""))
        self.data_dir = Path(data_dir)
        self.holder = holder


def shop_name(identity: str) -> str:
    """A shop identity (``store/owner.py``) as the seller knows it."""
    if identity == "demo":
        return "演示店铺"
    return "AppID " + identity.removeprefix("appid-")


class OtherShopsCache(StoreError):
    """The cache records another shop than the one asking (a data dir shared by two shops):
    nothing is pulled into it or pushed from it."""

    def __init__(self, path: Path | str, owner: str, shop: str) -> None:
        super().__init__(f"这个缓存属于另一个店铺（{shop_name(owner)}），不能用于"
                         f"{shop_name(shop)}：已停止同步，没有发送或改动任何内容：{path}")
        self.path = Path(path)
        self.owner = owner
        self.shop = shop


def _space_or_rights(path: Path) -> type[StorageProblem] | None:
    """What the file system says about the directory of ``path``, if it explains a failure."""
    directory = path if path.is_dir() else path.parent
    try:
        stats = os.statvfs(directory)
    except (OSError, AttributeError):  # AttributeError: no statvfs on Windows
        stats = None
    if stats is not None:
        if stats.f_flag & os.ST_RDONLY:
            return StorageReadOnly
        if stats.f_bavail * stats.f_frsize < LOW_SPACE:
            return StorageFull
    if not os.access(directory, os.W_OK | os.X_OK) or (
            path.exists() and not os.access(path, os.R_OK | os.W_OK)):
        return StorageDenied
    return None


def classify(exc: BaseException, path: Path | str) -> StoreError | None:
    """The store error that names what ``exc`` (sqlite3 or OS) means for the file at ``path``;
    None when it is not about the file or the disk (a constraint, a bug: let it propagate)."""
    path = Path(path)
    if isinstance(exc, StoreError):
        return exc
    detail = str(exc)
    if isinstance(exc, OSError):
        detail = exc.strerror or detail
        by_errno: dict[int, type[StorageProblem]] = {
            errno.ENOSPC: StorageFull, errno.EROFS: StorageReadOnly,
            errno.EACCES: StorageDenied, errno.EPERM: StorageDenied}
        if getattr(errno, "EDQUOT", None) is not None:
            by_errno[errno.EDQUOT] = StorageFull
        kind = by_errno.get(exc.errno or 0) or _space_or_rights(path) or StorageFailed
        return kind(path, detail)
    if not isinstance(exc, sqlite3.Error):
        return None
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return CorruptCache(path, detail)
    if primary == SQLITE_FULL:
        return StorageFull(path, detail)
    if primary == SQLITE_READONLY:
        # a read-only file on a writable disk is a rights problem; a read-only mount is not
        return (_space_or_rights(path) or StorageReadOnly)(path, detail)
    if primary in (SQLITE_PERM, SQLITE_AUTH):
        return StorageDenied(path, detail)
    if primary in (SQLITE_CANTOPEN, SQLITE_IOERR):
        # SQLite does not pass on errno: ask the file system whether space or rights explain it
        return (_space_or_rights(path) or StorageFailed)(path, detail)
    return None
