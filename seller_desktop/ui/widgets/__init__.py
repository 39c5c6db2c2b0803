"""Small reusable widgets and UI services (thumbnails, notification, detail pane, sync status)."""

SHOP_DATA = "shop_data"  # a widget property: its text is the shop's data, not UI text
SHOP_DATA_ROLE = 0x0100 + 7  # Qt.UserRole + 7 on a combo or list item: the same for one item
