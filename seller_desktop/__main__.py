"""The ``seller-desktop`` command: the window by default, and the scripting subcommands.

    seller-desktop [--data-dir DIR] [--demo]        the desktop app (demo: embedded sandbox shop)
    seller-desktop sandbox [...]                    serve the sandbox store
    seller-desktop sync [...]                       headless sync into a data dir
    seller-desktop labels [...] / picklist [...]    render or print labels and pick lists
    seller-desktop aftersale [...]                  list after-sale cases; accept / reject them

Subcommands import their module lazily so ``seller-desktop sandbox`` never loads Qt.
"""

from __future__ import annotations

import argparse
import sys

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
    parser.add_argument("--demo", action="store_true",
                        help="run on the embedded sandbox store with a demo shop; needs no account")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="UI language (default: saved setting)")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in SUBCOMMANDS:
        import importlib

        module = importlib.import_module(SUBCOMMANDS[argv[0]])
        if argv[0] == "picklist":
            return module.main_picklist(argv[1:])
        return module.main(argv[1:])
    args = _app_parser().parse_args(argv)
    from . import app

    return app.main(args)


if __name__ == "__main__":
    raise SystemExit(main())
