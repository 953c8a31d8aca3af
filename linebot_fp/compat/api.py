"""The legacy ``LineBotApi``: every method of line-bot-sdk v1/v2, on the functional core.

https://developers.line.biz/en/reference/messaging-api/

Each method is one line: the builder of the same name in :mod:`linebot_fp.api`
makes the :class:`~linebot_fp.request.Request`, a :class:`~linebot_fp.client.Client`
sends it, and the answer comes back in the shape the legacy method returned
(``create_rich_menu`` the id string, ``get_group_members_count`` the number,
``get_rich_menu_list`` a list, ``reply_message`` nothing, models as the legacy
classes of :mod:`linebot_fp.compat.models`, ...). Where the legacy method
returned less than the API answers (the ids and quote tokens of the messages a
reply or push sent), ``Client.send`` of the same builder returns it all.

Arguments may be legacy models, core models or users' own ``Base`` subclasses:
each becomes the core model the builder takes (through its JSON), so both kinds
send the same bytes. Ids may be numbers, as the legacy SDK allowed. Answers are
read leniently, as the legacy SDK read them: a field the API left out is ``None``.
Errors are the legacy :class:`~linebot_fp.compat.exceptions.LineBotApiError`.

Choices, where the legacy SDK and the core differ:

* Retries: the legacy SDK never retried, and neither does ``LineBotApi``, except
  for a send given a ``retry_key`` (push, multicast, broadcast, narrowcast): that
  send is safe to repeat, so it is retried with the core's default
  :class:`~linebot_fp.sending.RetryPolicy` after a timeout, a 429 or a 5xx, and a
  409 carrying ``X-Line-Accepted-Request-Id`` ("already accepted") is an answer,
  not an error. No retry key is ever added on the caller's behalf.
* ``endpoint`` and ``data_endpoint`` stay assignable attributes, as they were:
  setting one points later calls at another host (a test server, say).
* ``get_audience_group_list`` still gathers every page from ``page`` on into one
  list; it stops at a page without audiences even if the API says there is more.
* ``get_audience_group`` returns the ``AudienceGroup`` with its ``jobs``, which is
  what the legacy method declared.
* Arguments are checked before anything is sent: a bad one (a model missing a
  required field, an id that would reach another endpoint) raises
  :class:`~linebot_fp.errors.InvalidInputError` (a ``ValueError``) naming it.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, TYPE_CHECKING, Any, Literal, TypeVar

from linebot_fp import api, codec
from linebot_fp.client import Client
from linebot_fp.compat.exceptions import LineBotApiError
from linebot_fp.compat.http_client import (
    DEFAULT_TIMEOUT,
    HttpClient,
    RequestsHttpClient,
    Urllib3HttpClient,
    as_transport,
)
from linebot_fp.compat.models._factory import from_core, legacy_named, to_core
from linebot_fp.compat.models.base import Base
from linebot_fp.content import Content
from linebot_fp.errors import (
    InvalidPayloadError,
    LineBotApiError as CoreApiError,
    UndecodableAnswerError,
)
from linebot_fp.models import SendMessage
from linebot_fp.models.audience import Audience
from linebot_fp.models.narrowcast import Filter, Limit, Recipient
from linebot_fp.models.rich_menu import RichMenu, RichMenuAlias
from linebot_fp.request import Request
from linebot_fp.sending import RetryPolicy
from linebot_fp.transport import Timeout

if TYPE_CHECKING:
    import datetime

    from linebot_fp.compat.models.responses import (
        AggregationInfoResponse,
        AggregationNameListResponse,
        AudienceGroup,
        BotInfo,
        BroadcastResponse,
        ChannelAccessTokens,
        ClickAudienceGroup,
        CreateAudienceGroup,
        GetAuthorityLevel,
        GetWebhookResponse,
        Group,
        ImpAudienceGroup,
        InsightDemographicResponse,
        InsightFollowersResponse,
        InsightMessageDeliveryResponse,
        InsightMessageEventOfCustomAggregationUnitResponse,
        InsightMessageEventResponse,
        IssueChannelTokenResponse,
        IssueChannelTokenResponseV2,
        IssueLinkTokenResponse,
        MemberIds,
        MessageDeliveryBroadcastResponse,
        MessageDeliveryMulticastResponse,
        MessageDeliveryPushResponse,
        MessageDeliveryReplyResponse,
        MessageProgressNarrowcastResponse,
        MessageQuotaConsumptionResponse,
        MessageQuotaResponse,
        NarrowcastResponse,
        Profile,
        RichMenuAliasListResponse,
        RichMenuAliasResponse,
        RichMenuResponse,
        TestWebhookResponse,
        UserIds,
        ValidAccessTokenKeyIDsResponse,
        ValidateBroadcastMessageObjectsResponse,
        ValidateMulticastMessageObjectsResponse,
        ValidateNarrowcastMessageObjectsResponse,
        ValidatePushMessageObjectsResponse,
        ValidateReplyMessageObjectsResponse,
        VerifyChannelTokenResponseV2,
    )

    Messages = Base | SendMessage | Sequence[Base | SendMessage]
    Day = str | datetime.date
    RetryKey = str | uuid.UUID | None
    Audiences = Iterable[str | Mapping[str, str] | Base | Audience]

__all__ = ["LineBotApi"]

T = TypeVar("T")

_JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"


class LineBotApi:
    """The legacy client: ``LineBotApi(channel_access_token)``, then one method per API call.

    ``timeout`` is seconds or a ``(connect, read)`` pair, for every call unless a
    call passes its own. ``http_client`` is described in
    :mod:`linebot_fp.compat.http_client`: a transport callable, or a legacy-style
    ``HttpClient`` class or instance; the default, ``RequestsHttpClient``, sends
    with ``requests`` when it is installed, else with the core's urllib3 transport.
    """

    DEFAULT_API_ENDPOINT = "https://api.line.me"
    DEFAULT_API_DATA_ENDPOINT = "https://api-data.line.me"

    def __init__(self, channel_access_token: str, endpoint: str = DEFAULT_API_ENDPOINT,
                 data_endpoint: str = DEFAULT_API_DATA_ENDPOINT,
                 timeout: Timeout = DEFAULT_TIMEOUT,
                 http_client: Any = RequestsHttpClient) -> None:
        self._token = channel_access_token
        self._transport = as_transport(http_client, timeout)
        #: the legacy ``HttpClient`` sending the calls (its ``timeout`` is the default one)
        self.http_client: HttpClient = (getattr(self._transport, "client", None)
                                        or Urllib3HttpClient(timeout, self._transport))
        self.timeout = timeout
        self.endpoint = endpoint
        self.data_endpoint = data_endpoint
        Client(channel_access_token)  # checks the token now, as the legacy SDK's first call did

    # -- the two ways to send --------------------------------------------------------------

    def _send(self, request: Request[Any], timeout: Timeout | None,
              retry_key: RetryKey = None) -> Any:
        """Send ``request`` and return its core answer.

        A send with a retry key may be retried (see the module docstring); an
        error answer raises the legacy ``LineBotApiError``.
        """
        client = Client(self._token, endpoints={"api": self.endpoint, "data": self.data_endpoint},
                        timeout=self.timeout, retry=None if retry_key is None else RetryPolicy(),
                        transport=self._transport)
        try:
            return client.send(request, timeout=timeout)
        except CoreApiError as error:
            raise LineBotApiError.from_core(error) from None

    def _call(self, request: Request[Any], timeout: Timeout | None,
              retry_key: RetryKey = None) -> None:
        self._send(request, timeout, retry_key)

    def _answer(self, request: Request[Any], answer: str, timeout: Timeout | None,
                retry_key: RetryKey = None) -> Base:
        """Send ``request``; its answer as the legacy class ``answer``.

        An answer the core cannot read (a field it requires is missing) is read
        leniently, as the legacy SDK read it: what is missing is ``None``.
        """
        try:
            value = self._send(request, timeout, retry_key)
        except UndecodableAnswerError as error:
            data = _json_object(error.body)
            if data is None:
                raise
            read: Base = legacy_named(answer).new_from_json_dict(data)
            return read
        legacy: Base = from_core(value)
        return legacy

    def _content(self, request: Request[Content], timeout: Timeout | None) -> Content:
        """Send ``request``; its binary answer, to be read or streamed."""
        value = self._send(request, timeout)
        if not isinstance(value, Content):
            raise InvalidPayloadError(f"{request.operation} answered {value!r}, not content")
        return value

    def _json(self, request: Request[Any], timeout: Timeout | None) -> dict[str, Any]:
        """Send ``request`` and return its JSON object (``{}`` for an empty body)."""
        value = self._send(request, timeout)
        return value if isinstance(value, dict) else {}

    # -- sending messages -----------------------------------------------------------------
    # https://developers.line.biz/en/reference/messaging-api/#messages

    def reply_message(self, reply_token: str, messages: Messages,
                      notification_disabled: bool = False, timeout: Timeout | None = None) -> None:
        self._call(api.reply_message(reply_token, _messages(messages), notification_disabled),
                   timeout)

    def push_message(self, to: str, messages: Messages, retry_key: RetryKey = None,
                     notification_disabled: bool = False,
                     custom_aggregation_units: str | Sequence[str] | None = None,
                     timeout: Timeout | None = None) -> None:
        self._call(api.push_message(to, _messages(messages), retry_key, notification_disabled,
                                    custom_aggregation_units), timeout, retry_key)

    def multicast(self, to: Sequence[str], messages: Messages, retry_key: RetryKey = None,
                  notification_disabled: bool = False,
                  custom_aggregation_units: str | Sequence[str] | None = None,
                  timeout: Timeout | None = None) -> None:
        self._call(api.multicast(to, _messages(messages), retry_key, notification_disabled,
                                 custom_aggregation_units), timeout, retry_key)

    def broadcast(self, messages: Messages, retry_key: RetryKey = None,
                  notification_disabled: bool = False,
                  timeout: Timeout | None = None) -> BroadcastResponse:
        return self._answer(api.broadcast(_messages(messages), retry_key, notification_disabled),
                            "BroadcastResponse", timeout, retry_key)

    def narrowcast(self, messages: Messages, retry_key: RetryKey = None,
                   recipient: Recipient | None = None, filter: Filter | None = None,
                   limit: Limit | None = None, notification_disabled: bool = False,
                   timeout: Timeout | None = None) -> NarrowcastResponse:
        return self._answer(api.narrowcast(_messages(messages), retry_key,
                                           _optional(recipient, Recipient),
                                           _optional(filter, Filter), _optional(limit, Limit),
                                           notification_disabled),
                            "NarrowcastResponse", timeout, retry_key)

    def get_progress_status_narrowcast(
            self, request_id: str,
            timeout: Timeout | None = None) -> MessageProgressNarrowcastResponse:
        return self._answer(api.get_progress_status_narrowcast(_id(request_id)),
                            "MessageProgressNarrowcastResponse", timeout)

    def validate_reply_message_objects(
            self, messages: Messages,
            timeout: Timeout | None = None) -> ValidateReplyMessageObjectsResponse:
        return self._answer(api.validate_reply_message_objects(_messages(messages)),
                            "ValidateReplyMessageObjectsResponse", timeout)

    def validate_push_message_objects(
            self, messages: Messages,
            timeout: Timeout | None = None) -> ValidatePushMessageObjectsResponse:
        return self._answer(api.validate_push_message_objects(_messages(messages)),
                            "ValidatePushMessageObjectsResponse", timeout)

    def validate_multicast_message_objects(
            self, messages: Messages,
            timeout: Timeout | None = None) -> ValidateMulticastMessageObjectsResponse:
        return self._answer(api.validate_multicast_message_objects(_messages(messages)),
                            "ValidateMulticastMessageObjectsResponse", timeout)

    def validate_broadcast_message_objects(
            self, messages: Messages,
            timeout: Timeout | None = None) -> ValidateBroadcastMessageObjectsResponse:
        return self._answer(api.validate_broadcast_message_objects(_messages(messages)),
                            "ValidateBroadcastMessageObjectsResponse", timeout)

    def validate_narrowcast_message_objects(
            self, messages: Messages,
            timeout: Timeout | None = None) -> ValidateNarrowcastMessageObjectsResponse:
        return self._answer(api.validate_narrowcast_message_objects(_messages(messages)),
                            "ValidateNarrowcastMessageObjectsResponse", timeout)

    # -- what was sent, and the quota -------------------------------------------------------
    # https://developers.line.biz/en/reference/messaging-api/#get-number-of-reply-messages

    def get_message_delivery_broadcast(
            self, date: Day, timeout: Timeout | None = None) -> MessageDeliveryBroadcastResponse:
        return self._answer(api.get_message_delivery_broadcast(date),
                            "MessageDeliveryBroadcastResponse", timeout)

    def get_message_delivery_reply(
            self, date: Day, timeout: Timeout | None = None) -> MessageDeliveryReplyResponse:
        return self._answer(api.get_message_delivery_reply(date),
                            "MessageDeliveryReplyResponse", timeout)

    def get_message_delivery_push(
            self, date: Day, timeout: Timeout | None = None) -> MessageDeliveryPushResponse:
        return self._answer(api.get_message_delivery_push(date),
                            "MessageDeliveryPushResponse", timeout)

    def get_message_delivery_multicast(
            self, date: Day, timeout: Timeout | None = None) -> MessageDeliveryMulticastResponse:
        return self._answer(api.get_message_delivery_multicast(date),
                            "MessageDeliveryMulticastResponse", timeout)

    def get_message_quota(self, timeout: Timeout | None = None) -> MessageQuotaResponse:
        return self._answer(api.get_message_quota(), "MessageQuotaResponse", timeout)

    def get_message_quota_consumption(
            self, timeout: Timeout | None = None) -> MessageQuotaConsumptionResponse:
        return self._answer(api.get_message_quota_consumption(),
                            "MessageQuotaConsumptionResponse", timeout)

    def get_number_of_units_used_this_month(
            self, timeout: Timeout | None = None) -> AggregationInfoResponse:
        return self._answer(api.get_number_of_units_used_this_month(),
                            "AggregationInfoResponse", timeout)

    def get_name_list_of_units_used_this_month(
            self, limit: int | None = 100, start: str | None = None,
            timeout: Timeout | None = None) -> AggregationNameListResponse:
        return self._answer(api.get_name_list_of_units_used_this_month(limit, start),
                            "AggregationNameListResponse", timeout)

    # -- users, groups, rooms, the bot -------------------------------------------------------
    # https://developers.line.biz/en/reference/messaging-api/#users

    def get_profile(self, user_id: str, timeout: Timeout | None = None) -> Profile:
        return self._answer(api.get_profile(_id(user_id)), "Profile", timeout)

    def get_followers_ids(self, limit: int | None = 300, start: str | None = None,
                          timeout: Timeout | None = None) -> UserIds:
        return self._answer(api.get_followers_ids(limit, start), "UserIds", timeout)

    def get_bot_info(self, timeout: Timeout | None = None) -> BotInfo:
        return self._answer(api.get_bot_info(), "BotInfo", timeout)

    def get_group_summary(self, group_id: str, timeout: Timeout | None = None) -> Group:
        return self._answer(api.get_group_summary(_id(group_id)), "Group", timeout)

    def get_group_members_count(self, group_id: str, timeout: Timeout | None = None) -> int:
        return int(self._answer(api.get_group_members_count(_id(group_id)),
                                "GroupMemberCountResponse",
                            timeout).count)

    def get_group_member_ids(self, group_id: str, start: str | None = None,
                             timeout: Timeout | None = None) -> MemberIds:
        return self._answer(api.get_group_member_ids(_id(group_id), start), "MemberIds", timeout)

    def get_group_member_profile(self, group_id: str, user_id: str,
                                 timeout: Timeout | None = None) -> Profile:
        return self._answer(api.get_group_member_profile(_id(group_id), _id(user_id)),
                            "Profile", timeout)

    def leave_group(self, group_id: str, timeout: Timeout | None = None) -> None:
        self._call(api.leave_group(_id(group_id)), timeout)

    def get_room_members_count(self, room_id: str, timeout: Timeout | None = None) -> int:
        return int(self._answer(api.get_room_members_count(_id(room_id)), "RoomMemberCountResponse",
                            timeout).count)

    def get_room_member_ids(self, room_id: str, start: str | None = None,
                            timeout: Timeout | None = None) -> MemberIds:
        return self._answer(api.get_room_member_ids(_id(room_id), start), "MemberIds", timeout)

    def get_room_member_profile(self, room_id: str, user_id: str,
                                timeout: Timeout | None = None) -> Profile:
        return self._answer(api.get_room_member_profile(_id(room_id), _id(user_id)),
                            "Profile", timeout)

    def leave_room(self, room_id: str, timeout: Timeout | None = None) -> None:
        self._call(api.leave_room(_id(room_id)), timeout)

    def issue_link_token(self, user_id: str,
                         timeout: Timeout | None = None) -> IssueLinkTokenResponse:
        return self._answer(api.issue_link_token(_id(user_id)), "IssueLinkTokenResponse", timeout)

    # -- webhook settings ---------------------------------------------------------------------
    # https://developers.line.biz/en/reference/messaging-api/#webhook-settings

    def set_webhook_endpoint(self, webhook_endpoint: str,
                             timeout: Timeout | None = None) -> dict[str, Any]:
        return self._json(api.set_webhook_endpoint(webhook_endpoint), timeout)

    def get_webhook_endpoint(self, timeout: Timeout | None = None) -> GetWebhookResponse:
        return self._answer(api.get_webhook_endpoint(), "GetWebhookResponse", timeout)

    def test_webhook_endpoint(self, webhook_endpoint: str | None = None,
                              timeout: Timeout | None = None) -> TestWebhookResponse:
        return self._answer(api.test_webhook_endpoint(webhook_endpoint), "TestWebhookResponse",
                            timeout)

    # -- content ----------------------------------------------------------------------------
    # https://developers.line.biz/en/reference/messaging-api/#get-content

    def get_message_content(self, message_id: str, timeout: Timeout | None = None) -> Content:
        return self._content(api.get_message_content(_id(message_id)), timeout)

    # -- rich menus -------------------------------------------------------------------------
    # https://developers.line.biz/en/reference/messaging-api/#rich-menu

    def create_rich_menu(self, rich_menu: RichMenu, timeout: Timeout | None = None) -> str:
        return str(self._answer(api.create_rich_menu(to_core(rich_menu, RichMenu)),
                                "RichMenuIdResponse",
                            timeout).rich_menu_id)

    def validate_rich_menu_object(self, rich_menu: RichMenu,
                                  timeout: Timeout | None = None) -> None:
        self._call(api.validate_rich_menu_object(to_core(rich_menu, RichMenu)), timeout)

    def get_rich_menu(self, rich_menu_id: str,
                      timeout: Timeout | None = None) -> RichMenuResponse:
        return self._answer(api.get_rich_menu(_id(rich_menu_id)), "RichMenuResponse", timeout)

    def delete_rich_menu(self, rich_menu_id: str, timeout: Timeout | None = None) -> None:
        self._call(api.delete_rich_menu(_id(rich_menu_id)), timeout)

    def get_rich_menu_list(self, timeout: Timeout | None = None) -> list[RichMenuResponse]:
        return list(self._answer(api.get_rich_menu_list(), "RichMenuListResponse",
                                 timeout).richmenus)

    def set_rich_menu_image(self, rich_menu_id: str, content_type: str,
                            content: bytes | bytearray | memoryview | IO[bytes],
                            timeout: Timeout | None = None) -> None:
        self._call(api.set_rich_menu_image(_id(rich_menu_id), content_type, content), timeout)

    def get_rich_menu_image(self, rich_menu_id: str, timeout: Timeout | None = None) -> Content:
        return self._content(api.get_rich_menu_image(_id(rich_menu_id)), timeout)

    def set_default_rich_menu(self, rich_menu_id: str, timeout: Timeout | None = None) -> None:
        self._call(api.set_default_rich_menu(_id(rich_menu_id)), timeout)

    def get_default_rich_menu(self, timeout: Timeout | None = None) -> str:
        return str(self._answer(api.get_default_rich_menu(), "RichMenuIdResponse",
                            timeout).rich_menu_id)

    def cancel_default_rich_menu(self, timeout: Timeout | None = None) -> None:
        self._call(api.cancel_default_rich_menu(), timeout)

    def link_rich_menu_to_user(self, user_id: str, rich_menu_id: str,
                               timeout: Timeout | None = None) -> None:
        self._call(api.link_rich_menu_to_user(_id(user_id), _id(rich_menu_id)), timeout)

    def link_rich_menu_to_users(self, user_ids: Sequence[str], rich_menu_id: str,
                                timeout: Timeout | None = None) -> None:
        self._call(api.link_rich_menu_to_users(user_ids, _id(rich_menu_id)), timeout)

    def get_rich_menu_id_of_user(self, user_id: str, timeout: Timeout | None = None) -> str:
        return str(self._answer(api.get_rich_menu_id_of_user(_id(user_id)), "RichMenuIdResponse",
                            timeout).rich_menu_id)

    def unlink_rich_menu_from_user(self, user_id: str, timeout: Timeout | None = None) -> None:
        self._call(api.unlink_rich_menu_from_user(_id(user_id)), timeout)

    def unlink_rich_menu_from_users(self, user_ids: Sequence[str],
                                    timeout: Timeout | None = None) -> None:
        self._call(api.unlink_rich_menu_from_users(user_ids), timeout)

    def create_rich_menu_alias(self, rich_menu_alias: RichMenuAlias,
                               timeout: Timeout | None = None) -> None:
        self._call(api.create_rich_menu_alias(to_core(rich_menu_alias, RichMenuAlias)), timeout)

    def update_rich_menu_alias(self, rich_menu_alias_id: str, rich_menu_alias: RichMenuAlias,
                               timeout: Timeout | None = None) -> None:
        self._call(api.update_rich_menu_alias(_id(rich_menu_alias_id),
                                              to_core(rich_menu_alias, RichMenuAlias)), timeout)

    def get_rich_menu_alias(self, rich_menu_alias_id: str | None = None,
                            timeout: Timeout | None = None) -> RichMenuAliasResponse:
        return self._answer(api.get_rich_menu_alias(_id(rich_menu_alias_id)),
                            "RichMenuAliasResponse",
                            timeout)

    def delete_rich_menu_alias(self, rich_menu_alias_id: str,
                               timeout: Timeout | None = None) -> None:
        self._call(api.delete_rich_menu_alias(_id(rich_menu_alias_id)), timeout)

    def get_rich_menu_alias_list(self, timeout: Timeout | None = None
                                 ) -> RichMenuAliasListResponse:
        return self._answer(api.get_rich_menu_alias_list(), "RichMenuAliasListResponse", timeout)

    # -- channel access tokens ------------------------------------------------------------------
    # https://developers.line.biz/en/reference/messaging-api/#channel-access-token

    def issue_channel_token(self, client_id: str, client_secret: str,
                            grant_type: str = "client_credentials",
                            timeout: Timeout | None = None) -> IssueChannelTokenResponse:
        return self._answer(api.issue_channel_token(client_id, client_secret, grant_type),
                            "IssueChannelTokenResponse", timeout)

    def revoke_channel_token(self, access_token: str, timeout: Timeout | None = None) -> None:
        self._call(api.revoke_channel_token(access_token), timeout)

    def issue_channel_access_token_v2_1(
            self, client_assertion: str, grant_type: str = "client_credentials",
            client_assertion_type: str = _JWT_BEARER,
            timeout: Timeout | None = None) -> IssueChannelTokenResponseV2:
        return self._answer(api.issue_channel_access_token_v2_1(client_assertion, grant_type,
                                                                client_assertion_type),
                            "IssueChannelTokenResponseV2", timeout)

    def revoke_channel_access_token_v2_1(self, client_id: str, client_secret: str,
                                         access_token: str,
                                         timeout: Timeout | None = None) -> None:
        self._call(api.revoke_channel_access_token_v2_1(client_id, client_secret, access_token),
                   timeout)

    def get_channel_access_tokens_v2_1(
            self, client_assertion: str, client_assertion_type: str = _JWT_BEARER,
            timeout: Timeout | None = None) -> ChannelAccessTokens:
        request = _legacy_query_order(api.get_channel_access_tokens_v2_1(
            client_assertion, client_assertion_type))
        return self._answer(request,
                            "ChannelAccessTokens", timeout)

    def verify_channel_access_token_v2_1(
            self, access_token: str,
            timeout: Timeout | None = None) -> VerifyChannelTokenResponseV2:
        return self._answer(api.verify_channel_access_token_v2_1(access_token),
                            "VerifyChannelTokenResponseV2", timeout)

    def get_channel_token_key_ids_v2_1(
            self, client_assertion: str, client_assertion_type: str = _JWT_BEARER,
            timeout: Timeout | None = None) -> ValidAccessTokenKeyIDsResponse:
        request = _legacy_query_order(api.get_channel_token_key_ids_v2_1(
            client_assertion, client_assertion_type))
        return self._answer(request,
                            "ValidAccessTokenKeyIDsResponse", timeout)

    # -- insight ---------------------------------------------------------------------------------
    # https://developers.line.biz/en/reference/messaging-api/#get-insight

    def get_insight_message_delivery(
            self, date: Day, timeout: Timeout | None = None) -> InsightMessageDeliveryResponse:
        return self._answer(api.get_insight_message_delivery(date),
                            "InsightMessageDeliveryResponse", timeout)

    def get_insight_followers(self, date: Day,
                              timeout: Timeout | None = None) -> InsightFollowersResponse:
        return self._answer(api.get_insight_followers(date), "InsightFollowersResponse", timeout)

    def get_insight_demographic(self, timeout: Timeout | None = None
                                ) -> InsightDemographicResponse:
        return self._answer(api.get_insight_demographic(), "InsightDemographicResponse", timeout)

    def get_insight_message_event(self, request_id: str,
                                  timeout: Timeout | None = None) -> InsightMessageEventResponse:
        return self._answer(api.get_insight_message_event(_id(request_id)),
                            "InsightMessageEventResponse", timeout)

    def get_statistics_per_unit(
            self, custom_aggregation_unit: str, from_date: Day, to_date: Day,
            timeout: Timeout | None = None) -> InsightMessageEventOfCustomAggregationUnitResponse:
        return self._answer(api.get_statistics_per_unit(custom_aggregation_unit, from_date,
                                                        to_date),
                            "InsightMessageEventOfCustomAggregationUnitResponse", timeout)

    # -- audiences -------------------------------------------------------------------------------
    # https://developers.line.biz/en/reference/messaging-api/#manage-audience-group

    def create_audience_group(self, audience_group_name: str,
                              audiences: Audiences | None = None,
                              is_ifa: bool = False,
                              timeout: Timeout | None = None) -> CreateAudienceGroup:
        return self._answer(api.create_audience_group(audience_group_name,
                                                      _audiences(audiences), is_ifa),
                            "CreateAudienceGroup", timeout)

    def add_audiences_to_audience_group(self, audience_group_id: int | str,
                                        audiences: Audiences,
                                        upload_description: str | None = None,
                                        timeout: Timeout | None = None) -> dict[str, Any]:
        return self._json(api.add_audiences_to_audience_group(audience_group_id,
                                                              _audiences(audiences),
                                                              upload_description), timeout)

    def create_click_audience_group(self, description: str, request_id: str,
                                    click_url: str | None = None,
                                    timeout: Timeout | None = None) -> ClickAudienceGroup:
        return self._answer(api.create_click_audience_group(description, _id(request_id),
                                                            click_url),
                            "ClickAudienceGroup", timeout)

    def create_imp_audience_group(self, description: str, request_id: str,
                                  timeout: Timeout | None = None) -> ImpAudienceGroup:
        return self._answer(api.create_imp_audience_group(description, _id(request_id)),
                            "ImpAudienceGroup", timeout)

    def rename_audience_group(self, audience_group_id: int | str, description: str,
                              timeout: Timeout | None = None) -> str:
        self._call(api.rename_audience_group(audience_group_id, description), timeout)
        return ""

    def delete_audience_group(self, audience_group_id: int | str,
                              timeout: Timeout | None = None) -> None:
        self._call(api.delete_audience_group(audience_group_id), timeout)

    def get_audience_group(self, audience_group_id: int | str,
                           timeout: Timeout | None = None) -> AudienceGroup:
        data = self._answer(api.get_audience_group(audience_group_id), "GetAudienceDataResponse",
                            timeout)
        group = data.audience_group or legacy_named("AudienceGroup")()
        group.jobs = data.jobs
        return group

    def get_audience_group_list(self, page: int = 1, description: str | None = None,
                                status: str | None = None, size: int = 20,
                                include_external_public_group: bool | None = None,
                                create_route: str | None = None,
                                timeout: Timeout | None = None) -> list[AudienceGroup]:
        groups: list[AudienceGroup] = []
        while True:
            answer = self._answer(api.get_audience_group_list(
                page, description, status, size, include_external_public_group, create_route),
                "GetAudienceGroupsResponse", timeout)
            groups += answer.audience_groups or []
            if not (answer.has_next_page and answer.audience_groups):
                return groups
            page += 1

    def get_audience_group_authority_level(self, timeout: Timeout | None = None
                                           ) -> GetAuthorityLevel:
        return self._answer(api.get_audience_group_authority_level(), "GetAuthorityLevel",
                            timeout)

    def change_audience_group_authority_level(
            self, authority_level: Literal["PUBLIC", "PRIVATE"] = "PUBLIC",
            timeout: Timeout | None = None) -> str:
        self._call(api.change_audience_group_authority_level(authority_level), timeout)
        return ""


def _json_object(body: bytes) -> dict[str, Any] | None:
    """The JSON object ``body`` holds, or ``None`` when it holds none."""
    try:
        data = codec.loads(body)
    except InvalidPayloadError:
        return None
    return data if isinstance(data, dict) else None


def _legacy_query_order(request: Request[T]) -> Request[T]:
    """``client_assertion`` before ``client_assertion_type``, as the legacy SDK wrote them."""
    return dataclasses.replace(request, query=tuple(sorted(request.query)))


def _id(value: Any) -> Any:
    """An id given as a number (the legacy SDK formatted any value into the path) as text."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _optional(value: Any, core: type[T]) -> T | None:
    """The core model for a legacy (or core) argument; ``None`` stays ``None``."""
    return None if value is None else to_core(value, core)


def _audiences(value: Any) -> Any:
    """Audiences given as legacy ``Audience`` models, as core ones (ids and dicts as they are)."""
    if value is None or isinstance(value, (str, bytes)):
        return value
    return [to_core(item, Audience) if isinstance(item, Base) else item for item in value]


def _messages(value: Any) -> Any:
    """One message or a sequence of them, as core messages (other values left for the check)."""
    if isinstance(value, (list, tuple)):
        return [_message(item) for item in value]
    return _message(value)


def _message(value: Any) -> Any:
    return to_core(value, SendMessage) if hasattr(value, "as_json_dict") else value


def _document_methods() -> None:
    """Give each method the docstring of its builder (the same name in ``linebot_fp.api``)."""
    for name, method in vars(LineBotApi).items():
        builder = getattr(api, name, None)
        if callable(method) and not name.startswith("_") and builder is not None:
            method.__doc__ = builder.__doc__


_document_methods()
