"""Shop endpoints: basic info (``GET /channels/ec/basics/info/get``)."""

from __future__ import annotations

from .client import ApiClient
from .schemas import ShopInfo, parse_shop_info


async def get_shop_info(client: ApiClient) -> ShopInfo:
    return parse_shop_info(await client.call("/channels/ec/basics/info/get", method="GET"))
