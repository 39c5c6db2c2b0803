"""The AppSecret stays in the keyring; the CLI dispatches subcommands without loading Qt."""

import json
import stat
import subprocess
import sys

import keyring
import keyring.errors

from seller_desktop import credentials
from seller_desktop.config import Paths


def test_secret_goes_to_keyring_and_never_into_files(memory_keyring, tmp_path):
    store = credentials.SecretStore()
    assert store.available()
    store.save("wxappid123", "s3cret-令牌")
    assert memory_keyring.secrets == {("seller-desktop", "wxappid123"): "s3cret-令牌"}
    assert credentials.resolve("wxappid123") == credentials.Credentials("wxappid123", "s3cret-令牌")
    assert "s3cret" not in repr(credentials.resolve("wxappid123"))
    store.forget("wxappid123")
    assert credentials.resolve("wxappid123") is None


def test_environment_wins_over_keyring(monkeypatch):
    keyring.set_password("seller-desktop", "wxa", "from-keyring")
    monkeypatch.setenv("SELLER_DESKTOP_APPID", "wxenv")
    monkeypatch.setenv("SELLER_DESKTOP_SECRET", "from-env")
    assert credentials.resolve("wxa") == credentials.Credentials("wxenv", "from-env")


def test_no_secure_keyring_is_refused_not_written_in_plaintext(monkeypatch):
    import keyring.backends.fail

    keyring.set_keyring(keyring.backends.fail.Keyring())
    store = credentials.SecretStore()
    assert not store.available()
    try:
        store.save("wxa", "secret")
    except credentials.NoKeyring as exc:
        assert "SELLER_DESKTOP_SECRET" in str(exc)
    else:
        raise AssertionError("saved a secret without a keyring")


def test_data_dir_is_private(tmp_path):
    paths = Paths.resolve(tmp_path / "d")
    assert stat.S_IMODE(paths.data_dir.stat().st_mode) == 0o700
    assert paths.cache_file.parent == paths.data_dir


def test_cli_help_and_sandbox_subcommand_do_not_load_qt():
    code = ("import sys; from seller_desktop.__main__ import main\n"
            "try:\n    main(['sandbox', '--help'])\nexcept SystemExit:\n    pass\n"
            "print(json.dumps(sorted(m for m in sys.modules if m.startswith('PySide6'))))")
    out = subprocess.run([sys.executable, "-c", "import json\n" + code], capture_output=True,
                         text=True, timeout=60, check=True).stdout
    assert "--port" in out
    assert json.loads(out.strip().splitlines()[-1]) == []


def test_cli_finds_the_account_the_window_saved(tmp_path, memory_keyring):
    """The window records the AppID (never the secret) where `seller-desktop sync` looks, and
    the secret stays in the keyring: the CLI then resolves the same credentials."""
    from seller_desktop.cli_support import load_account
    from seller_desktop.config import save_account

    paths = Paths.resolve(tmp_path / "d")
    credentials.SecretStore().save("wxshop42", "the-secret")
    save_account(paths, "wxshop42", "https://api.weixin.qq.com")
    assert stat.S_IMODE(paths.account_file.stat().st_mode) == 0o600
    assert "the-secret" not in paths.account_file.read_text(encoding="utf-8")
    account = load_account(paths)
    assert credentials.resolve(account["appid"]) == credentials.Credentials("wxshop42", "the-secret")


def test_a_keyring_that_refuses_gives_a_clear_error(memory_keyring, monkeypatch):
    def refuse(*_args):
        raise keyring.errors.PasswordSetError("locked")

    monkeypatch.setattr(memory_keyring, "set_password", refuse)
    try:
        credentials.SecretStore().save("wxa", "secret")
    except credentials.NoKeyring as exc:
        assert "钥匙串" in str(exc) and "secret" not in str(exc)
    else:
        raise AssertionError("a refused save passed silently")
