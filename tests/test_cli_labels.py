"""``seller-desktop labels`` / ``picklist`` against the sandbox on loopback.

In-process runs for the flow and the failures; a subprocess killed with SIGKILL after the print
reports and shipments were written (while ``delivery/send`` is in flight) proves a restart
ships each order exactly once.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sandbox_support import dead_url, serve
from workflows.helpers import (
    EWB,
    code128_per_page,
    control,
    log_ops,
    new_orders,
    page_sizes_mm,
    pdf_text,
    sandbox_state,
)

from seller_desktop import cli_sync
from seller_desktop.cli_exit import Exit
from seller_desktop.cli_labels import main, main_picklist
from seller_desktop.labels import pick_rows
from seller_desktop.sandbox.server import SandboxServer
from seller_desktop.store import Store
from seller_desktop.store.orders import OrderRepo
from seller_desktop.store.waybills import PrintLog

ROOT = Path(__file__).resolve().parents[1]
SEND = "/channels/ec/order/delivery/send"


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    yield from serve(seed=9, products=8, orders=10, gift_orders=1)


@pytest.fixture
def creds(sandbox: SandboxServer, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    cfg = sandbox.shop.config
    env = {"SELLER_DESKTOP_APPID": cfg.appid, "SELLER_DESKTOP_SECRET": cfg.secret}
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return env


def _pending(data_dir: Path) -> list[str]:
    with Store.open(data_dir) as store:
        return [r[0] for r in store.reader().execute(
            "SELECT order_id FROM orders WHERE status IN (20, 21) ORDER BY order_id")]


def test_labels_takes_numbers_prints_one_pdf_and_ships(
        sandbox: SandboxServer, creds: dict[str, str], data_dir: Path, tmp_path: Path, qapp,
        capsys: pytest.CaptureFixture[str]) -> None:
    ids = new_orders(sandbox.url, 4)
    pdf = tmp_path / "labels.pdf"
    code = main(["--api-base", sandbox.url, "--data-dir", str(data_dir), "--orders", *ids,
                 "--size", "100x150", "--pdf", str(pdf)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "printed: 4" in out and "shipped: 4" in out and "waybills: 4" in out
    assert page_sizes_mm(pdf) == [(100, 150)] * 4
    state = sandbox_state(sandbox.url)
    numbers = {w["waybill_id"] for w in state["ewaybills"].values()}
    decoded = [c for page in code128_per_page(pdf) for c in page]
    assert len(decoded) == 4 and set(decoded) <= numbers
    assert all(state["orders"][o]["status"] == 30 for o in ids)
    assert sorted(e["order_id"] for e in log_ops(sandbox.shop, SEND)) == sorted(ids)

    # --reprint: from the cache, reported as a reprint, logged with the reason
    again = tmp_path / "again.pdf"
    code = main(["--api-base", sandbox.url, "--data-dir", str(data_dir), "--orders", ids[0],
                 "--pdf", str(again), "--reprint", "--reason", "卡纸"])
    assert code == 0
    assert [e["re_print"] for e in log_ops(sandbox.shop, EWB + "order/print")] == [0] * 4 + [1]
    with Store.open(data_dir) as store:
        assert [e["reason"] for e in PrintLog(store.reader()).entries() if e["reprint"]] == ["卡纸"]
    assert len(log_ops(sandbox.shop, SEND)) == 4


@pytest.mark.parametrize("bad", ["printer", "missing folder", "a folder"])
def test_a_bad_print_target_takes_no_waybill_then_a_good_one_ships(
        bad: str, sandbox: SandboxServer, creds: dict[str, str], data_dir: Path,
        tmp_path: Path, qapp, capsys: pytest.CaptureFixture[str]) -> None:
    """The target is checked before a single waybill number is taken (a number taken for a
    label that cannot print is used up on the server)."""
    ids = new_orders(sandbox.url, 2)
    target = {"printer": ["--printer", "NoSuchPrinter"],
              "missing folder": ["--pdf", str(tmp_path / "nope" / "x.pdf")],
              "a folder": ["--pdf", str(tmp_path)]}[bad]
    code = main(["--api-base", sandbox.url, "--data-dir", str(data_dir), "--orders", *ids,
                 *target])
    captured = capsys.readouterr()
    assert code == Exit.PRINT_FAILED and "printed: 0" in captured.out, captured
    assert {"printer": "找不到打印机", "missing folder": "不存在",
            "a folder": "是一个文件夹"}[bad] in captured.err
    assert not log_ops(sandbox.shop, EWB + "order/create")  # no number used on the server
    assert not log_ops(sandbox.shop, SEND) and not log_ops(sandbox.shop, EWB + "order/print")
    assert not list(tmp_path.rglob("*.pdf"))
    code = main(["--api-base", sandbox.url, "--data-dir", str(data_dir), "--orders", *ids,
                 "--pdf", str(tmp_path / "ok.pdf")])
    assert code == Exit.OK
    assert len(log_ops(sandbox.shop, EWB + "order/create")) == 2
    assert sorted(e["order_id"] for e in log_ops(sandbox.shop, SEND)) == sorted(ids)


def test_nothing_to_do_is_one_code_for_labels_and_picklist(
        data_dir: Path, tmp_path: Path, qapp, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    for key in ("SELLER_DESKTOP_APPID", "SELLER_DESKTOP_SECRET"):
        monkeypatch.delenv(key, raising=False)
    assert main(["--data-dir", str(data_dir), "--all-pending", "--pdf",
                 str(tmp_path / "l.pdf")]) == Exit.NOTHING_TO_DO
    assert main_picklist(["--data-dir", str(data_dir), "--all-pending", "--pdf",
                          str(tmp_path / "p.pdf")]) == Exit.NOTHING_TO_DO
    err = capsys.readouterr().err
    assert "nothing to print" in err and "nothing to pick" in err
    assert not list(tmp_path.glob("*.pdf"))


def test_some_orders_not_printable_is_not_all_shipped(
        sandbox: SandboxServer, creds: dict[str, str], data_dir: Path, tmp_path: Path, qapp,
        capsys: pytest.CaptureFixture[str]) -> None:
    ids = new_orders(sandbox.url, 2)
    gift = control(sandbox.url, "/sandbox/order/create", {"gift": True})["order_id"]
    code = main(["--api-base", sandbox.url, "--data-dir", str(data_dir), "--orders", *ids,
                 gift, "--pdf", str(tmp_path / "l.pdf")])
    captured = capsys.readouterr()
    assert code == Exit.NOT_ALL_SHIPPED, captured
    assert "printed: 2" in captured.out and f"skipped {gift}" in captured.err
    assert sorted(e["order_id"] for e in log_ops(sandbox.shop, SEND)) == sorted(ids)


def test_labels_and_picklist_run_headless_with_no_setup(
        sandbox: SandboxServer, creds: dict[str, str], data_dir: Path, tmp_path: Path) -> None:
    """No DISPLAY, no QT_QPA_PLATFORM: the commands choose the offscreen platform themselves
    (Qt used to abort after the waybills were taken)."""
    ids = new_orders(sandbox.url, 2)
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(creds, PYTHONPATH=str(ROOT))
    base = [sys.executable, "-m", "seller_desktop"]
    labels = subprocess.run(
        [*base, "labels", "--api-base", sandbox.url, "--data-dir", str(data_dir), "--orders",
         *ids, "--pdf", str(tmp_path / "l.pdf")],
        env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert labels.returncode == Exit.OK, labels.stderr
    assert page_sizes_mm(tmp_path / "l.pdf") == [(76, 130)] * 2
    assert sorted(e["order_id"] for e in log_ops(sandbox.shop, SEND)) == sorted(ids)
    picklist = subprocess.run(
        [*base, "picklist", "--data-dir", str(data_dir), "--orders", *ids, "--pdf",
         str(tmp_path / "p.pdf")], env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert picklist.returncode == Exit.OK, picklist.stderr
    assert "合计" in pdf_text(tmp_path / "p.pdf")


def test_offline_prints_from_the_cache_and_reports_later(
        sandbox: SandboxServer, creds: dict[str, str], data_dir: Path, tmp_path: Path, qapp,
        capsys: pytest.CaptureFixture[str]) -> None:
    ids = new_orders(sandbox.url, 1)
    assert main(["--api-base", sandbox.url, "--data-dir", str(data_dir), "--orders", *ids,
                 "--pdf", str(tmp_path / "a.pdf")]) == 0
    code = main(["--api-base", dead_url(), "--data-dir", str(data_dir), "--orders",
                 *ids, "--pdf", str(tmp_path / "b.pdf"), "--reprint"])
    assert code == 0 and page_sizes_mm(tmp_path / "b.pdf") == [(76, 130)]
    assert "sync stopped" in capsys.readouterr().err
    assert len(log_ops(sandbox.shop, EWB + "order/print")) == 1
    assert main(["--api-base", sandbox.url, "--data-dir", str(data_dir), "--all-pending",
                 "--pdf", str(tmp_path / "c.pdf")]) == 0
    (eid,) = [eid for eid, w in sandbox_state(sandbox.url)["ewaybills"].items()
              if [str(o["ec_order_id"]) for o in w["ec_order_list"]] == ids]
    assert [e["re_print"] for e in log_ops(sandbox.shop, EWB + "order/print")
            if e["ewaybill_order_id"] == eid] == [0, 1]



def test_unreadable_replies_are_named_as_such(
        sandbox: SandboxServer, creds: dict[str, str], data_dir: Path, tmp_path: Path, qapp,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A captive portal's page instead of the store's replies: the sync before printing says
    the replies could not be read (and what to do), like ``sync``."""
    ids = new_orders(sandbox.url, 1)
    assert main(["--api-base", sandbox.url, "--data-dir", str(data_dir), "--orders", *ids,
                 "--pdf", str(tmp_path / "a.pdf")]) == 0
    capsys.readouterr()
    control(sandbox.url, "/sandbox/faults", {"faults": [
        {"path": "*", "kind": "html", "times": 50}]})
    control(sandbox.url, "/sandbox/tokens/invalidate")
    main(["--api-base", sandbox.url, "--data-dir", str(data_dir), "--orders", *ids,
          "--pdf", str(tmp_path / "b.pdf"), "--reprint"])
    err = capsys.readouterr().err
    assert "sync stopped: 无法读取微信小店的回复" in err, err

def test_picklist_totals_equal_the_orders_lines(
        sandbox: SandboxServer, creds: dict[str, str], data_dir: Path, tmp_path: Path, qapp,
        capsys: pytest.CaptureFixture[str]) -> None:
    ids = new_orders(sandbox.url, 5)
    for count in (2, 3):  # more than one of a SKU in some orders
        control(sandbox.url, "/sandbox/order/create", {"status": 20, "count": count})
    assert cli_sync.main(["--api-base", sandbox.url, "--data-dir", str(data_dir),
                          "--quiet"]) == Exit.OK
    pending = _pending(data_dir)
    assert set(ids) <= set(pending)
    pdf, slips = tmp_path / "pick.pdf", tmp_path / "slips.pdf"
    capsys.readouterr()
    assert main_picklist(["--data-dir", str(data_dir), "--all-pending", "--pdf", str(pdf),
                          "--slips", str(slips)]) == 0
    state = sandbox_state(sandbox.url)
    lines = [ln for o in pending for ln in state["orders"][o]["lines"]]
    total = sum(int(ln["sku_cnt"]) for ln in lines)
    skus = {(str(ln["product_id"]), str(ln["sku_id"])) for ln in lines}
    text = pdf_text(pdf).replace(" ", "")
    assert f"合计{total}件（{len(skus)}种商品，{len(pending)}个订单）" in text
    with Store.open(data_dir) as store:
        repo = OrderRepo(store.reader())
        rows = pick_rows([repo.get(o) for o in pending])
    per_sku: dict[tuple[str, str], int] = {}
    for ln in lines:
        key = (str(ln["product_id"]), str(ln["sku_id"]))
        per_sku[key] = per_sku.get(key, 0) + int(ln["sku_cnt"])
    assert {(r.product_id, r.sku_id): r.quantity for r in rows} == per_sku
    assert len(page_sizes_mm(slips)) >= len(pending)
    assert "orders: " in capsys.readouterr().out


def _cli(data_dir: Path, url: str, env: dict[str, str], *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "seller_desktop", "labels", "--api-base", url, "--data-dir",
         str(data_dir), *extra],
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", **env},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)


def _ship_rows(data_dir: Path) -> list[tuple[str, str]]:
    path = data_dir / "cache.sqlite3"
    if not path.exists():
        return []
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT entity_id, state FROM outbox WHERE op = 'ship'").fetchall()
    except sqlite3.Error:
        return []


def test_killed_after_the_print_is_recorded_ships_each_order_once(
        sandbox: SandboxServer, creds: dict[str, str], data_dir: Path, tmp_path: Path) -> None:
    ids = new_orders(sandbox.url, 3)
    # delivery/send is applied, then its reply hangs: the kill lands with the outcome unknown
    control(sandbox.url, "/sandbox/faults", {"seed": 2, "faults": [
        {"path": SEND, "kind": "delay", "seconds": 60, "phase": "after"}]})
    proc = _cli(data_dir, sandbox.url, creds, "--orders", *ids, "--pdf", str(tmp_path / "l.pdf"))
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        rows = _ship_rows(data_dir)
        if len(rows) == 3 and all(s == "sending" for _, s in rows) \
                and len(log_ops(sandbox.shop, SEND)) == 3:
            break
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    else:
        pytest.fail("the CLI never reached delivery/send")
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    assert (tmp_path / "l.pdf").exists()
    control(sandbox.url, "/sandbox/faults", {"faults": []})

    proc = _cli(data_dir, sandbox.url, creds, "--orders", *ids, "--pdf", str(tmp_path / "m.pdf"))
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "printed: 0" in out and not (tmp_path / "m.pdf").exists()
    assert sorted(e["order_id"] for e in log_ops(sandbox.shop, SEND)) == sorted(ids)
    state = sandbox_state(sandbox.url)
    assert all(state["orders"][o]["status"] == 30 for o in ids)
    assert sorted(s for _, s in _ship_rows(data_dir)) == ["done"] * 3
    assert len(log_ops(sandbox.shop, EWB + "order/create")) == 3
    assert len(log_ops(sandbox.shop, EWB + "order/print")) == 3


def test_report_counts_only_what_the_store_confirmed(
        sandbox: SandboxServer, creds: dict[str, str], data_dir: Path, tmp_path: Path, qapp,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Buyers open refunds on 3 of 5 orders while their labels print: those 3 do not ship,
    each is named with the reason, only 2 count as shipped, and the exit code says so."""
    import seller_desktop.labels as labels_pkg

    ids = new_orders(sandbox.url, 5)
    real_print = labels_pkg.print_labels_async

    async def print_while_buyers_ask(*args, **kwargs):
        result = await real_print(*args, **kwargs)
        for oid in ids[:3]:
            control(sandbox.url, "/sandbox/aftersale/open", {"order_id": oid})
        return result

    monkeypatch.setattr(labels_pkg, "print_labels_async", print_while_buyers_ask)
    code = main(["--api-base", sandbox.url, "--data-dir", str(data_dir), "--orders", *ids,
                 "--pdf", str(tmp_path / "l.pdf")])
    out = capsys.readouterr().out
    assert code == Exit.NOT_ALL_SHIPPED, out
    assert "printed: 5" in out and "shipped: 2" in out and "not shipped: 3" in out
    for oid in ids[:3]:
        assert f"not shipped {oid}: " in out and "拦截" in out
    assert sorted(e["order_id"] for e in log_ops(sandbox.shop, SEND)) == sorted(ids[3:])


def test_all_pending_skips_held_orders_with_one_line_each(
        sandbox: SandboxServer, creds: dict[str, str], data_dir: Path, tmp_path: Path, qapp,
        capsys: pytest.CaptureFixture[str]) -> None:
    held, free = new_orders(sandbox.url, 2)
    control(sandbox.url, "/sandbox/aftersale/open", {"order_id": held})
    code = main(["--api-base", sandbox.url, "--data-dir", str(data_dir), "--all-pending",
                 "--pdf", str(tmp_path / "all.pdf")])
    out = capsys.readouterr().out
    assert code == Exit.NOT_ALL_SHIPPED, out  # the held order is work left undone
    held_lines = [ln for ln in out.splitlines() if ln.startswith("held ")]
    assert [ln.split(":")[0] for ln in held_lines if held in ln] == [f"held {held}"]
    assert "售后" in next(ln for ln in held_lines if held in ln)
    assert f"held: {len(held_lines)}" in out and "not shipped: 0" in out
    shipped = {e["order_id"] for e in log_ops(sandbox.shop, SEND)}
    assert free in shipped and held not in shipped
    waybilled = {str(o["ec_order_id"]) for w in sandbox_state(sandbox.url)["ewaybills"].values()
                 for o in w["ec_order_list"]}
    assert free in waybilled and held not in waybilled  # no waybill taken for a held order


def test_only_held_orders_asked_for_is_not_all_shipped_not_a_print_failure(
        sandbox: SandboxServer, creds: dict[str, str], data_dir: Path, tmp_path: Path, qapp,
        capsys: pytest.CaptureFixture[str]) -> None:
    # the print target works: nothing printed because the guard held the order (exit 7, not 8)
    (held,) = new_orders(sandbox.url, 1)
    control(sandbox.url, "/sandbox/aftersale/open", {"order_id": held})
    base = ["--api-base", sandbox.url, "--data-dir", str(data_dir), "--orders", held]
    code = main([*base, "--pdf", str(tmp_path / "held.pdf")])
    out, err = capsys.readouterr()
    assert code == Exit.NOT_ALL_SHIPPED, (out, err)
    assert f"not shipped {held}: " in out and "售后" in out
    assert "print failed" not in err and "nothing printed" in err
    code = main([*base, "--reprint", "--pdf", str(tmp_path / "again.pdf")])
    out, err = capsys.readouterr()
    assert code == Exit.NOT_ALL_SHIPPED and "print failed" not in err, (out, err)
    assert not log_ops(sandbox.shop, SEND) and not sandbox_state(sandbox.url)["ewaybills"]


def test_the_label_pdf_is_owner_only_whatever_the_umask(
        sandbox: SandboxServer, creds: dict[str, str], data_dir: Path, tmp_path: Path, qapp,
        capsys: pytest.CaptureFixture[str]) -> None:
    # the labels carry buyers' names and phones (masked) and order ids: 0600 like the cache
    from seller_desktop.__main__ import main as seller_desktop

    ids = new_orders(sandbox.url, 1)
    pdf = tmp_path / "labels.pdf"
    old = os.umask(0o022)
    try:
        code = seller_desktop(["labels", "--api-base", sandbox.url, "--data-dir", str(data_dir),
                               "--orders", *ids, "--pdf", str(pdf)])
    finally:
        os.umask(old)
    assert code == Exit.OK, capsys.readouterr()
    assert pdf.stat().st_mode & 0o777 == 0o600


def test_picklist_leaves_held_orders_off_and_says_so(
        sandbox: SandboxServer, creds: dict[str, str], data_dir: Path, tmp_path: Path, qapp,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A pick list must not send the packer to pick an order that must not ship: it is left
    off, named with its reason, and the exit code says not everything was done (7)."""
    held, free = new_orders(sandbox.url, 2)
    control(sandbox.url, "/sandbox/aftersale/open", {"order_id": held})
    assert cli_sync.main(["--api-base", sandbox.url, "--data-dir", str(data_dir),
                          "--quiet"]) == Exit.OK
    capsys.readouterr()
    for selection in (["--all-pending"], ["--orders", held, free]):
        pdf = tmp_path / "pick.pdf"
        code = main_picklist(["--data-dir", str(data_dir), *selection, "--pdf", str(pdf)])
        out = capsys.readouterr().out
        assert code == Exit.NOT_ALL_SHIPPED, (selection, out)
        assert f"held {held}: " in out and "售后" in out and "held: 1" in out
        assert held not in pdf_text(pdf) and free in pdf_text(pdf)
    code = main_picklist(["--data-dir", str(data_dir), "--orders", held, "--pdf",
                          str(tmp_path / "none.pdf")])
    assert code == Exit.NOT_ALL_SHIPPED and not (tmp_path / "none.pdf").exists()


def test_a_permission_the_app_lacks_stops_labels_as_auth(
        sandbox: SandboxServer, creds: dict[str, str], data_dir: Path, tmp_path: Path, qapp,
        capsys: pytest.CaptureFixture[str]) -> None:
    ids = new_orders(sandbox.url, 1)
    control(sandbox.url, "/sandbox/auth/permission", {"enabled": False})
    code = main(["--api-base", sandbox.url, "--data-dir", str(data_dir), "--orders", *ids,
                 "--pdf", str(tmp_path / "l.pdf")])
    assert code == Exit.AUTH, capsys.readouterr()
    assert not sandbox_state(sandbox.url)["ewaybills"] and not (tmp_path / "l.pdf").exists()


def test_no_e_waybill_permission_stops_before_printing_with_3(
        sandbox: SandboxServer, creds: dict[str, str], data_dir: Path, tmp_path: Path, qapp,
        capsys: pytest.CaptureFixture[str]) -> None:
    """The sync works but the e-waybill API is not enabled for the app: one line naming it and
    exit 3, not a traceback (exit 1) after the sync."""
    ids = new_orders(sandbox.url, 1)
    control(sandbox.url, "/sandbox/auth/permission", {
        "enabled": False, "paths": [EWB + "account/get", EWB + "delivery/get"]})
    code = main(["--api-base", sandbox.url, "--data-dir", str(data_dir), "--orders", *ids,
                 "--pdf", str(tmp_path / "l.pdf")])
    out, err = capsys.readouterr()
    assert code == Exit.AUTH, (out, err)
    assert "e-waybill accounts: 没有调用该接口的权限" in err and "Traceback" not in err
    assert not (tmp_path / "l.pdf").exists() and not log_ops(sandbox.shop, SEND)
