"""The send flow's promises, pinned as tables over its pure functions (no socket, no clock).

``linebot_fp.sending`` decides everything a client does: :func:`decode` turns an answer into
a model or an error, :func:`settle` decides after each attempt whether to retry, when, and
with which timeout, and logs it. Each row below is one promise; mutation testing of
``sending.py`` and ``request.py`` found the rows worth having.
"""

import io
import logging
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest

from linebot_fp.api import get_message_content, get_profile, multicast, push_message
from linebot_fp.content import Content
from linebot_fp.errors import (
    AnswerTooLargeError,
    InvalidInputError,
    InvalidPayloadError,
    LineBotApiError,
    QuotaExceededError,
    TransportError,
    TransportTimeoutError,
    UndecodableAnswerError,
)
from linebot_fp.models import Profile, PushMessageResponse, TextSendMessage
from linebot_fp.request import Headers, Response, check_header
from linebot_fp.sending import (
    USER_AGENT,
    Attempt,
    Retry,
    RetryPolicy,
    api_error,
    begin,
    bounded_timeout,
    decode,
    needs_retry_key,
    prepare,
    read_body,
    retry_after,
    settle,
)

KEY = "X-Line-Retry-Key"
REQUEST_ID = "X-Line-Request-Id"
ACCEPTED = "X-Line-Accepted-Request-Id"
PUSH = push_message("U1", TextSendMessage(text="hi")).with_retry_key(
    "8a0e8c52-1cfa-4c64-9c4f-3f6c7aa4f1f0")
PROFILE = get_profile("U1")
MULTICAST = multicast(["U1", "U2"], TextSendMessage(text="hi"))
CONTENT = get_message_content("m1")
NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
STAMP = NOW.timestamp()


def http(request=PUSH, *, timeout=5.0, policy=None, limit=1000):
    return prepare(request, token="t", endpoints=None, timeout=timeout, policy=policy,
                   max_answer_bytes=limit)


def attempt(number=1, *, elapsed=0.5, duration=0.5, now=STAMP):
    return Attempt(number, elapsed, duration, now)


def highest(low, high):
    """The jitter's largest draw: waits become exact."""
    return high


class Stream:
    """A streamed body that says how much was read and whether it was closed."""

    def __init__(self, data):
        self._data = io.BytesIO(data)
        self.reads = []
        self.closed = False

    def read(self, amt=None, /):
        self.reads.append(amt)
        return self._data.read(amt)

    def close(self):
        self.closed = True


def answer(status, body=b"{}", **headers):
    return Response(status=status, headers=headers, body=body)


# -- decode: which statuses are answers --------------------------------------------------------


@pytest.mark.parametrize(("status", "is_answer"), [
    (100, False), (199, False),
    (200, True), (201, True), (204, True), (299, True),
    (300, False), (301, False), (302, False), (304, False), (399, False),  # never followed
    (400, False), (404, False), (409, False), (429, False),
    (500, False), (503, False),
])
def test_only_a_2xx_is_an_answer(status, is_answer):
    response = answer(status, b'{"displayName": "Ann", "userId": "U1", "message": "m"}')
    if is_answer:
        assert decode(PROFILE, response) == Profile(display_name="Ann", user_id="U1")
    else:
        with pytest.raises(LineBotApiError) as caught:
            decode(PROFILE, response)
        assert caught.value.status_code == status
        assert caught.value.error.message == "m"


def test_a_409_with_an_accepted_request_id_is_an_answer_and_one_without_is_an_error():
    accepted = answer(409, b'{"message": "The retry key is already accepted", '
                           b'"sentMessages": [{"id": "1"}]}', **{ACCEPTED: "first"})
    assert [sent.id for sent in decode(PUSH, accepted).sent_messages] == ["1"]
    odd_body = answer(409, b'{"sentMessages": "not a list"}', **{ACCEPTED: "first"})
    assert decode(PUSH, odd_body) is None  # accepted all the same; the body is not the usual
    assert decode(PROFILE.__class__(operation="unknown_op", method="POST", base="api",
                                    path="/v2/x"), accepted) is None
    with pytest.raises(LineBotApiError) as caught:
        decode(PUSH, answer(409, b'{"message": "Conflict"}'))
    assert caught.value.accepted_request_id is None


def test_an_error_carries_the_ids_the_answer_had():
    error = api_error(409, Headers({REQUEST_ID: "r2", ACCEPTED: "r1"}), b'{"message": "m"}')
    assert (error.status_code, error.request_id, error.accepted_request_id) == (409, "r2", "r1")
    assert error.body == b'{"message": "m"}'
    bare = api_error(500, Headers(), b"")
    assert (bare.request_id, bare.accepted_request_id, bare.error.message) == (None, None, "")


@pytest.mark.parametrize(("body", "message"), [
    (b'{"message": "Invalid", "details": [{"message": "bad", "property": "to"}]}', "Invalid"),
    (b"<html>Bad Gateway</html>", "<html>Bad Gateway</html>"),  # not JSON: kept as text
    (b"   ", ""),  # nothing said
    (b"", ""),
    (b"[" * 100_000, "[" * 200 + "..."),  # nested too deeply to parse: its start, no crash
])
def test_an_error_body_is_read_as_far_as_it_can_be(body, message):
    error = api_error(400, Headers(), body)
    assert error.body == body
    assert error.error.message == message
    if body.startswith(b"{"):
        assert [(d.property, d.message) for d in error.error.details] == [("to", "bad")]


@pytest.mark.parametrize(("request_", "status", "body", "expected"), [
    (PUSH, 200, b"", PushMessageResponse()),  # no body: the model's defaults
    (PUSH, 200, b"{}", PushMessageResponse()),
    (MULTICAST, 200, b"{}", "from header"),
    (PROFILE.__class__(operation="leave_group", method="POST", base="api",
                       path="/v2/bot/group/C1/leave"), 200, b"{}", None),  # Request[None]
    (PROFILE.__class__(operation="unknown_op", method="GET", base="api", path="/v2/x"),
     200, b'{"a": [1]}', {"a": [1]}),  # no model: the JSON as it is
])
def test_an_accepted_answer_decodes_to_its_model(request_, status, body, expected):
    response = answer(status, body, **{REQUEST_ID: "rid"})
    decoded = decode(request_, response)
    if expected == "from header":
        assert decoded.request_id == "rid"  # the model reads its header
    else:
        assert decoded == expected


def test_a_header_read_by_the_model_gives_way_to_the_body():
    decoded = decode(MULTICAST, answer(200, b'{"requestId": "in body"}', **{REQUEST_ID: "hdr"}))
    assert decoded.request_id == "in body"


@pytest.mark.parametrize("body", [b"not json", b'{"displayName": 5}', b"[1, 2]"])
def test_an_accepted_answer_that_cannot_be_decoded_says_it_was_accepted(body):
    with pytest.raises(UndecodableAnswerError) as caught:
        decode(PROFILE, answer(200, body, **{REQUEST_ID: "rid"}))
    assert (caught.value.status_code, caught.value.request_id) == (200, "rid")
    assert caught.value.body == body


def test_binary_content_streams_and_errors_of_binary_operations_are_read_with_a_limit():
    stream = Stream(b"jpeg bytes")
    content = decode(CONTENT, Response(status=200, headers={"Content-Type": "image/jpeg"},
                                       body=stream))
    assert isinstance(content, Content)
    assert stream.reads == []  # nothing read: the caller streams it
    error_stream = Stream(b'{"message": "Not found"}' + b" " * 100)
    with pytest.raises(LineBotApiError) as caught:
        decode(CONTENT, Response(status=404, body=error_stream), limit=10)
    assert caught.value.body == b'{"message"'  # at most limit bytes of an error
    assert error_stream.closed


def test_an_answer_too_large_to_read():
    refusal = AnswerTooLargeError(200, Headers({REQUEST_ID: "r"}), 10, b"{")
    with pytest.raises(UndecodableAnswerError, match="larger than max_answer_bytes=10") as big:
        decode(PROFILE, answer(200, b"{", **{REQUEST_ID: "r"}), too_large=refusal)
    assert (big.value.status_code, big.value.request_id, big.value.body) == (200, "r", b"{")
    with pytest.raises(LineBotApiError) as caught:  # an error answer too large: still an error
        decode(PROFILE, answer(500, b"{"), too_large=AnswerTooLargeError(500, Headers(), 10))
    assert caught.value.status_code == 500


# -- read_body -----------------------------------------------------------------------------------


def test_read_body_reads_bytes_whole_and_a_stream_up_to_the_limit_then_closes_it():
    assert read_body(answer(200, b"abcdef"), 2) == b"abcdef"  # bytes: already read
    stream = Stream(b"abcdef")
    assert read_body(Response(status=200, body=stream), 4) == b"abcd"
    assert (stream.reads, stream.closed) == ([4], True)
    whole = Stream(b"abcdef")
    assert read_body(Response(status=200, body=whole), None) == b"abcdef"
    assert whole.closed


# -- begin and prepare ---------------------------------------------------------------------------


def test_begin_keys_what_takes_a_key_only_when_retries_are_on():
    unkeyed = push_message("U1", TextSendMessage(text="hi"))
    assert needs_retry_key(unkeyed)
    assert not needs_retry_key(PUSH)  # has one
    assert not needs_retry_key(PROFILE)  # takes none
    assert KEY in begin(unkeyed, RetryPolicy()).headers
    assert begin(unkeyed, None) is unkeyed
    assert begin(PUSH, RetryPolicy()) is PUSH
    assert begin(PROFILE, RetryPolicy()) is PROFILE
    with pytest.raises(ValueError, match=r"send takes a Request .*, got dict"):
        begin({"operation": "push_message"}, RetryPolicy())


@pytest.mark.parametrize(("request_", "stream"), [(PUSH, False), (CONTENT, True)])
def test_prepare_adds_the_token_the_agent_the_url_and_the_limits(request_, stream):
    prepared = prepare(request_, token="tok", endpoints={"api": "http://127.0.0.1:9/",
                                                         "data": "http://127.0.0.1:8"},
                       timeout=(2.0, 9.0), max_answer_bytes=77,
                       policy=RetryPolicy(deadline=4.0))
    assert list(prepared.headers)[:2] == ["Authorization", "User-Agent"]  # as LINE spells them
    assert prepared.headers["Authorization"] == "Bearer tok"
    assert prepared.headers["User-Agent"] == USER_AGENT
    for name, value in request_.headers.items():
        assert prepared.headers[name] == value
    assert prepared.url == request_.url({"api": "http://127.0.0.1:9/",
                                         "data": "http://127.0.0.1:8"})
    assert (prepared.method, prepared.body) == (request_.method, request_.body)
    assert prepared.timeout == (2.0, 4.0)  # each part at most the deadline
    assert (prepared.stream, prepared.max_answer_bytes) == (stream, 77)


def test_prepare_without_a_deadline_keeps_the_timeout():
    assert http(timeout=30.0, policy=RetryPolicy(deadline=None)).timeout == 30.0
    assert http(timeout=30.0, policy=None).timeout == 30.0


@pytest.mark.parametrize(("timeout", "limit", "expected"), [
    (5.0, None, 5.0),
    (5.0, 2.0, 2.0),
    (5.0, 9.0, 5.0),
    (5.0, 5.0, 5.0),
    ((1.0, 30.0), 2.0, (1.0, 2.0)),  # each part of (connect, read)
    ((5.0, 30.0), 2.0, (2.0, 2.0)),
    ((1.0, 3.0), 10.0, (1.0, 3.0)),
    ((1.0, 3.0), None, (1.0, 3.0)),
])
def test_bounded_timeout(timeout, limit, expected):
    assert bounded_timeout(timeout, limit) == expected


# -- settle: the retry plan ----------------------------------------------------------------------


POLICY = RetryPolicy(max_attempts=4, backoff=1.0, max_backoff=8.0, deadline=20.0)


def plan(outcome, *, policy=POLICY, request=PUSH, number=1, elapsed=0.5, duration=0.5,
         timeout=5.0, now=STAMP, uniform=highest):
    """What :func:`settle` makes of one attempt: a ``Retry``, or the error it raises."""
    prepared = http(request, timeout=timeout, policy=policy)
    try:
        return settle(request, prepared, policy, attempt(number, elapsed=elapsed,
                                                         duration=duration, now=now),
                      outcome, uniform=uniform)
    except (LineBotApiError, TransportError) as error:
        return error


@pytest.mark.parametrize(("outcome", "retried"), [
    (answer(500), True), (answer(502), True), (answer(503), True), (answer(504), True),
    (answer(429), True),
    (TransportError("reset"), True), (TransportTimeoutError("slow"), True),
    (answer(400), False), (answer(401), False), (answer(403), False), (answer(404), False),
    (answer(409), False), (answer(501), False), (answer(300), False),
])
def test_what_is_worth_another_try(outcome, retried):
    step = plan(outcome)
    assert isinstance(step, Retry) is retried
    if not retried:
        assert step.request == PUSH  # the error carries the request as attempted


def test_statuses_are_the_policys_to_choose():
    policy = RetryPolicy(statuses=frozenset({418}))
    assert isinstance(plan(answer(418), policy=policy), Retry)
    assert isinstance(plan(answer(503), policy=policy), LineBotApiError)


@pytest.mark.parametrize(("request_", "retried"), [
    (PUSH, True),  # a POST with a retry key
    (push_message("U1", TextSendMessage(text="hi")), False),  # a POST without one
    (PROFILE, True),  # GET
    (PROFILE.__class__(operation="x", method="PUT", base="api", path="/v2/x"), True),
    (PROFILE.__class__(operation="x", method="DELETE", base="api", path="/v2/x"), True),
])
def test_only_what_cannot_act_twice_is_retried(request_, retried):
    assert isinstance(plan(answer(503), request=request_), Retry) is retried


def test_retries_off_raises_the_first_failure():
    assert isinstance(plan(answer(503), policy=None), LineBotApiError)
    error = TransportError("reset")
    assert plan(error, policy=None) is error


@pytest.mark.parametrize(("number", "max_attempts", "retried"), [
    (1, 1, False), (1, 2, True), (2, 2, False), (3, 4, True), (4, 4, False), (5, 4, False),
])
def test_max_attempts_counts_the_first(number, max_attempts, retried):
    policy = RetryPolicy(max_attempts=max_attempts, backoff=0.0)
    assert isinstance(plan(answer(503), policy=policy, number=number), Retry) is retried


@pytest.mark.parametrize(("number", "cap"), [(1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (5, 8.0),
                                             (9, 8.0)])
def test_full_jitter_draws_from_zero_to_a_doubling_cap(number, cap):
    draws = []

    def uniform(low, high):
        draws.append((low, high))
        return high / 2

    policy = RetryPolicy(max_attempts=10, backoff=1.0, max_backoff=8.0, deadline=None)
    step = plan(answer(503), policy=policy, number=number, duration=0.0, uniform=uniform)
    assert draws == [(0.0, cap)]
    assert step.delay == cap / 2


@pytest.mark.parametrize(("duration", "delay"), [(0.0, 4.0), (1.5, 2.5), (4.0, 0.0), (9.0, 0.0)])
def test_the_time_a_failed_attempt_took_counts_towards_its_wait(duration, delay):
    step = plan(answer(503), number=3, duration=duration)  # cap 4, drawn whole
    assert step.delay == delay


def test_without_a_random_source_the_jitter_is_random_within_the_cap():
    delays = {plan(answer(503), number=2, duration=0.0, uniform=None).delay for _ in range(40)}
    assert all(0.0 <= delay <= 2.0 for delay in delays)
    assert len(delays) > 1


@pytest.mark.parametrize(("value", "delay"), [
    ("3", 3.0),
    ("0", 0.0),
    ("100", 8.0),  # at most max_backoff
    ("nonsense", 1.0),  # ignored: the jitter's wait (cap 1 for a first retry)
    ("-5", 0.0),
])
def test_retry_after_is_waited_within_max_backoff(value, delay):
    step = plan(answer(429, **{"Retry-After": value}), duration=0.0)
    assert step.delay == delay


def test_a_retry_after_date_is_measured_from_the_answers_date_not_the_local_clock():
    date = format_datetime(NOW, usegmt=True)
    later = format_datetime(NOW + timedelta(seconds=4), usegmt=True)
    far_off = NOW.timestamp() + 3600  # the local clock is an hour ahead of the server's
    step = plan(answer(503, **{"Retry-After": later, "Date": date}), now=far_off)
    assert step.delay == 4.0
    without_date = plan(answer(503, **{"Retry-After": later}), now=NOW.timestamp())
    assert without_date.delay == 4.0  # measured from the local clock when there is no Date
    bad_date = plan(answer(503, **{"Retry-After": later, "Date": "yesterday"}),
                    now=NOW.timestamp())
    assert bad_date.delay == 4.0  # a Date that is not a date: the local clock


@pytest.mark.parametrize(("value", "now", "date", "expected"), [
    (None, 0.0, None, None),
    ("7", 0.0, None, 7.0),
    (" 2.5 ", 0.0, None, 2.5),
    ("-1", 0.0, None, 0.0),
    ("nan", 0.0, None, None),
    ("inf", 0.0, None, None),
    ("", 0.0, None, None),
    (format_datetime(NOW + timedelta(seconds=9), usegmt=True), NOW.timestamp(), None, 9.0),
    (format_datetime(NOW - timedelta(seconds=9), usegmt=True), NOW.timestamp(), None, 0.0),
    (format_datetime(NOW + timedelta(seconds=9), usegmt=True), 0.0,
     format_datetime(NOW, usegmt=True), 9.0),
    ("Fri, 02 Jan 2026 03:04:14", NOW.timestamp(), None, 9.0),  # no zone: GMT
    ("Mon, 99 Foo 2026 99:99:99 GMT", 0.0, None, None),
])
def test_retry_after_values(value, now, date, expected):
    assert retry_after(value, now=now, date=date) == expected


def test_a_retry_after_date_without_a_zone_is_gmt_whatever_the_local_zone(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Tokyo")  # nine hours from GMT
    time.tzset()
    try:
        assert retry_after("Fri, 02 Jan 2026 03:04:14", now=STAMP) == 9.0
    finally:
        monkeypatch.undo()
        time.tzset()


# -- settle: the deadline ------------------------------------------------------------------------


@pytest.mark.parametrize(("timeout", "elapsed", "expected"), [
    (5.0, 10.0, 5.0),  # 20 - 10 - 1 = 9 left: the timeout stands
    (5.0, 15.0, 4.0),  # 20 - 15 - 1 = 4 left: the timeout shrinks to it
    ((2.0, 30.0), 15.0, (2.0, 4.0)),  # each part of (connect, read)
    ((6.0, 30.0), 15.0, (4.0, 4.0)),
    ((2.0, 3.0), 10.0, (2.0, 3.0)),
])
def test_a_retrys_timeout_shrinks_to_the_time_left_before_the_deadline(timeout, elapsed,
                                                                       expected):
    step = plan(answer(503), timeout=timeout, elapsed=elapsed, duration=0.0)  # waits 1
    assert step.delay == 1.0
    assert step.http_request.timeout == expected
    assert step.http_request.url == http().url  # the same request otherwise


@pytest.mark.parametrize(("elapsed", "retried"), [
    (18.0, True),  # 20 - 18 - 1 = 1 left
    (18.999, True),
    (19.0, False),  # exactly zero seconds left: the send ends
    (19.5, False),
    (25.0, False),
])
def test_a_deadline_leaving_no_time_ends_the_send(elapsed, retried):
    step = plan(answer(503), elapsed=elapsed, duration=0.0)  # the wait would be 1
    assert isinstance(step, Retry) is retried


def test_a_retry_after_past_the_deadline_is_not_waited_for():
    step = plan(answer(429, **{"Retry-After": "5"}), policy=RetryPolicy(
        max_backoff=10.0, deadline=3.0), elapsed=0.1)
    assert isinstance(step, LineBotApiError)


def test_no_deadline_bounds_nothing_but_the_attempts():
    policy = RetryPolicy(max_attempts=3, backoff=1.0, max_backoff=8.0, deadline=None)
    step = plan(answer(503), policy=policy, elapsed=10_000.0, duration=0.0, timeout=(3.0, 7.0))
    assert isinstance(step, Retry)
    assert step.http_request.timeout == (3.0, 7.0)
    assert isinstance(plan(answer(503), policy=policy, number=3), LineBotApiError)


# -- settle: the answer, the error and the log ---------------------------------------------------


def test_settle_gives_the_decoded_answer_and_errors_carry_the_request():
    assert plan(answer(200, b"{}")) == PushMessageResponse()
    error = plan(answer(400, b'{"message": "bad"}'))
    assert (error.status_code, error.request) == (400, PUSH)
    refused = TransportError("refused")
    assert plan(refused, policy=RetryPolicy(max_attempts=1)) is refused
    assert refused.request == PUSH


def test_a_failed_attempt_is_drained_before_its_retry():
    stream = Stream(b'{"message": "unavailable"}')
    step = plan(Response(status=503, body=stream), request=PROFILE)
    assert isinstance(step, Retry)
    assert stream.closed
    assert stream.reads == [1000]  # at most max_answer_bytes


QUOTA_BODY = b'{"message": "You have reached your monthly limit."}'
RATE_BODY = b'{"message": "The API rate limit has been exceeded. Try again later."}'


def test_a_streamed_429_is_read_to_learn_why_it_came():
    # a download's answer is a stream; a 429's message still decides whether to retry
    quota = Stream(QUOTA_BODY)
    error = plan(Response(status=429, body=quota), request=CONTENT)
    assert isinstance(error, QuotaExceededError)  # at once, never retried
    assert error.error.message == "You have reached your monthly limit."
    assert (quota.reads, quota.closed) == ([1000], True)  # at most max_answer_bytes
    rate = Stream(RATE_BODY + b" " * 5000)
    step = plan(Response(status=429, body=rate), request=CONTENT)
    assert isinstance(step, Retry)
    assert (rate.reads, rate.closed) == ([1000], True)


def test_an_answer_too_large_is_retried_when_its_status_is_and_decoded_otherwise():
    refusal = AnswerTooLargeError(503, Headers(), 10)
    assert isinstance(plan(refusal), Retry)
    accepted = AnswerTooLargeError(200, Headers({REQUEST_ID: "r"}), 10, b'{"sentMe')
    with pytest.raises(UndecodableAnswerError, match="larger than max_answer_bytes=10") as caught:
        settle(PUSH, http(), POLICY, attempt(), accepted)
    assert caught.value.request == PUSH
    # what the transport read of it, and its headers, are kept
    assert (caught.value.request_id, caught.value.body) == ("r", b'{"sentMe')
    cut_where_it_parses = AnswerTooLargeError(200, Headers(), 2, b"{}")  # never decoded
    with pytest.raises(UndecodableAnswerError):
        settle(PUSH, http(), POLICY, attempt(), cut_where_it_parses)


def test_an_error_answer_of_a_binary_operation_is_read_up_to_the_clients_limit():
    stream = Stream(b'{"message": "Not found"}' + b" " * 5000)
    error = plan(Response(status=404, body=stream), request=CONTENT)
    assert error.status_code == 404
    assert stream.reads == [1000]  # max_answer_bytes of the attempt
    assert error.error.message == "Not found"


@pytest.mark.parametrize(("outcome", "policy", "number", "level", "why"), [
    (answer(200), POLICY, 1, logging.DEBUG, "final answer"),
    (answer(400), POLICY, 1, logging.DEBUG, "final answer"),  # never a give-up
    (answer(404), None, 1, logging.DEBUG, "retries off"),
    (answer(503), None, 1, logging.DEBUG, "retries off"),
    (answer(503), POLICY, 1, logging.DEBUG, "retry in 1.000 s"),
    (answer(503), POLICY, 4, logging.WARNING, "giving up after 4 attempts"),
    (TransportError("reset"), POLICY, 4, logging.WARNING, "giving up after 4 attempts"),
    (answer(503), RetryPolicy(deadline=1.0), 1, logging.WARNING,
     "giving up: the 1.0 s deadline leaves no time for a retry"),
    (answer(429, QUOTA_BODY), POLICY, 1, logging.DEBUG,  # a final answer, not a give-up
     "final answer: the month's message quota is spent"),
    (answer(429, RATE_BODY), POLICY, 1, logging.DEBUG, "retry in 1.000 s (rate limit)"),
    (answer(503), POLICY, 2, logging.DEBUG, "retry in 2.000 s"),  # no cause: a 429's only
])
def test_each_attempt_is_logged_and_only_a_give_up_warns(caplog, outcome, policy, number,
                                                         level, why):
    with caplog.at_level(logging.DEBUG, logger="linebot_fp"):
        plan(outcome, policy=policy, number=number, elapsed=2.0, duration=0.0)
    [record] = caplog.records
    assert record.levelno == level
    message = record.getMessage()
    assert message.startswith(f"POST https://api.line.me/v2/bot/message/push attempt {number}: ")
    assert message.endswith(why)


def test_a_post_without_a_key_says_why_it_is_not_retried(caplog):
    unkeyed = push_message("U1", TextSendMessage(text="hi"))
    with caplog.at_level(logging.DEBUG, logger="linebot_fp"):
        plan(answer(503, **{REQUEST_ID: "r9"}), request=unkeyed, duration=0.25)
    [record] = caplog.records
    assert record.levelno == logging.WARNING  # a failure worth retrying, given up
    assert record.getMessage() == (
        "POST https://api.line.me/v2/bot/message/push attempt 1: 503 in 0.250 s "
        "(request id r9): not retried: a POST without X-Line-Retry-Key could act twice")


def test_a_transport_failure_is_logged_with_its_kind(caplog):
    with caplog.at_level(logging.DEBUG, logger="linebot_fp"):
        plan(TransportTimeoutError("no answer in 5 s"), duration=5.0)
    [record] = caplog.records
    assert "attempt 1: TransportTimeoutError: no answer in 5 s in 5.000 s (request id None)" \
        in record.getMessage()


def test_nothing_is_formatted_when_debug_is_off(caplog):
    with caplog.at_level(logging.INFO, logger="linebot_fp"):
        plan(answer(503))
        plan(answer(200))
    assert caplog.records == []


# -- the policy ----------------------------------------------------------------------------------


@pytest.mark.parametrize("options", [
    {"max_attempts": 0}, {"max_attempts": -1}, {"max_attempts": True}, {"max_attempts": 2.0},
    {"backoff": -0.1}, {"backoff": float("inf")}, {"backoff": "1"},
    {"max_backoff": -1}, {"max_backoff": float("nan")},
    {"deadline": -1}, {"deadline": float("inf")}, {"deadline": "10"},
    {"statuses": [500, True]}, {"statuses": [500.0]},
])
def test_a_policy_that_makes_no_sense_is_refused(options):
    with pytest.raises(ValueError, match="RetryPolicy"):
        RetryPolicy(**options)


@pytest.mark.parametrize("options", [
    {"max_attempts": 1}, {"backoff": 0}, {"backoff": 0.0}, {"max_backoff": 0},
    {"deadline": None}, {"deadline": 0}, {"statuses": [503]}, {"statuses": frozenset()},
])
def test_a_policy_at_its_limits_is_accepted(options):
    policy = RetryPolicy(**options)
    assert isinstance(policy.statuses, frozenset)


def test_the_default_policy():
    policy = RetryPolicy()
    assert (policy.max_attempts, policy.backoff, policy.max_backoff, policy.deadline) == (
        6, 0.1, 5.0, 45.0)
    assert policy.statuses == frozenset({429, 500, 502, 503, 504})
    assert RetryPolicy(statuses=(500, 500, 502)).statuses == frozenset({500, 502})


# -- the Request values the flow sends -----------------------------------------------------------


def a_request(**fields):
    return PROFILE.__class__(**{"operation": "x", "method": "POST", "base": "api",
                                "path": "/v2/x", **fields})


@pytest.mark.parametrize(("body", "expected"), [
    (b"abc", b"abc"),
    (bytearray(b"abc"), b"abc"),
    (memoryview(b"abc"), b"abc"),
    (memoryview(b"xabcx")[1:4], b"abc"),
    (None, None),
])
def test_a_body_is_kept_as_bytes(body, expected):
    request = a_request(body=body)
    assert request.body == expected
    assert request.body is None or type(request.body) is bytes
    hash(request)


@pytest.mark.parametrize("body", ["text", 5, [1, 2]])
def test_a_body_that_is_not_bytes_is_refused(body):
    with pytest.raises(InvalidInputError) as caught:
        a_request(body=body)
    assert str(caught.value) == f"Request.body must be bytes or None, got {type(body).__name__}"


@pytest.mark.parametrize(("query", "expected"), [
    ((), ()),
    ([], ()),
    ([["a", "1"]], (("a", "1"),)),
    ([("a", "1"), ("b", "2")], (("a", "1"), ("b", "2"))),
    ((("a", "1"),), (("a", "1"),)),
    ([("limit", 10)], (("limit", "10"),)),  # values become strings
    ((("limit", 10),), (("limit", "10"),)),
    ({"start": "x"}, (("start", "x"),)),
    ((["a", "1"],), (("a", "1"),)),  # a tuple holding a list
    (((1, "a"),), (("1", "a"),)),  # a tuple holding a pair that is not of strings
])
def test_a_query_becomes_a_tuple_of_string_pairs(query, expected):
    request = a_request(method="GET", query=query)
    assert request.query == expected
    assert type(request.query) is tuple
    assert all(type(pair) is tuple for pair in request.query)
    hash(request)


@pytest.mark.parametrize(("query", "message"), [
    ("a=1", "must be (name, value) pairs, got str"),
    (5, "must be (name, value) pairs, got int"),
    ([("a", "1", "2")], "entry ('a', '1', '2') is not a (name, value) pair"),
    ((("a", "1", "2"),), "entry ('a', '1', '2') is not a (name, value) pair"),
    ([("a",)], "entry ('a',) is not a (name, value) pair"),
    (["ab"], "entry 'ab' is not a (name, value) pair"),
    ([5], "entry 5 is not a (name, value) pair"),
])
def test_a_query_that_is_not_pairs_is_refused(query, message):
    with pytest.raises(InvalidInputError) as caught:
        a_request(method="GET", query=query)
    assert str(caught.value) == f"Request.query {message}"


@pytest.mark.parametrize(("root", "url"), [
    ("https://api.line.me", "https://api.line.me/v2/x"),
    ("http://127.0.0.1:9/", "http://127.0.0.1:9/v2/x"),
    ("http://proxy.example/LINEX/", "http://proxy.example/LINEX/v2/x"),  # only the slash goes
    ("http://proxy.example/line//", "http://proxy.example/line/v2/x"),
])
def test_a_url_joins_the_endpoint_and_the_path(root, url):
    assert a_request().url({"api": root}) == url


def test_a_url_carries_the_query_encoded():
    request = a_request(method="GET", query=[("q", "a b&c"), ("n", "1")])
    assert request.url() == "https://api.line.me/v2/x?q=a+b%26c&n=1"


# -- paths and headers -------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/%2e%2e/v2/bot/info", "/%2E/v2", "/..%2f/v2", "/v2/%2e"])
def test_a_dot_segment_anywhere_in_the_path_is_refused(path):
    with pytest.raises(InvalidInputError, match=r"Request\.path must not have '\.' or '\.\.'"):
        a_request(path=path)


def test_a_path_is_decoded_twice_to_look_for_dot_segments_and_no_more():
    with pytest.raises(InvalidInputError):
        a_request(path="/v2/%252e%252e/x")  # decoded twice: ".."
    assert a_request(path="/v2/%25252e%25252e/x").path == "/v2/%25252e%25252e/x"  # thrice


@pytest.mark.parametrize(("parameter", "message"), [
    (None, "header 'X-Line-Retry-Key' must not contain CR, LF or NUL"),
    ("retry_key", "retry_key (header X-Line-Retry-Key) must not contain CR, LF or NUL"),
])
def test_a_refused_header_names_the_parameter_it_came_from(parameter, message):
    with pytest.raises(InvalidInputError) as caught:
        check_header("X-Line-Retry-Key", "a\nb", parameter)
    assert str(caught.value) == message


def test_headers_hash_by_their_content_and_hide_the_token_in_repr():
    assert len({hash(Headers({"X-N": str(n)})) for n in range(20)}) > 1
    assert hash(Headers({"A": "1"})) == hash(Headers({"a": "1"}))
    shown = Headers({"Authorization": "Bearer secret", "X-A": "b"})
    assert repr(shown) == "Headers({'Authorization': '<redacted>', 'X-A': 'b'})"
    assert str(shown) == repr(shown)


# -- Request <-> JSON ----------------------------------------------------------------------------


BASE = {"operation": "x", "method": "POST", "base": "api", "path": "/v2/x"}


@pytest.mark.parametrize(("data", "message"), [
    ([1, 2], "a request must be a JSON object, got list"),
    ({"operation": "x", "path": "/v2/x"}, "request is missing method, base"),
    ({**BASE, "query": "a=1"}, "request query must be a list of [name, value] pairs"),
    ({**BASE, "query": 5}, "request query must be a list of [name, value] pairs"),
    ({**BASE, "query": [["a"]]}, "request query entry ['a'] is not a [name, value] pair"),
    ({**BASE, "headers": "X: y"}, "request headers must be a list of [name, value] pairs"),
    ({**BASE, "headers": [["X", 1]]}, "request headers entry ['X', 1] is not a [name, value] pair"),
    ({**BASE, "body": "a", "body_base64": "YQ=="}, "request has both body and body_base64"),
    ({**BASE, "body": 5}, "request body must be a string"),
    ({**BASE, "body_base64": "not base64!"}, "request body_base64 is not base64"),
])
def test_a_dict_that_is_not_a_request_says_what_is_wrong(data, message):
    with pytest.raises(InvalidPayloadError) as caught:
        PROFILE.__class__.from_dict(data)
    assert str(caught.value).startswith(message)


def test_a_dict_may_give_headers_and_query_as_objects():
    request = PROFILE.__class__.from_dict({**BASE, "method": "GET", "query": {"a": "1"},
                                           "headers": {"X-A": "b"}})
    assert (request.query, dict(request.headers)) == ((("a", "1"),), {"X-A": "b"})


@pytest.mark.parametrize(("body", "stored"), [
    (b'{"a": "\xc3\xa9"}', {"body": '{"a": "\u00e9"}'}),  # UTF-8 text: readable
    (b"\xff\x00", {"body_base64": "/wA="}),  # anything else: base64
])
def test_a_body_is_stored_readable_when_it_is_text(body, stored):
    data = a_request(body=body).to_dict()
    assert {key: data[key] for key in stored} == stored
    assert PROFILE.__class__.from_dict(data).body == body
