"""The whole shipping run against the sandbox on loopback: 取号 → one PDF of labels → shipped.

Also: a lost reply after 取号 then a retry (one waybill), a carrier refusal for one order while
the batch goes on, a printer that does not exist (nothing shipped, ready to retry), a gift not
yet accepted, reprints (re_print 1 and PrintLog), cancelling a waybill, self-arranged shipping.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from seller_desktop.api.client import ApiClient
from seller_desktop.domain.order import ParcelItem
from seller_desktop.domain.waybill import CarrierAccount
from seller_desktop.labels import LABEL_SPECS, parse_spec, pick_order
from seller_desktop.ops import orders as order_ops
from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.store import Store, outbox
from seller_desktop.store.orders import OrderRepo
from seller_desktop.store.waybills import PrintLog, WaybillRepo
from seller_desktop.sync import SyncEngine
from seller_desktop.workflows.shipping import ShippingWorkflow

from .helpers import (
    EWB,
    FAST_RETRY,
    code128_per_page,
    control,
    log_ops,
    new_orders,
    page_sizes_mm,
    sandbox_state,
)


async def _account(workflow: ShippingWorkflow, delivery_id: str = "YTO") -> CarrierAccount:
    accounts = await workflow.accounts()
    account = next(a for a in accounts if a.delivery_id == delivery_id)
    assert account.available > 0 and account.delivery_name and account.sender is not None
    return account


async def _ready(sandbox: SandboxServer, engine: SyncEngine, n: int) -> list[str]:
    ids = new_orders(sandbox.url, n)
    await engine.run(full=True)
    return ids


@pytest.mark.asyncio
async def test_thirty_orders_one_pdf_thirty_shipped(workflow: ShippingWorkflow, engine: SyncEngine,
                                                    sandbox: SandboxServer, store: Store,
                                                    tmp_path: Path) -> None:
    ids = await _ready(sandbox, engine, 30)
    account = await _account(workflow)
    assert {c.order_id for c in workflow.candidates() if c.can_ship} >= set(ids)

    batch = await workflow.create_waybills(ids, account)
    assert set(batch.created) == set(ids) and not batch.failed and not batch.waiting
    again = await workflow.create_waybills(ids, account)  # asking twice takes nothing more
    assert again.created == batch.created

    pdf = tmp_path / "labels.pdf"
    seen: list[tuple[int, int]] = []
    outcome = await workflow.print_labels(ids, parse_spec("76x130"), pdf,
                                          progress=lambda d, t: seen.append((d, t)))
    assert outcome.ok, outcome
    assert seen[-1] == (30, 30)
    assert page_sizes_mm(pdf) == [(76, 130)] * 30
    items, _ = workflow.label_items(list(batch.created.values()))
    expected = [item.waybill.waybill_id for item in pick_order(items)]
    assert code128_per_page(pdf) == [[w] for w in expected]
    assert sorted(outcome.shipped) == sorted(ids)

    state = sandbox_state(sandbox.url)
    for oid in ids:
        assert state["orders"][oid]["status"] == 30, oid
        eid = batch.created[oid].ewaybill_order_id
        assert state["ewaybills"][eid]["status"] == 4, oid
    creates = log_ops(sandbox.shop, EWB + "order/create")
    per_order = [o for e in creates for o in e["order_ids"]]
    assert sorted(per_order) == sorted(ids)  # exactly one waybill per order
    sends = log_ops(sandbox.shop, "/channels/ec/order/delivery/send")
    assert sorted(e["order_id"] for e in sends) == sorted(ids)
    prints = log_ops(sandbox.shop, EWB + "order/print")
    assert len(prints) == 30 and {e["re_print"] for e in prints} == {0}
    assert outbox.pending_count(store.reader()) == 0
    # a second print of the same batch prints nothing and ships nothing
    twice = await workflow.print_labels(ids, LABEL_SPECS[0], tmp_path / "again.pdf")
    assert twice.error and not twice.printed and not (tmp_path / "again.pdf").exists()


@pytest.mark.parametrize("fault", [
    {"kind": "reset", "phase": "after", "times": 2},  # applied, the reply lost
    {"kind": "delay", "seconds": 2.5, "phase": "after", "times": 2},  # applied, reply too late
])
@pytest.mark.asyncio
async def test_lost_reply_after_create_then_retry_makes_one_waybill(
        fault: dict, workflow: ShippingWorkflow, engine: SyncEngine, store: Store,
        sandbox: SandboxServer) -> None:
    ids = await _ready(sandbox, engine, 3)
    account = await _account(workflow)
    cfg = sandbox.shop.config
    # a client that gives up on a reply after 1 s (the delayed reply comes after 2.5 s)
    async with ApiClient(sandbox.url, cfg.appid, cfg.secret, retry=FAST_RETRY,
                         timeout=1.0) as api:
        impatient = ShippingWorkflow(store, SyncEngine(api, store, order_days=91,
                                                       clock=sandbox.shop.clock.now))
        control(sandbox.url, "/sandbox/faults", {"seed": 1, "faults": [
            {"path": EWB + "order/create", **fault}]})
        batch = await impatient.create_waybills(ids, account)
        fired = control(sandbox.url, "/sandbox/faults", method="GET")
        control(sandbox.url, "/sandbox/faults", {"faults": []})
    if batch.waiting:  # parked after repeated unknown outcomes: the next push settles it
        batch = await workflow.create_waybills(ids, account)
    assert len(fired["history"]) == 2, fired  # the fault hit two creates
    assert set(batch.created) == set(ids), batch
    creates = log_ops(sandbox.shop, EWB + "order/create")
    assert sorted(o for e in creates for o in e["order_ids"]) == sorted(ids)
    ewaybills = sandbox_state(sandbox.url)["ewaybills"].values()
    taken = [str(o["ec_order_id"]) for w in ewaybills for o in w["ec_order_list"]]
    assert sorted(taken) == sorted(ids)  # one waybill per order on the server


@pytest.mark.asyncio
async def test_carrier_refusal_is_per_order_and_the_batch_goes_on(
        workflow: ShippingWorkflow, engine: SyncEngine, sandbox: SandboxServer,
        tmp_path: Path) -> None:
    ids = await _ready(sandbox, engine, 3)
    account = await _account(workflow, "ZTO")
    control(sandbox.url, "/sandbox/ewaybill/stock", {"acct_id": account.acct_id, "available": 2})
    batch = await workflow.create_waybills(ids, account)
    assert len(batch.created) == 2 and len(batch.failed) == 1, batch
    (refused, why), = batch.failed.items()
    assert "余额不足" in why
    stage = {c.order_id: c.stage for c in workflow.candidates(ids)}
    assert "余额不足" in stage[refused]
    outcome = await workflow.print_labels(ids, LABEL_SPECS[1], tmp_path / "l.pdf")
    assert sorted(outcome.shipped) == sorted(batch.created) and refused in outcome.skipped
    assert page_sizes_mm(tmp_path / "l.pdf") == [(100, 150)] * 2
    # stock topped up: asking again takes a number for the refused order only
    control(sandbox.url, "/sandbox/ewaybill/stock", {"acct_id": account.acct_id, "available": 5})
    retry = await workflow.create_waybills([refused], account)
    assert list(retry.created) == [refused] and not retry.failed


@pytest.mark.asyncio
async def test_unknown_printer_ships_nothing_and_the_orders_stay_ready(
        workflow: ShippingWorkflow, engine: SyncEngine, sandbox: SandboxServer,
        store: Store, tmp_path: Path) -> None:
    ids = await _ready(sandbox, engine, 2)
    await workflow.create_waybills(ids, await _account(workflow))
    outcome = await workflow.print_labels(ids, LABEL_SPECS[0], "NoSuchLabelPrinter")
    assert "找不到打印机" in outcome.error and not outcome.printed and not outcome.shipped
    assert {c.stage for c in workflow.candidates(ids)} == {"待打印"}
    assert not log_ops(sandbox.shop, "/channels/ec/order/delivery/send")
    assert PrintLog(store.reader()).entries() == []
    cancelled = await workflow.print_labels(ids, LABEL_SPECS[0], tmp_path / "c.pdf",
                                            cancel=lambda: True)
    assert cancelled.error and not cancelled.shipped and not (tmp_path / "c.pdf").exists()
    done = await workflow.print_labels(ids, LABEL_SPECS[0], tmp_path / "ok.pdf")
    assert sorted(done.shipped) == sorted(ids)


@pytest.mark.asyncio
async def test_gift_not_accepted_is_refused_with_the_reason(
        workflow: ShippingWorkflow, engine: SyncEngine, sandbox: SandboxServer) -> None:
    gift = control(sandbox.url, "/sandbox/order/create", {"gift": True})["order_id"]
    await engine.run(full=True)
    (candidate,) = workflow.candidates([gift])
    assert not candidate.can_ship and candidate.reason == "礼物尚未被收下，收礼人填写地址后才能发货"
    assert gift in {c.order_id for c in workflow.candidates()}  # listed, with its reason
    batch = await workflow.create_waybills([gift], await _account(workflow))
    assert batch.refused == {gift: candidate.reason} and not batch.created
    assert not log_ops(sandbox.shop, EWB + "order/create")


@pytest.mark.asyncio
async def test_reprint_is_reported_as_a_reprint_and_logged(
        workflow: ShippingWorkflow, engine: SyncEngine, sandbox: SandboxServer, store: Store,
        tmp_path: Path) -> None:
    (oid,) = await _ready(sandbox, engine, 1)
    batch = await workflow.create_waybills([oid], await _account(workflow))
    await workflow.print_labels([oid], LABEL_SPECS[0], tmp_path / "first.pdf")
    # offline reprint: from the cache, the report waits in the outbox
    offline = ShippingWorkflow(store, None)
    again = await offline.reprint([oid], LABEL_SPECS[2], tmp_path / "again.pdf", "面单被撕坏")
    assert again.ok and again.printed == [batch.created[oid].ewaybill_order_id]
    assert page_sizes_mm(tmp_path / "again.pdf") == [(100, 180)]
    await workflow.push()
    prints = log_ops(sandbox.shop, EWB + "order/print")
    assert [e["re_print"] for e in prints] == [0, 1]
    log = PrintLog(store.reader()).entries(batch.created[oid].ewaybill_order_id)
    assert [(e["reprint"], e["reason"]) for e in log] == [(0, ""), (1, "面单被撕坏")]
    assert all(e["time"] > 0 for e in log)
    sends = log_ops(sandbox.shop, "/channels/ec/order/delivery/send")
    assert len(sends) == 1  # a reprint never ships again


@pytest.mark.asyncio
async def test_cancel_a_waybill_before_shipping(workflow: ShippingWorkflow, engine: SyncEngine,
                                                sandbox: SandboxServer, store: Store,
                                                tmp_path: Path) -> None:
    a, b = await _ready(sandbox, engine, 2)
    account = await _account(workflow)
    batch = await workflow.create_waybills([a, b], account)
    eid = batch.created[a].ewaybill_order_id
    await workflow.cancel_waybill(eid)
    assert sandbox_state(sandbox.url)["ewaybills"][eid]["status"] == 2
    assert WaybillRepo(store.reader()).get(eid).status == 2
    assert [c.stage for c in workflow.candidates([a])] == ["待取号"]
    await workflow.print_labels([b], LABEL_SPECS[0], tmp_path / "b.pdf")
    with pytest.raises(Exception, match="已用于发货"):
        await workflow.cancel_waybill(batch.created[b].ewaybill_order_id)
    fresh = await workflow.create_waybills([a], account)
    assert fresh.created[a].ewaybill_order_id != eid
    cancels = log_ops(sandbox.shop, EWB + "order/cancel")
    assert [e["ewaybill_order_id"] for e in cancels] == [eid]


@pytest.mark.asyncio
async def test_self_arranged_shipping(workflow: ShippingWorkflow, engine: SyncEngine,
                                      sandbox: SandboxServer) -> None:
    (oid,) = await _ready(sandbox, engine, 1)
    carriers = await workflow.carriers()
    sf = next(c for c in carriers if c.delivery_id == "SF")
    await workflow.ship_self(oid, sf.delivery_id, " SF1234567890123 ", sf.delivery_name)
    order = sandbox_state(sandbox.url)["orders"][oid]
    assert order["status"] == 30
    sends = log_ops(sandbox.shop, "/channels/ec/order/delivery/send")
    assert [e["order_id"] for e in sends] == [oid]
    assert not log_ops(sandbox.shop, EWB + "order/create")


@pytest.mark.asyncio
async def test_partly_shipped_order_gets_a_waybill_for_the_rest(
        workflow: ShippingWorkflow, engine: SyncEngine, sandbox: SandboxServer, store: Store,
        tmp_path: Path) -> None:
    oid = control(sandbox.url, "/sandbox/order/create", {"status": 20, "count": 3})["order_id"]
    await engine.run(full=True)
    line = OrderRepo(store.reader()).get(oid).lines[0]
    await order_ops.mark_shipped(store, oid, "ZTO", "ZT00001111",
                                 items=(ParcelItem(line.product_id, line.sku_id, 1),))
    await workflow.push()
    assert sandbox_state(sandbox.url)["orders"][oid]["status"] == 21
    (candidate,) = workflow.candidates([oid])
    assert candidate.can_ship and candidate.stage == "待取号"
    batch = await workflow.create_waybills([oid], await _account(workflow))
    outcome = await workflow.print_labels([oid], LABEL_SPECS[0], tmp_path / "rest.pdf")
    assert outcome.shipped == [oid]
    state = sandbox_state(sandbox.url)
    assert state["orders"][oid]["status"] == 30
    sends = [e for e in log_ops(sandbox.shop, "/channels/ec/order/delivery/send")
             if e["order_id"] == oid]
    assert len(sends) == 2
    parcels = OrderRepo(store.reader()).get(oid).parcels
    assert [(p.waybill_id, sum(i.count for i in p.items)) for p in parcels] == [
        ("ZT00001111", 1), (batch.created[oid].waybill_id, 2)]
