"""JWT assertions for channel access tokens v2.1: the private key, the claims, the signature.

https://developers.line.biz/en/docs/messaging-api/generate-json-web-token/
An assertion is a JWT signed RS256 with the private key of the channel's Assertion
Signing Key (an RSA key of 2048 bits), its ``kid`` in the header; its claims are
``iss`` and ``sub`` (both the channel id), ``aud`` (``https://api.line.me/``), ``exp``
(at most 30 minutes ahead) and, to issue a token, ``token_exp`` (the token's lifetime
in seconds, at most 30 days). Signing goes through PyJWT with cryptography, the
optional extra ``linebot_fp[jwt]``, imported when a key is loaded.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from linebot_fp.errors import InvalidInputError
from linebot_fp.extras import import_extra
from linebot_fp.tokens.secret import Secret

__all__ = ["ASSERTION_SECONDS", "AUDIENCE", "MAX_ASSERTION_SECONDS", "MAX_TOKEN_SECONDS",
           "PrivateKey", "check_lifetime", "is_pem", "make_assertion"]

#: the ``aud`` claim LINE requires
AUDIENCE = "https://api.line.me/"
#: the longest an assertion may live ("The max lifetime of a JWT Assertion is 30 minutes")
MAX_ASSERTION_SECONDS = 30 * 60
#: how long the assertions made here live: each is used at once, so a short life leaves
#: room for a clock running ahead of LINE's
ASSERTION_SECONDS = 5 * 60
#: the longest a channel access token v2.1 may live ("The max lifetime of a channel
#: access token is 30 days")
MAX_TOKEN_SECONDS = 30 * 24 * 60 * 60


class PrivateKey:
    """The private key of an Assertion Signing Key, loaded once; its ``repr`` shows no key.

    ``key`` is the JWK LINE's key generation gives (a dict, or its JSON text) or a PEM
    text (``-----BEGIN PRIVATE KEY-----...``, bytes or str). Raises
    :class:`~linebot_fp.errors.InvalidInputError` when it is neither, or not an RSA
    private key; ``MissingExtraError`` without ``linebot_fp[jwt]``.
    """

    __slots__ = ("_key",)

    def __init__(self, key: Mapping[str, Any] | str | bytes) -> None:
        import_extra("jwt", "jwt", "signing JWT assertions (V21Token)")
        rsa = import_extra("cryptography.hazmat.primitives.asymmetric.rsa", "jwt",
                           "signing JWT assertions (V21Token)")
        loaded = _load(key)
        if not isinstance(loaded, rsa.RSAPrivateKey):
            raise InvalidInputError("private_key must be an RSA private key (LINE's Assertion "
                                    f"Signing Keys are RSA), got a {type(loaded).__name__}")
        self._key = loaded

    def __repr__(self) -> str:
        return "PrivateKey(<redacted>)"

    def public_jwk(self) -> dict[str, str]:
        """The public half as the JWK to register on LINE's console (``kty``, ``alg``,
        ``use``, ``n``, ``e``)."""
        algorithms = import_extra("jwt.algorithms", "jwt", "signing JWT assertions")
        public: dict[str, str] = json.loads(
            algorithms.RSAAlgorithm.to_jwk(self._key.public_key()))
        return {**public, "alg": "RS256", "use": "sig"}

    def sign(self, claims: Mapping[str, Any], kid: str) -> Secret:
        """``claims`` as a JWT signed RS256, ``kid`` in its header."""
        jwt = import_extra("jwt", "jwt", "signing JWT assertions (V21Token)")
        return Secret(jwt.encode(dict(claims), self._key, algorithm="RS256",
                                 headers={"kid": kid, "typ": "JWT"}))


def make_assertion(channel_id: str, private_key: PrivateKey, kid: str, *, now: float,
                   token_exp: int | None = None,
                   lifetime: int = ASSERTION_SECONDS) -> Secret:
    """The JWT assertion of ``channel_id``, signed with ``private_key`` under ``kid``.

    ``now`` is the current time (epoch seconds); ``token_exp`` the lifetime asked for
    the token (seconds; leave it out to list key ids); ``lifetime`` the assertion's own.
    Raises ``InvalidInputError`` for a lifetime outside LINE's limits.
    """
    if not 0 < lifetime <= MAX_ASSERTION_SECONDS:
        raise InvalidInputError(f"an assertion lives at most {MAX_ASSERTION_SECONDS} s, "
                                f"not {lifetime!r}")
    claims: dict[str, Any] = {"iss": channel_id, "sub": channel_id, "aud": AUDIENCE,
                              "exp": int(now) + lifetime}
    if token_exp is not None:
        claims["token_exp"] = check_lifetime(token_exp)
    return private_key.sign(claims, kid)


def check_lifetime(seconds: object) -> int:
    """``seconds`` as the whole seconds a v2.1 token may live (1 to 30 days' worth)."""
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) \
            or not 1 <= seconds <= MAX_TOKEN_SECONDS:
        raise InvalidInputError(f"lifetime must be seconds between 1 and {MAX_TOKEN_SECONDS} "
                                f"(30 days), got {seconds!r}")
    return int(seconds)


def is_pem(key: object) -> bool:
    """Whether ``key`` is PEM text (str or bytes beginning ``-----``)."""
    if isinstance(key, bytes):
        key = key.decode("latin-1")
    return isinstance(key, str) and key.lstrip().startswith("-----")


def _load(key: Mapping[str, Any] | str | bytes) -> object:
    serialization = import_extra("cryptography.hazmat.primitives.serialization", "jwt",
                                 "signing JWT assertions (V21Token)")
    if is_pem(key):
        assert isinstance(key, (str, bytes))
        data = key.encode() if isinstance(key, str) else key
        try:
            return serialization.load_pem_private_key(data, password=None)
        except (ValueError, TypeError):
            raise InvalidInputError("private_key is a PEM text that holds no unencrypted "
                                    "private key") from None
    if isinstance(key, (str, bytes)):
        try:
            key = json.loads(key)
        except ValueError:
            raise InvalidInputError("private_key must be a JWK (a dict or its JSON text) or "
                                    "a PEM text; it is neither") from None
    if not isinstance(key, Mapping):
        raise InvalidInputError(f"private_key must be a JWK dict or a PEM text, got "
                                f"{type(key).__name__}")
    if "d" not in key:
        raise InvalidInputError("private_key is a public JWK (it has no \"d\"): give the "
                                "private key of the Assertion Signing Key")
    algorithms = import_extra("jwt.algorithms", "jwt", "signing JWT assertions (V21Token)")
    jwt_errors = import_extra("jwt.exceptions", "jwt", "signing JWT assertions (V21Token)")
    try:
        return algorithms.RSAAlgorithm.from_jwk(dict(key))
    except (jwt_errors.InvalidKeyError, ValueError, TypeError, KeyError):
        raise InvalidInputError("private_key is not an RSA private JWK (kty \"RSA\" with n, "
                                "e, d, p, q, dp, dq, qi)") from None
