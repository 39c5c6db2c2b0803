"""``seller-desktop labels`` and ``seller-desktop picklist``: the shipping run without the window.

    seller-desktop labels [--api-base URL] [--data-dir DIR] [--orders ID… | --all-pending]
                          [--size 76x130|100x150|100x180] [--pdf FILE | --printer NAME]
                          [--reprint [--reason TEXT]] [--account ACCT_ID]
    seller-desktop picklist [--data-dir DIR] [--orders ID… | --all-pending] --pdf FILE
                            [--slips FILE]

``labels`` works from the cache. Online (credentials from ``SELLER_DESKTOP_APPID`` /
``SELLER_DESKTOP_SECRET``, else the keyring entry of the AppID in ``account.json``) it first
syncs (which also finishes any earlier run's outbox: reports, shipments), takes waybill numbers
for the orders that have none (``--account``, else the first account with stock), prints ONE
job, and only then writes the print reports and shipments (one transaction) and pushes them.
Offline it prints what the cache has and leaves the reports in the outbox. ``--reprint``
prints labels already printed again (reported with re_print=1, logged with ``--reason``).

Orders the shipping guard holds (an open after-sale case, a pending address or SKU change, a
label printed for an address that changed since) get no waybill, print or shipment;
``--all-pending`` skips them and prints ``held <order id>: <reason>`` for each.

Output (stdout): ``printed: N``, ``shipped: N`` (only shipments the store CONFIRMED in this
run), ``shipped before: N`` (already shipped), ``not shipped: N`` and one ``not shipped <order
id>: <reason>`` line per order asked for that did not ship (refused by the store — 拦截,
108009 … —, held, not printed, or queued while offline). Problems on stderr. Exit codes: 0 every
order asked for shipped (or there was nothing to do); 1 nothing printed; 2 usage; 3 credentials
refused; 5 network; 7 labels printed but some order did not ship (the number branch
i11cli's cli_exit.Exit.NOT_ALL_SHIPPED gives it).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import credentials
from .api.client import ApiClient
from .api.errors import ApiError, AuthExpired, AuthFailed
from .config import DEFAULT_API_BASE, ENV_APPID, ENV_SECRET, Paths
from .labels import LABEL_SPECS, PageSpec, PrintError, parse_spec
from .store import Store, StoreError
from .sync import SyncEngine
from .workflows.shipping import PrintOutcome, ShippingWorkflow

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_AUTH, EXIT_NETWORK = 0, 1, 2, 3, 5
# Labels printed, but an order asked for did not ship (refused by the store, held, or not
# confirmed yet). Defined here until ``cli_exit.py`` (branch i11cli) names it NOT_ALL_SHIPPED.
EXIT_NOT_ALL_SHIPPED = 7


def _selection(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--orders", nargs="+", metavar="ID", help="these order ids")
    group.add_argument("--all-pending", action="store_true",
                       help="every order waiting to ship (待发货 / 部分发货)")


def _labels_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="seller-desktop labels",
                                     description="Take waybills, print labels, ship.")
    parser.add_argument("--api-base", help=f"API base URL (default: account.json, else "
                                           f"{DEFAULT_API_BASE})")
    parser.add_argument("--data-dir", help="where the cache lives (default: the user data dir)")
    _selection(parser)
    parser.add_argument("--size", default=LABEL_SPECS[0].name,
                        help="label size: " + ", ".join(s.name for s in LABEL_SPECS))
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--pdf", type=Path, help="write the labels to this PDF file")
    target.add_argument("--printer", help="print on this OS printer (one job)")
    parser.add_argument("--reprint", action="store_true",
                        help="print labels that were printed before again")
    parser.add_argument("--reason", default="", help="why a reprint is needed (logged)")
    parser.add_argument("--account", help="e-waybill account id to take numbers from")
    return parser


def _picklist_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="seller-desktop picklist",
                                     description="A4 pick list (and packing slips) from the cache.")
    parser.add_argument("--data-dir", help="where the cache lives (default: the user data dir)")
    _selection(parser)
    parser.add_argument("--pdf", type=Path, required=True, help="the pick list PDF")
    parser.add_argument("--slips", type=Path, help="also write per-order packing slips here")
    return parser


def _account_file(paths: Paths) -> dict[str, Any]:
    try:
        data = json.loads(paths.account_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _order_ids(workflow: ShippingWorkflow, args: argparse.Namespace) -> list[str]:
    if args.orders:
        return list(dict.fromkeys(args.orders))
    return [c.order_id for c in workflow.candidates() if c.can_ship]


def _held(workflow: ShippingWorkflow) -> None:
    """``--all-pending``: one line per order the shipping guard holds, with the reason."""
    for c in workflow.candidates():
        if c.held:
            print(f"held {c.order_id}: {c.verdict.text()}")


def _report_reprint(outcome: PrintOutcome) -> int:
    for oid, why in sorted({**outcome.skipped, **outcome.failed}.items()):
        _err(f"skipped {oid}: {why}")
    if outcome.error:
        _err(f"print failed: {outcome.error}")
    print(f"printed: {len(outcome.printed)}")
    return EXIT_OK if outcome.printed and outcome.ok else EXIT_FAILED


def _report(workflow: ShippingWorkflow, outcome: PrintOutcome, order_ids: list[str]) -> int:
    """Counts only what the store confirmed; every order asked for that did not ship is named
    with its reason; exit ``EXIT_NOT_ALL_SHIPPED`` when there is one (after a print)."""
    for oid, why in sorted(outcome.failed.items()):
        _err(f"failed {oid}: {why}")
    if outcome.error:
        _err(f"print failed: {outcome.error}")
    for message in outcome.changes.messages:
        _err(f"problem: {message}")
    before = workflow.confirmed_shipped(order_ids) - set(outcome.shipped)
    not_shipped = [o for o in order_ids if o not in before and o not in outcome.shipped]
    print(f"printed: {len(outcome.printed)}")
    print(f"shipped: {len(outcome.shipped)}")
    if before:
        print(f"shipped before: {len(before)}")
    print(f"not shipped: {len(not_shipped)}")
    for oid in not_shipped:
        why = (outcome.refused.get(oid) or outcome.skipped.get(oid) or outcome.failed.get(oid)
               or ("已打印，发货待微信小店确认（下次同步发送）" if oid in outcome.unconfirmed
                   else outcome.error or "未发货"))
        print(f"not shipped {oid}: {why}")
    if not outcome.printed and not before:
        return EXIT_FAILED if order_ids else EXIT_OK
    return EXIT_NOT_ALL_SHIPPED if not_shipped else EXIT_OK


async def _take_numbers(workflow: ShippingWorkflow, order_ids: list[str],
                        acct_id: str | None) -> None:
    missing = [c.order_id for c in workflow.candidates(order_ids)
               if c.can_ship and (c.waybill is None or c.waybill_error)]
    if not missing:
        return
    accounts = await workflow.accounts()
    usable = [a for a in accounts if (a.acct_id == acct_id if acct_id else a.available > 0)]
    if not usable:
        _err(f"no e-waybill account {acct_id or 'with waybill stock'}")
        return
    batch = await workflow.create_waybills(missing, usable[0])
    print(f"waybills: {len(batch.created)}")
    for oid, why in sorted({**batch.failed, **batch.refused}.items()):
        _err(f"no waybill for {oid}: {why}")
    for oid in batch.waiting:
        _err(f"waybill for {oid} still queued")


async def _labels(args: argparse.Namespace, store: Store, spec: PageSpec,
                  api: ApiClient | None) -> int:
    engine = SyncEngine(api, store) if api is not None else None
    workflow = ShippingWorkflow(store, engine)
    if engine is not None:
        report = await engine.run()
        if report.stop_error is not None:
            _err(f"sync stopped: {report.stop_error.message}")
            if isinstance(report.stop_error, (AuthFailed, AuthExpired)):
                return EXIT_AUTH
            workflow = ShippingWorkflow(store, None)
        else:
            try:
                await workflow.refresh_shop_name()
            except ApiError as exc:
                _err(f"shop name: {exc.message}")
    order_ids = _order_ids(workflow, args)
    if args.all_pending:
        _held(workflow)
    if not order_ids:
        print("printed: 0\nshipped: 0")
        _err("nothing to print: no order is waiting to ship")
        return EXIT_OK if args.all_pending else EXIT_FAILED
    target = str(args.pdf) if args.pdf is not None else args.printer
    if args.reprint:
        return _report_reprint(await workflow.reprint(order_ids, spec, target,
                                                      args.reason or "补打"))
    if workflow.engine is not None:
        await _take_numbers(workflow, order_ids, args.account)
    return _report(workflow, await workflow.print_labels(order_ids, spec, target), order_ids)


def _open(data_dir: str | None) -> tuple[Paths, Store] | None:
    paths = Paths.resolve(data_dir)
    try:
        return paths, Store.open(Path(paths.data_dir))
    except StoreError as exc:
        _err(f"cannot open the cache: {exc}")
        return None


def main(argv: Sequence[str]) -> int:
    """``seller-desktop labels …``; returns the exit code."""
    args = _labels_parser().parse_args(list(argv))
    try:
        spec = parse_spec(args.size)
    except ValueError as exc:
        _err(str(exc))
        return EXIT_USAGE
    if not spec.is_label:
        _err("--size must be a label size")
        return EXIT_USAGE
    opened = _open(args.data_dir)
    if opened is None:
        return EXIT_FAILED
    paths, store = opened
    account = _account_file(paths)
    appid = account.get("appid") if isinstance(account.get("appid"), str) else None
    creds = credentials.resolve(appid)
    if creds is None:
        _err(f"offline: no credentials ({ENV_APPID}/{ENV_SECRET}); printing from the cache")
    api_base = str(args.api_base or account.get("api_base") or DEFAULT_API_BASE)

    async def run() -> int:
        if creds is None:
            return await _labels(args, store, spec, None)
        async with ApiClient(api_base, creds.appid, creds.secret) as api:
            return await _labels(args, store, spec, api)

    try:
        return asyncio.run(run())
    except KeyboardInterrupt:
        _err("interrupted")
        return EXIT_FAILED
    finally:
        store.close()


def main_picklist(argv: Sequence[str]) -> int:
    """``seller-desktop picklist …``; returns the exit code."""
    args = _picklist_parser().parse_args(list(argv))
    opened = _open(args.data_dir)
    if opened is None:
        return EXIT_FAILED
    _, store = opened
    try:
        workflow = ShippingWorkflow(store, None)
        order_ids = _order_ids(workflow, args)
        if not order_ids:
            _err("no orders to pick")
            return EXIT_FAILED
        try:
            result = asyncio.run(workflow.print_pick_list(order_ids, args.pdf))
            if args.slips is not None:
                asyncio.run(workflow.print_slips(order_ids, args.slips))
        except PrintError as exc:
            _err(f"print failed: {exc}")
            return EXIT_FAILED
        print(f"orders: {len(order_ids)}")
        print(f"pages: {result.pages_printed}")
        return EXIT_OK if result.ok else EXIT_FAILED
    finally:
        store.close()
