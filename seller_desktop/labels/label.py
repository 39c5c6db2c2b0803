"""The shipping label: its layout in millimetres per size, and painting one label on a Canvas.

From the top: carrier and print date; the waybill number as Code128 with its text; the
recipient (收, exactly as the API gave it, i.e. masked); the sender (寄); the merchant's custom
area (order id, items summary, QR code of the waybill number); a footer with the shop name.
Every box is disjoint from every other (tested), and text is fitted into its own box.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtCore import Qt

from seller_desktop.domain import timeutil

from .canvas import WHITE, Canvas, MmRect
from .content import LabelData, short_title
from .specs import PageSpec
from .symbols import draw_code128, draw_qr

MARGIN_MM = 2.0
ITEM_ROW_MM = 4.4

RIGHT = Qt.AlignmentFlag.AlignRight
CENTER = Qt.AlignmentFlag.AlignHCenter
TOP = Qt.AlignmentFlag.AlignTop


@dataclass(frozen=True)
class LabelLayout:
    """The boxes of one label size (mm). ``rules`` are the y positions of separator lines."""

    carrier: MmRect
    meta: MmRect
    barcode: MmRect
    barcode_text: MmRect
    recv_badge: MmRect
    recv_name: MmRect
    recv_address: MmRect
    send_badge: MmRect
    send_name: MmRect
    send_address: MmRect
    order_line: MmRect
    items: MmRect
    qr: MmRect
    footer_left: MmRect
    footer_right: MmRect
    rules: tuple[float, ...]
    font_scale: float

    def boxes(self) -> dict[str, MmRect]:
        return {f.name: getattr(self, f.name) for f in fields(self) if isinstance(getattr(self, f.name), MmRect)}


def label_layout(spec: PageSpec) -> LabelLayout:
    """Lay the label out for ``spec``; the custom area takes whatever height is left."""
    wide = spec.width_mm >= 90
    tall = spec.height_mm >= 170  # 100×180: the extra height goes to the barcode and addresses
    w, h, m = spec.width_mm, spec.height_mm, MARGIN_MM
    inner = w - 2 * m
    header_h = 11.0 if wide else 9.0
    bars_h = 22.0 if tall else 18.0 if wide else 15.0
    bar_text_h = 5.0 if wide else 4.5
    recv_h = 35.0 if tall else 31.0 if wide else 27.0
    send_h = 21.0 if tall else 19.0 if wide else 17.0
    footer_h = 6.0
    qr_max = 32.0 if tall else 30.0 if wide else 24.0

    y_barcode = m + header_h
    y_recv = y_barcode + 1.0 + bars_h + bar_text_h + 1.0
    y_send = y_recv + recv_h
    y_custom = y_send + send_h
    y_footer = h - m - footer_h
    custom_h = y_footer - y_custom
    if custom_h < 20:
        raise ValueError(f"{spec.name} 面单太短，放不下收寄件信息")

    pad = 0.8
    carrier_w = inner * 0.58
    badge = 7.0 if wide else 6.0
    text_x = m + badge + 1.5
    text_w = w - m - text_x
    name_h = 7.0 if wide else 6.0
    send_name_h = 5.5 if wide else 5.0
    qr = min(qr_max, custom_h - 2 * pad)
    qr_x = w - m - qr
    items_w = qr_x - 1.5 - m
    order_h = 5.0
    return LabelLayout(
        carrier=MmRect(m, m + pad, carrier_w, header_h - 2 * pad),
        meta=MmRect(m + carrier_w + 1.0, m + pad, inner - carrier_w - 1.0, header_h - 2 * pad),
        barcode=MmRect(m, y_barcode + 1.0, inner, bars_h),
        barcode_text=MmRect(m, y_barcode + 1.0 + bars_h, inner, bar_text_h),
        recv_badge=MmRect(m, y_recv + 1.5, badge, badge),
        recv_name=MmRect(text_x, y_recv + pad, text_w, name_h),
        recv_address=MmRect(text_x, y_recv + pad + name_h, text_w, recv_h - name_h - 2 * pad),
        send_badge=MmRect(m, y_send + 1.2, badge, badge),
        send_name=MmRect(text_x, y_send + pad, text_w, send_name_h),
        send_address=MmRect(text_x, y_send + pad + send_name_h, text_w, send_h - send_name_h - 2 * pad),
        order_line=MmRect(m, y_custom + pad, items_w, order_h),
        items=MmRect(m, y_custom + pad + order_h, items_w, custom_h - order_h - 2 * pad),
        qr=MmRect(qr_x, y_custom + pad, qr, qr),
        footer_left=MmRect(m, y_footer + pad, inner * 0.6, footer_h - 2 * pad),
        footer_right=MmRect(m + inner * 0.6, y_footer + pad, inner * 0.4, footer_h - 2 * pad),
        rules=(y_barcode, y_recv, y_send, y_custom, y_footer),
        font_scale=1.2 if wide else 1.0,
    )


def _items_rows(item: LabelData, rows: int) -> list[tuple[str, str, str]]:
    """(short title, SKU attribute values, "×qty") rows; when they do not all fit, the last row
    sums up the rest."""
    lines = [
        (short_title(line.title), " ".join(v for _, v in line.sku_attrs), f"×{line.sku_cnt}")
        for line in item.order.lines
    ]
    if len(lines) <= rows:
        return lines
    shown = lines[: max(0, rows - 1)]
    rest = item.order.lines[len(shown):]
    shown.append((f"…另有 {len(rest)} 种商品", "", f"×{sum(line.sku_cnt for line in rest)}"))
    return shown


def paint_label(canvas: Canvas, item: LabelData, spec: PageSpec, layout: LabelLayout | None = None) -> None:
    """Paint one shipping label for ``item`` on a page of ``spec`` (top-left at the origin)."""
    lay = layout or label_layout(spec)
    s = lay.font_scale
    order, waybill = item.order, item.waybill
    printed_at = item.printed_at or timeutil.now()
    canvas.fill(MmRect(0, 0, spec.width_mm, spec.height_mm), WHITE)

    canvas.text(lay.carrier, item.carrier_name, 15 * s, bold=True, min_pt=9)
    canvas.text(lay.meta, item.shop_name, 7.5 * s, align=RIGHT, min_pt=5.5, max_lines=2)
    for y in lay.rules:
        canvas.hline(MARGIN_MM, spec.width_mm - MARGIN_MM, y)

    draw_code128(canvas, lay.barcode, waybill.waybill_id)
    canvas.text(lay.barcode_text, waybill.waybill_id, 10 * s, bold=True, align=CENTER, min_pt=7)

    address = order.address
    canvas.fill(lay.recv_badge)
    canvas.text(lay.recv_badge, "收", 12 * s, bold=True, align=CENTER, color=WHITE)
    if address is not None:
        canvas.text(lay.recv_name, f"{address.user_name}  {address.tel_number}", 12 * s, bold=True, min_pt=8)
        canvas.text(lay.recv_address, address.one_line(), 10 * s, min_pt=7, max_lines=4, valign=TOP)
    else:
        canvas.text(lay.recv_name, "（无收货地址）", 12 * s, bold=True, min_pt=8)

    sender = item.sender
    canvas.frame(lay.send_badge)
    canvas.text(lay.send_badge, "寄", 9 * s, bold=True, align=CENTER)
    canvas.text(lay.send_name, f"{sender.name}  {sender.mobile}", 8.5 * s, min_pt=6.5)
    canvas.text(lay.send_address, sender.one_line(), 8 * s, min_pt=6, max_lines=2, valign=TOP)

    head = f"订单号 {order.order_id}"
    if order.is_gift:
        head += "  礼物订单"
    canvas.text(lay.order_line, head, 7.5 * s, bold=True, min_pt=5.5)
    rows = max(1, int(lay.items.h // ITEM_ROW_MM))
    qty_w = 8.0
    size = 8 * s
    for index, (title, attrs, qty) in enumerate(_items_rows(item, rows)):
        y = lay.items.y + index * ITEM_ROW_MM
        # The SKU attributes tell two lines of one product apart: they get room first.
        room = lay.items.w - qty_w - 1.0
        attrs_w = min(canvas.text_width_mm(attrs, size, bold=True) + 0.5, room * 0.5) if attrs else 0.0
        canvas.text(MmRect(lay.items.x, y, room - attrs_w, ITEM_ROW_MM), title, size, min_pt=7 * s)
        if attrs:
            canvas.text(MmRect(lay.items.x + room - attrs_w, y, attrs_w, ITEM_ROW_MM), attrs, size,
                        bold=True, min_pt=6 * s, align=RIGHT)
        canvas.text(MmRect(lay.items.right - qty_w, y, qty_w, ITEM_ROW_MM), qty, size, bold=True, align=RIGHT)
    draw_qr(canvas, lay.qr, waybill.waybill_id)

    canvas.text(lay.footer_left, f"打印时间 {timeutil.format_ts(printed_at)}", 6.5 * s, min_pt=5)
    canvas.text(lay.footer_right, f"共 {order.item_count} 件", 6.5 * s, bold=True, align=RIGHT, min_pt=5)

