"""Where the app keeps its files (per OS: ``platform_seam``; ``--data-dir`` overrides) and its defaults."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import platform_seam

APP_NAME = platform_seam.APP_NAME
DEFAULT_API_BASE = "https://api.weixin.qq.com"
ENV_APPID = "SELLER_DESKTOP_APPID"
ENV_SECRET = "SELLER_DESKTOP_SECRET"


def api_base_arg(value: str) -> str:
    """``--api-base``: HTTPS, or plain HTTP only on this machine (a sandbox): the AppSecret is
    sent to it, never in clear over a network. For argparse's ``type=``."""
    from argparse import ArgumentTypeError
    from urllib.parse import urlsplit

    parts = urlsplit(value)
    loopback = parts.hostname in ("127.0.0.1", "localhost", "::1")
    if not parts.hostname or not (parts.scheme == "https"
                                  or (parts.scheme == "http" and loopback)):
        raise ArgumentTypeError(f"{value!r}: use https://…, or http://127.0.0.1:PORT for a "
                                "sandbox (the AppSecret is never sent in clear)")
    return value.rstrip("/")


def default_data_dir() -> Path:
    return platform_seam.data_dir()


@dataclass(frozen=True)
class Paths:
    data_dir: Path

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None) -> Paths:
        path = Path(data_dir).expanduser() if data_dir else default_data_dir()
        path.mkdir(parents=True, exist_ok=True)
        try:
            os.chmod(path, 0o700)
        except OSError:
            pass  # a directory the user chose and does not own: the cache file is still 0600
        return cls(path)

    @property
    def cache_file(self) -> Path:
        return self.data_dir / "cache.sqlite3"

    @property
    def images_dir(self) -> Path:
        return self.data_dir / "images"

    @property
    def demo_state_file(self) -> Path:
        """The demo shop (sandbox state) lives beside the cache, so demo edits persist."""
        return self.data_dir / "demo-shop.json"

    @property
    def log_file(self) -> Path:
        """The window's log (rotated; see ``logs.py``): what to send when something failed."""
        return self.data_dir / "seller-desktop.log"

    @property
    def account_file(self) -> Path:
        """Non-secret account settings (AppID, API base). Never the AppSecret."""
        return self.data_dir / "account.json"


def shop_identity(appid: str, demo: bool = False) -> str:
    """Who a cache belongs to: the demo shop, or a shop's AppID (``store.owner.identity``)."""
    from .store.owner import identity

    return identity(appid, demo)


SHOP_MARKER = "shop.json"  # names the shop whose cache is the data dir's own


def _legacy_owner(paths: Paths) -> str | None:
    """The shop a data dir's own cache made before per-shop folders (no marker) belongs to:
    the one the cache records, else the one account.json names; None: nobody can be proved."""
    from .store.db import CACHE_NAME
    from .store.owner import recorded_owner

    recorded = recorded_owner(paths.data_dir / CACHE_NAME)
    if recorded is not None:
        return recorded
    try:
        appid = json.loads(paths.account_file.read_text(encoding="utf-8")).get("appid")
    except (OSError, ValueError, AttributeError):
        return None
    return shop_identity(appid) if isinstance(appid, str) and appid else None


def shop_dir(paths: Paths, identity: str | None) -> Path:
    """The folder of ``identity``'s cache and images, so switching between the demo shop and a
    real one (or two real ones) never mixes their caches. The data dir's own cache belongs to
    the shop ``shop.json`` names; a fresh data dir goes to the first shop opened in it, a cache
    made before per-shop folders (no ``shop.json``) only to the shop it records or
    account.json names (else to nobody: it stays where it is, untouched). Every other shop gets
    ``shops/<identity>/``. ``None`` (no account yet): the data dir, claimed by nobody."""
    if identity is None:
        return paths.data_dir
    from .store.db import CACHE_NAME

    marker = paths.data_dir / SHOP_MARKER
    try:
        owner = json.loads(marker.read_text(encoding="utf-8")).get("identity")
    except FileNotFoundError:
        owner = None
    except (OSError, ValueError, AttributeError):
        owner = ""  # unreadable: the data dir's cache is nobody's we can prove; leave it alone
    if owner is None:
        if (paths.data_dir / CACHE_NAME).exists():
            owner = _legacy_owner(paths) or ""
            if owner:
                _write_private(marker, {"identity": owner})
        else:
            _write_private(marker, {"identity": identity})
            return paths.data_dir
    if owner == identity:
        return paths.data_dir
    import hashlib

    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in identity)[:48]
    digest = hashlib.sha256(identity.encode()).hexdigest()[:8]
    folder = paths.data_dir / "shops" / f"{safe}-{digest}"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def write_private(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` at once, owner-only (mkstemp: 0600). The temporary file
    has a name of its own: two processes opening one data dir both write shop.json, and with
    one shared name the second replace found it gone (ENOENT)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_private(path: Path, data: dict[str, str]) -> None:
    write_private(path, json.dumps(data, ensure_ascii=False).encode("utf-8"))


def save_account(paths: Paths, appid: str, api_base: str) -> None:
    """Record the AppID and API address (never the secret) where the command-line tools look,
    so ``seller-desktop sync``/``labels`` find the keyring entry the window saved."""
    _write_private(paths.account_file, {"appid": appid, "api_base": api_base})
