"""Counts in notices and count texts use Qt's plural forms (``tr(text, "", n)`` with %n), so
English says "1 new after-sale case" and "2 new after-sale cases"; no count in the UI code is
put in with %1 where a counted noun follows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from seller_desktop.ui import i18n

from .conftest import open_window

ROOT = Path(__file__).resolve().parents[2] / "seller_desktop"
COUNTED = re.compile(r'(?:\.tr|translate)\([^)]*%[0-9] ?(?:个|条|张|件|项|台|分钟|种|页)')
# a count in a parenthesis next to a %n that already carries the plural
ALLOWED = {"%n 个订单待发货（含 %1 个部分发货）"}


def test_no_count_is_put_in_with_percent_1() -> None:
    found = []
    for path in sorted([*(ROOT / "ui").rglob("*.py"), ROOT / "app.py"]):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if COUNTED.search(line) and not any(a in line for a in ALLOWED):
                found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert found == []


@pytest.mark.asyncio
@pytest.mark.qt_loop
async def test_the_after_sale_notice_counts_in_both_languages(data_dir, qapp) -> None:
    async with open_window(data_dir, None) as window:
        window.notify_aftersale(["c1", "c2"], ["r1"])
        assert window.notification.text.text() == "2 个新的售后申请，1 个新的买家申请"
        assert i18n.install_language(qapp, "en")
        try:
            window.notify_aftersale(["c1"], ["r1", "r2"])
            assert window.notification.text.text() == (
                "1 new after-sale case, 2 new buyer requests")
            window.notify_aftersale(["c1", "c2", "c3"], [])
            assert window.notification.text.text() == "3 new after-sale cases"
        finally:
            i18n.install_language(qapp, "zh_CN")
