"""Wire → domain for after-sale cases and the order-side hold signals: tolerant of absence and
of ids as numbers, strict about types (a malformed reply is a MalformedResponse)."""

from __future__ import annotations

import pytest

from seller_desktop.api.errors import MalformedResponse
from seller_desktop.api.schemas import parse_order
from seller_desktop.api.schemas.aftersale import parse_case_id_page, parse_case_reply

CASE = {"after_sale_order_id": 2000000234115377, "order_id": "3704612354438580992",
        "status": "MERCHANT_PROCESSING", "type": "RETURN", "deadline": 172800,
        "product_info": {"product_id": 1, "sku_id": "2", "count": 1},
        "refund_info": {"amount": 1990, "refund_reason": 3},
        "details": {"desc": "尺码不合适", "prove_imgs": ["m1", "m2"], "receive_product": True},
        "return_info": {"delivery_id": "SF", "waybill_id": "SF1"},
        "reason": "10000000", "reason_text": "不想要了", "create_time": 1, "update_time": 2,
        "refund_resp": {"code": "", "ret": 0}}


def test_a_case_reads_with_ids_as_numbers_and_old_proof_field() -> None:
    case = parse_case_reply({"after_sale_order": CASE})
    assert case.case_id == "2000000234115377" and case.product_id == "1"
    assert case.amount == 1990 and case.deadline == 172800 and case.buyer_received
    assert case.proof_media == ("m1", "m2") and case.return_parcel.waybill_id == "SF1"
    assert case.actor == "seller" and case.tab == "seller" and case.holds
    assert case.extra["refund_resp"] == {"code": "", "ret": 0}


@pytest.mark.parametrize("broken", [
    {**CASE, "status": 5}, {**CASE, "refund_info": {"amount": "19.90"}},
    {**CASE, "after_sale_order_id": None}, {**CASE, "details": []},
    {**CASE, "deadline": 1.5}])
def test_a_malformed_case_is_a_malformed_response(broken: dict) -> None:
    with pytest.raises(MalformedResponse):
        parse_case_reply({"after_sale_order": broken})


def test_a_list_page_and_its_errors() -> None:
    page = parse_case_id_page({"after_sale_order_id_list": ["1", 2], "has_more": True,
                               "next_key": "k"})
    assert page.ids == ["1", "2"] and page.has_more and page.next_key == "k"
    with pytest.raises(MalformedResponse):
        parse_case_id_page({"after_sale_order_id_list": "1,2"})


def test_order_hold_signals_are_kept_under_the_apps_own_keys() -> None:
    order = parse_order({
        "order_id": "37001", "status": 20,
        "aftersale_detail": {"on_aftersale_order_cnt": 1},
        "order_detail": {
            "product_infos": [{"product_id": "1", "sku_id": "2", "sku_cnt": 2,
                               "on_aftersale_sku_cnt": 1,
                               "change_sku_info": {"preshipment_change_sku_state": 3}}],
            "delivery_info": {"address_under_review": {"province_name": "湖北省",
                                                       "city_name": "武汉市"},
                              "address_apply_time": 99}}})
    assert order.extra["holds"] == {"open_cases": 1, "lines_in_case": 1,
                                    "address_review": "湖北省武汉市", "address_apply_time": 99,
                                    "sku_change_waiting": True}
    plain = parse_order({"order_id": "37002", "status": 20})
    assert "holds" not in plain.extra


def _case_with(path: tuple[str, ...], value: object) -> dict:
    case = {k: (dict(v) if isinstance(v, dict) else v) for k, v in CASE.items()}
    target = case
    for key in path[:-1]:
        target = target.setdefault(key, {})
    target[path[-1]] = value
    return case


@pytest.mark.parametrize("path, value", [
    (("details", "desc"), "述" * 1001),
    (("details", "media_id_list"), ["m"] * 51),
    (("merchant_upload_info", "reject_reason"), "拒" * 1001),
    (("merchant_upload_info", "refund_certificates"), ["c"] * 51),
    (("create_time",), 2**64 - 1),
    (("update_time",), -1),
    (("brand_new_field",), "x" * (300 * 1024)),
], ids=lambda v: str(v)[:30])
def test_an_oversized_or_out_of_range_case_field_is_a_malformed_reply(path, value) -> None:
    """The same caps as an order's (issue 13 item 5): a hostile reply cannot fill the cache."""
    assert parse_case_reply({"after_sale_order": _case_with(path[:-1] + ("ok",), 1)})
    with pytest.raises(MalformedResponse):
        parse_case_reply({"after_sale_order": _case_with(path, value)})
