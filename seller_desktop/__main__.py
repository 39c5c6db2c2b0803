"""The ``seller-desktop`` command: the window by default, and the scripting subcommands.

    seller-desktop [--data-dir DIR] [--demo | --api-base URL] [--lang L]    the desktop app
    seller-desktop --version
    seller-desktop sandbox [...]                    serve the sandbox store
    (each command's full synopsis: README "Command line", kept equal by tests/test_cli_readme)
    seller-desktop sync [...]                       headless sync into a data dir
    seller-desktop labels [...] / picklist [...]    render or print labels and pick lists
    seller-desktop aftersale [...]                  list after-sale cases; accept / reject them

Subcommands import their module lazily so ``seller-desktop sandbox`` never loads Qt; they
never open a window, so with no display they run on Qt's offscreen platform (``headless``).
Their exit codes are ``cli_exit``'s.
"""

from __future__ import annotations

import argparse
import os
import sys

from . import __version__
from .config import api_base_arg

SUBCOMMANDS = {
    "sandbox": "seller_desktop.sandbox.cli",
    "sync": "seller_desktop.cli_sync",
    "labels": "seller_desktop.cli_labels",
    "picklist": "seller_desktop.cli_labels",
    "aftersale": "seller_desktop.cli_aftersale",
}


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="seller-desktop",
        description="小店桌面: the desktop console for a WeChat Store (微信小店) seller. "
                    f"Subcommands: {', '.join(SUBCOMMANDS)} (each has --help).")
    parser.add_argument("--data-dir", help="where the cache and settings live "
                                           "(default: the user data dir)")
    shop = parser.add_mutually_exclusive_group()
    shop.add_argument("--demo", action="store_true",
                      help="run on the embedded sandbox store with a demo shop; needs no account")
    shop.add_argument("--api-base", type=api_base_arg, help="for this run, the API address of a store, e.g. a "
                                           "running `seller-desktop sandbox`'s base= "
                                           "(default: the saved setting)")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="UI language (default: saved setting)")
    parser.add_argument("--version", action="version", version=f"seller-desktop {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    # everything the app writes is owner-only (settings.ini, thumbnails, label PDFs with buyers'
    # names), whoever writes it (Qt, a library), not only the files we open with 0600 ourselves
    os.umask(0o077)
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in SUBCOMMANDS:
        import importlib

        from .headless import use_offscreen_without_display

        use_offscreen_without_display()
        module = importlib.import_module(SUBCOMMANDS[argv[0]])
        if argv[0] == "picklist":
            return module.main_picklist(argv[1:])
        return module.main(argv[1:])
    args = _app_parser().parse_args(argv)
    from .headless import needs_offscreen

    if needs_offscreen(os.environ, sys.platform):  # Qt would abort with a misleading message
        from .cli_exit import Exit

        print("小店桌面的窗口需要图形界面，但没有找到显示器（DISPLAY / WAYLAND_DISPLAY 未设置）。\n"
              "The window needs a display (DISPLAY / WAYLAND_DISPLAY are not set). The commands "
              "sync, labels and picklist run without one; see `seller-desktop sync --help`.",
              file=sys.stderr)
        return Exit.NO_DISPLAY
    from . import app

    return app.main(args)


if __name__ == "__main__":
    raise SystemExit(main())
