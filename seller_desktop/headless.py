"""Running the scripting commands with no display: Qt's offscreen platform, chosen before Qt starts.

A command never opens a window, but labels and pick lists are painted with Qt, which on
X11/Wayland systems aborts when no display is reachable. There the commands pick ``offscreen``
themselves; Windows and macOS have no DISPLAY and need nothing. The window never goes offscreen
(an invisible window would be worse than Qt's error). Stdlib only: ``__main__`` calls it first.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, MutableMapping

DISPLAY_PLATFORMS = ("linux", "freebsd", "openbsd", "netbsd", "dragonfly", "sunos")


def needs_offscreen(environ: Mapping[str, str], platform: str) -> bool:
    """True on an X11/Wayland system with no display and no platform chosen by the user."""
    if environ.get("QT_QPA_PLATFORM"):
        return False
    if not platform.startswith(DISPLAY_PLATFORMS):
        return False
    return not (environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def use_offscreen_without_display(environ: MutableMapping[str, str] | None = None,
                                  platform: str | None = None) -> bool:
    """Choose Qt's offscreen platform when there is no display; True when it did."""
    environ = os.environ if environ is None else environ
    if needs_offscreen(environ, platform or sys.platform):
        environ["QT_QPA_PLATFORM"] = "offscreen"
        return True
    return False
