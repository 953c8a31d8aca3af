"""``python -m linebot_fp demo``: the echo bot, end to end, offline and against a given endpoint."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from linebot_fp.client import Client
from linebot_fp.demo import DEMO_SECRET, EchoBot, run_demo
from linebot_fp.models.events import UnknownEvent
from linebot_fp.models.messages import UnknownMessage
from linebot_fp.testing import (
    FakeLineApi,
    RecordingTransport,
    WsgiServer,
    follow_event,
    message_edited_event,
    message_event,
    post_webhook,
    sign,
    text_message_event,
    unknown_event,
    webhook_body,
)

# what the conversation must show, step by step
EXPECTED_LINES = [
    "user says        'Hello, LINE! こんにちは'",
    "bot replies      'Hello, LINE! こんにちは'",
    "user sends       sticker 446/1988",
    "bot replies      sticker 446/1988",
    "bot downloads    the image: 2,061 bytes of image/jpeg",
    "bot replies      'Nice picture! 2,061 bytes of image/jpeg.'",
    "bot looks up     the profile: 'Brown'",
    "bot replies      'Welcome, Brown!'",
    "bot replies      'You picked 2024-05-01T19:30 (data: action=book&table=2).'",
    "user edits       a message in a group to read 'See you at 19:30!'",
    "bot replies      'Noted your edit: See you at 19:30!'",
    "bot replies      'Sorry, I cannot read hologram messages yet.'",
    "bot keeps it     UnknownEvent(type='futureEvent'), raw keys: deliveryContext, hologram, "
    "mode, source, timestamp, type, webhookEventId",
    "bot rejects it   400 X-Line-Signature does not match the body and channel secret; sign "
    "the raw body bytes exactly as received: a re-serialised body does not verify",
    "summary: 9 webhooks posted, 8 events parsed, 7 replies sent, 9 API calls, "
    "1 unknown event kept, 1 forged webhook rejected",
    "demo OK",
]


def lines_of(output: str) -> list[str]:
    return [line.strip() for line in output.splitlines()]


def test_python_m_linebot_fp_demo():
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run([sys.executable, "-m", "linebot_fp", "demo"], capture_output=True,
                            text=True, encoding="utf-8", timeout=60, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""
    shown = lines_of(result.stdout)
    for line in EXPECTED_LINES:
        assert line in shown, line
    # the steps come in order: every known kind answered, then the unknown event survived
    positions = [shown.index(line) for line in EXPECTED_LINES]
    assert positions == sorted(positions)
    assert "(offline)" in shown[0]


def test_run_demo_in_process(capsys):
    assert run_demo() == 0
    shown = lines_of(capsys.readouterr().out)
    assert "problem:" not in "\n".join(shown)
    assert shown[-1] == "demo OK"


def live_api() -> FakeLineApi:
    """A FakeLineApi the test owns, playing LINE for the demo's live mode."""
    api = FakeLineApi().start()
    api.on("GET", re.compile(r"/v2/bot/profile/.*"),
           json={"displayName": "Cony", "userId": "U0123456789abcdef0123456789abcdef"})
    api.on("GET", re.compile(r"/v2/bot/message/.*/content"), body=b"GIF89a",
           headers={"Content-Type": "image/gif"})
    return api


def test_live_mode_uses_the_given_endpoint_and_token_and_starts_no_fake_api(capsys):
    api = live_api()
    try:
        assert run_demo(token="live-token", secret="live-secret", endpoint=api.url) == 0
    finally:
        api.stop()
    output = capsys.readouterr().out
    assert "(live)" in output
    assert f"LINE API     {api.url}\n" in output  # no FakeLineApi of its own
    assert "bot replies      'Welcome, Cony!'" in output
    assert "Nice picture! 6 bytes of image/gif." in output
    assert len(api.requests) == 9
    assert {r.headers["Authorization"] for r in api.requests} == {"Bearer live-token"}


def test_live_mode_shows_line_refusing_made_up_reply_tokens_and_still_passes(capsys):
    api = live_api()
    api.on("POST", "/v2/bot/message/reply", status=400, json={"message": "Invalid reply token"})
    try:
        assert run_demo(token="live-token", endpoint=api.url) == 0
    finally:
        api.stop()
    output = capsys.readouterr().out
    assert ("reply_message -> LINE answered 400: Invalid reply token  "
            "(expected: the demo's ids are made up)") in output
    assert output.rstrip().endswith("demo OK")


@pytest.mark.parametrize("status", [401, 500])
def test_live_mode_fails_on_other_api_errors(capsys, status):
    api = FakeLineApi().start()
    api.on(None, None, status=status, json={"message": "no"})
    try:
        assert run_demo(token="bad-token", endpoint=api.url) == 1
    finally:
        api.stop()
    output = capsys.readouterr().out
    assert f"answered {status}" in output
    assert "demo FAILED" in output


def test_an_unreachable_endpoint_fails(capsys):
    api = FakeLineApi().start()
    url = api.url
    api.stop()  # nothing listens there any more
    assert run_demo(endpoint=url) == 1
    output = capsys.readouterr().out
    assert "failed: no answer from" in output
    assert output.rstrip().splitlines()[-1].startswith("demo FAILED")


# -- the bot alone, with a recording transport ---------------------------------------------------


@pytest.fixture
def bot_and_transport():
    transport = RecordingTransport()
    return EchoBot(Client("t", transport=transport, retry=None), DEMO_SECRET), transport


def test_bot_echoes_and_keeps_what_it_sent(bot_and_transport):
    bot, transport = bot_and_transport
    event = text_message_event("echo me")
    turn = bot.handle(event)
    ((request, answer),) = turn.sent
    assert request.operation == "reply_message"
    assert transport.json_bodies()[0]["messages"] == [
        {"type": "text", "text": "echo me", "quoteToken": event.message.quote_token}]
    assert answer is not None
    assert turn.error is None


def test_bot_answers_a_new_message_type_and_ignores_a_new_event_type(bot_and_transport):
    bot, transport = bot_and_transport
    bot.handle(message_event(UnknownMessage(raw={"type": "scent", "id": "1"})))
    assert bot.handle(unknown_event("futureEvent")).sent == []
    assert transport.json_bodies()[0]["messages"][0]["text"] == (
        "Sorry, I cannot read scent messages yet.")
    assert isinstance(bot.turns[-1].event, UnknownEvent)


def test_bot_notes_the_latest_edit_and_ignores_an_older_one_arriving_late(bot_and_transport):
    bot, transport = bot_and_transport
    later = message_edited_event("third draft", message_id="m1", timestamp=3_000)
    earlier = message_edited_event("second draft", message_id="m1", timestamp=2_000)
    assert [r.operation for r, _ in bot.handle(later).sent] == ["reply_message"]
    assert bot.handle(earlier).sent == []  # out of order: the larger timestamp is the latest
    assert bot.edits == {"m1": 3_000}
    assert [body["messages"][0]["text"] for body in transport.json_bodies()] == [
        "Noted your edit: third draft"]
    newest = message_edited_event("final", message_id="m1", timestamp=4_000)
    assert [r.operation for r, _ in bot.handle(newest).sent] == ["reply_message"]
    assert bot.edits == {"m1": 4_000}


def test_bot_keeps_a_failed_send_in_the_turn(bot_and_transport):
    bot, transport = bot_and_transport
    transport.on("GET", re.compile(r"/v2/bot/profile/.*"), status=404, json={"message": "gone"})
    turn = bot.handle(follow_event())
    assert turn.error is not None
    assert turn.error.status_code == 404
    assert [request.operation for request, _ in turn.sent] == ["get_profile"]


def test_bot_webhook_answers(bot_and_transport):
    bot, _ = bot_and_transport
    with WsgiServer(bot) as server:
        ok = post_webhook(server.url + "/callback",
                          *webhook_body([text_message_event("x")], DEMO_SECRET))
        elsewhere = post_webhook(server.url + "/other",
                                 *webhook_body([text_message_event("x")], DEMO_SECRET))
        not_json = post_webhook(server.url + "/callback", b"nope", sign(b"nope", DEMO_SECRET))
    assert (ok.status, ok.read()) == (200, b"OK")
    assert elsewhere.status == 404
    assert not_json.status == 400
    assert not_json.read().startswith(b"webhook body is not JSON")
    assert bot.rejected == 1
