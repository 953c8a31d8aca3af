"""The channel access token never shows: not in a repr, a message, a log record or a traceback.

Every public object a send touches is collected from real sends to
``FakeLineApi`` (and to hostile servers) for each way a send can end, then each
one's ``repr`` and ``str`` (and, for errors, the whole formatted traceback chain)
is searched for the token's text.
"""

import asyncio
import logging
import traceback
from pathlib import Path

import pytest
from transport_servers import closed_port_url

from linebot_fp.api import get_profile, push_message
from linebot_fp.async_client import AsyncClient
from linebot_fp.client import Client
from linebot_fp.errors import LineBotApiError, LineBotError
from linebot_fp.models import TextSendMessage
from linebot_fp.request import Headers
from linebot_fp.sending import RetryPolicy
from linebot_fp.testing import FakeLineApi, Fault
from linebot_fp.transport import Urllib3Transport

TOKEN = "Tok3n/With+Base64=="
PUSH_PATH = "/v2/bot/message/push"


class Spy:
    """A transport that keeps every HttpRequest and Response it handles."""

    def __init__(self):
        self.real = Urllib3Transport()
        self.seen = []

    def __call__(self, http_request):
        self.seen.append(http_request)
        self.seen.append(http_request.headers)
        response = self.real(http_request)
        self.seen += [response, response.headers]
        return response


def shown(value):
    """Every text a user or an error tracker may see of ``value``."""
    texts = [repr(value), str(value)]
    if isinstance(value, BaseException):
        texts.append("".join(traceback.format_exception(type(value), value, value.__traceback__)))
        texts += [repr(arg) for arg in value.args]
    return texts


def assert_secret(objects):
    assert objects
    for value in objects:
        for text in shown(value):
            assert TOKEN not in text, f"the token shows in {type(value).__name__}: {text[:300]}"
            assert "Bearer " not in text or "<redacted>" in text


def failures(api, spy):
    """Send once for each way a send can end; yield what each left behind."""
    policy = RetryPolicy(max_attempts=2, backoff=0.0)
    client = Client(TOKEN, endpoints=api.endpoints, retry=policy, transport=spy, timeout=0.3,
                    sleep=lambda _: None, max_answer_bytes=1000)
    yield client
    api.on("GET", "/v2/bot/profile/U1", json={"displayName": "Ann", "userId": "U1"})
    yield client.send(get_profile("U1"))
    cases = [
        ("400", lambda: api.on("POST", PUSH_PATH, status=400, json={"message": "bad"}, times=1)),
        ("500", lambda: api.fail(Fault.STATUS_500, times=2)),
        ("timeout", lambda: api.fail(Fault.SLOW_ANSWER, times=2, delay=3)),
        ("dropped", lambda: api.fail(Fault.DROP_BEFORE_ACCEPT, times=2)),
        ("undecodable", lambda: api.on("POST", PUSH_PATH, body=b"<html>", times=1)),
        ("too large", lambda: api.on("POST", PUSH_PATH, body=b"x" * 5000, times=1)),
    ]
    for _name, arrange in cases:
        arrange()
        request = push_message("U1", TextSendMessage(text="hi"))
        yield request
        with pytest.raises(LineBotError) as caught:
            client.send(request)
        yield caught.value
        yield caught.value.request
        yield caught.value.__cause__
    refused = Client(TOKEN, endpoints={"api": closed_port_url()}, retry=None)
    with pytest.raises(LineBotError) as caught:
        refused.send(get_profile("U1"))
    yield caught.value


def test_no_object_a_send_touches_shows_the_token(caplog):
    with FakeLineApi() as api, caplog.at_level(logging.DEBUG):
        spy = Spy()
        collected = [value for value in failures(api, spy) if value is not None]
        collected += spy.seen
        collected.append(AsyncClient(TOKEN, endpoints=api.endpoints))
        assert api.requests[0].headers["Authorization"] == f"Bearer {TOKEN}"  # it was sent
    kinds = {type(value).__name__ for value in collected}
    assert {"Client", "AsyncClient", "HttpRequest", "Headers", "Response", "Request",
            "LineBotApiError", "TransportTimeoutError", "TransportError",
            "UndecodableAnswerError", "AnswerTooLargeError"} <= kinds
    assert_secret(collected)
    records = caplog.records
    assert any(record.name == "linebot_fp" for record in records)
    assert_secret([record.getMessage() for record in records])


def test_async_client_errors_do_not_show_the_token():
    client = AsyncClient(TOKEN, endpoints={"api": closed_port_url()}, retry=None)
    with pytest.raises(LineBotError) as caught:
        asyncio.run(client.send(get_profile("U1")))
    assert_secret([caught.value, caught.value.request, client])


def test_headers_holding_authorization_are_redacted():
    headers = Headers({"authorization": f"Bearer {TOKEN}", "X-Other": "shown"})
    assert_secret([headers])
    assert "'X-Other': 'shown'" in repr(headers)
    assert headers["Authorization"] == f"Bearer {TOKEN}"  # still sent as is


@pytest.mark.parametrize("bad", [
    f"{TOKEN}\n", f" {TOKEN}", f"{TOKEN}\r\n", f"{TOKEN}\x00", f"{TOKEN} x", f"{TOKEN}\t",
    f"{TOKEN}\x7f", f"{TOKEN}é",
])
@pytest.mark.parametrize("client_class", [Client, AsyncClient])
def test_a_token_with_whitespace_or_control_characters_is_refused_without_quoting_it(
        client_class, bad):
    with pytest.raises(ValueError, match="channel_access_token") as caught:
        client_class(bad)
    assert_secret([caught.value])
    assert "strip" in str(caught.value)


@pytest.mark.parametrize("bad", ["", None, b"token", 123])
def test_a_token_that_is_not_a_non_empty_string_is_refused(bad):
    with pytest.raises(ValueError, match="channel_access_token"):
        Client(bad)


# -- token providers, caches, their errors ---------------------------------------------------
def test_providers_caches_and_their_errors_never_show_a_token_or_secret(tmp_path, redis_url,
                                                                        caplog):
    from tokens_support import CHANNEL_ID, KID, SECRET, key_pair, register

    from linebot_fp.api import leave_group
    from linebot_fp.errors import ChannelTokenError
    from linebot_fp.testing import FakeClock
    from linebot_fp.tokens import (
        MemoryTokenCache,
        RedisTokenCache,
        ShortLivedToken,
        SqliteTokenCache,
        StatelessToken,
        StaticToken,
        V21Token,
    )

    clock = FakeClock()
    collected = []
    secrets = [SECRET, key_pair()[0]["d"][:24]]
    with FakeLineApi(clock=clock) as api, caplog.at_level(logging.DEBUG):
        register(api)
        caches = [MemoryTokenCache(), SqliteTokenCache(tmp_path / "t.db"),
                  RedisTokenCache(redis_url)]
        for cache in caches:
            reach = {"cache": cache, "endpoints": api.endpoints, "clock": clock}
            providers = [StatelessToken(CHANNEL_ID, SECRET, **reach),
                         ShortLivedToken(CHANNEL_ID, SECRET, **reach),
                         V21Token(CHANNEL_ID, key_pair()[0], KID, **reach)]
            for provider in providers:
                client = Client(provider, endpoints=api.endpoints)
                client.send(leave_group("G1"))
                if provider.kind != "stateless":
                    api.tokens.revoke(provider.token())
                client.send(leave_group("G1"))  # a 401, a refresh, a resend
                assert repr(provider.token()) == "<redacted>"  # str() is the token: by design
                collected += [provider, client, provider.current(), cache,
                              cache.get(provider.cache_key)]
        collected.append(StaticToken(TOKEN))
        bad = StatelessToken(CHANNEL_ID, "wrong-" + SECRET, endpoints=api.endpoints,
                             clock=clock)
        with pytest.raises(ChannelTokenError) as caught:
            Client(bad, endpoints=api.endpoints).send(leave_group("G1"))
        collected += [caught.value, caught.value.request]
        api.on("POST", "/v2/bot/group/G1/leave", status=401, json={"message": "no"})
        with pytest.raises(LineBotApiError) as refused:
            Client(providers[0], endpoints=api.endpoints).send(leave_group("G1"))
        collected += [refused.value, refused.value.request]
        tokens = [str(t.token) for t in api.tokens.issued]
    assert_nothing_shown(collected, [*tokens, *secrets])
    assert_nothing_shown([record.getMessage() for record in caplog.records], [*tokens, *secrets])
    assert any("issued a" in record.getMessage() for record in caplog.records)
    # the errors' tracebacks, their frames' local variables included
    for error in (caught.value, refused.value):
        assert_nothing_shown(library_frames(error), [*tokens, *secrets])


def test_a_failed_issue_shows_no_secret_even_with_local_variables(tmp_path):
    from tokens_support import CHANNEL_ID, register

    from linebot_fp.api import leave_group
    from linebot_fp.errors import ChannelTokenError
    from linebot_fp.tokens import StatelessToken

    secret = "an0ther-s3cret-v4lue"
    with FakeLineApi() as api:
        register(api)
        for endpoints in (api.endpoints, {"api": closed_port_url()}):
            client = Client(StatelessToken(CHANNEL_ID, secret, endpoints=endpoints,
                                           timeout=2.0), endpoints=api.endpoints)
            with pytest.raises(ChannelTokenError) as caught:
                client.send(leave_group("G1"))
            error = caught.value
            assert error.__cause__ is None
            assert error.__suppress_context__
            assert_nothing_shown([error, *library_frames(error), *shown(error)], [secret])


def assert_nothing_shown(values, hidden):
    for value in values:
        for text in ([value] if isinstance(value, str) else shown(value)):
            for secret in hidden:
                assert secret not in text, f"a secret shows in {type(value).__name__}: {text[:300]}"


def library_frames(error):
    """The frames of ``error``'s traceback in linebot_fp, each with its local variables
    (as an error tracker capturing locals shows them); the test's own frames hold the
    secrets it passed."""
    import linebot_fp

    package = str(Path(linebot_fp.__file__).parent)
    summary = traceback.TracebackException.from_exception(error, capture_locals=True)
    frames = [frame for frame in summary.stack if frame.filename.startswith(package)]
    assert frames
    return [f"{frame.filename}:{frame.lineno} {frame.locals}" for frame in frames]


def test_secret_form_fields_and_query_values_show_redacted_in_reprs_and_log_lines(caplog):
    """A token request's form body (client_secret, client_assertion) and a verify call's
    query (access_token) are sent as they are, but shown redacted in every repr and log."""
    from linebot_fp.api import issue_stateless_channel_token, verify_channel_access_token_v2_1
    from linebot_fp.testing import FakeLineApi

    secret, token = "s3cret-value-0123", "t0ken-value-4567"
    issue = issue_stateless_channel_token(client_id="1234", client_secret=secret)
    verify = verify_channel_access_token_v2_1(token)
    assert secret.encode() in issue.body
    assert any(value == token for _, value in verify.query)
    assert_nothing_shown([issue, verify], [secret, token])
    assert "client_secret=<redacted>" in repr(issue)
    with FakeLineApi() as api, caplog.at_level(logging.DEBUG, logger="linebot_fp"):
        api.on("GET", "/oauth2/v2.1/verify", status=400, json={"error": "invalid_request"})
        with pytest.raises(LineBotApiError) as caught:
            Client("token", endpoints=api.endpoints, retry=None).send(verify)
        assert api.requests[-1].query == (("access_token", token),)  # sent as it is
    assert_nothing_shown([caught.value, caught.value.request], [token])
    assert_nothing_shown([record.getMessage() for record in caplog.records], [token])
    assert any("access_token=<redacted>" in record.getMessage() for record in caplog.records)
