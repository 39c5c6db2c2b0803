"""The shipping guard in the races that matter, against the sandbox on loopback.

A refund opened between taking the waybill and printing, one opened between printing and
``delivery/send``, and an address change approved after printing: in each, nothing ships,
nothing is lost (the waybill and the queued shipment stay, the seller can finish or undo them)
and the seller is told why and what to do.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from seller_desktop.domain import guard
from seller_desktop.labels import LABEL_SPECS
from seller_desktop.ops import aftersale as aftersale_ops
from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.store import Store, outbox
from seller_desktop.store.held import verdicts
from seller_desktop.store.orders import OrderRepo
from seller_desktop.sync import SyncEngine
from seller_desktop.workflows.shipping import ShippingWorkflow

from .helpers import EWB, control, log_ops, new_orders, sandbox_state
from .test_shipping_run import _account

SEND = "/channels/ec/order/delivery/send"


async def _waybilled(sandbox: SandboxServer, engine: SyncEngine, workflow: ShippingWorkflow,
                     n: int) -> list[str]:
    ids = new_orders(sandbox.url, n)
    await engine.run(full=True)
    batch = await workflow.create_waybills(ids, await _account(workflow))
    assert set(batch.created) == set(ids)
    return ids


def _ship_row(store: Store, order_id: str) -> outbox.OutboxRow:
    rows = [r for r in outbox.open_rows(store.reader(), "order", order_id) if r.op == "ship"]
    assert len(rows) == 1, rows
    return rows[0]


@pytest.mark.asyncio
async def test_refund_opened_after_the_waybill_holds_the_print(
        workflow: ShippingWorkflow, engine: SyncEngine, sandbox: SandboxServer, store: Store,
        tmp_path: Path) -> None:
    held_id, other = await _waybilled(sandbox, engine, workflow, 2)
    case = control(sandbox.url, "/sandbox/aftersale/open", {"order_id": held_id})
    await engine.run()
    (c,) = workflow.candidates([held_id])
    assert not c.can_ship and c.held and c.verdict.code == guard.AFTERSALE_OPEN
    assert "售后" in c.reason and "取消电子面单" in c.verdict.remedy

    outcome = await workflow.print_labels([held_id, other], LABEL_SPECS[0], tmp_path / "l.pdf")
    assert outcome.printed and held_id in outcome.skipped and "售后" in outcome.skipped[held_id]
    assert outcome.shipped == [other] and not outcome.refused
    assert [e["order_id"] for e in log_ops(sandbox.shop, SEND)] == [other]
    # the way out: the case ends refunded (the seller agrees), then the waybill is given back
    await aftersale_ops.accept(store, case["after_sale_order_id"])
    await engine.run()
    detail = store.reader().execute("SELECT tab FROM aftersale_cases WHERE case_id = ?",
                                    (case["after_sale_order_id"],)).fetchone()
    assert detail[0] == "closed"
    eid = next(r[0] for r in store.reader().execute(
        "SELECT ewaybill_order_id FROM waybills WHERE order_id = ?", (held_id,)))
    await workflow.cancel_waybill(eid)
    assert sandbox_state(sandbox.url)["ewaybills"][eid]["status"] == 2
    assert not log_ops(sandbox.shop, SEND)[1:]


@pytest.mark.asyncio
async def test_refund_opened_between_print_and_send_is_intercepted(
        workflow: ShippingWorkflow, engine: SyncEngine, sandbox: SandboxServer, store: Store,
        tmp_path: Path) -> None:
    held_id, other = await _waybilled(sandbox, engine, workflow, 2)
    offline = ShippingWorkflow(store, None)  # printed while offline: the shipments wait
    printed = await offline.print_labels([held_id, other], LABEL_SPECS[0], tmp_path / "l.pdf")
    assert len(printed.printed) == 2 and printed.unconfirmed == sorted([held_id, other])
    assert printed.shipped == []  # nothing is counted shipped before the store confirmed it
    case = control(sandbox.url, "/sandbox/aftersale/open", {"order_id": held_id})

    report = await engine.run()
    assert [e["order_id"] for e in log_ops(sandbox.shop, SEND)] == [other]
    row = _ship_row(store, held_id)
    assert row.state == "failed" and "拦截" in row.last_error and "售后" in row.last_error
    assert any("拦截" in e for e in report.errors)
    # nothing lost: the order shows not shipped and held, its printed waybill is kept
    assert OrderRepo(store.reader()).get(held_id).status == 20
    (c,) = workflow.candidates([held_id])
    assert c.verdict.code == guard.AFTERSALE_OPEN and c.waybill is not None
    assert c.waybill.print_count == 1
    # the buyer withdraws: the seller retries the queued shipment and it goes out once
    control(sandbox.url, "/sandbox/aftersale/cancel",
            {"after_sale_order_id": case["after_sale_order_id"]})
    await engine.run()
    await store.writer.write(lambda conn: outbox.retry(conn, row.id))
    await engine.run()
    assert sorted(e["order_id"] for e in log_ops(sandbox.shop, SEND)) == sorted([held_id, other])
    assert sandbox_state(sandbox.url)["orders"][held_id]["status"] == 30


@pytest.mark.asyncio
async def test_address_change_approved_after_printing_never_ships_the_old_label(
        workflow: ShippingWorkflow, engine: SyncEngine, sandbox: SandboxServer, store: Store,
        tmp_path: Path) -> None:
    (oid,) = await _waybilled(sandbox, engine, workflow, 1)
    offline = ShippingWorkflow(store, None)
    await offline.print_labels([oid], LABEL_SPECS[0], tmp_path / "l.pdf")
    control(sandbox.url, "/sandbox/clock/advance", {"seconds": 7 * 3600})
    control(sandbox.url, "/sandbox/order/address_change", {"order_id": oid, "address": {
        "user_name": "赵六", "tel_number": "13900001111", "province_name": "四川省",
        "city_name": "成都市", "county_name": "武侯区", "detail_info": "天府大道 99 号"}})
    control(sandbox.url, "/sandbox/clock/advance", {"seconds": 13 * 3600})  # auto-approved

    await engine.run()
    assert log_ops(sandbox.shop, SEND) == []
    row = _ship_row(store, oid)
    assert row.state == "failed" and "地址已变更" in row.last_error
    order = OrderRepo(store.reader()).get(oid)
    assert order is not None and order.address is not None and order.address.province == "四川省"
    (c,) = workflow.candidates([oid])
    assert c.verdict.code == guard.LABEL_ADDRESS_CHANGED and "重新取号" in c.verdict.remedy
    # a reprint of the old label is refused too
    again = await workflow.reprint([oid], LABEL_SPECS[0], tmp_path / "r.pdf", "卡纸")
    assert oid in again.skipped and not again.printed
    # the way out: cancel the old waybill, take a new one, print: it ships to the new address
    await workflow.cancel_waybill(c.waybill.ewaybill_order_id)
    assert outbox.get(store.reader(), row.id) is None  # the refused shipment went with it
    assert verdicts(store.reader(), {oid: order})[oid].ok
    batch = await workflow.create_waybills([oid], await _account(workflow))
    assert oid in batch.created
    done = await workflow.print_labels([oid], LABEL_SPECS[0], tmp_path / "new.pdf")
    assert done.shipped == [oid]
    creates = log_ops(sandbox.shop, EWB + "order/create")
    assert len(creates) == 2
    assert sandbox_state(sandbox.url)["orders"][oid]["status"] == 30


@pytest.mark.asyncio
async def test_a_queued_waybill_request_is_not_sent_for_an_order_held_since(
        workflow: ShippingWorkflow, engine: SyncEngine, sandbox: SandboxServer, store: Store
) -> None:
    from seller_desktop.ops import shipping as shipping_ops

    (oid,) = new_orders(sandbox.url, 1)
    await engine.run(full=True)
    account = await _account(workflow)
    await shipping_ops.create_waybill_jobs(store, [oid], account)  # queued, not pushed yet
    control(sandbox.url, "/sandbox/aftersale/open", {"order_id": oid})
    await engine.pull()  # the case arrives first
    await engine.run()
    assert log_ops(sandbox.shop, EWB + "order/create") == []
    (row,) = [r for r in outbox.list_failed(store.reader()) if r.op == "ewaybill_create"]
    assert "拦截" in row.last_error and "售后" in row.last_error


@pytest.mark.asyncio
async def test_an_address_approved_after_the_waybill_holds_the_print(
        workflow: ShippingWorkflow, engine: SyncEngine, sandbox: SandboxServer, store: Store,
        tmp_path: Path) -> None:
    """The carrier has the address the waybill was taken for: a label for the new one would
    not match it, so nothing prints until the waybill is taken again."""
    (oid,) = await _waybilled(sandbox, engine, workflow, 1)
    control(sandbox.url, "/sandbox/clock/advance", {"seconds": 7 * 3600})
    control(sandbox.url, "/sandbox/order/address_change", {"order_id": oid, "address": {
        "user_name": "孙八", "tel_number": "13700003333", "province_name": "浙江省",
        "city_name": "杭州市", "county_name": "西湖区", "detail_info": "文三路 8 号"}})
    control(sandbox.url, "/sandbox/clock/advance", {"seconds": 13 * 3600})
    await engine.run()
    (c,) = workflow.candidates([oid])
    assert c.verdict.code == guard.LABEL_ADDRESS_CHANGED
    outcome = await workflow.print_labels([oid], LABEL_SPECS[0], tmp_path / "l.pdf")
    assert not outcome.printed and oid in outcome.skipped
    assert log_ops(sandbox.shop, SEND) == []
