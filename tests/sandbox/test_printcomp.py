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


def _print(component, printer="DL-888B", **fields):
    request = {"command": "print", "version": "2.0", "requestID": "p", "printer": printer,
               "taskList": [{"taskID": "t1", "printInfo": _info("YT1"),
                             "printNum": {"curNum": 1, "sumNum": 1}}], **fields}
    return _ask(component.url, request)["results"][0]


def test_size_is_required_off_the_standard_paper_and_must_match_it(component):
    assert _print(component)["success"]  # 76×130 paper, no size: the default
    component.set_paper("DL-888B", 100, 150)
    result = _print(component)
    assert not result["success"] and "必须传 size" in result["failureReason"]
    assert _print(component, size={"width": 100, "height": 150})["success"]
    result = _print(component, size={"width": 100, "height": 180})
    assert not result["success"] and "不符" in result["failureReason"]
    result = _print(component, size={"width": "100", "height": 150})
    assert not result["success"] and "size 须为" in result["failureReason"]
    assert component.tasks[-1]["size"] == {"width": "100", "height": 150}


def test_print_type_2_needs_size_and_base64_html(component):
    html = base64.b64encode(b"<html><body>slip</body></html>").decode()
    task = {"taskID": "h1", "printInfo": html, "printNum": {"curNum": 1, "sumNum": 1}}
    result = _print(component, printType=2, taskList=[task])
    assert not result["success"] and "printType 为 2 时必须传 size" in result["failureReason"]
    component.set_paper("DL-888B", 210, 297)
    assert _print(component, printType=2, taskList=[task],
                  size={"width": 210, "height": 297})["success"]
    result = _print(component, printType=2, size={"width": 210, "height": 297})  # print_info
    assert not result["success"] and "HTML" in result["failureReason"]
    assert not _print(component, printType=3)["success"]


def test_custom_info_shape_is_checked(component):
    def with_custom(custom):
        task = {"taskID": "c1", "printInfo": _info("YT2"), "printNum": {"curNum": 1, "sumNum": 1},
                "customInfo": custom}
        return _print(component, taskList=[task])

    good = {"templateUrl": "https://example.com/t.html", "data": {"shopName": "小店"}}
    assert with_custom(good)["success"]
    assert component.tasks[-1]["customInfo"] == good
    assert not with_custom({"templateUrl": "http://example.com/t.html"})["success"]
    assert not with_custom({"data": {}})["success"]


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


def test_version_print_num_and_the_custom_areas_size_are_checked(component):
    assert "version" in _print(component, version="1.0")["failureReason"]
    bad_num = [{"taskID": "n1", "printInfo": _info("YT3"), "printNum": {"curNum": 3, "sumNum": 2}}]
    assert "printNum" in _print(component, taskList=bad_num)["failureReason"]

    def with_text(text, url="https://shop.example.com/area.html"):
        task = {"taskID": "a1", "printInfo": _info("YT4"), "printNum": {"curNum": 1, "sumNum": 1},
                "customInfo": {"templateUrl": url, "data": {"text": text}}}
        return _print(component, taskList=[task])

    assert with_text("订单 1234<br>" + "谢" * 21 + "<br>A &amp; B")["success"]
    assert "超过 5 行" in with_text("<br>".join(["行"] * 6))["failureReason"]
    assert "超出自定义区" in with_text("谢" * 22)["failureReason"]
    assert "HTML" in with_text('<img src=x onerror="alert(1)">')["failureReason"]
    assert "KB" in with_text("a<br>" * 2 + "x" * 9000)["failureReason"]
    assert not with_text("ok", url="https://user@evil.example/t.html")["success"]
    reply = _ask(component.url, {"command": "getPrinterList", "requestID": "a4"})
    assert "HP-LaserJet-M1136" in {p["name"] for p in reply["printerList"]}
