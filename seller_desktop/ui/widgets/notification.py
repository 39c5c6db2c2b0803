"""A non-modal notification in the window's corner (礼物已被收下 …) with an optional action.

It floats over the window, stacks nothing (a new message replaces the old one) and hides
itself after ``timeout_ms``; the seller can act on it or close it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from . import SHOP_DATA
from .plain_text import PlainLabel

TIMEOUT_MS = 15_000
WIDTH = 460


class Notification(QFrame):
    activated = Signal(str)  # the payload of the message (an order id)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("notification")
        self.setStyleSheet("#notification { background: #fff8e1; border: 1px solid #ffb300;"
                           " border-radius: 6px; }")
        self.text = PlainLabel()
        self.text.setProperty(SHOP_DATA, True)  # names a product and a recipient
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # shop data, never markup
        self.text.setWordWrap(True)
        self.action = QPushButton()
        self.close_button = QPushButton("×")
        self.close_button.setFlat(True)
        self.close_button.setFixedWidth(24)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.action)
        layout.addWidget(self.close_button)
        self.payload = ""
        self.timer = QTimer(self, singleShot=True, interval=TIMEOUT_MS)
        self.timer.timeout.connect(self.hide)
        self.action.clicked.connect(self._act)
        self.close_button.clicked.connect(self.hide)
        self.setFixedWidth(WIDTH)
        self.hide()

    def notify(self, text: str, action: str = "", payload: str = "") -> None:
        self.text.setText(text)
        self.action.setText(action)
        self.action.setVisible(bool(action))
        self.payload = payload
        self.setFixedHeight(self.layout().totalHeightForWidth(WIDTH)
                            if self.layout().hasHeightForWidth() else self.sizeHint().height())
        self.place()
        self.show()
        self.raise_()
        self.timer.start()

    def place(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.move(parent.width() - self.width() - 16,
                      parent.height() - self.height() - 48)

    def _act(self) -> None:
        self.hide()
        self.activated.emit(self.payload)
