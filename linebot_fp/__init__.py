"""linebot_fp: a functional, dependency-light SDK for the LINE Messaging API.

Models are frozen dataclasses (``linebot_fp.models``), builders are pure
functions returning :class:`Request` values (``linebot_fp.api``), a small
:class:`Client` sends them, and ``linebot_fp.webhook`` parses what LINE posts.
Names below load on first use: ``import linebot_fp`` imports almost nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from linebot_fp._lazy import lazy_exports

if TYPE_CHECKING:
    from linebot_fp.client import AsyncClient as AsyncClient, Client as Client
    from linebot_fp.codec import structure as structure, unstructure as unstructure
    from linebot_fp.content import Content as Content
    from linebot_fp.errors import (
        ChannelTokenError as ChannelTokenError,
        InvalidInputError as InvalidInputError,
        InvalidPayloadError as InvalidPayloadError,
        InvalidSignatureError as InvalidSignatureError,
        LineBotApiError as LineBotApiError,
        LineBotError as LineBotError,
        QuotaExceededError as QuotaExceededError,
        TransportError as TransportError,
        TransportTimeoutError as TransportTimeoutError,
        UndecodableAnswerError as UndecodableAnswerError,
    )
    from linebot_fp.request import Headers as Headers, Request as Request, Response as Response
    from linebot_fp.sending import RetryPolicy as RetryPolicy
    from linebot_fp.transport import (
        HttpRequest as HttpRequest,
        Urllib3Transport as Urllib3Transport,
    )
    from linebot_fp.validation import validate as validate
    from linebot_fp.webhook import (
        WebhookPayload as WebhookPayload,
        dispatch as dispatch,
        parse as parse,
        parse_payload as parse_payload,
        parse_payload_unverified as parse_payload_unverified,
        parse_unverified as parse_unverified,
        verify_signature as verify_signature,
    )

#: the version of this package, its one source: the package metadata (hatch), the
#: ``User-Agent`` of every request and ``linebot-fp --version`` read it
__version__ = "0.1.0"

__all__, _exported, __dir__ = lazy_exports(__name__, {
    "linebot_fp.client": ("AsyncClient", "Client"),
    "linebot_fp.codec": ("structure", "unstructure"),
    "linebot_fp.content": ("Content",),
    "linebot_fp.errors": ("ChannelTokenError", "InvalidInputError", "InvalidPayloadError",
                          "InvalidSignatureError", "LineBotApiError", "LineBotError",
                          "QuotaExceededError", "TransportError", "TransportTimeoutError",
                          "UndecodableAnswerError"),
    "linebot_fp.request": ("Headers", "Request", "Response"),
    "linebot_fp.sending": ("RetryPolicy",),
    "linebot_fp.transport": ("HttpRequest", "Urllib3Transport"),
    "linebot_fp.validation": ("validate",),
    "linebot_fp.webhook": ("WebhookPayload", "dispatch", "parse", "parse_payload",
                           "parse_payload_unverified", "parse_unverified", "verify_signature"),
})


def __getattr__(name: str) -> Any:
    """A name of ``__all__``, loaded on first use; a legacy name points to ``linebot_fp.compat``."""
    try:
        return _exported(name)
    except AttributeError:
        from linebot_fp._legacy_names import missing_attribute

        raise missing_attribute(__name__, name) from None
