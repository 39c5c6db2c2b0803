"""``seller-desktop aftersale``: the after-sale cases for scripts — list them, accept or reject.

    seller-desktop aftersale [--data-dir DIR] [--api-base URL] [--json] [--open]
    seller-desktop aftersale accept CASE_ID… [--address-id ID] [--data-dir …] [--api-base …]
    seller-desktop aftersale reject CASE_ID… --reason-type N [--reason TEXT] […]

With credentials (``SELLER_DESKTOP_APPID`` / ``SELLER_DESKTOP_SECRET``, else the keyring entry
of the AppID in ``account.json``) the shop is synced first; without, the cache is used as it is.
The list has one row per case: id, order id, type, status, amount (分), seconds left for the
current step (empty: no deadline), who must act (seller / buyer / platform / nobody) and an
answer still queued. ``--open`` leaves out closed cases; ``--json`` prints a JSON array.

``accept`` / ``reject`` go through the same ops as the window (a local change + an outbox row,
pushed exactly once), then push. Each case gets one line: ``done <id>`` (confirmed by the
store), ``waiting <id>: …`` (queued: offline, or the store's one-refund-per-order-per-minute
rule; the next sync sends it) or ``failed <id>: <reason>``. Exit codes: 0 every action
confirmed; 1 some action refused (here or by the store); 2 usage; 3 credentials refused;
5 some action still queued (offline or rate-limited).
"""

from __future__ import annotations

import argparse
import asyncio
import json
from collections.abc import Sequence

from . import credentials
from .api.client import ApiClient
from .api.errors import AuthExpired, AuthFailed
from .cli_labels import _account_file, _err, _open
from .config import DEFAULT_API_BASE
from .domain.aftersale import ACTOR_LABELS, Actor, status_info
from .domain.timeutil import now
from .domain.validation import ValidationFailed
from .ops import aftersale as aftersale_ops
from .store import Store, outbox
from .store.aftersale_queries import cli_rows
from .sync import SyncEngine

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_AUTH, EXIT_WAITING = 0, 1, 2, 3, 5


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="seller-desktop aftersale",
                                     description="List after-sale cases; accept or reject them.")
    parser.add_argument("action", nargs="?", choices=["list", "accept", "reject"],
                        default="list")
    parser.add_argument("case_ids", nargs="*", metavar="CASE_ID")
    parser.add_argument("--data-dir", help="where the cache lives (default: the user data dir)")
    parser.add_argument("--api-base", help=f"API base URL (default: account.json, else "
                                           f"{DEFAULT_API_BASE})")
    parser.add_argument("--json", action="store_true", help="print the list as JSON")
    parser.add_argument("--open", action="store_true", help="only cases not closed")
    parser.add_argument("--address-id", default="",
                        help="accept: the return address id (first step of a return/exchange)")
    parser.add_argument("--reason-type", type=int, default=0,
                        help="reject: reject_reason_type from rejectreason/get")
    parser.add_argument("--reason", default="", help="reject: the text the buyer sees")
    return parser


def _print_list(store: Store, as_json: bool, only_open: bool) -> None:
    rows = [r for r in cli_rows(store.reader(), now()) if not (only_open and r["tab"] == "closed")]
    if as_json:
        print(json.dumps(rows, ensure_ascii=False))
        return
    print("case_id\torder_id\ttype\tstatus\tamount_fen\tseconds_left\twho_acts\tqueued")
    for r in rows:
        left = "" if r["seconds_left"] is None else str(r["seconds_left"])
        print(f"{r['case_id']}\t{r['order_id']}\t{r['type']}\t{r['status']}\t{r['amount']}\t"
              f"{left}\t{r['actor']}\t{r['queued']}")
    waiting = sum(1 for r in rows if r["actor"] == Actor.SELLER)
    _err(f"cases: {len(rows)}, waiting on the seller ({ACTOR_LABELS[Actor.SELLER]}): {waiting}")


async def _act(args: argparse.Namespace, store: Store, engine: SyncEngine | None) -> int:
    queued: dict[str, int] = {}
    code = EXIT_OK
    for case_id in dict.fromkeys(args.case_ids):
        try:
            if args.action == "accept":
                await aftersale_ops.accept(store, case_id, address_id=args.address_id)
            else:
                await aftersale_ops.reject(store, case_id, args.reason_type, args.reason)
        except ValidationFailed as exc:
            print(f"failed {case_id}: {'；'.join(i.message for i in exc.issues)}")
            code = EXIT_FAILED
            continue
        row = outbox.latest_open(store.reader(), "aftersale", case_id)
        if row is not None:
            queued[case_id] = row.id
    if engine is not None and queued:
        await engine.push()
    conn = store.reader()
    for case_id, row_id in queued.items():
        row = outbox.get(conn, row_id)
        if row is None or row.state == "done":
            case = conn.execute("SELECT status FROM aftersale_cases WHERE case_id = ?",
                                (case_id,)).fetchone()
            print(f"done {case_id}: {status_info(case[0]).label if case else ''}")
        elif row.state in ("failed", "conflict"):
            print(f"failed {case_id}: {row.last_error}")
            code = EXIT_FAILED
        else:
            until = outbox.waiting_until(conn, row_id)
            why = (f"微信小店限制同一订单每分钟退款一次，{max(0, until - now())} 秒后自动重试"
                   if until > now() else "未能连接微信小店，下次同步时发送")
            print(f"waiting {case_id}: {why}")
            if code == EXIT_OK:
                code = EXIT_WAITING
    return code


def main(argv: Sequence[str]) -> int:
    """``seller-desktop aftersale …``; returns the exit code."""
    args = _parser().parse_args(list(argv))
    if args.action != "list" and not args.case_ids:
        _err(f"{args.action} needs at least one CASE_ID")
        return EXIT_USAGE
    if args.action == "reject" and args.reason_type <= 0:
        _err("reject needs --reason-type (see rejectreason/get)")
        return EXIT_USAGE
    opened = _open(args.data_dir)
    if opened is None:
        return EXIT_FAILED
    paths, store = opened
    account = _account_file(paths)
    appid = account.get("appid") if isinstance(account.get("appid"), str) else None
    creds = credentials.resolve(appid)
    api_base = str(args.api_base or account.get("api_base") or DEFAULT_API_BASE)

    async def run() -> int:
        if creds is None:
            _err("offline: no credentials; using the cache")
            if args.action == "list":
                _print_list(store, args.json, args.open)
                return EXIT_OK
            return await _act(args, store, None)
        async with ApiClient(api_base, creds.appid, creds.secret) as api:
            engine = SyncEngine(api, store)
            report = await engine.run()
            if report.stop_error is not None:
                _err(f"sync stopped: {report.stop_error.message}")
                if isinstance(report.stop_error, (AuthFailed, AuthExpired)):
                    return EXIT_AUTH
            if args.action == "list":
                _print_list(store, args.json, args.open)
                return EXIT_OK
            return await _act(args, store, engine)

    try:
        return asyncio.run(run())
    except KeyboardInterrupt:
        _err("interrupted")
        return EXIT_FAILED
    finally:
        store.close()
