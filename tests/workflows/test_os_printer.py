"""The OS print path of the run: straight to the remembered label printer (the CUPS queue
``LabelPDF``, cups-pdf), one job, no dialog; the orders ship only after the job was accepted.
Skipped (with the reason) only when the queue is missing."""

from __future__ import annotations

import os
import re
import subprocess
import time
from pathlib import Path

import pytest

from seller_desktop.labels import choose_label_printer, parse_spec, pick_order
from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.sync import SyncEngine
from seller_desktop.workflows.shipping import ShippingWorkflow

from .helpers import code128_per_page, new_orders, page_sizes_mm, sandbox_state

QUEUE = "LabelPDF"


def _queue() -> tuple[bool, str]:
    try:
        proc = subprocess.run(["lpstat", "-p", QUEUE], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, str(exc)
    return proc.returncode == 0, (proc.stderr or proc.stdout).strip()


_ready, _why = _queue()
pytestmark = pytest.mark.skipif(not _ready, reason=f"CUPS queue {QUEUE} missing: {_why}")


def _out_dir() -> Path:
    conf = Path("/etc/cups/cups-pdf.conf")
    match = re.search(r"^Out\s+(\S+)", conf.read_text(), re.M) if conf.exists() else None
    out = os.environ.get("CUPS_PDF_OUT") or (match.group(1) if match else "/tmp/cups-pdf")
    return Path(out.replace("${HOME}", os.path.expanduser("~")))


@pytest.mark.asyncio
async def test_remembered_label_printer_one_job_then_shipped(
        workflow: ShippingWorkflow, engine: SyncEngine, sandbox: SandboxServer,
        tmp_path: Path) -> None:
    ids = new_orders(sandbox.url, 3)
    await engine.run(full=True)
    account = next(a for a in await workflow.accounts() if a.delivery_id == "YTO")
    batch = await workflow.create_waybills(ids, account)
    printer = choose_label_printer(QUEUE)
    assert printer == QUEUE
    out = _out_dir()
    before = set(out.glob("*.pdf")) if out.is_dir() else set()
    outcome = await workflow.print_labels(ids, parse_spec("76x130"), printer)
    assert outcome.ok, outcome
    assert sorted(outcome.shipped) == sorted(ids)
    assert all(sandbox_state(sandbox.url)["orders"][o]["status"] == 30 for o in ids)

    items, _ = workflow.label_items(list(batch.created.values()))
    expected = [[i.waybill.waybill_id] for i in pick_order(items)]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        for pdf in sorted(set(out.glob("*.pdf")) - before):
            try:
                pages = page_sizes_mm(pdf)
            except subprocess.CalledProcessError:
                continue  # cups-pdf is still writing it
            if len(pages) == 3:
                local = tmp_path / "job.pdf"
                local.write_bytes(pdf.read_bytes())
                if code128_per_page(local) == expected:
                    assert page_sizes_mm(local) == [(76, 130)] * 3
                    return
        time.sleep(0.2)
    pytest.fail("cups-pdf wrote no PDF with our three labels")
