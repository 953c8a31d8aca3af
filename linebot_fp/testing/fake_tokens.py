"""LINE's channel access token endpoints, as :class:`~linebot_fp.testing.FakeLineApi` plays them.

``api.tokens`` (a :class:`FakeTokens`) knows the channels a test registers and
the tokens it issued, on the API's clock (``FakeLineApi(clock=FakeClock())``)::

    private_jwk, public_jwk = signing_key_pair()
    api.tokens.add_channel("1234567890", secret="s3cret", public_key=public_jwk, kid="kid-1")

* Issuing: stateless tokens (``/oauth2/v3/token``, by secret or JWT assertion) live
  900 s, short-lived ones (``/v2/oauth/accessToken``) 30 days (past 30 of a channel,
  the oldest is revoked), v2.1 ones (``/oauth2/v2.1/token``) their assertion's
  ``token_exp``, with a ``key_id``. A JWT assertion is checked as LINE checks it: RS256
  signature by the public key registered under its ``kid``, ``iss`` = ``sub`` = the
  channel id, ``aud`` = ``https://api.line.me/``, ``exp`` in the future and at most 30
  minutes ahead, ``token_exp`` (to issue a v2.1 token) a whole number of seconds up to
  30 days. A wrong secret or assertion gets 400 with LINE's OAuth error body.
* Verifying, revoking and listing key ids answer as the specification says.
* Every other endpoint answers 401 (LINE's body) to a token this fake issued once it
  expired or was revoked. A token it never issued (``"token"``) stays valid.

Checking assertions needs PyJWT with cryptography (``linebot_fp[jwt]``).
"""

from __future__ import annotations

import json
import secrets
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from linebot_fp.api.channel_token import JWT_BEARER
from linebot_fp.extras import import_extra
from linebot_fp.tokens.assertion import (
    AUDIENCE,
    MAX_ASSERTION_SECONDS,
    MAX_TOKEN_SECONDS,
    is_pem,
)
from linebot_fp.tokens.secret import Secret

__all__ = ["STATELESS_SECONDS", "SHORT_LIVED_SECONDS", "UNAUTHORIZED", "FakeTokens",
           "IssuedToken", "signing_key_pair"]

# https://developers.line.biz/en/docs/basics/channel-access-token/
#: a stateless token's life ("valid for 15 minutes")
STATELESS_SECONDS = 15 * 60
#: a short-lived token's life ("valid for 30 days")
SHORT_LIVED_SECONDS = 30 * 24 * 60 * 60
#: the most short-lived tokens a channel has at a time; issuing more revokes the oldest
SHORT_LIVED_LIMIT = 30
#: LINE's answer to an invalid channel access token
UNAUTHORIZED = {"message": "Authentication failed. Confirm that the access token in the "
                           "authorization header is valid."}

#: scope strings of the verify endpoints' answers (the specification's examples)
_SCOPES = {"v2.1": "profile chat_message.write"}
_DEFAULT_SCOPE = "P CM"
_ISSUE_PATHS = {"/oauth2/v3/token": "stateless", "/v2/oauth/accessToken": "short-lived",
                "/oauth2/v2.1/token": "v2.1"}


@dataclass(slots=True)
class IssuedToken:
    """A token the fake issued. ``token``'s ``repr`` is redacted, as in the SDK."""

    kind: str
    channel_id: str
    token: Secret
    issued_at: float
    expires_at: float
    key_id: str | None = None
    revoked: bool = False

    def valid(self, now: float) -> bool:
        """Not revoked and not expired at ``now``."""
        return not self.revoked and now < self.expires_at


@dataclass(slots=True)
class _Channel:
    secret: str | None = None
    keys: dict[str, Any] = field(default_factory=dict)  # kid -> public key


@dataclass(frozen=True, slots=True)
class Answer:
    """What an endpoint answers: a status and a JSON body (``None``: an empty body)."""

    status: int
    body: Any = None


class _RefusedError(Exception):
    def __init__(self, error: str, description: str) -> None:
        self.answer = Answer(400, {"error": error, "error_description": description})


class FakeTokens:
    """The token endpoints' state: channels, their keys and the tokens issued."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._channels: dict[str, _Channel] = {}
        self._tokens: dict[str, IssuedToken] = {}
        #: every token issued, oldest first
        self.issued: list[IssuedToken] = []
        self._lock = threading.RLock()

    def __repr__(self) -> str:
        return f"FakeTokens(channels={sorted(self._channels)!r}, issued={len(self.issued)})"

    # -- what a test does ---------------------------------------------------------------
    def add_channel(self, channel_id: str, *, secret: str | None = None,
                    public_key: Mapping[str, Any] | str | bytes | None = None,
                    kid: str | None = None) -> None:
        """Register ``channel_id``: its ``secret``, and/or a ``public_key`` (a JWK or PEM)
        under ``kid`` (call again to add another key)."""
        if (public_key is None) != (kid is None):
            raise ValueError("give public_key and kid together")
        loaded = None if public_key is None else _public_key(public_key)
        with self._lock:
            channel = self._channels.setdefault(channel_id, _Channel())
            if secret is not None:
                channel.secret = secret
            if kid is not None:
                channel.keys[kid] = loaded

    def revoke(self, token: str) -> None:
        """Revoke ``token`` as if its owner had (``KeyError`` if the fake never issued it)."""
        with self._lock:
            self._tokens[token].revoked = True

    def valid(self, token: str) -> bool:
        """Whether LINE would take ``token`` now (a token the fake never issued: yes)."""
        with self._lock:
            issued = self._tokens.get(token)
            return issued is None or issued.valid(self._clock())

    def issued_for(self, channel_id: str, kind: str | None = None) -> list[IssuedToken]:
        """The tokens issued to ``channel_id`` (of ``kind`` only, if given)."""
        with self._lock:
            return [t for t in self.issued if t.channel_id == channel_id
                    and (kind is None or t.kind == kind)]

    # -- what FakeLineApi asks ----------------------------------------------------------
    def refusal(self, headers: Mapping[str, str]) -> Answer | None:
        """401 for a request carrying an issued token that expired or was revoked."""
        authorization = headers.get("Authorization", "")
        if not authorization.startswith("Bearer "):
            return None
        with self._lock:
            issued = self._tokens.get(authorization[len("Bearer "):])
            if issued is None or issued.valid(self._clock()):
                return None
        return Answer(401, UNAUTHORIZED)

    def answer(self, method: str, path: str, query: tuple[tuple[str, str], ...],
               body: bytes) -> Answer | None:
        """The answer of a token endpoint, or ``None`` for any other request."""
        endpoint = _ENDPOINTS.get((method, path))
        if endpoint is None:
            return None
        fields = dict(query) if method == "GET" else dict(
            parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
        with self._lock:
            try:
                return endpoint(self, fields, path)
            except _RefusedError as refused:
                return refused.answer

    # -- the endpoints ------------------------------------------------------------------
    def _issue(self, fields: dict[str, str], path: str) -> Answer:
        kind = _ISSUE_PATHS[path]
        if fields.get("grant_type") != "client_credentials":
            raise _RefusedError("unsupported_grant_type", "grant_type must be client_credentials")
        now = self._clock()
        if kind == "v2.1" or "client_assertion" in fields:
            channel_id, claims = self._check_assertion(fields, needs_token_exp=kind == "v2.1")
        else:
            channel_id = self._check_secret(fields)
            claims = {}
        if kind == "v2.1":
            lifetime = float(claims["token_exp"])
        else:
            lifetime = STATELESS_SECONDS if kind == "stateless" else SHORT_LIVED_SECONDS
        issued = IssuedToken(kind, channel_id, Secret(secrets.token_urlsafe(32)), now,
                             now + lifetime,
                             secrets.token_urlsafe(16) if kind == "v2.1" else None)
        self._tokens[issued.token] = issued
        self.issued.append(issued)
        if kind == "short-lived":
            self._limit_short_lived(channel_id, now)
        body: dict[str, Any] = {"access_token": issued.token.reveal(),
                                "expires_in": int(lifetime), "token_type": "Bearer"}
        if issued.key_id is not None:
            body["key_id"] = issued.key_id
        return Answer(200, body)

    def _limit_short_lived(self, channel_id: str, now: float) -> None:
        live = [t for t in self.issued if t.kind == "short-lived" and t.channel_id == channel_id
                and t.valid(now)]
        for oldest in live[:max(len(live) - SHORT_LIVED_LIMIT, 0)]:
            oldest.revoked = True

    def _verify(self, fields: dict[str, str], path: str) -> Answer:
        v21 = path.startswith("/oauth2/")
        issued = self._tokens.get(fields.get("access_token", ""))
        now = self._clock()
        if issued is None or (issued.kind == "v2.1") != v21:
            raise _RefusedError("invalid_request", "invalid access token")
        if not issued.valid(now):
            raise _RefusedError("invalid_request", "access token expired")
        return Answer(200, {"client_id": issued.channel_id,
                            "expires_in": int(issued.expires_at - now),
                            "scope": _SCOPES.get(issued.kind, _DEFAULT_SCOPE)})

    def _revoke(self, fields: dict[str, str], path: str) -> Answer:
        issued = self._tokens.get(fields.get("access_token", ""))
        if path.startswith("/oauth2/"):  # v2.1: the channel's id and secret too
            channel_id = self._check_secret(fields)
            if issued is not None and issued.kind == "v2.1" and issued.channel_id == channel_id:
                issued.revoked = True
        elif issued is not None and issued.kind == "short-lived":
            issued.revoked = True  # stateless tokens cannot be revoked; others are unknown
        return Answer(200)

    def _key_ids(self, fields: dict[str, str], path: str) -> Answer:
        channel_id, _ = self._check_assertion(fields, needs_token_exp=False)
        now = self._clock()
        return Answer(200, {"kids": [t.key_id for t in self.issued
                                     if t.kind == "v2.1" and t.channel_id == channel_id
                                     and t.valid(now)]})

    # -- checks -------------------------------------------------------------------------
    def _check_secret(self, fields: dict[str, str]) -> str:
        channel_id = fields.get("client_id", "")
        channel = self._channels.get(channel_id)
        if channel is None or channel.secret is None \
                or not secrets.compare_digest(channel.secret, fields.get("client_secret", "")):
            raise _RefusedError("invalid_client", "invalid client_id or client_secret")
        return channel_id

    def _check_assertion(self, fields: dict[str, str], *, needs_token_exp: bool
                         ) -> tuple[str, dict[str, Any]]:
        if fields.get("client_assertion_type") != JWT_BEARER:
            raise _RefusedError("invalid_request", f"client_assertion_type must be {JWT_BEARER}")
        jwt = import_extra("jwt", "jwt", "FakeLineApi's JWT assertion checks")
        assertion = fields.get("client_assertion", "")
        try:
            header = jwt.get_unverified_header(assertion)
            unverified = jwt.decode(assertion, options={"verify_signature": False})
        except jwt.PyJWTError:
            raise _RefusedError("invalid_request", "client_assertion is not a JWT") from None
        channel_id = str(unverified.get("iss", ""))
        channel = self._channels.get(channel_id)
        key = None if channel is None else channel.keys.get(str(header.get("kid")))
        if key is None or header.get("alg") != "RS256":
            raise _RefusedError("invalid_client", "no RS256 public key registered under this kid "
                                             "for the channel in iss")
        try:
            claims: dict[str, Any] = jwt.decode(
                assertion, key, algorithms=["RS256"], audience=AUDIENCE,
                options={"verify_exp": False, "require": ["iss", "sub", "aud", "exp"]})
        except jwt.PyJWTError as error:
            raise _RefusedError("invalid_client", f"invalid client_assertion: {error}") from None
        _check_claims(claims, channel_id, self._clock(), needs_token_exp=needs_token_exp)
        return channel_id, claims


def _check_claims(claims: dict[str, Any], channel_id: str, now: float, *,
                  needs_token_exp: bool) -> None:
    if claims.get("sub") != channel_id:
        raise _RefusedError("invalid_client", "iss and sub must both be the channel id")
    expires = claims.get("exp")
    if not isinstance(expires, (int, float)) or isinstance(expires, bool) or expires <= now:
        raise _RefusedError("invalid_client", "client_assertion expired")
    if expires > now + MAX_ASSERTION_SECONDS:
        raise _RefusedError("invalid_client", "exp is more than 30 minutes ahead")
    token_exp = claims.get("token_exp")
    if token_exp is None and not needs_token_exp:
        return
    if isinstance(token_exp, bool) or not isinstance(token_exp, int) \
            or not 0 < token_exp <= MAX_TOKEN_SECONDS:
        raise _RefusedError("invalid_request", "token_exp must be whole seconds, at most 30 days")


def _public_key(key: Mapping[str, Any] | str | bytes) -> Any:
    algorithms = import_extra("jwt.algorithms", "jwt", "FakeLineApi's JWT assertion checks")
    serialization = import_extra("cryptography.hazmat.primitives.serialization", "jwt",
                                 "FakeLineApi's JWT assertion checks")
    if is_pem(key):
        assert isinstance(key, (str, bytes))
        data = key.encode() if isinstance(key, str) else key
        return serialization.load_pem_public_key(data)
    jwk = json.loads(key) if isinstance(key, (str, bytes)) else dict(key)
    public = {name: value for name, value in jwk.items()
              if name not in ("d", "p", "q", "dp", "dq", "qi")}  # the public half only
    return algorithms.RSAAlgorithm.from_jwk(public)


def signing_key_pair() -> tuple[dict[str, Any], dict[str, Any]]:
    """A new Assertion Signing Key, as ``(private JWK, public JWK)``: RSA 2048, RS256.

    The public JWK is what LINE's console registers (``kty``, ``alg``, ``use``, ``n``,
    ``e``); the private one is what :class:`~linebot_fp.tokens.V21Token` takes.
    """
    rsa = import_extra("cryptography.hazmat.primitives.asymmetric.rsa", "jwt",
                       "signing_key_pair")
    algorithms = import_extra("jwt.algorithms", "jwt", "signing_key_pair")
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private: dict[str, Any] = {**json.loads(algorithms.RSAAlgorithm.to_jwk(key)),
                               "alg": "RS256", "key_ops": ["sign"]}
    public: dict[str, Any] = {**json.loads(algorithms.RSAAlgorithm.to_jwk(key.public_key())),
                              "alg": "RS256", "use": "sig"}
    return private, public


_Endpoint = Callable[[FakeTokens, dict[str, str], str], Answer]
_ENDPOINTS: dict[tuple[str, str], _Endpoint] = {
    ("POST", "/oauth2/v3/token"): FakeTokens._issue,
    ("POST", "/v2/oauth/accessToken"): FakeTokens._issue,
    ("POST", "/oauth2/v2.1/token"): FakeTokens._issue,
    ("POST", "/v2/oauth/verify"): FakeTokens._verify,
    ("GET", "/oauth2/v2.1/verify"): FakeTokens._verify,
    ("POST", "/v2/oauth/revoke"): FakeTokens._revoke,
    ("POST", "/oauth2/v2.1/revoke"): FakeTokens._revoke,
    ("GET", "/oauth2/v2.1/tokens/kid"): FakeTokens._key_ids,
}
