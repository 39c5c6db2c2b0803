"""The shipping guard's one rule, ``may_ship``, on its own (pure: no store, no network)."""

from __future__ import annotations

from dataclasses import replace

from seller_desktop.domain import guard
from seller_desktop.domain.aftersale import AfterSaleCase, BuyerRequest, status_info, tab_of
from seller_desktop.domain.order import Address, Order, OrderLine

ADDRESS = Address("王**", "133****6868", "广东省", "深圳市", "南山区", "****")
ORDER = Order("37001", 20, 1, 1, (OrderLine("p1", "s1", "T恤", 1, 100, 100),),
              address=ADDRESS)


def test_a_plain_paid_order_may_ship() -> None:
    assert guard.may_ship(ORDER) == guard.SHIP_OK


def test_order_state_reasons_come_first() -> None:
    assert guard.may_ship(replace(ORDER, status=12)).code == guard.GIFT_NOT_ACCEPTED
    assert guard.may_ship(replace(ORDER, status=200)).code == guard.CANCELLED
    assert guard.may_ship(replace(ORDER, status=30)).code == guard.SHIPPED
    assert guard.may_ship(replace(ORDER, address=None)).code == guard.NO_ADDRESS


def test_open_cases_hold_closed_or_rejected_ones_do_not() -> None:
    case = AfterSaleCase("c1", "37001", "REFUND", "MERCHANT_PROCESSING")
    held = guard.may_ship(ORDER, [case])
    assert not held.ok and held.held and held.code == guard.AFTERSALE_OPEN and held.remedy
    for status in ("USER_CANCELD", "MERCHANT_REJECT_REFUND", "MERCHANT_EXCHANGE_SUCCESS"):
        assert guard.may_ship(ORDER, [replace(case, status=status)]).ok, status
    assert guard.may_ship(ORDER, [replace(case, order_id="other")]).ok  # another order's
    # a status this version does not know holds (it may be an open case)
    assert guard.may_ship(ORDER, [replace(case, status="NEW_STATUS_2027")]).held
    assert tab_of("NEW_STATUS_2027") == "others" and status_info("NEW_STATUS_2027").holds


def test_the_server_side_signals_hold_without_a_cached_case() -> None:
    assert guard.may_ship(replace(ORDER, extra={"holds": {"open_cases": 1}})).code == \
        guard.AFTERSALE_OPEN
    assert guard.may_ship(replace(ORDER, extra={"holds": {"address_review": "湖北省"}})).code \
        == guard.ADDRESS_CHANGE
    assert guard.may_ship(replace(ORDER, extra={"holds": {"sku_change_waiting": True}})).code \
        == guard.SKU_CHANGE


def test_pending_requests_hold_answered_ones_do_not() -> None:
    assert guard.may_ship(ORDER, requests=[BuyerRequest("37001", "sku")]).code == guard.SKU_CHANGE
    assert guard.may_ship(ORDER, requests=[BuyerRequest("37001", "address", "accepted")]).ok


def test_a_label_printed_for_another_address_is_not_used() -> None:
    key = guard.address_key(ADDRESS)
    assert guard.may_ship(ORDER, label_address=key).ok
    moved = replace(ORDER, address=replace(ADDRESS, province="湖北省"))
    verdict = guard.may_ship(moved, label_address=key)
    assert verdict.code == guard.LABEL_ADDRESS_CHANGED and "重新取号" in verdict.remedy
    assert ADDRESS.tel_number not in key and len(key) == 16  # a fingerprint, not the address
