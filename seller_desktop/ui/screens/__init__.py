"""The window's screens: listings, orders, gifts, shipping."""
