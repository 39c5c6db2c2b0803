"""After-sale intents without a network: each answer is a local change + one outbox row, checked
against the cached case; and the guard's sibling paths (self-arranged shipping, waybill jobs)
refuse an order a case or a buyer request holds."""

from __future__ import annotations

import pytest

from seller_desktop.domain.aftersale import AfterSaleCase
from seller_desktop.domain.validation import ValidationFailed
from seller_desktop.ops import aftersale as ops
from seller_desktop.ops import orders as order_ops
from seller_desktop.ops import shipping
from seller_desktop.store import outbox
from seller_desktop.store.aftersale import CaseRepo, RequestRepo

from .test_order_ops import ACCOUNT


def _open_case(store, order_id: str, status: str = "MERCHANT_PROCESSING",
               kind: str = "REFUND") -> AfterSaleCase:
    case = AfterSaleCase("2000000000000009", order_id, kind, status, 1, 1, amount=500)
    store.writer.write_sync(lambda c: CaseRepo(c).upsert_many([case], 1))
    return case


def test_a_held_order_cannot_be_shipped_by_hand_or_given_a_waybill(store, pulled):
    order = pulled[1][0]
    _open_case(store, order.order_id)
    with pytest.raises(ValidationFailed, match="售后"):
        order_ops.mark_shipped_sync(store, order.order_id, "SF", "SF0001")
    with pytest.raises(ValidationFailed, match="售后"):
        shipping.create_waybill_jobs_sync(store, [order.order_id], ACCOUNT)
    assert outbox.open_rows(store.reader(), "order", order.order_id) == []


def test_a_pending_address_change_holds_self_arranged_shipping(store, pulled):
    order = pulled[1][0]
    store.writer.write_sync(lambda c: RequestRepo(c)._open(order.order_id, "address", 1))
    with pytest.raises(ValidationFailed, match="修改地址"):
        order_ops.mark_shipped_sync(store, order.order_id, "SF", "SF0001")


def test_answers_are_checked_against_the_cached_case(store, pulled):
    order = pulled[1][0]
    case = _open_case(store, order.order_id, kind="RETURN")
    with pytest.raises(ValidationFailed, match="退货地址"):
        ops.accept_sync(store, case.case_id)
    with pytest.raises(ValidationFailed, match="拒绝原因"):
        ops.reject_sync(store, case.case_id, 0)
    ops.accept_sync(store, case.case_id, address_id="addr-1")
    (row,) = outbox.open_rows(store.reader(), "aftersale", case.case_id)
    assert row.payload == {"case_id": case.case_id, "order_id": order.order_id,
                           "from_status": "MERCHANT_PROCESSING", "address_id": "addr-1",
                           "accept_type": None}
    with pytest.raises(ValidationFailed, match="待同步"):
        ops.reject_sync(store, case.case_id, 6)
    with pytest.raises(ValidationFailed, match="不存在"):
        ops.accept_sync(store, "404")


def test_a_closed_case_takes_no_answer(store, pulled):
    case = _open_case(store, pulled[1][0].order_id, status="MERCHANT_REFUND_SUCCESS")
    with pytest.raises(ValidationFailed, match="退款完成"):
        ops.accept_sync(store, case.case_id)
    assert outbox.open_rows(store.reader(), "aftersale", case.case_id) == []
