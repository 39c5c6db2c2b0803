"""The AppSecret lives in the OS keyring, behind this small interface.

Never in SQLite, logs or config files. When no usable keyring exists (a headless machine
without a Secret Service), :class:`SecretStore` says so instead of silently writing the secret
to a plaintext file; the seller then gives the credentials in the environment variables, or
types the secret at each start and it is kept in memory for that run (``remember``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import keyring
import keyring.errors

from .config import ENV_APPID, ENV_SECRET
from .platform_seam import traits

SERVICE = "seller-desktop"


class NoKeyring(RuntimeError):
    """No secure keyring on this machine, or it refused to store the secret."""


@dataclass(frozen=True)
class Credentials:
    appid: str
    secret: str

    def __repr__(self) -> str:  # never print the secret
        return f"Credentials(appid={self.appid!r}, secret=***)"


class SecretStore:
    def __init__(self, service: str = SERVICE) -> None:
        self.service = service
        self._memory: dict[str, str] = {}  # secrets for this run only (no keyring)

    def remember(self, appid: str, secret: str) -> None:
        """Keep ``secret`` in memory for this run (a machine without a keyring)."""
        self._memory[appid] = secret

    def available(self) -> bool:
        """A keyring that can keep secrets (it may still be locked). May block: not on the UI
        thread."""
        backend = keyring.get_keyring()
        priority = getattr(backend, "priority", 0)
        if priority < 1 or "fail" in type(backend).__module__:
            return False
        try:  # a backend that is chosen but has no service behind it (no D-Bus session, …)
            backend.get_password(self.service, "")
        except keyring.errors.NoKeyringError:
            return False
        except keyring.errors.KeyringError:
            return True  # there, but locked or refusing: the seller can unlock it
        return True

    def save(self, appid: str, secret: str) -> None:
        if not self.available():
            raise NoKeyring(f"此电脑没有可用的系统钥匙串（{traits().keyring_name}），"
                            "无法安全保存 AppSecret。"
                            f"可改用环境变量 {ENV_APPID} / {ENV_SECRET}。")
        try:
            keyring.set_password(self.service, appid, secret)
        except keyring.errors.KeyringError as exc:  # locked, denied, or the service went away
            raise NoKeyring(f"系统钥匙串拒绝保存 AppSecret（{type(exc).__name__}），"
                            "请解锁钥匙串后重试。") from exc

    def load(self, appid: str) -> str | None:
        if appid in self._memory:
            return self._memory[appid]
        try:
            return keyring.get_password(self.service, appid)
        except keyring.errors.KeyringError:
            return None

    def forget(self, appid: str) -> None:
        self._memory.pop(appid, None)
        try:
            keyring.delete_password(self.service, appid)
        except keyring.errors.KeyringError:
            pass


def from_environment() -> Credentials | None:
    appid, secret = os.environ.get(ENV_APPID), os.environ.get(ENV_SECRET)
    if appid and secret:
        return Credentials(appid, secret)
    return None


def resolve(appid: str | None, store: SecretStore | None = None) -> Credentials | None:
    """Environment first (scripts, CI), then the keyring for the configured AppID."""
    env = from_environment()
    if env:
        return env
    if appid:
        secret = (store or SecretStore()).load(appid)
        if secret:
            return Credentials(appid, secret)
    return None
