"""Time: unix seconds everywhere; shown in Asia/Shanghai (UTC+8, no daylight saving)."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

SHANGHAI = timezone(timedelta(hours=8), "Asia/Shanghai")


def now() -> int:
    return int(time.time())


def to_local(ts: int) -> datetime:
    return datetime.fromtimestamp(ts, SHANGHAI)


def format_ts(ts: int | None, with_seconds: bool = False) -> str:
    """1700000000 → ``"2023-11-15 06:13"`` in Shanghai time; None/0 → ``""``."""
    if not ts:
        return ""
    return to_local(ts).strftime("%Y-%m-%d %H:%M:%S" if with_seconds else "%Y-%m-%d %H:%M")


def parse_wire_datetime(text: str) -> int:
    """The API's ``"YYYY-MM-DD HH:MM:SS"`` strings (Beijing time) → unix seconds."""
    moment = datetime.strptime(text.strip(), "%Y-%m-%d %H:%M:%S").replace(tzinfo=SHANGHAI)
    return int(moment.timestamp())


def format_duration(seconds: int) -> str:
    """A countdown or an age in the seller's words: ``"3小时05分"``, ``"12分40秒"``, ``"2天3小时"``."""
    seconds = max(0, int(seconds))
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return f"{days}天{hours}小时"
    if hours:
        return f"{hours}小时{minutes:02d}分"
    return f"{minutes}分{secs:02d}秒"
