"""冲突: fields changed both here and on the server since the edit started. Each row shows mine
and theirs; the seller keeps mine or takes theirs, field by field. Non-modal."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.changes import ChangeSet
from ..actions import Actions
from ..models.conflicts import COL_MINE, COL_THEIRS, MINE, THEIRS, ConflictsModel
from ..sync_controller import SyncController
from ..widgets.plain_text import PlainLabel
from ..widgets.tables import read_only_rows


class ConflictsDialog(QDialog):
    def __init__(self, actions: Actions, sync: SyncController,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actions = actions
        self.sync = sync
        self.setWindowTitle(self.tr("解决冲突"))
        self.resize(820, 420)
        self.model = ConflictsModel(actions.reader, self)
        self.resolving: set[str] = set()  # products whose choices are being applied (once each)
        self.table = QTableView()
        self.table.setModel(self.model)
        read_only_rows(self.table, multi=True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_MINE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_THEIRS, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 200)
        self.table.setColumnWidth(1, 110)
        self.hint = PlainLabel(self.tr("这些字段在你修改的同时也在微信小店后台被修改了。"
                                   "请逐个字段选择保留哪一边；一个商品的字段都选好后即会生效并同步。"))
        self.hint.setWordWrap(True)
        self.keep_mine = QPushButton(self.tr("保留我的"))
        self.take_theirs = QPushButton(self.tr("采用服务器的"))
        self.close_button = QPushButton(self.tr("关闭"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_mine)
        buttons.addWidget(self.take_theirs)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.keep_mine.clicked.connect(lambda: self.resolve(True))
        self.take_theirs.clicked.connect(lambda: self.resolve(False))
        self.close_button.clicked.connect(self.close)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.model.modelReset.connect(self._enable)
        self.model.reload()

    def _enable(self) -> None:
        chosen = bool(self.table.selectionModel().selectedRows())
        self.keep_mine.setEnabled(chosen)
        self.take_theirs.setEnabled(chosen)

    def resolve(self, keep_mine: bool) -> None:
        """Record the choice for the selected fields; a product is settled (and pushed) once
        each of its conflicting fields has one."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows:
            return
        self.model.choose(rows, MINE if keep_mine else THEIRS)
        decided = {product_id: fields for product_id, fields
                   in self.model.decided_products().items() if product_id not in self.resolving}
        if decided:
            self.resolving.update(decided)
            task = self.actions.tasks.spawn(self.sync.resolve_conflicts(decided))
            task.add_done_callback(lambda _: self.resolving.difference_update(decided))

    def on_changes(self, changes: ChangeSet) -> None:
        if changes.conflicts or changes.products:
            self.model.reload()
