"""Paper specs in millimetres: the thermal label sizes and A4 for pick lists and packing slips.

``parse_spec("76x130")`` accepts the named sizes the settings and the CLI use ("76x130",
"100×150", "100X180mm", "A4").
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class PageSpec:
    """A page of exactly ``width_mm`` × ``height_mm`` (portrait), printed edge to edge."""

    name: str
    width_mm: float
    height_mm: float
    title: str  # what the seller sees in a size picker

    @property
    def is_label(self) -> bool:
        return self.name != "A4"


LABEL_76x130 = PageSpec("76x130", 76.0, 130.0, "76×130 一联单（快递标准）")
LABEL_100x150 = PageSpec("100x150", 100.0, 150.0, "100×150 热敏标签")
LABEL_100x180 = PageSpec("100x180", 100.0, 180.0, "100×180 热敏标签")
A4 = PageSpec("A4", 210.0, 297.0, "A4")

LABEL_SPECS: tuple[PageSpec, ...] = (LABEL_76x130, LABEL_100x150, LABEL_100x180)
DEFAULT_LABEL_SPEC = LABEL_76x130

_BY_NAME = {spec.name: spec for spec in (*LABEL_SPECS, A4)}
_SIZE = re.compile(r"^\s*(\d{2,3})\s*[x×X*]\s*(\d{2,3})\s*(?:mm)?\s*$")


def parse_spec(text: str) -> PageSpec:
    """``"76x130"`` → LABEL_76x130. Raises ValueError (in Chinese) for sizes we do not lay out."""
    raw = (text or "").strip()
    if raw.upper() == "A4":
        return A4
    match = _SIZE.match(raw)
    if match:
        spec = _BY_NAME.get(f"{int(match.group(1))}x{int(match.group(2))}")
        if spec is not None:
            return spec
    known = "、".join(spec.name for spec in LABEL_SPECS)
    raise ValueError(f"不支持的纸张尺寸“{text}”，可选：{known}、A4")
