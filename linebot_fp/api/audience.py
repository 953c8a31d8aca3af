"""Builders for the audience endpoints: create, fill, rename, list and delete audiences.

https://developers.line.biz/en/reference/messaging-api/#manage-audience-group
An audience ID is an integer (a string of digits is accepted, as the legacy SDK
documented it). Uploads "by file" go to the data host as ``multipart/form-data``
with a text file of one user ID or IFA per line. This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import IO, TYPE_CHECKING, Any, Literal

from linebot_fp.api._build import (
    compact,
    get,
    ids,
    integer,
    json_request,
    multipart_request,
    path,
    query,
    read_bytes,
    require_id,
    require_text,
    sequence,
)
from linebot_fp.api._registry import operation
from linebot_fp.errors import InvalidInputError

if TYPE_CHECKING:
    from linebot_fp.models.audience import (
        Audience,
        ClickAudienceGroup,
        CreateAudienceGroup,
        GetAudienceDataResponse,
        GetAudienceGroupsResponse,
        GetAuthorityLevel,
        GetSharedAudienceDataResponse,
        GetSharedAudienceGroupsResponse,
        ImpAudienceGroup,
    )
    from linebot_fp.request import Request

    Recipient = str | Mapping[str, str] | Audience
    IdFile = bytes | bytearray | memoryview | IO[bytes] | str | Iterable[str]

__all__ = [
    "add_audiences_to_audience_group",
    "add_user_ids_to_audience",
    "change_audience_group_authority_level",
    "create_audience_for_uploading_user_ids",
    "create_audience_group",
    "create_click_audience_group",
    "create_imp_audience_group",
    "delete_audience_group",
    "get_audience_group",
    "get_audience_group_authority_level",
    "get_audience_group_list",
    "get_shared_audience_data",
    "get_shared_audience_groups",
    "rename_audience_group",
]
__docformat__ = "google"  # pdoc renders the Args / Returns / Raises sections

MAX_JSON_AUDIENCES = 10_000
MAX_FILE_AUDIENCES = 1_500_000
MAX_PAGE_SIZE = 40
AUTHORITY_LEVELS = ("PUBLIC", "PRIVATE")


# https://developers.line.biz/en/reference/messaging-api/#create-upload-audience-group
@operation("createAudienceGroup")
def create_audience_group(
    audience_group_name: str, audiences: Iterable[Recipient] | None = None, is_ifa: bool = False,
    upload_description: str | None = None,
) -> Request[CreateAudienceGroup]:
    """Create an audience for uploading user ids (by JSON), optionally with its first ids.

    Args:
        audience_group_name: the audience's name, at most 120 characters (case-insensitive).
        audiences: up to 10,000 ids to add now: a list of user ids (``U...``) or IFAs, as
            strings, ``{"id": ...}`` dicts or ``Audience`` models; ``None`` for none yet.
        is_ifa: ``True`` when the ids are IFAs (identifiers for advertisers), not user ids.
        upload_description: a description of this upload job (``jobs[].description``), or
            ``None``.

    Returns:
        ``Request[CreateAudienceGroup]``: the new audience: ``audience_group_id``, ``type``,
        ``description``, ``created`` and more. LINE answers 202 and builds it in the
        background.

    Raises:
        InvalidInputError: ``audience_group_name`` is not a non-empty string, ``audiences``
            is not a list of at most 10,000 non-empty ids, ``is_ifa`` is not a bool, or
            ``upload_description`` is not a string.
    """
    body = compact({
        "description": require_id("audience_group_name", audience_group_name),
        "isIfaAudience": _flag("is_ifa", is_ifa),
        "uploadDescription": _text("upload_description", upload_description),
        "audiences": _audiences(() if audiences is None else audiences),
    })
    return json_request("create_audience_group", "POST", "/v2/bot/audienceGroup/upload", body)


# https://developers.line.biz/en/reference/messaging-api/#update-upload-audience-group
@operation("addAudienceToAudienceGroup")
def add_audiences_to_audience_group(audience_group_id: int | str, audiences: Iterable[Recipient],
                                    upload_description: str | None = None) -> Request[None]:
    """Add user ids or IFAs to an audience for uploading user ids (by JSON).

    Args:
        audience_group_id: the audience's id (an integer, or its digits as text).
        audiences: 1 to 10,000 ids: a list of user ids (``U...``) or IFAs, as strings,
            ``{"id": ...}`` dicts or ``Audience`` models.
        upload_description: a description of this upload job (``jobs[].description``), or
            ``None``.

    Returns:
        ``Request[None]``: the answer is empty (202: LINE adds them in the background).

    Raises:
        InvalidInputError: ``audience_group_id`` is not a positive integer, ``audiences`` is
            not a list of at most 10,000 non-empty ids, or ``upload_description`` is not a
            string.
    """
    body = compact({
        "audienceGroupId": _audience_id(audience_group_id),
        "uploadDescription": _text("upload_description", upload_description),
        "audiences": _audiences(audiences),
    })
    return json_request("add_audiences_to_audience_group", "PUT",
                        "/v2/bot/audienceGroup/upload", body)


# https://developers.line.biz/en/reference/messaging-api/#create-upload-audience-group-by-file
@operation("createAudienceForUploadingUserIds")
def create_audience_for_uploading_user_ids(
    file: IdFile, description: str | None = None, is_ifa_audience: bool | None = None,
    upload_description: str | None = None,
) -> Request[CreateAudienceGroup]:
    """Create an audience for uploading user ids, from a file (sent to the data host).

    Args:
        file: the ids, one user id or IFA per line (at most 1,500,000): the file's bytes, a
            binary file object, its text, or a list of ids.
        description: the audience's name, at most 120 characters (case-insensitive);
            ``None`` for none.
        is_ifa_audience: ``True`` when the ids are IFAs, not user ids; ``None`` leaves it
            out.
        upload_description: a description of this upload job (``jobs[].description``), or
            ``None``.

    Returns:
        ``Request[CreateAudienceGroup]``: the new audience: ``audience_group_id``, ``type``,
        ``description``, ``created`` and more. LINE answers 202 and builds it in the
        background.

    Raises:
        InvalidInputError: ``file`` holds no id or is none of those forms,
            ``is_ifa_audience`` is not a bool, or a description is not a string.
    """
    fields = {
        "description": _text("description", description),
        "isIfaAudience": None if is_ifa_audience is None
        else _flag("is_ifa_audience", is_ifa_audience),
        "uploadDescription": _text("upload_description", upload_description),
    }
    return multipart_request("create_audience_for_uploading_user_ids", "POST",
                             "/v2/bot/audienceGroup/upload/byFile", fields, _id_file(file))


# https://developers.line.biz/en/reference/messaging-api/#update-upload-audience-group-by-file
@operation("addUserIdsToAudience")
def add_user_ids_to_audience(file: IdFile, audience_group_id: int | str,
                             upload_description: str | None = None) -> Request[None]:
    """Add user ids or IFAs to an audience for uploading user ids, from a file (data host).

    Args:
        file: the ids, one user id or IFA per line (at most 1,500,000): the file's bytes, a
            binary file object, its text, or a list of ids.
        audience_group_id: the audience's id (an integer, or its digits as text).
        upload_description: a description of this upload job (``jobs[].description``), or
            ``None``.

    Returns:
        ``Request[None]``: the answer is empty (202: LINE adds them in the background).

    Raises:
        InvalidInputError: ``file`` holds no id or is none of those forms,
            ``audience_group_id`` is not a positive integer, or ``upload_description`` is
            not a string.
    """
    fields = {
        "audienceGroupId": _audience_id(audience_group_id),
        "uploadDescription": _text("upload_description", upload_description),
    }
    return multipart_request("add_user_ids_to_audience", "PUT",
                             "/v2/bot/audienceGroup/upload/byFile", fields, _id_file(file))


# https://developers.line.biz/en/reference/messaging-api/#create-click-audience-group
@operation("createClickBasedAudienceGroup")
def create_click_audience_group(description: str, request_id: str,
                                click_url: str | None = None) -> Request[ClickAudienceGroup]:
    """Create an audience of the users who clicked a URL in a past narrowcast or broadcast.

    The message must have been sent in the last 60 days.

    Args:
        description: the audience's name, at most 120 characters (case-insensitive).
        request_id: the request id the narrowcast's or broadcast's answer carried.
        click_url: only users who clicked this URL (at most 2,000 characters); ``None`` for
            any URL of the message.

    Returns:
        ``Request[ClickAudienceGroup]``: the new audience: ``audience_group_id``, ``type``,
        ``description``, ``created`` and more. LINE answers 202 and builds it in the
        background.

    Raises:
        InvalidInputError: ``description`` or ``request_id`` is not a non-empty string, or
            ``click_url`` is not a string.
    """
    body = compact({
        "description": require_id("description", description),
        "requestId": require_id("request_id", request_id),
        "clickUrl": _text("click_url", click_url),
    })
    return json_request("create_click_audience_group", "POST", "/v2/bot/audienceGroup/click",
                        body)


# https://developers.line.biz/en/reference/messaging-api/#create-imp-audience-group
@operation("createImpBasedAudienceGroup")
def create_imp_audience_group(description: str, request_id: str) -> Request[ImpAudienceGroup]:
    """Create an audience of the users who saw a past narrowcast or broadcast.

    The message must have been sent in the last 60 days.

    Args:
        description: the audience's name, at most 120 characters (case-insensitive).
        request_id: the request id the narrowcast's or broadcast's answer carried.

    Returns:
        ``Request[ImpAudienceGroup]``: the new audience: ``audience_group_id``, ``type``,
        ``description``, ``created`` and more. LINE answers 202 and builds it in the
        background.

    Raises:
        InvalidInputError: ``description`` or ``request_id`` is not a non-empty string.
    """
    body = {"description": require_id("description", description),
            "requestId": require_id("request_id", request_id)}
    return json_request("create_imp_audience_group", "POST", "/v2/bot/audienceGroup/imp", body)


# https://developers.line.biz/en/reference/messaging-api/#set-description-audience-group
@operation("updateAudienceGroupDescription")
def rename_audience_group(audience_group_id: int | str, description: str) -> Request[None]:
    """Rename an audience.

    Args:
        audience_group_id: the audience's id (an integer, or its digits as text).
        description: the new name, 1 to 120 characters (case-insensitive).

    Returns:
        ``Request[None]``: the answer is empty.

    Raises:
        InvalidInputError: ``audience_group_id`` is not a positive integer, or
            ``description`` is not a non-empty string.
    """
    return json_request("rename_audience_group", "PUT",
                        _group_path("/v2/bot/audienceGroup/{audienceGroupId}/updateDescription",
                                    audience_group_id),
                        {"description": require_id("description", description)})


# https://developers.line.biz/en/reference/messaging-api/#delete-audience-group
@operation("deleteAudienceGroup")
def delete_audience_group(audience_group_id: int | str) -> Request[None]:
    """Delete an audience.

    Args:
        audience_group_id: the audience's id (an integer, or its digits as text).

    Returns:
        ``Request[None]``: the answer is empty.

    Raises:
        InvalidInputError: ``audience_group_id`` is not a positive integer.
    """
    return json_request("delete_audience_group", "DELETE",
                        _group_path("/v2/bot/audienceGroup/{audienceGroupId}", audience_group_id))


# https://developers.line.biz/en/reference/messaging-api/#get-audience-group
@operation("getAudienceData")
def get_audience_group(audience_group_id: int | str) -> Request[GetAudienceDataResponse]:
    """Get one audience and its upload jobs.

    Args:
        audience_group_id: the audience's id (an integer, or its digits as text).

    Returns:
        ``Request[GetAudienceDataResponse]``: the ``audience_group``, its ``jobs`` and, for
        audiences made by ad accounts, the ``adaccount``.

    Raises:
        InvalidInputError: ``audience_group_id`` is not a positive integer.
    """
    return get("get_audience_group",
               _group_path("/v2/bot/audienceGroup/{audienceGroupId}", audience_group_id))


# https://developers.line.biz/en/reference/messaging-api/#get-audience-groups
@operation("getAudienceGroups")
def get_audience_group_list(page: int = 1, description: str | None = None,
                            status: str | None = None, size: int = 20,
                            include_external_public_group: bool | None = None,
                            create_route: str | None = None) -> Request[GetAudienceGroupsResponse]:
    """Get one page of the channel's audiences, filtered by name, status and origin.

    The legacy SDK fetched every page in turn; here each page is one request: ask for ``page
    + 1`` while the answer's ``has_next_page`` is true.

    Args:
        page: the page to get, 1 or more.
        description: only audiences whose name contains this (case-insensitive), or
            ``None``.
        status: only audiences in this status (``"IN_PROGRESS"``, ``"READY"``, ``"FAILED"``,
            ``"EXPIRED"``, ``"INACTIVE"``, ``"ACTIVATING"``), or ``None`` for any.
        size: audiences per page, 1 to 40.
        include_external_public_group: ``True`` (LINE's default) to include the public
            audiences of the other channels linked to the same bot, ``False`` for this
            channel's only; ``None`` leaves it out.
        create_route: only audiences made this way (``"OA_MANAGER"``, ``"MESSAGING_API"``,
            ``"POINT_AD"``, ``"AD_MANAGER"``), or ``None`` for any.

    Returns:
        ``Request[GetAudienceGroupsResponse]``: the page's ``audience_groups``,
        ``has_next_page``, ``total_count``, ``page`` and ``size``.

    Raises:
        InvalidInputError: ``page`` is not a positive integer, ``size`` is not from 1 to 40,
            a flag is not a bool, or a filter is not a string.
    """
    return get("get_audience_group_list", "/v2/bot/audienceGroup/list", query_=query(
        page=integer("page", page, low=1),
        description=_text("description", description),
        status=_text("status", status),
        size=integer("size", size, low=1, high=MAX_PAGE_SIZE),
        includesExternalPublicGroups=None if include_external_public_group is None
        else _flag("include_external_public_group", include_external_public_group),
        createRoute=_text("create_route", create_route),
    ))


# https://developers.line.biz/en/reference/messaging-api/#get-shared-audience
@operation("getSharedAudienceData")
def get_shared_audience_data(
    audience_group_id: int | str,
) -> Request[GetSharedAudienceDataResponse]:
    """Get one audience, including those the Business Manager shares, and its owner.

    Args:
        audience_group_id: the audience's id (an integer, or its digits as text).

    Returns:
        ``Request[GetSharedAudienceDataResponse]``: the ``audience_group``, its ``jobs`` and
        its ``owner``.

    Raises:
        InvalidInputError: ``audience_group_id`` is not a positive integer.
    """
    return get("get_shared_audience_data",
               _group_path("/v2/bot/audienceGroup/shared/{audienceGroupId}", audience_group_id))


# https://developers.line.biz/en/reference/messaging-api/#get-shared-audience-list
@operation("getSharedAudienceGroups")
def get_shared_audience_groups(
    page: int = 1, description: str | None = None, status: str | None = None, size: int = 20,
    create_route: str | None = None, includes_owned_audience_groups: bool | None = None,
) -> Request[GetSharedAudienceGroupsResponse]:
    """Get one page of the audiences the Business Manager shares (and the channel's own).

    Args:
        page: the page to get, 1 or more.
        description: only audiences whose name contains this (case-insensitive), or
            ``None``.
        status: only audiences in this status (``"IN_PROGRESS"``, ``"READY"``, ``"FAILED"``,
            ``"EXPIRED"``, ``"INACTIVE"``, ``"ACTIVATING"``), or ``None`` for any.
        size: audiences per page, 1 to 40.
        create_route: only audiences made this way (``"OA_MANAGER"``, ``"MESSAGING_API"``,
            ``"POINT_AD"``, ``"AD_MANAGER"``), or ``None`` for any.
        includes_owned_audience_groups: ``True`` to include the audiences owned through LINE
            Official Account Manager; ``None`` leaves it out (LINE's default: shared ones
            only).

    Returns:
        ``Request[GetSharedAudienceGroupsResponse]``: the page's ``audience_groups``,
        ``has_next_page``, ``total_count``, ``page`` and ``size``.

    Raises:
        InvalidInputError: ``page`` is not a positive integer, ``size`` is not from 1 to 40,
            a flag is not a bool, or a filter is not a string.
    """
    return get("get_shared_audience_groups", "/v2/bot/audienceGroup/shared/list", query_=query(
        page=integer("page", page, low=1),
        description=_text("description", description),
        status=_text("status", status),
        size=integer("size", size, low=1, high=MAX_PAGE_SIZE),
        createRoute=_text("create_route", create_route),
        includesOwnedAudienceGroups=None if includes_owned_audience_groups is None
        else _flag("includes_owned_audience_groups", includes_owned_audience_groups),
    ))


# https://developers.line.biz/en/reference/messaging-api/#get-authority-level
# (no longer in the OpenAPI specification; kept for the legacy SDK's users)
@operation()
def get_audience_group_authority_level() -> Request[GetAuthorityLevel]:
    """Get the authority level of the channel's audiences (the legacy SDK's call).

    Returns:
        ``Request[GetAuthorityLevel]``: ``authority_level``, ``"PUBLIC"`` or ``"PRIVATE"``.
    """
    return get("get_audience_group_authority_level", "/v2/bot/audienceGroup/authorityLevel")


# https://developers.line.biz/en/reference/messaging-api/#change-authority-level
# (no longer in the OpenAPI specification; kept for the legacy SDK's users)
@operation()
def change_audience_group_authority_level(
        authority_level: Literal["PUBLIC", "PRIVATE"] = "PUBLIC") -> Request[None]:
    """Change the authority level of all the channel's audiences (the legacy SDK's call).

    Args:
        authority_level: ``"PUBLIC"`` (usable by every channel linked to the bot) or
            ``"PRIVATE"``.

    Returns:
        ``Request[None]``: the answer is empty.

    Raises:
        InvalidInputError: ``authority_level`` is neither ``"PUBLIC"`` nor ``"PRIVATE"``.
    """
    if authority_level not in AUTHORITY_LEVELS:
        raise InvalidInputError(f"authority_level must be 'PUBLIC' or 'PRIVATE', "
                                f"got {authority_level!r}")
    return json_request("change_audience_group_authority_level", "PUT",
                        "/v2/bot/audienceGroup/authorityLevel",
                        {"authorityLevel": authority_level})


# -- arguments --------------------------------------------------------------------------------


def _audience_id(value: Any, name: str = "audience_group_id") -> int:
    if isinstance(value, str) and value.isascii() and value.isdigit():
        value = int(value)
    return integer(name, value, low=1)


def _group_path(template: str, audience_group_id: Any) -> str:
    return path(template, audienceGroupId=str(_audience_id(audience_group_id)))


def _flag(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise InvalidInputError(f"{name} must be True or False, got {value!r}")
    return value


def _text(name: str, value: Any) -> str | None:
    if value is not None and not isinstance(value, str):
        raise InvalidInputError(f"{name} must be a string, got {type(value).__name__}")
    return value


def _audiences(values: Any) -> list[dict[str, str]]:
    """``[{"id": ...}]`` from user IDs, ``{"id": ...}`` objects or ``Audience`` models."""
    plain = [item.get("id") if isinstance(item, Mapping) else getattr(item, "id", item)
             for item in sequence("audiences", values, "user IDs or IFAs")]
    return [{"id": value} for value in ids("audiences", plain, low=0, high=MAX_JSON_AUDIENCES)]


def _id_file(file: Any) -> tuple[str, str, str, bytes]:
    """The ``file`` part: one user ID or IFA per line, as ``text/plain``."""
    if isinstance(file, str):
        content = require_text("file", file).encode("utf-8")
    elif isinstance(file, (bytes, bytearray, memoryview)) or hasattr(file, "read"):
        content = read_bytes(file, "file")
    elif isinstance(file, Iterable):
        lines = ids("file", file, high=MAX_FILE_AUDIENCES)
        content = "\n".join(lines).encode("utf-8")
    else:
        raise InvalidInputError(f"file must be bytes, a binary file object, text or a list of "
                                f"user IDs, got {type(file).__name__}")
    if not content.strip():
        raise InvalidInputError("file must hold at least one user ID or IFA")
    return ("file", "audiences.txt", "text/plain", content)
