"""The seller's words for what went wrong with the cache or its data dir, in the UI language.

The store names the problem by type (``store/errors.py``: damaged, disk full, read-only, no
rights, an I/O error, open in another window); this turns the type into a translated sentence
that says what happened, that nothing was lost or moved, and what to do. Any other error keeps
its own text (translated by ``messages``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..store import (
    CacheTooNew,
    CorruptCache,
    OtherShopsCache,
    ShopInUse,
    StorageDenied,
    StorageFailed,
    StorageFull,
    StorageProblem,
    StorageReadOnly,
)
from .messages import error as error_text
from .messages import message


def headline(exc: BaseException) -> str:
    """One sentence: what happened and what to do."""
    if isinstance(exc, StorageFull):
        return QCoreApplication.translate("Storage", "磁盘空间已满，修改没有保存。请清理磁盘空间后重试：已保存的数据和待同步的修改都还在。")
    if isinstance(exc, StorageReadOnly):
        return QCoreApplication.translate("Storage", "数据目录是只读的，修改无法保存。请让磁盘或文件夹可写后重试：没有移动或删除任何文件。")
    if isinstance(exc, StorageDenied):
        return QCoreApplication.translate("Storage", "没有读写数据目录的权限。请用拥有该目录的系统用户运行，或修正目录权限后重试：没有移动或删除任何文件。")
    if isinstance(exc, StorageFailed):
        return QCoreApplication.translate("Storage", "读写本地缓存时出现磁盘错误。请检查磁盘后重试：没有移动或删除任何文件。")
    if isinstance(exc, ShopInUse):
        return QCoreApplication.translate("Storage", "这个店铺正在另一个小店桌面程序中打开。")
    if isinstance(exc, CorruptCache):
        return QCoreApplication.translate("Storage", "本地缓存文件已损坏。")
    if isinstance(exc, CacheTooNew):
        return QCoreApplication.translate("Storage", "这个数据目录由更新版本的小店桌面创建，请升级后再打开。")
    if isinstance(exc, OtherShopsCache):
        return QCoreApplication.translate(
            "Storage", "这个缓存属于另一个店铺（%1），不能用于%2：已停止同步，没有发送或改动任何内容。"
            "请在「店铺」菜单中切换到该店铺，或为这个店铺使用另一个数据目录。").replace(
            "%1", shop_name(exc.owner)).replace("%2", shop_name(exc.shop))
    return error_text(exc) or type(exc).__name__  # any other error: its own words, translated


def describe(exc: BaseException) -> str:
    """The headline and, for the store's own errors, the file and SQLite's or the OS's words."""
    text = headline(exc)
    if isinstance(exc, StorageProblem):
        return text + "\n" + _with(str(exc.path), exc.detail)
    if isinstance(exc, CorruptCache):
        return text + "\n" + _with(str(exc.path), exc.reason)
    if isinstance(exc, CacheTooNew):
        return text + "\n" + str(exc.path)
    if isinstance(exc, ShopInUse):
        return text + "\n" + _with(str(exc.data_dir), exc.holder)
    if isinstance(exc, OtherShopsCache):
        return text + "\n" + str(exc.path)
    return text


def shop_name(identity: str) -> str:
    """A shop identity (``store/owner.py``) as the seller knows it."""
    if identity == "demo":
        return QCoreApplication.translate("Storage", "演示店铺")
    return "AppID " + identity.removeprefix("appid-")


def _with(where: str, why: str) -> str:
    """"path (why)" in the UI language: our own reasons ("不是小店桌面的缓存文件", "进程 42")
    are translated; SQLite's and the OS's words are kept."""
    if not why:
        return where
    return QCoreApplication.translate("Messages", "%1（%2）").replace("%1", where).replace(
        "%2", message(why))
