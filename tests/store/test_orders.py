"""Orders: upsert from the server, gift transitions, tabs, one order, local overlays."""

from __future__ import annotations

from dataclasses import replace

from seller_desktop.domain.order import Address, GiftState
from seller_desktop.store.orders import OrderRepo

from .factories import make_order


def upsert(store, orders, now=1_800_000_000):
    return store.writer.write_sync(lambda c: OrderRepo(c).upsert_many(orders, now=now))


def test_round_trip_keeps_the_whole_order(store):
    order = make_order(3, gift=True, status=20)
    upsert(store, [order])
    assert OrderRepo(store.reader()).get(order.order_id) == order
    row = OrderRepo(store.reader()).get_row(order.order_id)
    assert row["tel_last4"] == order.address.tel_last4
    assert row["address_text"] == order.address.one_line()
    assert row["item_count"] == order.item_count and row["ship_by"] == order.ship_by
    assert len(OrderRepo(store.reader()).lines(order.order_id)) == 2


def test_gift_acceptance_and_expiry_are_detected_once(store):
    gifts = [make_order(i, status=12, gift=True, address=False) for i in range(3)]
    first = upsert(store, gifts)
    assert first.new == [g.order_id for g in gifts] and not first.gifts_accepted
    accepted = replace(gifts[0], status=20, update_time=gifts[0].update_time + 100,
                       address=Address("赵**", "139****1234", "北京市", "北京市", "朝阳区", "****"))
    expired = replace(gifts[1], status=250, update_time=gifts[1].update_time + 86400)
    second = upsert(store, [accepted, expired, gifts[2]], now=1_800_000_500)
    assert second.gifts_accepted == [accepted.order_id]
    assert second.gifts_expired == [expired.order_id]
    assert second.unchanged == 1 and sorted(second.changed) == sorted([accepted.order_id, expired.order_id])
    repo = OrderRepo(store.reader())
    acc, exp = repo.get_row(accepted.order_id), repo.get_row(expired.order_id)
    assert (acc["gift_accepted_at"], acc["gift_state"], acc["status"]) == (1_800_000_500, GiftState.ACCEPTED, 20)
    assert (exp["gift_expired_at"], exp["gift_state"], exp["status"]) == (1_800_000_500, GiftState.EXPIRED, 250)
    later = replace(accepted, status=30, update_time=accepted.update_time + 100)
    third = upsert(store, [later], now=1_800_009_999)
    assert third.gifts_accepted == []
    assert repo.get_row(accepted.order_id)["gift_accepted_at"] == 1_800_000_500


def test_tab_counts(store):
    statuses = [20, 20, 20, 12, 21, 30, 30, 100, 190, 200, 250, 10]
    upsert(store, [make_order(i, status=s, gift=s == 12) for i, s in enumerate(statuses)])
    counts = OrderRepo(store.reader()).tab_counts()
    assert counts == {"to_ship": 3, "gift_pending": 1, "partial": 1, "shipped": 2,
                      "completed": 1, "cancelled": 3, "all": 12}


def test_to_ship_puts_the_nearest_deadline_first_and_no_deadline_last(store):
    orders = [make_order(0, ship_by=5_000), make_order(1, ship_by=0), make_order(2, ship_by=3_000),
              make_order(3, ship_by=4_000), make_order(4, status=30, ship_by=1)]
    upsert(store, orders)
    rows = OrderRepo(store.reader()).list_tab("to_ship")
    assert [r["order_id"] for r in rows] == [orders[i].order_id for i in (2, 3, 0, 1)]
    page = OrderRepo(store.reader()).list_tab("to_ship", offset=1, limit=2)
    assert [r["order_id"] for r in page] == [orders[3].order_id, orders[0].order_id]


def test_gift_tab_oldest_first_because_it_expires_first(store):
    upsert(store, [make_order(i, status=12, gift=True, address=False) for i in (5, 1, 3)])
    rows = OrderRepo(store.reader()).list_tab("gift_pending")
    assert [r["order_id"][-1] for r in rows] == ["1", "3", "5"]


def test_changed_order_replaces_lines(store):
    order = make_order(1, lines=3)
    upsert(store, [order])
    upsert(store, [replace(order, lines=order.lines[:1], update_time=order.update_time + 1)])
    assert len(OrderRepo(store.reader()).lines(order.order_id)) == 1


def test_fast_json_is_the_codec_json():
    import json

    from seller_desktop.store.codec import order_to_dict
    from seller_desktop.store.order_rows import order_json

    from .factories import make_parcel

    plain = make_order(1)
    tricky = replace(
        make_order(2, gift=True, address=False), customer_notes='引号"反斜杠\\换行\n\t😀',
        extra={"k": [1, "二"]}, openid="o-1", freight=500, pay_time=7, deliver_method=1)
    shipped = replace(make_order(3, status=30), parcels=(make_parcel(make_order(3), "YT1"),))
    for order in (plain, tricky, shipped):
        assert json.loads(order_json(order)) == json.loads(json.dumps(order_to_dict(order)))


def test_duplicates_in_one_batch_and_stale_copies_keep_the_newest(store):
    order = make_order(9)
    newer = replace(order, status=30, update_time=order.update_time + 50)
    result = upsert(store, [order, newer, order])
    assert result.new == [order.order_id]
    assert OrderRepo(store.reader()).get_row(order.order_id)["status"] == 30
    stale = upsert(store, [order])
    assert stale.unchanged == 1 and not stale.touched
    assert OrderRepo(store.reader()).get_row(order.order_id)["status"] == 30


def test_a_shipment_confirmed_in_the_same_second_replaces_the_local_overlay(store):
    """The status column shows a local ship (30) before the store confirms it; the server's
    copy saying 30 with the same update_time is that confirmation, not "unchanged"."""
    from seller_desktop.store.codec import parcel_to_dict

    from .factories import make_parcel

    order = make_order(5)
    upsert(store, [order])
    parcel = make_parcel(order, "YT555")
    store.writer.write_sync(lambda c: OrderRepo(c).apply_overlay(
        "ship", {"order_id": order.order_id, "parcel": parcel_to_dict(parcel)}))
    assert OrderRepo(store.reader()).get_row(order.order_id)["status"] == 30
    shipped = replace(order, status=30, parcels=(parcel,))  # same second: same update_time
    result = upsert(store, [shipped])
    assert result.changed == [order.order_id]
    assert OrderRepo(store.reader()).get(order.order_id).status == 30  # the server's copy
    assert OrderRepo(store.reader()).get_row(order.order_id)["has_local_changes"] == 0
    assert upsert(store, [shipped]).unchanged == 1  # now it is unchanged
