"""Money: integer 分 (fen) everywhere; parsing what a seller types in 元 and showing it back."""

from __future__ import annotations

import re

MAX_PRICE_FEN = 1_000_000_000  # 1000万元, the store's ceiling for a SKU price

_YUAN = re.compile(r"^\s*[¥￥]?\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$")


class MoneyError(ValueError):
    """Text that is not an amount in 元 with at most two decimals."""


def parse_yuan(text: str) -> int:
    """``"12.5"`` → 1250 分. Rejects negatives, more than two decimals and anything not a number."""
    match = _YUAN.match(text or "")
    if not match:
        raise MoneyError("请输入金额，例如 12.50（最多两位小数）")
    whole, frac = match.group(1), (match.group(2) or "").ljust(2, "0")
    return int(whole) * 100 + int(frac)


def fen_to_yuan_text(fen: int) -> str:
    """1250 → ``"12.50"`` (no currency sign: for edit fields)."""
    sign = "-" if fen < 0 else ""
    fen = abs(int(fen))
    return f"{sign}{fen // 100}.{fen % 100:02d}"


def format_fen(fen: int | None) -> str:
    """1250 → ``"¥12.50"``; None → ``"—"``."""
    if fen is None:
        return "—"
    return "¥" + fen_to_yuan_text(fen)


def format_range(low: int | None, high: int | None) -> str:
    if low is None or high is None:
        return "—"
    if low == high:
        return format_fen(low)
    return f"{format_fen(low)}–{fen_to_yuan_text(high)}"
