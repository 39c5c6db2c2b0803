"""The print component's address (打印设置): this machine only, ws:// with a port; the client
brackets an IPv6 loopback; a page for printType 2 is a 1-bit PNG at the paper's size."""

from __future__ import annotations

import base64

import pytest
from PySide6.QtGui import QImage

from seller_desktop.labels import A4, LABEL_SPECS, Page
from seller_desktop.labels.component_pages import page_png, page_task
from seller_desktop.labels.printcomp import (
    DEFAULT_HOST,
    DEFAULT_PORT,
    PrintComponentClient,
    parse_component_url,
)


def test_loopback_addresses_parse_and_empty_is_the_default():
    assert parse_component_url("") == (DEFAULT_HOST, DEFAULT_PORT)
    assert parse_component_url(" ws://127.0.0.1:5000 ") == ("127.0.0.1", 5000)
    assert parse_component_url("ws://localhost:12705/") == ("localhost", 12705)
    assert parse_component_url("ws://[::1]:9") == ("::1", 9)
    assert PrintComponentClient("::1", 9).url == "ws://[::1]:9"


@pytest.mark.parametrize(("url", "says"), [
    ("ws://192.168.1.20:12705", "本机"),
    ("ws://127.0.0.1.evil.example:12705", "本机"),
    ("wss://127.0.0.1:12705", "ws://127.0.0.1:端口"),
    ("ws://user@127.0.0.1:12705", "ws://127.0.0.1:端口"),
    ("ws://127.0.0.1:12705/print", "ws://127.0.0.1:端口"),
    ("ws://127.0.0.1", "缺少端口"),
    ("ws://127.0.0.1:99999", "无法识别"),
])
def test_anything_else_is_refused_with_the_reason(url, says):
    with pytest.raises(ValueError, match=says):
        parse_component_url(url)


def test_a_page_is_a_one_bit_png_at_the_printers_resolution(qapp):
    def paint(canvas):
        canvas.painter.fillRect(0, 0, 50, 50, 0)

    label = Page(LABEL_SPECS[0], paint, "p1")
    image = QImage.fromData(page_png(label), "PNG")
    assert (image.width(), image.height()) == (607, 1039)  # 76×130 mm at 203 dpi
    assert image.depth() == 1
    sheet = QImage.fromData(page_png(Page(A4, paint, "a4")), "PNG")
    assert (sheet.width(), sheet.height()) == (2480, 3508)  # A4 at 300 dpi
    task = page_task(label, 2, 3, "labels", stamp=7)
    assert (task.task_id, task.cur_num, task.sum_num) == ("labels-2-7", 2, 3)
    html = base64.b64decode(task.print_info).decode()
    assert "width:76mm;height:130mm" in html and "data:image/png;base64," in html
