"""One writer per data dir: the lock is held across processes, released when the holder dies
(SIGKILL included), counted inside one process, and named in the refusal."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from seller_desktop.store import ShopInUse, Store

ROOT = Path(__file__).resolve().parents[2]
HOLD = ("import sys, time\n"
        "from seller_desktop.store import Store\n"
        "s = Store.open(sys.argv[1])\n"
        "print('held', flush=True)\n"
        "time.sleep(60)\n")


def hold_in_another_process(data_dir: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(data_dir)], text=True,
                            stdout=subprocess.PIPE, cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_a_second_process_is_refused_until_the_holder_dies(data_dir: Path) -> None:
    proc = hold_in_another_process(data_dir)
    try:
        started = time.monotonic()
        with pytest.raises(ShopInUse) as info:
            Store.open(data_dir, wait=0.3)
        assert 0.25 <= time.monotonic() - started < 3
        assert str(proc.pid) in str(info.value) and "另一个小店桌面" in str(info.value)
        proc.send_signal(signal.SIGKILL)  # the kernel lets go of a killed holder's lock
        proc.wait(10)
        with Store.open(data_dir, wait=5) as store:
            assert store.reader().execute("SELECT 1").fetchone()[0] == 1
    finally:
        proc.kill()
        proc.wait(10)


def test_waiting_gets_the_lock_when_the_holder_closes(data_dir: Path) -> None:
    proc = hold_in_another_process(data_dir)
    try:
        killer = subprocess.Popen(["sh", "-c", f"sleep 0.5; kill {proc.pid}"])
        started = time.monotonic()
        with Store.open(data_dir, wait=20):
            assert time.monotonic() - started < 10
        killer.wait(10)
    finally:
        proc.kill()
        proc.wait(10)


def test_one_process_shares_its_hold(data_dir: Path) -> None:
    first = Store.open(data_dir)
    second = Store.open(data_dir)  # the window reopening its shop while closing the old one
    first.close()
    proc = subprocess.run([sys.executable, "-c", HOLD.replace("time.sleep(60)", ""),
                           str(data_dir)], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode != 0 and "ShopInUse" in proc.stderr  # still held by `second`
    second.close()
    proc = subprocess.run([sys.executable, "-c", HOLD.replace("time.sleep(60)", ""),
                           str(data_dir)], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr
