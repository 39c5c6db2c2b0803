"""A4 sheets: the pick list (拣货单) summed by SKU, and per-order packing slips (发货单).

Both are paginated before printing (``table.row_heights``) and returned as ``Page`` objects for
the same print path as labels. A gift order's slip carries the gift note and no prices at all.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt

from seller_desktop.domain import Order, Waybill, format_fen, timeutil

from .canvas import Canvas, MmRect
from .content import pick_rows, pick_sort_key
from .render import Page
from .specs import A4
from .table import Column, Table, paginate, paint_table, row_heights

MARGIN = 12.0
BODY_W = A4.width_mm - 2 * MARGIN
FOOTER_Y = A4.height_mm - MARGIN - 5.0
TOTALS_ROOM = 12.0  # kept free at the bottom of every page for the totals block
MAX_ORDER_IDS = 30

LEFT = Qt.AlignmentFlag.AlignLeft
RIGHT = Qt.AlignmentFlag.AlignRight
CENTER = Qt.AlignmentFlag.AlignHCenter
TOP = Qt.AlignmentFlag.AlignTop


def _footer(canvas: Canvas, left: str, page: int, pages: int) -> None:
    canvas.hline(MARGIN, A4.width_mm - MARGIN, FOOTER_Y - 1.0, 0.2)
    canvas.text(MmRect(MARGIN, FOOTER_Y, BODY_W * 0.7, 5.0), left, 8)
    canvas.text(MmRect(MARGIN + BODY_W * 0.7, FOOTER_Y, BODY_W * 0.3, 5.0), f"第 {page} / {pages} 页", 8, align=RIGHT)


# --- pick list ----------------------------------------------------------------------------

PICK_COLUMNS = (
    Column("序号", 10, CENTER, max_lines=1),
    Column("商品名称", 60, max_lines=3),
    Column("规格", 30, max_lines=3),
    Column("SKU 编码", 30, max_lines=2),
    Column("数量", 14, RIGHT, bold=True, max_lines=1),
    Column("来源订单", 42, max_lines=MAX_ORDER_IDS),
)


def _order_ids_cell(ids: Sequence[str]) -> str:
    if len(ids) <= MAX_ORDER_IDS:
        return "\n".join(ids)
    return "\n".join([*ids[: MAX_ORDER_IDS - 1], f"…等共 {len(ids)} 单"])


def pick_list_pages(orders: Sequence[Order], shop_name: str, printed_at: int = 0) -> list[Page]:
    """The pick list of ``orders``: one row per SKU with its total quantity and source orders."""
    rows = pick_rows(orders)
    if not rows:
        raise ValueError("所选订单没有商品，无法生成拣货单")
    table = Table(
        PICK_COLUMNS,
        tuple(
            (str(i), row.title, row.attrs or "—", row.sku_code or "—", str(row.quantity),
             _order_ids_cell(row.order_ids))
            for i, row in enumerate(rows, start=1)
        ),
    )
    header_h, heights = row_heights(table)
    first_top, other_top = MARGIN + 22.0, MARGIN + 10.0
    bottom = FOOTER_Y - 2.0 - TOTALS_ROOM
    chunks = paginate(heights, header_h, bottom - first_top, bottom - other_top)
    total_qty = sum(row.quantity for row in rows)
    summary = f"订单 {len(orders)} 个　商品 {len(rows)} 种　共 {total_qty} 件"
    when = timeutil.format_ts(printed_at or timeutil.now())

    def make(page_no: int, indices: list[int]) -> Page:
        def paint(canvas: Canvas) -> None:
            if page_no == 1:
                canvas.text(MmRect(MARGIN, MARGIN, 60, 11), "拣货单", 20, bold=True)
                canvas.text(MmRect(MARGIN + 60, MARGIN, BODY_W - 60, 6), shop_name, 10, align=RIGHT)
                canvas.text(MmRect(MARGIN + 60, MARGIN + 6, BODY_W - 60, 5), f"打印时间 {when}", 9, align=RIGHT)
                canvas.text(MmRect(MARGIN, MARGIN + 13, BODY_W, 7), summary, 11, bold=True)
                top = first_top
            else:
                canvas.text(MmRect(MARGIN, MARGIN, BODY_W, 8), f"拣货单（续）　{summary}", 11, bold=True)
                top = other_top
            end = paint_table(canvas, MARGIN, top, table, header_h, indices, heights)
            if page_no == len(chunks):
                canvas.text(MmRect(MARGIN, end + 2.0, BODY_W, 7), f"合计 {total_qty} 件（{len(rows)} 种商品，{len(orders)} 个订单）",
                            11, bold=True, align=RIGHT)
            _footer(canvas, f"{shop_name}　拣货单", page_no, len(chunks))

        return Page(A4, paint, f"拣货单 第 {page_no} 页")

    return [make(n, indices) for n, indices in enumerate(chunks, start=1)]


# --- packing slips ------------------------------------------------------------------------

SLIP_COLUMNS = (
    Column("序号", 10, CENTER, max_lines=1),
    Column("商品名称", 70, max_lines=3),
    Column("规格", 34, max_lines=3),
    Column("SKU 编码", 28, max_lines=2),
    Column("单价", 16, RIGHT, max_lines=1),
    Column("数量", 12, RIGHT, bold=True, max_lines=1),
    Column("小计", 16, RIGHT, max_lines=1),
)
GIFT_SLIP_COLUMNS = (
    Column("序号", 10, CENTER, max_lines=1),
    Column("商品名称", 88, max_lines=3),
    Column("规格", 44, max_lines=3),
    Column("SKU 编码", 30, max_lines=2),
    Column("数量", 14, RIGHT, bold=True, max_lines=1),
)


def _slip_table(order: Order) -> Table:
    if order.is_gift:
        rows = tuple(
            (str(i), ln.title, ln.attrs_text() or "—", ln.sku_code or "—", str(ln.sku_cnt))
            for i, ln in enumerate(order.lines, start=1)
        )
        return Table(GIFT_SLIP_COLUMNS, rows)
    rows = tuple(
        (str(i), ln.title, ln.attrs_text() or "—", ln.sku_code or "—", format_fen(ln.sale_price),
         str(ln.sku_cnt), format_fen(ln.real_price))
        for i, ln in enumerate(order.lines, start=1)
    )
    return Table(SLIP_COLUMNS, rows)


def _slip_info(order: Order, waybill: Waybill | None) -> list[tuple[str, str]]:
    info = [("订单号", order.order_id), ("下单时间", timeutil.format_ts(order.create_time))]
    if order.address is not None:
        addr = order.address
        info.append(("收货人", f"{addr.user_name}　{addr.tel_number}"))
        info.append(("收货地址", addr.one_line()))
    if waybill is not None and waybill.waybill_id:
        info.append(("运单号", f"{waybill.delivery_name or waybill.delivery_id}　{waybill.waybill_id}"))
    if order.customer_notes:
        info.append(("买家留言", order.customer_notes))
    return info


def packing_slip_pages(
    orders: Sequence[Order], shop_name: str, printed_at: int = 0,
    waybills: Mapping[str, Waybill] | None = None,
) -> list[Page]:
    """One packing slip per order (pick order), multi-page when an order has many lines."""
    when = timeutil.format_ts(printed_at or timeutil.now())
    pages: list[Page] = []
    for order in sorted(orders, key=pick_sort_key):
        waybill = (waybills or {}).get(order.order_id)
        pages.extend(_slip_pages(order, waybill, shop_name, when))
    if not pages:
        raise ValueError("没有选择订单，无法生成发货单")
    return pages


def _slip_pages(order: Order, waybill: Waybill | None, shop_name: str, when: str) -> list[Page]:
    table = _slip_table(order)
    header_h, heights = row_heights(table)
    info = _slip_info(order, waybill)
    info_top = MARGIN + 14.0
    note_top = info_top + 6.0 * len(info) + 2.0
    note_h = 24.0 if order.is_gift else 0.0
    first_top = note_top + note_h + (3.0 if note_h else 0.0)
    other_top = MARGIN + 10.0
    bottom = FOOTER_Y - 2.0 - TOTALS_ROOM * 2
    chunks = paginate(heights, header_h, bottom - first_top, bottom - other_top)
    title = "发货单（礼物）" if order.is_gift else "发货单"

    def make(page_no: int, indices: list[int]) -> Page:
        def paint(canvas: Canvas) -> None:
            if page_no == 1:
                canvas.text(MmRect(MARGIN, MARGIN, 90, 11), title, 20, bold=True)
                canvas.text(MmRect(MARGIN + 90, MARGIN, BODY_W - 90, 6), shop_name, 10, align=RIGHT)
                canvas.text(MmRect(MARGIN + 90, MARGIN + 6, BODY_W - 90, 5), f"打印时间 {when}", 9, align=RIGHT)
                for n, (key, value) in enumerate(info):
                    y = info_top + 6.0 * n
                    canvas.text(MmRect(MARGIN, y, 22, 6), key, 10, bold=True)
                    canvas.text(MmRect(MARGIN + 22, y, BODY_W - 22, 6), value, 10, min_pt=7.5)
                if order.is_gift and order.gift is not None:
                    box = MmRect(MARGIN, note_top, BODY_W, note_h)
                    canvas.frame(box, 0.4)
                    canvas.text(MmRect(box.x + 3, box.y + 1.5, 40, 6), "礼物留言", 10, bold=True)
                    canvas.text(MmRect(box.x + 3, box.y + 7.5, box.w - 6, box.h - 9.0),
                                order.gift.note or "（送礼人没有留言）", 12, min_pt=9, max_lines=3, valign=TOP)
                top = first_top
            else:
                canvas.text(MmRect(MARGIN, MARGIN, BODY_W, 8), f"{title}（续）　订单号 {order.order_id}", 11, bold=True)
                top = other_top
            end = paint_table(canvas, MARGIN, top, table, header_h, indices, heights)
            if page_no == len(chunks):
                _slip_totals(canvas, order, end + 2.0)
            _footer(canvas, f"{shop_name}　感谢您的惠顾", page_no, len(chunks))

        return Page(A4, paint, f"发货单 {order.order_id} 第 {page_no} 页")

    return [make(n, indices) for n, indices in enumerate(chunks, start=1)]


def _slip_totals(canvas: Canvas, order: Order, y: float) -> None:
    count = f"共 {order.item_count} 件"
    if order.is_gift:
        canvas.text(MmRect(MARGIN, y, BODY_W, 7), count, 11, bold=True, align=RIGHT)
        return
    product = order.product_price or sum(ln.real_price for ln in order.lines)
    text = f"{count}　商品金额 {format_fen(product)}　运费 {format_fen(order.freight)}"
    canvas.text(MmRect(MARGIN, y, BODY_W, 7), text, 10, align=RIGHT)
    canvas.text(MmRect(MARGIN, y + 7, BODY_W, 8), f"实付金额 {format_fen(order.order_price)}", 12, bold=True, align=RIGHT)
