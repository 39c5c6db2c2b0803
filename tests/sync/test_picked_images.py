"""Only images the seller picked in this app are ever uploaded (issue 13 item 6).

A product edit's images that name local files are uploaded by the sync. A ``local:`` reference
that names any other file (``local:/…``, ``local:../../…``: from a hostile reply cached before,
or a damaged cache) or a picked file changed since must never be read or uploaded: the row is
failed with the reason (the seller sees it and can fix or drop it), and the store receives no
image. The schema side (replies' image fields must be http(s) links) is in
tests/api/test_api_schemas_products.py.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from seller_desktop.domain.validation import ValidationFailed
from seller_desktop.ops import products as product_ops
from seller_desktop.sandbox.pngs import tile_png
from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.store import Store, outbox
from seller_desktop.store.products import ProductRepo
from seller_desktop.sync import SyncEngine

from .helpers import sandbox_log

UPLOAD = "/channels/ec/basics/img/upload"


def _on_sale(store: Store) -> str:
    return str(store.reader().execute(
        "SELECT product_id FROM products WHERE status = 5 ORDER BY product_id LIMIT 1"
    ).fetchone()[0])


def _uploads(sandbox: SandboxServer) -> int:
    return len(sandbox_log(sandbox.url, UPLOAD))


@pytest.mark.asyncio
async def test_a_picked_image_is_uploaded_and_linked(engine: SyncEngine, store: Store,
                                                      sandbox: SandboxServer,
                                                      tmp_path: Path) -> None:
    await engine.run(full=True)
    pid = _on_sale(store)
    draft = ProductRepo(store.reader()).get(pid).draft
    picture = tmp_path / "我的新主图.png"
    picture.write_bytes(tile_png("picked", 64, 64))
    await product_ops.save_product(store, replace(
        draft, head_imgs=(str(picture), *draft.head_imgs[1:])))
    before = _uploads(sandbox)
    report = await engine.run()
    assert report.failed == 0, report.errors
    assert _uploads(sandbox) == before + 1
    with sandbox.shop.lock:
        head = sandbox.shop.products[pid]["edit_product"]["head_imgs"]
    assert head[0].startswith("https://mmecimage.cn/p/") and head[1:] == list(draft.head_imgs[1:])


def _plant(store: Store, pid: str, refs: list[str]) -> int:
    """An edit row whose images name ``refs`` as a cache filled from a hostile reply (before
    replies were checked) would hold them; the id of the row."""
    draft = ProductRepo(store.reader()).get(pid).draft

    def tx(conn: sqlite3.Connection) -> int:
        (row,) = outbox.open_rows(conn, "product", pid)
        payload = dict(row.payload)
        payload["head_imgs"] = [*refs, *draft.head_imgs[len(refs):]]
        outbox.update_payload(conn, row.id, payload)
        return row.id

    return store.writer.write_sync(tx)


@pytest.mark.asyncio
async def test_a_reference_to_any_other_file_is_never_read_or_uploaded(
        engine: SyncEngine, store: Store, sandbox: SandboxServer, tmp_path: Path) -> None:
    await engine.run(full=True)
    pid = _on_sale(store)
    draft = ProductRepo(store.reader()).get(pid).draft
    await product_ops.save_product(store, replace(draft, title="改一下标题再同步"))
    secret = tmp_path / "secret.png"  # a real PNG, so only the reference check can stop it
    secret.write_bytes(tile_png("secret", 32, 32))
    relative = Path("..") / ".." / secret.relative_to(secret.anchor)
    row_id = _plant(store, pid, [f"local:{secret}", f"local:{relative}"])
    before = _uploads(sandbox)
    report = await engine.run()
    assert _uploads(sandbox) == before, "a file the seller never picked was uploaded"
    row = outbox.get(store.reader(), row_id)
    assert row.state == "failed" and "不能上传" in (row.last_error or ""), row
    assert report.failed == 1
    with sandbox.shop.lock:
        assert sandbox.shop.products[pid]["edit_product"]["title"] != "改一下标题再同步"


@pytest.mark.asyncio
async def test_a_picked_image_changed_since_is_refused(engine: SyncEngine, store: Store,
                                                       sandbox: SandboxServer,
                                                       tmp_path: Path) -> None:
    await engine.run(full=True)
    pid = _on_sale(store)
    draft = ProductRepo(store.reader()).get(pid).draft
    picture = tmp_path / "pick.png"
    picture.write_bytes(tile_png("pick", 32, 32))
    await product_ops.save_product(store, replace(
        draft, head_imgs=(str(picture), *draft.head_imgs[1:])))
    ref = ProductRepo(store.reader()).get(pid).draft.head_imgs[0]
    copied = store.data_dir / ref.removeprefix("local:")
    copied.write_bytes(tile_png("swapped", 32, 32))  # same name, other content
    before = _uploads(sandbox)
    report = await engine.run()
    assert _uploads(sandbox) == before
    assert report.failed == 1 and any("不符" in e for e in report.errors), report.errors


def test_the_editor_refuses_a_local_reference_it_did_not_make(store: Store) -> None:
    from seller_desktop.ops.images import import_image

    for ref in ("local:/etc/passwd", "local:../../.ssh/id_rsa.png", "local:images/../x.png",
                "local:images/notahash.png"):
        with pytest.raises(ValidationFailed, match="图片引用无效"):
            import_image(store.data_dir, ref, "head_imgs[0]")
