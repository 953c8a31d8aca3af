"""Builders for the LIFF server API: add, list, update and delete LIFF apps.

https://developers.line.biz/en/reference/liff-server/
The app settings are :class:`~linebot_fp.models.liff.AddLiffAppRequest` and
:class:`~linebot_fp.models.liff.UpdateLiffAppRequest` values. This module performs no I/O.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from linebot_fp.api._build import get, json_request, path, require_id
from linebot_fp.api._registry import operation
from linebot_fp.errors import InvalidInputError

if TYPE_CHECKING:
    from linebot_fp.models.liff import (
        AddLiffAppRequest,
        AddLiffAppResponse,
        GetAllLiffAppsResponse,
        UpdateLiffAppRequest,
    )
    from linebot_fp.request import Request

__all__ = ["add_liff_app", "delete_liff_app", "get_all_liff_apps", "update_liff_app"]
__docformat__ = "google"  # pdoc renders the Args / Returns / Raises sections



# https://developers.line.biz/en/reference/liff-server/#add-liff-app
@operation("addLIFFApp")
def add_liff_app(liff_app: AddLiffAppRequest) -> Request[AddLiffAppResponse]:
    """Add a LIFF app to the channel (at most 30 per channel).

    Args:
        liff_app: the app's settings: its ``view`` (size and URL), and optionally
            ``description`` (its name), ``features``, ``permanent_link_pattern``, ``scope``
            and ``bot_prompt``.

    Returns:
        ``Request[AddLiffAppResponse]``: the new app's ``liff_id``.

    Raises:
        InvalidInputError: ``liff_app`` is not an ``AddLiffAppRequest``.
    """
    return json_request("add_liff_app", "POST", "/liff/v1/apps",
                        _settings(liff_app, update=False))


# https://developers.line.biz/en/reference/liff-server/#get-all-liff-apps
@operation("getAllLIFFApps")
def get_all_liff_apps() -> Request[GetAllLiffAppsResponse]:
    """Get every LIFF app of the channel.

    Returns:
        ``Request[GetAllLiffAppsResponse]``: the ``apps``, each with its ``liff_id`` and
        settings. A channel without any makes the send raise ``LineBotApiError`` (404).
    """
    return get("get_all_liff_apps", "/liff/v1/apps")


# https://developers.line.biz/en/reference/liff-server/#update-liff-app
@operation("updateLIFFApp")
def update_liff_app(
    liff_id: str, liff_app: UpdateLiffAppRequest | AddLiffAppRequest,
) -> Request[None]:
    """Change the settings of a LIFF app; what ``liff_app`` leaves ``None`` stays as it is.

    Args:
        liff_id: the app's id.
        liff_app: the settings to change (an ``UpdateLiffAppRequest``, or a whole
            ``AddLiffAppRequest``).

    Returns:
        ``Request[None]``: the answer is empty.

    Raises:
        InvalidInputError: ``liff_id`` is not an id usable in a path (empty, ``.``, ``..``,
            or not a string), or ``liff_app`` is not one of those models.
    """
    return json_request("update_liff_app", "PUT",
                        path("/liff/v1/apps/{liffId}", liffId=require_id("liff_id", liff_id)),
                        _settings(liff_app, update=True))


# https://developers.line.biz/en/reference/liff-server/#delete-liff-app
@operation("deleteLIFFApp")
def delete_liff_app(liff_id: str) -> Request[None]:
    """Delete a LIFF app from the channel.

    Args:
        liff_id: the app's id.

    Returns:
        ``Request[None]``: the answer is empty.

    Raises:
        InvalidInputError: ``liff_id`` is not an id usable in a path (empty, ``.``, ``..``,
            or not a string).
    """
    return json_request("delete_liff_app", "DELETE",
                        path("/liff/v1/apps/{liffId}", liffId=require_id("liff_id", liff_id)))


def _settings(liff_app: Any, *, update: bool) -> Any:
    """The app settings, checked to be the request model (imported only when called)."""
    from linebot_fp.models.liff import AddLiffAppRequest, UpdateLiffAppRequest

    accepted = (UpdateLiffAppRequest, AddLiffAppRequest) if update else (AddLiffAppRequest,)
    if not isinstance(liff_app, accepted):
        names = " or ".join(cls.__name__ for cls in accepted)
        raise InvalidInputError(f"liff_app must be a {names}, got {type(liff_app).__name__}")
    return liff_app
