"""The print-component path against the emulated WeChat print component: each task carries the
API's print_info for its waybill; a printer that is not ready ships nothing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from seller_desktop.api import ewaybill as ewaybill_api
from seller_desktop.labels.printcomp import PrintComponentClient
from seller_desktop.sandbox.printcomp import PrintComponent
from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.store import Store
from seller_desktop.store.waybills import PrintLog
from seller_desktop.sync import SyncEngine
from seller_desktop.workflows.shipping import ShippingWorkflow

from .helpers import EWB, log_ops, new_orders, sandbox_state

SEND = "/channels/ec/order/delivery/send"


@pytest.fixture
def component() -> Iterator[PrintComponent]:
    comp = PrintComponent()
    comp.start()
    try:
        yield comp
    finally:
        comp.stop()


def _client(component: PrintComponent) -> PrintComponentClient:
    return PrintComponentClient(component.host, component.port, timeout=5)


@pytest.mark.asyncio
async def test_component_prints_the_apis_print_info_then_ships(
        workflow: ShippingWorkflow, engine: SyncEngine, sandbox: SandboxServer, store: Store,
        component: PrintComponent, monkeypatch: pytest.MonkeyPatch) -> None:
    fetched: list[str] = []  # print/get calls the workflow makes (each goes to the sandbox)
    real_get = ewaybill_api.get_print_info

    async def counted(client, ewaybill_order_id, **kwargs):
        fetched.append(ewaybill_order_id)
        return await real_get(client, ewaybill_order_id, **kwargs)

    monkeypatch.setattr("seller_desktop.workflows.shipping.ewaybill_api.get_print_info", counted)
    ids = new_orders(sandbox.url, 3)
    await engine.run(full=True)
    account = next(a for a in await workflow.accounts() if a.delivery_id == "ZTO")
    batch = await workflow.create_waybills(ids, account)
    assert len(batch.created) == 3

    component.set_printer_status("DL-888B", "offline")
    async with _client(component) as client:
        refused = await workflow.print_with_component(ids, "DL-888B", client)
    assert "未就绪" in refused.error and not refused.printed
    assert not log_ops(sandbox.shop, SEND) and PrintLog(store.reader()).entries() == []
    assert {c.stage for c in workflow.candidates(ids)} == {"待打印"}

    component.set_printer_status("DL-888B", "ready")
    fetched.clear()
    async with _client(component) as client:
        outcome = await workflow.print_with_component(ids, "DL-888B", client)
    assert outcome.ok and sorted(outcome.shipped) == sorted(ids)
    # print_info carries the buyer's real address: fetched for the job, never kept
    assert len(fetched) == 3
    assert {r[0] for r in store.reader().execute("SELECT print_info FROM waybills")} == {""}
    by_info = {t["printInfo"]: t for t in component.tasks}
    assert len(component.tasks) == 3 and all(t["success"] for t in component.tasks)
    for oid, waybill in batch.created.items():
        expected = await real_get(engine.api, waybill.ewaybill_order_id)
        assert expected in by_info, oid
        assert by_info[expected]["printer"] == "DL-888B"
        assert by_info[expected]["decoded"]
    state = sandbox_state(sandbox.url)
    assert all(state["orders"][o]["status"] == 30 for o in ids)
    assert len(log_ops(sandbox.shop, EWB + "order/print")) == 3
    assert sorted(e["order_id"] for e in log_ops(sandbox.shop, SEND)) == sorted(ids)

    async with _client(component) as client:
        again = await workflow.print_with_component(ids[:1], "DL-888B", client, reprint=True,
                                                    reason="热敏纸发黑")
    assert again.ok and len(component.tasks) == 4
    assert len(fetched) == 4  # the reprint fetched it again
    assert [e["re_print"] for e in log_ops(sandbox.shop, EWB + "order/print")] == [0, 0, 0, 1]
    assert len(log_ops(sandbox.shop, SEND)) == 3
