"""``V21Token``: channel access tokens v2.1, issued by a JWT assertion, for a lifetime you choose.

https://developers.line.biz/en/docs/messaging-api/generate-json-web-token/
The assertion is signed with the private key of the channel's Assertion Signing
Key (see :mod:`linebot_fp.tokens.assertion`; extra ``linebot_fp[jwt]``). A token
lives up to 30 days; at most 30 are valid at a time per channel, each named by the
``key_id`` LINE gives it: :meth:`V21Token.key_ids` lists the valid ones and
:meth:`V21Token.revoke` revokes a token.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from linebot_fp.api.channel_token import (
    get_channel_token_key_ids_v2_1,
    issue_channel_access_token_v2_1,
    revoke_channel_access_token_v2_1,
)
from linebot_fp.errors import InvalidInputError
from linebot_fp.tokens.assertion import (
    MAX_TOKEN_SECONDS,
    PrivateKey,
    check_lifetime,
    make_assertion,
)
from linebot_fp.tokens.cache import TokenCache
from linebot_fp.tokens.calls import call
from linebot_fp.tokens.renewing import RenewingToken
from linebot_fp.tokens.secret import Secret
from linebot_fp.tokens.static import check_token
from linebot_fp.transport import Timeout, Transport

if TYPE_CHECKING:
    from linebot_fp.request import Request

__all__ = ["V21Token"]


class V21Token(RenewingToken):
    """Channel access tokens v2.1 of ``channel_id``, signed for with ``private_key`` under ``kid``.

    ``private_key`` is the Assertion Signing Key's private key, as the JWK dict (or its
    JSON text) you generated, or a PEM text; ``kid`` the key id LINE's console gave its
    public half. ``lifetime`` is how long each token lives, in seconds (default and most:
    30 days). The other keywords are those of
    :class:`~linebot_fp.tokens.renewing.RenewingToken`.
    """

    kind = "v2.1"

    def __init__(self, channel_id: str, private_key: Mapping[str, Any] | str | bytes,
                 kid: str, lifetime: float = MAX_TOKEN_SECONDS, *,
                 cache: TokenCache | None = None, endpoints: Mapping[str, str] | None = None,
                 timeout: Timeout = 5.0, transport: Transport | None = None,
                 clock: Callable[[], float] | None = None) -> None:
        super().__init__(channel_id, cache=cache, endpoints=endpoints, timeout=timeout,
                         transport=transport, clock=clock)
        if not isinstance(kid, str) or not kid.strip():
            raise InvalidInputError("kid must be the key id LINE's console gave the public "
                                    "key (a non-empty string)")
        self.kid = kid.strip()
        self.lifetime = check_lifetime(lifetime)
        self._private_key = private_key if isinstance(private_key, PrivateKey) \
            else PrivateKey(private_key)

    def assertion(self, *, token_exp: int | None = None) -> Secret:
        """A fresh JWT assertion for this channel (``token_exp``: to issue a token)."""
        return make_assertion(self.channel_id, self._private_key, self.kid, now=self.clock(),
                              token_exp=token_exp)

    def _issue_request(self, now: float) -> Request[Any]:
        return issue_channel_access_token_v2_1(self.assertion(token_exp=self.lifetime))

    def key_ids(self) -> tuple[str, ...]:
        """The key ids of the channel's valid tokens v2.1 (the current one's is
        ``current().key_id``).

        https://developers.line.biz/en/reference/messaging-api/#get-all-valid-channel-access-token-key-ids-v2-1
        Raises :class:`~linebot_fp.errors.ChannelTokenError` when LINE refuses.
        """
        assertion = self.assertion()
        answer = call(self.reach, get_channel_token_key_ids_v2_1(assertion),
                      action="list the key ids of", kind=self.kind, channel_id=self.channel_id,
                      secrets=(assertion,))
        return tuple(answer.kids or ())

    def revoke(self, access_token: str | None = None, *, channel_secret: str) -> None:
        """Revoke ``access_token`` (default: the current one, which is then forgotten).

        https://developers.line.biz/en/reference/messaging-api/#revoke-channel-access-token-v2-1
        LINE asks for the channel secret to revoke a v2.1 token. Raises
        :class:`~linebot_fp.errors.ChannelTokenError` when LINE refuses.
        """
        secret = Secret(channel_secret) if isinstance(channel_secret, str) else channel_secret
        revoked = check_token(access_token) if access_token is not None else self.token()
        call(self.reach, revoke_channel_access_token_v2_1(self.channel_id, secret, revoked),
             action="revoke", kind=self.kind, channel_id=self.channel_id,
             secrets=(secret, revoked))
        self._forget(revoked)
