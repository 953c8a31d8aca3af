"""Audiences for narrowcast: the request objects and what the audience endpoints answer.

https://developers.line.biz/en/reference/messaging-api/#manage-audience-group
Request objects are checked on construction; answers are read leniently (every
field may be missing, enum-like values are plain strings). This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from linebot_fp.models._base import Model, check_count

__all__ = [
    "Adaccount",
    "AddAudienceToAudienceGroupRequest",
    "Audience",
    "AudienceGroup",
    "ClickAudienceGroup",
    "CreateAudienceGroup",
    "CreateAudienceGroupRequest",
    "CreateClickBasedAudienceGroupRequest",
    "CreateImpBasedAudienceGroupRequest",
    "DetailedOwner",
    "GetAudienceDataResponse",
    "GetAudienceGroupsResponse",
    "GetAuthorityLevel",
    "GetSharedAudienceDataResponse",
    "GetSharedAudienceGroupsResponse",
    "ImpAudienceGroup",
    "JobInsight",
    "UpdateAudienceGroupDescriptionRequest",
]

#: most user IDs or IFAs one JSON upload may carry
MAX_AUDIENCES = 10_000


# -- request objects --------------------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#create-upload-audience-group


@dataclass(frozen=True, slots=True, kw_only=True)
class Audience(Model):
    """One recipient of an audience for uploading user IDs: a user ID or an IFA."""

    id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateAudienceGroupRequest(Model):
    """Body of "create audience for uploading user IDs (by JSON)"."""

    description: str
    is_ifa_audience: bool | None = None
    upload_description: str | None = None
    audiences: Sequence[Audience] | None = None

    def _check(self) -> None:
        check_count(self, "audiences", self.audiences, 0, MAX_AUDIENCES)


@dataclass(frozen=True, slots=True, kw_only=True)
class AddAudienceToAudienceGroupRequest(Model):
    """Body of "add user IDs or IFAs to an audience for uploading user IDs (by JSON)"."""

    audience_group_id: int
    audiences: Sequence[Audience]
    upload_description: str | None = None

    def _check(self) -> None:
        check_count(self, "audiences", self.audiences, 0, MAX_AUDIENCES)


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateClickBasedAudienceGroupRequest(Model):
    """Body of "create audience for click-based retargeting"."""

    description: str
    request_id: str
    click_url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateImpBasedAudienceGroupRequest(Model):
    """Body of "create audience for impression-based retargeting"."""

    description: str
    request_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateAudienceGroupDescriptionRequest(Model):
    """Body of "rename an audience"."""

    description: str


# -- answers ------------------------------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#create-upload-audience-group-response


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateAudienceGroup(Model):
    """The audience for uploading user IDs just created (by JSON or by file)."""

    audience_group_id: int | None = None
    create_route: str | None = None
    type: str | None = None
    description: str | None = None
    created: int | None = None
    permission: str | None = None
    expire_timestamp: int | None = None
    is_ifa_audience: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ClickAudienceGroup(Model):
    """The audience for click-based retargeting just created."""

    audience_group_id: int | None = None
    create_route: str | None = None
    type: str | None = None
    description: str | None = None
    created: int | None = None
    permission: str | None = None
    expire_timestamp: int | None = None
    is_ifa_audience: bool | None = None
    request_id: str | None = None
    click_url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ImpAudienceGroup(Model):
    """The audience for impression-based retargeting just created."""

    audience_group_id: int | None = None
    create_route: str | None = None
    type: str | None = None
    description: str | None = None
    created: int | None = None
    permission: str | None = None
    expire_timestamp: int | None = None
    is_ifa_audience: bool | None = None
    request_id: str | None = None


# https://developers.line.biz/en/reference/messaging-api/#get-audience-group


@dataclass(frozen=True, slots=True, kw_only=True)
class JobInsight(Model):
    """One attempt to add user IDs or IFAs to an audience (an audience group job).

    LINE's examples carry the job's status both as ``jobStatus`` and as ``status``.
    """

    audience_group_job_id: int | None = None
    audience_group_id: int | None = None
    description: str | None = None
    type: str | None = None
    job_status: str | None = None
    status: str | None = None
    failed_type: str | None = None
    audience_count: int | None = None
    created: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AudienceGroup(Model):
    """One audience: its ID, type, name, status and size.

    ``jobs`` is never sent inside an audience by the API; it is kept for code
    written for the legacy SDK, which declared it.
    """

    audience_group_id: int | None = None
    type: str | None = None
    description: str | None = None
    status: str | None = None
    failed_type: str | None = None
    audience_count: int | None = None
    created: int | None = None
    request_id: str | None = None
    click_url: str | None = None
    is_ifa_audience: bool | None = None
    permission: str | None = None
    create_route: str | None = None
    expire_timestamp: int | None = None
    activated: int | None = None
    inactive_timestamp: int | None = None
    jobs: Sequence[JobInsight] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Adaccount(Model):
    """The ad account that created an audience (LINE Ads)."""

    name: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DetailedOwner(Model):
    """The owner of a shared audience: service, ID in that service, and name."""

    service_type: str | None = None
    id: str | None = None
    name: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class GetAudienceDataResponse(Model):
    """One audience with its upload jobs (and its ad account, when LINE Ads made it)."""

    audience_group: AudienceGroup | None = None
    jobs: Sequence[JobInsight] | None = None
    adaccount: Adaccount | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class GetSharedAudienceDataResponse(Model):
    """One audience shared by the Business Manager, with its jobs and owner."""

    audience_group: AudienceGroup | None = None
    jobs: Sequence[JobInsight] | None = None
    owner: DetailedOwner | None = None


# https://developers.line.biz/en/reference/messaging-api/#get-audience-groups


@dataclass(frozen=True, slots=True, kw_only=True)
class GetAudienceGroupsResponse(Model):
    """One page of audiences; ask for ``page + 1`` while ``has_next_page``."""

    audience_groups: Sequence[AudienceGroup] | None = None
    has_next_page: bool | None = None
    total_count: int | None = None
    read_write_audience_group_total_count: int | None = None
    page: int | None = None
    size: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class GetSharedAudienceGroupsResponse(GetAudienceGroupsResponse):
    """One page of audiences, including those shared by the Business Manager (same fields)."""


# https://developers.line.biz/en/reference/messaging-api/#get-authority-level


@dataclass(frozen=True, slots=True, kw_only=True)
class GetAuthorityLevel(Model):
    """The authority level of the channel's audiences: ``PUBLIC`` or ``PRIVATE``."""

    authority_level: str | None = None
