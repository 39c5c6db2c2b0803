"""Saving files and finding them again: save dialogs start in the folder used last (else
Documents) with a dated name, a written PDF offers to open it or its folder, and 帮助 → 关于
says the version, where the data and the log are, and what it runs on."""

from __future__ import annotations

import re
import stat
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import Qt, QUrl, qVersion

from seller_desktop import __version__
from seller_desktop.config import Paths
from seller_desktop.logs import LOG_BYTES, log_to_file
from seller_desktop.ui import files
from seller_desktop.ui.dialogs.about import AboutDialog

from .conftest import acontrol, answer_file_dialog, open_window, sync, until

STAMP = r"\d{4}-\d{2}-\d{2}-\d{4}"


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    """What would have been opened (a viewer or a file manager), instead of opening it."""
    urls: list[str] = []
    monkeypatch.setattr(files, "open_url", lambda url: urls.append(url.toLocalFile()) or True)
    return urls


def test_save_dialogs_start_in_the_last_folder_else_documents(tmp_path, monkeypatch, qapp):
    monkeypatch.setenv("HOME", str(tmp_path))
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # no user-dirs.dirs
    assert files.start_folder("") == documents
    assert files.start_folder(str(tmp_path / "gone")) == documents  # a folder since removed
    last = tmp_path / "labels"
    last.mkdir()
    assert files.start_folder(str(last)) == last
    assert re.fullmatch(f"拣货单-{STAMP}.pdf", files.suggested_name("picklist"))
    assert files.suggested_name("labels", at=1_796_369_400) == "面单-2026-12-04-1530.pdf"


async def _save_from_dialog(start, name: str | None) -> str:
    """Run ``start`` (it opens a save dialog) as a button would; read the dialog's suggested
    file, then save under ``name`` typed into the dialog (None: as suggested)."""
    return await answer_file_dialog(start, name, lambda dialog: dialog.selectedFiles()[0])


@pytest.mark.asyncio
@pytest.mark.qt_loop
async def test_pick_list_suggests_a_dated_name_and_offers_to_open_it(data_dir, sandbox, tmp_path,
                                                                   opened, qtbot):
    ids = [(await acontrol(sandbox, "/sandbox/order/create", {"status": 20}))["order_id"]
           for _ in range(2)]
    folder = tmp_path / "sheets"
    folder.mkdir()
    async with open_window(data_dir, sandbox) as window:
        await sync(window)
        shipping = window.shipping
        window.tabs.setCurrentWidget(shipping)
        if shipping.current_task is not None:
            await shipping.current_task  # the waybill accounts load first
        shipping.prefs.pdf_dir = str(folder)  # the folder the seller used last
        shipping.select_rows(ids)
        assert not shipping.file_written.isVisible()

        suggested = await _save_from_dialog(shipping.pick_button.click, None)
        assert Path(suggested).parent == folder
        assert re.fullmatch(f"拣货单-{STAMP}.pdf", Path(suggested).name), suggested
        await until(lambda: shipping.file_written.isVisible()
                    and shipping.file_written.path == Path(suggested), what="the PDF written")
        assert Path(suggested).read_bytes().startswith(b"%PDF")
        shipping.file_written.open_file.click()
        shipping.file_written.open_folder.click()
        assert opened == [suggested, str(folder)]

        elsewhere = tmp_path / "other"
        elsewhere.mkdir()
        shipping.prefs.pdf_dir = str(elsewhere)
        suggested = await _save_from_dialog(shipping.slips_button.click, "my slips")
        assert Path(suggested).parent == elsewhere and Path(suggested).name.startswith("发货单-")
        slips = elsewhere / "my slips.pdf"  # .pdf added
        await until(lambda: shipping.file_written.isVisible()
                    and shipping.file_written.path == slips, what="the slips written")
        assert slips.read_bytes().startswith(b"%PDF")
        assert shipping.prefs.pdf_dir == str(elsewhere)


@pytest.mark.asyncio
@pytest.mark.qt_loop
async def test_about_says_version_data_and_log_and_opens_their_folder(data_dir, opened, qapp):
    async with open_window(data_dir, None) as window:
        help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "帮助")
        about_action = next(a for a in help_menu.actions() if a.text() == "关于小店桌面")
        about_action.trigger()
        about = window.findChild(AboutDialog)
        assert about is not None and about.isVisible()
        texts = [w.text() for w in about.findChildren(type(about.version))]
        assert about.version.text() == __version__
        assert str(data_dir) in texts and str(Paths(data_dir).log_file) in texts
        assert qVersion() in about.runtime.text()
        assert PySide6.__version__ in about.runtime.text()
        about.open_data.click()
        about.open_log.click()
        assert opened == [str(data_dir), str(Paths(data_dir).log_file.parent)]
        about.reject()


def test_the_log_file_is_owner_only_rotated_and_never_stops_the_app(tmp_path):
    import logging

    logger = logging.getLogger("test-log-file")
    logger.propagate = False
    path = tmp_path / "seller-desktop.log"
    handler = log_to_file(path, logger)
    assert handler is not None
    try:
        logger.warning("x" * 1000)
        for _ in range(LOG_BYTES // 1000 + 5):
            logger.warning("y" * 1000)
        handler.flush()
        assert path.with_name(path.name + ".1").exists()  # rotated
        for log in (path, path.with_name(path.name + ".1")):
            assert stat.S_IMODE(log.stat().st_mode) == 0o600
    finally:
        logger.removeHandler(handler)
        handler.close()
    assert log_to_file(tmp_path / "missing" / "dir" / "x.log", logger) is None  # no crash


def test_open_path_goes_through_desktop_services(opened, tmp_path):
    assert files.open_path(tmp_path)
    assert opened == [str(tmp_path)]
    assert QUrl.fromLocalFile(str(tmp_path)).toLocalFile() == str(tmp_path)


@pytest.mark.asyncio
@pytest.mark.qt_loop
async def test_the_editor_looks_for_images_in_pictures_then_where_it_found_them(
        data_dir, tmp_path, monkeypatch, qapp):
    from PySide6.QtGui import QColor, QImage

    from seller_desktop.store.db import Store

    from .factories import fill

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(files, "last_folders", {})
    pictures = tmp_path / "Pictures"
    shots = tmp_path / "shots"
    for folder in (pictures, shots):
        folder.mkdir()
    image = QImage(800, 800, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    assert image.save(str(shots / "a.png"))
    store = Store.open(data_dir)
    fill(store, products=1, orders=0)
    store.close()
    async with open_window(data_dir, None) as window:
        editor = window.listings.open_editor(window.listings.model.keys()[0])
        folders: list[str] = []

        async def pick(choose: Path | None) -> None:
            folders.append(await answer_file_dialog(
                editor.add_image.click, "" if choose is None else str(choose),
                lambda dialog: dialog.directory().absolutePath()))

        await pick(shots / "a.png")
        await until(lambda: [Path(editor.images.item(i).data(Qt.ItemDataRole.UserRole)).name
                             for i in range(editor.images.count())][-1:] == ["a.png"],
                    what="the picked image in the editor")
        await pick(None)
        assert folders == [str(pictures), str(shots)]
        editor.done(0)


@pytest.mark.asyncio
@pytest.mark.qt_loop
async def test_label_pdf_is_asked_for_each_print_with_a_new_name(data_dir, tmp_path, qapp):
    """An empty PDF field asks where to save at each print (the last PDF is never overwritten
    by a fixed name), in the folder used last."""
    from seller_desktop.ui.models.shipping import TARGET_PDF, ShippingPrefs
    from seller_desktop.ui.screens.shipping_target import PrintTargetPicker

    prefs = ShippingPrefs(None)
    prefs.pdf_dir = str(tmp_path)
    picker = PrintTargetPicker(prefs)
    picker.choose(TARGET_PDF)
    assert picker.pdf_path.text() == ""
    chosen: list[str | None] = []
    suggested = await _save_from_dialog(lambda: chosen.append(picker.pdf()), None)
    await until(lambda: chosen, what="the chosen path")
    assert Path(suggested).parent == tmp_path
    assert re.fullmatch(f"面单-{STAMP}.pdf", Path(suggested).name)
    assert chosen == [suggested] and picker.pdf_path.text() == ""  # asked again next time
