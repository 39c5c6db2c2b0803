"""Every message the layers below the UI can give the seller (an op's refusal, a sync, print,
storage or API failure, an after-sale status or answer) reaches an English seller in English:
each Chinese string in every package below the UI is rendered as the code builds it (values as
"7") and translated through ``ui/messages.py``; compositions, the storage details, the 失败的修改
reasons and the counts that lead a sentence are checked in their real shapes."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from seller_desktop.store import CorruptCache, ShopInUse, StorageFull
from seller_desktop.ui import i18n, messages, storage_text

PACKAGE = Path(messages.__file__).resolve().parents[1]
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
WORDS = re.compile(r"[\u4e00-\u9fff]")
# Every package below the UI (the composition root and the CLI speak to a terminal, the sandbox
# is the store's side).
SOURCES = ["domain", "api", "store", "sync", "ops", "workflows", "labels"]
# Data, not messages: the default shop name and reprint reason stored with a print, the title
# of a parcel line without one; the print component's printer list joined for a message.
NOT_MESSAGES = {"微信小店", "补打", "商品", "无"}
# Words the window translates where it shows them, not through the message table: the orders
# tabs (screens/orders.py), durations (labels.duration), the label sizes (screens/shipping.py).
NAMED_BY_THE_UI = {
    "store/orders.py": {"待发货", "礼物待收下", "部分发货", "待收货", "已完成", "已取消", "全部"},
    "domain/timeutil.py": {"7天7小时", "7小时7分", "7分7秒"},
    "labels/specs.py": {"76×130 一联单（快递标准）", "100×150 热敏标签", "100×180 热敏标签"},
    # the custom area's placeholder names as the seller types them ({订单号}; English ones
    # too), and the buyer's fields refused there: names, not messages
    "labels/custom_area.py": {"订单号", "件数", "店铺", "收件人", "姓名", "电话", "手机", "地址"},
}
# Printed on paper, for the parcel and the packer (the carrier's and the buyer's language): only
# what these modules raise is a message for the seller.
PRINTED = {"labels/label.py", "labels/sheets.py", "labels/content.py"}
# Parts of a message that the code joins into one: the whole is translated (see the test below).
PARTS = {"（任务已在打印队列中挂起，请在系统打印队列中删除）", "（打印机不支持中途取消，已生成的页面可能仍会打印）",
         "7：本版本不支持该操作（7/7）", "完整性检查失败：",
         "打印机“7”不接受打印任务7，请在系统的打印机设置中启用后重试"}


def chinese_strings(path: Path, raised_only: bool = False) -> list[tuple[int, str]]:
    """(line, text) of each Chinese string literal or f-string (values as "7"), docstrings out;
    with ``raised_only``, only those inside a ``raise``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant):
            skip.add(id(body[0].value))
    roots = [n for n in ast.walk(tree) if isinstance(n, ast.Raise)] if raised_only else [tree]
    nodes = [node for root in roots for node in ast.walk(root)]
    found = []
    for node in nodes:
        if isinstance(node, ast.JoinedStr):
            skip.update(id(v) for v in node.values)
            text = "".join(v.value if isinstance(v, ast.Constant) else "7" for v in node.values)
            found.append((node.lineno, text))
    for node in nodes:
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
    found = []
    for p in files:
        name = p.relative_to(PACKAGE).as_posix()
        named = NAMED_BY_THE_UI.get(name, set())
        found += [(f"{name}:{line}", text)
                  for line, text in chinese_strings(p, raised_only=name in PRINTED)
                  if text not in PARTS and text not in named]
    return found


@pytest.fixture
def english(qapp):
    assert i18n.install_language(qapp, "en")
    yield
    i18n.install_language(qapp, "zh_CN")


def test_every_message_of_the_lower_layers_is_translated(english):
    found = all_messages()
    assert len(found) > 300
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
    # the parts of a message joined by the code (PARTS), in their real shapes
    assert messages.message("完整性检查失败：*** in database main ***") == (
        "Integrity check failed: *** in database main ***")
    accepting = "打印机“HL”不接受打印任务{}，请在系统的打印机设置中启用后重试"
    assert messages.message(accepting.format("")) == (
        "Printer “HL” does not accept jobs; enable it in the system's printer settings and try "
        "again")
    assert messages.message(accepting.format("（paused）")).startswith(
        "Printer “HL” does not accept jobs (paused); enable it")
    assert messages.message("这个店铺的数据目录正被另一个小店桌面程序使用：/d（进程 42）") == (
        "This shop's data folder is in use by another Seller Desktop: /d (process 42)")
    # two templates match; the reading that leaves no Chinese wins over the longer template
    assert messages.message("图片 local:images/ab.png 不能上传：ab.png 超过 10 MB") == (
        "Image local:images/ab.png cannot be uploaded: ab.png is over 10 MB")
    assert messages.message("a message from elsewhere") == "a message from elsewhere"
    assert messages.message("服务器说：未知的中文") == "服务器说: 未知的中文"  # unknown parts stay


def test_after_sale_messages_read_naturally(english):
    """A case's status, the seller's action, a buyer request's kind and the 拦截 reasons are
    translated inside the messages that carry them."""
    assert messages.message("售后单 A1 当前为“退款完成”，不能同意") == (
        "Case A1 is now “Refunded”: “Accept” is not possible")
    assert messages.message("订单 3701 没有待处理的修改地址申请") == (
        "Order 3701 has no pending request (Address change)")
    assert messages.message("发货（3701）失败：拦截，未发货：订单有未完成的售后") == (
        "Ship (3701) failed: Stopped before shipping (not shipped): The order has an open "
        "after-sales case")
    assert messages.message(
        "拦截，未取号：买家申请修改地址，待处理；先同意或拒绝改地址申请；同意后请取消原面单、重新取号并打印") == (
        "Stopped before taking a waybill (none taken): The buyer asked to change the address; "
        "waiting for your answer; Accept or reject the address change first; after accepting, "
        "cancel the old waybill, take a new one and print it")
    assert messages.message("同意换款（3701）失败：当前订单不支持此操作 [10020116]") == (
        "Accept the SKU change (3701) failed: This order does not support this operation "
        "[10020116]")
    assert messages.message("售后单未同步：没有调用该接口的权限，请在小店后台检查授权") == (
        "After-sale cases not synced: No permission for this API; check the authorisation in "
        "the store's back office")


def test_storage_details_are_in_english(english, tmp_path):
    """The file line under a storage error: our own reasons translated, SQLite's kept, and
    the parentheses of the UI language."""
    damaged = storage_text.describe(CorruptCache(tmp_path / "shop.db", "不是小店桌面的缓存文件"))
    assert damaged.endswith(f"{tmp_path / 'shop.db'} (Not a Seller Desktop cache file)")
    checked = storage_text.describe(CorruptCache(tmp_path / "shop.db", "完整性检查失败：row 3 missing"))
    assert checked.endswith("(Integrity check failed: row 3 missing)")
    in_use = storage_text.describe(ShopInUse(tmp_path, "进程 4242"))
    assert in_use.endswith(f"{tmp_path} (process 4242)")
    full = storage_text.describe(StorageFull(tmp_path / "shop.db", "database or disk is full"))
    assert full.endswith("(database or disk is full)")
    assert not any(CJK.search(t) for t in (damaged, checked, in_use, full))


def test_failed_changes_give_the_reason_in_english(english):
    """失败的修改: the store's reason (composed below the UI, its "<change>失败：" prefix cut)
    reads in English."""
    from seller_desktop.store.outbox_view import FAILED, AttentionRow
    from seller_desktop.ui.models.failed import reason_text

    row = AttentionRow(1, "order", "3701", "address_accept", {}, FAILED,
                       "同意改地址（3701）失败：当前订单不支持此操作 [10020116]", 0, 1, "", "3701",
                       None)
    assert reason_text(row) == "This order does not support this operation [10020116]"


def test_dropping_failed_changes_is_asked_with_plurals(english):
    """The drop question counts with Qt's plural forms, not "change(s)"."""
    source = "放弃 %n 项被拒绝的修改？它们不会再发送，本地会恢复为店铺上的内容。"
    one = QCoreApplication.translate("FailedChangesDialog", source, "", 1)
    three = QCoreApplication.translate("FailedChangesDialog", source, "", 3)
    assert one.startswith("Drop the refused change? It will not")
    assert three.startswith("Drop 3 refused changes? They will not")


def test_counts_that_lead_a_sentence_have_plural_forms(english, tmp_path):
    """A count that leads a sentence reads "1 order awaits" / "2 orders await", never
    "1 orders" (the rebuilt cache's report, the shipping summary)."""
    from seller_desktop.store.rebuild import RebuildResult
    from seller_desktop.ui.dialogs.cache_dialogs import rebuild_text
    from seller_desktop.ui.screens.shipping import _summary
    from seller_desktop.workflows.shipping import PrintOutcome

    one = rebuild_text(RebuildResult(tmp_path / "x.json", tmp_path / "x.db", 1, 1, False))
    assert "1 unsynced change was put back" in one and "1 record could not be read" in one
    two = rebuild_text(RebuildResult(tmp_path / "x.json", tmp_path / "x.db", 2, 3, False))
    assert "2 unsynced changes were put back" in two and "3 records could not be read" in two
    waybills = rebuild_text(RebuildResult(tmp_path / "x.json", tmp_path / "x.db", 0, 0, False,
                                          waybills_to_check=2, shipping_lost=("waybills",)))
    assert "The records of 2 e-waybills already taken could not be read" in waybills
    assert "Some e-waybill or print records could not be read" in waybills
    assert "no unsynced changes" in waybills
    settings = rebuild_text(RebuildResult(tmp_path / "x.json", tmp_path / "x.db", 0, 0, False,
                                          settings_unreadable=1))
    assert "check the sender address under “Sender address…”" in settings
    summary = _summary(PrintOutcome(printed=["e1"], unconfirmed=["3701"]), reprint=False)
    assert "1 order awaits the store's confirmation" in summary
