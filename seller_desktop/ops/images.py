"""Images the seller picks from disk: copied into ``<data_dir>/images/`` and referenced as
``local:images/<name>`` until the sync engine uploads them and substitutes the URL.

Names are the SHA-256 of the content (plus the extension), so picking the same file twice
stores it once, and a copy left behind by a failed save is harmless.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from ..domain.product import Product
from ._run import fail

LOCAL_PREFIX = "local:"
REMOTE_PREFIXES = ("http://", "https://", LOCAL_PREFIX)
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp"}


def import_image(data_dir: Path, ref: str, field: str) -> str:
    """A URL or ``local:`` ref unchanged; a file path copied in and returned as ``local:…``."""
    if not ref or ref.startswith(REMOTE_PREFIXES):
        return ref
    source = Path(ref).expanduser()
    if not source.is_file():
        raise fail(field, f"找不到图片文件：{ref}")
    suffix = source.suffix.lower()
    if suffix not in IMAGE_SUFFIXES:
        raise fail(field, f"不支持的图片格式：{source.name}（请用 JPG、PNG、GIF、WebP 或 BMP）")
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:32]
    images = data_dir / "images"
    images.mkdir(parents=True, exist_ok=True)
    target = images / f"{digest}{suffix}"
    if not target.exists():
        fd, tmp = tempfile.mkstemp(dir=images, suffix=".part")
        os.close(fd)
        shutil.copyfile(source, tmp)
        os.replace(tmp, target)
    return f"{LOCAL_PREFIX}images/{target.name}"


def import_images(data_dir: Path, product: Product) -> Product:
    """The product with every image field that names a local file replaced by a ``local:`` ref."""
    head = tuple(import_image(data_dir, r, f"head_imgs[{i}]") for i, r in enumerate(product.head_imgs))
    desc = tuple(import_image(data_dir, r, f"desc_imgs[{i}]") for i, r in enumerate(product.desc_imgs))
    skus = tuple(replace(s, thumb_img=import_image(data_dir, s.thumb_img, f"skus[{i}].thumb_img"))
                 for i, s in enumerate(product.skus))
    return replace(product, head_imgs=head, desc_imgs=desc, skus=skus)


def resolve_local(data_dir: Path, ref: str) -> Path | None:
    """The file behind a ``local:`` ref (for upload and preview), or None for a URL."""
    if not ref.startswith(LOCAL_PREFIX):
        return None
    return data_dir / ref.removeprefix(LOCAL_PREFIX)
