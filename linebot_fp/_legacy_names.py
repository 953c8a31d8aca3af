"""Names of the legacy ``linebot`` package that users try on ``linebot_fp``, and where they are.

``linebot_fp.LineBotApi`` is not a name of the core: the legacy SDK's classes live in
:mod:`linebot_fp.compat`. :func:`missing_attribute` makes the ``AttributeError`` for a
missing top-level name, pointing to ``linebot_fp.compat`` when the name is a legacy one.
This module performs no I/O and imports nothing.
"""

from __future__ import annotations

__all__ = ["LEGACY_NAMES", "missing_attribute"]

#: legacy top-level names (``from linebot import ...``) that the core does not have; each
#: is in ``linebot_fp.compat`` (a test checks this set against ``linebot_fp.compat.__all__``)
LEGACY_NAMES = frozenset({"HttpClient", "HttpResponse", "LineBotApi", "RequestsHttpClient",
                          "SignatureValidator", "WebhookHandler", "WebhookParser"})

#: legacy submodules (``linebot.exceptions``, ...) that live under ``linebot_fp.compat``
LEGACY_MODULES = frozenset({"constants", "exceptions", "http_client", "utils"})


def missing_attribute(package: str, name: str) -> AttributeError:
    """The ``AttributeError`` for ``package.name``; a legacy name is pointed to its new home."""
    if name in LEGACY_NAMES:
        return AttributeError(
            f"module {package!r} has no attribute {name!r}: the legacy SDK's {name} lives in "
            f"linebot_fp.compat (from linebot_fp.compat import {name})", name=name)
    if name in LEGACY_MODULES:
        return AttributeError(
            f"module {package!r} has no attribute {name!r}: the legacy SDK's linebot.{name} is "
            f"linebot_fp.compat.{name} (import linebot_fp.compat.{name})", name=name)
    return AttributeError(f"module {package!r} has no attribute {name!r}", name=name)
