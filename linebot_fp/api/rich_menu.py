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
        RichMenuBatchResponse,
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
__docformat__ = "google"  # pdoc renders the Args / Returns / Raises sections

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
    """Create a rich menu; upload its image next, with :func:`set_rich_menu_image`.

    Args:
        rich_menu: the menu: its ``size`` in pixels, ``selected``, ``name`` (at most 300
            characters), ``chat_bar_text`` (at most 14) and up to 20 tappable ``areas``.

    Returns:
        ``Request[RichMenuIdResponse]``: the new ``rich_menu_id``.

    Raises:
        InvalidInputError: ``rich_menu`` is not a ``RichMenu``.
    """
    return json_request("create_rich_menu", "POST", "/v2/bot/richmenu",
                        model("rich_menu", rich_menu, f"{_MODELS}:RichMenu"))


@operation("validateRichMenuObject")
def validate_rich_menu_object(rich_menu: RichMenu) -> Request[None]:
    """Check that a rich menu is valid, without creating it.

    Args:
        rich_menu: the menu: its ``size`` in pixels, ``selected``, ``name`` (at most 300
            characters), ``chat_bar_text`` (at most 14) and up to 20 tappable ``areas``.

    Returns:
        ``Request[None]``: the answer is empty when it is valid; an invalid menu makes the
        send raise ``LineBotApiError`` (400) saying what is wrong.

    Raises:
        InvalidInputError: ``rich_menu`` is not a ``RichMenu``.
    """
    return json_request("validate_rich_menu_object", "POST", "/v2/bot/richmenu/validate",
                        model("rich_menu", rich_menu, f"{_MODELS}:RichMenu"))


@operation("getRichMenu")
def get_rich_menu(rich_menu_id: str) -> Request[RichMenuResponse]:
    """Get a rich menu.

    Args:
        rich_menu_id: the rich menu's id (``richmenu-...``).

    Returns:
        ``Request[RichMenuResponse]``: the menu with its ``rich_menu_id``.

    Raises:
        InvalidInputError: ``rich_menu_id`` is not an id usable in a path (empty, ``.``,
            ``..``, or not a string).
    """
    return get("get_rich_menu", _menu_path("/v2/bot/richmenu/{richMenuId}", rich_menu_id))


@operation("deleteRichMenu")
def delete_rich_menu(rich_menu_id: str) -> Request[None]:
    """Delete a rich menu.

    Args:
        rich_menu_id: the rich menu's id (``richmenu-...``).

    Returns:
        ``Request[None]``: the answer is empty.

    Raises:
        InvalidInputError: ``rich_menu_id`` is not an id usable in a path (empty, ``.``,
            ``..``, or not a string).
    """
    return _delete("delete_rich_menu", _menu_path("/v2/bot/richmenu/{richMenuId}", rich_menu_id))


@operation("getRichMenuList")
def get_rich_menu_list() -> Request[RichMenuListResponse]:
    """Get every rich menu the channel made through the Messaging API.

    Returns:
        ``Request[RichMenuListResponse]``: the menus, in ``richmenus``.
    """
    return get("get_rich_menu_list", "/v2/bot/richmenu/list")


# https://developers.line.biz/en/reference/messaging-api/#upload-rich-menu-image
@operation("setRichMenuImage")
def set_rich_menu_image(rich_menu_id: str, content_type: str,
                        content: bytes | bytearray | memoryview | IO[bytes]) -> Request[None]:
    """Upload the image of a rich menu (once per menu; sent to the data host).

    Args:
        rich_menu_id: the rich menu's id (``richmenu-...``).
        content_type: ``"image/jpeg"`` or ``"image/png"``.
        content: the image (at most 1 MB, the menu's size in pixels), as bytes or a binary
            file object (read now).

    Returns:
        ``Request[None]``: the answer is empty.

    Raises:
        InvalidInputError: ``rich_menu_id`` is not an id usable in a path (empty, ``.``,
            ``..``, or not a string), ``content_type`` is not a MIME type, or ``content`` is
            neither bytes nor a binary file.
    """
    return binary_request("set_rich_menu_image",
                          _menu_path("/v2/bot/richmenu/{richMenuId}/content", rich_menu_id),
                          content_type, content)


@operation("getRichMenuImage")
def get_rich_menu_image(rich_menu_id: str) -> Request[Content]:
    """Download the image of a rich menu (from the data host).

    Args:
        rich_menu_id: the rich menu's id (``richmenu-...``).

    Returns:
        ``Request[Content]``: the image as a stream (``content_type``, ``iter_content()``,
        ``content``).

    Raises:
        InvalidInputError: ``rich_menu_id`` is not an id usable in a path (empty, ``.``,
            ``..``, or not a string).
    """
    return get("get_rich_menu_image",
               _menu_path("/v2/bot/richmenu/{richMenuId}/content", rich_menu_id), base="data")


# -- the default rich menu ------------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#set-default-rich-menu


@operation("setDefaultRichMenu")
def set_default_rich_menu(rich_menu_id: str) -> Request[None]:
    """Make a rich menu the default: users without a menu of their own see it.

    Args:
        rich_menu_id: the rich menu's id (``richmenu-...``).

    Returns:
        ``Request[None]``: the answer is empty.

    Raises:
        InvalidInputError: ``rich_menu_id`` is not an id usable in a path (empty, ``.``,
            ``..``, or not a string).
    """
    return json_request("set_default_rich_menu", "POST",
                        _menu_path("/v2/bot/user/all/richmenu/{richMenuId}", rich_menu_id))


@operation("getDefaultRichMenuId")
def get_default_rich_menu() -> Request[RichMenuIdResponse]:
    """Get the id of the default rich menu set through the Messaging API.

    Returns:
        ``Request[RichMenuIdResponse]``: its ``rich_menu_id``; none set makes the send raise
        ``LineBotApiError`` (404).
    """
    return get("get_default_rich_menu", "/v2/bot/user/all/richmenu")


@operation("cancelDefaultRichMenu")
def cancel_default_rich_menu() -> Request[None]:
    """Remove the default rich menu (the menu itself stays).

    Returns:
        ``Request[None]``: the answer is empty.
    """
    return _delete("cancel_default_rich_menu", "/v2/bot/user/all/richmenu")


# -- per-user rich menus ------------------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#link-rich-menu-to-user


def _user_path(template: str, user_id: str, **more: str) -> str:
    return path(template, userId=require_id("user_id", user_id), **more)


@operation("linkRichMenuIdToUser")
def link_rich_menu_to_user(user_id: str, rich_menu_id: str) -> Request[None]:
    """Link a rich menu to one user; it replaces the default for them.

    Args:
        user_id: the user's id (``U...``); not the LINE ID users see.
        rich_menu_id: the rich menu's id (``richmenu-...``).

    Returns:
        ``Request[None]``: the answer is empty.

    Raises:
        InvalidInputError: ``user_id`` or ``rich_menu_id`` is not an id usable in a path
            (empty, ``.``, ``..``, or not a string).
    """
    return json_request("link_rich_menu_to_user", "POST", _user_path(
        "/v2/bot/user/{userId}/richmenu/{richMenuId}", user_id,
        richMenuId=require_id("rich_menu_id", rich_menu_id)))


@operation("getRichMenuIdOfUser")
def get_rich_menu_id_of_user(user_id: str) -> Request[RichMenuIdResponse]:
    """Get the id of the rich menu linked to a user.

    Args:
        user_id: the user's id (``U...``); not the LINE ID users see.

    Returns:
        ``Request[RichMenuIdResponse]``: the ``rich_menu_id``; none linked makes the send
        raise ``LineBotApiError`` (404).

    Raises:
        InvalidInputError: ``user_id`` is not an id usable in a path (empty, ``.``, ``..``,
            or not a string).
    """
    return get("get_rich_menu_id_of_user", _user_path("/v2/bot/user/{userId}/richmenu", user_id))


@operation("unlinkRichMenuIdFromUser")
def unlink_rich_menu_from_user(user_id: str) -> Request[None]:
    """Unlink the rich menu of one user (they see the default again).

    Args:
        user_id: the user's id (``U...``); not the LINE ID users see.

    Returns:
        ``Request[None]``: the answer is empty.

    Raises:
        InvalidInputError: ``user_id`` is not an id usable in a path (empty, ``.``, ``..``,
            or not a string).
    """
    return _delete("unlink_rich_menu_from_user",
                   _user_path("/v2/bot/user/{userId}/richmenu", user_id))


# https://developers.line.biz/en/reference/messaging-api/#link-rich-menu-to-users
@operation("linkRichMenuIdToUsers")
def link_rich_menu_to_users(user_ids: Sequence[str], rich_menu_id: str) -> Request[None]:
    """Link a rich menu to 1 to 500 users at once.

    Args:
        user_ids: the users' ids (``U...``), 1 to 500 of them.
        rich_menu_id: the rich menu's id (``richmenu-...``).

    Returns:
        ``Request[None]``: the answer is empty (202: LINE does it in the background).

    Raises:
        InvalidInputError: ``user_ids`` is not a list of 1 to 500 non-empty strings, or
            ``rich_menu_id`` is not a non-empty string.
    """
    return json_request("link_rich_menu_to_users", "POST", "/v2/bot/richmenu/bulk/link", {
        "richMenuId": require_id("rich_menu_id", rich_menu_id),
        "userIds": ids("user_ids", user_ids, high=MAX_BULK_USERS),
    })


@operation("unlinkRichMenuIdFromUsers")
def unlink_rich_menu_from_users(user_ids: Sequence[str]) -> Request[None]:
    """Unlink the rich menus of 1 to 500 users at once.

    Args:
        user_ids: the users' ids (``U...``), 1 to 500 of them.

    Returns:
        ``Request[None]``: the answer is empty (202: LINE does it in the background).

    Raises:
        InvalidInputError: ``user_ids`` is not a list of 1 to 500 non-empty strings.
    """
    return json_request("unlink_rich_menu_from_users", "POST", "/v2/bot/richmenu/bulk/unlink",
                        {"userIds": ids("user_ids", user_ids, high=MAX_BULK_USERS)})


# -- batch control ------------------------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#batch-control-rich-menus-of-users


@operation("richMenuBatch")
def rich_menu_batch(rich_menu_batch_request: RichMenuBatchRequest
                    ) -> Request[RichMenuBatchResponse]:
    """Link, replace or unlink the rich menus of many users in one background batch.

    LINE accepts the batch at once and runs it in the background: follow it with
    :func:`get_rich_menu_batch_progress` and the answer's ``request_id``, or await it
    with ``linebot_fp.jobs.result(client, jobs.rich_menu_batch_progress(request_id))``.

    Args:
        rich_menu_batch_request: up to 1000 ``operations`` (link, unlink, unlink all) and an
            optional ``resume_request_key`` (1 to 100 letters, digits, ``_`` and ``-``) to
            resume a failed batch.

    Returns:
        ``Request[RichMenuBatchResponse]``: an empty answer (202) carrying the request id
        (its ``X-Line-Request-Id`` header) as ``request_id``.

    Raises:
        InvalidInputError: ``rich_menu_batch_request`` is not a ``RichMenuBatchRequest``.
    """
    return json_request("rich_menu_batch", "POST", "/v2/bot/richmenu/batch", model(
        "rich_menu_batch_request", rich_menu_batch_request, f"{_MODELS}:RichMenuBatchRequest"))


@operation("validateRichMenuBatchRequest")
def validate_rich_menu_batch_request(
    rich_menu_batch_request: RichMenuBatchRequest,
) -> Request[None]:
    """Check that a batch request is valid, without running it.

    Args:
        rich_menu_batch_request: up to 1000 ``operations`` (link, unlink, unlink all) and an
            optional ``resume_request_key`` (1 to 100 letters, digits, ``_`` and ``-``) to
            resume a failed batch.

    Returns:
        ``Request[None]``: the answer is empty when it is valid; an invalid one makes the
        send raise ``LineBotApiError`` (400).

    Raises:
        InvalidInputError: ``rich_menu_batch_request`` is not a ``RichMenuBatchRequest``.
    """
    return json_request("validate_rich_menu_batch_request", "POST",
                        "/v2/bot/richmenu/validate/batch",
                        model("rich_menu_batch_request", rich_menu_batch_request,
                              f"{_MODELS}:RichMenuBatchRequest"))


@operation("getRichMenuBatchProgress")
def get_rich_menu_batch_progress(request_id: str) -> Request[RichMenuBatchProgressResponse]:
    """Get the progress of a rich menu batch.

    Args:
        request_id: the request id the batch's answer carried.

    Returns:
        ``Request[RichMenuBatchProgressResponse]``: its ``phase`` (``"ongoing"``,
        ``"succeeded"``, ``"failed"``), ``accepted_time`` and ``completed_time``.

    Raises:
        InvalidInputError: ``request_id`` is not a non-empty string.
    """
    return get("get_rich_menu_batch_progress", "/v2/bot/richmenu/progress/batch",
               query_=query(requestId=require_id("request_id", request_id)))


# -- aliases -----------------------------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#create-rich-menu-alias


def _alias_path(rich_menu_alias_id: Any) -> str:
    return path("/v2/bot/richmenu/alias/{richMenuAliasId}",
                richMenuAliasId=require_id("rich_menu_alias_id", rich_menu_alias_id))


@operation("createRichMenuAlias")
def create_rich_menu_alias(rich_menu_alias: RichMenuAlias) -> Request[None]:
    """Create an alias for a rich menu, so rich menu switch actions can name it.

    Args:
        rich_menu_alias: the alias: ``rich_menu_alias_id`` (1 to 32 of ``a-z``, ``0-9``,
            ``_`` and ``-``, unique in the channel) and the ``rich_menu_id`` it points at.

    Returns:
        ``Request[None]``: the answer is empty.

    Raises:
        InvalidInputError: ``rich_menu_alias`` is not a ``RichMenuAlias``, or has no
            ``rich_menu_alias_id``.
    """
    body = model("rich_menu_alias", rich_menu_alias, f"{_MODELS}:RichMenuAlias")
    if "richMenuAliasId" not in body:
        raise InvalidInputError("rich_menu_alias.rich_menu_alias_id is required to create "
                                "an alias")
    return json_request("create_rich_menu_alias", "POST", "/v2/bot/richmenu/alias", body)


@operation("updateRichMenuAlias")
def update_rich_menu_alias(
    rich_menu_alias_id: str, rich_menu_alias: RichMenuAlias,
) -> Request[None]:
    """Point an alias at another rich menu.

    Args:
        rich_menu_alias_id: the alias to change.
        rich_menu_alias: a ``RichMenuAlias`` whose ``rich_menu_id`` is the new menu (its
            ``rich_menu_alias_id`` is not sent).

    Returns:
        ``Request[None]``: the answer is empty.

    Raises:
        InvalidInputError: ``rich_menu_alias_id`` is not an id usable in a path (empty,
            ``.``, ``..``, or not a string), or ``rich_menu_alias`` is not a
            ``RichMenuAlias``.
    """
    body = model("rich_menu_alias", rich_menu_alias, f"{_MODELS}:RichMenuAlias")
    return json_request("update_rich_menu_alias", "POST", _alias_path(rich_menu_alias_id),
                        {"richMenuId": body["richMenuId"]})


@operation("getRichMenuAlias")
def get_rich_menu_alias(rich_menu_alias_id: str | None = None) -> Request[RichMenuAliasResponse]:
    """Get a rich menu alias.

    Args:
        rich_menu_alias_id: the alias; required (the legacy SDK's default of ``None`` is
            kept only for its signature).

    Returns:
        ``Request[RichMenuAliasResponse]``: the ``rich_menu_alias_id`` and the
        ``rich_menu_id`` it points at.

    Raises:
        InvalidInputError: ``rich_menu_alias_id`` is not an id usable in a path (empty,
            ``.``, ``..``, or not a string).
    """
    return get("get_rich_menu_alias", _alias_path(rich_menu_alias_id))


@operation("deleteRichMenuAlias")
def delete_rich_menu_alias(rich_menu_alias_id: str) -> Request[None]:
    """Delete a rich menu alias (the menu stays).

    Args:
        rich_menu_alias_id: the alias.

    Returns:
        ``Request[None]``: the answer is empty.

    Raises:
        InvalidInputError: ``rich_menu_alias_id`` is not an id usable in a path (empty,
            ``.``, ``..``, or not a string).
    """
    return _delete("delete_rich_menu_alias", _alias_path(rich_menu_alias_id))


@operation("getRichMenuAliasList")
def get_rich_menu_alias_list() -> Request[RichMenuAliasListResponse]:
    """Get every rich menu alias of the channel.

    Returns:
        ``Request[RichMenuAliasListResponse]``: the ``aliases``.
    """
    return get("get_rich_menu_alias_list", "/v2/bot/richmenu/alias/list")
