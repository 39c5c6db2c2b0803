"""The shop's own ship-from addresses (merchant address list, aftersale.md §2.1) as sender
addresses for e-waybills: ``account/get`` often carries no ``sender_address`` (its official
example has none), and the seller then picks one of these."""

from __future__ import annotations

from ..domain.waybill import SenderAddress
from .client import ApiClient
from .schemas.shop_address import parse_ship_from


async def list_ship_from(client: ApiClient, limit: int = 50) -> list[SenderAddress]:
    """The shop's ship-from addresses, the default first (every address when none is marked)."""
    reply = await client.call("/channels/ec/merchant/address/list",
                              {"offset": 0, "limit": int(limit)})
    ids = [str(i) for i in reply.get("address_id_list") or [] if isinstance(i, (str, int))]
    found = [parse_ship_from(await client.call("/channels/ec/merchant/address/get",
                                               {"address_id": i})) for i in ids]
    ship_from = [f for f in found if f[1]] or found
    return [sender for sender, _send, _default in sorted(ship_from, key=lambda f: not f[2])]
