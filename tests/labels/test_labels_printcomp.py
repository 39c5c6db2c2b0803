"""The print component client against a minimal fake component (a websockets server)."""

from __future__ import annotations

import asyncio
import base64
import json
import socket
from contextlib import asynccontextmanager
from dataclasses import replace

import pytest
from websockets.asyncio.server import serve

from seller_desktop.labels.printcomp import (
    PRINT_HTML,
    PrintComponentClient,
    PrintComponentError,
    PrintComponentTimeout,
    PrintComponentUnavailable,
    PrintTask,
    html_tasks,
    tasks_for_waybills,
)


class FakeComponent:
    """Answers getPrinterList/getAppInfo/print like the component; records every request."""

    def __init__(self, *, silent: bool = False, reverse_pairs: bool = False, fail_tasks: set[str] = frozenset()):
        self.requests: list[dict] = []
        self.tasks: list[dict] = []
        self.silent = silent
        self.reverse_pairs = reverse_pairs
        self.fail_tasks = fail_tasks
        self.port = 0

    def reply(self, request: dict) -> dict:
        command = request["command"]
        base = {"cmd": command, "requestID": request["requestID"]}
        if command == "getPrinterList":
            return {**base, "printerList": [
                {"name": "Deli-DL-888T", "displayName": "得力 DL-888T 热敏打印机", "status": "online"},
                {"name": "HPRT-N41", "displayName": "汉印 N41", "status": "offline"},
            ]}
        if command == "getAppInfo":
            return {**base, "appInfo": {"version": "1.3.8"}}
        if command == "print":
            self.tasks.extend(request["taskList"])
            return {**base, "results": [
                {"taskID": t["taskID"], "success": t["taskID"] not in self.fail_tasks,
                 "failureReason": "打印机缺纸" if t["taskID"] in self.fail_tasks else ""}
                for t in request["taskList"]
            ]}
        return {**base, "success": False, "failureReason": f"unknown command {command}"}

    async def handler(self, ws) -> None:
        held: list[dict] = []
        async for raw in ws:
            request = json.loads(raw)
            self.requests.append(request)
            if self.silent:
                continue
            if self.reverse_pairs:
                held.append(request)
                if len(held) == 2:
                    for r in reversed(held):
                        await ws.send(json.dumps(self.reply(r), ensure_ascii=False))
                    held.clear()
                continue
            await ws.send(json.dumps({"notice": "heartbeat"}))  # unsolicited noise is ignored
            await ws.send(json.dumps(self.reply(request), ensure_ascii=False))


@asynccontextmanager
async def running(component: FakeComponent):
    async with serve(component.handler, "127.0.0.1", 0) as server:
        component.port = server.sockets[0].getsockname()[1]
        yield component


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.asyncio
async def test_printer_list_app_info_and_print(labels):
    async with running(FakeComponent()) as fake, PrintComponentClient(port=fake.port, timeout=5) as client:
        printers = await client.get_printer_list()
        assert [(p.name, p.display_name, p.status) for p in printers] == [
            ("Deli-DL-888T", "得力 DL-888T 热敏打印机", "online"), ("HPRT-N41", "汉印 N41", "offline")]
        assert (await client.get_app_info())["version"] == "1.3.8"

        tasks = tasks_for_waybills([item.waybill for item in labels])
        results = await client.print("Deli-DL-888T", tasks)

    assert [r.task_id for r in results] == [t.task_id for t in tasks]
    assert all(r.success and r.failure_reason == "" for r in results)
    printed = fake.requests[-1]
    assert printed["command"] == "print" and printed["version"] == "2.0"
    assert printed["printer"] == "Deli-DL-888T"
    assert [t["printInfo"] for t in fake.tasks] == [item.waybill.print_info for item in labels]
    assert all(t["printNum"] == {"curNum": 1, "sumNum": 1} for t in fake.tasks)
    assert len({r["requestID"] for r in fake.requests}) == len(fake.requests) == 3


@pytest.mark.asyncio
async def test_results_are_per_task():
    fake = FakeComponent(fail_tasks={"t2"})
    async with running(fake), PrintComponentClient(port=fake.port, timeout=5) as client:
        results = await client.print("Deli-DL-888T", [PrintTask("t1", "a"), PrintTask("t2", "b")])
    assert [(r.task_id, r.success, r.failure_reason) for r in results] == [
        ("t1", True, ""), ("t2", False, "打印机缺纸")]


@pytest.mark.asyncio
async def test_replies_are_matched_by_request_id_not_arrival_order():
    fake = FakeComponent(reverse_pairs=True)
    async with running(fake), PrintComponentClient(port=fake.port, timeout=5) as client:
        printers, info = await asyncio.gather(client.get_printer_list(), client.get_app_info())
    assert printers[0].name == "Deli-DL-888T" and info == {"version": "1.3.8"}


@pytest.mark.asyncio
async def test_component_not_running_gives_a_clear_error():
    client = PrintComponentClient(port=free_port(), connect_timeout=2)
    with pytest.raises(PrintComponentUnavailable, match="未检测到微信小店打印组件"):
        await client.connect()


@pytest.mark.asyncio
async def test_silent_component_times_out():
    fake = FakeComponent(silent=True)
    async with running(fake), PrintComponentClient(port=fake.port, timeout=0.3) as client:
        with pytest.raises(PrintComponentTimeout, match="没有响应（getAppInfo）"):
            await client.get_app_info()


@pytest.mark.asyncio
async def test_connection_lost_fails_pending_requests():
    async def hang_up(ws) -> None:
        await ws.recv()
        await ws.close()

    async with serve(hang_up, "127.0.0.1", 0) as server:
        port = server.sockets[0].getsockname()[1]
        async with PrintComponentClient(port=port, timeout=5) as client:
            with pytest.raises(PrintComponentError, match="断开"):
                await client.get_printer_list()


def test_waybill_without_print_info_is_refused(labels):
    waybill = labels[0].waybill
    blank = waybill.__class__(**{**waybill.__dict__, "print_info": ""})
    with pytest.raises(ValueError, match="print_info"):
        tasks_for_waybills([blank])


@pytest.mark.asyncio
async def test_size_custom_info_and_print_type_2_reach_the_emulated_component(labels):
    """The sandbox's component checks the fields as the reference describes them: a 100×150
    label carries its size, the seller's custom area goes with each task, our own pages go
    as printType 2 base64 HTML with their size."""
    from seller_desktop.sandbox.printcomp import PrintComponent

    comp = PrintComponent()
    comp.start()
    try:
        comp.set_paper("DL-888B", 100, 150)
        custom = {"templateUrl": "https://example.com/area.html", "data": {"shopName": "小店"}}
        waybills = [replace(item.waybill, print_info=base64.b64encode(json.dumps(
            {"waybill_id": item.waybill.waybill_id}).encode()).decode()) for item in labels[:2]]
        async with PrintComponentClient(comp.host, comp.port) as client:
            without = await client.print("DL-888B", tasks_for_waybills(waybills))
            assert not any(r.success for r in without)  # cropped: the size was not sent
            done = await client.print("DL-888B", tasks_for_waybills(waybills, custom),
                                      size_mm=(100, 150))
            assert all(r.success for r in done), done
            assert comp.tasks[-1]["size"] == {"width": 100, "height": 150}
            assert comp.tasks[-1]["customInfo"] == custom
            comp.set_paper("DL-888B", 210, 297)
            pages = html_tasks([b"\x89PNG-page-1", b"\x89PNG-page-2"], 210, 297, "slips")
            done = await client.print("DL-888B", pages, size_mm=(210, 297),
                                      print_type=PRINT_HTML)
            assert all(r.success for r in done), done
            assert comp.tasks[-1]["printType"] == 2
            assert 'style="width:210mm;height:297mm"' in comp.tasks[-1]["decoded"]["html"]
            with pytest.raises(ValueError):
                await client.print("DL-888B", pages, print_type=PRINT_HTML)
    finally:
        comp.stop()
