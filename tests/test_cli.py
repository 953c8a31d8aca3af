"""python -m linebot_fp sign / verify, and the command line's usage errors."""

import base64
import hashlib
import hmac
import os
import subprocess
import sys
from pathlib import Path

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


def test_version_comes_from_the_package():
    from linebot_fp import __version__

    result = cli("--version")
    assert result.returncode == 0
    assert result.stdout.decode() == f"python -m linebot_fp {__version__}\n"


def test_the_program_is_named_as_the_user_called_it():
    from linebot_fp.__main__ import program_name

    assert program_name("/usr/local/bin/linebot-fp") == "linebot-fp"
    assert program_name(r"C:\Python\Scripts\linebot-fp.exe".replace("\\", "/")) == "linebot-fp"
    assert program_name("/work/linebot_fp/__main__.py") == "python -m linebot_fp"
    assert b"usage: python -m linebot_fp" in cli("--help").stdout


def test_the_installed_script_calls_itself_linebot_fp():
    script = Path(sys.executable).with_name("linebot-fp")
    if not script.exists():
        pytest.skip("the linebot-fp script is not installed next to this Python")
    from linebot_fp import __version__

    version = subprocess.run([str(script), "--version"], capture_output=True, timeout=60)
    usage = subprocess.run([str(script), "replay", "--help"], capture_output=True, timeout=60)
    assert version.stdout.decode() == f"linebot-fp {__version__}\n"
    assert usage.stdout.decode().startswith("usage: linebot-fp replay ")
