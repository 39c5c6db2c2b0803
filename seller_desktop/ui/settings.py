"""Typed settings, declared once with their defaults, over an INI QSettings in the data dir.

Each setting is a descriptor: ``settings.sync_interval_min`` reads and converts,
``settings.sync_interval_min = 10`` writes. The file lives under the data dir, so two data dirs
(and every test) have their own settings. The AppSecret is never here (see credentials.py).
Command-line choices (``--demo``, ``--api-base``) are overrides for the run: read like the saved
value, never written, until the seller saves a different value in 设置.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T", str, int, bool, bytes)

LANGUAGES = ("zh_CN", "en")
NO_OVERRIDES: dict[str, Any] = {}  # for holders of settings without run overrides (never written)


class Setting(Generic[T]):
    def __init__(self, key: str, default: T) -> None:
        self.key = key
        self.default = default

    def __get__(self, obj: Settings | None, owner: type) -> Any:
        if obj is None:
            return self
        overrides = getattr(obj, "overrides", NO_OVERRIDES)
        if self.key in overrides:
            return overrides[self.key]
        return self.convert(obj.qsettings.value(self.key, self.default))

    def __set__(self, obj: Settings, value: T) -> None:
        overrides = getattr(obj, "overrides", NO_OVERRIDES)
        if self.key in overrides:
            if overrides[self.key] == value:
                return  # the run's own value written back: the saved one stays as it was
            del overrides[self.key]  # the seller chose: saved, and it holds from now on
        obj.qsettings.setValue(self.key, QByteArray(value) if isinstance(value, bytes) else value)

    def convert(self, raw: Any) -> T:
        kind = type(self.default)
        try:
            if kind is bool:
                return raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1")  # type: ignore[return-value]
            if kind is int:
                return int(raw)  # type: ignore[return-value]
            if kind is bytes:
                return bytes(raw.data()) if isinstance(raw, QByteArray) else bytes(raw or b"")  # type: ignore[return-value]
            return str(raw)  # type: ignore[return-value]
        except (TypeError, ValueError):
            return self.default


class Settings:
    appid = Setting("account/appid", "")
    api_base = Setting("account/api_base", "")  # "" = the real WeChat API
    demo = Setting("account/demo", False)  # run on the embedded sandbox shop
    sync_interval_min = Setting("sync/interval_min", 5)
    language = Setting("ui/language", "zh_CN")
    first_run_done = Setting("ui/first_run_done", False)
    geometry = Setting("window/geometry", b"")
    window_state = Setting("window/state", b"")

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / "settings.ini"
        _owner_only(self.path)
        self.qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)
        self.overrides: dict[str, Any] = {}

    def override(self, name: str, value: Any) -> None:
        """For this run only (``--demo``, ``--api-base``): read back as the setting's value, so
        every screen (the settings dialog too) shows what the app really uses; not saved."""
        setting = getattr(type(self), name)
        self.overrides[setting.key] = setting.convert(value)

    def is_overridden(self, name: str) -> bool:
        return getattr(type(self), name).key in self.overrides

    def header_state(self, table: str) -> bytes:
        return Setting(f"columns/{table}", b"").__get__(self, Settings)

    def set_header_state(self, table: str, state: bytes) -> None:
        Setting(f"columns/{table}", b"").__set__(self, state)

    def sync(self) -> None:
        self.qsettings.sync()


def _owner_only(path: Path) -> None:
    """settings.ini is 0600 (it names the shop's AppID): QSettings writes through QSaveFile,
    which keeps an existing file's mode, so the file is created (or narrowed) here first."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
        os.chmod(path, 0o600)
    except OSError:
        pass  # a read-only or foreign data dir: the settings are read, and saving says why
