"""python -m linebot_fp sign / verify, and the command line's usage errors."""

import base64
import hashlib
import hmac
import os
import subprocess
import sys

import pytest

BODY = '{"destination":"U1","events":[{"type":"unfollow","text":"日本"}]}'.encode()
SECRET = "channel-secret"
SIGNATURE = base64.b64encode(hmac.new(SECRET.encode(), BODY, hashlib.sha256).digest()).decode()


def cli(*args, stdin=b"", secret_env=None):
    env = {k: v for k, v in os.environ.items() if k != "LINE_CHANNEL_SECRET"}
    if secret_env is not None:
        env["LINE_CHANNEL_SECRET"] = secret_env
    return subprocess.run([sys.executable, "-m", "linebot_fp", *args], input=stdin,
                          capture_output=True, env=env, timeout=60)


@pytest.fixture
def body_file(tmp_path):
    path = tmp_path / "body.json"
    path.write_bytes(BODY)
    return path


def test_sign_a_file_and_standard_input(body_file):
    from_file = cli("sign", str(body_file), "--secret", SECRET)
    from_stdin = cli("sign", stdin=BODY, secret_env=SECRET)
    assert from_file.returncode == from_stdin.returncode == 0
    assert from_file.stdout.decode().strip() == SIGNATURE
    assert from_stdin.stdout.decode().strip() == SIGNATURE


def test_verify_says_valid_or_invalid_with_its_exit_status(body_file):
    good = cli("verify", str(body_file), "--signature", SIGNATURE, "--secret", SECRET)
    bad = cli("verify", "--signature", SIGNATURE, "--secret", "other", stdin=BODY)
    assert (good.returncode, good.stdout.decode().strip()) == (0, "valid")
    assert (bad.returncode, bad.stdout.decode().strip()) == (1, "invalid")


def test_a_missing_secret_is_a_usage_error(body_file):
    result = cli("sign", str(body_file))
    assert result.returncode == 2
    assert b"LINE_CHANNEL_SECRET" in result.stderr


def test_no_command_prints_help_and_fails():
    result = cli()
    assert result.returncode == 2
    assert b"demo" in result.stdout
