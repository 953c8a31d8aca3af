"""``python -m linebot_fp replay``: summary, progress, failure file, journal, options, usage
errors, and a token that never shows. Each test runs the command as a child process against
FakeLineApi.
"""

import json
import os
import select
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from replay_support import damage, push, read_only_folder, reply, texts

from linebot_fp.replay import Journal, dump_requests, journal_path
from linebot_fp.request import Request
from linebot_fp.testing import FakeLineApi, Fault

TOKEN = "token-1-do-not-print"


def command(*args, token=TOKEN):
    env = {k: v for k, v in os.environ.items() if k != "LINE_CHANNEL_ACCESS_TOKEN"}
    if token is not None:
        env["LINE_CHANNEL_ACCESS_TOKEN"] = token
    return [sys.executable, "-m", "linebot_fp", "replay", *map(str, args)], env


def run_cli(*args, token=TOKEN):
    argv, env = command(*args, token=token)
    return subprocess.run(argv, capture_output=True, text=True, env=env, timeout=120)


def write(path, requests, retry_keys=True):
    with path.open("w", encoding="utf-8") as file:
        dump_requests(requests, file, retry_keys=retry_keys)
    return path


@pytest.fixture
def api():
    with FakeLineApi() as server:
        yield server


@pytest.fixture
def campaign(tmp_path):
    return write(tmp_path / "campaign.jsonl", [push(n) for n in range(250)])


def test_sends_everything_with_progress_summary_and_journal_then_nothing_again(api, campaign):
    result = run_cli(campaign, "--endpoint", api.url, "--concurrency", "4")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "250 sent, 0 failed\n"
    progress = [line for line in result.stderr.splitlines() if line.startswith("progress: ")]
    assert len(progress) == 10
    assert progress[7].startswith("progress: 200/250 done, 0 failed, ")
    assert progress[-1].startswith("progress: 250/250 done, 0 failed, ")
    assert progress[-1].endswith(" left")
    assert {r.headers["Authorization"] for r in api.requests} == {f"Bearer {TOKEN}"}
    assert texts(api.accepted) == sorted(f"hi {n}" for n in range(250))
    assert campaign.with_name("campaign.jsonl.journal.sqlite").is_file()
    assert not campaign.with_name("campaign.failed.jsonl").exists()

    again = run_cli(campaign, "--endpoint", api.url)
    assert again.returncode == 0, again.stderr
    assert again.stdout == "nothing to send: all 250 lines were sent by earlier runs\n"
    assert again.stderr == ""  # no progress, no "? left"
    assert len(api.requests) == 250


def test_failed_lines_go_to_the_failure_file_and_the_run_goes_on(api, tmp_path):
    path = tmp_path / "mixed.jsonl"
    [first, second] = [json.dumps(push(n).with_retry_key().to_dict()) for n in (1, 2)]
    bad_header = json.dumps({**push(3).to_dict(), "headers": [["X-Note", "a\r\nb"]]})
    path.write_text("\n".join([first, "{oops", bad_header, second]) + "\n", encoding="utf-8")
    api.on("POST", "/v2/bot/message/push", status=400, times=1,
           json={"message": "Invalid", "details": [{"message": "bad", "property": "to"}]})
    result = run_cli(path, "--endpoint", api.url)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "line 2: not JSON" in result.stderr
    assert "line 3: " in result.stderr
    assert result.stdout.startswith("1 sent, 3 failed (written to ")
    failed = [json.loads(line) for line in
              (tmp_path / "mixed.failed.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [record["line"] for record in failed] == [1, 2, 3]
    assert failed[0]["error"]["outcome"] == "failed"
    assert failed[0]["error"]["status"] == 400
    assert failed[0]["error"]["details"] == [{"message": "bad", "property": "to"}]
    assert Request.from_dict(failed[0]) == Request.from_dict(json.loads(first))  # replayable
    assert failed[1]["unreadable"] == "{oops"
    assert "CR, LF or NUL" in failed[2]["error"]["message"]
    assert texts(api.accepted) == ["hi 2"]

    again = run_cli(path, "--endpoint", api.url)  # the refused line took no effect: sent now
    assert again.stdout.startswith("1 sent, 2 failed, 1 already sent by an earlier run")
    assert texts(api.accepted) == ["hi 1", "hi 2"]


def test_unknown_outcomes_keyed_are_resent_and_unkeyed_are_held(api, tmp_path):
    path = write(tmp_path / "u.jsonl", [push(1), reply(2)])
    api.fail(Fault.DROP_AFTER_ACCEPT, times=2)
    first = run_cli(path, "--endpoint", api.url, "--max-attempts", "1")
    assert first.returncode == 1
    assert first.stdout.startswith("0 sent, 2 failed, 2 of them with no answer")

    second = run_cli(path, "--endpoint", api.url)
    assert second.returncode == 1
    assert second.stdout.startswith("1 sent, 0 failed, 1 of unknown outcome held back")
    assert "line 2: outcome unknown since an earlier run" in second.stderr
    assert "--resend-unknown" in second.stderr
    held = json.loads((tmp_path / "u.failed.jsonl").read_text(encoding="utf-8"))
    assert (held["line"], held["error"]["outcome"]) == (2, "held")
    assert texts(api.accepted) == ["hi 1", "re 2"]  # each once

    forced = run_cli(path, "--endpoint", api.url, "--resend-unknown")
    assert forced.returncode == 0
    assert forced.stdout == "1 sent, 0 failed, 1 already sent by an earlier run\n"
    assert texts(api.accepted) == ["hi 1", "re 2", "re 2"]  # as asked: it may go twice


def test_timeout_deadline_rate_and_journal_options(api, tmp_path):
    path = write(tmp_path / "o.jsonl", [push(n) for n in range(12)])
    journal = tmp_path / "elsewhere.sqlite"
    api.fail(Fault.SLOW_ANSWER, delay=2.0)
    result = run_cli(path, "--endpoint", api.url, "--timeout", "0.3", "--deadline", "20",
                     "--max-attempts", "3", "--rate", "200", "--journal", journal,
                     "--concurrency", "3")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "12 sent, 0 failed\n"
    assert texts(api.accepted) == sorted(f"hi {n}" for n in range(12))
    assert len(api.requests) == 13  # the slow one timed out, its retry met 409
    with sqlite3.connect(journal) as db:
        assert db.execute("SELECT count(*) FROM lines WHERE state = 'sent'").fetchone() == (12,)
    assert not path.with_name("o.jsonl.journal.sqlite").exists()


def test_dry_run_needs_no_token_and_sends_and_records_nothing(api, campaign):
    result = run_cli(campaign, "--dry-run", "--endpoint", api.url, token=None)
    assert api.requests == []
    assert result.returncode == 0
    assert result.stdout == "250 checked, 0 failed\n"
    assert not campaign.with_name("campaign.jsonl.journal.sqlite").exists()


@pytest.mark.parametrize(("args", "token", "message"), [
    ((), None, "set LINE_CHANNEL_ACCESS_TOKEN"),
    ((), "has a\nnewline", "channel_access_token has whitespace"),
    (("--concurrency", "0"), TOKEN, "--concurrency must be at least 1"),
    (("--timeout", "0"), TOKEN, "--timeout must be a positive number"),
    (("--max-attempts", "0"), TOKEN, "max_attempts must be an int of at least 1"),
    (("--deadline", "nan"), TOKEN, "deadline must be a finite number"),
    (("--rate", "0"), TOKEN, "rate must be a positive number"),
])
def test_usage_errors_say_what_is_wrong(campaign, args, token, message):
    result = run_cli(campaign, *args, token=token)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_file_is_a_usage_error(tmp_path):
    missing = run_cli(tmp_path / "nope.jsonl")
    assert (missing.returncode, missing.stderr) == (2, f"replay: no such file: "
                                                        f"{tmp_path / 'nope.jsonl'}\n")


# -- a journal that cannot be used: one line, exit 2, nothing sent ------------------------------


def assert_refused(result, api, journal, *phrases):
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    [line] = result.stderr.splitlines()  # one line
    assert line.startswith("replay: ")
    assert str(journal) in line
    for phrase in phrases:
        assert phrase in line
    assert api.requests == []  # nothing sent


def test_a_journal_in_a_read_only_folder_cannot_be_created(api, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = write(folder / "c.jsonl", [push(1)])
    with read_only_folder(folder):
        result = run_cli(path, "--endpoint", api.url)
    assert_refused(result, api, journal_path(path), "cannot create the journal",
                   "is read-only", "give the journal a path in a writable folder")


def test_an_existing_journal_in_a_read_only_folder_is_kept_not_called_junk(api, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = write(folder / "c.jsonl", [push(1), push(2)])
    api.on(None, None, status=400, json={"message": "Invalid"}, times=1)
    assert run_cli(path, "--endpoint", api.url).returncode == 1  # line 1 to go again
    api.reset()
    with read_only_folder(folder):
        result = run_cli(path, "--endpoint", api.url)
    assert_refused(result, api, journal_path(path), "its folder", "is read-only",
                   "keep it: it records what was sent")
    assert "not a replay journal" not in result.stderr
    again = run_cli(path, "--endpoint", api.url)  # the folder writable again: it goes on
    assert again.stdout == "1 sent, 0 failed, 1 already sent by an earlier run\n"


def test_a_damaged_journal_is_refused_before_anything_is_sent(api, tmp_path):
    path = write(tmp_path / "c.jsonl", [push(n) for n in range(600)])
    assert run_cli(path, "--endpoint", api.url, "--concurrency", "4").returncode == 0
    damage(journal_path(path))  # garbage over its pages
    api.reset()
    result = run_cli(path, "--endpoint", api.url)
    assert_refused(result, api, journal_path(path), "is damaged", "nothing was sent",
                   "Restore it from a backup")


def test_a_journal_held_by_another_run_is_refused(api, campaign):
    with Journal(journal_path(campaign)):  # another run holds it
        result = run_cli(campaign, "--endpoint", api.url)
    assert_refused(result, api, journal_path(campaign), "in use by another replay",
                   "wait for that run to end")


def test_a_journal_that_is_not_one_is_refused(api, campaign, tmp_path):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"junk" * 1000)
    result = run_cli(campaign, "--endpoint", api.url, "--journal", junk)
    assert_refused(result, api, junk, "not an SQLite database")


# -- retry keys older than the 24 hours LINE keeps them ------------------------------------------


def test_a_keyed_line_whose_key_is_older_than_a_day_is_held_then_forced(api, tmp_path):
    path = write(tmp_path / "k.jsonl", [push(1), push(2)])
    api.fail(Fault.DROP_AFTER_ACCEPT, times=1)
    first = run_cli(path, "--endpoint", api.url, "--max-attempts", "1")
    assert first.stdout.startswith("1 sent, 1 failed, 1 of them with no answer")
    with sqlite3.connect(journal_path(path)) as db:  # as if that was 25 hours ago
        db.execute("UPDATE lines SET key_first_sent = key_first_sent - 25 * 3600")
    db.close()

    later = run_cli(path, "--endpoint", api.url)
    assert later.returncode == 1
    assert later.stdout.startswith("0 sent, 0 failed, 1 already sent by an earlier run, "
                                   "1 of unknown outcome held back")
    assert "line 1: outcome unknown since an earlier run" in later.stderr
    assert "its retry key was first sent 25.0 hours ago" in later.stderr
    assert "older than the 24 hours LINE keeps it" in later.stderr
    held = json.loads((tmp_path / "k.failed.jsonl").read_text(encoding="utf-8"))
    assert (held["line"], held["error"]["outcome"]) == (1, "held")
    assert "progress: " not in later.stderr  # nothing to send: no progress, no "? left"
    assert len(api.requests) == 2

    forced = run_cli(path, "--endpoint", api.url, "--resend-unknown")
    assert forced.returncode == 0, forced.stderr
    assert forced.stdout == "1 sent, 0 failed, 1 already sent by an earlier run\n"


def test_the_token_is_never_printed(api, tmp_path):
    path = write(tmp_path / "t.jsonl", [push(1), reply(2), push(3)])
    api.inject_faults(0.5, seed=3, delay=1.0, retry_after="0")
    api.on("POST", "/v2/bot/message/reply", status=401, json={"message": "Authentication failed"})
    result = run_cli(path, "--endpoint", api.url, "--timeout", "0.3", "--verbose")
    assert "DEBUG POST" in result.stderr  # every attempt logged ...
    assert TOKEN not in result.stdout + result.stderr  # ... and the token nowhere
    assert TOKEN not in (tmp_path / "t.failed.jsonl").read_text(encoding="utf-8")
    assert TOKEN.encode() not in (tmp_path / "t.jsonl.journal.sqlite").read_bytes()


def test_an_unexpected_error_is_shown_without_the_token(api, tmp_path):
    path = write(tmp_path / "e.jsonl", [reply(1)])
    api.on(None, None, status=400, json={"message": "Invalid reply token"})
    where = tmp_path / f"failures-{TOKEN}"
    where.mkdir()  # the failure file cannot be written: a directory is in the way
    result = run_cli(path, "--endpoint", api.url, "--failed", where)
    assert result.returncode == 1
    assert "replay: unexpected error" in result.stderr
    assert "IsADirectoryError" in result.stderr
    assert "failures-<token>" in result.stderr
    assert TOKEN not in result.stderr + result.stdout


def test_a_terminal_gets_a_live_progress_bar(api, tmp_path):
    path = write(tmp_path / "bar.jsonl", [push(n) for n in range(30)])
    api.on(None, None, delay=0.02)
    pty = pytest.importorskip("pty")  # POSIX terminals
    argv, env = command(path, "--endpoint", api.url)
    primary, secondary = pty.openpty()
    child = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=secondary)
    os.close(secondary)
    shown = b""
    for _ in range(600):  # read the terminal until the child closes it (at most ~60 s)
        ready, _, _ = select.select([primary], [], [], 0.1)
        if not ready:
            if child.poll() is not None:
                break
            continue
        try:
            chunk = os.read(primary, 4096)
        except OSError:  # the child is gone and the terminal closed
            break
        if not chunk:
            break
        shown += chunk
    os.close(primary)
    assert child.wait(timeout=60) == 0
    assert child.stdout.read() == b"30 sent, 0 failed\n"
    child.stdout.close()
    frames = shown.decode().replace("\r\n", "\n").split("\r")  # the terminal adds \r to \n
    assert frames[-1].startswith("[########################] 30/30 lines  ")
    assert " left  0 failed" in frames[-1]
    assert "progress: " not in shown.decode()


def test_a_line_that_is_not_utf8_fails_alone_and_keeps_its_bytes(api, tmp_path):
    path = tmp_path / "bytes.jsonl"
    garbled = b'{"operation": "push_message", "body": "\xff\xfe"}'
    path.write_bytes(garbled + b"\n" + json.dumps(push(1).to_dict()).encode() + b"\n")
    result = run_cli(path, "--endpoint", api.url)
    assert result.returncode == 1
    assert "line 1: not UTF-8 text" in result.stderr
    assert result.stdout.startswith("1 sent, 1 failed")
    failed = (tmp_path / "bytes.failed.jsonl").read_bytes()
    assert garbled.replace(b'"', b'\\"') in failed  # the line as it was, byte for byte
    assert texts(api.accepted) == ["hi 1"]


def test_the_failure_file_of_an_earlier_run_goes_once_its_lines_are_settled(api, tmp_path):
    path = write(tmp_path / "settle.jsonl", [push(1), push(2)])
    api.on(None, None, status=401, json={"message": "Authentication failed"}, times=2)
    assert run_cli(path, "--endpoint", api.url).returncode == 1
    failed = tmp_path / "settle.failed.jsonl"
    assert len(failed.read_text(encoding="utf-8").splitlines()) == 2

    again = run_cli(path, "--endpoint", api.url)  # the token is fixed: both go now
    assert again.returncode == 0
    assert again.stdout == "2 sent, 0 failed\n"
    assert f"removed {failed}" in again.stderr
    assert not failed.exists()


def test_dry_run_checks_every_line_can_be_sent_somewhere(tmp_path):
    path = tmp_path / "dry.jsonl"
    nowhere = {**push(2).to_dict(), "base": "elsewhere"}
    path.write_text(json.dumps(push(1).to_dict()) + "\n" + json.dumps(nowhere) + "\n",
                    encoding="utf-8")
    result = run_cli(path, "--dry-run", token=None)
    assert result.returncode == 1
    assert "line 2: no endpoint for base 'elsewhere'" in result.stderr
    assert result.stdout.startswith("1 checked, 1 failed")


@pytest.mark.skipif(sys.platform == "win32", reason="stops the first run with a POSIX SIGINT")
def test_a_second_run_of_the_same_file_at_the_same_time_is_refused(api, campaign):
    api.on(None, None, delay=0.05)
    argv, env = command(campaign, "--endpoint", api.url)
    first = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        for _ in range(600):  # until the first run holds the journal and sends (at most ~60 s)
            if api.accepted:
                break
            time.sleep(0.1)
        second = run_cli(campaign, "--endpoint", api.url)
        assert second.returncode == 2
        assert "in use by another replay" in second.stderr
    finally:
        first.send_signal(signal.SIGINT)
        first.communicate(timeout=60)
    assert first.returncode == 130
    assert len(api.accepted) == len({r.json()["to"] for r in api.accepted})  # none twice
