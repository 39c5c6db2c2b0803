"""The product editor: title, short title, SKUs in a grid, images from local files.

Every keystroke re-checks the product against the store's rules (``validate_product``) and
shows each message next to its field, or on the SKU cell it is about; 保存 stays disabled
until the product is valid. Prices are typed in 元 and stored in 分. The dialog is opened with
``open()`` (never ``exec()``) and saves through ``Actions.save_product``; a ValidationFailed
from the op is shown the same way.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSize, QStandardPaths, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.money import MoneyError, fen_to_yuan_text, parse_yuan
from ...domain.product import ON_SALE_STATUSES, Product, Sku
from ...domain.validation import Issue, ValidationFailed, copy_settings, validate_product
from ..actions import Actions
from ..files import last_folders, start_folder
from ..messages import join, message
from ..storage_text import describe
from ..widgets.plain_text import PlainLabel, plain_tip
from ..widgets.thumbnails import Thumbnails
from .sku_attrs import format_attrs, parse_attrs

COL_ATTRS, COL_CODE, COL_PRICE, COL_MARKET, COL_STOCK = range(5)
_SKU_FIELD_COLUMN = {"attrs": COL_ATTRS, "sku_code": COL_CODE, "sale_price": COL_PRICE,
                     "market_price": COL_MARKET, "stock_num": COL_STOCK}
_SKU_ISSUE = re.compile(r"^skus\[(\d+)\]\.(\w+)$")
ERROR_STYLE = "color: #c62828;"
ERROR_BG = QColor("#ffebee")


class ProductEditor(QDialog):
    saved = Signal(str)  # product id (a local id for a new product)

    def __init__(self, actions: Actions, product: Product | None = None,
                 parent: QWidget | None = None, thumbnails: Thumbnails | None = None) -> None:
        super().__init__(parent)
        self.actions = actions
        self.thumbnails = thumbnails
        self.original = product
        self._saving = False  # a save is being written
        self.setWindowTitle(self.tr("编辑商品") if product else self.tr("新建商品"))
        self.resize(760, 560)
        self._skus: list[Sku | None] = []  # the SKU each grid row started from

        self.title = QLineEdit()
        self.title_error = self._error_label()
        self.short_title = QLineEdit()
        self.short_title_error = self._error_label()
        form = QFormLayout()
        form.addRow(self.tr("标题"), self.title)
        form.addRow("", self.title_error)
        form.addRow(self.tr("短标题"), self.short_title)
        form.addRow("", self.short_title_error)
        # A new product takes the store settings the editor does not show (category, freight
        # template, after-sale service) from an existing product the seller picks.
        self.settings_from: QComboBox | None = None
        if product is None:
            self.settings_from = QComboBox()
            self.settings_from.setToolTip(self.tr("类目、运费模板和售后服务沿用所选商品"))
            for product_id, title in actions.settings_sources():
                self.settings_from.addItem(title, product_id)
            form.addRow(self.tr("沿用设置"), self.settings_from)

        self.grid = QTableWidget(0, 5)
        self.grid.setHorizontalHeaderLabels([self.tr("规格（如 颜色:红 尺码:L）"),
                                             self.tr("SKU 编码"), self.tr("售价（元）"),
                                             self.tr("划线价（元）"), self.tr("库存")])
        self.grid.horizontalHeaderItem(COL_ATTRS).setToolTip(self.tr(
            "规格名:规格值，多个用空格分开；值里有空格也可以直接输入（如 型号:iPhone 16 Pro），"
            "保存过的值含空格时显示在引号里"))
        self.grid.horizontalHeader().setSectionResizeMode(COL_ATTRS,
                                                          QHeaderView.ResizeMode.Stretch)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.add_sku = QPushButton(self.tr("添加 SKU"))
        self.remove_sku = QPushButton(self.tr("删除所选 SKU"))
        self.skus_error = self._error_label()
        sku_buttons = QHBoxLayout()
        sku_buttons.addWidget(self.add_sku)
        sku_buttons.addWidget(self.remove_sku)
        sku_buttons.addStretch(1)

        self.images = QListWidget()
        self.images.setViewMode(QListView.ViewMode.IconMode)
        self.images.setIconSize(QSize(64, 64))
        self.images.setMaximumHeight(110)
        self.images.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        if thumbnails is not None:
            thumbnails.loaded.connect(self._thumbnail_loaded)
        self.add_image = QPushButton(self.tr("添加本地图片…"))
        self.remove_image = QPushButton(self.tr("移除图片"))
        self.images_error = self._error_label()
        image_buttons = QHBoxLayout()
        image_buttons.addWidget(self.add_image)
        image_buttons.addWidget(self.remove_image)
        image_buttons.addStretch(1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存"))
        # An edit only changes the draft: buyers see it once the draft passed a review.
        self.submit_button = self.buttons.addButton(self.tr("保存并提交审核"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.submit_button.setToolTip(self.tr("保存后立即提交审核（上架），审核通过后买家看到新内容"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.review_note = PlainLabel(self.tr(
            "这个商品在售：修改保存为草稿，提交审核并通过后买家才会看到新内容（审核期间原商品照常在售）。"
            "点“保存并提交审核”一步完成。"))
        self.review_note.setWordWrap(True)
        self.review_note.setVisible(product is not None and product.status in ON_SALE_STATUSES)
        self.status = PlainLabel()

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(PlainLabel(self.tr("SKU")))
        layout.addWidget(self.grid, 1)
        layout.addLayout(sku_buttons)
        layout.addWidget(self.skus_error)
        layout.addWidget(PlainLabel(self.tr("主图")))
        layout.addWidget(self.images)
        layout.addLayout(image_buttons)
        layout.addWidget(self.images_error)
        layout.addWidget(self.review_note)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self._fill(product)
        self.title.textChanged.connect(self.revalidate)
        self.short_title.textChanged.connect(self.revalidate)
        if self.settings_from is not None:
            self.settings_from.currentIndexChanged.connect(self.revalidate)
        self.grid.itemChanged.connect(self.revalidate)
        self.add_sku.clicked.connect(self._add_sku_row)
        self.remove_sku.clicked.connect(self._remove_sku_rows)
        self.add_image.clicked.connect(self._pick_images)
        self.remove_image.clicked.connect(self._remove_images)
        self.buttons.accepted.connect(self.save)
        self.submit_button.clicked.connect(lambda: self.save(submit=True))
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self.revalidate()
        self._opened_with = self._form()
        self.discard_box: QMessageBox | None = None

    # -- closing without saving ------------------------------------------------------------

    def _form(self) -> tuple:
        """Everything the seller can change, as typed."""
        return (self.title.text(), self.short_title.text(),
                tuple(tuple(self._cell(r, c) for c in range(self.grid.columnCount()))
                      for r in range(self.grid.rowCount())),
                tuple(self.images.item(i).data(Qt.ItemDataRole.UserRole)
                      for i in range(self.images.count())),
                self.settings_from.currentIndex() if self.settings_from is not None else -1)

    def reject(self) -> None:
        """Cancel, Esc and the window's close button: asks before dropping what was typed."""
        if self._saving:
            return  # the save being written closes the editor
        if self._form() == self._opened_with:
            super().reject()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("放弃修改？"),
                          self.tr("这个商品的修改还没有保存。关闭后，刚才的修改会丢失。"),
                          QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                          self)
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("放弃修改"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("继续编辑"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(
            lambda button: super(ProductEditor, self).reject()
            if box.standardButton(button) == QMessageBox.StandardButton.Discard else None)
        self.discard_box = box
        box.open()

    @staticmethod
    def _error_label() -> QLabel:
        label = PlainLabel()
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        return label

    # -- filling and reading the form -------------------------------------------------------

    def _fill(self, product: Product | None) -> None:
        self.grid.blockSignals(True)
        if product is None:
            self._add_sku_row()
        else:
            self.title.setText(product.title)
            self.short_title.setText(product.short_title)
            for sku in product.skus:
                self._append_row(sku)
            for url in product.head_imgs:
                self._add_image(url)
        self.grid.blockSignals(False)

    def _append_row(self, sku: Sku | None) -> None:
        row = self.grid.rowCount()
        self.grid.insertRow(row)
        self._skus.append(sku)
        values = ["", "", "", "", "0"] if sku is None else [
            format_attrs(sku.attrs), sku.sku_code,
            fen_to_yuan_text(sku.sale_price),
            fen_to_yuan_text(sku.market_price) if sku.market_price is not None else "",
            str(sku.stock_num)]
        for column, text in enumerate(values):
            self.grid.setItem(row, column, QTableWidgetItem(text))

    def _add_sku_row(self) -> None:
        self._append_row(None)
        self.revalidate()

    def _remove_sku_rows(self) -> None:
        for row in sorted({i.row() for i in self.grid.selectedIndexes()}, reverse=True):
            self.grid.removeRow(row)
            del self._skus[row]
        self.revalidate()

    def _pick_images(self) -> None:
        start = start_folder(last_folders.get("images", ""),
                             QStandardPaths.StandardLocation.PicturesLocation)
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("选择商品图片"), str(start),
                                                self.tr("图片 (*.png *.jpg *.jpeg *.webp)"))
        if files:
            last_folders["images"] = str(Path(files[0]).parent)
        for name in files:
            self._add_image(str(Path(name).resolve()))
        self.revalidate()

    def _add_image(self, ref: str) -> None:
        item = QListWidgetItem(Path(ref.split("?")[0]).name[-12:] or ref)
        item.setData(Qt.ItemDataRole.UserRole, ref)
        item.setToolTip(plain_tip(ref))
        self._set_icon(item)
        self.images.addItem(item)

    def _set_icon(self, item: QListWidgetItem) -> None:
        ref = item.data(Qt.ItemDataRole.UserRole)
        if Path(ref).is_absolute() and Path(ref).is_file():  # picked now, not saved yet
            item.setIcon(QIcon(ref))
        elif self.thumbnails is not None:
            pixmap = self.thumbnails.pixmap(ref)
            if pixmap is not None:
                item.setIcon(QIcon(pixmap))

    def _thumbnail_loaded(self, url: str) -> None:
        for i in range(self.images.count()):
            item = self.images.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == url:
                self._set_icon(item)

    def _remove_images(self) -> None:
        for item in self.images.selectedItems():
            self.images.takeItem(self.images.row(item))
        self.revalidate()

    def _cell(self, row: int, column: int) -> str:
        item = self.grid.item(row, column)
        return item.text().strip() if item is not None else ""

    def build(self) -> tuple[Product, list[Issue]]:
        """The product as typed, and the cells that are not numbers at all."""
        issues: list[Issue] = []
        skus: list[Sku] = []
        for row, start in enumerate(self._skus):
            where = f"skus[{row}]"
            price = self._money(row, COL_PRICE, f"{where}.sale_price", issues) or 0
            market_text = self._cell(row, COL_MARKET)
            market = self._money(row, COL_MARKET, f"{where}.market_price", issues) \
                if market_text else None
            try:
                stock = int(self._cell(row, COL_STOCK) or "0")
            except ValueError:
                issues.append(Issue(f"{where}.stock_num", self.tr("库存请填写整数")))
                stock = 0
            fields = dict(sale_price=price, stock_num=stock, market_price=market,
                          sku_code=self._cell(row, COL_CODE),
                          attrs=parse_attrs(self._cell(row, COL_ATTRS)))
            skus.append(replace(start, **fields) if start is not None
                        else Sku(sku_id=None, **fields))
        images = tuple(self.images.item(i).data(Qt.ItemDataRole.UserRole)
                       for i in range(self.images.count()))
        base = self.original or Product(product_id=None, title="", skus=())
        product = replace(base, title=self.title.text(), short_title=self.short_title.text(),
                          skus=tuple(skus), head_imgs=images)
        source_id = self.settings_from.currentData() if self.settings_from is not None else None
        source = self.actions.load_product(source_id) if source_id else None
        if source is not None:
            product = copy_settings(source, product)
        return product, issues

    def _money(self, row: int, column: int, field: str, issues: list[Issue]) -> int | None:
        try:
            return parse_yuan(self._cell(row, column))
        except MoneyError:
            issues.append(Issue(field, self.tr("请输入金额，例如 12.50（最多两位小数）")))
            return None

    # -- validation -------------------------------------------------------------------------

    def revalidate(self) -> list[Issue]:
        product, issues = self.build()
        typed = {i.field for i in issues}
        issues += [i for i in validate_product(product) if i.field not in typed]
        self.show_issues(issues)
        return issues

    def show_issues(self, issues: list[Issue]) -> None:
        by_field: dict[str, list[str]] = {}
        for issue in issues:
            by_field.setdefault(issue.field, []).append(message(issue.message))
        for label, field in ((self.title_error, "title"),
                             (self.short_title_error, "short_title"),
                             (self.images_error, "head_imgs")):
            text = join([m for f, ms in by_field.items()
                         if f == field or f.startswith(field + "[") for m in ms])
            label.setText(text)
            label.setVisible(bool(text))
        sku_messages = list(by_field.get("skus", []))
        self.grid.blockSignals(True)
        for row in range(self.grid.rowCount()):
            for column in range(self.grid.columnCount()):
                item = self.grid.item(row, column)
                if item is not None:
                    item.setBackground(QBrush())
                    item.setToolTip("")
        for field, messages in by_field.items():
            match = _SKU_ISSUE.match(field)
            if not match:
                continue
            row, name = int(match.group(1)), match.group(2)
            item = self.grid.item(row, _SKU_FIELD_COLUMN.get(name, COL_ATTRS))
            if item is not None:
                item.setBackground(QBrush(ERROR_BG))
                item.setToolTip(plain_tip(join(messages)))
            sku_messages += [self.tr("第 %1 行：").replace("%1", str(row + 1)) + m
                             for m in messages]
        self.grid.blockSignals(False)
        self.skus_error.setText("\n".join(sku_messages))
        self.skus_error.setVisible(bool(sku_messages))
        shown = ("title", "short_title", "head_imgs", "skus")
        other = [m for f, ms in by_field.items()
                 if not f.startswith(shown) for m in ms]  # e.g. "product in review"
        self.status.setText(join(other))
        self.status.setStyleSheet(ERROR_STYLE if other else "")
        self.save_button.setEnabled(not issues and not self._saving)
        self.submit_button.setEnabled(not issues and not self._saving)

    # -- saving -----------------------------------------------------------------------------

    def save(self, submit: bool = False) -> None:
        """保存 (the draft), or with ``submit`` 保存并提交审核 (the draft, then the listing)."""
        # One save at a time: a second Ctrl+S while the first is being written would create
        # the new product twice.
        if self._saving or self.revalidate():
            return
        product, _ = self.build()
        self._saving = True
        self.save_button.setEnabled(False)
        self.submit_button.setEnabled(False)
        self.status.setText(self.tr("正在保存…"))
        self.actions.tasks.spawn(self._save(product, submit))

    async def _save(self, product: Product, submit: bool = False) -> None:
        try:
            product_id = await self.actions.save_product(product, submit=submit)
        except ValidationFailed as exc:
            self._saving = False
            self.status.setText("")
            self.show_issues(exc.issues)
            return
        except Exception as exc:
            self._saving = False
            self.status.setText(self.tr("保存失败：%1").replace("%1", describe(exc)))
            self.save_button.setEnabled(True)
            self.submit_button.setEnabled(True)
            raise
        self.status.setText(self.tr("已保存并提交审核，待同步") if submit
                            else self.tr("已保存，待同步"))
        self.saved.emit(product_id)
        self.accept()
