"""Endpoint paths, and the checks on the ids that fill their ``{placeholders}``.

An id is percent-encoded (``/`` included) before it goes in a path. Some ids would
still send the request somewhere else, so :func:`fill` refuses them with an
``InvalidInputError`` naming the parameter (the snake_case of the placeholder):

* an id that is empty, ``.`` or ``..``, or that has such a segment once split on
  ``/`` or ``\\``, also after percent-decoding it once or twice (``%2e%2E``):
  a server or proxy that decodes and normalises would climb out of the path;
* an id equal to a fixed segment that another endpoint has at the same place,
  under the same prefix: ``unlink_rich_menu_from_user("all")`` would be
  ``DELETE /v2/bot/user/all/richmenu``, which cancels the default rich menu.

Those fixed segments are derived once per template from :data:`ROUTES`, the
paths of every endpoint the builders call; no builder lists them itself.
This module performs no I/O.
"""

from __future__ import annotations

import re
from functools import cache
from types import MappingProxyType
from typing import Any

from linebot_fp.errors import InvalidInputError
from linebot_fp.request import decoded_forms, has_dot_segment

__all__ = ["ROUTES", "fill", "parameter_name", "reserved_segments", "valid_unicode"]

#: the path of every endpoint a builder calls, placeholders in braces
ROUTES: tuple[str, ...] = (
    # messages, their content, statistics
    "/v2/bot/message/reply", "/v2/bot/message/push", "/v2/bot/message/multicast",
    "/v2/bot/message/narrowcast", "/v2/bot/message/broadcast",
    "/v2/bot/message/progress/narrowcast", "/v2/bot/message/quota",
    "/v2/bot/message/quota/consumption", "/v2/bot/message/delivery/reply",
    "/v2/bot/message/delivery/push", "/v2/bot/message/delivery/multicast",
    "/v2/bot/message/delivery/broadcast", "/v2/bot/message/delivery/pnp",
    "/v2/bot/message/validate/reply", "/v2/bot/message/validate/push",
    "/v2/bot/message/validate/multicast", "/v2/bot/message/validate/narrowcast",
    "/v2/bot/message/validate/broadcast", "/v2/bot/message/aggregation/info",
    "/v2/bot/message/aggregation/list", "/v2/bot/message/markAsRead",
    "/v2/bot/message/{messageId}/content", "/v2/bot/message/{messageId}/content/preview",
    "/v2/bot/message/{messageId}/content/transcoding", "/bot/pnp/push",
    "/v2/bot/chat/markAsRead", "/v2/bot/chat/loading/start",
    # users, groups, rooms, the bot, its webhook
    "/v2/bot/profile/{userId}", "/v2/bot/followers/ids", "/v2/bot/info",
    "/v2/bot/group/{groupId}/summary", "/v2/bot/group/{groupId}/members/count",
    "/v2/bot/group/{groupId}/members/ids", "/v2/bot/group/{groupId}/member/{userId}",
    "/v2/bot/group/{groupId}/leave", "/v2/bot/room/{roomId}/members/count",
    "/v2/bot/room/{roomId}/members/ids", "/v2/bot/room/{roomId}/member/{userId}",
    "/v2/bot/room/{roomId}/leave", "/v2/bot/user/{userId}/linkToken",
    "/v2/bot/channel/webhook/endpoint", "/v2/bot/channel/webhook/test",
    "/v2/bot/membership/subscription/{userId}", "/v2/bot/membership/list",
    "/v2/bot/membership/{membershipId}/users/ids",
    # rich menus
    "/v2/bot/richmenu", "/v2/bot/richmenu/validate", "/v2/bot/richmenu/list",
    "/v2/bot/richmenu/{richMenuId}", "/v2/bot/richmenu/{richMenuId}/content",
    "/v2/bot/user/all/richmenu", "/v2/bot/user/all/richmenu/{richMenuId}",
    "/v2/bot/user/{userId}/richmenu", "/v2/bot/user/{userId}/richmenu/{richMenuId}",
    "/v2/bot/richmenu/bulk/link", "/v2/bot/richmenu/bulk/unlink", "/v2/bot/richmenu/batch",
    "/v2/bot/richmenu/validate/batch", "/v2/bot/richmenu/progress/batch",
    "/v2/bot/richmenu/alias", "/v2/bot/richmenu/alias/list",
    "/v2/bot/richmenu/alias/{richMenuAliasId}",
    # coupons, insight, audiences
    "/v2/bot/coupon", "/v2/bot/coupon/{couponId}", "/v2/bot/coupon/{couponId}/close",
    "/v2/bot/insight/demographic", "/v2/bot/insight/message/delivery",
    "/v2/bot/insight/followers", "/v2/bot/insight/message/event",
    "/v2/bot/insight/message/event/aggregation",
    "/v2/bot/insight/richmenu/{richMenuId}/summary",
    "/v2/bot/insight/richmenu/{richMenuId}/daily",
    "/v2/bot/audienceGroup/upload", "/v2/bot/audienceGroup/upload/byFile",
    "/v2/bot/audienceGroup/click", "/v2/bot/audienceGroup/imp",
    "/v2/bot/audienceGroup/list", "/v2/bot/audienceGroup/authorityLevel",
    "/v2/bot/audienceGroup/shared/list", "/v2/bot/audienceGroup/{audienceGroupId}",
    "/v2/bot/audienceGroup/{audienceGroupId}/updateDescription",
    "/v2/bot/audienceGroup/shared/{audienceGroupId}",
    # tokens, LIFF, modules, shop, the webhook itself
    "/v2/oauth/accessToken", "/v2/oauth/verify", "/v2/oauth/revoke", "/oauth2/v2.1/token",
    "/oauth2/v2.1/verify", "/oauth2/v2.1/revoke", "/oauth2/v2.1/tokens",
    "/oauth2/v2.1/tokens/kid", "/oauth2/v3/token",
    "/liff/v1/apps", "/liff/v1/apps/{liffId}",
    "/module/auth/v1/token", "/v2/bot/channel/detach", "/v2/bot/list",
    "/v2/bot/chat/{chatId}/control/acquire", "/v2/bot/chat/{chatId}/control/release",
    "/shop/v3/mission", "/callback",
)

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def parameter_name(placeholder: str) -> str:
    """The builder parameter a placeholder stands for: ``richMenuId`` -> ``rich_menu_id``."""
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", placeholder).lower()


def _segments(template: str) -> tuple[str, ...]:
    return tuple(template.strip("/").split("/"))


def _is_placeholder(segment: str) -> bool:
    return _PLACEHOLDER.fullmatch(segment) is not None


@cache
def reserved_segments(template: str) -> MappingProxyType[str, frozenset[str]]:
    """For each placeholder of ``template``, the fixed segments an id there must not equal.

    A fixed segment counts when some route has it at the placeholder's position
    and agrees with ``template`` before it (equal fixed segments, or a
    placeholder on either side): a server routes fixed segments first.
    """
    own = _segments(template)
    routes = [_segments(route) for route in {*ROUTES, template}]
    reserved: dict[str, frozenset[str]] = {}
    for index, segment in enumerate(own):
        match = _PLACEHOLDER.fullmatch(segment)
        if match is None:
            continue
        reserved[match.group(1)] = frozenset(
            other[index] for other in routes
            if len(other) > index and not _is_placeholder(other[index])
            and all(a == b or _is_placeholder(a) or _is_placeholder(b)
                    for a, b in zip(own[:index], other[:index], strict=True)))
    return MappingProxyType(reserved)


def fill(template: str, params: dict[str, Any]) -> str:
    """``template`` with each ``{name}`` replaced by its id, checked, then percent-encoded."""
    from urllib.parse import quote  # here: a reply or a push has no id in its path

    reserved = reserved_segments(template)
    encoded = {}
    for placeholder, value in params.items():
        name = parameter_name(placeholder)
        if not isinstance(value, str):
            raise InvalidInputError(f"{name} must be a string, got {type(value).__name__}")
        _check_segment(name, valid_unicode(name, value), reserved.get(placeholder, frozenset()))
        encoded[placeholder] = quote(value, safe="")
    return template.format_map(encoded)


def valid_unicode(name: str, value: str) -> str:
    """``value``, unless it holds a lone surrogate (no UTF-8 for it): ``InvalidInputError``."""
    if value.isascii():
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidInputError(f"{name} is not valid Unicode text (it holds a lone "
                                f"surrogate), got {value!r}") from None
    return value


def _check_segment(name: str, value: str, reserved: frozenset[str]) -> None:
    if has_dot_segment(value):
        raise InvalidInputError(f"{name} must be a non-empty id without '.' or '..' segments "
                                f"(also percent-encoded), got {value!r}")
    for form in decoded_forms(value):
        if form in reserved:
            decoded = "" if form == value else f" once percent-decoded (got {value!r})"
            raise InvalidInputError(f"{name} must not be {form!r}{decoded}: the path would "
                                    f"then name another endpoint")
