"""Token providers for stateless tokens and short-lived (v2) tokens.

https://developers.line.biz/en/docs/basics/channel-access-token/
Stateless tokens live 15 minutes and cannot be revoked; short-lived tokens live
30 days (at most 30 of them valid at a time, so they are worth caching). The v2.1
provider is :class:`~linebot_fp.tokens.v21.V21Token`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from linebot_fp.api.channel_token import (
    issue_channel_token,
    issue_stateless_channel_token,
    revoke_channel_token,
)
from linebot_fp.errors import InvalidInputError
from linebot_fp.tokens.cache import TokenCache
from linebot_fp.tokens.calls import call
from linebot_fp.tokens.renewing import RenewingToken
from linebot_fp.tokens.secret import Secret
from linebot_fp.tokens.static import check_token
from linebot_fp.transport import Timeout, Transport

if TYPE_CHECKING:
    from linebot_fp.request import Request

__all__ = ["ShortLivedToken", "StatelessToken"]


class _SecretIssued(RenewingToken):
    """A provider issuing with the channel id and secret."""

    def __init__(self, channel_id: str, channel_secret: str, *,
                 cache: TokenCache | None = None, endpoints: Mapping[str, str] | None = None,
                 timeout: Timeout = 5.0, transport: Transport | None = None,
                 clock: Callable[[], float] | None = None) -> None:
        super().__init__(channel_id, cache=cache, endpoints=endpoints, timeout=timeout,
                         transport=transport, clock=clock)
        if not isinstance(channel_secret, str) or not channel_secret.strip():
            raise InvalidInputError("channel_secret must be a non-empty string (the channel "
                                    "secret on LINE's console)")
        self._channel_secret = Secret(channel_secret.strip())

    def _secrets(self) -> tuple[str, ...]:
        return (self._channel_secret,)


class StatelessToken(_SecretIssued):
    """Stateless channel access tokens: issued by channel id and secret, 15 minutes each.

    https://developers.line.biz/en/reference/messaging-api/#issue-stateless-channel-access-token
    They cannot be revoked and have no limit on how many are valid, so every process may
    issue its own; a shared cache still saves the calls (a Lambda cold start reuses one).
    """

    kind = "stateless"

    def _issue_request(self, now: float) -> Request[Any]:
        return issue_stateless_channel_token(client_id=self.channel_id,
                                             client_secret=self._channel_secret)


class ShortLivedToken(_SecretIssued):
    """Short-lived channel access tokens (v2): issued by channel id and secret, 30 days each.

    https://developers.line.biz/en/reference/messaging-api/#issue-shortlived-channel-access-token
    At most 30 are valid at a time per channel: share a cache between processes.
    """

    kind = "short-lived"

    def _issue_request(self, now: float) -> Request[Any]:
        return issue_channel_token(self.channel_id, self._channel_secret)

    def revoke(self, access_token: str | None = None) -> None:
        """Revoke ``access_token`` (default: the current one, which is then forgotten).

        https://developers.line.biz/en/reference/messaging-api/#revoke-longlived-or-shortlived-channel-access-token
        Raises :class:`~linebot_fp.errors.ChannelTokenError` when LINE refuses.
        """
        revoked = check_token(access_token) if access_token is not None else self.token()
        call(self.reach, revoke_channel_token(revoked), action="revoke", kind=self.kind,
             channel_id=self.channel_id, secrets=(revoked,))
        self._forget(revoked)
