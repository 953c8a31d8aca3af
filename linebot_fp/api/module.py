"""Builders for LINE modules: attach and detach module channels, chat control, bot list.

https://developers.line.biz/en/reference/partner-docs/#module
Attaching goes to the LINE Official Account Manager host (``base="manager"``) as
an OAuth form; everything else goes to the Messaging API. This module performs no I/O.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from linebot_fp.api._build import (
    compact,
    form_request,
    get,
    integer,
    json_request,
    path,
    query,
    require_id,
)
from linebot_fp.api._registry import operation
from linebot_fp.errors import InvalidInputError

if TYPE_CHECKING:
    from linebot_fp.models.module import AttachModuleResponse, GetModulesResponse
    from linebot_fp.request import Request

__all__ = [
    "acquire_chat_control",
    "attach_module",
    "detach_module",
    "get_modules",
    "release_chat_control",
]
__docformat__ = "google"  # pdoc renders the Args / Returns / Raises sections

MAX_BOTS_PER_PAGE = 100
MAX_CHAT_CONTROL_TTL = 3600 * 24 * 365


# https://developers.line.biz/en/reference/partner-docs/#link-attach-by-operation-module-channel-provider
@operation("attachModule")
def attach_module(code: str, redirect_uri: str, grant_type: str = "authorization_code", *,
                  code_verifier: str | None = None, client_id: str | None = None,
                  client_secret: str | None = None, region: str | None = None,
                  basic_search_id: str | None = None, scope: str | None = None,
                  brand_type: str | None = None) -> Request[AttachModuleResponse]:
    """Attach the module channel to a LINE Official Account that authorized it.

    The request goes to the manager host.

    The manager host authenticates by Basic auth with the module channel's id and secret
    (give them as the client's token), or by ``client_id`` and ``client_secret`` given here.

    Args:
        code: the authorization code the LINE Platform sent to ``redirect_uri``.
        redirect_uri: the ``redirect_uri`` of the authorization URL.
        grant_type: always ``"authorization_code"`` (the default).
        code_verifier: the PKCE code verifier, when the authorization used PKCE.
        client_id: the module channel's id, instead of Basic auth.
        client_secret: the module channel's secret, instead of Basic auth.
        region: the ``region`` of the authorization URL, if it had one.
        basic_search_id: the ``basic_search_id`` of the authorization URL, if it had one.
        scope: the ``scope`` of the authorization URL, if it had one.
        brand_type: the ``brand_type`` of the authorization URL, if it had one.

    Returns:
        ``Request[AttachModuleResponse]``: the ``bot_id`` of the account attached to, and
        the ``scopes`` granted.

    Raises:
        InvalidInputError: ``code``, ``redirect_uri`` or ``grant_type`` is not a non-empty
            string, or an optional argument is not a string.
    """
    optional = {"code_verifier": code_verifier, "client_id": client_id,
                "client_secret": client_secret, "region": region,
                "basic_search_id": basic_search_id, "scope": scope, "brand_type": brand_type}
    fields = {
        "grant_type": require_id("grant_type", grant_type),
        "code": require_id("code", code),
        "redirect_uri": require_id("redirect_uri", redirect_uri),
        **{name: _text(name, value) for name, value in optional.items()},
    }
    return form_request("attach_module", "/module/auth/v1/token", fields, base="manager")


# https://developers.line.biz/en/reference/partner-docs/#unlink-detach-module-channel-by-operation-mc-admin
@operation("detachModule")
def detach_module(bot_id: str | None = None) -> Request[None]:
    """Detach the module channel from a LINE Official Account.

    Args:
        bot_id: the user id of the account's bot; ``None`` leaves it out.

    Returns:
        ``Request[None]``: the answer is empty.

    Raises:
        InvalidInputError: ``bot_id`` is neither ``None`` nor a non-empty string.
    """
    body = compact({"botId": None if bot_id is None else require_id("bot_id", bot_id)})
    return json_request("detach_module", "POST", "/v2/bot/channel/detach", body)


# https://developers.line.biz/en/reference/partner-docs/#acquire-control-api
@operation("acquireChatControl")
def acquire_chat_control(chat_id: str, expired: bool | None = None,
                         ttl: int | None = None) -> Request[None]:
    """Take chat control of a chat as the Active Channel (the previous one becomes Standby).

    Args:
        chat_id: the id of the user, group or room whose chat to control.
        expired: ``True`` (LINE's default) to give control back to the Primary Channel after
            ``ttl`` seconds; ``False`` to keep it until released. ``None`` leaves it out.
        ttl: seconds until control returns, 0 to 31,536,000 (a year; LINE's default is
            3600). ``None`` leaves it out.

    Returns:
        ``Request[None]``: the answer is empty.

    Raises:
        InvalidInputError: ``chat_id`` is not an id usable in a path (empty, ``.``, ``..``,
            or not a string), ``expired`` is not a bool, or ``ttl`` is not an integer from 0
            to 31,536,000.
    """
    if expired is not None and not isinstance(expired, bool):
        raise InvalidInputError(f"expired must be True or False, got {expired!r}")
    body = compact({
        "expired": expired,
        "ttl": None if ttl is None else integer("ttl", ttl, low=0, high=MAX_CHAT_CONTROL_TTL),
    })
    return json_request("acquire_chat_control", "POST", _chat_path("acquire", chat_id), body)


# https://developers.line.biz/en/reference/partner-docs/#release-control-api
@operation("releaseChatControl")
def release_chat_control(chat_id: str) -> Request[None]:
    """Give chat control of a chat back to the Primary Channel.

    Args:
        chat_id: the id of the user, group or room.

    Returns:
        ``Request[None]``: the answer is empty.

    Raises:
        InvalidInputError: ``chat_id`` is not an id usable in a path (empty, ``.``, ``..``,
            or not a string).
    """
    return json_request("release_chat_control", "POST", _chat_path("release", chat_id))


# https://developers.line.biz/en/reference/partner-docs/#get-multiple-bot-info-api
@operation("getModules")
def get_modules(start: str | None = None, limit: int | None = None) -> Request[GetModulesResponse]:
    """Get one page of the bots the module channel is attached to.

    Args:
        start: the ``next`` token of the previous page, to continue; ``None`` to begin.
        limit: at most this many bots per page, 1 to 100 (LINE's default, 100, when
            ``None``).

    Returns:
        ``Request[GetModulesResponse]``: the ``bots`` (user id, basic id, name, picture)
        and, when more remain, the ``next`` token.

    Raises:
        InvalidInputError: ``start`` is neither ``None`` nor a non-empty string, or
            ``limit`` is not an integer from 1 to 100.
    """
    return get("get_modules", "/v2/bot/list", query_=query(
        start=None if start is None else require_id("start", start),
        limit=None if limit is None else integer("limit", limit, low=1, high=MAX_BOTS_PER_PAGE),
    ))


def _chat_path(action: str, chat_id: str) -> str:
    return path(f"/v2/bot/chat/{{chatId}}/control/{action}",
                chatId=require_id("chat_id", chat_id))


def _text(name: str, value: Any) -> str | None:
    if value is not None and not isinstance(value, str):
        raise InvalidInputError(f"{name} must be a string, got {type(value).__name__}")
    return value
