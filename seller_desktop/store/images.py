"""The app's own images folder, ``<data dir>/images``: the only files that may ever be uploaded.

An image the seller picks in the app is copied here under a name the app makes from its content
(the first 32 hex digits of its SHA-256, plus the extension) and referred to as
``local:images/<name>`` until the sync uploads it. A ``local:`` reference is honoured only in
that exact form, and its file only when it is a regular file directly in this folder whose
content still matches its name: a reference that names any other path (``local:/home/…``,
``local:../../…``, a reply from a hostile server, a damaged cache) never makes the app read or
upload a file.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import tempfile
from pathlib import Path

LOCAL_PREFIX = "local:"
FOLDER = "images"
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp"})
MAX_IMAGE_BYTES = 10 * 1024 * 1024  # the upload limit (auth-products.md §4.1, resp_type 1)
_NAME = re.compile(r"[0-9a-f]{32}\.(?:jpg|jpeg|png|gif|webp|bmp)")


class NotPicked(ValueError):
    """A ``local:`` reference that is not an image the seller picked in this app."""


def is_local(ref: object) -> bool:
    return isinstance(ref, str) and ref.startswith(LOCAL_PREFIX)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:32]


def picked_name(ref: str) -> str:
    """The file name in a well-formed ``local:images/<name>`` reference; NotPicked otherwise."""
    rest = ref[len(LOCAL_PREFIX):] if is_local(ref) else ""
    folder, _, name = rest.partition("/")
    if folder != FOLDER or not _NAME.fullmatch(name):
        raise NotPicked("图片引用不是本应用选取的图片")
    return name


def read_picked(data_dir: Path, ref: str, limit: int = MAX_IMAGE_BYTES) -> bytes:
    """The bytes of a picked image, checked: NotPicked for a reference or file that is not
    one, OSError when it cannot be read."""
    name = picked_name(ref)
    folder = Path(data_dir) / FOLDER
    path = folder / name
    info = os.lstat(path)  # a symlink is not a file the app wrote
    if not stat.S_ISREG(info.st_mode):
        raise NotPicked(f"{name} 不是普通文件")
    if info.st_size > limit:
        raise NotPicked(f"{name} 超过 {limit // (1024 * 1024)} MB")
    data = path.read_bytes()
    if _digest(data) != name.partition(".")[0]:
        raise NotPicked(f"{name} 的内容与其名称不符（文件被改动过）")
    return data


def store_picked(data_dir: Path, source: Path) -> str:
    """Copy ``source`` in (once per content) and return its ``local:images/<name>`` reference.

    ValueError for an unsupported extension or a file over the upload limit."""
    suffix = source.suffix.lower()
    if suffix not in IMAGE_SUFFIXES:
        raise ValueError(f"不支持的图片格式：{source.name}（请用 JPG、PNG、GIF、WebP 或 BMP）")
    if source.stat().st_size > MAX_IMAGE_BYTES:
        raise ValueError(f"图片 {source.name} 超过 {MAX_IMAGE_BYTES // (1024 * 1024)} MB")
    data = source.read_bytes()
    folder = Path(data_dir) / FOLDER
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    target = folder / f"{_digest(data)}{suffix}"
    if not target.exists():
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".part")  # mode 0600
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, target)
    return f"{LOCAL_PREFIX}{FOLDER}/{target.name}"
