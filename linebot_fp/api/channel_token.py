"""Builders for the channel access token (OAuth) endpoints.

https://developers.line.biz/en/reference/messaging-api/#channel-access-token
Issuing, verifying and revoking send ``application/x-www-form-urlencoded`` forms;
the ``get`` operations of v2.1 put their arguments in the query. These endpoints
authenticate by the form (channel ID and secret, or a JWT assertion), not by a
channel access token. This module performs no I/O.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from linebot_fp.api._build import form_request, get, query, require_id
from linebot_fp.api._registry import operation
from linebot_fp.errors import InvalidInputError

if TYPE_CHECKING:
    from linebot_fp.models.channel_token import (
        ChannelAccessTokens,
        IssueChannelTokenResponse,
        IssueChannelTokenResponseV2,
        IssueStatelessChannelAccessTokenResponse,
        ValidAccessTokenKeyIDsResponse,
        VerifyChannelAccessTokenResponse,
        VerifyChannelTokenResponseV2,
    )
    from linebot_fp.request import Request

__all__ = [
    "JWT_BEARER",
    "get_channel_access_tokens_v2_1",
    "get_channel_token_key_ids_v2_1",
    "issue_channel_access_token_v2_1",
    "issue_channel_token",
    "issue_stateless_channel_token",
    "revoke_channel_access_token_v2_1",
    "revoke_channel_token",
    "verify_channel_access_token_v2_1",
    "verify_channel_token",
]
__docformat__ = "google"  # pdoc renders the Args / Returns / Raises sections


#: the only ``client_assertion_type`` LINE accepts
JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"


# -- short-lived and long-lived tokens (v2) ----------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#issue-shortlived-channel-access-token
@operation("issueChannelToken")
def issue_channel_token(
    client_id: str, client_secret: str, grant_type: str = "client_credentials",
) -> Request[IssueChannelTokenResponse]:
    """Issue a short-lived channel access token (valid for 30 days; at most 30 at a time).

    Args:
        client_id: the channel id.
        client_secret: the channel secret.
        grant_type: always ``"client_credentials"`` (the default).

    Returns:
        ``Request[IssueChannelTokenResponse]``: the ``access_token``, ``expires_in``
        (seconds) and ``token_type`` (``"Bearer"``).

    Raises:
        InvalidInputError: an argument is not a non-empty string.
    """
    return form_request("issue_channel_token", "/v2/oauth/accessToken", {
        "grant_type": require_id("grant_type", grant_type),
        "client_id": require_id("client_id", client_id),
        "client_secret": require_id("client_secret", client_secret),
    })


# https://developers.line.biz/en/reference/messaging-api/#verify-channel-access-token
@operation("verifyChannelToken")
def verify_channel_token(access_token: str) -> Request[VerifyChannelAccessTokenResponse]:
    """Check a short-lived or long-lived channel access token.

    Args:
        access_token: the token to check.

    Returns:
        ``Request[VerifyChannelAccessTokenResponse]``: the ``client_id`` (channel id) it
        belongs to, ``expires_in`` (seconds) and ``scope``; an invalid token makes the send
        raise ``LineBotApiError`` (400).

    Raises:
        InvalidInputError: ``access_token`` is not a non-empty string.
    """
    return form_request("verify_channel_token", "/v2/oauth/verify",
                        {"access_token": require_id("access_token", access_token)})


# https://developers.line.biz/en/reference/messaging-api/#revoke-longlived-or-shortlived-channel-access-token
@operation("revokeChannelToken")
def revoke_channel_token(access_token: str) -> Request[None]:
    """Revoke a short-lived or long-lived channel access token.

    Args:
        access_token: the token to revoke.

    Returns:
        ``Request[None]``: the answer is empty.

    Raises:
        InvalidInputError: ``access_token`` is not a non-empty string.
    """
    return form_request("revoke_channel_token", "/v2/oauth/revoke",
                        {"access_token": require_id("access_token", access_token)})


# -- tokens with a user-specified expiration (v2.1) ----------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#issue-channel-access-token-v2-1
@operation("issueChannelTokenByJWT")
def issue_channel_access_token_v2_1(
    client_assertion: str, grant_type: str = "client_credentials",
    client_assertion_type: str = JWT_BEARER,
) -> Request[IssueChannelTokenResponseV2]:
    """Issue a channel access token v2.1 (any expiry up to 30 days; at most 30 at a time).

    Args:
        client_assertion: a JWT signed with the private key of the channel's Assertion
            Signing Key. Its ``token_exp`` claim sets the token's expiry.
        grant_type: always ``"client_credentials"`` (the default).
        client_assertion_type: always ``JWT_BEARER`` (the default).

    Returns:
        ``Request[IssueChannelTokenResponseV2]``: the ``access_token``, ``expires_in``
        (seconds), ``token_type`` and the ``key_id`` that names it (to revoke it later).

    Raises:
        InvalidInputError: an argument is not a non-empty string.
    """
    return form_request("issue_channel_access_token_v2_1", "/oauth2/v2.1/token", {
        "grant_type": require_id("grant_type", grant_type),
        "client_assertion_type": require_id("client_assertion_type", client_assertion_type),
        "client_assertion": require_id("client_assertion", client_assertion),
    })


# https://developers.line.biz/en/reference/messaging-api/#verify-channel-access-token-v2-1
@operation("verifyChannelTokenByJWT")
def verify_channel_access_token_v2_1(access_token: str) -> Request[VerifyChannelTokenResponseV2]:
    """Check a channel access token v2.1.

    Args:
        access_token: the token to check.

    Returns:
        ``Request[VerifyChannelTokenResponseV2]``: the ``client_id`` (channel id) it belongs
        to, ``expires_in`` (seconds) and ``scope``; an invalid token makes the send raise
        ``LineBotApiError`` (400).

    Raises:
        InvalidInputError: ``access_token`` is not a non-empty string.
    """
    return get("verify_channel_access_token_v2_1", "/oauth2/v2.1/verify",
               query_=query(access_token=require_id("access_token", access_token)))


# https://developers.line.biz/en/reference/messaging-api/#revoke-channel-access-token-v2-1
@operation("revokeChannelTokenByJWT")
def revoke_channel_access_token_v2_1(client_id: str, client_secret: str,
                                     access_token: str) -> Request[None]:
    """Revoke a channel access token v2.1.

    Args:
        client_id: the channel id.
        client_secret: the channel secret.
        access_token: the token to revoke.

    Returns:
        ``Request[None]``: the answer is empty.

    Raises:
        InvalidInputError: an argument is not a non-empty string.
    """
    return form_request("revoke_channel_access_token_v2_1", "/oauth2/v2.1/revoke", {
        "client_id": require_id("client_id", client_id),
        "client_secret": require_id("client_secret", client_secret),
        "access_token": require_id("access_token", access_token),
    })


# https://developers.line.biz/en/reference/messaging-api/#get-all-valid-channel-access-token-key-ids-v2-1
@operation("getsAllValidChannelAccessTokenKeyIds")
def get_channel_token_key_ids_v2_1(
    client_assertion: str, client_assertion_type: str = JWT_BEARER,
) -> Request[ValidAccessTokenKeyIDsResponse]:
    """Get the key ids of the channel's valid access tokens v2.1.

    Args:
        client_assertion: a JWT signed with the private key of the channel's Assertion
            Signing Key.
        client_assertion_type: always ``JWT_BEARER`` (the default).

    Returns:
        ``Request[ValidAccessTokenKeyIDsResponse]``: the key ids, in ``kids``.

    Raises:
        InvalidInputError: an argument is not a non-empty string.
    """
    return get("get_channel_token_key_ids_v2_1", "/oauth2/v2.1/tokens/kid",
               query_=_assertion(client_assertion, client_assertion_type))


# https://developers.line.biz/en/reference/messaging-api/#get-issued-channel-access-tokens-v2-1
# (no longer in the OpenAPI specification; kept for the legacy SDK's users)
@operation()
def get_channel_access_tokens_v2_1(
    client_assertion: str, client_assertion_type: str = JWT_BEARER,
) -> Request[ChannelAccessTokens]:
    """Get the channel access tokens v2.1 issued to the channel (the legacy SDK's call).

    LINE no longer documents this endpoint; :func:`get_channel_token_key_ids_v2_1` is its
    successor.

    Args:
        client_assertion: a JWT signed with the private key of the channel's Assertion
            Signing Key.
        client_assertion_type: always ``JWT_BEARER`` (the default).

    Returns:
        ``Request[ChannelAccessTokens]``: the tokens, in ``access_tokens``.

    Raises:
        InvalidInputError: an argument is not a non-empty string.
    """
    return get("get_channel_access_tokens_v2_1", "/oauth2/v2.1/tokens",
               query_=_assertion(client_assertion, client_assertion_type))


# -- stateless tokens (v3) -----------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#issue-stateless-channel-access-token
@operation("issueStatelessChannelToken")
def issue_stateless_channel_token(
    client_assertion: str | None = None, client_id: str | None = None,
    client_secret: str | None = None, *, grant_type: str = "client_credentials",
    client_assertion_type: str = JWT_BEARER,
) -> Request[IssueStatelessChannelAccessTokenResponse]:
    """Issue a stateless channel access token (valid for 15 minutes; it cannot be revoked).

    Authenticate by a signed JWT (``client_assertion``), or by the channel's ``client_id``
    and ``client_secret``: one way, not both.

    Args:
        client_assertion: a JWT signed with the private key of the channel's Assertion
            Signing Key.
        client_id: the channel id.
        client_secret: the channel secret.
        grant_type: always ``"client_credentials"`` (the default).
        client_assertion_type: always ``JWT_BEARER`` (the default).

    Returns:
        ``Request[IssueStatelessChannelAccessTokenResponse]``: the ``access_token``,
        ``expires_in`` (seconds) and ``token_type``.

    Raises:
        InvalidInputError: neither way or both ways are given, or a given argument is not a
            non-empty string.
    """
    if client_assertion is not None:
        if client_id is not None or client_secret is not None:
            raise InvalidInputError("give either client_assertion or client_id and "
                                    "client_secret, not both")
        fields = {
            "grant_type": require_id("grant_type", grant_type),
            "client_assertion_type": require_id("client_assertion_type", client_assertion_type),
            "client_assertion": require_id("client_assertion", client_assertion),
        }
    elif client_id is not None or client_secret is not None:
        fields = {
            "grant_type": require_id("grant_type", grant_type),
            "client_id": require_id("client_id", client_id),
            "client_secret": require_id("client_secret", client_secret),
        }
    else:
        raise InvalidInputError("issue_stateless_channel_token needs client_assertion, or "
                                "client_id and client_secret")
    return form_request("issue_stateless_channel_token", "/oauth2/v3/token", fields)


def _assertion(client_assertion: str, client_assertion_type: str) -> tuple[tuple[str, str], ...]:
    return query(client_assertion_type=require_id("client_assertion_type", client_assertion_type),
                 client_assertion=require_id("client_assertion", client_assertion))
