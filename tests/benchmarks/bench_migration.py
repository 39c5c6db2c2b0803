"""Benchmark (on demand): migrating a filled cache to the current schema, as the app does at
start (``context.open_context``: ``Store.open`` in a worker thread while the Qt event loop
runs), timed with a 5 ms heartbeat on the loop for its longest stall (target ≤ 50 ms).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_migration.py \\
        DIR [--runs 3] [--keep DIR]

DIR holds a cache at an older version (``bench_ui.py --keep``); each run migrates a fresh
copy of it. Reported: the open's wall time (the whole-file check, the backup copy and the
migrations), the longest loop stall against the same loop's while a thread only sleeps as
long (the baseline), the backup's size; ``--keep`` keeps the migrated copy.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def run_once(source: Path) -> dict:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from seller_desktop.store.db import CACHE_NAME, Store
    from seller_desktop.store.migrations import current_version
    from seller_desktop.ui.event_loop import QEventLoop

    work = Path(tempfile.mkdtemp(prefix="bench-migrate-"))
    shutil.copy2(source / CACHE_NAME, work / CACHE_NAME)
    app = QApplication.instance() or QApplication([])
    loop = QEventLoop(app)
    asyncio.set_event_loop(loop)
    gaps: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    async def main() -> dict:
        heartbeat = QTimer(interval=5)
        heartbeat.timeout.connect(beat)
        heartbeat.start()
        start = time.perf_counter()
        store = await asyncio.to_thread(Store.open, work, check=False)
        seconds = time.perf_counter() - start
        heartbeat.stop()
        version = current_version(store.reader())
        store.close()
        # the baseline, in the same run: the loop's stalls while a thread only sleeps as long
        # (a shared machine delays the heartbeat by itself)
        gaps_open = list(gaps)
        gaps.clear()
        last[0] = time.perf_counter()
        heartbeat.start()
        await asyncio.to_thread(time.sleep, seconds)
        heartbeat.stop()
        backups = list(work.glob(f"{CACHE_NAME}.v*.bak"))
        return {"open_s": seconds, "max_stall_ms": max(gaps_open, default=0) * 1000,
                "idle_stall_ms": max(gaps, default=0) * 1000,
                "version": version, "work": str(work),
                "backup_mb": sum(b.stat().st_size for b in backups) / 2**20}

    with loop:
        return loop.run_until_complete(main())


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("source", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()
    print(f"load average {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    runs = []
    for i in range(max(args.runs, 1)):
        result = run_once(args.source)
        runs.append(result)
        print(f"run {i + 1}: to version {result['version']} in {result['open_s']:.2f} s, "
              f"longest loop stall {result['max_stall_ms']:.1f} ms (idle baseline "
              f"{result['idle_stall_ms']:.1f} ms), backup "
              f"{result['backup_mb']:.0f} MB")
        work = Path(result["work"])
        if args.keep and i == 0:
            for backup in work.glob("*.bak"):
                backup.unlink()
            shutil.copytree(work, args.keep, dirs_exist_ok=True)
        shutil.rmtree(work, ignore_errors=True)
    opens = [r["open_s"] for r in runs]
    stalls = [r["max_stall_ms"] for r in runs]
    idle = [r["idle_stall_ms"] for r in runs]
    print(f"migration at start: {statistics.median(opens):.2f} s [{min(opens):.2f}–"
          f"{max(opens):.2f}], longest loop stall {statistics.median(stalls):.1f} ms "
          f"[{min(stalls):.1f}–{max(stalls):.1f}] vs {statistics.median(idle):.1f} ms "
          f"[{min(idle):.1f}–{max(idle):.1f}] with the thread idle — "
          f"{'ok' if max(stalls) <= 50 else 'OVER TARGET'}")
    print(f"load average {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
