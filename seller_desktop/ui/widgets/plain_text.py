"""Text from the shop, the server or the disk shown as written, never as markup. Qt guesses
rich text from what a label or a tooltip is given, so a shop's nickname, a product title or a
buyer's note reading ``<img src=…>`` or ``<a href=…>`` would be rendered (an image loaded, a
link shown). ``PlainLabel`` is the app's label (always plain text); ``plain_tip`` makes a
tooltip that would be taken for rich text show its characters instead."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtGui import Qt  # QtGui's Qt namespace adds mightBeRichText
from PySide6.QtWidgets import QLabel


class PlainLabel(QLabel):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setTextFormat(Qt.TextFormat.PlainText)


def plain_tip(text: Any) -> Any:
    """``text`` for a tooltip: as it is, or escaped inside rich text when Qt would read it as
    markup (tooltips have no plain-text switch). Anything not a str passes through."""
    if not isinstance(text, str) or not Qt.mightBeRichText(text):
        return text
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"
