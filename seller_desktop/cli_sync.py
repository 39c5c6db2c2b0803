"""``seller-desktop sync``: a headless sync of one shop into a data dir.

    seller-desktop sync [--api-base URL] [--data-dir DIR] [--full] [--order-days N]

Credentials: ``SELLER_DESKTOP_APPID`` / ``SELLER_DESKTOP_SECRET``, else the keyring entry of
the AppID in ``<data dir>/account.json`` (``{"appid": …, "api_base": …}``). Progress goes to
stderr, a one-line-per-count summary to stdout, then one ``failed row:`` line per change the
store refused (with its reason). Exit codes (``exit_codes``): 0 synced; 1 unexpected error;
2 usage or missing credentials; 3 credentials refused; 4 API quota exhausted; 5 the store
could not be reached or its replies were unreadable (offline, a captive portal, busy,
failing; nothing lost, run again); 9 the store refused some changes (kept as failed; a
stopped run's 3/4/5 wins). Nothing here prints the secret or a token.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import Any

from . import credentials, exit_codes
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
from .config import DEFAULT_API_BASE, ENV_APPID, ENV_SECRET, Paths
from .store import Store, StoreError
from .sync import SyncEngine, SyncReport

EXIT_OK, EXIT_ERROR, EXIT_USAGE = exit_codes.OK, exit_codes.ERROR, exit_codes.USAGE
EXIT_AUTH, EXIT_QUOTA, EXIT_NETWORK = exit_codes.AUTH, exit_codes.QUOTA, exit_codes.NETWORK
EXIT_FAILED_ROWS = exit_codes.FAILED_ROWS


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="seller-desktop sync",
                                     description="Sync a WeChat Store shop into the local cache.",
                                     epilog=exit_codes.describe(),
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--api-base", help=f"API base URL (default: account.json, else "
                                           f"{DEFAULT_API_BASE})")
    parser.add_argument("--data-dir", help="where the cache lives (default: the user data dir)")
    parser.add_argument("--full", action="store_true",
                        help="re-read every product and the whole order span")
    parser.add_argument("--order-days", type=int, default=90,
                        help="how many days of orders to keep (default 90)")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
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


def exit_code(error: ApiError | None, failed_rows: int = 0) -> int:
    """A stopped run's reason first (it may not have reached the refused rows), then refusals."""
    if error is None:
        return EXIT_FAILED_ROWS if failed_rows else EXIT_OK
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
    if report.blocked:
        lines.append(f"waiting behind a failed change: {report.blocked}")
    lines += [f"failed row: {reason}" for reason in report.failures]
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
        print(f"sync stopped: {report.stopped}", file=sys.stderr)
    if report.failed:
        print(f"{report.failed} change(s) refused by the store are kept as failed: retry or "
              "drop them in the window (失败的修改)", file=sys.stderr)
    return exit_code(report.stop_error, report.failed)


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    if args.order_days < 1:
        print("--order-days must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    paths = Paths.resolve(args.data_dir)
    account = _account(paths)
    appid = account.get("appid") if isinstance(account.get("appid"), str) else None
    creds = credentials.resolve(appid)
    if creds is None:
        print(f"no credentials: set {ENV_APPID} and {ENV_SECRET}, or save the AppSecret of "
              f"the AppID in {paths.account_file} to the keyring", file=sys.stderr)
        return EXIT_USAGE
    api_base = args.api_base or account.get("api_base") or DEFAULT_API_BASE
    try:
        store = Store.open(Path(paths.data_dir))
    except StoreError as exc:
        print(f"cannot open the cache: {exc}", file=sys.stderr)
        return EXIT_ERROR
    try:
        return asyncio.run(_run(args, store, creds.appid, creds.secret, str(api_base)))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_ERROR
    finally:
        store.close()
