"""CUPS specifics Qt does not offer: stopping a cancelled job from ever printing.

Qt's CUPS engine cannot abort (``QPrinter.abort()`` returns False) and submits whatever was
painted when the painter ends. So a cancelled job is submitted on hold (the engine's
``PPK_CupsOptions``: ``job-hold-until=indefinite``, it never reaches the printer) and then
removed with CUPS's own ``cancel``. The job ids come from ``lpstat`` before and after.
"""

from __future__ import annotations

import os
import shutil
import subprocess

from PySide6.QtPrintSupport import QPrintEngine, QPrinter

# qcups_p.h: PPK_CupsOptions = PPK_CustomBase - 0x100; a flat list [name, value, name, value...]
PPK_CUPS_OPTIONS = QPrintEngine.PrintEnginePropertyKey(0xFE00)


def is_cups_printer(printer: QPrinter) -> bool:
    return (
        printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
        and shutil.which("lpstat") is not None
        and type(printer.printEngine().property(PPK_CUPS_OPTIONS)) is list
    )


def queued_job_ids(printer_name: str) -> set[str]:
    """Ids of the jobs not yet finished on ``printer_name`` (e.g. ``LabelPDF-12``)."""
    proc = subprocess.run(["lpstat", "-o", printer_name], capture_output=True, text=True, timeout=10)
    return {line.split()[0] for line in proc.stdout.splitlines() if line.strip()}


def hold_job(printer: QPrinter) -> None:
    """Make the job that ``painter.end()`` is about to submit wait forever instead of printing."""
    engine = printer.printEngine()
    options = list(engine.property(PPK_CUPS_OPTIONS) or [])
    engine.setProperty(PPK_CUPS_OPTIONS, [*options, "job-hold-until", "indefinite"])


def cancel_jobs(job_ids: set[str]) -> bool:
    """Cancel ``job_ids``; True when CUPS accepted it."""
    if not job_ids:
        return True
    if shutil.which("cancel") is None:
        return False
    proc = subprocess.run(["cancel", *sorted(job_ids)], capture_output=True, text=True, timeout=10)
    return proc.returncode == 0


def accepting_jobs(printer_name: str) -> tuple[bool, str] | None:
    """Whether CUPS queues jobs for ``printer_name`` (``cupsreject`` turns it off), with CUPS's
    reason; None when it cannot tell (no ``lpstat``: not CUPS, or not installed)."""
    if shutil.which("lpstat") is None:
        return None
    try:
        proc = subprocess.run(["lpstat", "-a", printer_name], capture_output=True, text=True,
                              timeout=10, env={**os.environ, "LC_ALL": "C"})
    except (OSError, subprocess.SubprocessError):
        return None
    return parse_accepting(printer_name, proc.stdout)


def parse_accepting(printer_name: str, lpstat_a: str) -> tuple[bool, str] | None:
    """``lpstat -a`` output → (accepting, reason); None when the printer is not listed.

    CUPS writes ``NAME not accepting requests since DATE -`` and the reason indented on the
    next line(s)."""
    lines = lpstat_a.splitlines()
    for i, line in enumerate(lines):
        name, _, rest = line.partition(" ")
        if name != printer_name:
            continue
        if rest.startswith("accepting"):
            return True, ""
        if rest.startswith("not accepting"):
            reason = []
            for following in lines[i + 1:]:
                if not following[:1].isspace():
                    break
                reason.append(following.strip())
            return False, " ".join(r for r in reason if r) or rest.partition(" - ")[2].strip()
    return None
