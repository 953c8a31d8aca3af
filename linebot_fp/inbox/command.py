"""``python -m linebot_fp inbox LOCATION ACTION``: look into an inbox and manage its parked events.

LOCATION is an SQLite path or a ``redis://`` URL (``--namespace`` for a Redis
inbox under another namespace). ACTION is one of:

* ``counts``: how many events are pending, leased, parked and done;
* ``parked``: the parked events (id, attempts, chat, event type, last error,
  problems reported for their sends), oldest first;
* ``retry ID... | --all``: put parked events back to pending (a fresh set of
  attempts, at the end of their chat's line);
* ``drop ID... | --all``: delete parked events.

``--json`` prints JSON instead of text. Exit status: 0, or 1 when some of the
ids given to ``retry``/``drop`` were not parked, or 2 for a location that
cannot be opened.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from linebot_fp.inbox.base import Entry, Inbox

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``inbox`` subcommand's arguments."""
    parser.add_argument("location", help="the inbox: an SQLite file path or a redis:// URL")
    parser.add_argument("--namespace", help="the key namespace of a Redis inbox "
                                            "(default: linebot_fp:inbox)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    actions = parser.add_subparsers(dest="action", required=True)
    actions.add_parser("counts", help="how many events are pending, leased, parked and done")
    parked = actions.add_parser("parked", help="list the parked events")
    parked.add_argument("--limit", type=int, default=None, help="list at most this many")
    for name, verb in (("retry", "put back to pending"), ("drop", "delete")):
        action = actions.add_parser(name, help=f"{verb} parked events")
        which = action.add_mutually_exclusive_group(required=True)
        which.add_argument("ids", nargs="*", default=[], metavar="ID", help="event ids")
        which.add_argument("--all", action="store_true", help="every parked event")


def run(args: argparse.Namespace) -> int:
    """Run the ``inbox`` subcommand; the exit status."""
    from linebot_fp.inbox import open_inbox

    options: dict[str, Any] = {} if args.namespace is None else {"namespace": args.namespace}
    if "://" not in args.location and not Path(args.location).is_file():
        print(f"cannot open the inbox: no such file {args.location!r}", file=sys.stderr)
        return 2
    try:
        inbox = open_inbox(args.location, **options)
    except (ValueError, ImportError) as error:
        print(f"cannot open the inbox: {error}", file=sys.stderr)
        return 2
    try:
        return _act(inbox, args)
    finally:
        inbox.close()


def _act(inbox: Inbox, args: argparse.Namespace) -> int:
    if args.action == "counts":
        counts = inbox.counts()
        _print(args, counts._asdict(),
               "  ".join(f"{name} {value}" for name, value in counts._asdict().items()))
        return 0
    if args.action == "parked":
        entries = inbox.parked(args.limit)
        _print(args, [_described(entry) for entry in entries],
               "\n".join(_line(entry) for entry in entries) or "no parked events")
        return 0
    ids = None if args.all else list(dict.fromkeys(args.ids))
    changed = (inbox.retry if args.action == "retry" else inbox.drop)(ids)
    verb = "retried" if args.action == "retry" else "dropped"
    _print(args, {verb: changed}, f"{verb} {changed} parked event{'s' if changed != 1 else ''}")
    if ids is not None and changed < len(ids):
        print(f"{len(ids) - changed} of the ids given were not parked events", file=sys.stderr)
        return 1
    return 0


def _print(args: argparse.Namespace, data: Any, text: str) -> None:
    print(json.dumps(data, ensure_ascii=False) if args.json else text)


def _described(entry: Entry) -> dict[str, Any]:
    try:
        kind = json.loads(entry.event).get("type")
    except (ValueError, AttributeError):
        kind = None
    return {"id": entry.id, "type": kind, "chat": entry.chat, "attempts": entry.attempts,
            "received": entry.received, "error": entry.error,
            "problems": list(entry.notes.get("problems", []))}


def _line(entry: Entry) -> str:
    described = _described(entry)
    line = (f"{entry.id}  {described['type'] or '?'}  chat {entry.chat or '-'}  "
            f"attempts {entry.attempts}  error: {entry.error or '-'}")
    return "\n".join([line, *(f"    problem: {p}" for p in described["problems"])])
