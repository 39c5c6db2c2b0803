"""Qt's item data roles as plain ints, for the models' ``data()``.

A view asks ``data()`` about seven roles per visible cell on every paint (about 1,000 calls for
the orders table); comparing the role with a PySide6 enum member costs a microsecond per
comparison, an int comparison almost nothing.
"""

from PySide6.QtCore import Qt

DISPLAY = Qt.ItemDataRole.DisplayRole.value
DECORATION = Qt.ItemDataRole.DecorationRole.value
TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
KEY = Qt.ItemDataRole.UserRole.value + 1  # the row's key (order id, product id)

RIGHT = (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value
