"""Smoke test of the built bundle: runs the FROZEN program, not the source.

    python packaging/smoke.py [packaging/dist/seller-desktop]

Checks ``--version`` (and CHANGELOG.md's top entry in the bundle); ``sandbox`` + ``sync`` + ``labels --pdf`` with every barcode decoded back;
the window ``--demo`` offscreen for some seconds with no error in its log. Then reports the
bundle size and the start time to a shown window, frozen vs ``python -m seller_desktop``.
Runs on Linux, Windows and macOS (barcodes: pdftoppm + zbarimg, else pypdfium2 + zxing-cpp).
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ERROR_MARKS = ("Traceback", "ERROR", "CRITICAL", "Fatal", "QPainter::", "Cannot")
SHOWN = "window shown"


def program(folder: Path) -> list[str]:
    exe = folder / ("seller-desktop-cli.exe" if sys.platform == "win32" else "seller-desktop")
    if sys.platform == "darwin" and not exe.exists():
        exe = HERE / "dist" / "小店桌面.app" / "Contents" / "MacOS" / "seller-desktop"
    return [str(exe)]


def env(data: Path, **extra: str) -> dict[str, str]:
    e = {k: v for k, v in os.environ.items() if not k.startswith("SELLER_DESKTOP_")}
    e.update(QT_QPA_PLATFORM="offscreen", HOME=str(data / "home"), **extra)
    e.setdefault("XDG_RUNTIME_DIR", str(data / "run"))
    (data / "home").mkdir(parents=True, exist_ok=True)
    (data / "run").mkdir(mode=0o700, exist_ok=True)
    return e


def run(cmd: list[str], e: dict[str, str], timeout: float = 180) -> subprocess.CompletedProcess:
    done = subprocess.run(cmd, env=e, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise SystemExit(f"FAILED ({done.returncode}): {' '.join(cmd[1:])}\n{done.stdout}\n{done.stderr}")
    return done


def decode_pdf(pdf: Path, work: Path) -> list[str]:
    if shutil.which("pdftoppm") and shutil.which("zbarimg"):
        subprocess.run(["pdftoppm", "-r", "200", "-png", str(pdf), str(work / "page")], check=True)
        out = subprocess.run(["zbarimg", "-q", "--raw", *map(str, sorted(work.glob("page*.png")))],
                             capture_output=True, text=True)
        return [line for line in out.stdout.splitlines() if line]
    import pypdfium2
    import zxingcpp

    codes = []
    for page in pypdfium2.PdfDocument(str(pdf)):
        codes += [r.text for r in zxingcpp.read_barcodes(page.render(scale=200 / 72).to_pil())]
    return codes


def check_cli(cmd: list[str], work: Path) -> None:
    e = env(work)
    version = run(cmd + ["--version"], e).stdout.strip()
    print(f"version: {version}")
    exe = Path(cmd[0])  # in a macOS .app the data sits in Contents/Resources, beside MacOS
    check_changelog(exe.parents[1] if sys.platform == "darwin" else exe.parent, version)
    sandbox = subprocess.Popen(cmd + ["sandbox", "--orders", "60", "--products", "20"], env=e,
                               stdout=subprocess.PIPE, text=True)
    try:
        line = sandbox.stdout.readline()
        found = dict(re.findall(r"(\w+)=(\S+)", line))
        if "base" not in found:
            raise SystemExit(f"FAILED: sandbox said {line!r}")
        creds = env(work, SELLER_DESKTOP_APPID=found["appid"], SELLER_DESKTOP_SECRET=found["secret"])
        data = ["--api-base", found["base"], "--data-dir", str(work / "shop")]
        print(run(cmd + ["sync", *data], creds).stdout.strip().replace("\n", "; "))
        pdf = work / "labels.pdf"
        out = run(cmd + ["labels", *data, "--all-pending", "--pdf", str(pdf)], creds).stdout
        print(out.strip().replace("\n", "; "))
        codes = decode_pdf(pdf, work)
        if not codes:
            raise SystemExit("FAILED: no barcode decoded from the labels PDF")
        print(f"labels: {pdf.stat().st_size} bytes, {len(codes)} barcodes decoded")
    finally:
        sandbox.terminate()
        sandbox.wait(10)


def check_changelog(folder: Path, version: str) -> None:
    """The release notes travel in the bundle and their top entry is this version."""
    notes = next(folder.rglob("CHANGELOG.md"), None)
    if notes is None:
        raise SystemExit("FAILED: no CHANGELOG.md in the bundle")
    top = re.search(r"^## +v?(\S+)", notes.read_text(encoding="utf-8"), re.MULTILINE)
    if top is None or top.group(1) not in version:
        raise SystemExit(f"FAILED: CHANGELOG.md's top entry is not {version!r}")
    print(f"changelog: {notes.relative_to(folder)} ({top.group(1)})")


def window_start(cmd: list[str], work: Path, seconds: float) -> float:
    """Start the demo window, wait for it to be shown, keep it running; ms to shown."""
    work.mkdir(parents=True, exist_ok=True)
    log = work / "window.log"
    with log.open("w") as f:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd + ["--demo", "--data-dir", str(work / "demo")], env=env(work),
                                stdout=f, stderr=subprocess.STDOUT)
        shown = None
        deadline = started + 120
        while time.perf_counter() < deadline and proc.poll() is None:
            if shown is None and SHOWN in log.read_text(errors="replace"):
                shown = time.perf_counter()
                break
            time.sleep(0.02)
        if shown is not None:
            time.sleep(seconds)
        alive = proc.poll() is None
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
    text = log.read_text(errors="replace")
    errors = [line for line in text.splitlines() if any(m in line for m in ERROR_MARKS)]
    if shown is None or not alive or errors:
        raise SystemExit(f"FAILED: window shown={shown is not None} alive={alive}\n{text[-3000:]}")
    return (shown - started) * 1000


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "dist" / "seller-desktop"
    frozen = program(folder)
    source = [sys.executable, "-m", "seller_desktop"]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        check_cli(frozen, work / "cli")
        first = window_start(frozen, work / "w0", seconds=8)  # the long look for errors
        times = {"frozen": [first], "source": []}
        for i in range(3):
            times["source"].append(window_start(source, work / f"s{i}", seconds=0.5))
            if i:
                times["frozen"].append(window_start(frozen, work / f"f{i}", seconds=0.5))
    archives = sorted((HERE / "dist").glob("seller-desktop-*.*"))
    print(f"bundle folder: {size_mb(folder):.0f} MB" + "".join(
        f"; {a.name}: {a.stat().st_size / 1e6:.0f} MB" for a in archives))
    frozen_ms, source_ms = statistics.median(times["frozen"]), statistics.median(times["source"])
    print(f"start to shown window (ms): frozen first {times['frozen'][0]:.0f}, "
          f"frozen median {frozen_ms:.0f}; source median {source_ms:.0f}")
    print("smoke: OK")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
