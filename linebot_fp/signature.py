"""The ``X-Line-Signature`` of a webhook body: HMAC-SHA256 with the channel secret, base64.

https://developers.line.biz/en/reference/messaging-api/#signature-validation

Standard library only (and the exception classes), so the builder of the webhook
``callback`` and the command line can sign without loading the event models.
:func:`check_secret` is the one check of a channel secret, for every place that
takes one. This module performs no I/O.
"""

from __future__ import annotations

import hmac
from binascii import b2a_base64

from linebot_fp.errors import InvalidInputError

__all__ = ["BYTES_LIKE", "check_secret", "signature", "signs", "verify_signature"]

BYTES_LIKE = (bytes, bytearray, memoryview)


def signature(body: str | bytes, secret: str | bytes) -> str:
    """The ``X-Line-Signature`` LINE sends with ``body``: base64 of its HMAC-SHA256.

    A ``str`` body is signed as its UTF-8 bytes. For tests and for the CLI.
    A bad ``secret`` raises ``InvalidInputError`` (see :func:`check_secret`).
    """
    key = check_secret(secret)
    raw = body.encode() if isinstance(body, str) else body
    return _digest(raw, key).decode("ascii")


def verify_signature(body: str | bytes, signature: str | bytes | None, secret: str | bytes) -> bool:
    """Whether ``signature`` (the ``X-Line-Signature`` header) signs ``body`` with ``secret``.

    HMAC-SHA256 of the raw body bytes (a ``str`` body is UTF-8 encoded), base64,
    compared in constant time. A missing or malformed signature, or a body that
    is not ``str`` or bytes, gives False; a bad ``secret`` (empty, not ``str`` or
    bytes) raises ``InvalidInputError``, a ``ValueError`` (see :func:`check_secret`).
    """
    return signs(signature, body, check_secret(secret))


def signs(signature: object, body: object, key: bytes) -> bool:
    """:func:`verify_signature` for a ``key`` that :func:`check_secret` already gave."""
    if isinstance(signature, str):
        try:
            given = signature.encode("ascii")
        except UnicodeEncodeError:
            return False
    elif isinstance(signature, BYTES_LIKE):
        given = bytes(signature)
    else:
        return False
    if isinstance(body, str):
        try:
            raw: bytes | bytearray | memoryview = body.encode()
        except UnicodeEncodeError:  # lone surrogates: no bytes LINE could have signed
            return False
    elif isinstance(body, BYTES_LIKE):
        raw = body
    else:
        return False
    return hmac.compare_digest(_digest(raw, key), given)


def _digest(raw: bytes | bytearray | memoryview, key: bytes) -> bytes:
    return b2a_base64(hmac.digest(key, raw, "sha256"), newline=False)


def check_secret(secret: object) -> bytes:
    """The channel secret as the HMAC key, or ``InvalidInputError`` (a ``ValueError``).

    A secret is a non-empty ``str`` (UTF-8 encoded) or bytes, without surrounding
    whitespace (a secret read from a file with its newline would never verify).
    An empty secret is refused: anyone can sign a body with the empty key. The
    message says what is wrong and never contains the secret.
    """
    if isinstance(secret, str):
        try:
            key = secret.encode()
        except UnicodeEncodeError:
            raise InvalidInputError("the channel secret is not valid Unicode text "
                                    "(it holds a lone surrogate)") from None
    elif isinstance(secret, BYTES_LIKE):
        key = bytes(secret)
    else:
        raise InvalidInputError(f"the channel secret must be a non-empty str or bytes, "
                                f"got {type(secret).__name__}")
    if not key:
        raise InvalidInputError("the channel secret is empty: every body signed with the "
                                "empty key would verify; pass the channel's secret")
    if key != key.strip():
        raise InvalidInputError("the channel secret has leading or trailing whitespace "
                                "(a newline read from a file or variable?); strip it")
    return key
