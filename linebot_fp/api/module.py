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

MAX_BOTS_PER_PAGE = 100
MAX_CHAT_CONTROL_TTL = 3600 * 24 * 365


# https://developers.line.biz/en/reference/partner-docs/#link-attach-by-operation-module-channel-provider
@operation("attachModule")
def attach_module(code: str, redirect_uri: str, grant_type: str = "authorization_code", *,
                  code_verifier: str | None = None, client_id: str | None = None,
                  client_secret: str | None = None, region: str | None = None,
                  basic_search_id: str | None = None, scope: str | None = None,
                  brand_type: str | None = None) -> Request[AttachModuleResponse]:
    """Attach the module channel to a LINE Official Account with the authorization ``code``.

    The manager host authenticates by Basic auth with the module channel's ID and
    secret, or by ``client_id`` and ``client_secret`` given here.
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
    """Detach the module channel from the LINE Official Account whose bot is ``bot_id``."""
    body = compact({"botId": None if bot_id is None else require_id("bot_id", bot_id)})
    return json_request("detach_module", "POST", "/v2/bot/channel/detach", body)


# https://developers.line.biz/en/reference/partner-docs/#acquire-control-api
@operation("acquireChatControl")
def acquire_chat_control(chat_id: str, expired: bool | None = None,
                         ttl: int | None = None) -> Request[None]:
    """Take chat control of a chat (user, group or room) as the Active Channel.

    With ``expired`` true (the default), control returns to the Primary Channel after
    ``ttl`` seconds (default 3600, at most one year).
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
    """Return chat control of a chat to the Primary Channel."""
    return json_request("release_chat_control", "POST", _chat_path("release", chat_id))


# https://developers.line.biz/en/reference/partner-docs/#get-multiple-bot-info-api
@operation("getModules")
def get_modules(start: str | None = None, limit: int | None = None) -> Request[GetModulesResponse]:
    """Get one page of the bots that have the module channel attached (``start``: continue)."""
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
