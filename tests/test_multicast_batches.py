"""A multicast to any number of users: keyed requests of at most 500, each accepted once."""

import uuid
from collections import Counter

import pytest

from linebot_fp import Client, LineBotError, RetryPolicy
from linebot_fp.api import multicast
from linebot_fp.api.batches import MAX_RECIPIENTS, multicast_batches
from linebot_fp.errors import InvalidInputError
from linebot_fp.limits import quota
from linebot_fp.models import TextSendMessage
from linebot_fp.testing import ALL_FAULTS, FakeLineApi, Fault
from linebot_fp.transport import Urllib3Transport

HI = TextSendMessage(text="hi")
KEY = uuid.UUID("6f1c2a8e-9b3d-4e5f-8a7b-1c2d3e4f5a6b")


def users(count):
    return [f"U{n:032x}" for n in range(count)]


def key_of(request):
    return request.headers["X-Line-Retry-Key"]


def test_10000_users_make_20_keyed_requests_of_500_in_order():
    batches = multicast_batches(users(10_000), HI, retry_key=KEY)
    assert len(batches) == 20
    assert [len(b.to_dict()["body"]) > 0 for b in batches] == [True] * 20
    recipients = [user for batch in batches for user in _to(batch)]
    assert recipients == users(10_000)
    assert {len(_to(batch)) for batch in batches} == {MAX_RECIPIENTS}
    assert len({key_of(batch) for batch in batches}) == 20
    assert all(batch.operation == "multicast" for batch in batches)
    first = batches[0]
    assert first.body == multicast(users(500), HI).body  # exactly the builder's request


def test_the_same_arguments_and_key_give_the_same_keys_for_a_rerun():
    again = multicast_batches(users(1200), HI, retry_key=str(KEY).upper())
    assert again == multicast_batches(users(1200), HI, retry_key=KEY)
    fresh = [multicast_batches(users(1200), HI) for _ in range(2)]
    assert {key_of(b) for b in fresh[0]}.isdisjoint({key_of(b) for b in fresh[1]})
    assert all(uuid.UUID(key_of(b)) for b in fresh[0])


def test_a_batch_that_changed_gets_a_new_key_the_others_keep_theirs():
    before = multicast_batches(users(1000), HI, retry_key=KEY)
    changed = multicast_batches([*users(500), "Uchanged", *users(1000)[501:]], HI, retry_key=KEY)
    assert key_of(before[0]) == key_of(changed[0])
    assert key_of(before[1]) != key_of(changed[1])
    other_text = multicast_batches(users(1000), TextSendMessage(text="ho"), retry_key=KEY)
    assert {key_of(b) for b in before}.isdisjoint({key_of(b) for b in other_text})


def test_each_user_gets_the_messages_once_and_size_sets_the_batches():
    batches = multicast_batches(iter(["U1", "U2", "U1", "U3", "U2"]), HI, size=2, retry_key=KEY)
    assert [_to(batch) for batch in batches] == [["U1", "U2"], ["U3"]]
    assert len(multicast_batches(users(501), HI)) == 2
    assert len(multicast_batches(["U1"], HI)) == 1


def test_the_options_reach_every_batch():
    batches = multicast_batches(users(3), HI, notification_disabled=True,
                                custom_aggregation_units="campaign_1", size=2)
    for batch in batches:
        body = batch.to_dict()["body"]
        assert '"notificationDisabled":true' in body
        assert '"customAggregationUnits":["campaign_1"]' in body


@pytest.mark.parametrize(("arguments", "match"), [
    ({"to": "U1"}, "to must be a list"),
    ({"to": []}, "to takes at least 1"),
    ({"to": ["U1", ""]}, r"to\[1\]"),
    ({"to": ["U1", 7]}, r"to\[1\]"),
    ({"messages": []}, "messages takes 1 to 5"),
    ({"retry_key": "not-a-uuid"}, "retry_key must be a UUID"),
    ({"size": 0}, "size"),
    ({"size": 501}, "size"),
    ({"size": 2.5}, "size"),
])
def test_bad_input_is_refused_naming_the_parameter(arguments, match):
    call = {"to": ["U1"], "messages": HI, **arguments}
    with pytest.raises(InvalidInputError, match=match):
        multicast_batches(**call)


def _to(request):
    import json

    return json.loads(request.body)["to"]


def test_a_multicast_to_10000_users_is_accepted_once_per_batch_under_faults():
    batches = multicast_batches(users(10_000), HI, retry_key=KEY)
    with FakeLineApi() as api:
        api.set_quota(None)
        api.inject_faults(0.4, seed=5, kinds=ALL_FAULTS, delay=1.5)  # seed 5 plays every kind
        client = Client("token", endpoints=api.endpoints, transport=Urllib3Transport(),
                        timeout=1.0, sleep=lambda seconds: None,
                        retry=RetryPolicy(max_attempts=3, backoff=0.0))
        settled = 0
        for batch in batches:
            for _ in range(20):  # send again (the error's .request) until it is settled
                try:
                    client.send(batch)
                    settled += 1
                    break
                except LineBotError as error:
                    resend = error.request
                if resend != batch:
                    raise AssertionError("the error does not carry the request as sent")
            else:
                raise AssertionError("a batch never settled")
        api.inject_faults(0)
        used = quota(client).used
        kinds = Counter(kind for kind, _ in api.faults)
    assert settled == 20
    accepted = [r for r in api.accepted if r.path == "/v2/bot/message/multicast"]
    per_key = Counter(r.headers["X-Line-Retry-Key"] for r in accepted)
    assert set(per_key) == {key_of(batch) for batch in batches}
    assert set(per_key.values()) == {1}  # each batch accepted exactly once
    delivered = Counter(user for r in accepted for user in r.json()["to"])
    assert set(delivered) == set(users(10_000))
    assert set(delivered.values()) == {1}
    assert used == 10_000  # LINE counts each recipient once
    assert {Fault.DROP_AFTER_ACCEPT, Fault.SLOW_ANSWER, Fault.STATUS_429} <= set(kinds)
    assert len(api.requests) > 20 + 2
