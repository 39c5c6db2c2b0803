"""礼物: the gift board. Gifts awaiting acceptance with a live 24-hour countdown (one QTimer for
the whole board), then gifts accepted and waiting to ship (time since acceptance), then
gifts that expired. Double-clicking a gift opens it in 订单."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.changes import ChangeSet
from ...store import ui_queries as q
from ..actions import Actions
from ..models.gifts import COL_ITEM, COL_NOTE, COL_RECIPIENT, KEY_ROLE, GiftsModel
from ..widgets.plain_text import PlainLabel
from ..widgets.tables import read_only_rows

SECTIONS = (q.GiftSection.AWAITING, q.GiftSection.ACCEPTED, q.GiftSection.EXPIRED)


class GiftsScreen(QWidget):
    open_order = Signal(str)

    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actions = actions
        self.models = {s: GiftsModel(s, actions.clock, self) for s in SECTIONS}
        self.headings: dict[q.GiftSection, QLabel] = {}
        self.counts: dict[q.GiftSection, int] = {}  # each section's true size
        self.tables: dict[q.GiftSection, QTableView] = {}
        splitter = QSplitter(Qt.Orientation.Vertical)
        for section in SECTIONS:
            pane = QWidget()
            pane_layout = QVBoxLayout(pane)
            pane_layout.setContentsMargins(0, 4, 0, 0)
            heading = PlainLabel()
            heading.setStyleSheet("font-weight: bold;")
            table = QTableView()
            table.setModel(self.models[section])
            read_only_rows(table)
            table.setWordWrap(False)
            header = table.horizontalHeader()
            header.setSectionResizeMode(COL_ITEM, QHeaderView.ResizeMode.Stretch)
            for column, width in ((1, 110), (COL_NOTE, 200), (3, 90), (4, 110),
                                  (COL_RECIPIENT, 220), (6, 80)):
                table.setColumnWidth(column, width)
            table.doubleClicked.connect(
                lambda index: self.open_order.emit(index.data(KEY_ROLE)))
            pane_layout.addWidget(heading)
            pane_layout.addWidget(table, 1)
            splitter.addWidget(pane)
            self.headings[section] = heading
            self.tables[section] = table
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setStretchFactor(2, 1)
        layout = QVBoxLayout(self)
        hint = PlainLabel(self.tr("礼物需收礼人在 24 小时内填写地址并收下；收下后即变为待发货订单。"
                              "双击一行查看订单。"))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(splitter, 1)
        self.timer = QTimer(self, interval=1000)
        self.timer.timeout.connect(self.tick)
        self._retitle()

    def _retitle(self) -> None:
        titles = {q.GiftSection.AWAITING: self.tr("等待收下（%1）"),
                  q.GiftSection.ACCEPTED: self.tr("已收下，待发货（%1）"),
                  q.GiftSection.EXPIRED: self.tr("已过期（%1）")}
        for section, label in self.headings.items():
            total = self.counts.get(section, self.models[section].rowCount())
            text = titles[section].replace("%1", str(total))
            if total > self.models[section].rowCount():  # the board lists the recent ones
                text += self.tr("，显示最近 %n 个", "", self.models[section].rowCount())
            label.setText(text)

    def reload(self) -> None:
        conn = self.actions.reader()
        rows = q.gift_rows(conn)
        self.counts = q.gift_counts(conn)
        for model in self.models.values():
            model.set_rows(rows)
        self._retitle()

    def on_changes(self, changes: ChangeSet) -> None:
        if changes.orders or changes.gifts_accepted or changes.gifts_expired:
            self.reload()

    def tick(self) -> None:
        self.models[q.GiftSection.AWAITING].tick()
        self.models[q.GiftSection.ACCEPTED].tick()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.timer.start()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self.timer.stop()
