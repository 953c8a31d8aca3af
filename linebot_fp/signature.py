"""The ``X-Line-Signature`` of a webhook body: HMAC-SHA256 with the channel secret, base64.

https://developers.line.biz/en/reference/messaging-api/#signature-validation

Standard library only, so the builder of the webhook ``callback`` and the command
line can sign without loading the event models. This module performs no I/O.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

__all__ = ["BYTES_LIKE", "signature", "verify_signature"]

BYTES_LIKE = (bytes, bytearray, memoryview)


def signature(body: str | bytes, secret: str | bytes) -> str:
    """The ``X-Line-Signature`` LINE sends with ``body``: base64 of its HMAC-SHA256.

    A ``str`` body is signed as its UTF-8 bytes. For tests and for the CLI.
    """
    raw = body.encode() if isinstance(body, str) else body
    return _digest(raw, _secret_bytes(secret)).decode("ascii")


def verify_signature(body: str | bytes, signature: str | bytes | None, secret: str | bytes) -> bool:
    """Whether ``signature`` (the ``X-Line-Signature`` header) signs ``body`` with ``secret``.

    HMAC-SHA256 of the raw body bytes (a ``str`` body is UTF-8 encoded), base64,
    compared in constant time. A missing or malformed signature gives False;
    only a ``secret`` that is neither ``str`` nor ``bytes`` raises (``TypeError``).
    """
    key = _secret_bytes(secret)
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
            raw = body.encode()
        except UnicodeEncodeError:  # lone surrogates: no bytes LINE could have signed
            return False
    elif isinstance(body, BYTES_LIKE):
        raw = body
    else:
        return False
    return hmac.compare_digest(_digest(raw, key), given)


def _digest(raw: bytes | bytearray | memoryview, key: bytes) -> bytes:
    return base64.b64encode(hmac.new(key, raw, hashlib.sha256).digest())


def _secret_bytes(secret: str | bytes) -> bytes:
    if isinstance(secret, str):
        return secret.encode()
    if isinstance(secret, BYTES_LIKE):
        return bytes(secret)
    raise TypeError(f"the channel secret must be str or bytes, got {type(secret).__name__}")
