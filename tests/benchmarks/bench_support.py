"""What the UI benchmark's children and driver share: the app and window as the seller gets
them, resident memory, the machine's load, a stall watchdog, medians and spreads, and the
report of the interaction runs (``bench_ui.py``)."""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path


def app():
    from PySide6.QtWidgets import QApplication

    from seller_desktop.ui.i18n import use_cjk_font

    app = QApplication.instance() or QApplication([])
    app.setQuitOnLastWindowClosed(False)
    use_cjk_font(app)
    return app


def window(data_dir: Path, engine=None, relay=None, store=None, rewrite=None):
    from seller_desktop.store.db import Store
    from seller_desktop.ui.main_window import MainWindow, Services
    from seller_desktop.ui.settings import Settings

    store = store or Store.open(data_dir)
    # thumbnails from the sandbox while it runs, else from the disk cache: never the internet
    window = MainWindow(Services(store=store, settings=Settings(data_dir), engine=engine,
                                 progress_relay=relay, demo=True, image_rewrite=rewrite,
                                 fetch_images=rewrite is not None))
    window.resize(1280, 800)
    return store, window


def rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


class StallWatchdog:
    """Diagnosis (``BENCH_STALL_STACKS=1``): when the heartbeat is 30 ms late, prints the UI
    thread's stack to stderr, once per stall."""

    def __init__(self, last: list[float], late: float = 0.03) -> None:
        import threading

        self.last, self.late = last, late
        self.ui = threading.get_ident()
        self.done = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self) -> None:
        import threading
        import traceback

        seen = None
        while not self.done.wait(0.005):
            beat = self.last[0]
            if time.perf_counter() - beat > self.late and beat != seen:
                seen = beat
                names = {t.ident: t.name for t in threading.enumerate()}
                stacks = []
                for ident, frame in sys._current_frames().items():
                    inner = traceback.extract_stack(frame)[-4:]
                    stacks.append(f"  [{names.get(ident, ident)}] " + " < ".join(
                        f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno} {f.name}"
                        for f in reversed(inner)))
                print(f"--- heartbeat {1000 * (time.perf_counter() - beat):.0f} ms late:\n"
                      + "\n".join(stacks), file=sys.stderr, flush=True)

    def stop(self) -> None:
        self.done.set()
        self.thread.join()



def timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start



def median_ms(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)



def spread(values) -> str:
    values = list(values)
    return f"[{min(values):.1f}–{max(values):.1f}]"


def count_orders(cache: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(f"file:{cache}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM orders").fetchone()[0]
    finally:
        conn.close()


def verdict(ok: bool) -> str:
    return "ok" if ok else "OVER TARGET"



def load() -> str:
    """The machine's load (as ``uptime`` shows it), printed with each step: the machine is
    shared, and a figure taken under load says so."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} ({os.cpu_count()} CPUs)"


def report_interactions(runs: list[dict]) -> None:
    """Each measure's median over the runs with the [min–max] spread. A search the window
    matches off the UI thread is judged by how long it blocked the UI thread."""
    for group in ("tabs", "order_searches", "product_searches", "case_tabs", "case_searches"):
        for name in runs[0][group]:
            ms = [r[group][name] for r in runs]
            m = {k: statistics.median(x[k] for x in ms)
                 for k in ("data_ms", "paint_ms", "blocked_ms", "sql_ms", "sql_hot_ms",
                           "first_ms", "first_rows_ms", "first_blocked_ms")}
            total = m["data_ms"] + m["paint_ms"]
            ratio = m["data_ms"] / m["sql_ms"] if m["sql_ms"] else float("inf")
            print(f"{group}[{name}]: {total:.1f} ms in all ({verdict(total <= 50)}) = data "
                  f"{m['data_ms']:.2f} ms {spread(x['data_ms'] for x in ms)} + repaint "
                  f"{m['paint_ms']:.1f} ms; UI thread blocked ≤ {m['blocked_ms']:.1f} ms "
                  f"{spread(x['blocked_ms'] for x in ms)} ({verdict(m['blocked_ms'] <= 50)}); "
                  f"raw sql {m['sql_ms']:.2f} ms (back to back {m['sql_hot_ms']:.2f} ms), "
                  f"data/sql {ratio:.1f}× ({verdict(ratio <= 2)}); {ms[0]['rows']} rows; "
                  f"first of the 5 (the first after start, for the first search): data "
                  f"{m['first_ms']:.1f} ms {spread(x['first_ms'] for x in ms)}, first rows "
                  f"shown {m['first_rows_ms']:.1f} ms {spread(x['first_rows_ms'] for x in ms)}, "
                  f"UI thread blocked ≤ {m['first_blocked_ms']:.1f} ms "
                  f"{spread(x['first_blocked_ms'] for x in ms)} "
                  f"({verdict(m['first_blocked_ms'] <= 50)})")
