"""Where the app keeps its files (platformdirs; ``--data-dir`` overrides) and its defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "seller-desktop"
DEFAULT_API_BASE = "https://api.weixin.qq.com"
ENV_APPID = "SELLER_DESKTOP_APPID"
ENV_SECRET = "SELLER_DESKTOP_SECRET"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


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
