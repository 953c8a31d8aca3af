"""The legacy API: code written for line-bot-sdk v1/v2 runs with ``linebot`` replaced by
``linebot_fp.compat`` in its import lines::

    from linebot_fp.compat import LineBotApi, WebhookHandler
    from linebot_fp.compat.exceptions import InvalidSignatureError, LineBotApiError
    from linebot_fp.compat.models import MessageEvent, TextMessage, TextSendMessage

Everything here is a thin shell over the functional core: ``LineBotApi`` calls
the builders of :mod:`linebot_fp.api` and sends with a
:class:`~linebot_fp.client.Client`; ``WebhookParser`` and ``WebhookHandler``
use :mod:`linebot_fp.webhook`. The models (:mod:`linebot_fp.compat.models`) are
legacy-shaped classes generated from the core models, converted to the core
ones when ``LineBotApi`` sends; the exceptions subclass the core ones. Importing
this package changes nothing in the core. Names load on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from linebot_fp._exports import lazy_exports

if TYPE_CHECKING:
    from linebot_fp.compat.api import LineBotApi as LineBotApi
    from linebot_fp.compat.http_client import (
        HttpClient as HttpClient,
        HttpResponse as HttpResponse,
        RequestsHttpClient as RequestsHttpClient,
    )
    from linebot_fp.compat.webhook import (
        SignatureValidator as SignatureValidator,
        WebhookHandler as WebhookHandler,
        WebhookParser as WebhookParser,
        WebhookPayload as WebhookPayload,
    )

__all__, _lazy_getattr, __dir__ = lazy_exports(__name__, {
    "linebot_fp.compat.api": ("LineBotApi",),
    "linebot_fp.compat.http_client": ("HttpClient", "HttpResponse", "RequestsHttpClient"),
    "linebot_fp.compat.webhook": ("SignatureValidator", "WebhookHandler", "WebhookParser",
                                  "WebhookPayload"),
})

_SUBMODULES = frozenset({"api", "constants", "exceptions", "http_client", "models", "utils",
                         "webhook"})


def __getattr__(name: str) -> Any:
    """A legacy name, or a submodule (``linebot_fp.compat.models``), loaded on first use."""
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    return _lazy_getattr(name)
