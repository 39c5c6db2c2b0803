"""What every scripting command shares: running headless, quiet logging, and finding the shop.

- running without a display: ``headless.py`` (``__main__`` calls it before any command).
- ``setup_logging()``: the commands print their own lines; the library's warnings (which
  repeat them: "sync stopped") appear only with ``--verbose``.
- ``shop_options()`` / ``connect()``: ``--api-base``, ``--demo`` and the credentials, in the
  order the README gives: the environment, else the keyring entry of the AppID the window saved
  in ``account.json``; ``--demo`` serves the data dir's demo shop in-process, like the window.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from . import credentials
from .cli_exit import Exit, epilog
from .config import (
    DEFAULT_API_BASE,
    ENV_APPID,
    ENV_SECRET,
    Paths,
    api_base_arg,
    shop_identity,
)


def setup_logging(verbose: bool) -> None:
    """Library logs on stderr: errors only, everything with ``--verbose``. A process that set
    up logging already (a test runner, an embedding script) keeps its own."""
    if logging.getLogger().handlers:
        return
    logging.basicConfig(level=logging.INFO if verbose else logging.ERROR, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)


def parser(prog: str, description: str, codes: Iterable[Exit]) -> argparse.ArgumentParser:
    """A command's parser, its exit codes in ``--help``, with ``--data-dir`` and ``--verbose``."""
    p = argparse.ArgumentParser(prog=prog, description=description, epilog=epilog(codes),
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data-dir", help="where the cache lives (default: the user data dir)")
    p.add_argument("--verbose", "-v", action="store_true",
                   help="also log what the library does (requests, retries) on stderr")
    return p


DEMO_HELP = "use the demo shop of the data dir (as `seller-desktop --demo` does)"


def shop_options(p: argparse.ArgumentParser) -> None:
    """``--api-base`` and ``--demo``, for the commands that talk to the store."""
    shop = p.add_mutually_exclusive_group()
    shop.add_argument("--api-base", type=api_base_arg, help=f"API base URL, e.g. a `seller-desktop sandbox`'s "
                                         f"(default: account.json, else {DEFAULT_API_BASE})")
    shop.add_argument("--demo", action="store_true", help=DEMO_HELP)


def demo_option(p: argparse.ArgumentParser) -> None:
    """``--demo`` alone, for the commands that work from the cache (``picklist``): it picks
    the demo shop's folder, as the window's ``--demo`` does (``shop_of``)."""
    p.add_argument("--demo", action="store_true", help=DEMO_HELP)


def no_credentials_help(paths: Paths) -> str:
    """What to do when no credentials were found, in the order a seller would try it."""
    return (
        "no credentials for the store. Either:\n"
        "  - open the window (seller-desktop), 店铺 → 设置…, and fill in AppID and AppSecret "
        "(the secret goes to the OS keyring);\n"
        f"  - or set {ENV_APPID} and {ENV_SECRET} (for machines without a keyring, scripts, CI);\n"
        "  - or try it without a shop: --demo (the demo shop of this data dir), or run "
        "`seller-desktop sandbox` and pass its base= as --api-base and its appid/secret in "
        "the variables above.\n"
        f"  (data dir: {paths.data_dir})")


def load_account(paths: Paths) -> dict[str, Any]:
    """The AppID and API address the window saved (never the secret); {} when none."""
    try:
        data = json.loads(paths.account_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


@dataclass
class Connection:
    """Where to send requests and as whom; ``close()`` stops an in-process demo shop."""

    api_base: str
    creds: credentials.Credentials | None
    sandbox: Any = None

    def close(self) -> None:
        if self.sandbox is not None:
            self.sandbox.stop()
            self.sandbox = None


def shop_of(args: argparse.Namespace) -> str | None:
    """The identity of the shop a command works on (``config.shop_identity``): ``--demo``'s, else
    the AppID (environment, else account.json); None
    when there is no account (the data dir's own cache) or the data dir cannot be read."""
    if getattr(args, "demo", False):
        return shop_identity("", demo=True)
    try:
        paths = Paths.resolve(args.data_dir)
    except OSError:
        return None  # open_store reports why
    account = load_account(paths)
    env = credentials.from_environment()
    appid = env.appid if env else account.get("appid")
    if not isinstance(appid, str) or not appid:
        return None
    return shop_identity(appid)


def connect(args: argparse.Namespace, paths: Paths) -> Connection:
    """The store to talk to: ``--demo``'s in-process shop, else ``--api-base``/account.json."""
    if getattr(args, "demo", False):
        from .context import start_demo_sandbox  # the sandbox only when asked for

        server = start_demo_sandbox(paths)
        config = server.shop.config
        return Connection(server.url, credentials.Credentials(config.appid, config.secret),
                          server)
    account = load_account(paths)
    appid = account.get("appid") if isinstance(account.get("appid"), str) else None
    base = args.api_base or account.get("api_base") or DEFAULT_API_BASE
    return Connection(str(base), credentials.resolve(appid))
