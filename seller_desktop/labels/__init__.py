"""Shipping labels, pick lists and packing slips: layout in mm, Code128 + QR, printing."""
