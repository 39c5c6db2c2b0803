"""Carrier (delivery company) names as the seller reads them.

The store names carriers in Chinese (``delivery_name``). In the Chinese UI the store's name is
shown as it comes; in English the common carriers get their English names (by the store's name,
else by the code), and an unknown carrier keeps the store's name, which is then shop data (not
a UI word the translation missed). The English names live in the .ts (context "Carriers").
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CTX = "Carriers"

# The store's names for the common carriers, with the variants seen in the API and in use.
NAMES = (
    QT_TRANSLATE_NOOP("Carriers", "顺丰速运"), QT_TRANSLATE_NOOP("Carriers", "顺丰快递"),
    QT_TRANSLATE_NOOP("Carriers", "中通快递"), QT_TRANSLATE_NOOP("Carriers", "圆通速递"),
    QT_TRANSLATE_NOOP("Carriers", "圆通快递"), QT_TRANSLATE_NOOP("Carriers", "申通快递"),
    QT_TRANSLATE_NOOP("Carriers", "韵达速递"), QT_TRANSLATE_NOOP("Carriers", "韵达快递"),
    QT_TRANSLATE_NOOP("Carriers", "邮政快递包裹"), QT_TRANSLATE_NOOP("Carriers", "中国邮政"),
    QT_TRANSLATE_NOOP("Carriers", "中国邮政速递物流"), QT_TRANSLATE_NOOP("Carriers", "EMS"),
    QT_TRANSLATE_NOOP("Carriers", "京东物流"), QT_TRANSLATE_NOOP("Carriers", "京东快递"),
    QT_TRANSLATE_NOOP("Carriers", "极兔速递"), QT_TRANSLATE_NOOP("Carriers", "德邦快递"),
    QT_TRANSLATE_NOOP("Carriers", "德邦物流"), QT_TRANSLATE_NOOP("Carriers", "百世快递"),
    QT_TRANSLATE_NOOP("Carriers", "顺心捷达"), QT_TRANSLATE_NOOP("Carriers", "丰网速运"),
    QT_TRANSLATE_NOOP("Carriers", "宅急送"), QT_TRANSLATE_NOOP("Carriers", "跨越速运"),
    QT_TRANSLATE_NOOP("Carriers", "安能物流"), QT_TRANSLATE_NOOP("Carriers", "优速快递"),
    QT_TRANSLATE_NOOP("Carriers", "中通快运"), QT_TRANSLATE_NOOP("Carriers", "韵达快运"),
    QT_TRANSLATE_NOOP("Carriers", "其他"),
)
# The codes of orders-shipping.md, for a parcel or waybill that carries no name.
BY_CODE = {
    "SF": "顺丰速运", "ZTO": "中通快递", "YTO": "圆通速递", "STO": "申通快递",
    "YUNDA": "韵达速递", "YD": "韵达速递", "EMS": "EMS", "JD": "京东物流", "JTSD": "极兔速递",
    "DBKD": "德邦快递", "HTKY": "百世快递", "SXJD": "顺心捷达", "OTHER": "其他",
}
_KNOWN = frozenset(NAMES)


def carrier_name(delivery_id: str, name: str = "") -> tuple[str, bool]:
    """(the name to show, known): ``known`` False means the store's own name of a carrier the
    table lacks, shown as it came (mark it as shop data)."""
    for source in (name, BY_CODE.get(delivery_id.upper(), "")):
        if source in _KNOWN:
            return QCoreApplication.translate(CTX, source), True
    return name or delivery_id, False
