"""The first 1–2 character order search after start: its first page is shown before the orders'
texts are read (1.6 s at 200,000 orders), then the complete matches and counts replace it."""

from __future__ import annotations

import asyncio
import threading

import pytest

from seller_desktop.store import order_texts
from seller_desktop.store import ui_queries as q

from .conftest import open_window, sync, until

pytestmark = [pytest.mark.asyncio, pytest.mark.qt_loop]


async def test_the_first_short_search_shows_a_page_before_the_texts_are_read(
        data_dir, sandbox, monkeypatch):
    async with open_window(data_dir, sandbox) as window:
        await sync(window)
        orders = window.orders
        window.tabs.setCurrentWidget(orders)
        orders.set_tab(q.OrderTab.ALL)
        line = orders.model.row_at(0).line_titles
        two = next(line[i:i + 2] for i in range(len(line))
                   if all("\u4e00" <= ch <= "\u9fff" for ch in line[i:i + 2]))
        reader = window.actions.reader()
        expected = q.scan_order_search_sql(reader, two)
        by_rowid = dict(reader.execute("SELECT rowid, order_id FROM orders"))
        expected_ids = [by_rowid[r[0]] for r in expected.rows]  # the 全部 tab's order
        # reading the texts waits until the test lets it (as a slow read of 200,000 would)
        reading, release = threading.Event(), threading.Event()
        real_init = order_texts.OrderTexts.__init__

        def slow_init(self, conn):
            reading.set()
            release.wait(10)
            real_init(self, conn)

        monkeypatch.setattr(order_texts.OrderTexts, "__init__", slow_init)
        try:
            orders.search.setText(two)
            orders.apply_search()
            await until(lambda: orders.model.keys() == expected_ids[:200], timeout=5,
                        what="the first page while the texts are being read")
            assert not release.is_set() and not orders.search_task.done()
            assert "仍在搜索" in orders.count_label.text()
            assert "(" not in orders.tabs.tabText(orders.tabs.currentIndex())  # no count yet
        finally:
            release.set()
        await asyncio.wait_for(asyncio.shield(orders.search_task), 10)
        assert reading.is_set()
        assert orders.model.total == len(expected)
        assert orders.count_label.text() == f"{len(expected)} 个订单"
        assert f"({len(expected)})" in orders.tabs.tabText(orders.tabs.currentIndex())


@pytest.mark.parametrize("limit, large", [(0, True), (10**9, False)])
async def test_a_large_shop_matches_searches_off_the_ui_thread(
        data_dir, sandbox, monkeypatch, limit, large):
    """Above ``MATCH_ON_UI_THREAD_MAX`` orders (200,000: 25-45 ms of matching) every search is
    matched in a worker, a 1–2 character one even when the texts are held; the rows and counts
    are the same as SQLite's. (The limit stands in for the shop's size: the sandbox shop is
    small.)"""
    from seller_desktop.ui.screens import orders as screen

    monkeypatch.setattr(screen, "MATCH_ON_UI_THREAD_MAX", limit)
    async with open_window(data_dir, sandbox) as window:
        await sync(window)
        orders = window.orders
        window.tabs.setCurrentWidget(orders)
        orders.set_tab(q.OrderTab.ALL)
        reader = window.actions.reader()
        await asyncio.to_thread(q.warm_order_texts, window.actions.worker_reader())
        matched: list[tuple[str, bool]] = []  # (search, on the UI thread)

        def watch(name):
            real = getattr(q, name)

            def watched(conn, text, *tab):
                matched.append((text, threading.current_thread() is threading.main_thread()))
                return real(conn, text, *tab)

            monkeypatch.setattr(q, name, watched)

        watch("scan_order_search")
        watch("find_order_matches")
        by_rowid = dict(reader.execute("SELECT rowid, order_id FROM orders"))
        first = orders.model.row_at(0)
        line = first.line_titles
        two = next(line[i:i + 2] for i in range(len(line))
                   if all("\u4e00" <= ch <= "\u9fff" for ch in line[i:i + 2]))
        long = first.address[:4]
        searches = (two, f"{first.address[:1]} {first.order_id[-1]}", long, f"{long} {two}")
        for text in searches:
            expected = q.scan_order_search_sql(reader, text)
            orders.search_task = None
            orders.search.setText(text)
            orders.apply_search()
            if orders.search_task is not None:
                assert large
                assert orders.count_label.text() == "搜索中…"
                await asyncio.wait_for(asyncio.shield(orders.search_task), 10)
            assert orders.model.keys() == [by_rowid[r[0]] for r in expected.rows][:200]
            assert orders.model.total == len(expected) > 0
            assert orders.count_label.text() == f"{len(expected)} 个订单"
            for tab in screen.TABS:  # every tab from the same matches
                orders.set_tab(tab)
                assert orders.model.total == len(expected.rowids(tab))
                assert orders.counts[tab] == len(expected.rowids(tab))
            orders.set_tab(q.OrderTab.ALL)
        if large:  # each search matched once, in a worker
            assert [t for t, _ in matched if t] == list(searches)
            assert not any(ui for _, ui in matched)
        else:  # the short ones on the UI thread from the texts, the others by SQLite there
            assert matched == [(searches[0], True), (searches[1], True)]
