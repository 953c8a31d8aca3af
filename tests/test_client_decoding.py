"""Every response model decoded end to end: FakeLineApi answers, Client.send decodes.

The samples (JSON written from the spec's response schemas, and the model each
one must become) are shared with the codec-level tests of each API family.
"""

import pytest
from response_samples_messaging import SAMPLES as MESSAGING_SAMPLES
from response_samples_other import SAMPLES as OTHER_SAMPLES

import linebot_fp.api  # noqa: F401  (registers every builder's answer)
from linebot_fp.client import Client
from linebot_fp.request import Request
from linebot_fp.testing import FakeLineApi

CASES = [
    pytest.param(s.operation, 200, s.body, s.headers, s.expected, id=f"{s.operation}-{n}")
    for n, s in enumerate(MESSAGING_SAMPLES)
] + [
    pytest.param(operation, status, body, {}, expected, id=f"{operation}-{n}")
    for n, (operation, status, body, expected) in enumerate(OTHER_SAMPLES)
]


@pytest.fixture(scope="module")
def api():
    with FakeLineApi(request_ids=False) as server:  # the samples say which ids come back
        yield server


@pytest.mark.parametrize(("operation", "status", "body", "headers", "expected"), CASES)
def test_client_send_decodes_the_answer(api, operation, status, body, headers, expected):
    api.reset()
    api.on(None, None, status=status, json=body, headers=headers)
    client = Client("token", endpoints=api.endpoints, retry=None)
    request = Request(operation=operation, method="GET", base="api", path="/answer")
    assert client.send(request) == expected


def test_every_registered_answer_has_an_end_to_end_sample():
    from linebot_fp.api._registry import BINARY, RESPONSES

    sampled = {s.operation for s in MESSAGING_SAMPLES} | {s[0] for s in OTHER_SAMPLES}
    missing = sorted(op for op, answer in RESPONSES.items() if answer != BINARY
                     and op not in sampled)
    assert missing == []
