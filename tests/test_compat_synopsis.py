"""The legacy README's synopsis (the Flask echo bot) runs on ``linebot_fp.compat``.

``PROGRAM`` is the synopsis exactly as the legacy README prints it, with only
its import lines rewritten (``linebot`` -> ``linebot_fp.compat``); a test checks
that against the README when ``../shared/seeds`` is present. The program
hard-codes ``LineBotApi('YOUR_CHANNEL_ACCESS_TOKEN')``; the test points that very
object at FakeLineApi by assigning its ``endpoint`` attribute, which legacy
``LineBotApi`` objects had and still have. No environment variable is read by
the library: the program's own object, token included, is what sends the reply.
"""

import json
import textwrap
import types

import pytest
from spec_support import NEEDS_SEEDS, SEEDS_DIR

from linebot_fp.testing import FakeLineApi
from linebot_fp.webhook import signature

PROGRAM = '''\
from flask import Flask, request, abort

from linebot_fp.compat import (
    LineBotApi, WebhookHandler
)
from linebot_fp.compat.exceptions import (
    InvalidSignatureError
)
from linebot_fp.compat.models import (
    MessageEvent, TextMessage, TextSendMessage,
)

app = Flask(__name__)

line_bot_api = LineBotApi('YOUR_CHANNEL_ACCESS_TOKEN')
handler = WebhookHandler('YOUR_CHANNEL_SECRET')


@app.route("/callback", methods=['POST'])
def callback():
    # get X-Line-Signature header value
    signature = request.headers['X-Line-Signature']

    # get request body as text
    body = request.get_data(as_text=True)
    app.logger.info("Request body: " + body)

    # handle webhook body
    try:
        handler.handle(body, signature)
    except InvalidSignatureError:
        abort(400)

    return 'OK'


@handler.add(MessageEvent, message=TextMessage)
def handle_message(event):
    line_bot_api.reply_message(
        event.reply_token,
        TextSendMessage(text=event.message.text))


if __name__ == "__main__":
    app.run()
'''



def rewrite_imports(program):
    """``linebot`` -> ``linebot_fp.compat`` in the import lines, nowhere else."""
    lines = []
    for line in program.splitlines(keepends=True):
        if line.startswith(("from linebot", "import linebot")):
            line = line.replace("linebot", "linebot_fp.compat", 1)
        lines.append(line)
    return "".join(lines)


def test_program_is_the_readme_synopsis_with_only_its_imports_rewritten():
    readme = SEEDS_DIR / "README.rst"
    if not readme.is_file():
        pytest.skip(f"{NEEDS_SEEDS}: the legacy README is not at {readme}")
    text = readme.read_text(encoding="utf-8")
    block = text.split("Synopsis\n--------", 1)[1].split(".. code:: python\n", 1)[1]
    block = block.split("\nAPI\n---", 1)[0]
    assert rewrite_imports(textwrap.dedent(block).strip() + "\n") == PROGRAM


@pytest.fixture
def line_api():
    with FakeLineApi() as server:
        yield server


@pytest.fixture
def bot(line_api):
    module = types.ModuleType("legacy_echo_bot")
    exec(compile(PROGRAM, "legacy_echo_bot.py", "exec"), module.__dict__)
    module.line_bot_api.endpoint = line_api.url
    module.line_bot_api.data_endpoint = line_api.url
    return module


def webhook_body(*events):
    return json.dumps({"destination": "U0123456789abcdef0123456789abcdef",
                       "events": list(events)}, ensure_ascii=False)


def text_event(text, reply_token):
    return {"type": "message", "mode": "active", "timestamp": 1462629479859,
            "source": {"type": "user", "userId": "U4af4980629"}, "replyToken": reply_token,
            "webhookEventId": "01FZ74A0TDDPYRVKNK77XKC3ZR",
            "deliveryContext": {"isRedelivery": False},
            "message": {"type": "text", "id": "444573844083572737", "text": text,
                        "quoteToken": "q3Plxr4AgKd"}}


def post(bot, body, sign_with="YOUR_CHANNEL_SECRET"):
    return bot.app.test_client().post(
        "/callback", data=body.encode(), content_type="application/json; charset=utf-8",
        headers={"X-Line-Signature": signature(body, sign_with)})


def test_a_signed_text_message_is_echoed_through_the_reply_api(bot, line_api):
    response = post(bot, webhook_body(text_event("Hello, こんにちは", "nHuyWiB7yP5Zw52FIkcQ")))
    assert (response.status_code, response.get_data(as_text=True)) == (200, "OK")
    [reply] = line_api.requests
    assert (reply.method, reply.path) == ("POST", "/v2/bot/message/reply")
    assert reply.headers["Authorization"] == "Bearer YOUR_CHANNEL_ACCESS_TOKEN"
    assert reply.json() == {"replyToken": "nHuyWiB7yP5Zw52FIkcQ",
                            "messages": [{"type": "text", "text": "Hello, こんにちは"}],
                            "notificationDisabled": False}


def test_each_text_message_of_a_body_gets_its_reply_and_others_none(bot, line_api):
    sticker = {**text_event("", "r-sticker"),
               "message": {"type": "sticker", "id": "1", "packageId": "1", "stickerId": "1",
                           "stickerResourceType": "STATIC", "quoteToken": "q"}}
    response = post(bot, webhook_body(text_event("one", "r-1"), sticker, text_event("two", "r-2")))
    assert response.status_code == 200
    assert [(r.json()["replyToken"], r.json()["messages"][0]["text"])
            for r in line_api.requests] == [("r-1", "one"), ("r-2", "two")]


def test_a_bad_signature_is_answered_400_and_nothing_is_sent(bot, line_api):
    response = post(bot, webhook_body(text_event("hi", "r-1")), sign_with="another secret")
    assert response.status_code == 400
    assert line_api.requests == []
