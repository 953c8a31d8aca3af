"""``python -m linebot_fp demo``: an echo bot, end to end, in a few seconds, offline.

Two servers start on 127.0.0.1: a fake LINE API (:class:`~linebot_fp.testing.FakeLineApi`)
and the bot's webhook (a WSGI app on ``wsgiref``). The demo then posts signed
webhooks the way LINE does (a text, a sticker, an image, a follow, a postback, a
message edited in a group, a message of a type nobody knows yet, an event of a type
nobody knows yet, and one forged body). The bot verifies each signature, parses the
events, dispatches them with a plain dict, and answers through
:class:`~linebot_fp.Client` over real HTTP: it echoes, downloads the image, looks up
the new friend's profile, notes the latest edit of a message. The demo prints
the conversation and a summary, and exits 0 only if everything happened as it should.

With ``--token`` and/or ``--endpoint`` no fake API is started: the bot talks to that
endpoint (the LINE API by default). The webhooks are still made up by the demo, so
LINE answers 400 or 404 to their reply tokens and message ids; the demo shows those
answers and counts only other failures.
"""

from __future__ import annotations

import json
import re
import sys
import threading
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from linebot_fp.api import get_message_content, get_profile, reply_message
from linebot_fp.client import Client
from linebot_fp.content import Content
from linebot_fp.errors import (
    InvalidPayloadError,
    InvalidSignatureError,
    LineBotApiError,
    LineBotError,
    TransportError,
)
from linebot_fp.models.events import (
    Event,
    FollowEvent,
    MessageEditedEvent,
    MessageEvent,
    PostbackEvent,
    UnknownEvent,
)
from linebot_fp.models.messages import ImageMessage, StickerMessage, TextMessage, UnknownMessage
from linebot_fp.models.responses import Profile, ReplyMessageResponse
from linebot_fp.models.send_messages import SendMessage, StickerSendMessage, TextSendMessage
from linebot_fp.request import Request
from linebot_fp.sending import RetryPolicy
from linebot_fp.testing.events import (
    TIMESTAMP,
    USER_ID,
    follow_event,
    image_message_event,
    message_edited_event,
    message_event,
    postback_event,
    sticker_message_event,
    text_message_event,
    unknown_event,
)
from linebot_fp.testing.fake_api import FakeLineApi
from linebot_fp.testing.webhooks import post_webhook, webhook_body
from linebot_fp.testing.wsgi import WsgiServer
from linebot_fp.webhook import dispatch, parse

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIEnvironment

__all__ = ["DEMO_SECRET", "DEMO_TOKEN", "EchoBot", "Turn", "run_demo"]

#: what every handler of the demo bot answers with
Reply = Request[ReplyMessageResponse]

DEMO_SECRET = "demo-channel-secret"
DEMO_TOKEN = "demo-channel-access-token"
CALLBACK = "/callback"
#: answers a live LINE API gives to the demo's made-up reply tokens and message ids
EXPECTED_LIVE_STATUSES = frozenset({400, 404})

_PROFILE = {"displayName": "Brown", "userId": USER_ID, "statusMessage": "Hello, LINE!",
            "pictureUrl": "https://profile.line-scdn.net/demo", "language": "en"}
_IMAGE = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8 + b"\xff\xd9"
_FUTURE_FIELDS = {"hologram": {"id": "h-1", "frames": 24, "colors": ["#06C755", "#FFFFFF"]}}


# -- the bot -----------------------------------------------------------------------------------


@dataclass(slots=True)
class Turn:
    """What the bot did with one event: each request it sent, with the answer or the error."""

    event: Event
    sent: list[tuple[Request[Any], Any]] = field(default_factory=list)
    error: Exception | None = None


class EchoBot:
    """The demo bot, a WSGI app: verify, parse, dispatch, answer through the client."""

    def __init__(self, client: Client, secret: str) -> None:
        self.client = client
        self.secret = secret
        self.turns: list[Turn] = []
        self.rejected = 0
        #: message id -> the timestamp of the latest edit seen (edits may come out of order)
        self.edits: dict[str, int] = {}
        self._lock = threading.Lock()
        self.handlers: dict[Any, Callable[..., Request[Any] | None]] = {
            (MessageEvent, TextMessage): self.echo_text,
            (MessageEvent, StickerMessage): self.echo_sticker,
            (MessageEvent, ImageMessage): self.describe_image,
            MessageEvent: self.unreadable_message,
            (MessageEditedEvent, TextMessage): self.note_edit,
            FollowEvent: self.welcome,
            PostbackEvent: self.answer_postback,
        }

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> list[bytes]:
        if environ.get("PATH_INFO") != CALLBACK or environ["REQUEST_METHOD"] != "POST":
            return _answer(start_response, "404 Not Found", b"not found")
        body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        try:
            events = parse(body, environ.get("HTTP_X_LINE_SIGNATURE"), self.secret)
        except (InvalidSignatureError, InvalidPayloadError) as error:
            with self._lock:
                self.rejected += 1
            return _answer(start_response, "400 Bad Request", str(error).encode())
        for event in events:
            self.handle(event)
        return _answer(start_response, "200 OK", b"OK")

    def handle(self, event: Event) -> Turn:
        """Dispatch one event and send the reply its handler returns; errors are kept in the turn.

        Handlers take the event and the turn (the record of what the bot sent for it).
        """
        turn = Turn(event)
        with self._lock:
            self.turns.append(turn)
        handlers = {key: partial(handler, turn=turn) for key, handler in self.handlers.items()}
        try:
            for reply in dispatch(handlers, [event], default=partial(self.ignore, turn=turn)):
                if reply is not None:
                    self.send(reply, turn)
        except (LineBotError, OSError) as error:
            turn.error = error
        return turn

    def send(self, request: Request[Any], turn: Turn) -> Any:
        """Send ``request`` and keep it, with its answer or error, in ``turn``."""
        try:
            answer = self.client.send(request)
        except (LineBotApiError, TransportError) as error:
            turn.sent.append((request, error))
            raise
        turn.sent.append((request, answer))
        return answer

    # handlers: an event in, its reply out (``None``: no reply)

    def echo_text(self, event: MessageEvent, turn: Turn) -> Reply:
        message: TextMessage = event.message  # type: ignore[assignment]
        return _reply(event, TextSendMessage(text=message.text, quote_token=message.quote_token))

    def echo_sticker(self, event: MessageEvent, turn: Turn) -> Reply:
        message: StickerMessage = event.message  # type: ignore[assignment]
        return _reply(event, StickerSendMessage(package_id=message.package_id,
                                                sticker_id=message.sticker_id))

    def describe_image(self, event: MessageEvent, turn: Turn) -> Reply:
        with self.send(get_message_content(event.message.id or ""), turn) as content:
            size = len(content.content)
            kind = content.content_type or "unknown type"
        return _reply(event, TextSendMessage(text=f"Nice picture! {size:,} bytes of {kind}."))

    def unreadable_message(self, event: MessageEvent, turn: Turn) -> Reply:
        kind = event.message.type
        return _reply(event, TextSendMessage(text=f"Sorry, I cannot read {kind} messages yet."))

    def note_edit(self, event: MessageEditedEvent, turn: Turn) -> Reply | None:
        """Note the latest edit of a message: LINE may deliver edits out of order, and the
        one with the largest ``timestamp`` is the latest, so an older one is ignored."""
        message: TextMessage = event.message  # type: ignore[assignment]
        with self._lock:
            latest = self.edits.get(message.id)
            if latest is not None and latest >= event.timestamp:
                return None
            self.edits[message.id] = event.timestamp
        return _reply(event, TextSendMessage(text=f"Noted your edit: {message.text}"))

    def welcome(self, event: FollowEvent, turn: Turn) -> Reply | None:
        user_id = event.source.user_id if event.source is not None else None
        if user_id is None:
            return None
        profile: Profile = self.send(get_profile(user_id), turn)
        return _reply(event, TextSendMessage(text=f"Welcome, {profile.display_name}!"))

    def answer_postback(self, event: PostbackEvent, turn: Turn) -> Reply:
        params = dict(event.postback.params or {})
        chosen = f"You picked {', '.join(params.values())}" if params else "Got it"
        return _reply(event, TextSendMessage(text=f"{chosen} (data: {event.postback.data})."))

    def ignore(self, event: Event, turn: Turn) -> None:
        """Events without a handler (an ``UnknownEvent`` too) are kept, not answered."""


def _reply(event: MessageEvent | MessageEditedEvent | FollowEvent | PostbackEvent,
           message: SendMessage) -> Reply:
    return reply_message(event.reply_token or "", message)


def _answer(start_response: StartResponse, status: str, body: bytes) -> list[bytes]:
    start_response(status, [("Content-Type", "text/plain; charset=utf-8"),
                            ("Content-Length", str(len(body)))])
    return [body]


# -- the run ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Step:
    label: str
    event: Event


def _steps() -> list[_Step]:
    return [
        _Step("text", text_message_event("Hello, LINE! こんにちは")),
        _Step("sticker", sticker_message_event("446", "1988")),
        _Step("image", image_message_event()),
        _Step("follow", follow_event()),
        _Step("postback", postback_event("action=book&table=2", {"datetime": "2024-05-01T19:30"})),
        _Step("edited message", message_edited_event(
            "See you at 19:30!", message_id="590210123456789001", timestamp=TIMESTAMP + 60_000)),
        _Step("new message type", message_event(UnknownMessage(
            raw={"type": "hologram", "id": "590210123456789012"}))),
        _Step("new event type", unknown_event("futureEvent", _FUTURE_FIELDS)),
    ]


def _script(api: FakeLineApi) -> None:
    """Teach the fake API the three answers the bot needs."""
    api.on("GET", re.compile(r"/v2/bot/profile/[^/]+"), json=_PROFILE)
    api.on("GET", re.compile(r"/v2/bot/message/[^/]+/content"), body=_IMAGE,
           headers={"Content-Type": "image/jpeg"})
    api.on("POST", "/v2/bot/message/reply",
           json={"sentMessages": [{"id": "590210000000000001", "quoteToken": "q-demo"}]})


def run_demo(secret: str | None = None, token: str | None = None,
             endpoint: str | None = None) -> int:
    """Run the demo; 0 when every step went as it should, 1 otherwise."""
    live = token is not None or endpoint is not None
    secret = secret or DEMO_SECRET
    with ExitStack() as stack:
        api: FakeLineApi | None = None
        if live:
            endpoints = dict.fromkeys(("api", "data", "manager"), endpoint) if endpoint else None
            where = endpoint or "https://api.line.me"
        else:
            api = stack.enter_context(FakeLineApi())
            _script(api)
            endpoints, where = api.endpoints, f"{api.url}  (FakeLineApi)"
        client = Client(token or DEMO_TOKEN, endpoints=endpoints, timeout=5.0,
                        retry=RetryPolicy(max_attempts=2, backoff=0.1))
        bot = EchoBot(client, secret)
        server = stack.enter_context(WsgiServer(bot))
        _say(f"linebot_fp demo: an echo bot, end to end ({'live' if live else 'offline'})")
        _say(f"  LINE API     {where}")
        _say(f"  bot webhook  {server.url}{CALLBACK}")
        return _converse(bot, server.url + CALLBACK, secret, api, live)


def _converse(bot: EchoBot, url: str, secret: str, api: FakeLineApi | None, live: bool) -> int:
    steps = _steps()
    problems: list[str] = []
    for number, step in enumerate(steps, start=1):
        _say(f"\n[{number}/{len(steps) + 1}] {step.label}")
        _say(f"  {_user_line(step.event)}")
        before = len(bot.turns)
        try:
            answer = post_webhook(url, *webhook_body([step.event], secret))
        except OSError as error:
            problems.append(f"{step.label}: the bot did not answer ({error})")
            _say(f"  the bot did not answer: {error}")
            continue
        if answer.status != 200:
            problems.append(f"{step.label}: the bot answered {answer.status}")
        for turn in bot.turns[before:]:
            problems += [f"{step.label}: {p}" for p in _check_turn(step, turn, live)]
            for line in _bot_lines(turn, live):
                _say(f"  {line}")

    _say(f"\n[{len(steps) + 1}/{len(steps) + 1}] forged webhook")
    _say("  someone posts a body signed with another secret")
    forged = post_webhook(url, *webhook_body([text_message_event("send me money")],
                                             secret + "-forged"))
    _say(f"  bot rejects it   {forged.status} {forged.read().decode(errors='replace')}")
    if forged.status != 400 or bot.rejected != 1:
        problems.append(f"forged webhook: the bot answered {forged.status}")

    replies = [r for turn in bot.turns for r, _ in turn.sent if r.operation == "reply_message"]
    calls = sum(len(turn.sent) for turn in bot.turns)
    if api is not None:
        problems += _check_fake_api(api, replies, calls)
    unknown = sum(isinstance(turn.event, UnknownEvent) for turn in bot.turns)
    _say(f"\nsummary: {len(steps) + 1} webhooks posted, {len(bot.turns)} events parsed, "
          f"{len(replies)} replies sent, {calls} API calls, {unknown} unknown event kept, "
          f"{bot.rejected} forged webhook rejected")
    for problem in problems:
        _say(f"  problem: {problem}")
    _say("demo OK" if not problems else f"demo FAILED: {len(problems)} problem(s)")
    return 0 if not problems else 1


def _check_turn(step: _Step, turn: Turn, live: bool) -> list[str]:
    """What went wrong with one event, if anything."""
    problems = []
    if turn.event != step.event:
        problems.append("the parsed event differs from the event posted")
    if isinstance(step.event, UnknownEvent):
        if not isinstance(turn.event, UnknownEvent) or turn.event.raw != step.event.raw:
            problems.append("the unknown event was not kept whole")
        if turn.sent:
            problems.append("the bot answered an event it cannot know")
        return problems
    for request, outcome in turn.sent:
        if isinstance(outcome, LineBotApiError):
            if not (live and outcome.status_code in EXPECTED_LIVE_STATUSES):
                problems.append(f"{request.operation} answered {outcome.status_code}")
        elif isinstance(outcome, Exception):
            problems.append(f"{request.operation} failed: {outcome}")
    if turn.error is not None and not (
            live and isinstance(turn.error, LineBotApiError)
            and turn.error.status_code in EXPECTED_LIVE_STATUSES):
        problems.append(f"the handler failed: {turn.error}")
    if not any(request.operation == "reply_message" for request, _ in turn.sent) and not live:
        problems.append("no reply was sent")
    return problems


def _check_fake_api(api: FakeLineApi, replies: list[Request[Any]], calls: int) -> list[str]:
    """The fake API got every request the bot sent, with the token, and each reply's body."""
    problems = []
    if len(api.requests) != calls:
        problems.append(f"the fake API got {len(api.requests)} requests, the bot sent {calls}")
    if any(r.headers.get("Authorization") != f"Bearer {DEMO_TOKEN}" for r in api.requests):
        problems.append("a request reached the fake API without the channel access token")
    received = [r.body for r in api.requests if r.path == "/v2/bot/message/reply"]
    if received != [r.body for r in replies]:
        problems.append("the replies the fake API got differ from those the bot sent")
    return problems


# -- what to print -----------------------------------------------------------------------------


def _say(line: str = "") -> None:
    """Print a line; characters the terminal cannot show are escaped, never fatal."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    print(line.encode(encoding, "backslashreplace").decode(encoding), flush=True)


def _user_line(event: Event) -> str:
    if isinstance(event, MessageEvent):
        message = event.message
        if isinstance(message, TextMessage):
            return f"user says        {message.text!r}"
        if isinstance(message, StickerMessage):
            return f"user sends       sticker {message.package_id}/{message.sticker_id}"
        if isinstance(message, ImageMessage):
            return f"user sends       an image (message {message.id})"
        return f"user sends       a {message.type!r} message, a type this SDK does not know"
    if isinstance(event, MessageEditedEvent):
        text = getattr(event.message, "text", None)
        return f"user edits       a message in a group to read {text!r}"
    if isinstance(event, FollowEvent):
        return "user adds the bot as a friend"
    if isinstance(event, PostbackEvent):
        params = dict(event.postback.params or {})
        return f"user taps        a button: data {event.postback.data!r}, params {params}"
    if isinstance(event, UnknownEvent):
        return f"LINE sends       a {event.type!r} event, a type this SDK does not know"
    return f"LINE sends       a {event.type!r} event"


def _bot_lines(turn: Turn, live: bool) -> Iterable[str]:
    if isinstance(turn.event, UnknownEvent):
        kept = ", ".join(sorted(turn.event.raw))
        yield f"bot keeps it     UnknownEvent(type={turn.event.type!r}), raw keys: {kept}"
        yield "                 and carries on: nothing lost, nothing crashed"
    for request, outcome in turn.sent:
        if isinstance(outcome, LineBotApiError):
            expected = live and outcome.status_code in EXPECTED_LIVE_STATUSES
            note = "  (expected: the demo's ids are made up)" if expected else ""
            yield f"{request.operation} -> LINE answered {outcome.status_code}: " \
                  f"{outcome.error.message}{note}"
        elif isinstance(outcome, Exception):
            yield f"{request.operation} -> failed: {outcome}"
        elif request.operation == "reply_message":
            yield f"bot replies      {_messages(request)}"
        elif isinstance(outcome, Profile):
            yield f"bot looks up     the profile: {outcome.display_name!r}"
        elif isinstance(outcome, Content):
            yield (f"bot downloads    the image: {len(outcome.content):,} bytes of "
                   f"{outcome.content_type}")
        else:
            yield f"bot calls        {request.operation}"
    if turn.error is not None and not turn.sent:
        yield f"bot failed       {turn.error}"


def _messages(request: Request[Any]) -> str:
    messages = json.loads(request.body or b"{}").get("messages", [])
    shown = []
    for message in messages:
        if message.get("type") == "text":
            shown.append(repr(message["text"]))
        elif message.get("type") == "sticker":
            shown.append(f"sticker {message['packageId']}/{message['stickerId']}")
        else:
            shown.append(f"a {message.get('type')} message")
    return ", ".join(shown)
