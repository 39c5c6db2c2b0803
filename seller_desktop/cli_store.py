"""The command-line tools' door to the data dir: open the cache, or say in one line why not.

Every subcommand that opens a shop (``sync``, ``labels``, ``picklist``, ``aftersale``) goes
through ``open_store``, which picks the shop's folder from the flags as the window does; one
that fails while working (a disk that fills up mid-sync) ends through ``storage_exit``. No
traceback reaches the seller; each case has its own exit code (``cli_exit``): ``LOCKED``
(another seller-desktop holds the data dir; ``--wait SECONDS`` waits for it), ``STORAGE`` (disk
full, read-only, not ours, an I/O error: nothing moved or lost), ``CACHE`` (damaged or too new)."""

from __future__ import annotations

import argparse
import sys

from .cli_exit import Exit
from .config import Paths, shop_dir
from .store import (
    CacheTooNew,
    CorruptCache,
    OtherShopsCache,
    ShopInUse,
    StorageDenied,
    StorageFull,
    StorageProblem,
    StorageReadOnly,
    Store,
    StoreError,
)
from .store.errors import classify


def add_wait_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                        help="if another seller-desktop has this data dir open, wait up to "
                             "SECONDS for it (default: do not wait)")


def describe(exc: StoreError) -> str:
    """One line for the seller: what happened, to which file, and what to do."""
    if isinstance(exc, ShopInUse):
        holder = f" ({exc.holder.replace('进程', 'process')})" if exc.holder else ""
        return (f"the shop in {exc.data_dir} is open in another seller-desktop{holder}; "
                "close it or pass --wait SECONDS")
    if isinstance(exc, StorageFull):
        what = "the disk is full"
        todo = "free some space and run again (nothing was lost)"
    elif isinstance(exc, StorageReadOnly):
        what = "the data dir is read-only"
        todo = "make it writable and run again (nothing was moved)"
    elif isinstance(exc, StorageDenied):
        what = "no permission to read and write the data dir"
        todo = "run as the user who owns it, or fix its rights (nothing was moved)"
    elif isinstance(exc, StorageProblem):
        what = "a disk error while reading or writing the cache"
        todo = "check the disk and run again (nothing was moved)"
    elif isinstance(exc, CorruptCache):
        return (f"the cache file {exc.path} is damaged ({exc.reason}); open the window to "
                "rebuild it (unsynced changes are kept)")
    elif isinstance(exc, CacheTooNew):
        return f"the cache {exc.path} was written by a newer seller-desktop; upgrade first"
    elif isinstance(exc, OtherShopsCache):
        return (f"the cache {exc.path} belongs to another shop ({_shop(exc.owner)}), not "
                f"{_shop(exc.shop)}: nothing was sent or changed; use a data dir of that shop "
                "(--data-dir) or the account it belongs to")
    else:
        return f"cannot open the cache: {exc}"
    detail = f": {exc.detail}" if exc.detail else ""
    return f"{what} ({exc.path}{detail}); {todo}"


def _shop(identity: str) -> str:
    return "the demo shop" if identity == "demo" else "AppID " + identity.removeprefix("appid-")


def exit_code(exc: StoreError) -> Exit:
    if isinstance(exc, ShopInUse):
        return Exit.LOCKED
    if isinstance(exc, StorageProblem):
        return Exit.STORAGE
    return Exit.CACHE


def storage_exit(exc: StoreError) -> Exit:
    """Print the one line for ``exc`` on stderr; the exit code to return."""
    print(describe(exc), file=sys.stderr, flush=True)
    return exit_code(exc)


def open_store(args: argparse.Namespace) -> tuple[Paths, Store] | Exit:
    """The data dir's paths and the open store of the shop the flags name (``--demo``, else
    the account: ``cli_support.shop_of``, the folder the window opens for the same flags), or
    the exit code after printing why not. Every command opens its shop here, so none can
    resolve the folder differently."""
    from .cli_support import shop_of

    data_dir = args.data_dir
    try:
        paths = Paths.resolve(data_dir)
        identity = shop_of(args)
        store = Store.open(shop_dir(paths, identity), wait=args.wait)
        store.shop = identity  # the engine refuses a cache that records another shop
        return paths, store
    except StoreError as exc:
        return storage_exit(exc)
    except OSError as exc:  # the data dir itself could not be made
        problem = classify(exc, data_dir or ".")
        assert problem is not None  # an OSError always names a storage problem
        return storage_exit(problem)
