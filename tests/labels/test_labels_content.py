"""Specs, pick order, pick-list totals, label layout geometry, text fitting, symbol geometry."""

from __future__ import annotations

import itertools

import pytest
from labels_sample import SENDER, SHOP, many_labels, sample_orders
from PySide6.QtGui import QImage, QPainter

from seller_desktop.labels.canvas import ELLIPSIS, Canvas, MmRect
from seller_desktop.labels.content import (
    LabelData,
    pick_order,
    pick_rows,
    pick_sort_key,
    short_title,
)
from seller_desktop.labels.label import label_layout
from seller_desktop.labels.specs import A4, LABEL_SPECS, LABEL_76x130, LABEL_100x150, parse_spec
from seller_desktop.labels.symbols import (
    MIN_MODULE_MM,
    SymbolDoesNotFit,
    code128_geometry,
    code128_modules,
    qr_matrix,
)


@pytest.mark.parametrize(
    ("text", "size"),
    [("76x130", (76, 130)), ("100×150", (100, 150)), (" 100X180mm ", (100, 180)), ("a4", (210, 297))],
)
def test_parse_spec(text, size):
    spec = parse_spec(text)
    assert (spec.width_mm, spec.height_mm) == size


@pytest.mark.parametrize("text", ["80x120", "", "76x", "big"])
def test_parse_spec_rejects_unknown_sizes(text):
    with pytest.raises(ValueError, match="不支持的纸张尺寸"):
        parse_spec(text)


def test_pick_order_sorts_by_sku_code_then_order_id():
    items = many_labels(40)
    ordered = pick_order(reversed(items))
    keys = [pick_sort_key(item.order) for item in ordered]
    assert keys == sorted(keys)
    assert {i.waybill.waybill_id for i in ordered} == {i.waybill.waybill_id for i in items}
    # orders sharing a SKU set sit together, ordered by id
    first_codes = [k[0] for k in keys]
    runs = [list(group) for _, group in itertools.groupby(first_codes)]
    assert len(runs) == len(set(first_codes))


def test_pick_order_places_orders_without_sku_code_last():
    base = sample_orders()[0]
    no_code = base.__class__(**{**base.__dict__, "order_id": "1", "lines": tuple(
        ln.__class__(**{**ln.__dict__, "sku_code": ""}) for ln in base.lines)})
    assert pick_sort_key(no_code) > pick_sort_key(base)


def test_pick_rows_totals_equal_the_orders_lines(orders):
    rows = pick_rows(orders)
    assert sum(r.quantity for r in rows) == sum(ln.sku_cnt for o in orders for ln in o.lines) == 23
    by_key = {(r.product_id, r.sku_id): r for r in rows}
    for key, row in by_key.items():
        expected = sum(ln.sku_cnt for o in orders for ln in o.lines if (ln.product_id, ln.sku_id) == key)
        sources = sorted({o.order_id for o in orders for ln in o.lines if (ln.product_id, ln.sku_id) == key})
        assert row.quantity == expected
        assert list(row.order_ids) == sources
    assert [r.sku_code for r in rows] == sorted(r.sku_code for r in rows)
    cup = by_key[("10003", "10003-1")]
    assert cup.quantity == 12 and len(cup.order_ids) == 3


def test_carrier_name_falls_back_to_the_code_table(labels):
    item = labels[0]
    bare = LabelData(item.order, item.waybill.__class__(**{**item.waybill.__dict__, "delivery_name": "",
                                                           "delivery_id": "YTO"}), SENDER, SHOP)
    assert bare.carrier_name == "圆通速递"


@pytest.mark.parametrize("spec", LABEL_SPECS, ids=lambda s: s.name)
def test_label_boxes_are_disjoint_and_on_the_page(spec):
    layout = label_layout(spec)
    page = MmRect(0, 0, spec.width_mm, spec.height_mm)
    boxes = layout.boxes()
    for name, box in boxes.items():
        assert page.contains(box), name
        assert box.w > 0 and box.h > 0, name
    for (a, ra), (b, rb) in itertools.combinations(boxes.items(), 2):
        assert not ra.intersects(rb), f"{a} overlaps {b}"
    # the barcode keeps clear of every separator line
    for y in layout.rules:
        assert not (layout.barcode.y - 0.2 < y < layout.barcode.bottom + 0.2)


def test_a4_is_not_a_label():
    assert not A4.is_label and all(spec.is_label for spec in LABEL_SPECS)


def _canvas_on(image: QImage) -> tuple[QPainter, Canvas]:
    painter = QPainter(image)
    return painter, Canvas(painter)


def _image(dpi: int) -> QImage:
    image = QImage(800, 800, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 25.4 * 1000))
    image.setDotsPerMeterY(round(dpi / 25.4 * 1000))
    return image


def test_long_text_shrinks_then_elides_within_its_box():
    image = _image(300)
    painter, canvas = _canvas_on(image)
    try:
        box = MmRect(0, 0, 40, 5)
        text = "广东省深圳市南山区粤海街道科技园南区高新南九道**号**大厦A座**楼****室（前台代收）"
        fitted = canvas.fit_text(box, text, 10, min_pt=7)
        assert fitted.elided and fitted.size_pt == 7
        assert len(fitted.lines) == 1 and fitted.lines[0].endswith(ELLIPSIS)
        assert canvas.text_width_mm(fitted.lines[0], fitted.size_pt) <= box.w + 1e-6
        short = canvas.fit_text(MmRect(0, 0, 40, 5), "王** 133****6868", 10)
        assert not short.elided and short.size_pt == 10 and short.lines == ("王** 133****6868",)
        wrapped = canvas.fit_text(MmRect(0, 0, 40, 30), text, 10, max_lines=3)
        assert not wrapped.elided and len(wrapped.lines) >= 2
        assert "".join(wrapped.lines).replace(" ", "") == text.replace(" ", "")
        for line in wrapped.lines:
            assert canvas.text_width_mm(line, wrapped.size_pt) <= 40 + 1e-6
    finally:
        painter.end()


@pytest.mark.parametrize("dpi", [203, 300, 600, 1200])
def test_barcode_modules_are_whole_pixels_and_at_least_a_quarter_mm(dpi):
    image = _image(dpi)
    painter, canvas = _canvas_on(image)
    try:
        layout = label_layout(LABEL_76x130)
        geo = code128_geometry(canvas, layout.barcode, "SF1404560199074")
        assert isinstance(geo.module_px, int)
        assert geo.module_px * 25.4 / dpi >= MIN_MODULE_MM - 1e-3
        quiet = 10 * geo.module_px
        room = canvas.qrect(layout.barcode)
        assert geo.left_px - quiet >= room.left() - 1 and geo.left_px + geo.width_px + quiet <= room.right() + 1
    finally:
        painter.end()


def test_too_long_waybill_is_refused_not_squeezed():
    image = _image(203)
    painter, canvas = _canvas_on(image)
    try:
        with pytest.raises(SymbolDoesNotFit):
            code128_geometry(canvas, MmRect(0, 0, 30, 10), "SF1404560199074ABCDEFGHIJ")
    finally:
        painter.end()


def test_symbols_come_from_the_libraries():
    modules = code128_modules("SF1404560199074")
    assert set(modules) == {"0", "1"} and modules.startswith("11010") and modules.endswith("1100011101011")
    matrix = qr_matrix("SF1404560199074")
    assert len(matrix) == 21 and all(len(row) == 21 for row in matrix)  # a full QR, not Micro QR
    assert LABEL_100x150.width_mm == 100


def test_short_title_drops_marketing_tags_and_cuts():
    assert short_title("【官方正品】手工竹编茶盘 [包邮]  家用") == "手工竹编茶盘 家用"
    assert short_title("【限量】") == "【限量】"
    cut = short_title("云南普洱熟茶饼 2019年勐海古树料 357克", 10)
    assert cut == "云南普洱熟茶饼 2…" and len(cut) == 10
