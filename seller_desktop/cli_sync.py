"""``seller-desktop sync``: a headless sync of one shop into a data dir.

    seller-desktop sync [--api-base URL | --demo] [--data-dir DIR] [--wait SECONDS] [--full]
                        [--order-days N] [--quiet] [--verbose]

Credentials: ``SELLER_DESKTOP_APPID`` / ``SELLER_DESKTOP_SECRET``, else the keyring entry of
the AppID the window saved in ``<data dir>/account.json`` (see ``cli_support``). Progress goes
to stderr, a one-line-per-count summary to stdout, then one ``failed row:`` line per change the
store refused (拦截 included) and one ``conflict row:`` line per change in conflict. The exit
codes are ``cli_exit``'s (listed in ``--help``, chosen by ``exit_code``): an unreadable reply (a
captive portal) is ``OFFLINE`` like no reply at all; a permission refusal (48001) ``AUTH``;
refused or conflicting changes ``FAILED_ROWS``; changes still queued ``QUEUED``. The time of a
complete sync is kept in the store, where the window reads it too. Nothing here prints the
secret or a token.
"""

from __future__ import annotations

import argparse
import asyncio
import sys

from . import cli_support
from .api.client import ApiClient
from .cli_exit import Exit, for_api_error
from .cli_store import add_wait_argument, open_store, storage_exit
from .config import Paths
from .store import Store, StoreError
from .sync import SyncEngine, SyncReport

CODES = (Exit.OK, Exit.USAGE, Exit.AUTH, Exit.QUOTA, Exit.OFFLINE, Exit.FAILED_ROWS, Exit.LOCKED,
         Exit.STORAGE, Exit.CACHE, Exit.QUEUED, Exit.INTERRUPTED, Exit.ERROR)


def _parser() -> argparse.ArgumentParser:
    parser = cli_support.parser("seller-desktop sync",
                                "Sync a WeChat Store shop into the local cache.", CODES)
    cli_support.shop_options(parser)
    parser.add_argument("--full", action="store_true",
                        help="re-read every product and the whole order span")
    parser.add_argument("--order-days", type=int, default=90,
                        help="how many days of orders to keep (default 90)")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    add_wait_argument(parser)
    return parser


class _StderrProgress:
    def __init__(self) -> None:
        self.last = ""

    def __call__(self, step: str, done: int, total: int | None) -> None:
        text = f"{step}: {done}" + (f"/{total}" if total is not None else "")
        if text != self.last:
            self.last = text
            print(text, file=sys.stderr, flush=True)


def exit_code(report: SyncReport) -> Exit:
    """Whether the run left work undone, the strongest reason first: a stopped run's reason (it
    may not have reached the rest), a permission the app lacks, changes refused (拦截 too) or in
    conflict, then changes still queued for the next run. 0 only when nothing is left."""
    if report.stop_error is not None:
        return for_api_error(report.stop_error)
    if report.denied is not None:
        return Exit.AUTH
    if report.failed or report.conflicts:
        return Exit.FAILED_ROWS
    if report.waiting:
        return Exit.QUEUED
    return Exit.OK


def summary(report: SyncReport) -> str:
    changes = report.changes
    lines = [
        f"products: {report.products}{' (full pass)' if report.full_products else ''}",
        f"orders: {report.orders}",
        f"gift orders: {report.gift_orders} (accepted {len(changes.gifts_accepted)}, "
        f"expired {len(changes.gifts_expired)})",
        f"pushed: {report.pushed}",
        f"failed: {report.failed}",
        f"conflicts: {report.conflicts}",
        f"waiting: {report.waiting}",
    ]
    if report.blocked:
        lines.append(f"waiting behind a failed change: {report.blocked}")
    lines += [f"failed row: {reason}" for reason in report.failures]
    lines += [f"conflict row: {what}" for what in report.conflict_rows]
    return "\n".join(lines)


async def _run(args: argparse.Namespace, store: Store, conn: cli_support.Connection) -> Exit:
    assert conn.creds is not None
    progress = None if args.quiet else _StderrProgress()
    async with ApiClient(conn.api_base, conn.creds.appid, conn.creds.secret) as api:
        engine = SyncEngine(api, store, order_days=args.order_days, progress=progress)
        report = await engine.run(full=args.full)
    print(summary(report))
    for problem in report.errors:
        print(f"problem: {problem}", file=sys.stderr)
    if report.stop_error is not None:
        print(f"sync stopped: {report.stopped}", file=sys.stderr)
    if report.denied is not None:
        print(f"permission: {report.denied.message} [{report.denied.errcode}]", file=sys.stderr)
    if report.failed:
        print(f"{report.failed} change(s) refused by the store are kept as failed: retry or "
              "drop them in the window (失败的修改)", file=sys.stderr)
    if report.conflicts:
        print(f"{report.conflicts} change(s) conflict with edits made on the server: choose "
              "which to keep in the window (冲突)", file=sys.stderr)
    elif report.waiting and not report.failed and report.stop_error is None:
        print(f"{report.waiting} change(s) still queued (the store asked them to wait): the "
              "next sync sends them", file=sys.stderr)
    return exit_code(report)


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    cli_support.setup_logging(args.verbose)
    if args.order_days < 1:
        print("--order-days must be at least 1", file=sys.stderr)
        return Exit.USAGE
    paths = Paths.resolve(args.data_dir)
    conn = cli_support.connect(args, paths)
    try:
        if conn.creds is None:
            print(cli_support.no_credentials_help(paths), file=sys.stderr)
            return Exit.AUTH
        opened = open_store(args)
        if isinstance(opened, int):
            return opened
        _paths, store = opened
        try:
            return asyncio.run(_run(args, store, conn))
        except StoreError as exc:  # the disk filled up (or went read-only) during the sync
            return storage_exit(exc)
        except KeyboardInterrupt:
            print("interrupted", file=sys.stderr)
            return Exit.INTERRUPTED
        finally:
            store.close()
    finally:
        conn.close()
