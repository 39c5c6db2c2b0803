"""Shop basic info: GET /channels/ec/basics/info/get → ``{"info": {...}}`` from ``shop.info``."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from .core import Request, route

if TYPE_CHECKING:
    from .state import Shop


def default_info(appid: str, now: int, nickname: str = "小店桌面演示店",
                 headimg_url: str = "") -> dict[str, Any]:
    return {"nickname": nickname, "headimg_url": headimg_url, "subject_type": "企业",
            "status": "open_finished", "username": "gh_" + appid[-12:].lower(),
            "is_local_life": 0, "open_timestamp": now - 400 * 86400}


@route("/channels/ec/basics/info/get", method="GET")
def get_info(shop: Shop, req: Request) -> dict[str, Any]:
    info = shop.info or default_info(shop.config.appid, shop.clock.now())
    return {"info": copy.deepcopy(info)}
