"""Labels, pick lists and packing slips printed to PDF by QPrinter, checked with poppler + zbar."""

from __future__ import annotations

import asyncio
import os
import subprocess

import pytest
from labels_pdftools import decode, page_sizes_mm, pages_text, pdf_text, rasterize
from labels_sample import PRINTED_AT, SHOP, many_labels

from seller_desktop.labels import (
    PrintError,
    available_printers,
    choose_label_printer,
    pick_order,
    pick_rows,
    print_labels,
    print_labels_async,
    print_packing_slips,
    print_pick_list,
    render_label_image,
)
from seller_desktop.labels.content import short_title
from seller_desktop.labels.specs import LABEL_SPECS, LABEL_76x130


@pytest.mark.parametrize("spec", LABEL_SPECS, ids=lambda s: s.name)
def test_labels_pdf_sizes_barcodes_qr_and_text(tmp_path, labels, spec):
    pdf = tmp_path / f"labels-{spec.name}.pdf"
    seen: list[tuple[int, int]] = []
    result = print_labels(reversed(labels), spec, pdf, progress=lambda d, t: seen.append((d, t)))
    assert result.ok and result.pages_printed == result.pages_total == len(labels)
    assert seen == [(i, len(labels)) for i in range(1, len(labels) + 1)]

    sizes = page_sizes_mm(pdf)
    assert len(sizes) == len(labels)
    for width, height in sizes:
        assert abs(width - spec.width_mm) <= 0.5 and abs(height - spec.height_mm) <= 0.5

    expected = [item.waybill.waybill_id for item in pick_order(labels)]
    pages = rasterize(pdf, 203)
    assert [decode(page, "code128") for page in pages] == [[w] for w in expected]
    assert [decode(page, "qrcode") for page in pages] == [[w] for w in expected]

    texts = pages_text(pdf)
    for item, text in zip(pick_order(labels), texts, strict=True):
        addr = item.order.address
        assert addr.user_name in text and addr.tel_number in text
        assert item.sender.name in text and item.carrier_name in text
        assert item.order.order_id in text
        assert short_title(item.order.lines[0].title)[:5] in text  # the short title, in Chinese
        assert "¥" not in text


def test_labels_use_the_cjk_family_and_embed_it(tmp_path, labels):
    pdf = tmp_path / "fonts.pdf"
    print_labels(labels[:1], LABEL_76x130, pdf)
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert "WenQuanYi" in fonts
    assert "云南普洱熟茶饼" in pdf_text(pdf)


def test_gift_packing_slip_has_the_note_and_no_prices(tmp_path, orders, labels):
    gift = next(o for o in orders if o.is_gift)
    pdf = tmp_path / "gift.pdf"
    waybills = {item.order.order_id: item.waybill for item in labels}
    result = print_packing_slips([gift], SHOP, pdf, printed_at=PRINTED_AT, waybills=waybills)
    assert result.ok and result.pages_printed == 1
    text = pdf_text(pdf)
    assert "祝爸爸生日快乐" in text and "礼物留言" in text
    assert "¥" not in text and "单价" not in text and "实付" not in text
    assert "59.00" not in text and "118.00" not in text
    assert gift.address.user_name in text and gift.order_id in text


def test_ordinary_packing_slip_shows_prices_and_totals(tmp_path, orders):
    order = next(o for o in orders if len(o.lines) == 5)
    pdf = tmp_path / "slip.pdf"
    print_packing_slips([order], SHOP, pdf, printed_at=PRINTED_AT)
    text = pdf_text(pdf)
    assert "¥398.00" in text and "¥1194.00" in text  # unit price and line total of 3 × 龙井
    assert f"实付金额 ¥{order.order_price // 100}.00" in text
    assert "共 13 件" in text


def test_pick_list_totals_equal_the_orders_lines(tmp_path, orders):
    pdf = tmp_path / "pick.pdf"
    result = print_pick_list(orders, SHOP, pdf, printed_at=PRINTED_AT)
    assert result.ok
    assert all(abs(w - 210) <= 0.5 and abs(h - 297) <= 0.5 for w, h in page_sizes_mm(pdf))
    text = pdf_text(pdf)
    total = sum(ln.sku_cnt for o in orders for ln in o.lines)
    assert f"合计 {total} 件" in text
    for row in pick_rows(orders):
        line = next(ln for ln in text.splitlines() if row.sku_code in ln)
        assert f" {row.quantity} " in f" {line} "


def test_long_pick_list_spans_pages_and_keeps_every_sku(tmp_path):
    items = many_labels(300)
    orders = [item.order for item in items]
    many = [o.__class__(**{**o.__dict__, "lines": tuple(
        ln.__class__(**{**ln.__dict__, "sku_id": f"{ln.sku_id}-{n % 60}", "sku_code": f"{ln.sku_code}-{n % 60:02d}"})
        for ln in o.lines)}) for n, o in enumerate(orders)]
    pdf = tmp_path / "pick-long.pdf"
    result = print_pick_list(many, SHOP, pdf, printed_at=PRINTED_AT)
    assert result.pages_printed > 1 and len(page_sizes_mm(pdf)) == result.pages_printed
    text = pdf_text(pdf)
    total = sum(ln.sku_cnt for o in many for ln in o.lines)
    assert f"合计 {total} 件" in text
    for row in pick_rows(many):
        assert row.sku_code in text
    assert f"第 {result.pages_printed} / {result.pages_printed} 页" in text


def test_cancelling_stops_the_job_and_leaves_no_file(tmp_path, labels):
    pdf = tmp_path / "cancelled.pdf"
    done: list[int] = []
    result = print_labels(labels, LABEL_76x130, pdf, progress=lambda d, t: done.append(d),
                          cancel=lambda: len(done) >= 2)
    assert result.cancelled and not result.ok
    assert result.pages_printed == 2 and result.pages_total == len(labels)
    assert done == [1, 2]
    assert list(tmp_path.iterdir()) == []


def test_cancel_before_start_prints_nothing(tmp_path, labels):
    result = print_labels(labels, LABEL_76x130, tmp_path / "x.pdf", cancel=lambda: True)
    assert result.cancelled and result.pages_printed == 0
    assert list(tmp_path.iterdir()) == []


def test_unknown_printer_gives_a_clear_error(labels):
    with pytest.raises(PrintError, match="找不到打印机“不存在的打印机”"):
        print_labels(labels, LABEL_76x130, "不存在的打印机")


def test_unwritable_pdf_folder_gives_a_clear_error(tmp_path, labels):
    with pytest.raises(PrintError, match="不存在"):
        print_labels(labels, LABEL_76x130, tmp_path / "missing" / "x.pdf")


def test_waybill_without_number_is_refused(labels):
    item = labels[0]
    blank = item.__class__(item.order, item.waybill.__class__(**{**item.waybill.__dict__, "waybill_id": ""}),
                           item.sender, item.shop_name)
    with pytest.raises(PrintError, match="还没有运单号"):
        print_labels([blank], LABEL_76x130, "/tmp/never.pdf")


@pytest.mark.parametrize("dpi", [96, 203])
def test_preview_image_is_true_size_and_decodes(tmp_path, labels, dpi):
    image = render_label_image(labels[0], LABEL_76x130, dpi)
    assert image.width() == round(76 / 25.4 * dpi) and image.height() == round(130 / 25.4 * dpi)
    png = tmp_path / "preview.png"
    assert image.save(str(png))
    if dpi >= 150:  # a 96-dpi screen preview is for eyes, not scanners
        assert decode(png, "code128") == [labels[0].waybill.waybill_id]
    assert decode(png, "qrcode") == [labels[0].waybill.waybill_id]


def test_qr_and_barcode_decode_for_many_waybill_numbers(tmp_path):
    items = many_labels(24)
    for n, item in enumerate(items):
        png = tmp_path / f"l{n}.png"
        assert render_label_image(item, LABEL_76x130, 203).save(str(png))
        assert decode(png, "qrcode") == [item.waybill.waybill_id]
        assert decode(png, "code128") == [item.waybill.waybill_id]


def test_overlong_text_never_reaches_the_barcode(tmp_path, labels):
    item = labels[0]
    long_addr = item.order.address.__class__(
        user_name="欧阳**" * 12, tel_number="186****7710" * 4, province="新疆维吾尔自治区",
        city="伊犁哈萨克自治州", county="伊宁市", detail="解放西路" * 40)
    order = item.order.__class__(**{**item.order.__dict__, "address": long_addr})
    crowded = item.__class__(order, item.waybill, item.sender, "店" * 80, item.printed_at)
    for spec in LABEL_SPECS:
        pdf = tmp_path / f"crowded-{spec.name}.pdf"
        print_labels([crowded], spec, pdf)
        pages = rasterize(pdf, 203)
        assert decode(pages[0], "code128") == [item.waybill.waybill_id]
        assert decode(pages[0], "qrcode") == [item.waybill.waybill_id]
        text = pdf_text(pdf)
        assert "..." in text and "新疆维吾尔自治区" in text  # NFKC turns … into ...


@pytest.mark.asyncio
async def test_async_print_yields_to_the_loop_between_pages(tmp_path, labels):
    ticks = 0
    stop = asyncio.Event()

    async def ticker() -> None:
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            await asyncio.sleep(0)

    task = asyncio.create_task(ticker())
    pdf = tmp_path / "async.pdf"
    result = await print_labels_async(labels, LABEL_76x130, pdf)
    stop.set()
    await task
    assert result.ok and result.pages_printed == len(labels)
    assert ticks >= len(labels)  # the loop ran between pages
    expected = [item.waybill.waybill_id for item in pick_order(labels)]
    assert [decode(page, "code128") for page in rasterize(pdf, 203)] == [[w] for w in expected]


@pytest.mark.asyncio
@pytest.mark.qt_loop
async def test_cancelling_the_async_task_leaves_no_pdf(tmp_path):
    items = many_labels(200)
    started = asyncio.Event()
    task = asyncio.create_task(print_labels_async(items, LABEL_76x130, tmp_path / "big.pdf",
                                                  progress=lambda d, t: started.set()))
    await started.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert list(tmp_path.iterdir()) == []


def test_choose_label_printer_never_returns_a_missing_printer():
    chosen = choose_label_printer("早已拔掉的打印机")
    assert chosen != "早已拔掉的打印机"
    assert chosen is None or chosen in {p.name for p in available_printers()}


def test_painter_begin_failure_gives_a_clear_error(tmp_path, labels):
    target = tmp_path / "blocked.pdf"
    (tmp_path / f".blocked.pdf.{os.getpid()}.partial").mkdir()  # QPrinter cannot open its file
    with pytest.raises(PrintError, match="无法开始打印"):
        print_labels(labels, LABEL_76x130, target)
    assert not target.exists()


def test_long_packing_slip_continues_on_more_pages(tmp_path, orders):
    base = next(o for o in orders if not o.is_gift)
    template = base.lines[0]
    lines = tuple(template.__class__(**{**template.__dict__, "sku_id": f"S{i}", "sku_code": f"PE-{i:03d}",
                                        "sku_cnt": 1 + i % 3}) for i in range(70))
    big = base.__class__(**{**base.__dict__, "lines": lines, "product_price": sum(ln.real_price for ln in lines)})
    pdf = tmp_path / "long-slip.pdf"
    result = print_packing_slips([big], SHOP, pdf, printed_at=PRINTED_AT)
    pages = pages_text(pdf)
    assert result.pages_printed == len(pages) > 1
    assert "发货单(续)" in pages[1]
    assert all(f"PE-{i:03d}" in "".join(pages) for i in range(70))
    assert f"共 {big.item_count} 件" in pages[-1] and "实付金额" in pages[-1]
    assert "实付金额" not in "".join(pages[:-1])
