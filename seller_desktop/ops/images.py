"""Images the seller picks from disk: copied into ``<data_dir>/images/`` and referenced as
``local:images/<name>`` until the sync engine uploads them and substitutes the URL.

Names are the SHA-256 of the content (plus the extension), so picking the same file twice
stores it once, and a copy left behind by a failed save is harmless. The folder's rules (what
counts as a picked image, what may be uploaded) are ``store/images.py``'s; a ``local:`` value
that is not one of its references is refused here, so it never reaches the outbox.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..domain.product import Product
from ..store import images as picked
from ._run import fail

LOCAL_PREFIX = picked.LOCAL_PREFIX
REMOTE_PREFIXES = ("http://", "https://")
IMAGE_SUFFIXES = picked.IMAGE_SUFFIXES


def import_image(data_dir: Path, ref: str, field: str) -> str:
    """A URL or a picked ``local:`` ref unchanged; a file path copied in and returned as
    ``local:…``."""
    if not ref or ref.lower().startswith(REMOTE_PREFIXES):
        return ref
    if picked.is_local(ref):
        try:
            picked.picked_name(ref)
        except picked.NotPicked as exc:
            raise fail(field, f"图片引用无效：{exc}") from exc
        return ref
    source = Path(ref).expanduser()
    if not source.is_file():
        raise fail(field, f"找不到图片文件：{ref}")
    try:
        return picked.store_picked(data_dir, source)
    except ValueError as exc:
        raise fail(field, str(exc)) from exc


def import_images(data_dir: Path, product: Product) -> Product:
    """The product with every image field that names a local file replaced by a ``local:`` ref."""
    head = tuple(import_image(data_dir, r, f"head_imgs[{i}]") for i, r in enumerate(product.head_imgs))
    desc = tuple(import_image(data_dir, r, f"desc_imgs[{i}]") for i, r in enumerate(product.desc_imgs))
    skus = tuple(replace(s, thumb_img=import_image(data_dir, s.thumb_img, f"skus[{i}].thumb_img"))
                 for i, s in enumerate(product.skus))
    return replace(product, head_imgs=head, desc_imgs=desc, skus=skus)


def resolve_local(data_dir: Path, ref: str) -> Path | None:
    """The file behind a picked ``local:`` ref (for preview), or None for anything else."""
    try:
        return Path(data_dir) / picked.FOLDER / picked.picked_name(ref)
    except picked.NotPicked:
        return None
