"""Rich menus: create, image, list, delete; defaults, per-user links, aliases and batches.

https://developers.line.biz/en/reference/messaging-api/#rich-menu

Images go to and come from the data host (``base="data"``). Each builder
returns a :class:`~linebot_fp.request.Request`; nothing is sent here.
This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any

from linebot_fp.api._build import (
    binary_request,
    get,
    ids,
    json_request,
    model,
    path,
    query,
    require_id,
)
from linebot_fp.api._registry import operation
from linebot_fp.errors import InvalidInputError
from linebot_fp.request import Request

if TYPE_CHECKING:
    from linebot_fp.content import Content
    from linebot_fp.models.responses import (
        RichMenuAliasListResponse,
        RichMenuAliasResponse,
        RichMenuBatchProgressResponse,
        RichMenuIdResponse,
        RichMenuListResponse,
        RichMenuResponse,
    )
    from linebot_fp.models.rich_menu import RichMenu, RichMenuAlias, RichMenuBatchRequest

__all__ = [
    "cancel_default_rich_menu",
    "create_rich_menu",
    "create_rich_menu_alias",
    "delete_rich_menu",
    "delete_rich_menu_alias",
    "get_default_rich_menu",
    "get_rich_menu",
    "get_rich_menu_alias",
    "get_rich_menu_alias_list",
    "get_rich_menu_batch_progress",
    "get_rich_menu_id_of_user",
    "get_rich_menu_image",
    "get_rich_menu_list",
    "link_rich_menu_to_user",
    "link_rich_menu_to_users",
    "rich_menu_batch",
    "set_default_rich_menu",
    "set_rich_menu_image",
    "unlink_rich_menu_from_user",
    "unlink_rich_menu_from_users",
    "update_rich_menu_alias",
    "validate_rich_menu_batch_request",
    "validate_rich_menu_object",
]

_MODELS = "linebot_fp.models.rich_menu"

#: the most users one bulk link or unlink request takes
MAX_BULK_USERS = 500


def _menu_path(template: str, rich_menu_id: str) -> str:
    return path(template, richMenuId=require_id("rich_menu_id", rich_menu_id))


def _delete(operation_name: str, path_: str) -> Request[None]:
    return json_request(operation_name, "DELETE", path_)


# -- rich menus ---------------------------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#create-rich-menu


@operation("createRichMenu")
def create_rich_menu(rich_menu: RichMenu) -> Request[RichMenuIdResponse]:
    """Create a rich menu (upload its image next); the answer holds its id."""
    return json_request("create_rich_menu", "POST", "/v2/bot/richmenu",
                        model("rich_menu", rich_menu, f"{_MODELS}:RichMenu"))


@operation("validateRichMenuObject")
def validate_rich_menu_object(rich_menu: RichMenu) -> Request[None]:
    """Check that a rich menu object is valid, without creating it."""
    return json_request("validate_rich_menu_object", "POST", "/v2/bot/richmenu/validate",
                        model("rich_menu", rich_menu, f"{_MODELS}:RichMenu"))


@operation("getRichMenu")
def get_rich_menu(rich_menu_id: str) -> Request[RichMenuResponse]:
    """Get a rich menu by its id."""
    return get("get_rich_menu", _menu_path("/v2/bot/richmenu/{richMenuId}", rich_menu_id))


@operation("deleteRichMenu")
def delete_rich_menu(rich_menu_id: str) -> Request[None]:
    """Delete a rich menu."""
    return _delete("delete_rich_menu", _menu_path("/v2/bot/richmenu/{richMenuId}", rich_menu_id))


@operation("getRichMenuList")
def get_rich_menu_list() -> Request[RichMenuListResponse]:
    """Get every rich menu of the channel."""
    return get("get_rich_menu_list", "/v2/bot/richmenu/list")


# https://developers.line.biz/en/reference/messaging-api/#upload-rich-menu-image
@operation("setRichMenuImage")
def set_rich_menu_image(rich_menu_id: str, content_type: str,
                        content: bytes | bytearray | memoryview | IO[bytes]) -> Request[None]:
    """Upload the image of a rich menu (``image/jpeg`` or ``image/png``; bytes or a binary file)."""
    return binary_request("set_rich_menu_image",
                          _menu_path("/v2/bot/richmenu/{richMenuId}/content", rich_menu_id),
                          content_type, content)


@operation("getRichMenuImage")
def get_rich_menu_image(rich_menu_id: str) -> Request[Content]:
    """Download the image of a rich menu."""
    return get("get_rich_menu_image",
               _menu_path("/v2/bot/richmenu/{richMenuId}/content", rich_menu_id), base="data")


# -- the default rich menu ------------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#set-default-rich-menu


@operation("setDefaultRichMenu")
def set_default_rich_menu(rich_menu_id: str) -> Request[None]:
    """Make a rich menu the default for every user."""
    return json_request("set_default_rich_menu", "POST",
                        _menu_path("/v2/bot/user/all/richmenu/{richMenuId}", rich_menu_id))


@operation("getDefaultRichMenuId")
def get_default_rich_menu() -> Request[RichMenuIdResponse]:
    """Get the id of the default rich menu."""
    return get("get_default_rich_menu", "/v2/bot/user/all/richmenu")


@operation("cancelDefaultRichMenu")
def cancel_default_rich_menu() -> Request[None]:
    """Remove the default rich menu."""
    return _delete("cancel_default_rich_menu", "/v2/bot/user/all/richmenu")


# -- per-user rich menus ------------------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#link-rich-menu-to-user


def _user_path(template: str, user_id: str, **more: str) -> str:
    return path(template, userId=require_id("user_id", user_id), **more)


@operation("linkRichMenuIdToUser")
def link_rich_menu_to_user(user_id: str, rich_menu_id: str) -> Request[None]:
    """Link a rich menu to one user."""
    return json_request("link_rich_menu_to_user", "POST", _user_path(
        "/v2/bot/user/{userId}/richmenu/{richMenuId}", user_id,
        richMenuId=require_id("rich_menu_id", rich_menu_id)))


@operation("getRichMenuIdOfUser")
def get_rich_menu_id_of_user(user_id: str) -> Request[RichMenuIdResponse]:
    """Get the id of the rich menu linked to a user."""
    return get("get_rich_menu_id_of_user", _user_path("/v2/bot/user/{userId}/richmenu", user_id))


@operation("unlinkRichMenuIdFromUser")
def unlink_rich_menu_from_user(user_id: str) -> Request[None]:
    """Unlink the rich menu of one user."""
    return _delete("unlink_rich_menu_from_user",
                   _user_path("/v2/bot/user/{userId}/richmenu", user_id))


# https://developers.line.biz/en/reference/messaging-api/#link-rich-menu-to-users
@operation("linkRichMenuIdToUsers")
def link_rich_menu_to_users(user_ids: Sequence[str], rich_menu_id: str) -> Request[None]:
    """Link a rich menu to 1 to 500 users at once."""
    return json_request("link_rich_menu_to_users", "POST", "/v2/bot/richmenu/bulk/link", {
        "richMenuId": require_id("rich_menu_id", rich_menu_id),
        "userIds": ids("user_ids", user_ids, high=MAX_BULK_USERS),
    })


@operation("unlinkRichMenuIdFromUsers")
def unlink_rich_menu_from_users(user_ids: Sequence[str]) -> Request[None]:
    """Unlink the rich menus of 1 to 500 users at once."""
    return json_request("unlink_rich_menu_from_users", "POST", "/v2/bot/richmenu/bulk/unlink",
                        {"userIds": ids("user_ids", user_ids, high=MAX_BULK_USERS)})


# -- batch control ------------------------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#batch-control-rich-menus-of-users


@operation("richMenuBatch")
def rich_menu_batch(rich_menu_batch_request: RichMenuBatchRequest) -> Request[None]:
    """Link, move or unlink the rich menus of many users in one asynchronous batch."""
    return json_request("rich_menu_batch", "POST", "/v2/bot/richmenu/batch", model(
        "rich_menu_batch_request", rich_menu_batch_request, f"{_MODELS}:RichMenuBatchRequest"))


@operation("validateRichMenuBatchRequest")
def validate_rich_menu_batch_request(
    rich_menu_batch_request: RichMenuBatchRequest,
) -> Request[None]:
    """Check that a batch request is valid, without running it."""
    return json_request("validate_rich_menu_batch_request", "POST",
                        "/v2/bot/richmenu/validate/batch",
                        model("rich_menu_batch_request", rich_menu_batch_request,
                              f"{_MODELS}:RichMenuBatchRequest"))


@operation("getRichMenuBatchProgress")
def get_rich_menu_batch_progress(request_id: str) -> Request[RichMenuBatchProgressResponse]:
    """Get the progress of a batch, by the request id its sending answered."""
    return get("get_rich_menu_batch_progress", "/v2/bot/richmenu/progress/batch",
               query_=query(requestId=require_id("request_id", request_id)))


# -- aliases -----------------------------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#create-rich-menu-alias


def _alias_path(rich_menu_alias_id: Any) -> str:
    return path("/v2/bot/richmenu/alias/{richMenuAliasId}",
                richMenuAliasId=require_id("rich_menu_alias_id", rich_menu_alias_id))


@operation("createRichMenuAlias")
def create_rich_menu_alias(rich_menu_alias: RichMenuAlias) -> Request[None]:
    """Create an alias (``rich_menu_alias_id``) for a rich menu."""
    body = model("rich_menu_alias", rich_menu_alias, f"{_MODELS}:RichMenuAlias")
    if "richMenuAliasId" not in body:
        raise InvalidInputError("rich_menu_alias.rich_menu_alias_id is required to create "
                                "an alias")
    return json_request("create_rich_menu_alias", "POST", "/v2/bot/richmenu/alias", body)


@operation("updateRichMenuAlias")
def update_rich_menu_alias(
    rich_menu_alias_id: str, rich_menu_alias: RichMenuAlias,
) -> Request[None]:
    """Point an alias at another rich menu (``rich_menu_alias.rich_menu_id``)."""
    body = model("rich_menu_alias", rich_menu_alias, f"{_MODELS}:RichMenuAlias")
    return json_request("update_rich_menu_alias", "POST", _alias_path(rich_menu_alias_id),
                        {"richMenuId": body["richMenuId"]})


@operation("getRichMenuAlias")
def get_rich_menu_alias(rich_menu_alias_id: str | None = None) -> Request[RichMenuAliasResponse]:
    """Get a rich menu alias by its id (required, despite the legacy default of ``None``)."""
    return get("get_rich_menu_alias", _alias_path(rich_menu_alias_id))


@operation("deleteRichMenuAlias")
def delete_rich_menu_alias(rich_menu_alias_id: str) -> Request[None]:
    """Delete a rich menu alias."""
    return _delete("delete_rich_menu_alias", _alias_path(rich_menu_alias_id))


@operation("getRichMenuAliasList")
def get_rich_menu_alias_list() -> Request[RichMenuAliasListResponse]:
    """Get every rich menu alias of the channel."""
    return get("get_rich_menu_alias_list", "/v2/bot/richmenu/alias/list")
