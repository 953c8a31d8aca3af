"""A replay interrupted mid-run (Ctrl-C, or killed outright) and run again: every line is
delivered exactly once, or reported as of unknown outcome where it had no retry key.

The replay runs as a child process against a FakeLineApi that answers slowly, so it is
mid-run when the signal comes; the signal goes to that child, by its pid.
"""

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter

import pytest

from linebot_fp.api import push_message, reply_message
from linebot_fp.models import TextSendMessage
from linebot_fp.replay import dump_requests
from linebot_fp.testing import FakeLineApi, Fault

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals to a child")

TOKEN = "token-interrupted"
LINES = 120


def request_for(n):
    """Line n + 1: a keyed push, a push stored without a key, or a reply (which takes none)."""
    if n % 3 == 0:
        return reply_message(f"token{n}", TextSendMessage(text=f"line {n + 1}"))
    return push_message(f"U{n}", TextSendMessage(text=f"line {n + 1}"))


def write_campaign(path):
    with path.open("w", encoding="utf-8") as file:
        for n in range(LINES):
            dump_requests([request_for(n)], file, retry_keys=n % 3 == 1)
    return path


def start(path, api, *args):
    env = {**os.environ, "LINE_CHANNEL_ACCESS_TOKEN": TOKEN}
    return subprocess.Popen(
        [sys.executable, "-m", "linebot_fp", "replay", str(path), "--endpoint", api.url,
         "--concurrency", "3", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def wait_for_accepted(api, count, child):
    for _ in range(600):  # at most ~60 s
        if len(api.accepted) >= count or child.poll() is not None:
            return
        time.sleep(0.1)
    raise AssertionError(f"only {len(api.accepted)} lines accepted in 60 s")


def line_of(recorded):
    return int(json.loads(recorded.body)["messages"][0]["text"].removeprefix("line "))


def held_lines(path):
    failed = path.with_name(path.stem + ".failed.jsonl")
    records = [json.loads(line) for line in failed.read_text(encoding="utf-8").splitlines()]
    return {record["line"] for record in records if record["error"]["outcome"] == "held"}


def assert_each_line_once_or_held(api, held, unknown_before):
    delivered = Counter(line_of(r) for r in api.accepted)
    assert max(delivered.values()) == 1  # nothing twice
    for line in range(1, LINES + 1):
        if line in held:  # a reply whose first send has an unknown outcome: reported, not resent
            assert (line - 1) % 3 == 0
            assert line in unknown_before
        else:
            assert delivered[line] == 1, f"line {line} was not delivered"


def assert_one_key_per_push(api):
    keys = {}
    for recorded in api.requests:
        if recorded.path.endswith("/push"):
            keys.setdefault(line_of(recorded), set()).add(recorded.headers["X-Line-Retry-Key"])
    assert all(len(used) == 1 for used in keys.values())  # stored with a key or not, every
    # push kept one key across both runs, so its resends could only meet 409


def test_ctrl_c_finishes_what_is_in_flight_and_a_rerun_sends_the_rest_once(tmp_path):
    path = write_campaign(tmp_path / "campaign.jsonl")
    push, reply = "/v2/bot/message/push", "/v2/bot/message/reply"
    with FakeLineApi() as api:
        api.on(None, None, delay=0.05)
        api.fail(Fault.DROP_AFTER_ACCEPT, path=reply)  # took effect, the bot cannot know
        api.fail(Fault.DROP_BEFORE_ACCEPT, path=reply)  # took no effect, the bot cannot know
        api.fail(Fault.DROP_AFTER_ACCEPT, path=push, times=2)
        api.fail(Fault.DROP_BEFORE_ACCEPT, path=push, times=2)
        api.fail(Fault.STATUS_503, path=push)
        child = start(path, api, "--max-attempts", "1")  # so a fault leaves the outcome unknown
        wait_for_accepted(api, 20, child)
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=60)
        assert child.returncode == 130, err
        assert "interrupted: finishing the requests in flight" in err
        assert "Traceback" not in err
        assert "7 failed, 7 of them with no answer (outcome unknown)" in out  # the summary
        assert "lines not started" in out
        assert 20 <= len(api.accepted) < LINES
        faulted = {line_of(r): r.path for _, r in api.faults}
        assert len(faulted) == 7

        rerun = start(path, api)
        out, err = rerun.communicate(timeout=120)
        assert rerun.returncode == 1, err
        assert "already sent by an earlier run, 2 of unknown outcome held back" in out
        assert "lines not started" not in out
        held = held_lines(path)
        assert held == {line for line, where in faulted.items() if where == reply}
        assert_each_line_once_or_held(api, held, set(faulted))
        assert_one_key_per_push(api)
        assert TOKEN not in out + err


def test_a_replay_killed_outright_loses_and_duplicates_nothing(tmp_path):
    path = write_campaign(tmp_path / "campaign.jsonl")
    with FakeLineApi() as api:
        api.on(None, None, delay=0.1)
        child = start(path, api)
        wait_for_accepted(api, 15, child)
        child.kill()  # SIGKILL: no handler runs, lines in flight stay in flight in the journal
        child.communicate(timeout=60)
        assert child.returncode == -signal.SIGKILL
        in_flight = {line_of(r) for r in api.requests} - {line_of(r) for r in api.accepted}
        accepted_when_killed = {line_of(r) for r in api.accepted}

        rerun = start(path, api)
        out, err = rerun.communicate(timeout=120)
        assert rerun.returncode in (0, 1), err
        assert "already sent by an earlier run" in out
        held = held_lines(path) if rerun.returncode else set()
        # a reply in flight at the kill was accepted (the API took it first) but is held
        assert held <= accepted_when_killed | in_flight
        assert_each_line_once_or_held(api, held, accepted_when_killed | in_flight)
        assert_one_key_per_push(api)
