"""Client of the WeChat Store desktop print component (打印组件), a WebSocket server on
``ws://127.0.0.1:12705``.

Requests are JSON objects with a ``command`` and a ``requestID``; replies carry the same
``requestID`` and may arrive in any order, so one reader task resolves a future per request.
Commands: ``getPrinterList``, ``getAppInfo`` and ``print`` (version "2.0", one task per waybill,
``printInfo`` = the API's opaque ``print_info``). Errors are ``PrintComponentError`` subclasses
with Chinese messages: not running, no answer in time, connection lost, bad reply.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from seller_desktop.domain import Waybill

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 12705
PRINT_PROTOCOL_VERSION = "2.0"
STANDARD_SIZE_MM = (76, 130)  # the size the component assumes when ``size`` is not sent
PRINT_WAYBILL, PRINT_HTML = 1, 2  # printType: the API's print_info / base64 HTML of our own


DEFAULT_URL = f"ws://{DEFAULT_HOST}:{DEFAULT_PORT}"
_LOOPBACK = ("127.0.0.1", "localhost", "::1")


def parse_component_url(url: str) -> tuple[str, int]:
    """``ws://127.0.0.1:12705`` → (host, port); "" → the default. Only this machine: the
    component gets the labels' print data and the custom area, which must not leave it.
    Raises ValueError (in Chinese) for anything else."""
    url = url.strip()
    if not url:
        return DEFAULT_HOST, DEFAULT_PORT
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise ValueError("打印组件地址无法识别，例如 ws://127.0.0.1:12705") from exc
    if parts.scheme != "ws" or parts.username or parts.password or parts.path not in ("", "/"):
        raise ValueError("打印组件地址须为 ws://127.0.0.1:端口（例如 ws://127.0.0.1:12705）")
    if parts.hostname not in _LOOPBACK:
        raise ValueError("打印组件只在本机运行：地址须为 127.0.0.1、localhost 或 [::1]")
    if port is None or not 0 < port < 65536:
        raise ValueError("打印组件地址缺少端口（例如 ws://127.0.0.1:12705）")
    return parts.hostname, port


def size_field(width_mm: float, height_mm: float) -> dict[str, float]:
    """The print request's ``size`` (orders-shipping.md §3.12: required for printType 2 and for
    every label that is not 76×130; the reference does not capture its units: millimetres,
    as the template sizes of ``ewaybill/template/config`` are given)."""
    return {"width": width_mm, "height": height_mm}


class PrintComponentError(RuntimeError):
    """The print component failed; ``str(error)`` is for the seller."""


class PrintComponentUnavailable(PrintComponentError):
    """Nothing (or not the component) listens on the port."""


class PrintComponentTimeout(PrintComponentError):
    """The component did not answer in time."""


@dataclass(frozen=True)
class ComponentPrinter:
    name: str
    display_name: str
    status: str


@dataclass(frozen=True)
class PrintTask:
    """One label for the component; ``print_info`` is passed through unchanged."""

    task_id: str
    print_info: str
    cur_num: int = 1
    sum_num: int = 1
    custom_info: dict[str, Any] | None = None  # {templateUrl, data}: the merchant's custom area

    def to_wire(self) -> dict[str, Any]:
        wire: dict[str, Any] = {
            "taskID": self.task_id,
            "printInfo": self.print_info,
            "printNum": {"curNum": self.cur_num, "sumNum": self.sum_num},
        }
        if self.custom_info:
            wire["customInfo"] = self.custom_info
        return wire


@dataclass(frozen=True)
class TaskResult:
    task_id: str
    success: bool
    failure_reason: str = ""


CustomInfoFn = Callable[[Waybill], dict[str, Any] | None]


def tasks_for_waybills(waybills: Sequence[Waybill],
                       custom_info: dict[str, Any] | CustomInfoFn | None = None
                       ) -> list[PrintTask]:
    """A task per waybill (id unique per print run); a waybill without print_info is refused.
    ``custom_info`` (the seller's custom area) goes with every task: the same for all, or
    made per waybill by a function (its order's id and items: ``custom_area``)."""
    stamp = int(time.time() * 1000)
    tasks = []
    for waybill in waybills:  # each waybill is its own parcel: printNum 1/1
        if not waybill.print_info:
            raise ValueError(f"运单 {waybill.waybill_id or waybill.ewaybill_order_id} 没有打印数据（print_info），请重新获取")
        info = custom_info(waybill) if callable(custom_info) else custom_info
        tasks.append(PrintTask(f"{waybill.ewaybill_order_id}-{waybill.waybill_id}-{stamp}",
                               waybill.print_info, custom_info=info))
    return tasks


def html_tasks(pages_png: Sequence[bytes], width_mm: float, height_mm: float,
               name: str = "doc") -> list[PrintTask]:
    """printType 2 tasks for our own documents (slips, pick lists, self-arranged labels): each
    page, already painted, as base64 HTML holding its image at the page's size in mm."""
    stamp = int(time.time() * 1000)
    tasks = []
    for n, png in enumerate(pages_png, 1):
        image = base64.b64encode(png).decode()
        html = (f'<html><body style="margin:0"><img style="width:{width_mm}mm;'
                f'height:{height_mm}mm" src="data:image/png;base64,{image}"></body></html>')
        tasks.append(PrintTask(f"{name}-{n}-{stamp}", base64.b64encode(html.encode()).decode(),
                               n, len(pages_png)))
    return tasks


class PrintComponentClient:
    """One connection to the component; use ``async with PrintComponentClient() as client``."""

    def __init__(
        self, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, *,
        timeout: float = 15.0, connect_timeout: float = 3.0,
    ) -> None:
        self.url = f"ws://[{host}]:{port}" if ":" in host else f"ws://{host}:{port}"
        self.timeout = timeout
        self.connect_timeout = connect_timeout
        self._ws: ClientConnection | None = None
        self._reader: asyncio.Task[None] | None = None
        self._pending: dict[str, asyncio.Future[dict[str, Any]]] = {}
        self._ids = itertools.count(1)
        self._closed_reason = ""

    async def __aenter__(self) -> PrintComponentClient:
        await self.connect()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def connect(self) -> None:
        try:
            self._ws = await connect(
                self.url, open_timeout=self.connect_timeout, proxy=None, max_size=8 * 1024 * 1024,
            )
        except (OSError, TimeoutError, InvalidHandshake, InvalidURI) as exc:
            raise PrintComponentUnavailable(
                f"未检测到微信小店打印组件（{self.url}），请确认打印组件已安装并正在运行"
            ) from exc
        self._closed_reason = ""
        self._reader = asyncio.create_task(self._read_loop())

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader
        self._fail_pending("打印组件连接已关闭")
        self._ws = None
        self._reader = None

    async def _read_loop(self) -> None:
        assert self._ws is not None
        try:
            async for raw in self._ws:
                try:
                    message = json.loads(raw)
                except (TypeError, ValueError):
                    continue  # not JSON: nothing we asked for
                if not isinstance(message, dict):
                    continue
                future = self._pending.pop(str(message.get("requestID", "")), None)
                if future is not None and not future.done():
                    future.set_result(message)
        except ConnectionClosed:
            pass
        self._fail_pending("与打印组件的连接已断开")

    def _fail_pending(self, reason: str) -> None:
        self._closed_reason = reason
        pending, self._pending = self._pending, {}
        for future in pending.values():
            if not future.done():
                future.set_exception(PrintComponentError(reason))

    async def request(self, command: str, **fields: Any) -> dict[str, Any]:
        """Send ``command`` and wait for the reply with the same requestID."""
        if self._ws is None:
            raise PrintComponentError("尚未连接打印组件")
        if self._reader is not None and self._reader.done():
            raise PrintComponentError(self._closed_reason or "与打印组件的连接已断开")
        request_id = f"sd-{next(self._ids)}-{int(time.time() * 1000)}"
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._pending[request_id] = future
        try:
            await self._ws.send(json.dumps({"command": command, "requestID": request_id, **fields},
                                           ensure_ascii=False))
            return await asyncio.wait_for(future, self.timeout)
        except TimeoutError as exc:
            raise PrintComponentTimeout(f"打印组件 {self.timeout:g} 秒内没有响应（{command}）") from exc
        except ConnectionClosed as exc:
            raise PrintComponentError("与打印组件的连接已断开") from exc
        finally:
            self._pending.pop(request_id, None)

    async def get_printer_list(self) -> list[ComponentPrinter]:
        reply = await self.request("getPrinterList")
        _raise_if_failed(reply, "获取打印机列表")
        printers = reply.get("printerList") or []
        return [
            ComponentPrinter(
                name=str(p.get("name", "")),
                display_name=str(p.get("displayName") or p.get("name", "")),
                status=str(p.get("status", "")),
            )
            for p in printers
            if isinstance(p, dict) and p.get("name")
        ]

    async def get_app_info(self) -> dict[str, Any]:
        """``appInfo`` of the component (at least ``version``)."""
        reply = await self.request("getAppInfo")
        _raise_if_failed(reply, "获取打印组件版本")
        info = reply.get("appInfo")
        if not isinstance(info, dict):
            raise PrintComponentError("打印组件返回的版本信息无法识别")
        return info

    async def print(self, printer: str, tasks: Sequence[PrintTask], *,
                    size_mm: tuple[float, float] | None = None,
                    print_type: int = PRINT_WAYBILL) -> list[TaskResult]:
        """Print ``tasks`` on ``printer`` (a name from ``get_printer_list``); a result per task.
        ``size_mm`` is the paper (width, height); sent unless it is the standard 76×130, and
        always for ``PRINT_HTML``, which needs it."""
        if not tasks:
            return []
        fields: dict[str, Any] = {"version": PRINT_PROTOCOL_VERSION, "printer": printer,
                                  "printType": print_type,
                                  "taskList": [task.to_wire() for task in tasks]}
        if print_type == PRINT_HTML and size_mm is None:
            raise ValueError("printType 2 needs the paper size")
        if size_mm is not None and (print_type == PRINT_HTML
                                    or tuple(size_mm) != STANDARD_SIZE_MM):
            fields["size"] = size_field(*size_mm)
        reply = await self.request("print", **fields)
        by_id = {}
        for result in reply.get("results") or []:
            if isinstance(result, dict) and "taskID" in result:
                by_id[str(result["taskID"])] = result
        if not by_id:
            _raise_if_failed(reply, "打印")
        results = []
        for task in tasks:
            got = by_id.get(task.task_id)
            if got is None:
                results.append(TaskResult(task.task_id, False, "打印组件没有返回该任务的结果"))
            else:
                success = bool(got.get("success"))
                reason = "" if success else str(got.get("failureReason") or "打印失败（原因未知）")
                results.append(TaskResult(task.task_id, success, reason))
        return results


def _raise_if_failed(reply: dict[str, Any], what: str) -> None:
    if reply.get("success") is False or reply.get("status") in ("failed", "error"):
        reason = reply.get("failureReason") or reply.get("msg") or reply.get("errmsg") or "原因未知"
        raise PrintComponentError(f"打印组件{what}失败：{reason}")
