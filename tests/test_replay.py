"""Replay: JSON lines of requests sent later, failures kept, bad lines named."""

import json
import os
import subprocess
import sys

import pytest

from linebot_fp.errors import InvalidPayloadError
from linebot_fp.replay import dump_requests, load_requests
from linebot_fp.request import Request
from linebot_fp.testing import FakeLineApi


def push(n):
    body = json.dumps({"to": f"U{n}", "messages": [{"type": "text", "text": f"hi {n}"}]})
    return Request(operation="push_message", method="POST", base="api",
                   path="/v2/bot/message/push", headers={"Content-Type": "application/json"},
                   body=body.encode())


def run_cli(*args, token="token-1"):
    env = {**os.environ, "LINE_CHANNEL_ACCESS_TOKEN": token}
    if token is None:
        del env["LINE_CHANNEL_ACCESS_TOKEN"]
    return subprocess.run([sys.executable, "-m", "linebot_fp", *args], capture_output=True,
                          text=True, env=env, timeout=120)


@pytest.fixture
def replay_file(tmp_path):
    path = tmp_path / "campaign.jsonl"
    with path.open("w", encoding="utf-8") as file:
        dump_requests([push(n) for n in range(250)], file)
    return path


def test_dump_then_load_gives_equal_requests(tmp_path):
    path = tmp_path / "r.jsonl"
    with path.open("w") as file:
        assert dump_requests([push(1), push(2)], file) == 2
    with path.open() as file:
        assert [request for _, request, _ in load_requests(file)] == [push(1), push(2)]


def test_malformed_lines_are_reported_by_number():
    lines = [json.dumps(push(1).to_dict()), "", "{not json", '{"method": "GET"}']
    entries = list(load_requests(lines))
    assert [number for number, _, _ in entries] == [1, 3, 4]
    assert isinstance(entries[1][1], InvalidPayloadError)
    assert "not JSON" in str(entries[1][1])
    assert "missing operation" in str(entries[2][1])


def test_replay_sends_everything_with_progress_and_summary(replay_file):
    with FakeLineApi() as api:
        result = run_cli("replay", str(replay_file), "--endpoint", api.url, "--concurrency", "4")
        assert result.returncode == 0, result.stderr
        assert len(api.requests) == 250
        assert {r.headers["Authorization"] for r in api.requests} == {"Bearer token-1"}
        assert sorted(r.json()["to"] for r in api.requests) == sorted(f"U{n}" for n in range(250))
    assert "progress: 200 done, 0 failed" in result.stderr
    assert "250 sent, 0 failed" in result.stdout
    assert not replay_file.with_name("campaign.failed.jsonl").exists()


def test_failures_and_bad_lines_go_to_the_failure_file(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([
        json.dumps(push(1).to_dict()),
        "{oops",
        json.dumps(push(2).to_dict()),
    ]) + "\n", encoding="utf-8")
    with FakeLineApi() as api:
        api.on("POST", "/v2/bot/message/push", status=400, times=1,
               json={"message": "Invalid", "details": [{"message": "bad", "property": "to"}]})
        result = run_cli("replay", str(path), "--endpoint", api.url)
    assert result.returncode == 1
    assert "line 2:" in result.stderr
    assert "Traceback" not in result.stderr
    assert "1 sent, 2 failed" in result.stdout
    failed = [json.loads(line) for line in
              (tmp_path / "mixed.failed.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [record["line"] for record in failed] == [1, 2]
    assert failed[0]["error"]["status"] == 400
    assert failed[0]["error"]["details"] == [{"message": "bad", "property": "to"}]
    assert Request.from_dict(failed[0]) == push(1)  # the failure file replays as it is
    assert failed[1]["unreadable"] == "{oops"


def test_dry_run_needs_no_token_and_sends_nothing(replay_file):
    with FakeLineApi() as api:
        result = run_cli("replay", str(replay_file), "--dry-run", "--endpoint", api.url,
                         token=None)
        assert api.requests == []
    assert result.returncode == 0
    assert "250 checked, 0 failed" in result.stdout


def test_missing_token_or_file_is_a_usage_error(replay_file, tmp_path):
    assert run_cli("replay", str(replay_file), token=None).returncode == 2
    assert run_cli("replay", str(tmp_path / "nope.jsonl")).returncode == 2
