"""The emulated print component answers the documented commands and records the tasks."""

import base64
import json

import pytest
from websockets.sync.client import connect

from seller_desktop.sandbox.printcomp import PrintComponent


@pytest.fixture
def component():
    comp = PrintComponent()
    comp.start()
    yield comp
    comp.stop()


def _ask(url, request):
    with connect(url) as ws:
        ws.send(json.dumps(request))
        return json.loads(ws.recv(timeout=5))


def _info(waybill_id):
    return base64.b64encode(json.dumps({"waybill_id": waybill_id}).encode()).decode()


def test_printer_list_and_app_info(component):
    reply = _ask(component.url, {"command": "getPrinterList", "requestID": "r1"})
    assert reply["requestID"] == "r1"
    assert {p["name"] for p in reply["printerList"]} >= {"DL-888B"}
    info = _ask(component.url, {"command": "getAppInfo", "requestID": "r2"})
    assert info["requestID"] == "r2" and info["appInfo"]["version"]


def test_print_records_tasks_and_fails_bad_ones(component):
    reply = _ask(component.url, {
        "command": "print", "version": "2.0", "requestID": "r3", "printer": "DL-888B",
        "taskList": [
            {"taskID": "t1", "printInfo": _info("YT1"), "printNum": {"curNum": 1, "sumNum": 2}},
            {"taskID": "t2", "printInfo": "not-base64!", "printNum": {"curNum": 2, "sumNum": 2}},
        ]})
    assert [(r["taskID"], r["success"]) for r in reply["results"]] == [("t1", True), ("t2", False)]
    assert reply["results"][1]["failureReason"]
    assert [t["decoded"] for t in component.tasks] == [{"waybill_id": "YT1"}, None]


def test_unknown_or_broken_printer_fails_every_task(component):
    tasks = [{"taskID": "t1", "printInfo": _info("YT1")}]
    reply = _ask(component.url, {"command": "print", "requestID": "r", "printer": "nope",
                                 "taskList": tasks})
    assert reply["results"][0]["success"] is False
    component.set_printer_status("DL-888B", "缺纸")
    reply = _ask(component.url, {"command": "print", "requestID": "r", "printer": "DL-888B",
                                 "taskList": tasks})
    assert "缺纸" in reply["results"][0]["failureReason"]


def test_garbage_message_gets_an_error_reply(component):
    with connect(component.url) as ws:
        ws.send("{nope")
        assert json.loads(ws.recv(timeout=5))["success"] is False
        ws.send(json.dumps({"command": "getAppInfo", "requestID": "after"}))
        assert json.loads(ws.recv(timeout=5))["requestID"] == "after"


def test_a_foreign_web_page_cannot_connect(component):
    """Cross-site WebSocket hijacking: any page may open ws://127.0.0.1:12705 from the seller's
    browser; the component only takes local programs, loopback pages and the back office."""
    from websockets.exceptions import InvalidStatus

    for origin in ("https://evil.example", "null", "https://weixin.qq.com.evil.example"):
        with pytest.raises(InvalidStatus) as refused:
            connect(component.url, origin=origin).close()
        assert refused.value.response.status_code == 403, origin
    for origin in ("https://store.weixin.qq.com", "http://127.0.0.1:8080", "http://localhost"):
        with connect(component.url, origin=origin) as ws:
            ws.send(json.dumps({"command": "getAppInfo", "requestID": "ok"}))
            assert json.loads(ws.recv(timeout=5))["requestID"] == "ok"
    assert component.tasks == []
