"""Replay, in process: the file format, the journal, and ``replay`` against FakeLineApi."""

import io
import json
import re
import threading
import uuid

import pytest
from replay_support import push, reply, texts

from linebot_fp.api import get_message_content
from linebot_fp.client import Client
from linebot_fp.errors import (
    InvalidPayloadError,
    QuotaExceededError,
    TransportError,
    TransportTimeoutError,
    UndecodableAnswerError,
)
from linebot_fp.replay import (
    KEY_LIFETIME,
    Journal,
    LineState,
    Outcome,
    Status,
    dump_requests,
    iter_replay,
    journal_path,
    key_is_trusted,
    load_requests,
    replay,
    resend_is_safe,
    status_of,
)
from linebot_fp.replay.pacing import RateLimit
from linebot_fp.replay.progress import Progress, duration
from linebot_fp.replay.runner import KEY_MARGIN
from linebot_fp.request import Request, Response
from linebot_fp.sending import RetryPolicy
from linebot_fp.testing import FakeClock, FakeLineApi, Fault
from linebot_fp.transport import default_transport

KEY = "X-Line-Retry-Key"


def lines_of(requests, retry_keys=True):
    file = io.StringIO()
    dump_requests(requests, file, retry_keys=retry_keys)
    return file.getvalue().splitlines(keepends=True)


@pytest.fixture
def api():
    with FakeLineApi() as server:
        yield server


@pytest.fixture
def journal(tmp_path):
    with Journal(tmp_path / "j.sqlite") as opened:
        yield opened


def client_for(api, **options):
    return Client("token", endpoints=api.endpoints, **options)


# -- the file --------------------------------------------------------------------------------------


def test_dump_keys_what_takes_a_key_and_load_gives_it_back(tmp_path):
    path = tmp_path / "r.jsonl"
    with path.open("w") as file:
        assert dump_requests([push(1), reply(2), push(3)], file) == 3
    with path.open() as file:
        loaded = [request for _, request, _ in load_requests(file)]
    assert [r.operation for r in loaded] == ["push_message", "reply_message", "push_message"]
    uuid.UUID(loaded[0].headers[KEY])
    assert loaded[0].headers[KEY] != loaded[2].headers[KEY]
    assert KEY not in loaded[1].headers  # LINE takes no key for a reply
    assert [r.body for r in loaded] == [push(1).body, reply(2).body, push(3).body]


def test_dump_keeps_a_given_key_and_can_leave_requests_unkeyed():
    given = push(1).with_retry_key("8a0e8c52-1cfa-4c64-9c4f-3f6c7aa4f1f0")
    [number_one, number_two] = [r for _, r, _ in load_requests(lines_of([given, push(2)]))]
    assert number_one == given
    assert [r for _, r, _ in load_requests(lines_of([push(1)], retry_keys=False))] == [push(1)]
    assert KEY in number_two.headers


def test_malformed_lines_are_reported_by_number():
    lines = [json.dumps(push(1).to_dict()), "", "{not json", '{"method": "GET"}']
    entries = list(load_requests(lines))
    assert [number for number, _, _ in entries] == [1, 3, 4]
    assert isinstance(entries[1][1], InvalidPayloadError)
    assert "not JSON" in str(entries[1][1])
    assert "missing operation" in str(entries[2][1])


# -- replay without a journal ----------------------------------------------------------------------


def test_replay_sends_every_line_in_order_of_lines_and_reports_each(api):
    seen = []
    outcomes = replay(load_requests(lines_of([push(n) for n in range(20)])),
                      client_for(api).send, concurrency=4, on_outcome=seen.append)
    assert [o.line for o in outcomes] == list(range(1, 21))
    assert {o.status for o in outcomes} == {Status.SENT}
    assert sorted(o.line for o in seen) == list(range(1, 21))
    assert texts(api.accepted) == sorted(f"hi {n}" for n in range(20))


def test_a_bad_line_a_bad_header_or_an_unsendable_line_fails_that_line_only(api):
    bad_header = {**push(9).to_dict(), "headers": [["X-Note", "日本"]]}
    nowhere = {**push(8).to_dict(), "base": "elsewhere"}  # read fine, refused when sent
    lines = [*lines_of([push(1)]), "{oops\n", json.dumps(bad_header), json.dumps(nowhere),
             *lines_of([push(2)])]
    outcomes = replay(load_requests(lines), client_for(api).send)
    assert [o.status for o in outcomes] == [Status.SENT, Status.FAILED, Status.FAILED,
                                           Status.FAILED, Status.SENT]
    assert outcomes[1].request is None
    assert "not JSON" in outcomes[1].detail
    assert "latin-1" in outcomes[2].detail
    assert "no endpoint for base 'elsewhere'" in outcomes[3].detail
    assert texts(api.accepted) == ["hi 1", "hi 2"]


def test_a_refused_connection_is_an_unknown_outcome_of_that_line_only(api):
    with FakeLineApi() as gone:
        closed = gone.url
    client = Client("t", endpoints={"api": api.url, "data": closed}, timeout=2,
                    retry=RetryPolicy(max_attempts=2, backoff=0))
    content = Request(operation="get_message_content", method="GET", base="data",
                      path="/v2/bot/message/1/content")
    outcomes = replay(load_requests(lines_of([content, push(1)])), client.send)
    assert [o.status for o in outcomes] == [Status.UNKNOWN, Status.SENT]
    assert isinstance(outcomes[0].error, TransportError)
    assert not isinstance(outcomes[0].error, TransportTimeoutError)


def test_concurrency_below_one_is_refused(api):
    with pytest.raises(ValueError, match="concurrency must be at least 1"):
        replay([], client_for(api).send, concurrency=0)


# -- what a send's error says about the line -------------------------------------------------------


def error_of(api, fault=None, status=None):
    if fault is not None:
        api.fail(fault, delay=2.0)
    if status is not None:
        api.on(None, None, status=status, json={"message": "no"}, times=1)
    try:
        client_for(api, timeout=0.3, retry=None).send(push(1))
    except Exception as error:
        return error
    raise AssertionError("the send did not fail")


@pytest.mark.parametrize(("fault", "status", "expected"), [
    (Fault.DROP_BEFORE_ACCEPT, None, Status.UNKNOWN),
    (Fault.DROP_AFTER_ACCEPT, None, Status.UNKNOWN),
    (Fault.SLOW_ANSWER, None, Status.UNKNOWN),
    (Fault.STATUS_503, None, Status.UNKNOWN),
    (Fault.STATUS_429, None, Status.FAILED),
    (None, 400, Status.FAILED),
    (None, 401, Status.FAILED),
])
def test_status_of_an_error(api, fault, status, expected):
    assert status_of(error_of(api, fault, status)) is expected


def test_an_accepted_answer_that_cannot_be_decoded_counts_as_sent():
    assert status_of(UndecodableAnswerError(200, {}, b"<html>", "not JSON")) is Status.SENT
    assert status_of(ValueError("Invalid header value")) is Status.FAILED
    assert status_of(RuntimeError("?")) is Status.UNKNOWN


def test_which_requests_are_safe_to_resend():
    get = Request(operation="get_profile", method="GET", base="api", path="/v2/bot/profile/U1")
    assert resend_is_safe(get)
    assert resend_is_safe(push(1).with_retry_key())
    assert not resend_is_safe(push(1))
    assert not resend_is_safe(reply(1))


# -- the journal -----------------------------------------------------------------------------------


def test_journal_rows_survive_reopening(tmp_path):
    path = tmp_path / "j.sqlite"
    with Journal(path) as journal:
        journal.begin(3, "d3", "k3")
        journal.begin(1, "d1", None)
        journal.settle(1, "d1", LineState.SENT, status=200, request_id="r1")
    with Journal(path) as journal:
        [one, three] = journal.rows()
        assert (one.line, one.state, one.request_id, one.sends) == (1, LineState.SENT, "r1", 1)
        assert (three.state, three.retry_key) == (LineState.IN_FLIGHT, "k3")
        assert journal.get(1, "another digest") is None
        journal.begin(1, "d1", None)
        assert journal.get(1, "d1").sends == 2


def test_journal_lives_beside_the_file(tmp_path):
    assert journal_path(tmp_path / "c.jsonl") == tmp_path / "c.jsonl.journal.sqlite"


def test_a_rerun_sends_nothing_twice(api, journal):
    lines = lines_of([push(n) for n in range(10)] + [reply(n) for n in range(5)])
    first = replay(load_requests(lines), client_for(api).send, journal=journal, concurrency=3)
    second = replay(load_requests(lines), client_for(api).send, journal=journal, concurrency=3)
    assert {o.status for o in first} == {Status.SENT}
    assert {o.status for o in second} == {Status.ALREADY_SENT}
    assert len(api.requests) == 15
    assert {row.state for row in journal.rows()} == {LineState.SENT}


def test_a_line_that_took_no_effect_is_sent_again(api, journal):
    api.on(None, None, status=400, json={"message": "Invalid"}, times=1)
    lines = lines_of([push(1)])
    assert replay(load_requests(lines), client_for(api).send,
                  journal=journal)[0].status is Status.FAILED
    assert replay(load_requests(lines), client_for(api).send,
                  journal=journal)[0].status is Status.SENT
    assert texts(api.accepted) == ["hi 1"]


def test_unknown_outcomes_are_resent_with_their_key_or_held(api, journal):
    # the API takes both lines, then the answers are lost and no retry is allowed
    api.fail(Fault.DROP_AFTER_ACCEPT, times=2)
    lines = lines_of([push(1), reply(2)], retry_keys=False)  # the push gets its key from replay
    first = replay(load_requests(lines), client_for(api, retry=RetryPolicy(max_attempts=1)).send,
                   journal=journal)
    assert [o.status for o in first] == [Status.UNKNOWN, Status.UNKNOWN]
    key = journal.get(1, journal.rows()[0].digest).retry_key
    uuid.UUID(key)

    second = replay(load_requests(lines), client_for(api).send, journal=journal)
    assert [o.status for o in second] == [Status.SENT, Status.HELD]
    assert "could be delivered twice" in second[1].detail
    assert second[0].request.headers[KEY] == key  # resent with the key of its first send
    assert api.requests[-1].headers[KEY] == key  # ... and answered 409 "already accepted"
    assert texts(api.accepted) == ["hi 1", "re 2"]  # each once: the reply was not resent

    third = replay(load_requests(lines), client_for(api).send, journal=journal,
                   resend_unknown=True)
    assert [o.status for o in third] == [Status.ALREADY_SENT, Status.SENT]


def test_an_edited_line_is_a_new_line(api, journal):
    replay(load_requests(lines_of([push(1)])), client_for(api).send, journal=journal)
    replay(load_requests(lines_of([push(2)])), client_for(api).send, journal=journal)
    assert texts(api.accepted) == ["hi 1", "hi 2"]


def test_stop_starts_no_more_lines_and_finishes_those_in_flight(api, journal):
    api.on(None, None, delay=0.05)
    stop = threading.Event()

    def stop_after_five(outcome):
        if outcome.line == 5:
            stop.set()

    lines = lines_of([push(n) for n in range(40)])
    outcomes = replay(load_requests(lines), client_for(api).send, journal=journal,
                      concurrency=3, stop=stop, on_outcome=stop_after_five)
    assert 5 <= len(outcomes) <= 8  # the fifth, and at most those in flight with it
    assert {o.status for o in outcomes} == {Status.SENT}
    assert len(journal.rows()) == len(outcomes) == len(api.accepted)
    rest = replay(load_requests(lines), client_for(api).send, journal=journal, concurrency=3)
    assert texts(api.accepted) == sorted(f"hi {n}" for n in range(40))
    assert [o.status for o in rest].count(Status.SENT) == 40 - len(outcomes)


# -- progress and pacing ---------------------------------------------------------------------------


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def outcome(status=Status.SENT):
    return Outcome(line=1, text="", status=status, request=None)


def test_plain_progress_every_tenth_with_rate_and_time_left():
    stream, clock = io.StringIO(), Clock()
    progress = Progress(20, stream, live=False, clock=clock)
    for n in range(20):
        clock.now += 0.5
        progress(outcome(Status.FAILED if n == 3 else Status.SENT))
    progress.close()
    shown = stream.getvalue().splitlines()
    assert len(shown) == 10
    assert shown[0] == "progress: 2/20 done, 0 failed, 2.0/s, 0:00:09 left"
    assert shown[-1] == "progress: 20/20 done, 1 failed, 2.0/s, 0:00:00 left"


def test_plain_progress_also_shows_after_a_long_pause():
    stream, clock = io.StringIO(), Clock()
    progress = Progress(1000, stream, live=False, every=10, clock=clock)
    progress(outcome())
    clock.now += 11
    progress(outcome())
    assert stream.getvalue() == "progress: 2/1000 done, 0 failed, 0.2/s, 1:31:29 left\n"


def test_live_progress_redraws_one_bar_in_place():
    stream, clock = io.StringIO(), Clock()
    progress = Progress(4, stream, live=True, clock=clock)
    for _ in range(4):
        clock.now += 1
        progress(outcome())
    progress.close()
    frames = stream.getvalue().split("\r")[1:]
    assert frames[-1] == "[########################] 4/4 lines  1.0/s  0:00:00 left  0 failed \n"
    assert frames[0].startswith("[######..................] 1/4 lines  1.0/s  0:00:03 left")
    assert "\n" not in "".join(frames[:-1])


def test_skipped_lines_do_not_make_the_rate():
    stream, clock = io.StringIO(), Clock()
    progress = Progress(2, stream, live=False, clock=clock)
    clock.now += 1
    progress(outcome(Status.ALREADY_SENT))
    assert progress.rate(clock.now) == 0
    assert duration(float("inf")) == "?"
    assert duration(3725) == "1:02:05"


def test_rate_limit_spaces_calls_evenly_across_threads():
    clock, slept = Clock(), []

    def sleep(seconds):
        slept.append(seconds)

    limit = RateLimit(4, clock=clock, sleep=sleep)
    waits = [limit.wait() for _ in range(5)]
    assert waits == [0.0, 0.25, 0.5, 0.75, 1.0]
    assert slept == [0.25, 0.5, 0.75, 1.0]
    clock.now += 10  # idle: the next call goes at once
    assert limit.wait() == 0.0


def test_a_paced_transport_waits_before_each_request(api):
    waits = []
    limit = RateLimit(1000)
    original = limit.wait

    def counted():
        waits.append(original())
        return waits[-1]

    limit.wait = counted
    client = Client("t", endpoints=api.endpoints, transport=limit.paced(default_transport()))
    client.send(push(1))
    client.send(push(2))
    assert len(waits) == 2
    assert len(api.requests) == 2


@pytest.mark.parametrize("rate", [0, -1, float("nan"), float("inf")])
def test_a_rate_that_is_not_positive_is_refused(rate):
    with pytest.raises(ValueError, match="positive number of requests per second"):
        RateLimit(rate)


def test_a_journal_transaction_keeps_all_its_changes_or_none(journal):
    with journal.transaction():
        journal.begin(1, "d1", None)
        journal.begin(2, "d2", None)

    def settle_then_die():
        with journal.transaction():
            journal.settle(1, "d1", LineState.SENT)
            raise RuntimeError("the run died here")

    with pytest.raises(RuntimeError):
        settle_then_die()
    assert [(row.line, row.state) for row in journal.rows()] == [
        (1, LineState.IN_FLIGHT), (2, LineState.IN_FLIGHT)]


def test_a_download_nobody_reads_is_closed(api):
    api.on("GET", re.compile(r"/v2/bot/message/\d+/content"), body=b"x" * 100_000,
           headers={"Content-Type": "image/jpeg"})
    closed = []
    real = default_transport()

    class Watched:
        def __init__(self, stream):
            self.stream = stream

        def read(self, amt=None, /):
            return self.stream.read(amt)

        def close(self):
            closed.append(True)
            self.stream.close()

    def transport(http_request):
        response = real(http_request)
        assert http_request.stream
        return Response(status=response.status, headers=response.headers,
                        body=Watched(response.body))

    client = Client("t", endpoints=api.endpoints, transport=transport)
    lines = lines_of([get_message_content(str(n)) for n in range(3)])
    outcomes = replay(load_requests(lines), client.send)
    assert [o.status for o in outcomes] == [Status.SENT] * 3
    assert len(closed) == 3


# -- a retry key is trusted for the 24 hours LINE keeps it ---------------------------------------


HOUR = 3600.0


def unknown_outcomes(api, journal, clock, lines):
    """A first run at ``clock``'s time whose every line meets a lost answer: all unknown."""
    api.fail(Fault.DROP_AFTER_ACCEPT, times=len(lines))
    no_retry = client_for(api, retry=RetryPolicy(max_attempts=1))
    first = replay(load_requests(lines), no_retry.send, journal=journal, clock=clock)
    assert {o.status for o in first} == {Status.UNKNOWN}
    return first


def test_a_rerun_25_hours_later_holds_its_keyed_lines_of_unknown_outcome(api, journal):
    clock = FakeClock()
    lines = lines_of([push(1), push(2)])
    unknown_outcomes(api, journal, clock, lines)
    assert {row.key_first_sent for row in journal.rows()} == {clock()}
    sent_before = len(api.requests)

    clock.advance(25 * HOUR)
    later = replay(load_requests(lines), client_for(api).send, journal=journal, clock=clock)
    assert [o.status for o in later] == [Status.HELD, Status.HELD]
    assert "its retry key was first sent 25.0 hours ago" in later[0].detail
    assert "LINE keeps a key 24 hours" in later[0].detail
    assert len(api.requests) == sent_before  # nothing sent

    forced = replay(load_requests(lines), client_for(api).send, journal=journal, clock=clock,
                    resend_unknown=True)
    assert [o.status for o in forced] == [Status.SENT, Status.SENT]
    assert forced[0].request.headers[KEY] == later[0].request.headers[KEY]  # the same key


def test_within_the_day_a_keyed_line_of_unknown_outcome_is_resent_with_its_key(api, journal):
    clock = FakeClock()
    lines = lines_of([push(1)])
    [first] = unknown_outcomes(api, journal, clock, lines)
    clock.advance(23 * HOUR)
    [again] = replay(load_requests(lines), client_for(api).send, journal=journal, clock=clock)
    assert again.status is Status.SENT
    assert api.requests[-1].headers[KEY] == first.request.headers[KEY]
    assert texts(api.accepted) == ["hi 1"]  # once: the resend met 409 "already accepted"


def test_a_key_is_aged_from_its_first_send_not_its_latest(api, journal):
    clock = FakeClock()
    lines = lines_of([push(1)])
    unknown_outcomes(api, journal, clock, lines)
    clock.advance(20 * HOUR)  # resent within the day: its answer is lost again
    unknown_outcomes(api, journal, clock, lines)
    clock.advance(5 * HOUR)  # 5 hours after the resend, 25 after the first send
    [held] = replay(load_requests(lines), client_for(api).send, journal=journal, clock=clock)
    assert held.status is Status.HELD
    assert "first sent 25.0 hours ago" in held.detail


def test_an_idempotent_line_of_unknown_outcome_is_resent_whatever_its_age(api, journal):
    clock = FakeClock()
    profile = Request(operation="get_profile", method="GET", base="api",
                      path="/v2/bot/profile/U1")
    lines = lines_of([profile])
    api.fail(Fault.STATUS_503)
    [first] = replay(load_requests(lines), client_for(api, retry=None).send, journal=journal,
                     clock=clock)
    assert first.status is Status.UNKNOWN
    clock.advance(48 * HOUR)
    [again] = replay(load_requests(lines), client_for(api).send, journal=journal, clock=clock)
    assert again.status is Status.SENT


@pytest.mark.parametrize(("first_sent", "now", "trusted"), [
    (0.0, 0.0, True),
    (0.0, 23 * HOUR, True),
    (0.0, KEY_LIFETIME - KEY_MARGIN - 1, True),
    (0.0, KEY_LIFETIME - KEY_MARGIN, False),  # a resend must reach LINE before the key goes
    (0.0, 25 * HOUR, False),
    (None, 0.0, False),  # not known: not trusted
    (100.0, 0.0, True),  # a clock set back: the key is new
])
def test_key_is_trusted(first_sent, now, trusted):
    assert key_is_trusted(first_sent, now) is trusted
    assert KEY_LIFETIME == 24 * HOUR


# -- iter_replay keeps nothing ------------------------------------------------------------------


def test_iter_replay_yields_each_line_as_it_settles(api, journal):
    lines = lines_of([push(n) for n in range(12)] + [reply(1)])
    outcomes = iter_replay(load_requests(lines), client_for(api).send, journal=journal,
                           concurrency=3)
    assert not isinstance(outcomes, list)
    seen = [outcome.line for outcome in outcomes]
    assert sorted(seen) == list(range(1, 14))
    again = list(iter_replay(load_requests(lines), client_for(api).send, journal=journal))
    assert [o.status for o in again] == [Status.ALREADY_SENT] * 13  # in line order


def test_iter_replay_refuses_a_bad_concurrency_at_once(api):
    with pytest.raises(ValueError, match="concurrency must be at least 1"):
        iter_replay([], client_for(api).send, concurrency=0)


# -- the month's quota spent mid-run -------------------------------------------------------------


def test_a_spent_quota_fails_its_line_and_starts_no_other(api, journal):
    api.set_quota(3)
    lines = lines_of([push(n) for n in range(6)])
    outcomes = replay(load_requests(lines), client_for(api).send, journal=journal)
    assert [o.status for o in outcomes] == [Status.SENT] * 3 + [Status.FAILED]
    assert isinstance(outcomes[3].error, QuotaExceededError)
    assert len(api.requests) == 4  # refused once, never retried; lines 5 and 6 not started
    assert journal.get(4, journal.rows()[3].digest).state is LineState.FAILED  # no effect
    api.set_quota(10, used=3)  # next month, or a bigger plan
    rest = replay(load_requests(lines), client_for(api).send, journal=journal)
    assert [o.status for o in rest] == [Status.ALREADY_SENT] * 3 + [Status.SENT] * 3
    assert texts(api.accepted) == sorted(f"hi {n}" for n in range(6))
