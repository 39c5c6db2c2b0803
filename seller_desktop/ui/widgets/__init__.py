"""Small reusable widgets and UI services (thumbnails, notification, detail pane, sync status)."""

SHOP_DATA = "shop_data"  # a widget property: its text is the shop's data, not UI text
