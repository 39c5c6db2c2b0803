"""Wire → domain for the merchant address detail used as an e-waybill sender address."""

from __future__ import annotations

from ...domain.waybill import SenderAddress
from ._wire import Wire, obj, opt_int, opt_obj, opt_str


def parse_ship_from(reply: Wire) -> tuple[SenderAddress, bool, bool]:
    """``address/get`` → (the address as a sender, is a ship-from one, is the default one)."""
    where = "reply.address_detail"
    d = obj(reply.get("address_detail"), where)
    info = opt_obj(d, "address_info", where)
    iw = f"{where}.address_info"
    address = " ".join(x for x in (opt_str(info, "detail_info", iw),
                                   opt_str(info, "house_number", iw)) if x)
    sender = SenderAddress(name=opt_str(info, "user_name", iw),
                           mobile=opt_str(info, "tel_number", iw),
                           province=opt_str(info, "province_name", iw),
                           city=opt_str(info, "city_name", iw),
                           county=opt_str(info, "county_name", iw), address=address)
    return sender, bool(opt_int(d, "send_addr", where)), bool(opt_int(d, "default_send", where))
