"""Online look-ups the 售后 screen needs before an answer can be queued: the shop's return
addresses (accepting a return or an exchange), the reject reasons (``rejectreason/get``), the carriers (an exchange reship), and
uploading the seller's proof images (negotiation, offline-refund proof) to media ids.

The answers themselves are ops (``ops/aftersale.py``) through the outbox; this module only
reads from the store's API, so it needs the sync engine's client (None = offline: each call
says so in the seller's words). Lists are kept for the session once read.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..api import aftersale as aftersale_api
from ..api import delivery as delivery_api
from ..api import media as media_api
from ..api.client import ApiClient
from ..api.errors import ApiError
from ..api.schemas.aftersale import RejectReason, ReturnAddress
from ..api.schemas.logistics import Carrier

OFFLINE = "未登录店铺或处于离线状态，无法连接微信小店"
# rejectreason/get's reject_scene per case type (aftersale.md §1.4); 6: the exchange reship
SCENES = {"REFUND": 1, "RETURN": 4, "EXCHANGE": 5}
RESHIP_SCENE = 6


class AfterSaleLookups:
    def __init__(self, engine: Any = None) -> None:
        self.engine = engine
        self._addresses: list[ReturnAddress] | None = None
        self._reasons: list[RejectReason] | None = None
        self._carriers: list[Carrier] | None = None

    @property
    def api(self) -> ApiClient | None:
        return None if self.engine is None else self.engine.api

    def _need_api(self) -> ApiClient:
        if self.api is None:
            raise ApiError(message=OFFLINE)
        return self.api

    async def return_addresses(self) -> list[ReturnAddress]:
        """The addresses that receive returns, the default first."""
        if self._addresses is None:
            self._addresses = await aftersale_api.list_return_addresses(self._need_api())
        return self._addresses

    async def reject_reasons(self, scene: int) -> list[RejectReason]:
        if self._reasons is None:
            self._reasons = await aftersale_api.get_reject_reasons(self._need_api())
        return [r for r in self._reasons if r.scene == scene]

    async def carriers(self) -> list[Carrier]:
        """Carriers for the exchange reship's tracking number."""
        if self._carriers is None:
            self._carriers = await delivery_api.list_carriers(self._need_api())
        return self._carriers

    async def upload_proofs(self, paths: Sequence[str | Path]) -> list[str]:
        """Upload the picked image files; their ids for the answer's ``media_ids``."""
        api = self._need_api()
        found = []
        for path in paths:
            data = Path(path).read_bytes()
            found.append(await media_api.upload_image(api, data, filename=Path(path).name))
        return found
