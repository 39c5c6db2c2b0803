"""Profile (on demand): where a full sync's time goes, against bench_sync's bare-httpx baseline.

    .venv/bin/python tests/benchmarks/profile_sync.py [--orders 20000] [--products 1000]
        [--rounds 1] [--profile]

Starts a sandbox process, then per round runs the baseline and a full sync into an empty cache
(``bench_sync``'s own functions) and prints, for each, the wall time and the CPU seconds of this
process and of the sandbox, and for the sync the CPU of this process's busiest threads (the
event loop, then the store's writer). ``--profile`` adds cProfile's top functions of the
sync's loop thread (the profiler slows it several times: read the shares, not the seconds).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import sys
import tempfile
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[2]


def _cpu(process: psutil.Process) -> float:
    times = process.cpu_times()
    return times.user + times.system


def _threads(process: psutil.Process) -> dict[int, float]:
    return {t.id: t.user_time + t.system_time for t in process.threads()}


async def main(args: argparse.Namespace) -> None:
    from tests.benchmarks import bench_sync
    from tests.sync.helpers import SandboxProcess

    server = SandboxProcess("--seed", "42", "--products", str(args.products),
                            "--orders", str(args.orders), "--gift-orders", "50")
    me, sandbox = psutil.Process(), psutil.Process(server.proc.pid)
    try:
        for _ in range(args.rounds):
            mine, theirs = _cpu(me), _cpu(sandbox)
            seconds, requests = await bench_sync.baseline(server)
            print(f"baseline: {seconds:.1f} s, {requests} requests; CPU here "
                  f"{_cpu(me) - mine:.1f} s, sandbox {_cpu(sandbox) - theirs:.1f} s")
            profile = cProfile.Profile() if args.profile else None
            mine, theirs, threads = _cpu(me), _cpu(sandbox), _threads(me)
            if profile is not None:
                profile.enable()
            seconds, requests, _, _, store, api, _ = await bench_sync.full_sync(
                server, Path(tempfile.mkdtemp(prefix="profile-sync-")))
            if profile is not None:
                profile.disable()
            busiest = sorted((v - threads.get(k, 0.0) for k, v in _threads(me).items()),
                             reverse=True)[:3]
            print(f"sync: {seconds:.1f} s, {requests} requests; CPU here "
                  f"{_cpu(me) - mine:.1f} s (busiest threads "
                  f"{', '.join(f'{t:.1f}' for t in busiest)} s), sandbox "
                  f"{_cpu(sandbox) - theirs:.1f} s")
            await api.aclose()
            store.close()
            if profile is not None:
                stats = pstats.Stats(profile)
                stats.sort_stats("tottime").print_stats(30)
                stats.sort_stats("cumtime").print_stats(40)
    finally:
        server.close()


if __name__ == "__main__":
    sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=20_000)
    parser.add_argument("--products", type=int, default=1_000)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--profile", action="store_true")
    asyncio.run(main(parser.parse_args()))
