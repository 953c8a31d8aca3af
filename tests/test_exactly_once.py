"""Exactly once, end to end: 500 pushes through a FakeLineApi that fails about a third of
the attempts in every way it knows, sent with the default RetryPolicy by the loop the README
shows (resend ``error.request`` when a send raises). Every message is accepted exactly once.
"""

import json
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from linebot_fp.api import push_message
from linebot_fp.client import Client
from linebot_fp.errors import LineBotApiError, TransportError
from linebot_fp.models import TextSendMessage
from linebot_fp.testing import ALL_FAULTS, FakeLineApi

PUSHES = 500
FAULT_RATE = 0.35
TIMEOUT = 0.4
SLOW = 1.0  # a late answer comes after the client stopped waiting
MAX_SENDS = 20  # bounded: a message that needs more resends than this fails the test


def deliver(client, request):
    """Send ``request`` until it is answered; return (answer, how many sends it took)."""
    for sends in range(1, MAX_SENDS + 1):
        try:
            return client.send(request), sends
        except (LineBotApiError, TransportError) as error:
            request = error.request  # as attempted, retry key included: safe to send again
    raise AssertionError(f"not delivered after {MAX_SENDS} sends: {request}")


def test_500_pushes_through_a_third_of_faults_are_each_accepted_exactly_once():
    with FakeLineApi() as api:
        api.inject_faults(FAULT_RATE, kinds=ALL_FAULTS, seed=2024, delay=SLOW)
        api.on("POST", "/v2/bot/message/push",
               json={"sentMessages": [{"id": "1", "quoteToken": "q"}]})
        client = Client("token", endpoints=api.endpoints, timeout=TIMEOUT)  # default RetryPolicy
        texts = [f"message {n}" for n in range(PUSHES)]
        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(
                lambda text: deliver(client, push_message("U1", TextSendMessage(text=text))),
                texts))
        elapsed = time.monotonic() - started
        attempts, faults = len(api.requests), Counter(kind.name for kind, _ in api.faults)
        delivered = Counter(json.loads(r.body)["messages"][0]["text"] for r in api.accepted)
        keys = [r.headers.get("X-Line-Retry-Key") for r in api.accepted]
        accepted_ids = {r.request_id for r in api.accepted}
        conflicts = sum(1 for r in api.requests
                        if r.fault is None and r.request_id not in accepted_ids)
    resends = sum(sends - 1 for _, sends in results)
    print(f"\n{PUSHES} pushes: {attempts} attempts, {sum(faults.values())} faults "
          f"({dict(sorted(faults.items()))}), {conflicts} answered 409 'already accepted', "
          f"{resends} resends of error.request, {elapsed:.1f} s")

    assert delivered == Counter(texts)  # every message accepted, none twice
    assert all(keys)
    assert len(set(keys)) == PUSHES  # one key per message, reused by its retries and resends
    assert all(answer.sent_messages[0].id == "1" for answer, _ in results)  # 409s answer too
    assert set(faults) == {kind.name for kind in ALL_FAULTS}
    assert 0.25 < sum(faults.values()) / attempts < 0.45  # roughly a third of the attempts
    assert conflicts > 0  # answers were lost after acceptance, and resends met 409
