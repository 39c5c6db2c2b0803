"""Every message the layers below the UI can give the seller (an op's refusal, a sync, print or
API failure) reaches an English seller in English: each Chinese string in those modules is
rendered as the code builds it (values as "7") and translated through ``ui/messages.py``."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from seller_desktop.ui import i18n, messages

PACKAGE = Path(messages.__file__).resolve().parents[1]
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
WORDS = re.compile(r"[\u4e00-\u9fff]")
SOURCES = ["ops", "workflows", "sync", "labels/job.py", "labels/printing.py", "api/errors.py",
           "api/client.py", "domain/order.py", "domain/validation.py"]
# Data, not messages: the default shop name and reprint reason stored with a print, the title
# of a parcel line without one; the print component's printer list joined for a message.
NOT_MESSAGES = {"微信小店", "补打", "商品", "无"}
# Parts of a message that the code joins into one: the whole is translated (see the test below).
PARTS = {"（任务已在打印队列中挂起，请在系统打印队列中删除）", "（打印机不支持中途取消，已生成的页面可能仍会打印）",
         "7：本版本不支持该操作（7/7）"}


def chinese_strings(path: Path) -> list[tuple[int, str]]:
    """(line, text) of each Chinese string literal or f-string (values as "7"), docstrings out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant):
            skip.add(id(body[0].value))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            skip.update(id(v) for v in node.values)
            text = "".join(v.value if isinstance(v, ast.Constant) else "7" for v in node.values)
            found.append((node.lineno, text))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            found.append((node.lineno, node.value))
    # (only punctuation: a composition such as "%1：%2", translated with the parts it joins)
    return [(line, text) for line, text in found if WORDS.search(text)
            and text not in NOT_MESSAGES]


def all_messages() -> list[tuple[str, str]]:
    files = []
    for source in SOURCES:
        path = PACKAGE / source
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return [(f"{p.relative_to(PACKAGE)}:{line}", text)
            for p in files for line, text in chinese_strings(p) if text not in PARTS]


@pytest.fixture
def english(qapp):
    assert i18n.install_language(qapp, "en")
    yield
    i18n.install_language(qapp, "zh_CN")


def test_every_message_of_the_lower_layers_is_translated(english):
    found = all_messages()
    assert len(found) > 120
    untranslated = [(where, text, messages.message(text)) for where, text in found
                    if CJK.search(messages.message(text))]
    assert untranslated == []


def test_composed_messages_translate_their_parts(english):
    assert messages.message("订单 3701：礼物尚未被收下，收礼人填写地址后才能发货") == (
        "Order 3701: The gift is not accepted yet; it can ship once the recipient fills in an "
        "address")
    assert messages.message("修改商品（900001）失败：商品审核中，请先撤回审核 [10020052] in review") == (
        "Edit product (900001) failed: The product is in review; withdraw the review first "
        "[10020052] in review")
    assert messages.message("订单 37 已有中通快递面单") == "Order 37 already has a ZTO Express waybill"
    assert messages.message("删除商品（9）：本版本不支持该操作（product/x）") == (
        "Delete product (9): this version does not support this operation (product/x)")
    assert messages.message("已取消打印（打印机不支持中途取消，已生成的页面可能仍会打印）").startswith(
        "Printing cancelled (the printer cannot")
    assert messages.message("a message from elsewhere") == "a message from elsewhere"
    assert messages.message("服务器说：未知的中文") == "服务器说: 未知的中文"  # unknown parts stay
