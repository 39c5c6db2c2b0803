"""``seller-desktop labels`` and ``seller-desktop picklist``: the shipping run without the window.

``labels`` checks the print target first (nothing is taken for a label that cannot print), syncs
when online, takes waybill numbers for the orders without one, prints ONE job, and only then
records and pushes the print reports and shipments; offline it prints from the cache and leaves
the reports queued. Orders the shipping guard holds get no waybill, print or shipment. Only what
the store confirmed counts as shipped; each order that did not ship is named. ``picklist``
prints the A4 pick list and packing slips. Output lines and exit codes: the README and
docs/architecture.md, "Labels and printing".
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence
from pathlib import Path

from . import cli_support
from .api.client import ApiClient
from .api.errors import ApiError
from .cli_exit import Exit, for_api_error
from .cli_store import add_wait_argument, open_store, storage_exit
from .labels import LABEL_SPECS, PageSpec, PrintError, parse_spec
from .store import Store, StoreError
from .sync import SyncEngine
from .workflows.shipping import PrintOutcome, ShippingWorkflow

LABELS_CODES = (Exit.OK, Exit.USAGE, Exit.AUTH, Exit.NOTHING_TO_DO, Exit.NOT_ALL_SHIPPED,
                Exit.PRINT_FAILED, Exit.LOCKED, Exit.STORAGE, Exit.CACHE, Exit.INTERRUPTED,
                Exit.ERROR)
PICKLIST_CODES = (Exit.OK, Exit.USAGE, Exit.NOTHING_TO_DO, Exit.NOT_ALL_SHIPPED,
                  Exit.PRINT_FAILED, Exit.LOCKED,
                  Exit.STORAGE, Exit.CACHE,
                  Exit.INTERRUPTED, Exit.ERROR)


def _selection(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--orders", nargs="+", metavar="ID", help="these order ids")
    group.add_argument("--all-pending", action="store_true",
                       help="every order waiting to ship (待发货 / 部分发货)")


def _labels_parser() -> argparse.ArgumentParser:
    parser = cli_support.parser("seller-desktop labels", "Take waybills, print labels, ship.",
                                LABELS_CODES)
    cli_support.shop_options(parser)
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
    add_wait_argument(parser)
    return parser


def _picklist_parser() -> argparse.ArgumentParser:
    parser = cli_support.parser("seller-desktop picklist",
                                "A4 pick list (and packing slips) from the cache.",
                                PICKLIST_CODES)
    cli_support.demo_option(parser)
    _selection(parser)
    parser.add_argument("--pdf", type=Path, required=True, help="the pick list PDF")
    parser.add_argument("--slips", type=Path, help="also write per-order packing slips here")
    add_wait_argument(parser)
    return parser


def _err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _order_ids(workflow: ShippingWorkflow, args: argparse.Namespace) -> list[str]:
    if args.orders:
        return list(dict.fromkeys(args.orders))
    return [c.order_id for c in workflow.candidates() if c.can_ship]


def _held(workflow: ShippingWorkflow, args: argparse.Namespace) -> list[str]:
    """One ``held <id>: <reason>`` line per order the shipping guard holds (of ``--orders``,
    or of every pending order for ``--all-pending``); their ids. Work left undone: exit 7."""
    found = [c for c in workflow.candidates(args.orders or None) if c.held]
    for c in found:
        print(f"held {c.order_id}: {c.verdict.text()}")
    return [c.order_id for c in found]


def _nothing_printable(outcome: PrintOutcome, order_ids: list[str]) -> bool:
    """No print job was sent because every order asked for was skipped (held, no waybill,
    printed before): the print target did not fail, so this is not ``PRINT_FAILED``."""
    return outcome.result is None and bool(order_ids) and set(order_ids) <= set(outcome.skipped)


def _print_error(outcome: PrintOutcome, order_ids: list[str]) -> bool:
    """Say why nothing (or not everything) printed; True when the print itself failed."""
    if not outcome.error:
        return False
    if _nothing_printable(outcome, order_ids):
        _err(f"nothing printed: {outcome.error}")
        return False
    _err(f"print failed: {outcome.error}")
    return True


def _report_reprint(outcome: PrintOutcome, order_ids: list[str]) -> Exit:
    for oid, why in sorted({**outcome.skipped, **outcome.failed}.items()):
        _err(f"skipped {oid}: {why}")
    print_failed = _print_error(outcome, order_ids)
    print(f"printed: {len(outcome.printed)}")
    if outcome.printed and outcome.ok:
        return Exit.OK
    return Exit.PRINT_FAILED if print_failed else Exit.NOT_ALL_SHIPPED


def _report(workflow: ShippingWorkflow, outcome: PrintOutcome, order_ids: list[str]) -> Exit:
    """Counts only what the store confirmed; every order asked for that did not ship is named
    with its reason; ``NOT_ALL_SHIPPED`` when there is one."""
    for oid, why in sorted(outcome.skipped.items()):
        _err(f"skipped {oid}: {why}")
    for oid, why in sorted(outcome.failed.items()):
        _err(f"failed {oid}: {why}")
    print_failed = _print_error(outcome, order_ids)
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
        if print_failed:
            return Exit.PRINT_FAILED  # there was something to print and the job failed
        return Exit.NOT_ALL_SHIPPED if order_ids else Exit.NOTHING_TO_DO
    return Exit.NOT_ALL_SHIPPED if not_shipped else Exit.OK


async def _take_numbers(workflow: ShippingWorkflow, order_ids: list[str],
                        acct_id: str | None) -> Exit | None:
    """Take numbers for the orders that have none; an exit code when the run must stop."""
    missing = [c.order_id for c in workflow.candidates(order_ids)
               if c.can_ship and (c.waybill is None or c.waybill_error)]
    if not missing:
        return None
    try:
        accounts = await workflow.accounts()
    except ApiError as exc:  # offline since the sync, or no e-waybill permission (48001)
        _err(f"e-waybill accounts: {exc.message}")
        if for_api_error(exc) == Exit.AUTH:
            print("printed: 0\nshipped: 0")
            return Exit.AUTH
        return None  # the orders that have numbers still print; the others are named
    usable = [a for a in accounts if (a.acct_id == acct_id if acct_id else a.available > 0)]
    if not usable:
        _err(f"no e-waybill account {acct_id or 'with waybill stock'}")
        return None
    batch = await workflow.create_waybills(missing, usable[0])
    print(f"waybills: {len(batch.created)}")
    for oid, why in sorted({**batch.failed, **batch.refused}.items()):
        _err(f"no waybill for {oid}: {why}")
    for oid in batch.waiting:
        _err(f"waybill for {oid} still queued")
    return None


async def _labels(args: argparse.Namespace, store: Store, spec: PageSpec,
                  api: ApiClient | None) -> Exit:
    # a Path is a file whatever its name ("--pdf out" is not a printer called "out")
    target: str | Path = args.pdf if args.pdf is not None else args.printer
    problem = await ShippingWorkflow.check_target(target)
    if problem:  # before the sync and before any waybill number is taken
        print("printed: 0\nshipped: 0")
        _err(f"print failed: {problem}")
        _err("nothing was taken or shipped")
        return Exit.PRINT_FAILED
    engine = SyncEngine(api, store) if api is not None else None
    workflow = ShippingWorkflow(store, engine)
    if engine is not None:
        report = await engine.run()
        for problem in report.errors:  # e.g. an earlier run's shipment intercepted (拦截) now
            _err(f"problem: {problem}")
        if report.stop_error is not None:
            _err(f"sync stopped: {report.stopped}")
            if for_api_error(report.stop_error) == Exit.AUTH:  # 48001 too: no waybill either
                return Exit.AUTH
            _err("offline: printing from the cache")
            workflow = ShippingWorkflow(store, None)
        else:
            try:
                await workflow.refresh_shop_name()
            except ApiError as exc:
                _err(f"shop name: {exc.message}")
    order_ids = _order_ids(workflow, args)
    held = _held(workflow, args) if args.all_pending else []
    if not order_ids:
        print("printed: 0\nshipped: 0")
        if held:
            print(f"held: {len(held)}")
            _err("nothing to print: every order waiting to ship is held (see the held lines)")
            return Exit.NOT_ALL_SHIPPED
        _err("nothing to print: no order is waiting to ship")
        return Exit.NOTHING_TO_DO
    if args.reprint:
        code = _report_reprint(await workflow.reprint(order_ids, spec, target,
                                                      args.reason or "补打"), order_ids)
    else:
        if workflow.engine is not None:
            stop = await _take_numbers(workflow, order_ids, args.account)
            if stop is not None:
                return stop
        code = _report(workflow, await workflow.print_labels(order_ids, spec, target),
                       order_ids)
    if held:
        print(f"held: {len(held)}")
        if code == Exit.OK:  # the others went out; the held ones did not
            return Exit.NOT_ALL_SHIPPED
    return code


def main(argv: Sequence[str]) -> int:
    """``seller-desktop labels …``; returns the exit code."""
    args = _labels_parser().parse_args(list(argv))
    cli_support.setup_logging(args.verbose)
    try:
        spec = parse_spec(args.size)
    except ValueError as exc:
        _err(str(exc))
        return Exit.USAGE
    if not spec.is_label:
        _err("--size must be a label size")
        return Exit.USAGE
    opened = open_store(args)
    if isinstance(opened, int):
        return opened
    paths, store = opened
    conn = cli_support.connect(args, paths)
    creds = conn.creds
    if creds is None:
        _err(cli_support.no_credentials_help(paths))
        _err("offline: printing from the cache")

    async def run() -> Exit:
        if creds is None:
            return await _labels(args, store, spec, None)
        async with ApiClient(conn.api_base, creds.appid, creds.secret) as api:
            return await _labels(args, store, spec, api)

    try:
        return asyncio.run(run())
    except StoreError as exc:  # the disk filled up (or went read-only) while printing
        return storage_exit(exc)
    except KeyboardInterrupt:
        _err("interrupted")
        return Exit.INTERRUPTED
    finally:
        store.close()
        conn.close()


def main_picklist(argv: Sequence[str]) -> int:
    """``seller-desktop picklist …``; returns the exit code."""
    args = _picklist_parser().parse_args(list(argv))
    cli_support.setup_logging(args.verbose)
    opened = open_store(args)
    if isinstance(opened, int):
        return opened
    _, store = opened
    try:
        workflow = ShippingWorkflow(store, None)
        held = _held(workflow, args)
        order_ids = [o for o in _order_ids(workflow, args) if o not in held]
        if not order_ids:
            if held:
                print(f"orders: 0\nheld: {len(held)}")
                _err("nothing to pick: every order asked for is held (see the held lines)")
                return Exit.NOT_ALL_SHIPPED
            _err("nothing to pick: no order is waiting to ship")
            return Exit.NOTHING_TO_DO
        for target in filter(None, (args.pdf, args.slips)):
            problem = asyncio.run(workflow.check_target(target))
            if problem:
                _err(f"print failed: {problem}")
                return Exit.PRINT_FAILED
        try:
            result = asyncio.run(workflow.print_pick_list(order_ids, args.pdf))
            if args.slips is not None:
                asyncio.run(workflow.print_slips(order_ids, args.slips))
        except PrintError as exc:
            _err(f"print failed: {exc}")
            return Exit.PRINT_FAILED
        print(f"orders: {len(order_ids)}")
        print(f"pages: {result.pages_printed}")
        if held:
            print(f"held: {len(held)}")
        if not result.ok:
            return Exit.PRINT_FAILED
        return Exit.NOT_ALL_SHIPPED if held else Exit.OK
    except KeyboardInterrupt:
        _err("interrupted")
        return Exit.INTERRUPTED
    finally:
        store.close()
