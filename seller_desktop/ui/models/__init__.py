"""Qt table models over the store's read queries (``store/ui_queries.py``); lazy rows."""
