"""Where the app keeps its files (per OS: ``platform_seam``; ``--data-dir`` overrides) and its defaults."""

from __future__ import annotations

import json
import os
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
    def account_file(self) -> Path:
        """Non-secret account settings (AppID, API base). Never the AppSecret."""
        return self.data_dir / "account.json"


def save_account(paths: Paths, appid: str, api_base: str) -> None:
    """Record the AppID and API address (never the secret) where the command-line tools look,
    so ``seller-desktop sync``/``labels`` find the keyring entry the window saved."""
    data = {"appid": appid, "api_base": api_base}
    tmp = paths.account_file.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False)
    os.replace(tmp, paths.account_file)
