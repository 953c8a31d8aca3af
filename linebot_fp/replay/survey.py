"""A look at a replay file before sending it: how many lines are left, and to how many people.

:func:`survey` reads the file's lines once (none kept) against the journal:
lines an earlier run sent, lines it would hold (unknown outcome, not safe to
resend), and the lines left to send, with the messages they would count
against the month's quota where the file says (:func:`recipients_of`). A
rerun with nothing left can so say it in one line instead of starting. This
module performs no I/O but reading the journal.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from linebot_fp.replay.journal import Journal, LineState, digest
from linebot_fp.replay.runner import resend_risk

__all__ = ["Survey", "recipients_of", "survey"]

#: LINE counts a message sent to each recipient: a push to a user is one, a multicast one
#: per user in ``to``; replies are free; a broadcast, a narrowcast or a push to a group
#: counts people the file does not name
#: (https://developers.line.biz/en/docs/messaging-api/pricing/,
#: https://developers.line.biz/en/tips/2026/05/28/how-to-count-messages/)
PUSH, MULTICAST = "/v2/bot/message/push", "/v2/bot/message/multicast"
UNCOUNTED = frozenset({"/v2/bot/message/broadcast", "/v2/bot/message/narrowcast"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Survey:
    """What a run of the file has before it: ``lines`` (not blank), ``already_sent`` by an
    earlier run, ``held`` (unknown outcome, not safe to resend), and of the lines to send
    the ``recipients`` the file names (when counted) and how many lines send to people it
    does not name (``uncounted``: broadcasts, narrowcasts, pushes to groups)."""

    lines: int = 0
    already_sent: int = 0
    held: int = 0
    recipients: int = 0
    uncounted: int = 0

    @property
    def to_send(self) -> int:
        """Lines this run would send (or fail to read)."""
        return self.lines - self.already_sent - self.held


def survey(lines: Iterable[str], journal: Journal | None, *, now: float,
           resend_unknown: bool = False, count_recipients: bool = False) -> Survey:
    """Survey the replay file ``lines`` (read as :func:`~linebot_fp.replay.load_requests`
    reads them) against ``journal`` at ``now`` (epoch seconds); ``count_recipients``
    also counts the recipients of the lines to send (each line's JSON is read)."""
    counts = dict.fromkeys(("lines", "already_sent", "held", "recipients", "uncounted"), 0)
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text:
            continue
        counts["lines"] += 1
        row = journal.get(number, digest(text)) if journal is not None else None
        if row is not None and row.state is LineState.SENT:
            counts["already_sent"] += 1
            continue
        record = _record(text) if count_recipients or row is not None else None
        if row is not None and row.state in (LineState.UNKNOWN, LineState.IN_FLIGHT) \
                and not resend_unknown and record is not None \
                and resend_risk(str(record.get("method")), row, now) is not None:
            counts["held"] += 1
            continue
        if count_recipients and record is not None:
            recipients = recipients_of(record)
            if recipients is None:
                counts["uncounted"] += 1
            else:
                counts["recipients"] += recipients
    return Survey(**counts)


def recipients_of(record: Mapping[str, Any]) -> int | None:
    """The messages a replay line (its JSON object) counts against the month's quota, or
    ``None`` when the file does not say (a broadcast, a narrowcast, a push to a group
    or a room). Replies and every other operation count none."""
    path = record.get("path")
    if path in UNCOUNTED:
        return None
    if path not in (PUSH, MULTICAST):
        return 0
    if "body" not in record:
        return None if "body_base64" in record else 0
    try:
        body = json.loads(record["body"] or "null")
    except ValueError:
        return 0  # a line that cannot be sent sends to no one
    if not isinstance(body, dict):
        return 0
    if path == MULTICAST:
        to = body.get("to")
        return len(to) if isinstance(to, list) else 0
    to = body.get("to")
    if isinstance(to, str) and not to.startswith("U"):
        return None  # a group or a room: its members are not in the file
    return 1


def _record(text: str) -> dict[str, Any] | None:
    try:
        record = json.loads(text)
    except ValueError:
        return None
    return record if isinstance(record, dict) else None
