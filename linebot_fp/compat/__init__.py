"""The legacy API: code written for line-bot-sdk v1/v2 runs with ``linebot`` replaced by
``linebot_fp.compat`` in its import lines::

    from linebot_fp.compat import LineBotApi, WebhookHandler
    from linebot_fp.compat.exceptions import InvalidSignatureError, LineBotApiError
    from linebot_fp.compat.models import MessageEvent, TextMessage, TextSendMessage

Everything here is a thin shell over the functional core: ``LineBotApi`` calls
the builders of :mod:`linebot_fp.api` and sends with a
:class:`~linebot_fp.client.Client`; ``WebhookParser`` and ``WebhookHandler``
use :mod:`linebot_fp.webhook`; the models and exceptions are the core's own
classes under their legacy names. Names load on first use.

Legacy model methods. Legacy models had ``as_json_dict()``, ``as_json_string()``
and the class method ``new_from_json_dict(data)``, and bots call them on the
values they build, on parsed events and on API answers alike. All of those are
core model instances, whose one common class is the core ``Model``; so
importing this package adds the three methods to ``Model`` (each a call of the
codec: ``unstructure``, then ``json.dumps``; ``structure``), and to nothing else.
That is the one side effect of importing ``linebot_fp.compat``. The
alternatives were worse: compat subclasses of every model would make compat
values unequal to core values and give the codec two classes per ``type``, and
wrappers could not reach the events and answers the core itself decodes. Code
that never imports ``linebot_fp.compat`` sees models without these methods.
"""

from __future__ import annotations

import importlib
import json
from typing import TYPE_CHECKING, Any

from linebot_fp._lazy import lazy_exports
from linebot_fp.models._base import Model

if TYPE_CHECKING:
    from linebot_fp.compat.api import LineBotApi
    from linebot_fp.compat.http_client import HttpClient, HttpResponse, RequestsHttpClient
    from linebot_fp.compat.webhook import (
        SignatureValidator,
        WebhookHandler,
        WebhookParser,
        WebhookPayload,
    )

__all__, _lazy_getattr, __dir__ = lazy_exports(__name__, {
    "linebot_fp.compat.api": ("LineBotApi",),
    "linebot_fp.compat.http_client": ("HttpClient", "HttpResponse", "RequestsHttpClient"),
    "linebot_fp.compat.webhook": ("SignatureValidator", "WebhookHandler", "WebhookParser",
                                  "WebhookPayload"),
})

_SUBMODULES = frozenset({"api", "exceptions", "http_client", "models", "webhook"})


def __getattr__(name: str) -> Any:
    """A legacy name, or a submodule (``linebot_fp.compat.models``), loaded on first use."""
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    return _lazy_getattr(name)


def _as_json_dict(self: Model) -> Any:
    """This model's JSON object: camelCase keys, ``None`` left out (legacy ``as_json_dict``)."""
    from linebot_fp import codec

    return codec.unstructure(self)


def _as_json_string(self: Model) -> str:
    """This model's JSON object as a string, keys sorted (legacy ``as_json_string``)."""
    return json.dumps(_as_json_dict(self), sort_keys=True)


def _new_from_json_dict(cls: type[Model], data: Any) -> Any:
    """The model read from its JSON object (legacy ``new_from_json_dict``).

    On a family base (``FlexContainer``, ``Event``, ...) the JSON ``type`` picks the class.
    """
    from linebot_fp import codec

    return codec.structure(data, cls)


def _install_legacy_model_methods() -> None:
    legacy = {"as_json_dict": _as_json_dict, "as_json_string": _as_json_string,
              "new_from_json_dict": classmethod(_new_from_json_dict)}
    for name, method in legacy.items():
        if name not in vars(Model):
            setattr(Model, name, method)


_install_legacy_model_methods()
