"""What the API reference's landing page says: the architecture, and every module in its group.

Modules are grouped by rules on their dotted names (:data:`GROUPS`), so a module added
later (``linebot_fp.inbox.redis``, ``linebot_fp.tokens``, ``linebot_fp.limits``, ...)
lands in its group without anyone listing it; a module no rule claims is *Core*.
Pure: reads module names, imports nothing but the package to list them.
"""

from __future__ import annotations

import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass

__all__ = ["ARCHITECTURE", "GROUPS", "Group", "group_of", "grouped", "public_modules"]

PACKAGE = "linebot_fp"


def public_modules() -> list[str]:
    """``linebot_fp`` and each of its public modules (no part of the name starts with ``_``)."""
    import linebot_fp

    found = pkgutil.walk_packages(linebot_fp.__path__, f"{PACKAGE}.")
    public = (info.name for info in found
              if not any(part.startswith("_") for part in info.name.split(".")))
    return [PACKAGE, *sorted(public)]


def _head(name: str) -> str:
    """The first part below the package: ``linebot_fp.inbox.redis`` -> ``inbox``."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else ""


def _starts(*prefixes: str) -> Callable[[str], bool]:
    return lambda name: _head(name).startswith(prefixes)


@dataclass(frozen=True)
class Group:
    """A group of the landing page: its title, what it is for, and which modules it claims."""

    title: str
    about: str
    claims: Callable[[str], bool]


#: the groups in the order the page shows them; a module goes to the first that claims it
GROUPS: tuple[Group, ...] = (
    Group("Core", "The package's front door, requests and their answers, the send flow, the "
          "clients and transports, the codec and the errors.", lambda name: False),
    Group("API builders", "One pure function per endpoint, each returning a Request; "
          "OPERATIONS maps every operationId of the LINE OpenAPI spec to its builder.",
          _starts("api")),
    Group("Models", "Frozen dataclasses for everything sent and received, one module per "
          "family.", _starts("models")),
    Group("Webhook and apps", "Verifying and parsing what LINE posts, dispatching it, and "
          "ready WSGI / ASGI webhook apps.",
          _starts("webhook", "apps", "event_store", "signature", "demo")),
    Group("Inbox", "The durable record of received events (memory, SQLite, Redis): each "
          "event handled once.", _starts("inbox")),
    Group("Tokens", "Channel access token providers and their caches.", _starts("token")),
    Group("Limits, jobs and validation", "LINE's rate limits and quotas, long jobs awaited, "
          "messages checked offline against LINE's limits.",
          _starts("limit", "job", "validat", "quota")),
    Group("Testing", "Event factories, signed webhooks, transports without sockets and the "
          "fake LINE API server.", _starts("testing")),
    Group("Replay", "Stored requests sent later, safely.", _starts("replay")),
    Group("Legacy API (compat)", "line-bot-sdk v1/v2 under its own names: replace "
          "`linebot` by `linebot_fp.compat` in the imports.", _starts("compat")),
)


def group_of(name: str) -> Group:
    """The group of the module ``name``: the first rule that claims it, else *Core*."""
    return next((group for group in GROUPS[1:] if group.claims(name)), GROUPS[0])


def grouped(names: Iterable[str]) -> list[tuple[Group, list[str]]]:
    """``names`` by group, in the groups' order (empty groups left out), each sorted."""
    members: dict[str, list[str]] = {group.title: [] for group in GROUPS}
    for name in names:
        members[group_of(name).title].append(name)
    return [(group, sorted(members[group.title])) for group in GROUPS if members[group.title]]


#: the shape of the package (DESIGN.md, "Shape (sans-I/O)")
ARCHITECTURE = "\n".join((
    " user code ──▶ models (frozen dataclasses) ──▶ api builders (pure) ──▶ Request value",
    " " * 72 + "│",
    " " * 35 + "Client.send ◀── transport (urllib3) ◀┘ "
    "──▶ decoded model / LineBotApiError",
    " HTTP POST /callback ──▶ webhook.parse(body, signature, secret) ──▶ list[Event] "
    "──▶ dispatch(handlers, events)",
))

#: what the diagram means, one paragraph each
ARCHITECTURE_NOTES = (
    "Everything left of the transport is pure: no sockets, no clocks, no globals that "
    "change. Same input, same output, byte for byte. A Request carries no token, so it can "
    "be logged, stored and replayed.",
    "The only I/O lives in the clients and transports (sending), the stores of the inbox, "
    "tokens and limiter, the command line, and the testing kit's fake server. urllib3 is "
    "imported only when a request is actually sent.",
)
