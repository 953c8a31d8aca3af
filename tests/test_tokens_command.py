"""``python -m linebot_fp token ...`` against FakeLineApi: secrets from the environment or
files, never printed; ``issue`` writes the token only where told."""

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from tokens_support import CHANNEL_ID, KID, SECRET, key_pair, register

from linebot_fp.__main__ import main
from linebot_fp.testing import FakeLineApi

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def api():
    with FakeLineApi() as server:
        register(server)
        yield server


@pytest.fixture
def env(monkeypatch):
    for name in ("LINE_CHANNEL_ID", "LINE_CHANNEL_SECRET", "LINE_CHANNEL_ACCESS_TOKEN",
                 "LINE_ASSERTION_PRIVATE_KEY", "LINE_ASSERTION_KID"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def run(capsys, *argv):
    code = main(["token", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def no_secret_in(*texts, extra=()):
    for text in texts:
        assert SECRET not in text
        assert key_pair()[0]["d"][:20] not in text
        for value in extra:
            assert value not in text


def test_issue_writes_the_token_to_a_private_file_and_prints_no_secret(api, env, capsys,
                                                                      tmp_path):
    env.setenv("LINE_CHANNEL_SECRET", SECRET)
    output = tmp_path / "token.txt"
    code, out, err = run(capsys, "issue", "--kind", "short-lived", "--channel-id", CHANNEL_ID,
                         "--output", str(output), "--endpoint", api.url)
    assert code == 0
    token = api.tokens.issued[0].token
    assert output.read_text() == f"{token}\n"
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    assert f"short-lived channel access token for channel {CHANNEL_ID}" in out
    no_secret_in(out, err, extra=[token])


def test_issue_to_stdout_prints_the_token_alone(api, env, capsys, tmp_path):
    secret_file = tmp_path / "secret"
    secret_file.write_text(SECRET + "\n")
    env.setenv("LINE_CHANNEL_ID", CHANNEL_ID)
    code, out, err = run(capsys, "issue", "--kind", "stateless", "--secret-file",
                         str(secret_file), "--stdout", "--endpoint", api.url)
    assert code == 0
    token = api.tokens.issued[0].token
    assert out == f"{token}\n"
    assert "stateless" in err
    no_secret_in(err, extra=[token])


def test_issue_without_a_destination_refuses(api, env, capsys):
    env.setenv("LINE_CHANNEL_SECRET", SECRET)
    code, _, err = run(capsys, "issue", "--kind", "stateless", "--channel-id", CHANNEL_ID,
                       "--endpoint", api.url)
    assert code == 2
    assert "--output FILE" in err
    assert api.tokens.issued == []


def test_issue_v21_from_a_key_file_and_list_its_kid(api, env, capsys, tmp_path):
    key_file = tmp_path / "key.jwk"
    key_file.write_text(json.dumps(key_pair()[0]))
    env.setenv("LINE_ASSERTION_KID", KID)
    output = tmp_path / "token.txt"
    code, out, err = run(capsys, "issue", "--kind", "v2.1", "--channel-id", CHANNEL_ID,
                         "--private-key-file", str(key_file), "--lifetime", "3600",
                         "--output", str(output), "--endpoint", api.url)
    assert code == 0, err
    issued = api.tokens.issued[0]
    assert issued.expires_at - issued.issued_at == 3600
    assert f"key id {issued.key_id}" in out
    env.setenv("LINE_ASSERTION_PRIVATE_KEY", json.dumps(key_pair()[0]))
    code, out, err = run(capsys, "list", "--channel-id", CHANNEL_ID, "--endpoint", api.url)
    assert (code, out) == (0, f"{issued.key_id}\n")
    no_secret_in(out, err, extra=[issued.token])


@pytest.mark.parametrize("kind", ["short-lived", "v2.1"])
def test_verify_then_revoke_then_verify(api, env, capsys, tmp_path, kind):
    env.setenv("LINE_CHANNEL_SECRET", SECRET)
    env.setenv("LINE_ASSERTION_PRIVATE_KEY", json.dumps(key_pair()[0]))
    env.setenv("LINE_CHANNEL_ID", CHANNEL_ID)
    env.setenv("LINE_ASSERTION_KID", KID)
    output = tmp_path / "token.txt"
    assert run(capsys, "issue", "--kind", kind, "--output", str(output),
               "--endpoint", api.url)[0] == 0
    token = api.tokens.issued[0].token
    env.setenv("LINE_CHANNEL_ACCESS_TOKEN", token)
    flavour = "v2.1" if kind == "v2.1" else "v2"
    code, out, err = run(capsys, "verify", "--kind", flavour, "--endpoint", api.url)
    assert code == 0
    assert out.startswith(f"valid: channel {CHANNEL_ID}, expires in ")
    code, out, err = run(capsys, "revoke", "--kind", flavour, "--endpoint", api.url)
    assert (code, out) == (0, "revoked\n")
    assert not api.tokens.valid(token)
    code, out, err = run(capsys, "verify", "--kind", flavour, "--endpoint", api.url)
    assert code == 1
    assert out.startswith("invalid:")
    no_secret_in(out, err, extra=[token])


def test_a_token_from_a_file_is_checked(api, env, capsys, tmp_path):
    token_file = tmp_path / "token"
    token_file.write_text("not-issued-here\n")
    code, out, err = run(capsys, "verify", "--token-file", str(token_file),
                         "--endpoint", api.url)
    assert code == 1
    assert "invalid access token" in out
    assert "not-issued-here" not in out + err


@pytest.mark.parametrize(("argv", "says"), [
    (["issue", "--kind", "stateless", "--stdout"], "--channel-id"),
    (["issue", "--kind", "stateless", "--channel-id", "1", "--stdout"], "LINE_CHANNEL_SECRET"),
    (["issue", "--kind", "v2.1", "--channel-id", "1", "--stdout"], "--private-key-file"),
    (["issue", "--kind", "stateless", "--channel-id", "1", "--stdout", "--lifetime", "60"],
     "v2.1 only"),
    (["verify"], "LINE_CHANNEL_ACCESS_TOKEN"),
    (["revoke", "--token-file", "/nonexistent/token"], "cannot read --token-file"),
    (["list", "--channel-id", "1", "--kid", "k"], "LINE_ASSERTION_PRIVATE_KEY"),
])
def test_usage_errors_say_what_is_missing(env, capsys, argv, says):
    code, _, err = run(capsys, *argv, "--endpoint", "http://127.0.0.1:9")
    assert code == 2
    assert says in err


def test_a_refusal_by_line_exits_1_naming_the_channel(api, env, capsys):
    env.setenv("LINE_CHANNEL_SECRET", "wrong-" + SECRET)
    code, out, err = run(capsys, "issue", "--kind", "stateless", "--channel-id", CHANNEL_ID,
                         "--stdout", "--endpoint", api.url)
    assert code == 1
    assert out == ""
    assert f"channel {CHANNEL_ID}" in err
    assert "invalid_client" in err
    no_secret_in(err)


def test_the_installed_command_runs_in_a_fresh_process(api, tmp_path):
    output = tmp_path / "token.txt"
    environment = {**os.environ, "LINE_CHANNEL_SECRET": SECRET, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "linebot_fp", "token", "issue", "--kind", "stateless",
         "--channel-id", CHANNEL_ID, "--output", str(output), "--endpoint", api.url],
        capture_output=True, text=True, env=environment, timeout=60, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    token = api.tokens.issued[0].token
    assert output.read_text().strip() == token
    assert token not in result.stdout + result.stderr
    assert SECRET not in result.stdout + result.stderr
