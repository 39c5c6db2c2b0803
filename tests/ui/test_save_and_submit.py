"""An edit of an on-sale product only changes its draft: the editor says so where the seller
saves, and 保存并提交审核 queues the edit and the listing, in that order, through the outbox;
the review passes and buyers see the new title."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from seller_desktop.domain.product import EditStatus, ProductStatus
from seller_desktop.store import outbox

from .conftest import acontrol, open_window, settled, sync, until
from .test_listings_flow import pick_on_sale

pytestmark = [pytest.mark.asyncio, pytest.mark.qt_loop]


async def test_save_and_submit_an_on_sale_product(data_dir, sandbox, qtbot):
    clock = sandbox.shop.clock.now
    async with open_window(data_dir, sandbox, clock=clock) as window:
        await sync(window)
        screen = window.listings
        product_id = pick_on_sale(screen)
        editor = screen.open_editor(product_id)
        assert editor.review_note.isVisible()
        assert "提交审核并通过后买家才会看到" in editor.review_note.text()
        new_title = editor.title.text() + " 新版"
        editor.title.setText(new_title)
        assert editor.submit_button.isEnabled()
        window.actions.on_queued = None  # look at the outbox before it goes out
        qtbot.mouseClick(editor.submit_button, Qt.MouseButton.LeftButton)
        await until(lambda: not editor.isVisible(), what="the editor to close")
        await settled(window)
        rows = outbox.open_rows(window.actions.reader(), "product", product_id)
        assert [r.op for r in rows] == ["edit", "list"]

        assert not (await sync(window)).stopped
        state = (await acontrol(sandbox, "/sandbox/state"))["state"]["products"][product_id]
        assert state["edit_status"] == EditStatus.IN_REVIEW
        assert state["edit_product"]["title"] == new_title
        assert state["product"]["title"] != new_title  # buyers still see the old one

        delay = sandbox.shop.config.review_delay
        await acontrol(sandbox, "/sandbox/clock/advance", {"seconds": delay + 1})
        assert not (await sync(window)).stopped
        state = (await acontrol(sandbox, "/sandbox/state"))["state"]["products"][product_id]
        assert state["product"]["title"] == new_title
        assert state["status"] == ProductStatus.ON_SALE
        row = screen.model.row_at(screen.model.row_of(product_id))
        assert row.edit_status == EditStatus.REVIEW_PASSED and row.title == new_title


async def test_no_review_note_for_a_product_not_on_sale(data_dir, sandbox, qtbot):
    async with open_window(data_dir, sandbox) as window:
        await sync(window)
        editor = window.listings.open_editor(None)
        assert not editor.review_note.isVisible() and editor.submit_button.isVisible()
        editor.done(0)


async def test_bulk_price_says_on_sale_prices_need_a_review(data_dir, sandbox, qtbot):
    async with open_window(data_dir, sandbox) as window:
        await sync(window)
        screen = window.listings
        pick_on_sale(screen)
        screen._bulk_price()
        assert "重新提交审核（上架）并通过后才生效" in screen.price_dialog.labelText()
        screen.price_dialog.reject()
