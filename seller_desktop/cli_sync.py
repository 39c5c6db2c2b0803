"""``seller-desktop sync``: a headless sync of one shop into a data dir.

    seller-desktop sync [--api-base URL] [--data-dir DIR] [--full] [--order-days N]

Credentials: ``SELLER_DESKTOP_APPID`` / ``SELLER_DESKTOP_SECRET``, else the keyring entry of
the AppID in ``<data dir>/account.json`` (``{"appid": …, "api_base": …}``). Progress goes to
stderr, a one-line-per-count summary to stdout. Exit codes: 0 synced; 1 unexpected error;
2 usage or missing credentials; 3 credentials refused; 4 API quota exhausted; 5 network
(offline, server busy or failing); 6 the data dir is open in another seller-desktop (see
``--wait``); 7 disk full, read-only or no rights; 8 the cache is damaged or too new
(``cli_store.py``). Nothing here prints the secret or a token.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import Any

from . import credentials
from .api.client import ApiClient
from .api.errors import (
    ApiError,
    AuthExpired,
    AuthFailed,
    Busy,
    MalformedResponse,
    Offline,
    QuotaExceeded,
    RateLimited,
    ServerError,
)
from .cli_store import add_wait_argument, open_store, storage_exit
from .config import DEFAULT_API_BASE, ENV_APPID, ENV_SECRET, Paths
from .store import Store, StoreError
from .sync import SyncEngine, SyncReport

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_AUTH, EXIT_QUOTA, EXIT_NETWORK = 0, 1, 2, 3, 4, 5


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="seller-desktop sync",
                                     description="Sync a WeChat Store shop into the local cache.")
    parser.add_argument("--api-base", help=f"API base URL (default: account.json, else "
                                           f"{DEFAULT_API_BASE})")
    parser.add_argument("--data-dir", help="where the cache lives (default: the user data dir)")
    parser.add_argument("--full", action="store_true",
                        help="re-read every product and the whole order span")
    parser.add_argument("--order-days", type=int, default=90,
                        help="how many days of orders to keep (default 90)")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    add_wait_argument(parser)
    return parser


def _account(paths: Paths) -> dict[str, Any]:
    try:
        data = json.loads(paths.account_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


class _StderrProgress:
    def __init__(self) -> None:
        self.last = ""

    def __call__(self, step: str, done: int, total: int | None) -> None:
        text = f"{step}: {done}" + (f"/{total}" if total is not None else "")
        if text != self.last:
            self.last = text
            print(text, file=sys.stderr, flush=True)


def exit_code(error: ApiError | None) -> int:
    if error is None:
        return EXIT_OK
    if isinstance(error, (AuthFailed, AuthExpired)):
        return EXIT_AUTH
    if isinstance(error, QuotaExceeded):
        return EXIT_QUOTA
    if isinstance(error, (Offline, Busy, RateLimited, ServerError, MalformedResponse)):
        return EXIT_NETWORK
    return EXIT_ERROR


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
    return "\n".join(lines)


async def _run(args: argparse.Namespace, store: Store, appid: str, secret: str,
               api_base: str) -> int:
    progress = None if args.quiet else _StderrProgress()
    async with ApiClient(api_base, appid, secret) as api:
        engine = SyncEngine(api, store, order_days=args.order_days, progress=progress)
        report = await engine.run(full=args.full)
    print(summary(report))
    for problem in report.errors:
        print(f"problem: {problem}", file=sys.stderr)
    if report.stop_error is not None:
        print(f"sync stopped: {report.stop_error.message}", file=sys.stderr)
    return exit_code(report.stop_error)


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    if args.order_days < 1:
        print("--order-days must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    opened = open_store(args.data_dir, args.wait)
    if isinstance(opened, int):
        return opened
    paths, store = opened
    try:
        account = _account(paths)
        appid = account.get("appid") if isinstance(account.get("appid"), str) else None
        creds = credentials.resolve(appid)
        if creds is None:
            print(f"no credentials: set {ENV_APPID} and {ENV_SECRET}, or save the AppSecret of "
                  f"the AppID in {paths.account_file} to the keyring", file=sys.stderr)
            return EXIT_USAGE
        api_base = args.api_base or account.get("api_base") or DEFAULT_API_BASE
        return asyncio.run(_run(args, store, creds.appid, creds.secret, str(api_base)))
    except StoreError as exc:  # the disk filled up (or went read-only) during the sync
        return storage_exit(exc)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_ERROR
    finally:
        store.close()
