"""失败的修改: changes the store refused, with its reasons, and the ones waiting behind them.

The seller retries a refused change (after fixing the cause; it goes out with a sync started
at once) or drops it (after a confirmation: the local copy shows the store's again). Rows
waiting behind one are listed too, so nothing waits silently. Non-modal; refreshed by every
ChangeSet that touches the outbox.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.changes import ChangeSet
from ...store import outbox_view
from ...store.outbox_view import AttentionRow
from ..actions import Actions
from ..models.failed import COL_CHANGE, COL_REASON, COL_WHAT, FailedChangesModel
from ..sync_controller import SyncController
from ..widgets.plain_text import PlainLabel
from ..widgets.tables import read_only_rows


class FailedChangesDialog(QDialog):
    def __init__(self, actions: Actions, sync: SyncController,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actions = actions
        self.sync = sync
        self.setWindowTitle(self.tr("失败的修改"))
        self.resize(900, 400)
        self.model = FailedChangesModel(actions.reader, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        read_only_rows(self.table, multi=True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(COL_WHAT, 200)
        self.table.setColumnWidth(COL_CHANGE, 200)
        self.hint = PlainLabel(self.tr(
            "微信小店拒绝了这些修改（原因见右侧）。处理好原因后点“重试”；不再需要时点“放弃”，"
            "本地会恢复为店铺上的内容。同一商品或订单后面的修改会排队等待，直到前面的修改处理完。"))
        self.hint.setWordWrap(True)
        self.empty = PlainLabel(self.tr("没有失败的修改。"))
        self.retry_button = QPushButton(self.tr("重试"))
        self.drop_button = QPushButton(self.tr("放弃…"))
        self.close_button = QPushButton(self.tr("关闭"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.drop_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.confirm: QMessageBox | None = None
        self.retry_button.clicked.connect(self.retry_selected)
        self.drop_button.clicked.connect(self.ask_drop)
        self.close_button.clicked.connect(self.close)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.model.modelReset.connect(self._enable)
        self.reload()

    def reload(self) -> None:
        self.model.reload()

    def _selected(self) -> list[AttentionRow]:
        """The selected failed rows (waiting rows cannot be acted on)."""
        rows = (self.model.row_at(i.row()) for i in self.table.selectionModel().selectedRows())
        return [r for r in rows if r is not None and r.state == outbox_view.FAILED]

    def selected_failed(self) -> list[int]:
        return [r.row_id for r in self._selected()]

    def _enable(self) -> None:
        chosen = bool(self.selected_failed())
        self.retry_button.setEnabled(chosen)
        self.drop_button.setEnabled(chosen)
        self.empty.setVisible(self.model.rowCount() == 0)

    def retry_selected(self) -> None:
        ids = self.selected_failed()
        if ids:
            self.actions.tasks.spawn(self._retry(ids))

    async def _retry(self, ids: list[int]) -> None:
        await self.actions.retry_outbox_rows(ids)
        if self.sync.available:
            self.sync.sync_now()

    def ask_drop(self) -> None:
        rows = self._selected()
        ids = [r.row_id for r in rows]
        if not ids:
            return
        text = self.tr("放弃 %n 项被拒绝的修改？它们不会再发送，本地会恢复为店铺上的内容。", "",
                       len(ids))
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("放弃这些修改？"), text,
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, self)
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("放弃修改"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("保留"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(
            lambda button: self.actions.tasks.spawn(self.actions.drop_outbox_rows(ids))
            if box.standardButton(button) == QMessageBox.StandardButton.Discard else None)
        self.confirm = box
        box.open()

    def on_changes(self, changes: ChangeSet) -> None:
        if changes.outbox or changes.conflicts:
            self.model.reload()
