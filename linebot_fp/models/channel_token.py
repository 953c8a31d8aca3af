"""What the channel access token (OAuth) endpoints answer.

https://developers.line.biz/en/reference/messaging-api/#channel-access-token
These bodies use snake_case keys (``access_token``, ``expires_in``), so every
class here says ``wire_style = "snake"``. This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._base import Model

__all__ = [
    "ChannelAccessTokens",
    "IssueChannelTokenResponse",
    "IssueChannelTokenResponseV2",
    "IssueStatelessChannelAccessTokenResponse",
    "ValidAccessTokenKeyIDsResponse",
    "VerifyChannelAccessTokenResponse",
    "VerifyChannelTokenResponseV2",
]


# https://developers.line.biz/en/reference/messaging-api/#issue-shortlived-channel-access-token


@dataclass(frozen=True, slots=True, kw_only=True)
class IssueChannelTokenResponse(Model):
    """A short-lived channel access token (valid for 30 days)."""

    wire_style: ClassVar[str] = "snake"
    access_token: str | None = None
    expires_in: int | None = None
    token_type: str | None = None


# https://developers.line.biz/en/reference/messaging-api/#issue-stateless-channel-access-token


@dataclass(frozen=True, slots=True, kw_only=True)
class IssueStatelessChannelAccessTokenResponse(Model):
    """A stateless channel access token (valid for 15 minutes, cannot be revoked)."""

    wire_style: ClassVar[str] = "snake"
    access_token: str | None = None
    expires_in: int | None = None
    token_type: str | None = None


# https://developers.line.biz/en/reference/messaging-api/#issue-channel-access-token-v2-1


@dataclass(frozen=True, slots=True, kw_only=True)
class IssueChannelTokenResponseV2(Model):
    """A channel access token v2.1 and the key ID that identifies it."""

    wire_style: ClassVar[str] = "snake"
    access_token: str | None = None
    expires_in: int | None = None
    token_type: str | None = None
    key_id: str | None = None


# https://developers.line.biz/en/reference/messaging-api/#verify-channel-access-token


@dataclass(frozen=True, slots=True, kw_only=True)
class VerifyChannelAccessTokenResponse(Model):
    """A valid token's channel ID, seconds left and scope."""

    wire_style: ClassVar[str] = "snake"
    client_id: str | None = None
    expires_in: int | None = None
    scope: str | None = None


# https://developers.line.biz/en/reference/messaging-api/#verify-channel-access-token-v2-1


@dataclass(frozen=True, slots=True, kw_only=True)
class VerifyChannelTokenResponseV2(VerifyChannelAccessTokenResponse):
    """The verification result of a channel access token v2.1 (the legacy name)."""


# https://developers.line.biz/en/reference/messaging-api/#get-all-valid-channel-access-token-key-ids-v2-1


@dataclass(frozen=True, slots=True, kw_only=True)
class ValidAccessTokenKeyIDsResponse(Model):
    """The key IDs of all valid channel access tokens v2.1."""

    wire_style: ClassVar[str] = "snake"
    kids: Sequence[str] | None = None


# https://developers.line.biz/en/reference/messaging-api/#get-issued-channel-access-tokens-v2-1


@dataclass(frozen=True, slots=True, kw_only=True)
class ChannelAccessTokens(Model):
    """The channel access tokens v2.1 issued to the channel (no longer documented by LINE)."""

    wire_style: ClassVar[str] = "snake"
    access_tokens: Sequence[str] | None = None
