"""The print-component path against the emulated WeChat print component: each task carries the
API's print_info for its waybill; a printer that is not ready ships nothing."""

from __future__ import annotations

import base64
import json
import re
import subprocess
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QImage

from seller_desktop.api import ewaybill as ewaybill_api
from seller_desktop.labels import parse_spec
from seller_desktop.labels.custom_area import CustomArea
from seller_desktop.labels.printcomp import PrintComponentClient
from seller_desktop.sandbox.printcomp import PrintComponent
from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.store import Store
from seller_desktop.store.waybills import PrintLog
from seller_desktop.sync import SyncEngine
from seller_desktop.workflows.shipping import ShippingWorkflow
from seller_desktop.workflows.shipping_component import print_own_labels, print_sheet

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


async def _numbered(workflow: ShippingWorkflow, engine: SyncEngine, sandbox: SandboxServer,
                    n: int) -> list[str]:
    ids = new_orders(sandbox.url, n)
    await engine.run(full=True)
    account = next(a for a in await workflow.accounts() if a.delivery_id == "ZTO")
    assert len((await workflow.create_waybills(ids, account)).created) == n
    return ids


@pytest.mark.asyncio
async def test_the_custom_area_goes_with_each_order_and_never_the_buyers_data(
        workflow: ShippingWorkflow, engine: SyncEngine, sandbox: SandboxServer, store: Store,
        component: PrintComponent) -> None:
    ids = await _numbered(workflow, engine, sandbox, 2)
    bad = CustomArea("http://shop.example.com/area.html", "订单 {订单号}")
    async with _client(component) as client:
        refused = await workflow.print_with_component(ids, "DL-888B", client, custom_area=bad)
    assert "https" in refused.error and component.tasks == [] and not refused.printed
    assert {c.stage for c in workflow.candidates(ids)} == {"待打印"}

    area = CustomArea("https://shop.example.com/area.html", "订单 {订单号}\n{商品}")
    async with _client(component) as client:
        outcome = await workflow.print_with_component(ids, "DL-888B", client, custom_area=area)
    assert outcome.ok and sorted(outcome.printed) and len(component.tasks) == 2
    orders = {o.order_id: o for o in workflow.orders(ids)}
    for task in component.tasks:
        assert task["success"], task
        info = task["customInfo"]
        order = orders[info["data"]["orderId"]]
        assert info["templateUrl"] == area.template_url
        assert info["data"]["text"].startswith(f"订单 {order.order_id}<br>")
        wire = json.dumps(info, ensure_ascii=False)
        assert order.address is not None
        for private in (order.address.tel_number, order.address.detail,
                        order.address.user_name):
            assert private not in wire
    assert {t["customInfo"]["data"]["orderId"] for t in component.tasks} == set(ids)


@pytest.mark.asyncio
async def test_a_label_off_the_standard_size_sends_its_size(
        workflow: ShippingWorkflow, engine: SyncEngine, sandbox: SandboxServer,
        component: PrintComponent) -> None:
    ids = await _numbered(workflow, engine, sandbox, 1)
    component.set_paper("DL-888B", 100, 150)
    async with _client(component) as client:
        outcome = await workflow.print_with_component(ids, "DL-888B", client,
                                                      size_mm=(100, 150))
    assert outcome.ok and component.tasks[-1]["size"] == {"width": 100, "height": 150}
    assert component.tasks[-1]["printType"] == 1


@pytest.mark.asyncio
async def test_pick_list_and_slips_go_as_print_type_2_pages_with_their_size(
        workflow: ShippingWorkflow, engine: SyncEngine, sandbox: SandboxServer,
        component: PrintComponent) -> None:
    ids = await _numbered(workflow, engine, sandbox, 3)
    seen: list[tuple[int, int]] = []
    async with _client(component) as client:
        # the label printer holds 76×130 paper: an A4 page is refused, nothing is said printed
        wrong = await print_sheet(workflow, ids, True, "DL-888B", client)
        assert not wrong.ok and "不符" in wrong.error and wrong.pages_printed == 0
        picked = await print_sheet(workflow, ids, True, "HP-LaserJet-M1136", client,
                                   progress=lambda d, t: seen.append((d, t)))
        slips = await print_sheet(workflow, ids, False, "HP-LaserJet-M1136", client)
        missing = await print_sheet(workflow, ids, False, "no-such-printer", client)
    assert picked.ok and slips.ok and slips.pages_printed >= 3
    assert seen[-1] == (picked.pages_total, picked.pages_total)
    assert "没有打印机" in missing.error
    a4 = [t for t in component.tasks if t["printer"] == "HP-LaserJet-M1136"]
    assert len(a4) == picked.pages_total + slips.pages_total
    for task in a4:
        assert task["success"] and task["printType"] == 2
        assert task["size"] == {"width": 210, "height": 297}
        page = task["decoded"]["html"]
        png = base64.b64decode(re.search(r"base64,([A-Za-z0-9+/=]+)", page).group(1))
        image = QImage.fromData(png, "PNG")
        assert (image.width(), image.height()) == (2480, 3508)  # A4 at 300 dpi
        assert 'width:210mm;height:297mm' in page
    assert [t["printNum"] for t in a4[:picked.pages_total]] == [
        {"curNum": n, "sumNum": picked.pages_total} for n in range(1, picked.pages_total + 1)]


def _png_codes(task: dict, tmp_path) -> list[str]:
    """The barcodes zbarimg reads back from a printType 2 page's image."""
    page = task["decoded"]["html"]
    png = base64.b64decode(re.search(r"base64,([A-Za-z0-9+/=]+)", page).group(1))
    path = tmp_path / f"{task['taskID']}.png"
    path.write_bytes(png)
    out = subprocess.run(["zbarimg", "-q", "--raw", str(path)], capture_output=True, text=True)
    return out.stdout.split()


@pytest.mark.asyncio
async def test_labels_we_draw_go_as_pages_and_ship_only_what_printed(
        workflow: ShippingWorkflow, engine: SyncEngine, sandbox: SandboxServer,
        component: PrintComponent, tmp_path) -> None:
    ids = await _numbered(workflow, engine, sandbox, 3)
    spec = parse_spec("100x150")
    async with _client(component) as client:
        # the printer holds 76×130 labels: the first page is refused, nothing is recorded
        refused = await print_own_labels(workflow, ids, spec, "DL-888B", client)
        assert not refused.printed and len(refused.failed) == 1 and len(refused.skipped) == 2
        assert "不符" in next(iter(refused.failed.values()))
        assert {c.stage for c in workflow.candidates(ids)} == {"待打印"}
        assert not log_ops(sandbox.shop, SEND)

        component.set_paper("DL-888B", 100, 150)
        pages: list[int] = []
        stopped = await print_own_labels(workflow, ids, spec, "DL-888B", client,
                                         progress=lambda d, t: pages.append(d),
                                         cancel=lambda: len(pages) >= 1)
        assert len(stopped.printed) == 1 and not stopped.error
        assert sorted(stopped.skipped.values()) == ["已取消打印", "已取消打印"]
        done = await print_own_labels(workflow, ids, spec, "DL-888B", client)
    assert done.ok and len(done.printed) == 2
    state = sandbox_state(sandbox.url)
    assert all(state["orders"][o]["status"] == 30 for o in ids)
    sent = [t for t in component.tasks if t["success"]]
    assert len(sent) == 3 and all(t["printType"] == 2 for t in sent)
    assert all(t["size"] == {"width": 100, "height": 150} for t in sent)
    waybills = {w.waybill_id for oid in ids for w in workflow.printed_waybills([oid])}
    decoded = {code for t in sent for code in _png_codes(t, tmp_path)}
    assert waybills <= decoded, (waybills, decoded)
    assert sorted(e["order_id"] for e in log_ops(sandbox.shop, SEND)) == sorted(ids)


@pytest.mark.asyncio
async def test_a_component_gone_mid_run_ships_the_pages_it_confirmed(
        workflow: ShippingWorkflow, engine: SyncEngine, sandbox: SandboxServer,
        component: PrintComponent) -> None:
    ids = await _numbered(workflow, engine, sandbox, 3)
    async with _client(component) as client:  # the component crashes after the first page
        outcome = await print_own_labels(workflow, ids, parse_spec("76x130"), "DL-888B", client,
                                         progress=lambda done, total: component.drop_connections())
    assert len(outcome.printed) == 1 and len(outcome.failed) == 1 and len(outcome.skipped) == 1
    why = next(iter(outcome.failed.values()))
    assert "第 2 页失败" in why and "打印组件" in why, why
    assert len(log_ops(sandbox.shop, SEND)) == 1  # only the confirmed label shipped
    assert sorted(c.stage for c in workflow.candidates(ids)).count("待打印") == 2


@pytest.mark.asyncio
async def test_a_sheet_of_nothing_is_said_not_raised(
        workflow: ShippingWorkflow, component: PrintComponent) -> None:
    async with _client(component) as client:
        result = await print_sheet(workflow, ["no-such-order"], False, "HP-LaserJet-M1136",
                                   client)
    assert "没有选择订单" in result.error and result.pages_printed == 0
    assert component.tasks == []
