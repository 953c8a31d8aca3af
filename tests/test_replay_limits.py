"""``replay`` within LINE's limits: ``--rate auto`` (each operation at its tier), ``--check-quota``
(refuse to start past the month's quota) and a quota spent mid-run, against a FakeLineApi that
plays LINE's rate windows and quota counters.
"""

import argparse
import io
import json
import os
import subprocess
import sys

import pytest
from replay_support import push, texts

from linebot_fp.api import broadcast, multicast
from linebot_fp.limits import Limiter
from linebot_fp.models import TextSendMessage
from linebot_fp.replay import Journal, LineState, dump_requests, journal_path
from linebot_fp.replay.command import TOKEN_VARIABLE, add_arguments, run
from linebot_fp.testing import FakeClock, FakeLineApi

TOKEN = "token-limits"
HOUR = 3600.0


def write(path, requests):
    with path.open("w", encoding="utf-8") as file:
        dump_requests(requests, file)
    return path


def run_cli(*args):
    env = {**os.environ, TOKEN_VARIABLE: TOKEN}
    return subprocess.run([sys.executable, "-m", "linebot_fp", "replay", *map(str, args)],
                          capture_output=True, text=True, env=env, timeout=120)


def run_here(*argv, clock, limiter=None):
    """The command in this process, on ``clock``; ``(status, stdout, stderr)``."""
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    out, err = io.StringIO(), io.StringIO()
    status = run(parser.parse_args([str(a) for a in argv]), stdout=out, stderr=err,
                 clock=clock, limiter=limiter)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def api():
    with FakeLineApi() as server:
        yield server


def broadcasts(count):
    return [broadcast(TextSendMessage(text=f"news {n}")) for n in range(count)]


# -- --rate auto -----------------------------------------------------------------------------------


def test_rate_auto_keeps_each_operation_within_its_tier(tmp_path, monkeypatch):
    # 65 broadcasts (LINE: 60 an hour) and 5 pushes (2,000 a second), on a clock the test
    # owns: the limiter's waits move it, and the fake API's windows read it
    monkeypatch.setenv(TOKEN_VARIABLE, TOKEN)
    clock = FakeClock()
    path = write(tmp_path / "news.jsonl", [*broadcasts(65), *(push(n) for n in range(5))])
    with FakeLineApi(clock=clock, enforce_limits=True) as api:
        limiter = Limiter(clock=clock.monotonic, sleep=clock.sleep)
        started = clock.monotonic()
        status, out, err = run_here(path, "--endpoint", api.url, "--rate", "auto",
                                    "--concurrency", "4", clock=clock, limiter=limiter)
        assert status == 0, err
        assert out == "70 sent, 0 failed\n"
        assert len(api.requests) == 70  # not one 429: nothing retried
        assert clock.monotonic() - started >= HOUR  # the 61st broadcast waited an hour
        sent = [time for time, endpoint in api.limits.counted if "broadcast" in endpoint]
        assert len(sent) == 65
        # no hour holds more than 60 of them
        assert all(sent[n + 60] - sent[n] >= HOUR for n in range(len(sent) - 60))


def test_without_rate_auto_the_same_file_meets_the_rate_limit(tmp_path, monkeypatch):
    monkeypatch.setenv(TOKEN_VARIABLE, TOKEN)
    clock = FakeClock()
    path = write(tmp_path / "news.jsonl", broadcasts(65))
    with FakeLineApi(clock=clock, enforce_limits=True) as api:
        status, out, _ = run_here(path, "--endpoint", api.url, "--max-attempts", "1",
                                  clock=clock)
    assert status == 1
    assert out.startswith("60 sent, 5 failed (written to ")


def test_rate_auto_and_a_number_are_the_only_rates():
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    assert parser.parse_args(["f", "--rate", "auto"]).rate == "auto"
    assert parser.parse_args(["f", "--rate", "AUTO"]).rate == "auto"
    assert parser.parse_args(["f", "--rate", "2.5"]).rate == 2.5
    with pytest.raises(SystemExit):
        parser.parse_args(["f", "--rate", "fast"])


# -- --check-quota ---------------------------------------------------------------------------------


def campaign(tmp_path):
    """Four pushes and a multicast to three users: seven messages."""
    return write(tmp_path / "q.jsonl", [*(push(n) for n in range(4)),
                                         multicast(["U7", "U8", "U9"], TextSendMessage(text="m"))])


def test_check_quota_refuses_to_start_past_what_remains(api, tmp_path):
    api.set_quota(10, used=5)
    result = run_cli(campaign(tmp_path), "--endpoint", api.url, "--check-quota")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "replay: --check-quota: the lines left would send 7 messages, but only 5 of this "
        "month's 10 remain (5 used); nothing was sent: send fewer lines, or raise the quota, "
        "then run again\n")
    assert [r.method for r in api.requests] == ["GET", "GET"]  # the quota, and nothing sent


def test_check_quota_lets_a_file_that_fits_go(api, tmp_path):
    api.set_quota(10, used=3)
    result = run_cli(campaign(tmp_path), "--endpoint", api.url, "--check-quota")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "5 sent, 0 failed\n"
    assert ("replay: --check-quota: the lines left send 7 messages; 7 of this month's 10 "
            "remain") in result.stderr
    assert api.limits.used == 10


def test_check_quota_names_what_it_cannot_count_and_a_quota_without_limit(api, tmp_path):
    path = write(tmp_path / "b.jsonl", [push(1), *broadcasts(1)])
    result = run_cli(path, "--endpoint", api.url, "--check-quota")
    assert result.returncode == 0, result.stderr
    assert ("the lines left send 1 messages (1 broadcast, narrowcast or group lines not "
            "counted: the file does not name their recipients); this month's quota has no "
            "limit") in result.stderr


def test_check_quota_with_a_dry_run_reads_the_quota_and_sends_nothing(api, tmp_path):
    api.set_quota(6)
    result = run_cli(campaign(tmp_path), "--endpoint", api.url, "--check-quota", "--dry-run")
    assert result.returncode == 2
    assert "would send 7 messages, but only 6" in result.stderr
    assert {r.method for r in api.requests} == {"GET"}


def test_a_quota_that_cannot_be_read_is_a_refusal(api, tmp_path):
    api.on("GET", "/v2/bot/message/quota", status=500, json={"message": "down"})
    result = run_cli(campaign(tmp_path), "--endpoint", api.url, "--check-quota",
                     "--max-attempts", "1")
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("replay: --check-quota: cannot read the month's message quota (")
    assert line.endswith("nothing was sent")
    assert all(r.method == "GET" for r in api.requests)


# -- the quota spent mid-run -----------------------------------------------------------------------


def test_a_quota_spent_mid_run_stops_the_run_then_a_checked_rerun_sends_the_rest(api, tmp_path):
    path = write(tmp_path / "m.jsonl", [push(n) for n in range(8)])
    api.set_quota(5)
    first = run_cli(path, "--endpoint", api.url)
    assert first.returncode == 1
    assert first.stdout == (
        f"5 sent, 1 failed, stopped: the month's message quota is spent, 2 lines not started "
        f"(written to {tmp_path / 'm.failed.jsonl'})\n")
    assert "line 6: LINE API answered 429: You have reached your monthly limit." in first.stderr
    assert "no further line was started: rerun once the quota allows" in first.stderr
    [failed] = [json.loads(line) for line in
                (tmp_path / "m.failed.jsonl").read_text(encoding="utf-8").splitlines()]
    assert (failed["line"], failed["error"]["outcome"], failed["error"]["status"]) == (
        6, "failed", 429)
    assert len(api.requests) == 6  # the refused line was not retried
    with Journal(journal_path(path)) as journal:
        states = {row.line: row.state for row in journal.rows()}
    assert states[6] is LineState.FAILED  # it took no effect: a rerun sends it
    assert 7 not in states

    api.set_quota(8, used=5)
    rerun = run_cli(path, "--endpoint", api.url, "--check-quota")
    assert rerun.returncode == 0, rerun.stderr
    assert "the lines left send 3 messages; 3 of this month's 8 remain" in rerun.stderr
    assert rerun.stdout == "3 sent, 0 failed, 5 already sent by an earlier run\n"
    pushes = [r for r in api.accepted if r.method == "POST"]
    assert texts(pushes) == sorted(f"hi {n}" for n in range(8))  # each once
