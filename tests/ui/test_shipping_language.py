"""The 发货 screen in English: why a print target cannot take labels (the workflow's and the
print component's words, Chinese below the UI) and the store's refusal of a 取号 are shown in
English."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from seller_desktop.ui import i18n
from seller_desktop.ui.models.shipping import STAGE_COLUMN, TARGET_PDF, ShippingModel
from seller_desktop.workflows.shipping import Candidate

from . import factories
from .conftest import acontrol
from .test_messages_language import CJK
from .test_shipping_screen import EWB_CREATE, screen  # noqa: F401 (the screen fixture)


@pytest.fixture
def english(qapp):
    assert i18n.install_language(qapp, "en")
    yield
    i18n.install_language(qapp, "zh_CN")


@pytest.mark.asyncio
@pytest.mark.qt_loop
async def test_a_pdf_that_cannot_be_written_is_explained_in_english(english, screen, sandbox, qtbot,  # noqa: F811
                                                          tmp_path) -> None:
    oid = (await acontrol(sandbox, "/sandbox/order/create", {"status": 20}))["order_id"]
    await screen.sync_engine.run(full=True)
    screen.reload()
    await screen.refresh_accounts()
    screen.picker.choose(TARGET_PDF)
    missing = tmp_path / "no-such-folder"
    screen.picker.pdf_path.setText(str(missing / "labels.pdf"))
    screen.model.set_checked([oid])
    qtbot.mouseClick(screen.print_button, Qt.MouseButton.LeftButton)
    await screen.current_task
    text = screen.status.text()
    assert text == (f"Cannot save the PDF: the folder “{missing}” does not exist\n"
                    "No waybill number was taken and no order was marked shipped"), text
    assert not CJK.search(text.replace(str(missing), ""))
    assert not [e for e in sandbox.shop.log if e["op"] == EWB_CREATE]


def test_a_refused_waybill_request_reads_in_english(english, qapp) -> None:
    """The stage column and its tooltip show the store's refusal of the last 取号 (an outbox
    row's reason, composed below the UI) in English."""
    error = ("电子面单取号（3701）失败：拦截，未取号：订单有未完成的售后，不能发货；"
             "售后结束后再发货；若已退款，请取消电子面单")
    model = ShippingModel()
    model.set_rows([Candidate(factories.order(1), "", None, error)])
    stage = model.index(0, STAGE_COLUMN)
    shown = model.data(stage, Qt.ItemDataRole.DisplayRole)
    assert shown.startswith("Take a waybill number (3701) failed: Stopped before taking a "
                            "waybill (none taken): "), shown
    assert not CJK.search(shown)
    assert model.data(stage, Qt.ItemDataRole.ToolTipRole) == shown
