"""The exit codes of every ``seller-desktop`` command, in one place.

A script can rely on them: each code means the same thing for every command, the ``--help``
epilogs and the README list them from here (``epilog``), and a command only returns members of
``Exit``. To add a code, add a member with the next free number and its line in ``MEANING``
(the test checks every member is explained); never renumber one that shipped.

``seller-desktop sandbox`` imports nothing of the app: it keeps argparse's 2 (usage) and 1
(cannot load its state or listen), which agree with ``USAGE`` and ``ERROR`` here.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum

from .api.errors import (
    ApiError,
    AuthExpired,
    AuthFailed,
    Busy,
    MalformedResponse,
    Offline,
    PermissionDenied,
    QuotaExceeded,
    RateLimited,
    ServerError,
)


class Exit(IntEnum):
    OK = 0
    ERROR = 1  # unexpected; also Python's own code for an uncaught exception
    USAGE = 2  # argparse's own code for bad arguments
    AUTH = 3
    QUOTA = 4
    OFFLINE = 5
    NOTHING_TO_DO = 6
    NOT_ALL_SHIPPED = 7
    PRINT_FAILED = 8
    FAILED_ROWS = 9
    LOCKED = 10
    CACHE = 11
    NO_DISPLAY = 12
    STORAGE = 13
    QUEUED = 14
    INTERRUPTED = 130  # the shell's 128 + SIGINT


MEANING: dict[Exit, str] = {
    Exit.OK: "done",
    Exit.ERROR: "an unexpected error (a bug: please report it with the message)",
    Exit.USAGE: "bad arguments",
    Exit.AUTH: "no credentials, the store refused them, or the app lacks the permission for an "
               "API (48001/48004: grant it in the shop's back office)",
    Exit.QUOTA: "the API quota of the day is used up; try again tomorrow",
    Exit.OFFLINE: "the store cannot be reached, is busy or failing, or its replies are unreadable "
                  "(a captive portal); nothing is lost, run again later",
    Exit.NOTHING_TO_DO: "nothing to do: no order matched (nothing waiting to ship or pick)",
    Exit.NOT_ALL_SHIPPED: "some orders were not printed or shipped (refused, held, no waybill); "
                          "the others were",
    Exit.PRINT_FAILED: "the print target cannot work (PDF folder, printer: checked before any "
                       "waybill number is taken) or the print job failed; nothing was shipped",
    Exit.FAILED_ROWS: "the store refused some local changes, or intercepted them (拦截), or they "
                      "conflict with the server (see 失败 / 冲突 in the window)",
    Exit.LOCKED: "the data dir is in use by another seller-desktop (window or command); "
                 "--wait SECONDS waits for it",
    Exit.CACHE: "the cache file is damaged (open the window to rebuild it, keeping unsynced "
                "changes) or was written by a newer version",
    Exit.NO_DISPLAY: "the window needs a display (DISPLAY / WAYLAND_DISPLAY); the commands do not",
    Exit.STORAGE: "the disk is full, read-only, or the data dir is not yours: nothing was "
                  "moved or lost; run again once it is fixed",
    Exit.QUEUED: "some changes or answers are still queued, not yet confirmed by the store "
                 "(offline, or it asked to wait, e.g. one refund per order per minute); the "
                 "next sync sends them",
    Exit.INTERRUPTED: "interrupted (Ctrl+C); what was saved stays saved",
}


def for_api_error(error: ApiError | None) -> Exit:
    """The code for the error that stopped a run against the store (None: it did not stop)."""
    if error is None:
        return Exit.OK
    if isinstance(error, (AuthFailed, AuthExpired, PermissionDenied)):
        return Exit.AUTH
    if isinstance(error, QuotaExceeded):
        return Exit.QUOTA
    if isinstance(error, (Offline, Busy, RateLimited, ServerError, MalformedResponse)):
        return Exit.OFFLINE
    return Exit.ERROR


def epilog(codes: Iterable[Exit]) -> str:
    """The "exit codes" paragraph of a command's ``--help`` (use RawDescriptionHelpFormatter)."""
    lines = ["exit codes:"]
    lines += [f"  {int(code):>3}  {MEANING[code]}" for code in sorted(set(codes))]
    return "\n".join(lines)


def table() -> str:
    """Every code as a Markdown table (the README's, kept equal by a test)."""
    rows = ["| code | name | meaning |", "|---|---|---|"]
    rows += [f"| {int(code)} | `{code.name}` | {MEANING[code]} |" for code in Exit]
    return "\n".join(rows)
