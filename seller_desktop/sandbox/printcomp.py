"""An emulated WeChat Store desktop print component (打印组件), for tests and the demo.

The real component is a local WebSocket server on ``ws://127.0.0.1:12705`` (orders-shipping.md
§3.12): JSON requests and replies matched by ``requestID``; commands ``getPrinterList``,
``getAppInfo`` and ``print``. This emulator records every task it receives, can be told to fail
a printer, change the paper loaded or crash (every connection cut), checks the request fields as
the reference describes them (``version``, ``printInfo``, ``printType``, ``size`` against each
printer's loaded paper, ``printNum``, ``customInfo`` and the custom area it must fit) and refuses
web pages of other origins (cross-site WebSocket hijacking). The rules: sandbox/README.md,
"The print component".
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import html
import json
import re
import socket
import threading
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import Server, ServerConnection, serve

VERSION = "2.3.1-sandbox"
ALLOWED_ORIGINS = (
    None,  # a local program (the app's client sends no Origin)
    re.compile(r"https?://(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?"),
    re.compile(r"https://(?:[a-z0-9-]+\.)*weixin\.qq\.com"),
)


@dataclass
class Printer:
    name: str
    display_name: str
    status: str = "ready"  # "ready" prints; anything else fails every task on it
    paper: tuple[int, int] = (76, 130)  # the labels loaded (width, height in mm)


@dataclass
class PrintComponent:
    host: str = "127.0.0.1"
    port: int = 0
    printers: list[Printer] = field(default_factory=lambda: [
        Printer("DL-888B", "得力 DL-888B 热敏打印机"),
        Printer("Microsoft Print to PDF", "Microsoft Print to PDF"),
        Printer("HP-LaserJet-M1136", "惠普 LaserJet M1136（A4）", paper=(210, 297)),
    ])
    tasks: list[dict[str, Any]] = field(default_factory=list)  # every task received, in order
    _server: Server | None = field(default=None, repr=False)
    _thread: threading.Thread | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _open: set[ServerConnection] = field(default_factory=set, repr=False)

    def start(self) -> str:
        self._server = serve(self._handle, self.host, self.port, origins=ALLOWED_ORIGINS)
        self.port = self._server.socket.getsockname()[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True,
                                        name="sandbox-print-component")
        self._thread.start()
        return self.url

    @property
    def url(self) -> str:
        return f"ws://{self.host}:{self.port}"

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def set_printer_status(self, name: str, status: str) -> None:
        with self._lock:
            for printer in self.printers:
                if printer.name == name:
                    printer.status = status

    # ---- protocol ----

    def drop_connections(self) -> None:
        """Cut every open connection at once, as a crashed component would (no close frame)."""
        with self._lock:
            open_now, self._open = list(self._open), set()
        for conn in open_now:
            with contextlib.suppress(OSError):
                conn.socket.shutdown(socket.SHUT_RDWR)

    def _handle(self, conn: ServerConnection) -> None:
        with self._lock:
            self._open.add(conn)
        try:
            for message in conn:
                conn.send(json.dumps(self.answer(message), ensure_ascii=False))
        except ConnectionClosed:
            pass
        finally:
            with self._lock:
                self._open.discard(conn)

    def answer(self, message: str | bytes) -> dict[str, Any]:
        try:
            request = json.loads(message)
            if not isinstance(request, dict):
                raise ValueError("not an object")
        except ValueError:
            return {"command": "", "requestID": "", "success": False, "msg": "invalid json"}
        command = request.get("command")
        reply: dict[str, Any] = {"command": command, "requestID": request.get("requestID", "")}
        if command == "getPrinterList":
            with self._lock:
                reply["printerList"] = [{"name": p.name, "displayName": p.display_name,
                                         "status": p.status} for p in self.printers]
        elif command == "getAppInfo":
            reply["appInfo"] = {"version": VERSION}
        elif command == "print":
            reply["results"] = self._print(request)
        else:
            reply.update(success=False, msg=f"unknown command: {command}")
        return reply

    def set_paper(self, name: str, width: int, height: int) -> None:
        with self._lock:
            for printer in self.printers:
                if printer.name == name:
                    printer.paper = (width, height)

    def _print(self, request: dict[str, Any]) -> list[dict[str, Any]]:
        with self._lock:
            printer = next((p for p in self.printers if p.name == request.get("printer")), None)
        print_type = request.get("printType", 1)
        size = request.get("size")
        request_problem = ("version 须为 2.0" if request.get("version") != "2.0"
                           else _request_problem(print_type, size, printer))
        results = []
        for task in request.get("taskList") or []:
            task = task if isinstance(task, dict) else {}
            task_id = str(task.get("taskID", ""))
            failure = ""
            decoded = (_decode_html(task.get("printInfo")) if print_type == 2
                       else _decode_print_info(task.get("printInfo")))
            if printer is None:
                failure = "打印机不存在"
            elif printer.status != "ready":
                failure = f"打印机不可用（{printer.status}）"
            elif not task_id:
                failure = "taskID 不能为空"
            elif request_problem:
                failure = request_problem
            elif not _print_num_ok(task.get("printNum")):
                failure = "printNum 须为 {curNum, sumNum}，且 1 ≤ curNum ≤ sumNum"
            elif decoded is None:
                failure = "printInfo 无效" if print_type == 1 else "printInfo 不是 base64 的 HTML"
            elif "customInfo" in task:
                failure = _custom_info_problem(task["customInfo"])
            results.append({"taskID": task_id, "success": not failure, "failureReason": failure})
            with self._lock:
                self.tasks.append({"printer": request.get("printer"), "taskID": task_id,
                                   "printInfo": task.get("printInfo"), "decoded": decoded,
                                   "printNum": task.get("printNum"), "success": not failure,
                                   "printType": print_type, "size": size,
                                   "customInfo": task.get("customInfo")})
        return results


def _request_problem(print_type: Any, size: Any, printer: Printer | None) -> str:
    if print_type not in (1, 2):
        return "printType 须为 1 或 2"
    if size is not None:
        if not (isinstance(size, dict) and all(
                isinstance(size.get(k), (int, float)) and not isinstance(size.get(k), bool)
                and size[k] > 0 for k in ("width", "height"))):
            return "size 须为 {width, height}（毫米）"
        if printer is not None and (size["width"], size["height"]) != printer.paper:
            return (f"size {size['width']}×{size['height']} 与打印机纸张 "
                    f"{printer.paper[0]}×{printer.paper[1]} 不符")
    elif print_type == 2:
        return "printType 为 2 时必须传 size"
    elif printer is not None and printer.paper != (76, 130):
        return "面单尺寸非 130*76 时必须传 size，否则面单会被裁切"
    return ""


def _print_num_ok(value: Any) -> bool:
    if not isinstance(value, dict):
        return False
    cur, total = value.get("curNum"), value.get("sumNum")
    return (all(isinstance(n, int) and not isinstance(n, bool) for n in (cur, total))
            and 1 <= cur <= total)


CUSTOM_LINES, CUSTOM_LINE_UNITS = 5, 42  # 30 mm × 65.6 mm at 3 mm glyphs (template/config)
CUSTOM_INFO_BYTES = 8 * 1024


def _custom_info_problem(value: Any) -> str:
    shape = "customInfo 须为 {templateUrl: https 地址, data: 对象}"
    if not (isinstance(value, dict) and isinstance(value.get("templateUrl"), str)
            and isinstance(value.get("data", {}), dict)):
        return shape
    url = value["templateUrl"]
    if not re.fullmatch(r"https://[^\s/@:]+(?::\d{1,5})?(?:/\S*)?", url) or len(url) > 1024:
        return shape
    if len(json.dumps(value, ensure_ascii=False).encode()) > CUSTOM_INFO_BYTES:
        return f"customInfo 超过 {CUSTOM_INFO_BYTES // 1024} KB"
    text = value.get("data", {}).get("text", "")
    if not isinstance(text, str):
        return "customInfo.data.text 须为字符串"
    lines = text.split("<br>") if text else []
    if len(lines) > CUSTOM_LINES:
        return f"自定义区超过 {CUSTOM_LINES} 行，超出 65.6×30 毫米的自定义区"
    for line in lines:
        if "<" in line or ">" in line:
            return "自定义区内容含有 HTML 标记（只允许 <br> 换行）"
        shown = html.unescape(line)
        if sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in shown) \
                > CUSTOM_LINE_UNITS:
            return f"自定义区一行超过 {CUSTOM_LINE_UNITS // 2} 个汉字宽，超出自定义区"
    return ""


def _decode_html(value: Any) -> dict[str, Any] | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        html = base64.b64decode(value, validate=True).decode("utf-8")
    except (binascii.Error, ValueError):
        return None
    return {"html": html} if html.lstrip().lower().startswith("<") else None


def _decode_print_info(value: Any) -> dict[str, Any] | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        decoded = json.loads(base64.b64decode(value, validate=True))
    except (binascii.Error, ValueError):
        return None
    return decoded if isinstance(decoded, dict) else None
