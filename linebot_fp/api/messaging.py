"""Sending messages, and what LINE counts about them.

https://developers.line.biz/en/reference/messaging-api/#messages

Reply, push, multicast, broadcast and narrowcast; validating message objects;
quota, delivery statistics and aggregation units; marking messages as read,
LINE notification messages (PNP) and the loading animation. Each builder
returns a :class:`~linebot_fp.request.Request`; nothing is sent here.
This module performs no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from linebot_fp.api._build import (
    compact,
    date_param,
    get,
    ids,
    integer,
    json_request,
    messages as message_list,
    model,
    query,
    require_id,
    require_text,
    retry_key_headers,
)
from linebot_fp.api._registry import operation
from linebot_fp.errors import InvalidInputError
from linebot_fp.request import Request

if TYPE_CHECKING:
    import datetime
    import uuid

    from linebot_fp.models.narrowcast import Filter, Limit, Recipient
    from linebot_fp.models.responses import (
        AggregationInfoResponse,
        AggregationNameListResponse,
        BroadcastResponse,
        MessageDeliveryBroadcastResponse,
        MessageDeliveryMulticastResponse,
        MessageDeliveryPushResponse,
        MessageDeliveryReplyResponse,
        MessageProgressNarrowcastResponse,
        MessageQuotaConsumptionResponse,
        MessageQuotaResponse,
        MulticastResponse,
        NarrowcastResponse,
        NumberOfMessagesResponse,
        PushMessageResponse,
        ReplyMessageResponse,
        ShowLoadingAnimationResponse,
        ValidateBroadcastMessageObjectsResponse,
        ValidateMulticastMessageObjectsResponse,
        ValidateNarrowcastMessageObjectsResponse,
        ValidatePushMessageObjectsResponse,
        ValidateReplyMessageObjectsResponse,
    )
    from linebot_fp.models.send_messages import SendMessage

__all__ = [
    "broadcast",
    "get_message_delivery_broadcast",
    "get_message_delivery_multicast",
    "get_message_delivery_push",
    "get_message_delivery_reply",
    "get_message_quota",
    "get_message_quota_consumption",
    "get_name_list_of_units_used_this_month",
    "get_number_of_units_used_this_month",
    "get_pnp_message_statistics",
    "get_progress_status_narrowcast",
    "mark_messages_as_read",
    "mark_messages_as_read_by_token",
    "multicast",
    "narrowcast",
    "push_message",
    "push_messages_by_phone",
    "reply_message",
    "show_loading_animation",
    "validate_broadcast_message_objects",
    "validate_multicast_message_objects",
    "validate_narrowcast_message_objects",
    "validate_push_message_objects",
    "validate_reply_message_objects",
]
__docformat__ = "google"  # pdoc renders the Args / Returns / Raises sections



B = TypeVar("B", bound=Callable[..., Any])

_UNIT_NAME = re.compile(r"[a-zA-Z0-9_]{1,30}")


def _aggregation_units(value: Any) -> list[str] | None:
    """``custom_aggregation_units``: one name or a list of one (``None`` for none).

    A name is 1 to 30 half-width letters, digits and underscores.
    """
    if value is None:
        return None
    names = ids("custom_aggregation_units", [value] if isinstance(value, str) else value,
                high=1)
    for name in names:
        if not _UNIT_NAME.fullmatch(name):
            raise InvalidInputError("custom_aggregation_units takes names of 1 to 30 letters, "
                                    f"digits and '_', got {name!r}")
    return names


def _bool(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise InvalidInputError(f"{name} must be True or False, got {value!r}")
    return value


def _documented(template: str, **fields: str) -> Callable[[B], B]:
    """Give a builder the docstring it shares with its siblings (the validators, the counts).

    ``{answer}`` in ``template`` becomes the builder's return annotation: the
    text names the answer the registry decodes.
    """

    def document(builder: B) -> B:
        builder.__doc__ = template.format(answer=builder.__annotations__["return"], **fields)
        return builder

    return document


_VALIDATING = """Check that messages are valid for a {kind}, without sending them.

    Args:
        messages: one message (``TextSendMessage``, ``FlexSendMessage``, ...) or a list of 1
            to 5.

    Returns:
        ``{answer}``: an empty answer
        (with the request id) when the messages are valid; invalid ones make the
        send raise ``LineBotApiError`` (400) whose ``error.details`` name each problem.

    Raises:
        InvalidInputError: ``messages`` is empty, has more than 5 items or one that is not a
            message.
    """

_COUNTING = """Get the number of {what} sent on a day.

    Args:
        date: the day, a ``datetime.date`` or ``yyyyMMdd`` text (LINE reads it in UTC+9).

    Returns:
        ``{answer}``: ``status`` (``"ready"``,
        ``"unready"`` while LINE still counts, ``"out_of_service"``) and the count in
        ``success``.

    Raises:
        InvalidInputError: ``date`` is neither a date nor ``yyyyMMdd`` text.
    """


# -- sending messages ---------------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#send-reply-message


@operation("replyMessage")
def reply_message(reply_token: str, messages: SendMessage | Sequence[SendMessage],
                  notification_disabled: bool = False) -> Request[ReplyMessageResponse]:
    """Reply to an event with 1 to 5 messages, using the event's reply token.

    Args:
        reply_token: the ``reply_token`` of the webhook event (usable once, soon after the
            event arrived).
        messages: one message (``TextSendMessage``, ``FlexSendMessage``, ...) or a list of 1
            to 5.
        notification_disabled: ``True`` to deliver without a push notification.

    Returns:
        ``Request[ReplyMessageResponse]``: the ``sent_messages`` (id and quote token of
        each).

    Raises:
        InvalidInputError: ``reply_token`` is not a non-empty string, or ``messages`` is
            empty, has more than 5 items or one that is not a message.
    """
    return json_request("reply_message", "POST", "/v2/bot/message/reply", {
        "replyToken": require_id("reply_token", reply_token),
        "messages": message_list(messages),
        "notificationDisabled": _bool("notification_disabled", notification_disabled),
    })


# https://developers.line.biz/en/reference/messaging-api/#send-push-message
@operation("pushMessage")
def push_message(
    to: str, messages: SendMessage | Sequence[SendMessage],
    retry_key: str | uuid.UUID | None = None, notification_disabled: bool = False,
    custom_aggregation_units: str | Sequence[str] | None = None,
) -> Request[PushMessageResponse]:
    """Push 1 to 5 messages to a user, group or room at any time.

    Args:
        to: the id of a user (``U...``), group (``C...``) or room (``R...``).
        messages: one message (``TextSendMessage``, ``FlexSendMessage``, ...) or a list of 1
            to 5.
        retry_key: a UUID (``uuid.UUID`` or its text) sent as ``X-Line-Retry-Key``; the same
            key never delivers twice. When left out, ``Client`` gives each send one (unless
            its retries are off).
        notification_disabled: ``True`` to deliver without a push notification.
        custom_aggregation_units: the name of one aggregation unit (1 to 30 letters, digits
            and ``_``) that counts these messages in the statistics, or ``None``.

    Returns:
        ``Request[PushMessageResponse]``: the ``sent_messages`` (id and quote token of
        each).

    Raises:
        InvalidInputError: ``to`` is not a non-empty string, ``messages`` is empty, has more
            than 5 items or one that is not a message, ``retry_key`` is not a UUID, or an
            aggregation unit name is invalid.
    """
    return json_request("push_message", "POST", "/v2/bot/message/push", compact({
        "to": require_id("to", to),
        "messages": message_list(messages),
        "notificationDisabled": _bool("notification_disabled", notification_disabled),
        "customAggregationUnits": _aggregation_units(custom_aggregation_units),
    }), headers=retry_key_headers(retry_key))


# https://developers.line.biz/en/reference/messaging-api/#send-multicast-message
@operation("multicast")
def multicast(
    to: Sequence[str], messages: SendMessage | Sequence[SendMessage],
    retry_key: str | uuid.UUID | None = None, notification_disabled: bool = False,
    custom_aggregation_units: str | Sequence[str] | None = None,
) -> Request[MulticastResponse]:
    """Push the same 1 to 5 messages to 1 to 500 users at once (not to groups or rooms).

    Args:
        to: the user ids (``U...``), 1 to 500 of them.
        messages: one message (``TextSendMessage``, ``FlexSendMessage``, ...) or a list of 1
            to 5.
        retry_key: a UUID (``uuid.UUID`` or its text) sent as ``X-Line-Retry-Key``; the same
            key never delivers twice. When left out, ``Client`` gives each send one (unless
            its retries are off).
        notification_disabled: ``True`` to deliver without a push notification.
        custom_aggregation_units: the name of one aggregation unit (1 to 30 letters, digits
            and ``_``) that counts these messages in the statistics, or ``None``.

    Returns:
        ``Request[MulticastResponse]``: an empty answer carrying the request id.

    Raises:
        InvalidInputError: ``to`` is not a list of 1 to 500 non-empty strings, ``messages``
            is empty, has more than 5 items or one that is not a message, ``retry_key`` is
            not a UUID, or an aggregation unit name is invalid.
    """
    return json_request("multicast", "POST", "/v2/bot/message/multicast", compact({
        "to": ids("to", to, high=500),
        "messages": message_list(messages),
        "notificationDisabled": _bool("notification_disabled", notification_disabled),
        "customAggregationUnits": _aggregation_units(custom_aggregation_units),
    }), headers=retry_key_headers(retry_key))


# https://developers.line.biz/en/reference/messaging-api/#send-broadcast-message
@operation("broadcast")
def broadcast(messages: SendMessage | Sequence[SendMessage],
              retry_key: str | uuid.UUID | None = None,
              notification_disabled: bool = False) -> Request[BroadcastResponse]:
    """Send 1 to 5 messages to every friend of the bot.

    Args:
        messages: one message (``TextSendMessage``, ``FlexSendMessage``, ...) or a list of 1
            to 5.
        retry_key: a UUID (``uuid.UUID`` or its text) sent as ``X-Line-Retry-Key``; the same
            key never delivers twice. When left out, ``Client`` gives each send one (unless
            its retries are off).
        notification_disabled: ``True`` to deliver without a push notification.

    Returns:
        ``Request[BroadcastResponse]``: an empty answer carrying the request id.

    Raises:
        InvalidInputError: ``messages`` is empty, has more than 5 items or one that is not a
            message, or ``retry_key`` is not a UUID.
    """
    return json_request("broadcast", "POST", "/v2/bot/message/broadcast", {
        "messages": message_list(messages),
        "notificationDisabled": _bool("notification_disabled", notification_disabled),
    }, headers=retry_key_headers(retry_key))


# https://developers.line.biz/en/reference/messaging-api/#send-narrowcast-message
@operation("narrowcast")
def narrowcast(
    messages: SendMessage | Sequence[SendMessage], retry_key: str | uuid.UUID | None = None,
    recipient: Recipient | None = None, filter: Filter | None = None, limit: Limit | None = None,
    notification_disabled: bool = False,
) -> Request[NarrowcastResponse]:
    """Send 1 to 5 messages to the friends chosen by audience, demographic filter and limit.

    LINE accepts the request at once and delivers in the background: follow it with
    :func:`get_progress_status_narrowcast` and the request id of the answer.

    Args:
        messages: one message (``TextSendMessage``, ``FlexSendMessage``, ...) or a list of 1
            to 5.
        retry_key: a UUID (``uuid.UUID`` or its text) sent as ``X-Line-Retry-Key``; the same
            key never delivers twice. When left out, ``Client`` gives each send one (unless
            its retries are off).
        recipient: who gets the messages: an ``AudienceRecipient``, ``RedeliveryRecipient``
            or an ``OperatorRecipient`` combining them; ``None`` for every friend.
        filter: a ``Filter`` of demographics (age, gender, OS, area, ...), or ``None``.
        limit: a ``Limit`` on how many users get the messages (``max``,
            ``up_to_remaining_quota``), or ``None``.
        notification_disabled: ``True`` to deliver without a push notification.

    Returns:
        ``Request[NarrowcastResponse]``: an empty answer (202) carrying the request id.

    Raises:
        InvalidInputError: ``messages`` is empty, has more than 5 items or one that is not a
            message, ``retry_key`` is not a UUID, or ``recipient`` / ``filter`` / ``limit``
            is not the model it should be.
    """
    models = "linebot_fp.models.narrowcast"
    return json_request("narrowcast", "POST", "/v2/bot/message/narrowcast", compact({
        "messages": message_list(messages),
        "recipient": model("recipient", recipient, f"{models}:Recipient", optional=True),
        "filter": model("filter", filter, f"{models}:Filter", optional=True),
        "limit": model("limit", limit, f"{models}:Limit", optional=True),
        "notificationDisabled": _bool("notification_disabled", notification_disabled),
    }), headers=retry_key_headers(retry_key))


# https://developers.line.biz/en/reference/messaging-api/#get-narrowcast-progress-status
@operation("getNarrowcastProgress")
def get_progress_status_narrowcast(request_id: str) -> Request[MessageProgressNarrowcastResponse]:
    """Get the progress of a narrowcast.

    Args:
        request_id: the request id the narrowcast's answer carried.

    Returns:
        ``Request[MessageProgressNarrowcastResponse]``: its ``phase`` (``"waiting"``,
        ``"sending"``, ``"succeeded"``, ``"failed"``), counts and times.

    Raises:
        InvalidInputError: ``request_id`` is not a non-empty string.
    """
    return get("get_progress_status_narrowcast", "/v2/bot/message/progress/narrowcast",
               query_=query(requestId=require_id("request_id", request_id)))


# -- validating message objects ----------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#validate-message-objects-of-reply-message


def _validate(operation_name: str, kind: str, messages: Any) -> Request[Any]:
    return json_request(operation_name, "POST", f"/v2/bot/message/validate/{kind}",
                        {"messages": message_list(messages)})


@operation("validateReply")
@_documented(_VALIDATING, kind="reply")
def validate_reply_message_objects(
    messages: SendMessage | Sequence[SendMessage],
) -> Request[ValidateReplyMessageObjectsResponse]:
    return _validate("validate_reply_message_objects", "reply", messages)


@operation("validatePush")
@_documented(_VALIDATING, kind="push")
def validate_push_message_objects(
    messages: SendMessage | Sequence[SendMessage],
) -> Request[ValidatePushMessageObjectsResponse]:
    return _validate("validate_push_message_objects", "push", messages)


@operation("validateMulticast")
@_documented(_VALIDATING, kind="multicast")
def validate_multicast_message_objects(
    messages: SendMessage | Sequence[SendMessage],
) -> Request[ValidateMulticastMessageObjectsResponse]:
    return _validate("validate_multicast_message_objects", "multicast", messages)


@operation("validateNarrowcast")
@_documented(_VALIDATING, kind="narrowcast")
def validate_narrowcast_message_objects(
    messages: SendMessage | Sequence[SendMessage],
) -> Request[ValidateNarrowcastMessageObjectsResponse]:
    return _validate("validate_narrowcast_message_objects", "narrowcast", messages)


@operation("validateBroadcast")
@_documented(_VALIDATING, kind="broadcast")
def validate_broadcast_message_objects(
    messages: SendMessage | Sequence[SendMessage],
) -> Request[ValidateBroadcastMessageObjectsResponse]:
    return _validate("validate_broadcast_message_objects", "broadcast", messages)


# -- quota ----------------------------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#get-quota


@operation("getMessageQuota")
def get_message_quota() -> Request[MessageQuotaResponse]:
    """Get this month's limit of messages the bot can send.

    Returns:
        ``Request[MessageQuotaResponse]``: ``type`` (``"none"``: no limit, or ``"limited"``)
        and the limit in ``value``.
    """
    return get("get_message_quota", "/v2/bot/message/quota")


# https://developers.line.biz/en/reference/messaging-api/#get-consumption
@operation("getMessageQuotaConsumption")
def get_message_quota_consumption() -> Request[MessageQuotaConsumptionResponse]:
    """Get how many messages the bot sent this month.

    Returns:
        ``Request[MessageQuotaConsumptionResponse]``: the count in ``total_usage``.
    """
    return get("get_message_quota_consumption", "/v2/bot/message/quota/consumption")


# -- number of messages sent ------------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#get-number-of-reply-messages


def _delivery(operation_name: str, kind: str, date: Any) -> Request[Any]:
    return get(operation_name, f"/v2/bot/message/delivery/{kind}",
               query_=query(date=date_param("date", date)))


@operation("getNumberOfSentReplyMessages")
@_documented(_COUNTING, what="reply messages")
def get_message_delivery_reply(date: str | datetime.date) -> Request[MessageDeliveryReplyResponse]:
    return _delivery("get_message_delivery_reply", "reply", date)


@operation("getNumberOfSentPushMessages")
@_documented(_COUNTING, what="push messages")
def get_message_delivery_push(date: str | datetime.date) -> Request[MessageDeliveryPushResponse]:
    return _delivery("get_message_delivery_push", "push", date)


@operation("getNumberOfSentMulticastMessages")
@_documented(_COUNTING, what="multicast messages")
def get_message_delivery_multicast(
    date: str | datetime.date,
) -> Request[MessageDeliveryMulticastResponse]:
    return _delivery("get_message_delivery_multicast", "multicast", date)


@operation("getNumberOfSentBroadcastMessages")
@_documented(_COUNTING, what="broadcast messages")
def get_message_delivery_broadcast(
    date: str | datetime.date,
) -> Request[MessageDeliveryBroadcastResponse]:
    return _delivery("get_message_delivery_broadcast", "broadcast", date)


# https://developers.line.biz/en/reference/partner-docs/#get-number-of-sent-line-notification-messages
@operation("getPNPMessageStatistics")
@_documented(_COUNTING, what="LINE notification messages")
def get_pnp_message_statistics(date: str | datetime.date) -> Request[NumberOfMessagesResponse]:
    return _delivery("get_pnp_message_statistics", "pnp", date)


# -- aggregation units ----------------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#get-number-of-units-used-this-month


@operation("getAggregationUnitUsage")
def get_number_of_units_used_this_month() -> Request[AggregationInfoResponse]:
    """Get how many aggregation units were used this month.

    Returns:
        ``Request[AggregationInfoResponse]``: the count in
        ``num_of_custom_aggregation_units``.
    """
    return get("get_number_of_units_used_this_month", "/v2/bot/message/aggregation/info")


# https://developers.line.biz/en/reference/messaging-api/#get-name-list-of-units-used-this-month
@operation("getAggregationUnitNameList")
def get_name_list_of_units_used_this_month(
    limit: int | None = 100, start: str | None = None,
) -> Request[AggregationNameListResponse]:
    """Get the names of the aggregation units used this month, a page at a time.

    Args:
        limit: at most this many names per page (1 or more; LINE's default is 100).
        start: the ``next`` token of the previous page, to continue; ``None`` to begin.

    Returns:
        ``Request[AggregationNameListResponse]``: the ``custom_aggregation_units`` and, when
        more remain, the ``next`` token.

    Raises:
        InvalidInputError: ``limit`` is not a positive integer, or ``start`` is an empty
            string.
    """
    return get("get_name_list_of_units_used_this_month", "/v2/bot/message/aggregation/list",
               query_=query(limit=None if limit is None else integer("limit", limit, low=1),
                            start=None if start is None else require_id("start", start)))


# -- reading, notifications and the loading animation ---------------------------------------
# https://developers.line.biz/en/reference/partner-docs/#mark-messages-from-users-as-read


@operation("markMessagesAsRead")
def mark_messages_as_read(user_id: str) -> Request[None]:
    """Mark every message a user sent the bot as read (for approved partners).

    Args:
        user_id: the user's id (``U...``).

    Returns:
        ``Request[None]``: the answer is empty.

    Raises:
        InvalidInputError: ``user_id`` is not a non-empty string.
    """
    return json_request("mark_messages_as_read", "POST", "/v2/bot/message/markAsRead",
                        {"chat": {"userId": require_id("user_id", user_id)}})


# https://developers.line.biz/en/reference/messaging-api/#mark-as-read
@operation("markMessagesAsReadByToken")
def mark_messages_as_read_by_token(mark_as_read_token: str) -> Request[None]:
    """Mark a user's messages as read, up to the message that carried the token.

    Args:
        mark_as_read_token: the ``mark_as_read_token`` of a received message event; only the
            bot that received it can use it.

    Returns:
        ``Request[None]``: the answer is empty.

    Raises:
        InvalidInputError: ``mark_as_read_token`` is not a non-empty string.
    """
    return json_request("mark_messages_as_read_by_token", "POST", "/v2/bot/chat/markAsRead",
                        {"markAsReadToken": require_id("mark_as_read_token",
                                                       mark_as_read_token)})


# https://developers.line.biz/en/reference/partner-docs/#send-line-notification-message
@operation("pushMessagesByPhone")
def push_messages_by_phone(to: str, messages: SendMessage | Sequence[SendMessage],
                           notification_disabled: bool = False,
                           delivery_tag: str | None = None) -> Request[None]:
    """Send a LINE notification message to a phone number (for approved partners).

    Args:
        to: the phone number in E.164 form (``+818000001234``), hashed with SHA-256 (hex
            digest).
        messages: one message (``TextSendMessage``, ``FlexSendMessage``, ...) or a list of 1
            to 5.
        notification_disabled: ``True`` to deliver without a push notification.
        delivery_tag: 16 to 100 characters sent as ``X-Line-Delivery-Tag``; they come back
            in the delivery completion event. ``None`` for none.

    Returns:
        ``Request[None]``: the answer is empty.

    Raises:
        InvalidInputError: ``to`` is not a non-empty string, ``messages`` is empty, has more
            than 5 items or one that is not a message, or ``delivery_tag`` is not 16 to 100
            characters.
    """
    headers = None
    if delivery_tag is not None:
        tag = require_text("delivery_tag", delivery_tag)
        if not 16 <= len(tag) <= 100:
            raise InvalidInputError(f"delivery_tag takes 16 to 100 characters, got {len(tag)}")
        headers = {"X-Line-Delivery-Tag": tag}
    return json_request("push_messages_by_phone", "POST", "/bot/pnp/push", {
        "to": require_id("to", to),
        "messages": message_list(messages),
        "notificationDisabled": _bool("notification_disabled", notification_disabled),
    }, headers=headers)


# https://developers.line.biz/en/reference/messaging-api/#display-a-loading-indicator
@operation("showLoadingAnimation")
def show_loading_animation(
    chat_id: str, loading_seconds: int | None = None,
) -> Request[ShowLoadingAnimationResponse]:
    """Show a loading animation in a one-to-one chat while the bot prepares its reply.

    It disappears when the bot's next message arrives, or after ``loading_seconds``.

    Args:
        chat_id: the id of the user (``U...``) whose chat shows it.
        loading_seconds: 5 to 60, a multiple of 5 (LINE's default is 20); ``None`` for the
            default.

    Returns:
        ``Request[ShowLoadingAnimationResponse]``: an empty answer (202).

    Raises:
        InvalidInputError: ``chat_id`` is not a non-empty string, or ``loading_seconds`` is
            not a multiple of 5 from 5 to 60.
    """
    if loading_seconds is not None:
        integer("loading_seconds", loading_seconds, low=5, high=60)
        if loading_seconds % 5:
            raise InvalidInputError(
                f"loading_seconds must be a multiple of 5, got {loading_seconds}")
    return json_request("show_loading_animation", "POST", "/v2/bot/chat/loading/start",
                        compact({"chatId": require_id("chat_id", chat_id),
                                 "loadingSeconds": loading_seconds}))
