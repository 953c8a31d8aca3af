"""Echo bot as an AWS Lambda function, behind API Gateway or a Lambda Function URL.

Handler: ``aws_lambda.lambda_handler``. Environment: ``LINE_CHANNEL_SECRET``,
``LINE_CHANNEL_ACCESS_TOKEN`` (and optionally ``LINE_API_ENDPOINT``).

The client is made once per container and reused by every invocation; nothing
heavy is imported before the first reply is sent, which keeps cold starts short.
Both API Gateway payload formats (1.0 and 2.0) and Function URLs work: header
names in any case, bodies plain or base64-encoded.
"""

from __future__ import annotations

import base64
import os
from typing import Any

from linebot_fp import (
    Client,
    InvalidPayloadError,
    InvalidSignatureError,
    LineBotApiError,
    dispatch,
    parse,
)
from linebot_fp.api import reply_message
from linebot_fp.models import FollowEvent, MessageEvent, TextMessage, TextSendMessage

SECRET = os.environ["LINE_CHANNEL_SECRET"]
ENDPOINT = os.environ.get("LINE_API_ENDPOINT")
client = Client(os.environ["LINE_CHANNEL_ACCESS_TOKEN"],
                endpoints={"api": ENDPOINT, "data": ENDPOINT} if ENDPOINT else None)


def echo(event):
    return reply_message(event.reply_token, TextSendMessage(text=event.message.text))


def welcome(event):
    return reply_message(event.reply_token, TextSendMessage(text="Hello from Lambda!"))


HANDLERS = {(MessageEvent, TextMessage): echo, FollowEvent: welcome}


def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    headers = {name.lower(): value for name, value in (event.get("headers") or {}).items()}
    body = event.get("body") or ""
    raw = base64.b64decode(body) if event.get("isBase64Encoded") else body.encode()
    try:
        events = parse(raw, headers.get("x-line-signature"), SECRET)
    except (InvalidSignatureError, InvalidPayloadError) as error:
        return {"statusCode": 400, "body": str(error)}
    for reply in dispatch(HANDLERS, events):
        try:
            client.send(reply)
        except LineBotApiError as error:  # logged to CloudWatch; LINE still gets its 200
            print(f"{reply.operation} failed: {error}")
    return {"statusCode": 200, "body": "OK"}
