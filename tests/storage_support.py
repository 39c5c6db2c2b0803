"""Real storage failures for tests: a small tmpfs that fills up or turns read-only, and a
data dir that belongs to another user.

Mounting needs root (CI runs as root); without it the tests that need a mount are skipped with
the reason. Every mount is unmounted at the end of its test (lazily if something still has it
open).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOBODY = 65534


def _run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(cmd), capture_output=True, text=True, timeout=30)


@contextlib.contextmanager
def small_disk(where: Path, size_kb: int = 8192) -> Iterator[Path]:
    """A fresh tmpfs of ``size_kb`` KiB mounted at ``where``; skips the test if it cannot."""
    where.mkdir(parents=True, exist_ok=True)
    if shutil.which("mount") is None or os.geteuid() != 0:
        pytest.skip("needs root and mount(8) to mount a small tmpfs (CI runs as root)")
    done = _run("mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0700", "tmpfs", str(where))
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield where
    finally:
        if _run("umount", str(where)).returncode != 0:
            _run("umount", "-l", str(where))


def remount(where: Path, mode: str) -> None:
    """``mode``: "ro" or "rw"."""
    done = _run("mount", "-o", f"remount,{mode}", str(where))
    assert done.returncode == 0, done.stderr


def fill(where: Path) -> Path:
    """Write a filler file until the disk says ENOSPC; the filler (delete it to free space)."""
    filler = where / "filler.bin"
    chunk = b"\0" * 65536
    with open(filler, "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(chunk)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC, exc
    small = b"\0" * 512
    with open(filler, "ab", buffering=0) as handle:  # the last few blocks too
        with contextlib.suppress(OSError):
            while True:
                handle.write(small)
    return filler


def as_a_stranger(owner_of: Path, *args: str,
                  timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """``python -m seller_desktop ARGS`` on a data dir that belongs to someone else: ``owner_of``
    is given to the nobody user (0700) and the command runs as root without the capabilities
    that bypass file rights (setpriv). Skips the test when not root."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv(1) to give the data dir to another user")
    os.chown(owner_of, NOBODY, NOBODY)
    owner_of.chmod(0o700)
    environ = {**os.environ, "PYTHONPATH": str(ROOT)}
    drop = "-dac_override,-dac_read_search,-fowner,-chown"
    return subprocess.run(["setpriv", "--bounding-set", drop, "--inh-caps", drop,
                           sys.executable, "-m", "seller_desktop", *args], cwd=ROOT,
                          env=environ, capture_output=True, text=True, timeout=timeout)


def give_back(path: Path) -> None:
    """Undo ``as_a_stranger``'s chown (recursively, in case the command made files)."""
    for item in [path, *path.rglob("*")]:
        os.chown(item, os.getuid(), os.getgid())
