"""设置 without a usable keyring (issue 11, defect 4): settings that are not secret always save;
with the credentials in the environment the secret is not asked for; without a keyring the
secret is kept in memory for the run and nowhere else. The keyring is a real failing backend."""

from __future__ import annotations

import keyring
import keyring.backend
import keyring.backends.fail
import keyring.errors
import pytest
from PySide6.QtWidgets import QApplication

from seller_desktop.credentials import SecretStore, resolve
from seller_desktop.ui.dialogs.settings_dialog import SettingsDialog
from seller_desktop.ui.settings import Settings

pytestmark = [pytest.mark.asyncio, pytest.mark.qt_loop]


@pytest.fixture
def no_keyring():
    keyring.set_keyring(keyring.backends.fail.Keyring())  # conftest restores the previous one


def _dialog(data_dir, qtbot, secrets: SecretStore) -> SettingsDialog:
    QApplication.instance().setQuitOnLastWindowClosed(False)  # as in app.main
    dialog = SettingsDialog(Settings(data_dir), secrets)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


async def _looked_up(dialog: SettingsDialog) -> None:
    if dialog.lookup is not None:  # the keyring asked off the UI thread
        await dialog.lookup


async def test_environment_credentials_save_a_new_api_address(data_dir, qtbot, no_keyring,
                                                              monkeypatch):
    monkeypatch.setenv("SELLER_DESKTOP_APPID", "wxenv")
    monkeypatch.setenv("SELLER_DESKTOP_SECRET", "env-secret")
    dialog = _dialog(data_dir, qtbot, SecretStore())
    await _looked_up(dialog)
    dialog.api_base.setText("http://127.0.0.1:8765")
    reopened: list[bool] = []
    dialog.applied.connect(reopened.append)
    saving = dialog.save()
    if saving is not None:
        await saving
    assert not dialog.error.isVisible(), dialog.error.text()
    assert reopened == [True] and not dialog.isVisible()
    assert Settings(data_dir).api_base == "http://127.0.0.1:8765"
    assert saving is None  # nothing secret to keep: the keyring is not asked
    assert not dialog.appid.isEnabled() and not dialog.secret.isEnabled()
    assert "SELLER_DESKTOP_SECRET" in dialog.secret_note.text()


async def test_without_a_keyring_the_secret_is_kept_in_memory_only(data_dir, qtbot, no_keyring,
                                                                   monkeypatch):
    for key in ("SELLER_DESKTOP_APPID", "SELLER_DESKTOP_SECRET"):
        monkeypatch.delenv(key, raising=False)
    secrets = SecretStore()
    dialog = _dialog(data_dir, qtbot, secrets)
    await _looked_up(dialog)
    dialog.appid.setText("wxnokeyring01")
    dialog.secret.setText("typed-secret-123")
    dialog.interval.setValue(9)
    await dialog.save()
    assert not dialog.error.isVisible(), dialog.error.text()
    assert not dialog.isVisible() and "钥匙串" in dialog.secret_note.text()
    assert resolve("wxnokeyring01", secrets).secret == "typed-secret-123"  # this run
    assert resolve("wxnokeyring01", SecretStore()) is None  # the next start asks again
    settings = Settings(data_dir)
    assert (settings.appid, settings.sync_interval_min) == ("wxnokeyring01", 9)
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert b"typed-secret" not in path.read_bytes(), path

    again = _dialog(data_dir, qtbot, secrets)  # the same run: the secret is not asked again
    await _looked_up(again)
    again.api_base.setText("http://localhost:9999")
    await again.save()
    assert not again.error.isVisible() and Settings(data_dir).api_base == "http://localhost:9999"


class _NoServiceKeyring(keyring.backend.KeyringBackend):
    """Chosen by keyring, but with nothing behind it (no D-Bus session on a server)."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.NoKeyringError("no secret service")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.NoKeyringError("no secret service")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.NoKeyringError("no secret service")


async def test_a_keyring_without_a_service_is_no_keyring(data_dir, qtbot, monkeypatch):
    for key in ("SELLER_DESKTOP_APPID", "SELLER_DESKTOP_SECRET"):
        monkeypatch.delenv(key, raising=False)
    keyring.set_keyring(_NoServiceKeyring())
    secrets = SecretStore()
    assert not secrets.available()
    dialog = _dialog(data_dir, qtbot, secrets)
    await _looked_up(dialog)
    dialog.appid.setText("wxnoservice01")
    dialog.secret.setText("typed-secret-456")
    await dialog.save()
    assert not dialog.error.isVisible(), dialog.error.text()
    assert "钥匙串" in dialog.secret_note.text()
    assert resolve("wxnoservice01", secrets).secret == "typed-secret-456"


async def test_settings_file_is_owner_only_whatever_the_umask(data_dir, qapp):
    import os
    import stat

    loose = data_dir / "settings.ini"
    loose.write_text("[ui]\nlanguage=en\n", encoding="utf-8")
    loose.chmod(0o644)  # written by an earlier version
    old = os.umask(0o022)
    try:
        settings = Settings(data_dir)
        settings.sync_interval_min = 7
        settings.sync()
        fresh = data_dir / "fresh"
        fresh.mkdir()
        Settings(fresh).language = "en"
        Settings(fresh).sync()
    finally:
        os.umask(old)
    for path in (loose, fresh / "settings.ini"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert Settings(data_dir).language == "en" and Settings(data_dir).sync_interval_min == 7
