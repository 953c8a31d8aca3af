"""FakeLineApi's token endpoints: LINE's answer shapes, lifetimes on the clock, 401s."""

import json

import pytest
from spec_support import facts_and_schema_errors
from tokens_support import CHANNEL_ID, SECRET, register

from linebot_fp import Client, LineBotApiError
from linebot_fp.api import channel_token, get_profile, leave_group, push_message
from linebot_fp.models import TextSendMessage
from linebot_fp.testing import FakeClock, FakeLineApi
from linebot_fp.testing.fake_tokens import UNAUTHORIZED
from linebot_fp.tokens.calls import Reach, call


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def api(clock):
    with FakeLineApi(clock=clock) as server:
        register(server)
        yield server


SCHEMAS = [
    (lambda: channel_token.issue_channel_token(CHANNEL_ID, SECRET),
     "IssueShortLivedChannelAccessTokenResponse", 2592000),
    (lambda: channel_token.issue_stateless_channel_token(client_id=CHANNEL_ID,
                                                         client_secret=SECRET),
     "IssueStatelessChannelAccessTokenResponse", 900),
]


@pytest.mark.parametrize(("build", "schema", "lifetime"), SCHEMAS)
def test_issue_answers_as_the_specification_says(api, clock, build, schema, lifetime):
    from urllib3 import request as http

    request = build()
    answer = http(request.method, api.url + request.path, body=request.body,
                  headers=dict(request.headers))
    data = json.loads(answer.data)
    assert answer.status == 200
    assert facts_and_schema_errors("channel-access-token")(data, schema) == []
    assert data["expires_in"] == lifetime
    assert data["token_type"] == "Bearer"
    issued = api.tokens.issued[-1]
    assert issued.expires_at - issued.issued_at == lifetime
    assert issued.issued_at == clock()


def verify(api, token, v21=False):
    build = channel_token.verify_channel_access_token_v2_1 if v21 \
        else channel_token.verify_channel_token
    return call(Reach(api.endpoints), build(token), action="verify", kind="x", channel_id="-")


def issue(api):
    return call(Reach(api.endpoints), channel_token.issue_channel_token(CHANNEL_ID, SECRET),
                action="issue", kind="short-lived", channel_id=CHANNEL_ID).access_token


def test_verify_counts_down_on_the_clock_and_refuses_once_expired(api, clock):
    token = issue(api)
    clock.advance(1000)
    answer = verify(api, token)
    assert (answer.client_id, answer.expires_in, answer.scope) == (CHANNEL_ID, 2592000 - 1000,
                                                                  "P CM")
    clock.advance(2592000)
    with pytest.raises(Exception, match="access token expired"):
        verify(api, token)
    with pytest.raises(Exception, match="invalid access token"):
        verify(api, token, v21=True)  # a v2 token is not a v2.1 one


@pytest.mark.parametrize("request_", [
    lambda: get_profile("U1"), lambda: leave_group("G1"),
    lambda: push_message("U1", TextSendMessage(text="hi")),
], ids=["get", "post", "keyed-post"])
def test_every_endpoint_answers_401_to_an_expired_or_revoked_token(api, clock, request_):
    token = issue(api)
    client = Client(token, endpoints=api.endpoints, retry=None)
    api.on("GET", "/v2/bot/profile/U1", json={"userId": "U1", "displayName": "Ann"})
    client.send(request_())
    api.tokens.revoke(token)
    with pytest.raises(LineBotApiError) as caught:
        client.send(request_())
    assert caught.value.status_code == 401
    assert json.loads(caught.value.body) == UNAUTHORIZED
    other = issue(api)
    clock.advance(30 * 24 * 3600)
    with pytest.raises(LineBotApiError, match="Authentication failed"):
        Client(other, endpoints=api.endpoints, retry=None).send(request_())


def test_a_token_the_fake_never_issued_stays_valid(api, clock):
    clock.advance(365 * 24 * 3600)
    assert api.tokens.valid("token")
    assert Client("token", endpoints=api.endpoints).send(leave_group("G1")) is None


def test_past_30_short_lived_tokens_the_oldest_is_revoked(api):
    tokens = [issue(api) for _ in range(31)]
    assert not api.tokens.valid(tokens[0])
    assert all(api.tokens.valid(token) for token in tokens[1:])


def test_the_tests_on_rules_come_before_the_token_endpoints(api):
    api.on("POST", "/v2/oauth/accessToken", json={"access_token": "scripted",
                                                  "expires_in": 5, "token_type": "Bearer"})
    assert issue(api) == "scripted"
    assert api.tokens.issued == []


def test_revoking_a_stateless_token_does_nothing(api):
    token = call(Reach(api.endpoints), channel_token.issue_stateless_channel_token(
        client_id=CHANNEL_ID, client_secret=SECRET), action="issue", kind="stateless",
        channel_id=CHANNEL_ID).access_token
    call(Reach(api.endpoints), channel_token.revoke_channel_token(token), action="revoke",
         kind="stateless", channel_id=CHANNEL_ID)
    assert api.tokens.valid(token)  # "can not be revoked until it naturally expires"


def test_add_channel_takes_a_key_and_its_kid_together(api):
    with pytest.raises(ValueError, match="together"):
        api.tokens.add_channel("1", kid="k")
