"""``seller-desktop sandbox``: serve the emulator until SIGINT/SIGTERM.

Prints exactly one line a script can parse, ``base=http://HOST:PORT appid=… secret=…``, then
serves. With ``--state FILE`` the shop is loaded from FILE when it exists (otherwise a demo
shop is built) and saved there after writes and on exit.
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path
from types import FrameType

from .demo import build_demo_shop
from .persistence import load_shop
from .server import SandboxServer

# The sandbox imports nothing of the app, so not ``cli_exit``: its three codes, which agree
# with the app's OK / ERROR / USAGE (a test compares them).
EXIT_CODES = (
    (0, "stopped by Ctrl+C or SIGTERM (the --state file, if any, is saved)"),
    (1, "cannot load the --state file, or cannot listen on --host/--port"),
    (2, "bad arguments"),
)


def _parser() -> argparse.ArgumentParser:
    epilog = "exit codes:\n" + "\n".join(f"  {code:>3}  {text}" for code, text in EXIT_CODES)
    p = argparse.ArgumentParser(prog="seller-desktop sandbox",
                                description="Serve the local WeChat Store emulator.",
                                epilog=epilog,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--host", default="127.0.0.1", help="bind address (default: loopback)")
    p.add_argument("--port", type=int, default=0, help="port (default 0: a free port)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--products", type=int, default=60)
    p.add_argument("--orders", type=int, default=600)
    p.add_argument("--gift-orders", type=int, default=8)
    p.add_argument("--aftersale-cases", type=int, metavar="N",
                   help="after-sale cases in the demo shop (default: one per 20 orders)")
    p.add_argument("--buyer-requests", action=argparse.BooleanOptionalAction, default=None,
                   help="an address change and a SKU change waiting (default: with >= 300 orders)")
    p.add_argument("--state", metavar="FILE", help="load/save the shop as JSON")
    p.add_argument("--token-ttl", type=int, metavar="S", help="access token lifetime, seconds")
    p.add_argument("--review-delay", type=int, metavar="S", help="listing review time, seconds")
    return p


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    for name in ("products", "orders", "gift_orders", "aftersale_cases", "token_ttl",
                 "review_delay"):
        value = getattr(args, name)
        if value is not None and value < 0:
            print(f"--{name.replace('_', '-')} must be >= 0", file=sys.stderr)
            return 2
    if args.state and Path(args.state).exists():
        try:
            shop = load_shop(args.state)
        except (OSError, ValueError, TypeError, KeyError) as exc:
            print(f"cannot load state file {args.state}: {exc}", file=sys.stderr)
            return 1
    else:
        shop = build_demo_shop(seed=args.seed, products=args.products, orders=args.orders,
                               gift_orders=args.gift_orders, aftersale_cases=args.aftersale_cases,
                               buyer_requests=args.buyer_requests)
    if args.token_ttl is not None:
        shop.config.token_ttl = args.token_ttl
    if args.review_delay is not None:
        shop.config.review_delay = args.review_delay
    try:
        server = SandboxServer(shop, host=args.host, port=args.port, state_file=args.state)
    except OSError as exc:
        print(f"cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1

    def on_signal(signum: int, frame: FrameType | None) -> None:
        server.request_stop()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    server.start()
    print(f"base={server.url} appid={shop.config.appid} secret={shop.config.secret}", flush=True)
    server.serve_forever()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
