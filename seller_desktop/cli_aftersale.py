"""``seller-desktop aftersale``: the after-sale cases for scripts — list them, accept or reject.

Syncs first when there are credentials (``cli_support``), else lists the cache as it is: one row
per case (``--open``: open ones only; ``--json``: a JSON array). ``accept`` / ``reject`` go
through the window's ops and outbox, then push; each case gets ``done``, ``waiting`` (queued) or
``failed`` with the reason, and the exit code is ``cli_exit``'s. Columns and output lines: the
README and docs/architecture.md, "After-sales and buyer requests".
"""

from __future__ import annotations

import argparse
import asyncio
import json
from collections.abc import Sequence

from . import cli_support
from .api.client import ApiClient
from .cli_exit import Exit, for_api_error
from .cli_labels import _err
from .cli_store import add_wait_argument, open_store, storage_exit
from .domain.aftersale import ACTOR_LABELS, Actor, status_info
from .domain.timeutil import now
from .domain.validation import ValidationFailed
from .ops import aftersale as aftersale_ops
from .store import Store, StoreError, outbox
from .store.aftersale_queries import cli_rows
from .sync import SyncEngine

CODES = (Exit.OK, Exit.USAGE, Exit.AUTH, Exit.FAILED_ROWS, Exit.QUEUED, Exit.LOCKED,
         Exit.STORAGE, Exit.CACHE, Exit.INTERRUPTED, Exit.ERROR)


def _parser() -> argparse.ArgumentParser:
    parser = cli_support.parser("seller-desktop aftersale",
                                "List after-sale cases; accept or reject them.", CODES)
    parser.add_argument("action", nargs="?", choices=["list", "accept", "reject"],
                        default="list")
    parser.add_argument("case_ids", nargs="*", metavar="CASE_ID")
    cli_support.shop_options(parser)
    add_wait_argument(parser)
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


async def _act(args: argparse.Namespace, store: Store, engine: SyncEngine | None) -> Exit:
    queued: dict[str, int] = {}
    code = Exit.OK
    for case_id in dict.fromkeys(args.case_ids):
        try:
            if args.action == "accept":
                await aftersale_ops.accept(store, case_id, address_id=args.address_id)
            else:
                await aftersale_ops.reject(store, case_id, args.reason_type, args.reason)
        except ValidationFailed as exc:
            print(f"failed {case_id}: {'；'.join(i.message for i in exc.issues)}")
            code = Exit.FAILED_ROWS
            continue
        row = outbox.latest_open(store.reader(), "aftersale", case_id)
        if row is not None:
            queued[case_id] = row.id
    denied = None
    if engine is not None and queued:
        await engine.push()
        denied = engine.last_report.denied if engine.last_report else None
    conn = store.reader()
    for case_id, row_id in queued.items():
        row = outbox.get(conn, row_id)
        if row is None or row.state == "done":
            case = conn.execute("SELECT status FROM aftersale_cases WHERE case_id = ?",
                                (case_id,)).fetchone()
            print(f"done {case_id}: {status_info(case[0]).label if case else ''}")
        elif row.state in ("failed", "conflict"):
            print(f"failed {case_id}: {row.last_error}")
            code = Exit.FAILED_ROWS
        else:
            until = outbox.waiting_until(conn, row_id)
            why = (f"微信小店限制同一订单每分钟退款一次，{max(0, until - now())} 秒后自动重试"
                   if until > now() else "未能连接微信小店，下次同步时发送")
            print(f"waiting {case_id}: {why}")
            if code == Exit.OK:
                code = Exit.QUEUED
    if denied is not None:  # the app lacks the permission: a setup problem, not these cases
        _err(f"permission: {denied.message} [{denied.errcode}]")
        return Exit.AUTH
    return code


def main(argv: Sequence[str]) -> int:
    """``seller-desktop aftersale …``; returns the exit code."""
    args = _parser().parse_args(list(argv))
    cli_support.setup_logging(args.verbose)
    if args.action != "list" and not args.case_ids:
        _err(f"{args.action} needs at least one CASE_ID")
        return Exit.USAGE
    if args.action == "reject" and args.reason_type <= 0:
        _err("reject needs --reason-type (see rejectreason/get)")
        return Exit.USAGE
    opened = open_store(args)
    if isinstance(opened, int):
        return opened
    paths, store = opened
    conn = cli_support.connect(args, paths)
    creds = conn.creds

    async def run() -> Exit:
        if creds is None:
            _err(cli_support.no_credentials_help(paths))
            _err("offline: using the cache")
            if args.action == "list":
                _print_list(store, args.json, args.open)
                return Exit.OK
            return await _act(args, store, None)
        async with ApiClient(conn.api_base, creds.appid, creds.secret) as api:
            engine = SyncEngine(api, store)
            report = await engine.run()
            for problem in report.errors:  # refusals of earlier answers (and 拦截) included
                _err(f"problem: {problem}")
            if report.stop_error is not None:
                _err(f"sync stopped: {report.stopped}")
            refused = report.denied or report.stop_error
            if refused is not None and for_api_error(refused) == Exit.AUTH:
                return Exit.AUTH  # wrong credentials or no after-sale permission: nothing sent
            if args.action == "list":
                _print_list(store, args.json, args.open)
                return Exit.OK
            return await _act(args, store, engine)

    try:
        return asyncio.run(run())
    except StoreError as exc:  # the disk filled up (or went read-only) meanwhile
        return storage_exit(exc)
    except KeyboardInterrupt:
        _err("interrupted")
        return Exit.INTERRUPTED
    finally:
        store.close()
        conn.close()
