"""Wire dicts ↔ domain objects: the only place that knows the API's field names.

Split by concern: ``products`` (products, stock, shop info, images), ``orders`` (orders,
addresses, id pages), ``logistics`` (carriers, delivery/send, e-waybills); ``_wire`` holds the
typed readers. Parsing is tolerant (unknown fields ignored, optional ones defaulted, ids as
strings or numbers → str) and strict about types: a required field missing or of the wrong
type raises ``MalformedResponse`` for that call only.

Endpoint modules name their own request parameters (``product_id``, ``page_size``…); every
entity shape (product, order, address, parcel, waybill) is built and read here.
"""

from .logistics import (
    BatchPrintResult,
    Carrier,
    CreatedWaybill,
    EwaybillCarriers,
    LabelTemplate,
    WaybillGoods,
    delivery_list_body,
    ewaybill_order_body,
    parse_accounts,
    parse_batch_print,
    parse_carriers,
    parse_created_waybill,
    parse_ewaybill_carriers,
    parse_precreated_id,
    parse_print_info,
    parse_template_config,
    parse_waybill,
)
from .orders import (
    OrderIdPage,
    parse_address,
    parse_decoded_address,
    parse_order,
    parse_order_id_page,
    parse_order_reply,
    parse_search_page,
    parse_sub_order_ids,
)
from .products import (
    ProductCopies,
    ProductIdPage,
    ShopInfo,
    StockInfo,
    parse_product,
    parse_product_copies,
    parse_product_id_page,
    parse_shop_info,
    parse_stock,
    parse_uploaded_image_url,
    parse_written_product_id,
    product_body,
)

__all__ = [
    "BatchPrintResult", "Carrier", "CreatedWaybill", "EwaybillCarriers", "LabelTemplate",
    "OrderIdPage", "ProductCopies", "ProductIdPage", "ShopInfo", "StockInfo", "WaybillGoods",
    "delivery_list_body", "ewaybill_order_body", "parse_accounts", "parse_address",
    "parse_batch_print", "parse_carriers", "parse_created_waybill", "parse_decoded_address",
    "parse_ewaybill_carriers", "parse_order", "parse_order_id_page", "parse_order_reply",
    "parse_precreated_id", "parse_print_info", "parse_product", "parse_product_copies",
    "parse_product_id_page", "parse_search_page", "parse_shop_info", "parse_stock",
    "parse_sub_order_ids", "parse_template_config", "parse_uploaded_image_url", "parse_waybill",
    "parse_written_product_id", "product_body",
]
