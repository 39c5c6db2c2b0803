"""Product intents: validation, local change + outbox row in one transaction, offline ids,
edit bases, coalescing, stock deltas, images, list/delist/delete."""

from __future__ import annotations

from dataclasses import replace

import pytest
from store.factories import SETTINGS, head_imgs

from seller_desktop.domain.product import EditStatus, Product, ProductStatus, Sku, SkuAttr
from seller_desktop.domain.validation import ValidationFailed
from seller_desktop.ops import products as ops
from seller_desktop.store import outbox
from seller_desktop.store.products import ProductRepo


def new_product(**changes) -> Product:
    product = Product(product_id=None, title="手工红糖姜茶礼盒装",
                      skus=(Sku(None, 3990, 20, (SkuAttr("规格", "500g"),), sku_code="TEA-1"),),
                      head_imgs=head_imgs(1), extra=dict(SETTINGS))
    return replace(product, **changes)


def rows(store, entity_id):
    return [(r.op, r.state) for r in outbox.open_rows(store.reader(), "product", entity_id)]


def test_create_offline_gets_a_local_id_and_a_create_row(store):
    change = ops.save_product_sync(store, new_product())
    (local_id,) = change.products
    assert local_id.startswith("local-") and change.outbox
    record = ProductRepo(store.reader()).get(local_id)
    assert record.local_id == local_id and record.has_local_changes
    assert record.draft.title == "手工红糖姜茶礼盒装"
    (row,) = outbox.open_rows(store.reader(), "product", local_id)
    assert (row.op, row.payload["title"], row.payload["skus"][0]["stock_num"]) == ("create", "手工红糖姜茶礼盒装", 20)


def test_invalid_product_writes_nothing(store):
    with pytest.raises(ValidationFailed) as info:
        ops.save_product_sync(store, new_product(title="短"))
    assert info.value.issues[0].field == "title" and "标题" in info.value.issues[0].message
    with pytest.raises(ValidationFailed, match="售价"):
        ops.save_product_sync(store, new_product(skus=(Sku(None, 0, 1),)))
    assert ProductRepo(store.reader()).count() == 0
    assert outbox.pending_count(store.reader()) == 0


def test_change_and_outbox_row_are_one_transaction(store, pulled, monkeypatch):
    product = pulled[0][0]

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(outbox, "enqueue", broken)
    with pytest.raises(OSError):
        ops.save_product_sync(store, replace(product, title="新的商品标题呀"))
    with pytest.raises(OSError):
        ops.change_stock_sync(store, product.product_id, product.skus[0].sku_id, 5)
    record = ProductRepo(store.reader()).get(product.product_id)
    assert record.draft == product and not record.has_local_changes
    assert outbox.pending_count(store.reader()) == 0


def test_edit_records_the_server_version_it_started_from(store, pulled):
    product = pulled[0][0]
    ops.save_product_sync(store, replace(product, title="新的商品标题呀"))
    (row,) = outbox.open_rows(store.reader(), "product", product.product_id)
    assert row.op == "edit" and row.payload["title"] == "新的商品标题呀"
    assert row.base["edit_time"] == product.edit_time and row.base["title"] == product.title
    # a second save before it went out updates the same row and keeps the base
    ops.save_product_sync(store, replace(product, title="再改一次标题", short_title="短标题"))
    (row2,) = outbox.open_rows(store.reader(), "product", product.product_id)
    assert row2.id == row.id and row2.payload["title"] == "再改一次标题"
    assert row2.base == row.base


def test_no_coalescing_across_a_row_being_sent(store, pulled):
    product = pulled[0][0]
    ops.save_product_sync(store, replace(product, title="新的商品标题呀"))
    (row,) = outbox.open_rows(store.reader(), "product", product.product_id)
    store.writer.write_sync(lambda c: outbox.mark_sending(c, row.id))
    ops.save_product_sync(store, replace(product, title="再改一次标题"))
    assert rows(store, product.product_id) == [("edit", "sending"), ("edit", "pending")]


def test_stock_edits_in_the_form_become_deltas(store, pulled):
    product = pulled[0][0]
    skus = (product.skus[0].with_stock(product.skus[0].stock_num + 7), product.skus[1])
    ops.save_product_sync(store, replace(product, skus=skus))
    ops_rows = outbox.open_rows(store.reader(), "product", product.product_id)
    assert [r.op for r in ops_rows] == ["edit", "stock_delta"]
    assert ops_rows[1].payload == {"product_id": product.product_id,
                                   "sku_id": product.skus[0].sku_id, "delta": 7}


def test_stock_delta_applies_now_and_travels_as_a_delta(store, pulled):
    product = pulled[0][0]
    sku = product.skus[1]
    change = ops.change_stock_sync(store, product.product_id, sku.sku_id, -5)
    assert change.products == {product.product_id}
    assert ProductRepo(store.reader()).get(product.product_id).draft.sku(sku.sku_id).stock_num == sku.stock_num - 5
    skus = {s["sku_id"]: s["stock_num"] for s in ProductRepo(store.reader()).skus(product.product_id)}
    assert skus[sku.sku_id] == sku.stock_num - 5
    (row,) = outbox.open_rows(store.reader(), "product", product.product_id)
    assert (row.op, row.payload["delta"]) == ("stock_delta", -5)
    with pytest.raises(ValidationFailed, match="库存不足"):
        ops.change_stock_sync(store, product.product_id, sku.sku_id, -1000)
    with pytest.raises(ValidationFailed):
        ops.change_stock_sync(store, product.product_id, sku.sku_id, 0)
    assert len(outbox.open_rows(store.reader(), "product", product.product_id)) == 1


def test_stock_of_an_unsent_offline_product_goes_into_its_create(store):
    (local_id,) = ops.save_product_sync(store, new_product()).products
    draft = ProductRepo(store.reader()).get(local_id).draft
    ops.save_product_sync(store, replace(draft, title="手工红糖姜茶礼盒装大号"))
    assert rows(store, local_id) == [("create", "pending")]
    (row,) = outbox.open_rows(store.reader(), "product", local_id)
    assert row.payload["title"] == "手工红糖姜茶礼盒装大号"


def test_images_from_disk_are_copied_into_the_data_dir(store, tmp_path):
    picture = tmp_path / "照片.PNG"
    picture.write_bytes(b"\x89PNG fake bytes")
    change = ops.save_product_sync(store, new_product(head_imgs=(str(picture), *head_imgs(2)[1:])))
    (local_id,) = change.products
    ref = ProductRepo(store.reader()).get(local_id).draft.head_imgs[0]
    assert ref.startswith("local:images/") and ref.endswith(".png")
    copied = store.data_dir / ref.removeprefix("local:")
    assert copied.read_bytes() == picture.read_bytes()
    with pytest.raises(ValidationFailed, match="找不到图片"):
        ops.save_product_sync(store, new_product(
            head_imgs=(str(tmp_path / "missing.jpg"), *head_imgs(2)[1:])))


def test_list_delist_delete(store, pulled):
    product = pulled[0][0]
    ops.delist_product_sync(store, product.product_id)
    assert ProductRepo(store.reader()).get(product.product_id).draft.status == ProductStatus.DELISTED
    with pytest.raises(ValidationFailed, match="未在售"):
        ops.delist_product_sync(store, product.product_id)
    ops.list_product_sync(store, product.product_id)
    assert ProductRepo(store.reader()).get(product.product_id).draft.edit_status == EditStatus.IN_REVIEW
    with pytest.raises(ValidationFailed, match="审核"):
        ops.delete_product_sync(store, product.product_id)
    other = pulled[0][1]
    ops.delete_product_sync(store, other.product_id)
    assert ProductRepo(store.reader()).get(other.product_id).draft.status == ProductStatus.DELETED
    assert rows(store, product.product_id) == [("delist", "pending"), ("list", "pending")]
    assert rows(store, other.product_id) == [("delete", "pending")]


def test_deleting_an_unsent_offline_product_forgets_it(store):
    (local_id,) = ops.save_product_sync(store, new_product()).products
    ops.delete_product_sync(store, local_id)
    assert ProductRepo(store.reader()).get(local_id) is None
    assert outbox.pending_count(store.reader()) == 0


@pytest.mark.asyncio
async def test_async_save(store, pulled):
    product = pulled[0][0]
    change = await ops.save_product(store, replace(product, title="异步保存的标题"))
    assert change.products == {product.product_id}
    assert ProductRepo(store.reader()).get(product.product_id).draft.title == "异步保存的标题"


def test_saving_again_after_a_failure_replaces_the_failed_edit_and_requeues_it(store, pulled):
    product = pulled[0][0]
    ops.save_product_sync(store, replace(product, title="第一次修改标题"))
    (row,) = outbox.open_rows(store.reader(), "product", product.product_id)
    store.writer.write_sync(lambda c: outbox.mark_sending(c, row.id))
    store.writer.write_sync(lambda c: outbox.mark_failed(c, row.id, "标题含违规词"))
    ops.save_product_sync(store, replace(product, title="第二次修改标题"))
    (again,) = outbox.open_rows(store.reader(), "product", product.product_id)
    assert (again.id, again.state, again.payload["title"]) == (row.id, "pending", "第二次修改标题")


def test_pending_delist_survives_a_pull(store, pulled):
    product = pulled[0][0]
    ops.delist_product_sync(store, product.product_id)
    store.writer.write_sync(lambda c: ProductRepo(c).upsert_server(product))
    assert ProductRepo(store.reader()).get(product.product_id).draft.status == ProductStatus.DELISTED
