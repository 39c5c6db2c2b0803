"""The exit codes of ``seller-desktop sync``, in one place.

A script can tell "try again later" (``NETWORK``) from "a person must look" (``FAILED_ROWS``,
``AUTH``) without parsing text. The numbers are those of the project-wide table being written
on branch i11cli (``cli_exit.Exit``: OFFLINE 5, FAILED_ROWS 9); when both are merged, this
module gives way to that one.
"""

from __future__ import annotations

OK = 0  # done
ERROR = 1  # an unexpected error (sync), or something asked for was not done (labels)
USAGE = 2  # bad arguments or no credentials
AUTH = 3  # the store refused the AppID/AppSecret
QUOTA = 4  # the API's daily quota is used up
NETWORK = 5  # the store could not be reached or its replies were unreadable: nothing lost,
# run again later (offline, a captive portal, busy, failing)
FAILED_ROWS = 9  # the store refused some changes: kept as failed, with reasons, for the
# seller to retry or drop (in the window's 失败的修改)

HELP = {
    OK: "synced",
    ERROR: "unexpected error",
    USAGE: "usage error or missing credentials",
    AUTH: "credentials refused",
    QUOTA: "API quota exhausted",
    NETWORK: "store unreachable or its replies unreadable (nothing lost; run again later)",
    FAILED_ROWS: "the store refused some changes; they are kept as failed (see 'failed:')",
}


def describe(codes: tuple[int, ...] = tuple(HELP)) -> str:
    """One line per code, for an argparse epilog."""
    return "exit codes:\n" + "\n".join(f"  {code}  {HELP[code]}" for code in codes)
