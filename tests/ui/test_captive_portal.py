"""A captive portal answering 511 (Network Authentication Required) during a sync: the status
bar says offline with a hint to log in to the Wi-Fi, not a server error; nothing failed."""

from __future__ import annotations

import pytest

from .conftest import acontrol, open_window, settled

pytestmark = [pytest.mark.asyncio, pytest.mark.qt_loop]


async def test_a_captive_portals_511_shows_offline_with_a_wifi_login_hint(qapp, tmp_path,
                                                                          sandbox) -> None:
    async with open_window(tmp_path / "d", sandbox) as window:
        await acontrol(sandbox, "/sandbox/tokens/invalidate", {})
        await acontrol(sandbox, "/sandbox/faults", {"faults": [
            {"path": "*", "kind": "http511", "phase": "before", "times": 1000}]})
        report = await window.sync.sync_now()
        await settled(window)
        assert report.stop_error is not None and not report.failed
        assert window.status.online.text() == "● 离线（需要登录 Wi-Fi）"
        assert "在浏览器中登录" in window.status.online.toolTip()
        assert "Wi-Fi" in window.status.error  # the run's own words: offline, not a server error
        await acontrol(sandbox, "/sandbox/faults", {"faults": []})
