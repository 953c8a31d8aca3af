"""Event factories: webhook events with realistic defaults, for testing handlers.

https://developers.line.biz/en/reference/messaging-api/#webhook-event-objects

Each factory returns the same value :func:`linebot_fp.webhook.parse` gives for
the event LINE would send, so ``parse(*webhook_body(events, S), S) == events``::

    event = text_message_event("hello", user_id="U...")
    assert echo(event) == reply_message(event.reply_token, TextSendMessage(text="hello"))

Every factory takes these keyword options (:class:`EventOptions`):

* ``user_id``, ``group_id``, ``room_id`` or a ready ``source``: where the event
  comes from (a one-to-one chat with :data:`USER_ID` by default; join, leave and
  member events default to the group :data:`GROUP_ID`, and an edited message to
  :data:`USER_ID` in that group);
* ``timestamp`` (milliseconds, :data:`TIMESTAMP` by default), ``mode``
  (``"active"``; ``"standby"`` events carry no reply token), ``webhook_event_id``,
  ``redelivery`` (``delivery_context.is_redelivery``), and ``reply_token`` for
  the events that have one.

Ids and tokens left out are derived from the event's content (a hash), so the
same call gives the same event, and different events get different ids.
This module performs no I/O.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypedDict, TypeVar

from linebot_fp.codec import structure, unstructure
from linebot_fp.errors import InvalidInputError
from linebot_fp.models import (
    AccountLinkEvent,
    AudioMessage,
    Beacon,
    BeaconEvent,
    ContentProvider,
    DeliveryContext,
    Emojis,
    Event,
    FileMessage,
    Follow,
    FollowEvent,
    ImageMessage,
    ImageSet,
    Joined,
    JoinEvent,
    LeaveEvent,
    Left,
    Link,
    LocationMessage,
    MemberJoinedEvent,
    MemberLeftEvent,
    Mention,
    Message,
    MessageEditedEvent,
    MessageEvent,
    Postback,
    PostbackEvent,
    PostbackParams,
    Source,
    SourceGroup,
    SourceRoom,
    SourceUser,
    StickerMessage,
    TextMessage,
    UnfollowEvent,
    UnknownEvent,
    Unsend,
    UnsendEvent,
    VideoMessage,
    VideoPlayComplete,
    VideoPlayCompleteEvent,
)

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = [
    "EventOptions",
    "GROUP_ID",
    "ROOM_ID",
    "ReplyEventOptions",
    "TIMESTAMP",
    "USER_ID",
    "account_link_event",
    "audio_message_event",
    "beacon_event",
    "file_message_event",
    "follow_event",
    "image_message_event",
    "join_event",
    "leave_event",
    "location_message_event",
    "member_joined_event",
    "member_left_event",
    "message_edited_event",
    "message_event",
    "postback_event",
    "sticker_message_event",
    "text_message_event",
    "unfollow_event",
    "unknown_event",
    "unsend_event",
    "video_message_event",
    "video_play_complete_event",
]

#: the default user (``U`` and 32 hex digits, as LINE spells user ids)
USER_ID = "U0123456789abcdef0123456789abcdef"
#: the default group of join, leave and member events
GROUP_ID = "C0123456789abcdef0123456789abcdef"
#: a room id, for ``room_id=ROOM_ID``
ROOM_ID = "R0123456789abcdef0123456789abcdef"
#: the default ``timestamp``: 2024-01-01T00:00:00Z in milliseconds
TIMESTAMP = 1_704_067_200_000

E = TypeVar("E", bound=Event)


class EventOptions(TypedDict, total=False):
    """Keyword options every factory takes (see the module docstring)."""

    user_id: str | None
    group_id: str
    room_id: str
    source: Source
    timestamp: int
    mode: str
    webhook_event_id: str
    redelivery: bool


class ReplyEventOptions(EventOptions, total=False):
    """The options of the events that come with a reply token."""

    reply_token: str | None


_OPTIONS = frozenset(ReplyEventOptions.__annotations__)
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_WIRE_KEYS = {"timestamp": "timestamp", "source": "source", "mode": "mode",
              "webhook_event_id": "webhookEventId", "delivery_context": "deliveryContext",
              "reply_token": "replyToken"}


# -- messages --------------------------------------------------------------------------------


def message_event(message: Message, **options: Unpack[ReplyEventOptions]) -> MessageEvent:
    """A message event carrying any message value (an ``UnknownMessage`` too)."""
    if not isinstance(message, Message):
        raise InvalidInputError(f"message must be a Message, got {type(message).__name__}")
    decoded = structure(unstructure(message), Message)  # what parse gives back, exactly
    return _event(MessageEvent, options, message=decoded)


def text_message_event(text: str, *, message_id: str | None = None,
                       emojis: Iterable[Emojis] | None = None, mention: Mention | None = None,
                       quote_token: str | None = None, quoted_message_id: str | None = None,
                       **options: Unpack[ReplyEventOptions]) -> MessageEvent:
    """A user sent ``text``."""
    message_id = message_id or _message_id("text", text, options)
    return _event(MessageEvent, options, message=TextMessage(
        id=message_id, text=text, emojis=None if emojis is None else tuple(emojis),
        mention=mention, quote_token=quote_token or _quote_token(message_id),
        quoted_message_id=quoted_message_id))


def sticker_message_event(package_id: str = "446", sticker_id: str = "1988", *,
                          message_id: str | None = None, sticker_resource_type: str = "STATIC",
                          keywords: Iterable[str] | None = None, text: str | None = None,
                          quote_token: str | None = None, quoted_message_id: str | None = None,
                          **options: Unpack[ReplyEventOptions]) -> MessageEvent:
    """A user sent a sticker (package 446, sticker 1988 unless told)."""
    message_id = message_id or _message_id("sticker", f"{package_id}/{sticker_id}", options)
    return _event(MessageEvent, options, message=StickerMessage(
        id=message_id, package_id=package_id, sticker_id=sticker_id,
        sticker_resource_type=sticker_resource_type,
        keywords=None if keywords is None else tuple(keywords), text=text,
        quote_token=quote_token or _quote_token(message_id),
        quoted_message_id=quoted_message_id))


def image_message_event(*, message_id: str | None = None,
                        content_provider: ContentProvider | None = None,
                        image_set: ImageSet | None = None, quote_token: str | None = None,
                        **options: Unpack[ReplyEventOptions]) -> MessageEvent:
    """A user sent an image, held by LINE unless ``content_provider`` says otherwise."""
    message_id = message_id or _message_id("image", "", options)
    return _event(MessageEvent, options, message=ImageMessage(
        id=message_id, content_provider=content_provider or ContentProvider(type="line"),
        image_set=image_set, quote_token=quote_token or _quote_token(message_id)))


def video_message_event(*, duration: int = 10_000, message_id: str | None = None,
                        content_provider: ContentProvider | None = None,
                        quote_token: str | None = None,
                        **options: Unpack[ReplyEventOptions]) -> MessageEvent:
    """A user sent a video; ``duration`` in milliseconds."""
    message_id = message_id or _message_id("video", str(duration), options)
    return _event(MessageEvent, options, message=VideoMessage(
        id=message_id, duration=duration,
        content_provider=content_provider or ContentProvider(type="line"),
        quote_token=quote_token or _quote_token(message_id)))


def audio_message_event(*, duration: int = 5_000, message_id: str | None = None,
                        content_provider: ContentProvider | None = None,
                        **options: Unpack[ReplyEventOptions]) -> MessageEvent:
    """A user sent a voice message; ``duration`` in milliseconds."""
    message_id = message_id or _message_id("audio", str(duration), options)
    return _event(MessageEvent, options, message=AudioMessage(
        id=message_id, duration=duration,
        content_provider=content_provider or ContentProvider(type="line")))


def file_message_event(file_name: str = "file.txt", file_size: int = 1024, *,
                       message_id: str | None = None,
                       **options: Unpack[ReplyEventOptions]) -> MessageEvent:
    """A user sent a file; ``file_size`` in bytes."""
    message_id = message_id or _message_id("file", f"{file_name}:{file_size}", options)
    return _event(MessageEvent, options, message=FileMessage(
        id=message_id, file_name=file_name, file_size=file_size))


def location_message_event(latitude: float = 35.681236, longitude: float = 139.767125, *,
                           title: str | None = "Tokyo Station",
                           address: str | None = "1 Chome Marunouchi, Chiyoda City, Tokyo",
                           message_id: str | None = None,
                           **options: Unpack[ReplyEventOptions]) -> MessageEvent:
    """A user shared a location (Tokyo Station unless told)."""
    message_id = message_id or _message_id("location", f"{latitude},{longitude}", options)
    return _event(MessageEvent, options, message=LocationMessage(
        id=message_id, latitude=latitude, longitude=longitude, title=title, address=address))


def message_edited_event(text: str, *, message_id: str | None = None,
                         emojis: Iterable[Emojis] | None = None, mention: Mention | None = None,
                         quote_token: str | None = None, quoted_message_id: str | None = None,
                         **options: Unpack[ReplyEventOptions]) -> MessageEditedEvent:
    """A user edited a text message they had sent to read ``text``.

    LINE sends this only from a group chat for now, so the event comes from
    :data:`USER_ID` in the group :data:`GROUP_ID` unless told (``user_id``,
    ``group_id``, ``room_id`` or ``source``). Pass the ``message_id`` of the
    message being edited (``text_message_event(...).message.id``) to tie the two;
    left out, it is derived from ``text``. Of several edits of one message the one
    with the largest ``timestamp`` is the latest.
    """
    message_id = message_id or _message_id("text", text, options)
    return _event(MessageEditedEvent, options, in_chat=True, names_user=True,
                  message=TextMessage(
                      id=message_id, text=text, emojis=None if emojis is None else tuple(emojis),
                      mention=mention, quote_token=quote_token or _quote_token(message_id),
                      quoted_message_id=quoted_message_id))


def unsend_event(message_id: str, **options: Unpack[EventOptions]) -> UnsendEvent:
    """A user unsent the message ``message_id``."""
    return _event(UnsendEvent, options, replies=False, unsend=Unsend(message_id=message_id))


# -- friendship and chats -------------------------------------------------------------------


def follow_event(*, is_unblocked: bool = False,
                 **options: Unpack[ReplyEventOptions]) -> FollowEvent:
    """A user added the bot as a friend (or unblocked it, with ``is_unblocked=True``)."""
    return _event(FollowEvent, options, follow=Follow(is_unblocked=is_unblocked))


def unfollow_event(**options: Unpack[EventOptions]) -> UnfollowEvent:
    """A user blocked the bot."""
    return _event(UnfollowEvent, options, replies=False)


def join_event(**options: Unpack[ReplyEventOptions]) -> JoinEvent:
    """The bot joined a group (:data:`GROUP_ID` unless told) or a room."""
    return _event(JoinEvent, options, in_chat=True)


def leave_event(**options: Unpack[EventOptions]) -> LeaveEvent:
    """The bot left, or was removed from, a group or a room."""
    return _event(LeaveEvent, options, replies=False, in_chat=True)


def member_joined_event(user_ids: Iterable[str] = (USER_ID,),
                        **options: Unpack[ReplyEventOptions]) -> MemberJoinedEvent:
    """Users joined a group or room the bot is in."""
    members = _members("user_ids", user_ids)
    return _event(MemberJoinedEvent, options, in_chat=True, joined=Joined(members=members))


def member_left_event(user_ids: Iterable[str] = (USER_ID,),
                      **options: Unpack[EventOptions]) -> MemberLeftEvent:
    """Users left a group or room the bot is in."""
    members = _members("user_ids", user_ids)
    return _event(MemberLeftEvent, options, replies=False, in_chat=True,
                  left=Left(members=members))


# -- actions and devices --------------------------------------------------------------------


def postback_event(data: str, params: PostbackParams | Mapping[str, str] | None = None,
                   **options: Unpack[ReplyEventOptions]) -> PostbackEvent:
    """A user tapped a postback action; ``params`` by wire key (``{"date": "2024-05-01"}``)."""
    if params is not None and not isinstance(params, PostbackParams):
        params = structure(dict(params), PostbackParams)
    return _event(PostbackEvent, options, postback=Postback(data=data, params=params))


def beacon_event(hwid: str = "d41d8cd98f", beacon_type: str = "enter", *, dm: str | None = None,
                 **options: Unpack[ReplyEventOptions]) -> BeaconEvent:
    """A user came within range of a LINE Beacon; ``dm`` is the device message in hex."""
    return _event(BeaconEvent, options, beacon=Beacon(hwid=hwid, type=beacon_type, dm=dm))


def video_play_complete_event(tracking_id: str,
                              **options: Unpack[ReplyEventOptions]) -> VideoPlayCompleteEvent:
    """A user watched the video message with ``tracking_id`` to the end."""
    return _event(VideoPlayCompleteEvent, options,
                  video_play_complete=VideoPlayComplete(tracking_id=tracking_id))


def account_link_event(nonce: str, result: str = "ok",
                       **options: Unpack[ReplyEventOptions]) -> AccountLinkEvent:
    """An account link ended: ``result`` ``"ok"`` or ``"failed"`` (which has no reply token)."""
    return _event(AccountLinkEvent, options, replies=result == "ok",
                  link=Link(result=result, nonce=nonce))


def unknown_event(event_type: str, fields: Mapping[str, Any] | None = None,
                  **options: Unpack[ReplyEventOptions]) -> UnknownEvent:
    """An event of a type this SDK does not know (yet), with extra JSON ``fields``.

    The common fields (timestamp, source, mode, ...) are filled as for any event;
    ``raw`` holds the whole JSON object, as :func:`~linebot_fp.webhook.parse` keeps it.
    """
    _check_options(options)
    known = Event.family.get(event_type)  # the events' one table, as the codec reads it
    if known is not None:
        raise InvalidInputError(f"{event_type!r} is an event type this SDK knows; use its "
                                f"factory or {known.rpartition(':')[2]} instead")
    extra = dict(fields or {})
    common = _common(event_type, options, replies="reply_token" in options, in_chat=False,
                     content=extra)
    data = {_WIRE_KEYS[name]: unstructure(value) for name, value in common.items()
            if value is not None}
    data.update(extra)
    data["type"] = event_type
    event = structure(data, Event)
    if not isinstance(event, UnknownEvent):  # pragma: no cover - the table says otherwise
        raise InvalidInputError(f"{event_type!r} decodes to {type(event).__name__}")
    return event


# -- mechanics ------------------------------------------------------------------------------


def _event(cls: type[E], options: Mapping[str, Any], *, replies: bool = True,
           in_chat: bool = False, names_user: bool = False, **content: Any) -> E:
    _check_options(options)
    if not replies and "reply_token" in options:
        raise InvalidInputError(f"{cls.__name__} has no reply token; do not pass reply_token")
    common = _common(cls.type, options, replies=replies, in_chat=in_chat, content=content,
                     names_user=names_user)
    return cls(**common, **content)


def _common(event_type: str, options: Mapping[str, Any], *, replies: bool, in_chat: bool,
            content: Mapping[str, Any], names_user: bool = False) -> dict[str, Any]:
    """The fields every event has, with the defaults the module docstring lists."""
    source = _source(options, in_chat, names_user)
    timestamp = options.get("timestamp", TIMESTAMP)
    mode = options.get("mode", "active")
    event_id = options.get("webhook_event_id") or _event_id(
        event_type, timestamp, source, sorted(content.items()))
    common: dict[str, Any] = {
        "timestamp": timestamp, "source": source, "mode": mode, "webhook_event_id": event_id,
        "delivery_context": DeliveryContext(is_redelivery=options.get("redelivery", False)),
    }
    if replies:
        default = None if mode == "standby" else _digest("reply", event_id)[:32]
        common["reply_token"] = options.get("reply_token", default)
    return common


def _check_options(options: Mapping[str, Any]) -> None:
    unexpected = sorted(set(options) - _OPTIONS)
    if unexpected:
        raise TypeError(f"unexpected keyword argument(s): {', '.join(unexpected)}")


def _source(options: Mapping[str, Any], in_chat: bool, names_user: bool = False) -> Source:
    if "source" in options:
        given = [name for name in ("user_id", "group_id", "room_id") if name in options]
        if given:
            raise InvalidInputError(f"give source or {', '.join(given)}, not both")
        source = options["source"]
        if not isinstance(source, Source):
            raise InvalidInputError(f"source must be a Source, got {type(source).__name__}")
        return source
    if "group_id" in options and "room_id" in options:
        raise InvalidInputError("give group_id or room_id, not both")
    # in a group or room, LINE names the user who caused a message, not a join or leave
    user_id = options.get("user_id", None if in_chat and not names_user else USER_ID)
    if "room_id" in options:
        return SourceRoom(room_id=options["room_id"], user_id=user_id)
    if "group_id" in options or in_chat:
        return SourceGroup(group_id=options.get("group_id", GROUP_ID), user_id=user_id)
    return SourceUser(user_id=user_id)


def _members(name: str, user_ids: Iterable[str]) -> tuple[Source, ...]:
    if isinstance(user_ids, str):
        raise InvalidInputError(f"{name} takes a sequence of user ids, not one string")
    members = tuple(SourceUser(user_id=user_id) for user_id in user_ids)
    if not members:
        raise InvalidInputError(f"{name} takes at least one user id")
    return members


def _digest(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def _event_id(event_type: str, timestamp: int, *parts: object) -> str:
    """A ULID, as LINE's ``webhookEventId``: the timestamp, then 80 bits of the content hash."""
    number = (timestamp % 2**48) << 80 | int(_digest("event", event_type, timestamp, *parts),
                                             16) % 2**80
    return "".join(_CROCKFORD[(number >> (5 * i)) & 31] for i in reversed(range(26)))


def _message_id(kind: str, content: str, options: Mapping[str, Any]) -> str:
    """18 digits, the shape of LINE's message ids."""
    return str(10**17 + int(_digest("message", kind, content, sorted(options.items())), 16)
               % (9 * 10**17))


def _quote_token(message_id: str) -> str:
    return "q" + _digest("quote", message_id)[:40]
