"""Token providers with real clients against FakeLineApi on a FakeClock: renewal, no stampede, 401s.

Every test runs the real client, the real urllib3 transport and the fake LINE API
over loopback; time moves only when the test moves the shared ``FakeClock``.
"""

import asyncio
import logging
import threading

import pytest
from tokens_support import CHANNEL_ID, KID, SECRET, StatusSpy, key_pair, register
from transport_servers import closed_port_url

from linebot_fp import AsyncClient, Client, LineBotApiError
from linebot_fp.api import leave_group, push_message
from linebot_fp.errors import ChannelTokenError
from linebot_fp.models import TextSendMessage
from linebot_fp.testing import FakeClock, FakeLineApi
from linebot_fp.tokens import (
    MemoryTokenCache,
    ShortLivedToken,
    SqliteTokenCache,
    StatelessToken,
    StaticToken,
    V21Token,
)

DAY = 24 * 60 * 60
API_PATH = "/v2/bot/group/G1/leave"
ISSUE_PATHS = {"/oauth2/v3/token", "/v2/oauth/accessToken", "/oauth2/v2.1/token"}


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def api(clock):
    with FakeLineApi(clock=clock) as server:
        register(server)
        yield server


def make(kind, api, clock, **options):
    reach = {"endpoints": api.endpoints, "clock": clock, **options}
    if kind == "stateless":
        return StatelessToken(CHANNEL_ID, SECRET, **reach)
    if kind == "short-lived":
        return ShortLivedToken(CHANNEL_ID, SECRET, **reach)
    if kind == "v2.1-5h":
        return V21Token(CHANNEL_ID, key_pair()[0], KID, lifetime=5 * 3600, **reach)
    assert kind == "v2.1"
    return V21Token(CHANNEL_ID, key_pair()[0], KID, **reach)


def send(client, request):
    """``client.send(request)``, awaited for an AsyncClient."""
    result = client.send(request)
    return asyncio.run(result) if asyncio.iscoroutine(result) else result


def issue_calls(api):
    return sum(1 for r in api.requests if r.path in ISSUE_PATHS)


# -- two simulated days ----------------------------------------------------------------------
# (kind, days skipped after the first token, renewals expected in the two days)
KINDS = [("stateless", 0, None), ("short-lived", 26, 1), ("v2.1-5h", 0, 10), ("v2.1", 26, 1)]


@pytest.mark.parametrize(("kind", "skip_days", "renewals"), KINDS)
def test_a_client_sending_for_two_days_renews_before_expiry_and_never_meets_a_401(
        api, clock, kind, skip_days, renewals):
    spy = StatusSpy(clock)
    provider = make(kind, api, clock)
    client = Client(provider, endpoints=api.endpoints, transport=spy)
    client.send(leave_group("G1"))
    clock.advance(skip_days * DAY)
    first = len(api.tokens.issued)
    end = clock() + 2 * DAY
    while clock() < end:
        client.send(leave_group("G1"))
        clock.advance(5 * 60)
    assert 401 not in spy.statuses()
    issued = {t.token: t for t in api.tokens.issued}
    sends = [seen for seen in spy.seen if seen[1] == API_PATH]
    assert len(sends) == 1 + 2 * DAY // 300
    for _, _, _, token, sent_at in sends:
        # every send carried a token the fake issued, with time to spare
        assert token in issued
        assert issued[token].expires_at - sent_at >= 45
    renewed = len(api.tokens.issued) - first
    if renewals is None:  # stateless: 15 minutes each, due 90 s early: every third send
        assert renewed == pytest.approx(2 * DAY / (15 * 60), abs=1)
    else:
        assert renewed == renewals
    assert all(token.kind == provider.kind for token in api.tokens.issued)


def test_a_token_is_renewed_a_tenth_of_its_life_before_expiry(api, clock):
    provider = make("stateless", api, clock)
    first = provider.current()
    assert first.expires_at - first.issued_at == 900
    clock.advance(900 - 90 - 1)
    assert provider.token() == first.token
    clock.advance(1)
    assert provider.token() != first.token
    assert len(api.tokens.issued) == 2


# -- no stampede -------------------------------------------------------------------------------
def test_16_threads_meeting_an_expired_token_cause_one_issue_call(api, clock):
    provider = make("stateless", api, clock)
    client = Client(provider, endpoints=api.endpoints)
    client.send(leave_group("G1"))
    clock.advance(15 * 60)  # expired
    before = issue_calls(api)
    start = threading.Barrier(16)
    failures = []

    def one_send():
        start.wait(timeout=30)
        try:
            client.send(leave_group("G1"))
        except Exception as error:  # reported below
            failures.append(error)

    threads = [threading.Thread(target=one_send) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not failures
    assert issue_calls(api) - before == 1
    assert sum(1 for r in api.requests if r.path == API_PATH) == 17


def test_100_tasks_meeting_an_expired_token_cause_one_issue_call(api, clock):
    provider = make("v2.1-5h", api, clock)

    async def main():
        client = AsyncClient(provider, endpoints=api.endpoints)
        await client.send(leave_group("G1"))
        clock.advance(5 * 3600)  # expired
        before = issue_calls(api)
        await asyncio.gather(*(client.send(leave_group("G1")) for _ in range(100)))
        return before

    before = asyncio.run(main())
    assert issue_calls(api) - before == 1
    assert sum(1 for r in api.requests if r.path == API_PATH) == 101


def test_16_threads_meeting_a_revoked_token_cause_one_issue_call(api, clock):
    spy = StatusSpy(clock)
    provider = make("short-lived", api, clock)
    client = Client(provider, endpoints=api.endpoints, transport=spy)
    client.send(leave_group("G1"))
    api.tokens.revoke(provider.token())
    before = issue_calls(api)
    start = threading.Barrier(16)

    def one_send():
        start.wait(timeout=30)
        client.send(leave_group("G1"))

    threads = [threading.Thread(target=one_send) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert issue_calls(api) - before == 1
    assert 1 <= spy.statuses().count(401) <= 16  # each thread meets at most one
    assert sum(1 for seen in spy.seen if seen[1] == API_PATH and seen[2] == 200) == 17


# -- 401 answers -------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["short-lived", "v2.1"])
def test_a_revoked_token_is_replaced_after_one_401(api, clock, kind):
    spy = StatusSpy(clock)
    provider = make(kind, api, clock)
    client = Client(provider, endpoints=api.endpoints, transport=spy)
    client.send(push_message("U1", TextSendMessage(text="one")))
    revoked = provider.token()
    api.tokens.revoke(revoked)
    client.send(push_message("U1", TextSendMessage(text="two")))
    pushes = [seen for seen in spy.seen if seen[1] == "/v2/bot/message/push"]
    assert [seen[2] for seen in pushes] == [200, 401, 200]
    assert pushes[1][3] == revoked
    assert pushes[2][3] != revoked
    resent = [r for r in api.requests if r.path == "/v2/bot/message/push"][1:]
    assert resent[0].headers["X-Line-Retry-Key"] == resent[1].headers["X-Line-Retry-Key"]
    assert len(api.tokens.issued) == 2
    assert client.send(leave_group("G1")) is None  # the new token stays in use
    assert spy.statuses().count(401) == 1


def test_a_second_401_is_final(api, clock):
    spy = StatusSpy(clock)
    provider = make("stateless", api, clock)
    client = Client(provider, endpoints=api.endpoints, transport=spy)
    api.on("POST", API_PATH, status=401, json={"message": "Authentication failed."})
    with pytest.raises(LineBotApiError) as caught:
        client.send(leave_group("G1"))
    assert caught.value.status_code == 401
    assert [seen[2] for seen in spy.seen if seen[1] == API_PATH] == [401, 401]
    assert len(api.tokens.issued) == 2  # one refresh, no more
    assert caught.value.request.operation == "leave_group"


@pytest.mark.parametrize("client_class", [Client, AsyncClient])
def test_a_string_token_meets_a_401_once(api, client_class):
    api.on("POST", API_PATH, status=401, json={"message": "Authentication failed."})
    client = client_class("token", endpoints=api.endpoints)
    with pytest.raises(LineBotApiError):
        send(client, leave_group("G1"))
    assert sum(1 for r in api.requests if r.path == API_PATH) == 1


class CountingProvider:
    """A provider of the user's own: token() and refresh() without arguments."""

    def __init__(self):
        self.current = "first-token"
        self.refreshes = 0

    def token(self):
        return self.current

    def refresh(self):
        self.refreshes += 1
        self.current = f"token-{self.refreshes}"
        return self.current


@pytest.mark.parametrize("client_class", [Client, AsyncClient])
def test_any_object_with_token_and_refresh_is_a_provider(api, client_class):
    provider = CountingProvider()
    api.on("POST", API_PATH, status=401, json={"message": "Authentication failed."}, times=1)
    client = client_class(provider, endpoints=api.endpoints)
    send(client, leave_group("G1"))
    sent = [r.headers["Authorization"] for r in api.requests if r.path == API_PATH]
    assert sent == ["Bearer first-token", "Bearer token-1"]
    assert provider.refreshes == 1


def test_a_provider_giving_a_bad_token_is_refused_without_quoting_it(api):
    provider = CountingProvider()
    provider.current = "bad token\n"
    with pytest.raises(ValueError, match="channel_access_token") as caught:
        Client(provider, endpoints=api.endpoints).send(leave_group("G1"))
    assert "bad token" not in str(caught.value)
    assert not any(r.path == API_PATH for r in api.requests)


def test_a_callable_is_still_refused():
    with pytest.raises(ValueError, match="token provider"):
        Client(lambda: "token")


# -- failures to issue -------------------------------------------------------------------------
@pytest.mark.parametrize("client_class", [Client, AsyncClient])
def test_a_refused_issue_raises_a_clear_error_and_sends_nothing(api, clock, client_class):
    provider = StatelessToken(CHANNEL_ID, "wrong-secret", endpoints=api.endpoints, clock=clock)
    client = client_class(provider, endpoints=api.endpoints)
    with pytest.raises(ChannelTokenError) as caught:
        send(client, leave_group("G1"))
    error = caught.value
    assert (error.status_code, error.error, error.channel_id, error.action, error.kind) == \
        (400, "invalid_client", CHANNEL_ID, "issue", "stateless")
    assert CHANNEL_ID in str(error)
    assert "invalid_client" in str(error)
    assert "wrong-secret" not in str(error)
    assert "wrong-secret" not in repr(error)
    assert error.request.operation == "leave_group"
    assert not any(r.path == API_PATH for r in api.requests)


def test_no_answer_from_the_token_endpoint_raises_a_clear_error(clock):
    provider = StatelessToken(CHANNEL_ID, SECRET, endpoints={"api": closed_port_url()},
                              clock=clock, timeout=2.0)
    with pytest.raises(ChannelTokenError, match="no usable answer") as caught:
        provider.token()
    assert caught.value.status_code is None
    assert CHANNEL_ID in str(caught.value)


def test_a_failed_renewal_keeps_the_token_until_it_expires_then_raises(api, clock, caplog):
    provider = make("stateless", api, clock)
    first = provider.token()
    clock.advance(900 - 80)  # due
    api.on("POST", "/oauth2/v3/token", status=500, json={"message": "down"})
    with caplog.at_level(logging.WARNING, logger="linebot_fp"):
        assert provider.token() == first  # still good for 80 s: used, with a warning
    assert "stays in use" in caplog.text
    assert first not in caplog.text
    calls = issue_calls(api)
    assert provider.token() == first  # no new try within RETRY_RENEWAL_SECONDS
    assert issue_calls(api) == calls
    clock.advance(40)  # 40 s left: less than half the margin, no longer sent
    with pytest.raises(ChannelTokenError, match="500"):
        provider.token()
    api.reset()
    register(api)
    assert provider.token() != first  # LINE is back


def test_a_forced_refresh_that_fails_raises(api, clock):
    provider = make("stateless", api, clock)
    provider.token()
    api.on("POST", "/oauth2/v3/token", status=400,
           json={"error": "invalid_client", "error_description": "nope"})
    with pytest.raises(ChannelTokenError, match="invalid_client: nope"):
        provider.refresh()


# -- many channels, one cache -----------------------------------------------------------------
@pytest.mark.parametrize("cache_kind", ["memory", "sqlite"])
def test_one_cache_serves_many_channels(api, clock, tmp_path, cache_kind):
    cache = MemoryTokenCache() if cache_kind == "memory" else SqliteTokenCache(
        tmp_path / "tokens.db")
    channels = [str(1000 + n) for n in range(3)]
    for channel_id in channels:
        register(api, channel_id, f"secret-{channel_id}")
    clients = {channel_id: Client(StatelessToken(channel_id, f"secret-{channel_id}",
                                                 cache=cache, endpoints=api.endpoints,
                                                 clock=clock), endpoints=api.endpoints)
               for channel_id in channels}
    for client in clients.values():
        client.send(leave_group("G1"))
    by_channel = {t.channel_id: t.token for t in api.tokens.issued}
    assert sorted(by_channel) == channels
    for channel_id in channels:
        assert cache.get(f"{channel_id}:stateless").token == by_channel[channel_id]
    sent = {r.headers["Authorization"] for r in api.requests if r.path == API_PATH}
    assert sent == {f"Bearer {token}" for token in by_channel.values()}


def test_providers_sharing_a_cache_issue_once(api, clock):
    cache = MemoryTokenCache()
    one, two = (make("short-lived", api, clock, cache=cache) for _ in range(2))
    assert one.token() == two.token()
    assert len(api.tokens.issued) == 1


def test_a_refresh_with_the_stale_token_takes_a_newer_one_from_the_cache(api, clock):
    cache = MemoryTokenCache()
    one, two = (make("short-lived", api, clock, cache=cache) for _ in range(2))
    stale = one.token()
    assert two.token() == stale
    fresh = one.refresh(stale=stale)
    assert two.refresh(stale=stale) == fresh  # taken, not issued again
    assert len(api.tokens.issued) == 2
    assert two.refresh() != fresh  # without stale: forced


def test_static_token_never_changes():
    provider = StaticToken("abc")
    assert provider.token() == provider.refresh() == "abc"
    assert asyncio.run(provider.atoken()) == asyncio.run(provider.arefresh()) == "abc"
    with pytest.raises(ValueError, match="whitespace"):
        StaticToken("abc\n")


def test_revoke_forgets_the_current_token(api, clock):
    provider = make("short-lived", api, clock)
    first = provider.token()
    provider.revoke()
    assert not api.tokens.valid(first)
    assert provider.token() != first
    v21 = make("v2.1", api, clock)
    token = v21.token()
    assert v21.key_ids() == (v21.current().key_id,)
    v21.revoke(channel_secret=SECRET)
    assert not api.tokens.valid(token)
    assert v21.key_ids() == ()
    with pytest.raises(ChannelTokenError, match="invalid_client"):
        v21.revoke(v21.token(), channel_secret="wrong")


@pytest.mark.parametrize(("arguments", "message"), [
    (("", SECRET), "channel_id"), (("12 34", SECRET), "channel_id"), ((None, SECRET), "channel_id"),
    ((CHANNEL_ID, ""), "channel_secret"), ((CHANNEL_ID, None), "channel_secret"),
])
def test_bad_arguments_are_named(arguments, message):
    with pytest.raises(ValueError, match=message):
        StatelessToken(*arguments)
