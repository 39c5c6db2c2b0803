"""商品: the listings table with status filter and instant search, the selected product's SKUs
with quick stock ±, the editor, and actions on one product or a selection (list, delist,
delete, price by %, stock ±). Everything works offline: saved edits show 待同步.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.changes import ChangeSet
from ...domain.money import format_fen
from ...domain.product import ON_SALE_STATUSES
from ...store import ui_queries as q
from ..actions import Actions
from ..dialogs.product_editor import ProductEditor
from ..models.products import COL_TITLE, KEY_ROLE, ProductsModel
from ..widgets import SHOP_DATA
from ..widgets.plain_text import PlainLabel
from ..widgets.tables import read_only_rows
from ..widgets.thumbnails import Thumbnails

SEARCH_DELAY_MS = 150

# In the order of ``ListingsScreen._filter_names``.
FILTERS = (q.ProductFilter.ALL, q.ProductFilter.ON_SALE, q.ProductFilter.NOT_LISTED,
           q.ProductFilter.SOLD_OUT, q.ProductFilter.IN_REVIEW, q.ProductFilter.PENDING,
           q.ProductFilter.CONFLICT)


class ListingsScreen(QWidget):
    def __init__(self, actions: Actions, thumbnails: Thumbnails | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actions = actions
        self.model = ProductsModel(actions.reader, thumbnails, self)
        self.thumbnails = thumbnails

        self.filter = QComboBox()
        for key, name in zip(FILTERS, self._filter_names(), strict=True):
            self.filter.addItem(name, key)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索标题、SKU 编码（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.count_label = PlainLabel()
        self.new_button = QPushButton(self.tr("新建商品"))
        self.edit_button = QPushButton(self.tr("编辑"))
        self.list_button = QPushButton(self.tr("上架"))
        self.delist_button = QPushButton(self.tr("下架"))
        self.delete_button = QPushButton(self.tr("删除"))
        self.price_button = QPushButton(self.tr("批量改价…"))
        self.stock_button = QPushButton(self.tr("批量改库存…"))
        top = QHBoxLayout()
        top.addWidget(self.filter)
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        actions_row = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.list_button, self.delist_button,
                       self.delete_button, self.price_button, self.stock_button):
            actions_row.addWidget(button)
        actions_row.addStretch(1)

        self.table = QTableView()
        self.table.setModel(self.model)
        read_only_rows(self.table, multi=True)
        self.table.verticalHeader().setDefaultSectionSize(44)
        self.table.setIconSize(thumbnails.size if thumbnails else self.table.iconSize())
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column, width in ((1, 130), (2, 70), (3, 90), (4, 90), (5, 70)):
            self.table.setColumnWidth(column, width)

        self.sku_title = PlainLabel(self.tr("选择一个商品查看 SKU"))
        self.sku_title.setProperty(SHOP_DATA, True)  # the selected product's title
        self.sku_table = QTableWidget(0, 4)
        self.sku_table.setHorizontalHeaderLabels([self.tr("规格"), self.tr("SKU 编码"),
                                                  self.tr("售价"), self.tr("库存")])
        read_only_rows(self.sku_table)
        self.sku_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 110), (2, 80), (3, 60)):
            self.sku_table.setColumnWidth(column, width)
        self.stock_step = QSpinBox()
        self.stock_step.setRange(1, 100000)
        self.stock_minus = QPushButton(self.tr("减库存"))
        self.stock_plus = QPushButton(self.tr("加库存"))
        stock_row = QHBoxLayout()
        stock_row.addWidget(PlainLabel(self.tr("数量")))
        stock_row.addWidget(self.stock_step)
        stock_row.addWidget(self.stock_minus)
        stock_row.addWidget(self.stock_plus)
        stock_row.addStretch(1)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.sku_title)
        side_layout.addWidget(self.sku_table, 1)
        side_layout.addLayout(stock_row)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([800, 380])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(actions_row)
        layout.addWidget(self.splitter, 1)

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_search)
        self.filter.currentIndexChanged.connect(self.apply_search)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        self.new_button.clicked.connect(lambda: self.open_editor(None))
        self.edit_button.clicked.connect(self.edit_selected)
        self.list_button.clicked.connect(lambda: self._set_listed(True))
        self.delist_button.clicked.connect(lambda: self._set_listed(False))
        self.delete_button.clicked.connect(self._delete)
        self.price_button.clicked.connect(self._bulk_price)
        self.stock_button.clicked.connect(self._bulk_stock)
        self.stock_minus.clicked.connect(lambda: self._quick_stock(-1))
        self.stock_plus.clicked.connect(lambda: self._quick_stock(1))
        self.editor: ProductEditor | None = None
        self._shown_product: str | None = None
        self._shown_skus: list[q.SkuRow] | None = None  # what the SKU table shows
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self._selection_changed()

    def _filter_names(self) -> list[str]:
        return [self.tr("全部"), self.tr("在售"), self.tr("未上架/已下架"), self.tr("已售罄"),
                self.tr("审核中/未通过"), self.tr("待同步"), self.tr("有冲突")]

    # -- loading ----------------------------------------------------------------------------

    def reload(self) -> None:
        self.model.reload()
        self._after_reload()

    def apply_search(self) -> None:
        self._search_timer.stop()
        self.model.set_query(self.filter.currentData(), self.search.text())
        self._after_reload()

    def _after_reload(self) -> None:
        if not self.table.selectionModel().hasSelection() and self.model.rowCount() \
                and self.select_product(self.model.keys()[0]):
            return  # the selection changed: _selection_changed showed its SKUs
        self._show_skus()

    def on_changes(self, changes: ChangeSet) -> None:
        if changes.products:
            self.model.apply_changes(changes.products)
        elif changes.conflicts:
            self.model.reload()
        else:
            return
        if not self.selected_ids() or self._shown_product in changes.products:
            self._after_reload()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("共 %n 个商品", "", self.model.total))

    # -- selection --------------------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.index(r, 0).data(KEY_ROLE) for r in rows]

    def select_product(self, product_id: str) -> bool:
        row = self.model.row_of(product_id)
        if row < 0:
            return False
        self.table.selectionModel().select(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _selection_changed(self, *_: object) -> None:
        ids = self.selected_ids()
        for button in (self.list_button, self.delist_button, self.delete_button,
                       self.price_button, self.stock_button):
            button.setEnabled(bool(ids))
        self.edit_button.setEnabled(len(ids) == 1)
        self._show_skus(ids)

    def _show_skus(self, ids: list[str] | None = None) -> None:
        ids = self.selected_ids() if ids is None else ids
        product_id = ids[0] if len(ids) == 1 else None
        self._shown_product = product_id
        enabled = product_id is not None
        for widget in (self.stock_minus, self.stock_plus, self.stock_step):
            widget.setEnabled(enabled)
        if product_id is None:
            self._shown_skus = None
            self.sku_table.setRowCount(0)
            self.sku_title.setText(self.tr("选择一个商品查看 SKU"))
            return
        row = self.model.row_at(self.model.row_of(product_id))
        self.sku_title.setText(row.title if row else product_id)
        skus = q.product_skus(self.actions.reader(), product_id)
        if self._shown_skus == skus:
            return  # shown as they are (refilling would also drop the SKU the seller picked)
        self._shown_skus = skus
        previous = self.sku_table.currentRow()
        self.sku_table.setRowCount(0)
        self.sku_table.setRowCount(len(skus))
        for i, sku in enumerate(skus):
            values = (sku.attrs or self.tr("默认"), sku.sku_code, format_fen(sku.sale_price),
                      str(sku.stock_num))
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, sku.sku_id)
                self.sku_table.setItem(i, column, item)
        if skus:
            self.sku_table.selectRow(min(max(previous, 0), len(skus) - 1))

    def selected_sku(self) -> str | None:
        item = self.sku_table.item(self.sku_table.currentRow(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    # -- actions ----------------------------------------------------------------------------

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.open_editor(ids[0])

    def open_editor(self, product_id: str | None) -> ProductEditor:
        product = self.actions.load_product(product_id) if product_id else None
        self.editor = ProductEditor(self.actions, product, self, self.thumbnails)
        self.editor.saved.connect(self._after_save)
        self.editor.open()
        return self.editor

    def _after_save(self, product_id: str) -> None:
        self.select_product(product_id)

    def _set_listed(self, listed: bool) -> None:
        ids = self.selected_ids()
        if ids:
            self.actions.tasks.spawn(self.actions.set_listed(ids, listed))

    def _delete(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("删除商品"),
                          self.tr("删除所选的 %n 个商品？删除后买家将看不到它们。", "",
                                  len(ids)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("删除"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("取消"))
        box.accepted.connect(lambda: self.actions.tasks.spawn(self.actions.delete_products(ids)))
        box.open()

    def _bulk_price(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("批量改价"))
        dialog.setLabelText(self.tr("所选 %n 个商品的所有 SKU 价格调整（%，如 -10 表示降价 10%）",
                                    "", len(ids)))
        dialog.setInputMode(QInputDialog.InputMode.DoubleInput)
        dialog.setDoubleRange(-90.0, 500.0)
        dialog.setDoubleDecimals(1)
        rows = q.products_by_id(self.actions.reader(), ids).values()
        if any(r.status in ON_SALE_STATUSES for r in rows):  # a price edit only changes drafts
            dialog.setLabelText(dialog.labelText() + "\n" + self.tr(
                "在售商品的新价格保存为草稿，重新提交审核（上架）并通过后才生效。"))
        self.price_dialog = dialog
        dialog.doubleValueSelected.connect(
            lambda pct: self.actions.tasks.spawn(self.actions.bulk_price(ids, pct)))
        dialog.open()

    def _bulk_stock(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("批量改库存"))
        dialog.setLabelText(self.tr("所选 %n 个商品的每个 SKU 库存增减（负数为减少）", "",
                                    len(ids)))
        dialog.setInputMode(QInputDialog.InputMode.IntInput)
        dialog.setIntRange(-100000, 100000)
        dialog.intValueSelected.connect(
            lambda delta: self.actions.tasks.spawn(self.actions.bulk_stock(ids, delta)))
        dialog.open()

    def _quick_stock(self, sign: int) -> None:
        product_id, sku_id = self._shown_product, self.selected_sku()
        if product_id is None or sku_id is None:
            return
        self.actions.tasks.spawn(
            self.actions.stock_delta(product_id, sku_id, sign * self.stock_step.value()))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
